package extract

import (
	"slices"
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

// networkNames map what a text may call a network to its normal name,
// in order: at a word start, the first spelling that is there wins, so
// "CBS All Access" comes before "CBS" and "HBO Max" before "HBO". A
// spelling that ends in a letter or digit must end a word there ("ABC",
// not "ABCD").
var networkNames = []struct {
	spellings []string
	name      string
}{
	{[]string{"CBS All Access"}, "CBS All Access"},
	{[]string{"Amazon Prime Video", "Prime Video", "Amazon Studios", "Amazon"}, "Amazon Prime Video"},
	{[]string{"Apple TV+", "Apple TV Plus", "Apple"}, "Apple TV+"},
	{[]string{"Disney+", "Disney Plus"}, "Disney+"},
	{[]string{"Disney Channel", "Disney"}, "Disney"},
	{[]string{"Paramount+", "Paramount Plus"}, "Paramount+"},
	{[]string{"HBO Max"}, "HBO Max"},
	{[]string{"HBO"}, "HBO"},
	{[]string{"Netflix"}, "Netflix"},
	{[]string{"Hulu"}, "Hulu"},
	{[]string{"Peacock"}, "Peacock"},
	{[]string{"The CW", "CW"}, "The CW"},
	{[]string{"CBS"}, "CBS"},
	{[]string{"NBC"}, "NBC"},
	{[]string{"ABC"}, "ABC"},
	{[]string{"FOX", "Fox"}, "Fox"},
	{[]string{"FXX", "FX"}, "FX"},
	{[]string{"AMC+", "AMC"}, "AMC"},
	{[]string{"Showtime"}, "Showtime"},
	{[]string{"Starz"}, "Starz"},
	{[]string{"Freeform"}, "Freeform"},
	{[]string{"Syfy", "SYFY"}, "Syfy"},
	{[]string{"Sundance TV", "SundanceTV", "Sundance"}, "SundanceTV"},
	{[]string{"TNT"}, "TNT"},
	{[]string{"TBS"}, "TBS"},
	{[]string{"USA Network"}, "USA Network"},
	{[]string{"Bravo"}, "Bravo"},
	{[]string{"ITV"}, "ITV"},
	{[]string{"BBC One", "BBC Two", "BBC Three", "BBC", "the Beeb"}, "BBC"},
	{[]string{"Channel 4"}, "Channel 4"},
	{[]string{"Sky Atlantic", "Sky One", "Sky"}, "Sky"},
	{[]string{"Max"}, "Max"},
	{[]string{"Comedy Central"}, "Comedy Central"},
	{[]string{"Adult Swim"}, "Adult Swim"},
	{[]string{"Lifetime"}, "Lifetime"},
	{[]string{"MTV"}, "MTV"},
}

// networksByFirst lists, for each byte, the networks a spelling of which
// starts with it, in order.
var networksByFirst = func() (by [256][]int) {
	for i, n := range networkNames {
		for _, sp := range n.spellings {
			if !slices.Contains(by[sp[0]], i) {
				by[sp[0]] = append(by[sp[0]], i)
			}
		}
	}
	return by
}()

// networkSpan is a network named in a text.
type networkSpan struct {
	name       string
	start, end int
}

// findNetworks lists the networks a text names, left to right, each
// where a word starts (no "ABC" inside "xABC").
func findNetworks(s string) []networkSpan {
	var out []networkSpan
	for i := 0; i < len(s); i++ {
		if i > 0 && isWordByte(s[i-1]) {
			continue
		}
	spelling:
		for _, g := range networksByFirst[s[i]] {
			for _, sp := range networkNames[g].spellings {
				end := i + len(sp)
				if strings.HasPrefix(s[i:], sp) && !(isWordByte(sp[len(sp)-1]) && end < len(s) && isWordByte(s[end])) {
					out = append(out, networkSpan{name: networkNames[g].name, start: i, end: end})
					i = end - 1
					break spelling
				}
			}
		}
	}
	return out
}

// isWordByte is what regexp's \b counts as a word character.
func isWordByte(b byte) bool {
	return b == '_' || '0' <= b && b <= '9' || 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z'
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
