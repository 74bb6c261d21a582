package model

import (
	"fmt"
	"strings"
)

// The words people read for the values the code keeps: one table, used
// by pages, feeds, mail and the CLI's text.

// Label is what a follower reads for a kind of event.
func (k EventKind) Label() string {
	switch k {
	case EventRenewed:
		return "Renewed"
	case EventCanceled:
		return "Canceled"
	case EventEndedFinalSeason:
		return "Final season announced"
	case EventPremiereDated:
		return "Premiere date set"
	case EventPremiereMoved:
		return "Premiere date moved"
	case EventCastNews:
		return "Cast news"
	case EventSeasonReleased:
		return "Season released"
	case EventAtRisk:
		return "At risk (no decision after the finale)"
	}
	return string(k)
}

// Label says how precise a date is, as a reader would: "to the day",
// "early, mid or late in the year".
func (p DatePrecision) Label() string {
	switch p {
	case PrecisionDay:
		return "to the day"
	case PrecisionMonth:
		return "to the month"
	case PrecisionQuarter:
		return "to the quarter"
	case PrecisionSeason:
		return "to the season"
	case PrecisionPart:
		return "early, mid or late in the year"
	case PrecisionYear:
		return "to the year"
	}
	return string(p)
}

// Plural is a count with its noun: "1 week", "3 weeks".
func Plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// AnswerDisputed is what an event stores for a renewal answer sources of
// equal weight disagreed on.
const AnswerDisputed = "disputed"

// DisputedValue is what an event stores for an answer put in dispute:
// AnswerDisputed, then who says what.
func DisputedValue(sides string) string { return AnswerDisputed + ": " + sides }

// DisputeSides reads a DisputedValue back: who says what, and whether the
// value was one.
func DisputeSides(value string) (string, bool) {
	return strings.CutPrefix(value, AnswerDisputed+": ")
}

// DisplayValue is a stored answer as a reader reads it: a renewal
// status's label, a date's display ("summer 2027"), else as it is.
func DisplayValue(s string) string {
	if s == AnswerDisputed {
		return "Disputed"
	}
	if st, err := ParseRenewalStatus(s); err == nil {
		return st.Label()
	}
	return DisplayText(s)
}

// Label is what a reader reads for a cast change.
func (c CastChange) Label() string {
	switch c {
	case CastReturning:
		return "returning"
	case CastNew:
		return "joining"
	case CastExpected:
		return "expected to return"
	case CastDeparting:
		return "not returning"
	}
	return string(c)
}

// WillNotHappen reports whether a status says the season will not come:
// canceled, or the show ended.
func (s RenewalStatus) WillNotHappen() bool {
	return s == StatusCanceled || s == StatusEndedFinalSeason
}

// ShowStatusLabel is TVmaze's status of a show in a reader's words, or ""
// when there is none.
func ShowStatusLabel(providerStatus string) string {
	switch providerStatus {
	case "Running":
		return "running"
	case "Ended":
		return "ended"
	case "To Be Determined":
		return "future undecided"
	case "In Development":
		return "in development"
	}
	return ""
}
