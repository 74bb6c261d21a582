package extract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// sentence is one sentence of an item; the headline is the first.
type sentence struct {
	text     string
	headline bool
}

// abbreviations end in a full stop without ending a sentence.
func isAbbreviation(word string) bool {
	w := strings.ToLower(strings.TrimRight(word, "."))
	switch w {
	case "mr", "mrs", "ms", "dr", "jr", "sr", "st", "vs", "no", "inc", "co", "ltd", "jan", "feb", "mar", "apr", "jun",
		"jul", "aug", "sep", "sept", "oct", "nov", "dec", "e.g", "i.e", "p.m", "a.m", "u.s", "u.k", "et", "mt", "pt":
		return true
	}
	// Initials and dotted acronyms: "J.", "S.H.I.E.L.D."
	letters := strings.ReplaceAll(strings.TrimRight(word, "."), ".", "")
	return utf8.RuneCountInString(letters) <= 1 || strings.Count(word, ".") >= 2
}

// sentences splits an item into its headline and the sentences of its
// text. " ... " (how excerpts join passages) also ends a sentence.
func sentences(headline, text string) []sentence {
	var out []sentence
	if h := strings.TrimSpace(headline); h != "" {
		out = append(out, sentence{text: h, headline: true})
	}
	for _, part := range strings.Split(text, " ... ") {
		out = append(out, splitSentences(part)...)
	}
	return out
}

func splitSentences(text string) []sentence {
	var out []sentence
	words := strings.Fields(text)
	start := 0
	for i, w := range words {
		last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(w, "\"”’')"))
		if (last == '.' || last == '!' || last == '?') && i+1 < len(words) {
			next, _ := utf8.DecodeRuneInString(strings.TrimLeft(words[i+1], "\"“‘'("))
			if (unicode.IsUpper(next) || unicode.IsDigit(next)) && !(last == '.' && isAbbreviation(strings.TrimRight(w, "\"”’')"))) {
				out = append(out, sentence{text: strings.Join(words[start:i+1], " ")})
				start = i + 1
			}
		}
	}
	if start < len(words) {
		out = append(out, sentence{text: strings.Join(words[start:], " ")})
	}
	return out
}

// networkPatterns map what a text may call a network to its normal name.
// Longer names come first, so "CBS All Access" wins over "CBS".
var networkPatterns = []struct {
	re   *regexp.Regexp
	name string
}{
	{regexp.MustCompile(`\bCBS All Access\b`), "CBS All Access"},
	{regexp.MustCompile(`\b(Amazon Prime Video|Prime Video|Amazon Studios|Amazon)\b`), "Amazon Prime Video"},
	{regexp.MustCompile(`\bApple TV(\+| Plus)|\bApple\b`), "Apple TV+"},
	{regexp.MustCompile(`\bDisney(\+| Plus)`), "Disney+"},
	{regexp.MustCompile(`\bDisney( Channel)?\b`), "Disney"},
	{regexp.MustCompile(`\bParamount(\+| Plus)`), "Paramount+"},
	{regexp.MustCompile(`\bHBO Max\b`), "HBO Max"},
	{regexp.MustCompile(`\bHBO\b`), "HBO"},
	{regexp.MustCompile(`\bNetflix\b`), "Netflix"},
	{regexp.MustCompile(`\bHulu\b`), "Hulu"},
	{regexp.MustCompile(`\bPeacock\b`), "Peacock"},
	{regexp.MustCompile(`\b(The CW|CW)\b`), "The CW"},
	{regexp.MustCompile(`\bCBS\b`), "CBS"},
	{regexp.MustCompile(`\bNBC\b`), "NBC"},
	{regexp.MustCompile(`\bABC\b`), "ABC"},
	{regexp.MustCompile(`\bFOX\b|\bFox\b`), "Fox"},
	{regexp.MustCompile(`\bFXX?\b`), "FX"},
	{regexp.MustCompile(`\bAMC\+?`), "AMC"},
	{regexp.MustCompile(`\bShowtime\b`), "Showtime"},
	{regexp.MustCompile(`\bStarz\b`), "Starz"},
	{regexp.MustCompile(`\bFreeform\b`), "Freeform"},
	{regexp.MustCompile(`\bSyfy\b|\bSYFY\b`), "Syfy"},
	{regexp.MustCompile(`\bSundance( ?TV)?\b`), "SundanceTV"},
	{regexp.MustCompile(`\bTNT\b`), "TNT"},
	{regexp.MustCompile(`\bTBS\b`), "TBS"},
	{regexp.MustCompile(`\bUSA Network\b`), "USA Network"},
	{regexp.MustCompile(`\bBravo\b`), "Bravo"},
	{regexp.MustCompile(`\bITV\b`), "ITV"},
	{regexp.MustCompile(`\bBBC( One| Two| Three)?\b|\bthe Beeb\b`), "BBC"},
	{regexp.MustCompile(`\bChannel 4\b`), "Channel 4"},
	{regexp.MustCompile(`\bSky( Atlantic| One)?\b`), "Sky"},
	{regexp.MustCompile(`\bStarz\b`), "Starz"},
	{regexp.MustCompile(`\bMax\b`), "Max"},
	{regexp.MustCompile(`\bComedy Central\b`), "Comedy Central"},
	{regexp.MustCompile(`\bAdult Swim\b`), "Adult Swim"},
	{regexp.MustCompile(`\bLifetime\b`), "Lifetime"},
	{regexp.MustCompile(`\bMTV\b`), "MTV"},
}

// networkSpan is a network named in a text.
type networkSpan struct {
	name       string
	start, end int
}

func findNetworks(s string) []networkSpan {
	var out []networkSpan
	taken := make([]bool, len(s)+1)
	for _, p := range networkPatterns {
		for _, m := range p.re.FindAllStringIndex(s, -1) {
			if taken[m[0]] {
				continue
			}
			for i := m[0]; i < m[1]; i++ {
				taken[i] = true
			}
			out = append(out, networkSpan{name: p.name, start: m[0], end: m[1]})
		}
	}
	return out
}

// firstNetwork is the network named first in s, or "".
func firstNetwork(s string) string {
	best, at := "", len(s)+1
	for _, n := range findNetworks(s) {
		if n.start < at {
			best, at = n.name, n.start
		}
	}
	return best
}
