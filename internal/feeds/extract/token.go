package extract

import (
	"iter"
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
	out := make([]token, 0, strings.Count(s, " ")+1)
	for start, end := range wordSpans(s) {
		w := s[start:end]
		r, _ := utf8.DecodeRuneInString(w)
		out = append(out, token{text: w, norm: normWord(w), start: start, end: end, upper: unicode.IsUpper(r) || unicode.IsDigit(r)})
	}
	return out
}

// countWords is len(tokenize(s)), without making the tokens.
func countWords(s string) int {
	n := 0
	for range wordSpans(s) {
		n++
	}
	return n
}

// wordSpans yields the start and end of each word of s, as tokenize
// splits them.
func wordSpans(s string) iter.Seq2[int, int] {
	return func(yield func(int, int) bool) {
		start := -1
		for i, r := range s {
			end := -1
			switch {
			case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r):
				if start < 0 {
					start = i
				}
			case (r == '\'' || r == '’') && start >= 0 && i+utf8.RuneLen(r) < len(s):
				if next, _ := utf8.DecodeRuneInString(s[i+utf8.RuneLen(r):]); !unicode.IsLetter(next) {
					end = i
				}
			default:
				end = i
			}
			if end >= 0 && start >= 0 {
				if !yield(start, end) {
					return
				}
				start = -1
			}
		}
		if start >= 0 {
			yield(start, len(s))
		}
	}
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

// setOf is a set of words.
func setOf(words ...string) map[string]bool {
	out := make(map[string]bool, len(words))
	for _, w := range words {
		out[w] = true
	}
	return out
}

// inLower reports whether set holds w in lower case, without making a
// lower-case copy of a short ASCII word.
func inLower(set map[string]bool, w string) bool {
	var buf [32]byte
	if len(w) > len(buf) {
		return set[strings.ToLower(w)]
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return set[strings.ToLower(w)]
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return set[string(buf[:len(w)])]
}
