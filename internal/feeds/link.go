package feeds

import (
	"context"
	"errors"
	"strings"

	"github.com/nextseason/nextseason/internal/answer"
	"github.com/nextseason/nextseason/internal/model"
	"github.com/nextseason/nextseason/internal/store"
)

// Link is how sure a claim's show is the catalog's.
type Link struct {
	Show       model.Show
	Confidence float64
	// Proposed is set when the catalog lacked the show and it was added
	// as a proposed show for an editor to confirm.
	Proposed bool
}

// minFuzzyScore is the search score below which a printed title is not
// taken for a catalog show.
const minFuzzyScore = 0.85

// LinkShow finds the catalog show a printed title names: the same title
// or alias (surest, less so when the networks disagree), then a close
// search match; failing both, it proposes a new show.
func LinkShow(ctx context.Context, st *store.Store, title, network string) (Link, error) {
	sh, err := st.FindShow(ctx, title)
	switch {
	case err == nil:
		return Link{Show: sh, Confidence: networkAgreement(sh, network, 1)}, nil
	case !errors.Is(err, store.ErrNotFound):
		return Link{}, err
	}
	results, err := answer.Search(ctx, st, title, 1)
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
	proposed := model.Show{Title: title, Network: network, Proposed: true}
	if _, err := st.SaveShow(ctx, &proposed); err != nil {
		return Link{}, err
	}
	return Link{Show: proposed, Confidence: 0.5, Proposed: true}, nil
}

// networkAgreement lowers confidence when the text names another network.
func networkAgreement(sh model.Show, network string, confidence float64) float64 {
	if network != "" && sh.Network != "" && !strings.EqualFold(sh.Network, network) &&
		!strings.Contains(strings.ToLower(sh.Network), strings.ToLower(network)) {
		return confidence * 0.7
	}
	return confidence
}
