package model

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// DatePrecision says how much of a PartialDate is known.
type DatePrecision string

// The precisions, from finest to coarsest.
const (
	PrecisionDay     DatePrecision = "day"     // 2023-08-26
	PrecisionMonth   DatePrecision = "month"   // 2023-08
	PrecisionQuarter DatePrecision = "quarter" // 2023-Q3
	PrecisionSeason  DatePrecision = "season"  // 2023-summer
	PrecisionPart    DatePrecision = "part"    // 2023-late: early, mid or late in the year
	PrecisionYear    DatePrecision = "year"    // 2023
)

// width orders precisions: a narrower one has a smaller width.
func (p DatePrecision) width() int {
	switch p {
	case PrecisionDay:
		return 1
	case PrecisionMonth:
		return 2
	case PrecisionQuarter:
		return 3
	case PrecisionSeason:
		return 4
	case PrecisionPart:
		return 5
	case PrecisionYear:
		return 6
	}
	return 7
}

// Narrower reports whether p pins a date down more than q does.
func (p DatePrecision) Narrower(q DatePrecision) bool { return p.width() < q.width() }

// PartialDate is a date known to some precision: a day, a month, a quarter,
// a season of the year, an early/mid/late third of a year, or a year.
//
// Its canonical text, used in storage and JSON, is one of YYYY-MM-DD,
// YYYY-MM, YYYY-Qn, YYYY-spring|summer|fall|winter, YYYY-early|mid|late and
// YYYY. Seasons of the year are meteorological and northern: spring is
// March–May, summer June–August, fall September–November, and winter YYYY
// is December of YYYY-1 through February of YYYY. Early is January–April,
// mid May–August, late September–December.
type PartialDate struct {
	Year      int
	Month     int    // 1–12 for day and month precision
	Day       int    // 1–31 for day precision
	Quarter   int    // 1–4 for quarter precision
	Period    string // spring|summer|fall|winter for season precision, early|mid|late for part precision
	Precision DatePrecision
}

// ErrEmptyDate is returned by ParsePartialDate for an empty string.
var ErrEmptyDate = errors.New("empty date")

// DayDate returns the PartialDate of a calendar day.
func DayDate(t time.Time) PartialDate {
	return PartialDate{Year: t.Year(), Month: int(t.Month()), Day: t.Day(), Precision: PrecisionDay}
}

// ParsePartialDate reads a date in its canonical form ("2023-08-26",
// "2023-08", "2023-Q3", "2023-summer", "2023-late", "2023") or as people
// write it ("August 26, 2023", "Aug 2023", "Q3 2023", "summer 2023",
// "late 2023").
func ParsePartialDate(s string) (PartialDate, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return PartialDate{}, ErrEmptyDate
	}
	if len(s) > 40 {
		return PartialDate{}, fmt.Errorf("date %.40q…: too long", s)
	}
	d, ok := parseCanonical(s)
	if !ok {
		d, ok = parseWritten(s)
	}
	if !ok {
		return PartialDate{}, fmt.Errorf("date %q: want YYYY-MM-DD, YYYY-MM, YYYY-Qn, YYYY-spring|summer|fall|winter, YYYY-early|mid|late or YYYY", s)
	}
	if err := d.validate(); err != nil {
		return PartialDate{}, fmt.Errorf("date %q: %w", s, err)
	}
	return d, nil
}

