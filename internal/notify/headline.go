package notify

import (
	"fmt"

	"github.com/nextseason/nextseason/internal/model"
	"github.com/nextseason/nextseason/internal/store"
)

// Headline says what an event means in one line, for a mail's subject,
// a feed entry's title and the delivery history.
func Headline(e store.FollowedEvent) string {
	season := e.Title
	if e.Season > 0 {
		season = fmt.Sprintf("%s season %d", e.Title, e.Season)
	}
	switch e.Kind {
	case model.EventRenewed:
		return season + " is renewed"
	case model.EventCanceled:
		return season + " is canceled"
	case model.EventEndedFinalSeason:
		return season + " is the final season"
	case model.EventPremiereDated:
		return fmt.Sprintf("%s premieres %s", season, model.DisplayText(e.New))
	case model.EventPremiereMoved:
		return fmt.Sprintf("%s premiere moved from %s to %s", season, model.DisplayText(e.Old), model.DisplayText(e.New))
	case model.EventCastNews:
		return fmt.Sprintf("%s cast: %s", season, e.New)
	case model.EventSeasonReleased:
		return season + ": every episode has aired"
	case model.EventAtRisk:
		return fmt.Sprintf("%s: no renewal decision %s", season, e.New)
	}
	return fmt.Sprintf("%s: %s", season, e.Kind)
}

// Detail is the line under a headline: what the answer was before, and
// where the news comes from.
func Detail(e store.FollowedEvent) string {
	s := ""
	if e.Old != "" && e.Kind != model.EventPremiereMoved {
		s = "Before: " + model.DisplayValue(e.Old) + "."
	}
	if e.SourceURL != "" {
		if s != "" {
			s += " "
		}
		s += "Source: " + e.SourceURL
	}
	return s
}

// SentHeadline says what a delivery or mail in the history was about.
func SentHeadline(x store.Sent) string {
	switch {
	case x.Event != nil:
		return Headline(*x.Event)
	case x.DigestDay != "":
		return "digest of " + x.DigestDay
	}
	return "test"
}
