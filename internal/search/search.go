// Package search finds shows by what a person typed, typos forgiven: the
// one search behind the search page, the API, the CLI, "did you mean"
// and the links from news to the catalog.
package search

import (
	"context"

	"github.com/nextseason/nextseason/internal/match"
	"github.com/nextseason/nextseason/internal/model"
	"github.com/nextseason/nextseason/internal/store"
)

// searchCandidates is how many index matches are reranked, and
// titlePrefixCandidates how many title-prefix matches join them.
const (
	searchCandidates      = 30
	titlePrefixCandidates = 20
)

// Shows finds shows by what a person typed, typos forgiven: words match
// as prefixes; a word that starts no indexed word is corrected to the
// nearest indexed words; when no show has every word, any word will do.
// The matches are ranked exact title first, then prefix, then similarity
// and popularity.
func Shows(ctx context.Context, st *store.Store, q string, limit int) ([]match.Result, error) {
	tokens := match.Tokens(q)
	if len(tokens) == 0 || limit <= 0 {
		return nil, nil
	}
	// Titles that start with what was typed lead the ranking; find them
	// by prefix whatever the index makes of the words.
	cands, err := st.ShowsByTitlePrefix(ctx, match.Key(q), titlePrefixCandidates)
	if err != nil {
		return nil, err
	}
	var groups [][]string
	for _, t := range match.Searchable(tokens) {
		alts, err := spellings(ctx, st, t)
		if err != nil {
			return nil, err
		}
		if len(alts) > 0 {
			groups = append(groups, alts)
		}
	}
	matched, err := st.MatchShows(ctx, groups, false, searchCandidates)
	if err != nil {
		return nil, err
	}
	if len(matched) == 0 && len(groups) > 1 {
		if matched, err = st.MatchShows(ctx, groups, true, searchCandidates); err != nil {
			return nil, err
		}
	}
	return match.Rerank(q, appendNew(cands, matched), limit), nil
}

// spellings is a word as typed when some indexed word starts with it,
// else the indexed words it may be a typo of (none when nothing is near).
func spellings(ctx context.Context, st *store.Store, word string) ([]string, error) {
	if have, err := st.Terms(ctx, word, 1); err != nil || len(have) > 0 {
		return []string{word}, err
	}
	if match.MaxTypos(len([]rune(word))) == 0 {
		return nil, nil
	}
	// Typos are rarer in a word's first letter: look among the words
	// that share it.
	first := string([]rune(word)[:1])
	vocab, err := st.Terms(ctx, first, maxVocabulary)
	if err != nil {
		return nil, err
	}
	return match.Corrections(word, vocab, maxSpellings), nil
}

// maxVocabulary bounds the words one correction compares against;
// maxSpellings, the corrections tried for one word.
const (
	maxVocabulary = 20000
	maxSpellings  = 3
)

func appendNew(have, more []model.Show) []model.Show {
	seen := make(map[int64]bool, len(have))
	for _, sh := range have {
		seen[sh.ID] = true
	}
	for _, sh := range more {
		if !seen[sh.ID] {
			have = append(have, sh)
		}
	}
	return have
}
