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

// networkNames map what a text may call a network to its normal name.
// Longer names come first, so "CBS All Access" wins over "CBS".
var networkNames = []struct{ pattern, name string }{
	{`CBS All Access\b`, "CBS All Access"},
	{`(?:Amazon Prime Video|Prime Video|Amazon Studios|Amazon)\b`, "Amazon Prime Video"},
	{`Apple TV(?:\+| Plus)|Apple\b`, "Apple TV+"},
	{`Disney(?:\+| Plus)`, "Disney+"},
	{`Disney(?: Channel)?\b`, "Disney"},
	{`Paramount(?:\+| Plus)`, "Paramount+"},
	{`HBO Max\b`, "HBO Max"},
	{`HBO\b`, "HBO"},
	{`Netflix\b`, "Netflix"},
	{`Hulu\b`, "Hulu"},
	{`Peacock\b`, "Peacock"},
	{`(?:The CW|CW)\b`, "The CW"},
	{`CBS\b`, "CBS"},
	{`NBC\b`, "NBC"},
	{`ABC\b`, "ABC"},
	{`(?:FOX|Fox)\b`, "Fox"},
	{`FXX?\b`, "FX"},
	{`AMC\+?`, "AMC"},
	{`Showtime\b`, "Showtime"},
	{`Starz\b`, "Starz"},
	{`Freeform\b`, "Freeform"},
	{`(?:Syfy|SYFY)\b`, "Syfy"},
	{`Sundance(?: ?TV)?\b`, "SundanceTV"},
	{`TNT\b`, "TNT"},
	{`TBS\b`, "TBS"},
	{`USA Network\b`, "USA Network"},
	{`Bravo\b`, "Bravo"},
	{`ITV\b`, "ITV"},
	{`BBC(?: One| Two| Three)?\b|the Beeb\b`, "BBC"},
	{`Channel 4\b`, "Channel 4"},
	{`Sky(?: Atlantic| One)?\b`, "Sky"},
	{`Max\b`, "Max"},
	{`Comedy Central\b`, "Comedy Central"},
	{`Adult Swim\b`, "Adult Swim"},
	{`Lifetime\b`, "Lifetime"},
	{`MTV\b`, "MTV"},
}

// networkPattern finds every network name in one pass: one group per
// name, in the order above.
var networkPattern = func() *regexp.Regexp {
	groups := make([]string, len(networkNames))
	for i, n := range networkNames {
		groups[i] = "(" + n.pattern + ")"
	}
	return regexp.MustCompile(`\b(?:` + strings.Join(groups, "|") + `)`)
}()

// networkSpan is a network named in a text.
type networkSpan struct {
	name       string
	start, end int
}

func findNetworks(s string) []networkSpan {
	var out []networkSpan
	for _, m := range networkPattern.FindAllStringSubmatchIndex(s, -1) {
		for g := range networkNames {
			if m[2+2*g] >= 0 {
				out = append(out, networkSpan{name: networkNames[g].name, start: m[0], end: m[1]})
				break
			}
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
