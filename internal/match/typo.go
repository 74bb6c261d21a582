package match

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"
)

// MaxTokens and MaxTokenLen bound what a search query is cut to.
const (
	MaxTokens   = 8
	MaxTokenLen = 40
)

// isStopword reports words left out of a full-text query when other words
// remain: they match half the catalog and say little.
func isStopword(t string) bool {
	switch t {
	case "the", "a", "an", "of", "and", "in", "on", "to", "la", "le", "el", "de":
		return true
	}
	return false
}

// Tokens splits what a person typed into normalised words: letters and
// digits only, so nothing in a query can act as search syntax.
func Tokens(q string) []string {
	var out []string
	for _, t := range strings.Fields(Normalize(q)) {
		if len(out) == MaxTokens {
			break
		}
		if len(t) > MaxTokenLen {
			t = t[:MaxTokenLen]
			for !utf8.ValidString(t) {
				t = t[:len(t)-1]
			}
		}
		out = append(out, t)
	}
	return out
}

// Searchable keeps the words worth looking up in the index: not
// stopwords, and not words of one or two letters, which start half the
// words there are. A query of such words alone is left to title prefixes.
func Searchable(tokens []string) []string {
	var out []string
	for _, t := range tokens {
		if !isStopword(t) && utf8.RuneCountInString(t) >= 3 {
			out = append(out, t)
		}
	}
	return out
}

// MaxTypos is how many edits a word of n letters may be off by: none for
// short words, one up to seven letters, two beyond.
func MaxTypos(n int) int {
	switch {
	case n <= 3:
		return 0
	case n <= 7:
		return 1
	}
	return 2
}

// Corrections picks, from vocabulary words, the ones a mistyped word may
// have meant: within MaxTypos edits, nearest first, at most n. A word
// that is a vocabulary word's prefix needs no correction and is not
// passed here.
func Corrections(word string, vocabulary []string, n int) []string {
	limit := MaxTypos(utf8.RuneCountInString(word))
	if limit == 0 {
		return nil
	}
	type scored struct {
		term string
		dist int
	}
	var found []scored
	for _, v := range vocabulary {
		// The word may also be a mistyped prefix of a longer term:
		// compare against the term cut to the word's length too.
		d := min(Distance(word, v, limit), Distance(word, prefixRunes(v, utf8.RuneCountInString(word)), limit))
		if d <= limit {
			found = append(found, scored{v, d})
		}
	}
	slices.SortStableFunc(found, func(a, b scored) int {
		if c := cmp.Compare(a.dist, b.dist); c != 0 {
			return c
		}
		return cmp.Compare(len(a.term), len(b.term))
	})
	var out []string
	for _, f := range found[:min(n, len(found))] {
		out = append(out, f.term)
	}
	return out
}

func prefixRunes(s string, n int) string {
	i := 0
	for j := range s {
		if i == n {
			return s[:j]
		}
		i++
	}
	return s
}

// Distance is the Damerau–Levenshtein (optimal string alignment) distance
// between a and b, counted in runes; it gives up and returns limit+1 as
// soon as the distance must exceed limit.
func Distance(a, b string, limit int) int {
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); d > limit || -d > limit {
		return limit + 1
	}
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
			best = min(best, cur[j])
		}
		if best > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}