func parseCanonical(s string) (PartialDate, bool) {
	parts := strings.Split(s, "-")
	year, ok := parseYear(parts[0])
	if !ok {
		return PartialDate{}, false
	}
	switch len(parts) {
	case 1:
		return PartialDate{Year: year, Precision: PrecisionYear}, true
	case 2:
		p := strings.ToLower(parts[1])
		if m, err := strconv.Atoi(p); err == nil && len(p) == 2 {
			return PartialDate{Year: year, Month: m, Precision: PrecisionMonth}, true
		}
		if len(p) == 2 && p[0] == 'q' {
			q, err := strconv.Atoi(p[1:])
			return PartialDate{Year: year, Quarter: q, Precision: PrecisionQuarter}, err == nil
		}
		return periodDate(year, p)
	case 3:
		if len(parts[1]) != 2 || len(parts[2]) != 2 {
			return PartialDate{}, false
		}
		m, err1 := strconv.Atoi(parts[1])
		d, err2 := strconv.Atoi(parts[2])
		return PartialDate{Year: year, Month: m, Day: d, Precision: PrecisionDay}, err1 == nil && err2 == nil
	}
	return PartialDate{}, false
}

func parseYear(s string) (int, bool) {
	if len(s) != 4 {
		return 0, false
	}
	y, err := strconv.Atoi(s)
	return y, err == nil && y > 0
}

func periodDate(year int, p string) (PartialDate, bool) {
	switch p {
	case "autumn":
		p = "fall"
		fallthrough
	case "spring", "summer", "fall", "winter":
		return PartialDate{Year: year, Period: p, Precision: PrecisionSeason}, true
	case "early", "mid", "late":
		return PartialDate{Year: year, Period: p, Precision: PrecisionPart}, true
	}
	return PartialDate{}, false
}

// parseWritten reads "August 26, 2023", "Aug 2023", "Q3 2023", "summer 2023" and "late 2023".
func parseWritten(s string) (PartialDate, bool) {
	fields := strings.Fields(strings.ToLower(strings.ReplaceAll(s, ",", " ")))
	if len(fields) < 2 || len(fields) > 3 {
		return PartialDate{}, false
	}
	year, ok := parseYear(fields[len(fields)-1])
	if !ok {
		return PartialDate{}, false
	}
	first := fields[0]
	if len(fields) == 3 {
		m := monthNumber(first)
		d, err := strconv.Atoi(strings.TrimRight(fields[1], "stndrh"))
		return PartialDate{Year: year, Month: m, Day: d, Precision: PrecisionDay}, m > 0 && err == nil
	}
	if m := monthNumber(first); m > 0 {
		return PartialDate{Year: year, Month: m, Precision: PrecisionMonth}, true
	}
	if len(first) == 2 && first[0] == 'q' {
		q, err := strconv.Atoi(first[1:])
		return PartialDate{Year: year, Quarter: q, Precision: PrecisionQuarter}, err == nil
	}
	return periodDate(year, first)
}

func monthNumber(s string) int {
	for m := time.January; m <= time.December; m++ {
		name := strings.ToLower(m.String())
		if s == name || (len(s) >= 3 && strings.HasPrefix(name, strings.TrimSuffix(s, "."))) {
			return int(m)
		}
	}
	return 0
}

func (d PartialDate) validate() error {
	if d.Year < 1900 || d.Year > 2200 {
		return fmt.Errorf("year %d out of range 1900–2200", d.Year)
	}
	switch d.Precision {
	case PrecisionDay:
		t := time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC)
		if d.Month < 1 || d.Month > 12 || t.Day() != d.Day {
			return fmt.Errorf("no such day %04d-%02d-%02d", d.Year, d.Month, d.Day)
		}
	case PrecisionMonth:
		if d.Month < 1 || d.Month > 12 {
			return fmt.Errorf("month %d out of range 1–12", d.Month)
		}
	case PrecisionQuarter:
		if d.Quarter < 1 || d.Quarter > 4 {
			return fmt.Errorf("quarter %d out of range 1–4", d.Quarter)
		}
	}
	return nil
}

// IsZero reports whether d is the zero value (no date).
func (d PartialDate) IsZero() bool { return d.Precision == "" }

