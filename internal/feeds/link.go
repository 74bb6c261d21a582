package feeds

import (
	"context"
	"errors"
	"strings"

	"github.com/nextseason/nextseason/internal/model"
	"github.com/nextseason/nextseason/internal/search"
	"github.com/nextseason/nextseason/internal/store"
)

// Link is how sure a claim's show is the catalog's.
type Link struct {
	Show       model.Show
	Confidence float64
	// Proposed is set when the catalog lacks the show: Save adds it as a
	// proposed show for an editor to confirm.
	Proposed bool
}

// minFuzzyScore is the search score below which a printed title is not
// taken for a catalog show.
const minFuzzyScore = 0.85

// FindLink finds the catalog show a printed title names: the same title
// or alias (surest, less so when the networks disagree), then a close
// search match; failing both, the link proposes a new show. It only
// reads, so that it runs before the transaction that saves what it found.
func FindLink(ctx context.Context, st *store.Store, title, network string) (Link, error) {
	sh, err := st.FindShow(ctx, title)
	switch {
	case err == nil:
		return Link{Show: sh, Confidence: networkAgreement(sh, network, 1)}, nil
	case !errors.Is(err, store.ErrNotFound):
		return Link{}, err
	}
	results, err := search.Shows(ctx, st, title, 1)
	if err != nil {
		return Link{}, err
	}
	if len(results) == 1 && results[0].Score >= minFuzzyScore {
		full, err := st.Show(ctx, results[0].Show.ID)
		if err != nil {
			return Link{}, err
		}
		return Link{Show: full, Confidence: networkAgreement(full, network, 0.8*results[0].Score)}, nil
	}
	return Link{Show: model.Show{Title: title, Network: network, Proposed: true}, Confidence: 0.5, Proposed: true}, nil
}

// Save adds the show a link proposes (in tx, the transaction recording
// the claim) and says so; a link to a catalog show, or to one saved
// already, has nothing to save. Another transaction proposing the same
// show first makes it fail with store.ErrConflict: found again, the link
// is to that show.
func (l *Link) Save(ctx context.Context, tx *store.Store) (added bool, err error) {
	if !l.Proposed || l.Show.ID != 0 {
		return false, nil
	}
	if _, err := tx.SaveShow(ctx, &l.Show); err != nil {
		return false, err
	}
	return true, nil
}

// networkAgreement lowers confidence when the text names another network.
func networkAgreement(sh model.Show, network string, confidence float64) float64 {
	if network != "" && sh.Network != "" && !strings.EqualFold(sh.Network, network) &&
		!strings.Contains(strings.ToLower(sh.Network), strings.ToLower(network)) {
		return confidence * 0.7
	}
	return confidence
}
