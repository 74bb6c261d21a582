package extract

import (
	"fmt"
	"strconv"
	"strings"
)

const monthNames = `(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)`

var (
	dayDate    = mustWordPattern(`\b` + monthNames + `\.?,? (\d{1,2})(?:st|nd|rd|th)?\b(?:,? (\d{4}))?`)
	monthDate  = mustWordPattern(`(?i:\b(?:in|this|until|by|on|from|early|late|mid-?|coming) )` + monthNames + `\b(?:,? (\d{4}))?|\b` + monthNames + ` (\d{4})\b`)
	seasonOf   = mustWordPattern(`(?i)\b(spring|summer|fall|autumn|winter|estate|autunno|primavera|inverno)\b(?: (?:of )?(\d{4})| (?:di |del )?quest.anno)?`)
	thisSeason = mustWordPattern(`(?i)\b(?:this|next|later this|coming) (spring|summer|fall|autumn|winter)\b`)
	yearOnly   = mustWordPattern(`(?i)\b(?:in|sometime in|until|by|during|early|mid|late|for|of|slated for|due in)[ -](\d{4})\b`)
)

func monthNumber(name string) int {
	name = strings.ToLower(name)
	for i, m := range []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"} {
		if strings.HasPrefix(name, m) {
			return i + 1
		}
	}
	return 0
}

// hasMonthName reports whether s holds a month's name as the date
// patterns spell them (capitalised).
func hasMonthName(s string) bool {
	for _, m := range []string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"} {
		if strings.Contains(s, m) {
			return true
		}
	}
	return false
}