// String is the canonical text of d, or "" for the zero value.
func (d PartialDate) String() string {
	switch d.Precision {
	case PrecisionDay:
		return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
	case PrecisionMonth:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	case PrecisionQuarter:
		return fmt.Sprintf("%04d-Q%d", d.Year, d.Quarter)
	case PrecisionSeason, PrecisionPart:
		return fmt.Sprintf("%04d-%s", d.Year, d.Period)
	case PrecisionYear:
		return fmt.Sprintf("%04d", d.Year)
	}
	return ""
}

// Display is how a reader sees d: "August 26, 2023", "August 2023",
// "Q3 2023", "summer 2023", "late 2023", "2023".
func (d PartialDate) Display() string {
	switch d.Precision {
	case PrecisionDay:
		return fmt.Sprintf("%s %d, %d", time.Month(d.Month), d.Day, d.Year)
	case PrecisionMonth:
		return fmt.Sprintf("%s %d", time.Month(d.Month), d.Year)
	case PrecisionQuarter:
		return fmt.Sprintf("Q%d %d", d.Quarter, d.Year)
	case PrecisionSeason, PrecisionPart:
		return fmt.Sprintf("%s %d", d.Period, d.Year)
	case PrecisionYear:
		return strconv.Itoa(d.Year)
	}
	return ""
}

// MustDate is ParsePartialDate for dates written in code, such as tests
// and fixed cut-offs; it panics on a malformed one.
func MustDate(s string) PartialDate {
	d, err := ParsePartialDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// DisplayText shows a stored date as a reader sees it: "2022-08-26"
// becomes "August 26, 2022". Text that is not a date is returned as is.
func DisplayText(s string) string {
	d, err := ParsePartialDate(s)
	if err != nil {
		return s
	}
	return d.Display()
}

// Start is the first day d may mean, at 00:00 UTC.
func (d PartialDate) Start() time.Time {
	first, _ := d.monthSpan()
	day := 1
	if d.Precision == PrecisionDay {
		day = d.Day
	}
	return time.Date(d.Year, time.Month(first), day, 0, 0, 0, 0, time.UTC)
}

// End is the last day d may mean, at 00:00 UTC.
func (d PartialDate) End() time.Time {
	if d.Precision == PrecisionDay {
		return d.Start()
	}
	_, last := d.monthSpan()
	// Day 0 of the month after last is the last day of last.
	return time.Date(d.Year, time.Month(last+1), 0, 0, 0, 0, 0, time.UTC)
}

// monthSpan gives the first and last month of d, relative to January of
// d.Year (winter starts at month 0, December of the year before).
func (d PartialDate) monthSpan() (first, last int) {
	switch d.Precision {
	case PrecisionDay, PrecisionMonth:
		return d.Month, d.Month
	case PrecisionQuarter:
		return 3*d.Quarter - 2, 3 * d.Quarter
	case PrecisionSeason:
		switch d.Period {
		case "winter":
			return 0, 2
		case "spring":
			return 3, 5
		case "summer":
			return 6, 8
		}
		return 9, 11
	case PrecisionPart:
		switch d.Period {
		case "early":
			return 1, 4
		case "mid":
			return 5, 8
		}
		return 9, 12
	}
	return 1, 12
}

// Compare orders dates by their first possible day, then narrower first,
// so "2023-08-26" < "2023-08" < "2023-Q3" < "2023". It returns -1, 0 or +1.
func (d PartialDate) Compare(e PartialDate) int {
	if c := d.Start().Compare(e.Start()); c != 0 {
		return c
	}
	if c := d.End().Compare(e.End()); c != 0 {
		return c
	}
	return 0
}

// Contains reports whether every day e may mean lies within d.
func (d PartialDate) Contains(e PartialDate) bool {
	return !e.Start().Before(d.Start()) && !e.End().After(d.End())
}

// MarshalText writes the canonical form.
func (d PartialDate) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText reads any form ParsePartialDate accepts, and "" (what
// MarshalText writes for the zero value) as the zero value.
func (d *PartialDate) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = PartialDate{}
		return nil
	}
	v, err := ParsePartialDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}
