// Package match ranks show titles against what a person typed: exact
// titles first, then prefixes, then titles containing the words, then
// near misses by trigram similarity, so typos still find their show.
package match

import (
	"cmp"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/nextseason/nextseason/internal/model"
)

// Result is a show with how well it matched, 0–1.
type Result struct {
	Show  model.Show
	Score float64
}

// minSimilarity is the trigram similarity below which a title is not
// offered as a near miss.
const minSimilarity = 0.3

// Rank scores every title against query and returns the best limit
// matches, best first; ties go to the more popular show. Titles too far
// from the query are left out.
func Rank(query string, shows []model.Show, limit int) []Result {
	return rank(query, shows, limit, 0)
}

// Rerank orders candidates that a full-text index already matched (by
// title, alias, network or cast): by title score, then popularity. None
// is left out; one matched only through an alias or a person keeps a
// small score.
func Rerank(query string, candidates []model.Show, limit int) []Result {
	return rank(query, candidates, limit, indexMatchScore)
}

// indexMatchScore is the score of a show the index matched on something
// other than its title.
const indexMatchScore = 0.05

func rank(query string, shows []model.Show, limit int, floor float64) []Result {
	q := Normalize(query)
	if q == "" || limit <= 0 {
		return nil
	}
	qgrams := trigrams(q)
	var out []Result
	for _, sh := range shows {
		title := Normalize(sh.Title)
		s := score(q, qgrams, title)
		if bare := withoutArticle(title); bare != title {
			s = max(s, score(q, qgrams, bare))
		}
		if s = max(s, floor); s > 0 {
			out = append(out, Result{Show: sh, Score: s})
		}
	}
	slices.SortStableFunc(out, func(a, b Result) int {
		if c := cmp.Compare(b.Score, a.Score); c != 0 {
			return c
		}
		if c := cmp.Compare(b.Show.Popularity, a.Show.Popularity); c != 0 {
			return c
		}
		return cmp.Compare(a.Show.Title, b.Show.Title)
	})
	if len(out) > limit {
		out = out[:limit]
	}
	return out
}

// Key is a title as prefix search compares it: normalised, without a
// leading article. "The Simpsons" and "simpsons" share the key "simpsons".
func Key(title string) string { return withoutArticle(Normalize(title)) }

// withoutArticle drops a leading "the", "a" or "an", which people often
// leave out: "simpsons" means The Simpsons.
func withoutArticle(title string) string {
	for _, a := range []string{"the ", "a ", "an "} {
		if rest, ok := strings.CutPrefix(title, a); ok {
			return rest
		}
	}
	return title
}

// score is 1 for an exact title, 0.9 for a prefix, 0.8 for a title that
// contains the query as a word sequence, and otherwise the trigram
// similarity scaled below those, or 0 when too far.
func score(q string, qgrams []uint64, title string) float64 {
	switch {
	case title == q:
		return 1
	case strings.HasPrefix(title, q+" ") || (len(q) >= 3 && strings.HasPrefix(title, q)):
		return 0.9
	case strings.Contains(" "+title+" ", " "+q+" "):
		return 0.8
	}
	sim := similarity(qgrams, trigrams(title))
	if sim < minSimilarity {
		return 0
	}
	return 0.7 * sim
}

// Normalize lowercases, strips accents and punctuation, and collapses
// spaces: "Grey's Anatomy!" -> "greys anatomy".
func Normalize(s string) string {
	var b strings.Builder
	space := false
	for _, r := range norm.NFKD.String(strings.ToLower(s)) {
		switch {
		case unicode.Is(unicode.Mn, r), r == '\'', r == '’':
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteRune(r)
			space = false
		default:
			space = true
		}
	}
	return b.String()
}

// trigrams are the padded three-letter pieces of s, as PostgreSQL's
// pg_trgm makes them (each word padded with two spaces before, one
// after), hashed, sorted and without repeats.
func trigrams(s string) []uint64 {
	var out []uint64
	for _, w := range strings.Fields(s) {
		r := []rune("  " + w + " ")
		for i := 0; i+3 <= len(r); i++ {
			out = append(out, uint64(r[i])<<42|uint64(r[i+1])<<21|uint64(r[i+2]))
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// similarity is the Jaccard index of two trigram sets.
func similarity(a, b []uint64) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	shared := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] == b[j]:
			shared++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return float64(shared) / float64(len(a)+len(b)-shared)
}
