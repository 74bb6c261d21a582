package extract

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

// The fast matchers must find what the plain regular expressions they
// replace find; these fuzz targets hold them to it. Inputs are made ASCII:
// (?i) also folds "ſ" and "K" (Kelvin) into s and k, which the matchers
// leave to the plain expressions' callers.

func asciiOnly(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 0x80 {
			return -1
		}
		return r
	}, s)
}

var patternSeeds = []string{
	"", "The show returns March 5, 2025 on Netflix.", "in May 2024", "coming this fall", "Arden Cho and Scott Michael Foster",
	"It premiered in 2019 and was released in fall 2020.", "season 3 of the second season", "ABCD xABC ABC's (ABC) CBS All Access",
	"HBO Max, HBO and Max; Apple TV+ Apple TV Plus Applesauce", "Disney Plusses AMC+ AMCs FXX FX the Beeb BBC Three",
	"renewed for a second season after two seasons", "won't return for season 4", "Damon Wayans Jr. and Jurnee Smollett-Bell",
}

func FuzzWordPattern(f *testing.F) {
	for _, s := range patternSeeds {
		f.Add(s)
	}
	pats := map[string]*wordPattern{
		"dayDate": dayDate, "monthDate": monthDate, "seasonOf": seasonOf, "thisSeason": thisSeason, "yearOnly": yearOnly,
		"pastTense": pastTense, "seasonNumber": seasonNumber, "ordinalSeason": ordinalSeason, "personName": personName,
	}
	plain := map[string]*regexp.Regexp{}
	for name, p := range pats {
		plain[name] = regexp.MustCompile(strings.TrimSuffix(strings.TrimPrefix(p.re.String(), "^(?:"), ")"))
	}
	f.Fuzz(func(t *testing.T, s string) {
		s = asciiOnly(s)
		for name, p := range pats {
			re := plain[name]
			if got, want := p.FindStringSubmatchIndex(s), re.FindStringSubmatchIndex(s); !slices.Equal(got, want) {
				t.Fatalf("%s on %q: %v, the plain expression %v", name, s, got, want)
			}
			if got, want := p.MatchString(s), re.MatchString(s); got != want {
				t.Fatalf("%s matches %q: %v, the plain expression %v", name, s, got, want)
			}
			got, want := p.FindAllStringIndex(s), re.FindAllStringIndex(s, -1)
			if !slices.EqualFunc(got, want, func(a, b []int) bool { return slices.Equal(a, b) }) {
				t.Fatalf("%s finds in %q: %v, the plain expression %v", name, s, got, want)
			}
		}
	})
}

func TestWordPatternRefusesPatternsNotAtWordStart(t *testing.T) {
	for _, expr := range []string{`season \d`, `(?i)\bx|y`, `\b.`, `\b(?:é|e)`} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("mustWordPattern(%q) accepted a pattern that can start elsewhere", expr)
				}
			}()
			mustWordPattern(expr)
		}()
	}
}

// networkAlternation is the one expression findNetworks replaces: every
// spelling of every network, in order, at a word start.
func networkAlternation() *regexp.Regexp {
	var alts []string
	for _, n := range networkNames {
		for _, sp := range n.spellings {
			alt := regexp.QuoteMeta(sp)
			if isWordByte(sp[len(sp)-1]) {
				alt += `\b`
			}
			alts = append(alts, "("+alt+")")
		}
	}
	return regexp.MustCompile(`\b(?:` + strings.Join(alts, "|") + `)`)
}

func FuzzFindNetworks(f *testing.F) {
	for _, s := range patternSeeds {
		f.Add(s)
	}
	re := networkAlternation()
	var names []string
	for _, n := range networkNames {
		for range n.spellings {
			names = append(names, n.name)
		}
	}
	f.Fuzz(func(t *testing.T, s string) {
		s = asciiOnly(s)
		var want []networkSpan
		for _, m := range re.FindAllStringSubmatchIndex(s, -1) {
			for g := range names {
				if m[2+2*g] >= 0 {
					want = append(want, networkSpan{name: names[g], start: m[0], end: m[1]})
					break
				}
			}
		}
		if got := findNetworks(s); !slices.Equal(got, want) {
			t.Fatalf("findNetworks(%q) = %v, the alternation finds %v", s, got, want)
		}
	})
}

func TestFindNetworks(t *testing.T) {
	got := findNetworks("Apple TV+ renews it; HBO Max and CBS All Access pass, ABCD and xABC are not ABC.")
	want := []string{"Apple TV+", "HBO Max", "CBS All Access", "ABC"}
	var names []string
	for _, n := range got {
		names = append(names, n.name)
	}
	if !slices.Equal(names, want) {
		t.Fatalf("networks %v, want %v", names, want)
	}
}

// The expressions endsWithPhrase and endsWithIndefinite replace.
var (
	introducedPattern = regexp.MustCompile(`(?i)\b(series|show|drama|dramedy|comedy|sitcom|thriller|docuseries|adaptation of|revival of|show is|series is)\s+$`)
	personPattern     = regexp.MustCompile(`(?i)\b(by|creator|showrunner|stars?|actor|actress|director|writer|producer|host|alum|newcomer|as)\s+$`)
	indefinitePattern = regexp.MustCompile(`(?i)\b(a|an)\s+([a-z][\w-]*\s+)?$`)
)

func FuzzEndsWith(f *testing.F) {
	for _, s := range []string{"the new series ", "revival of  ", "produced by ", "a ", "a charismatic ", "an x-ray\t", "ban ", "a  b c ", "series"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		s = asciiOnly(s)
		if got, want := endsWithPhrase(s, introducers), introducedPattern.MatchString(s); got != want {
			t.Fatalf("introducers end %q: %v, the expression says %v", s, got, want)
		}
		if got, want := endsWithPhrase(s, personIntroducers), personPattern.MatchString(s); got != want {
			t.Fatalf("person introducers end %q: %v, the expression says %v", s, got, want)
		}
		if got, want := endsWithIndefinite(s), indefinitePattern.MatchString(s); got != want {
			t.Fatalf("an indefinite article ends %q: %v, the expression says %v", s, got, want)
		}
	})
}
