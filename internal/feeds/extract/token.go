package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// token is a word (or a digit run) of a sentence, with its offsets and
// its normal form: lower case, accents and apostrophes dropped, as
// match.Normalize compares titles.
type token struct {
	text       string
	norm       string
	start, end int
	upper      bool // starts with a capital letter or a digit
}

// tokenize splits s into its words. Apostrophes inside a word stay in it
// ("Grey's", "don't"); every other non-letter, non-digit ends a word.
func tokenize(s string) []token {
	var out []token
	start := -1
	flush := func(end int) {
		if start < 0 {
			return
		}
		w := s[start:end]
		r, _ := utf8.DecodeRuneInString(w)
		out = append(out, token{text: w, norm: normWord(w), start: start, end: end, upper: unicode.IsUpper(r) || unicode.IsDigit(r)})
		start = -1
	}
	for i, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r):
			if start < 0 {
				start = i
			}
		case (r == '\'' || r == '’') && start >= 0 && i+utf8.RuneLen(r) < len(s):
			next, _ := utf8.DecodeRuneInString(s[i+utf8.RuneLen(r):])
			if !unicode.IsLetter(next) {
				flush(i)
			}
		default:
			flush(i)
		}
	}
	flush(len(s))
	return out
}

// normWord is one word's normal form.
func normWord(w string) string {
	ascii := true
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		if strings.IndexByte(w, '\'') < 0 {
			return strings.ToLower(w)
		}
		return strings.ReplaceAll(strings.ToLower(w), "'", "")
	}
	var b strings.Builder
	for _, r := range norm.NFKD.String(strings.ToLower(w)) {
		if unicode.Is(unicode.Mn, r) || r == '\'' || r == '’' {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// normKey is the normal form of a title: its words' normal forms joined
// by single spaces, as match.Normalize gives it.
func normKey(s string) string {
	toks := tokenize(s)
	parts := make([]string, len(toks))
	for i, t := range toks {
		parts[i] = t.norm
	}
	return strings.Join(parts, " ")
}