// hasYear reports whether s holds four digits in a row.
func hasYear(s string) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		if '0' <= s[i] && s[i] <= '9' {
			if run++; run == 4 {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

// hasSeasonName reports whether a word of s starts with a season's
// name, in any case.
func hasSeasonName(s string) bool {
	for i := 0; i < len(s); i++ {
		if i > 0 && isWordByte(s[i-1]) {
			continue // the patterns want the name to start a word
		}
		switch s[i] | 0x20 { // the first letters, in either case
		case 's', 'f', 'a', 'w', 'e', 'p', 'i':
			for _, w := range []string{"spring", "summer", "fall", "autumn", "winter", "estate", "autunno", "primavera", "inverno"} {
				if len(s)-i >= len(w) && strings.EqualFold(s[i:i+len(w)], w) {
					return true
				}
			}
		}
	}
	return false
}

func seasonName(w string) string {
	switch strings.ToLower(w) {
	case "spring", "primavera":
		return "spring"
	case "summer", "estate":
		return "summer"
	case "fall", "autumn", "autunno":
		return "fall"
	}
	return "winter"
}

// published reads an item's publication date: year, month and day, each
// 0 when unknown.
func publishedDate(p string) (y, m, d int) {
	parts := strings.Split(strings.SplitN(p, "T", 2)[0], "-")
	if len(parts) >= 1 {
		y, _ = strconv.Atoi(parts[0])
	}
	if len(parts) >= 2 {
		m, _ = strconv.Atoi(parts[1])
	}
	if len(parts) >= 3 {
		d, _ = strconv.Atoi(parts[2])
	}
	return
}

// inferYear is the year of a month and day printed without one: the
// first such day on or after publication, or, for something that already
// happened (past), the last one before it; "XXXX" when the publication
// year is unknown.
func inferYear(month, day int, pub string, past bool) string {
	py, pm, pd := publishedDate(pub)
	if py == 0 {
		return "XXXX"
	}
	before := pm != 0 && (month < pm || (month == pm && day != 0 && pd != 0 && day < pd))
	switch {
	case past && !before && pm != 0 && (month > pm || (month == pm && day > pd)):
		return strconv.Itoa(py - 1)
	case !past && before:
		return strconv.Itoa(py + 1)
	}
	return strconv.Itoa(py)
}

// notPremiere marks dates that belong to something other than a premiere.
var notPremiere = mustWordPattern(`(?i)\b(finale|filming|film(s|ed)?|shoot(ing)?|production|trailer (drops|arrives|is out)|nominations?|awards\b|award (show|ceremony)|emmys?|wrap(s|ped)?|post-mortem)\b`)

// futurePassive marks "to be dropped", "will be released": ahead, not past.
var futurePassive = mustWordPattern(`(?i)\b(to|will|would|set to|going to) be (dropped|released|launched)\b`)

// PlaceYear gives a date printed without a year ("XXXX-04-25",
// "XXXX-summer") the year it most likely means, read from the day it was
// published (YYYY-MM-DD or shorter): the first such day on or after it.
// A date with a year, or without a publication day to read, is returned
// as it is.
func PlaceYear(date, published string) string {
	rest, ok := strings.CutPrefix(date, "XXXX-")
	if !ok {
		return date
	}
	parts := strings.Split(rest, "-")
	month, _ := strconv.Atoi(parts[0])
	day := 0
	if len(parts) > 1 {
		day, _ = strconv.Atoi(parts[1])
	}
	if month == 0 {
		// A season: the publication's year.
		if y, _, _ := publishedDate(published); y != 0 {
			return strconv.Itoa(y) + "-" + rest
		}
		return date
	}
	if y := inferYear(month, day, published, false); y != "XXXX" {
		return y + "-" + rest
	}
	return date
}

// pastTense marks a sentence about a premiere that has happened.
var pastTense = mustWordPattern(`(?i)\b(premiered|debuted|aired|launched|dropped|arrived|was released|were released)\b`)

// mentionsPast reports whether a lower-cased text holds a word pastTense
// looks for; a text that does not need not be matched.
func mentionsPast(lower string) bool {
	for _, w := range []string{"premiered", "debuted", "aired", "launched", "dropped", "arrived", "released"} {
		if strings.Contains(lower, w) {
			return true
		}
	}
	return false
}

// findDate finds the premiere date a sentence gives: the most precise
// expression in it. It returns "" when there is none.
func findDate(s, pub string) (date, precision string) {
	// Each pattern needs a month's name, a season's or a digit: the
	// patterns a sentence cannot match are not run.
	digits := strings.ContainsAny(s, "0123456789")
	monthNamed := hasMonthName(s)
	past := func() bool { return pastTense.MatchString(s) && !futurePassive.MatchString(s) }
	var m []string
	if monthNamed && digits {
		m = dayDate.FindStringSubmatch(s)
	}
	if m != nil {
		month, day := monthNumber(m[1]), 0
		day, _ = strconv.Atoi(m[2])
		if day >= 1 && day <= 31 && !(strings.EqualFold(m[1], "may") && !startsUpper(m[1])) {
			year := m[3]
			if year == "" {
				year = inferYear(month, day, pub, past())
			}
			return fmt.Sprintf("%s-%02d-%02d", year, month, day), "day"
		}
	}
	if m = nil; monthNamed {
		m = monthDate.FindStringSubmatch(s)
	}
	if m != nil {
		name, year := m[1], m[2]
		if name == "" {
			name, year = m[3], m[4]
		}
		if month := monthNumber(name); month > 0 && (name != "May" || year != "") {
			if year == "" {
				year = inferYear(month, 0, pub, past())
			}
			return fmt.Sprintf("%s-%02d", year, month), "month"
		}
	}
	if hasSeasonName(s) {
		if m := seasonOf.FindStringSubmatch(s); m != nil && (m[2] != "" || strings.Contains(strings.ToLower(m[0]), "quest")) {
			year := m[2]
			if year == "" {
				year = "XXXX"
				if py, _, _ := publishedDate(pub); py != 0 {
					year = strconv.Itoa(py)
				}
			}
			return year + "-" + seasonName(m[1]), "season"
		}
		if m := thisSeason.FindStringSubmatch(s); m != nil {
			year := "XXXX"
			if py, _, _ := publishedDate(pub); py != 0 {
				year = strconv.Itoa(py)
				if strings.HasPrefix(strings.ToLower(m[0]), "next") {
					year = strconv.Itoa(py + 1)
				}
			}
			return year + "-" + seasonName(m[1]), "season"
		}
	}
	if hasYear(s) {
		if m := yearOnly.FindStringSubmatch(s); m != nil {
			return m[1], "year"
		}
	}
	return "", ""
}

func startsUpper(w string) bool { return w != "" && w[0] >= 'A' && w[0] <= 'Z' }
