package extract

import (
	"regexp"
	"strconv"
	"strings"
)

var ordinals = map[string]int{
	"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
	"tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sophomore": 2,
}

var cardinals = map[string]int{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
	"eleven": 11, "twelve": 12, "single": 1, "a single": 1,
}

func number(w string) int {
	w = strings.ToLower(w)
	if n, err := strconv.Atoi(strings.TrimRight(w, "stndrh")); err == nil && n > 0 && n < 100 {
		return n
	}
	if n, ok := ordinals[w]; ok {
		return n
	}
	return cardinals[w]
}

var (
	seasonNumber  = mustWordPattern(`(?i)\bseason (\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\b`)
	ordinalSeason = mustWordPattern(`(?i)\b(\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sophomore) (?:and (?:final|last) )?seasons?\b`)
	afterSeasons  = mustWordPattern(`(?i)\bafter (?:only |just )?(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|a single) seasons?\b`)
	notReturnFor  = mustWordPattern(`(?i)\b(?:won.?t|will not|not) (?:be )?(?:return(?:ing)?|renewed) for (?:a )?(?:season (\d{1,2})|(\w+) season)`)
	beforeSeason1 = regexp.MustCompile(`(?i)before (?:its )?(?:season (?:1|one)|(?:its )?first season)|before (?:it )?(?:even )?premiere`)
)

// inferSeasons gives claims that name no season the one the item names
// beside their show: "The Masked Singer Season 2", "second season of
// Yellowjackets". Cancellations are left alone: their season is the last
// one made, which a mention does not tell.
func inferSeasons(claims []Claim, text string) {
	lower := strings.ToLower(text)
	for i, c := range claims {
		if c.Season != 0 || c.Kind == KindCanceled || c.Show == "" {
			continue
		}
		// The pattern needs the title and "season": most texts lack one.
		if !strings.Contains(lower, "season") || !strings.Contains(lower, strings.ToLower(c.Show)) {
			continue
		}
		title := regexp.QuoteMeta(c.Show)
		re, err := regexp.Compile(`(?i)` + title + `['’‘]?s?\W{0,3}(?:season (\d{1,2})|(\w+) season)|(\w+) season of ` + title)
		if err != nil {
			continue
		}
		if m := re.FindStringSubmatch(text); m != nil {
			claims[i].Season = number(m[1] + m[2] + m[3])
		}
	}
}

// season reads the season a claim of kind is about from a sentence: for
// canceled and final seasons, the last completed season ("canceled after
// two seasons" is 2, "will not return for season 4" is 3); 0 when the
// text does not say.
func season(kind, s string) int {
	if kind == KindCanceled || kind == KindEndedFinalSeason {
		if m := afterSeasons.FindStringSubmatch(s); m != nil {
			return number(m[1])
		}
	}
	if kind == KindCanceled {
		if m := notReturnFor.FindStringSubmatch(s); m != nil {
			if n := number(m[1] + m[2]); n > 1 {
				return n - 1
			}
		}
		if beforeSeason1.MatchString(s) {
			return 1
		}
	}
	if m := ordinalSeason.FindStringSubmatch(s); m != nil {
		return number(m[1])
	}
	if m := seasonNumber.FindStringSubmatch(s); m != nil {
		return number(m[1])
	}
	return 0
}
