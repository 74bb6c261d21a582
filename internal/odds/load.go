package odds

import (
	"context"
	"errors"
	"time"

	"github.com/nextseason/nextseason/internal/store"
	"github.com/nextseason/nextseason/internal/viewership"
)

// ErrNoData says the database lacks what a back-test needs.
var ErrNoData = errors.New("no data to learn from: import the global Top 10 (nextseason import top10 FILE.tsv) and the lists of Netflix originals (nextseason import netflix-originals --listed DATE FILE.csv...)")

// Load builds the examples from what the database holds: the Top 10
// weeks and the lists of originals.
func Load(ctx context.Context, st *store.Store) ([]Example, error) {
	weeks, err := st.AllViewership(ctx, viewership.ChartNetflixTop10)
	if err != nil {
		return nil, err
	}
	originals, err := st.Originals(ctx)
	if err != nil {
		return nil, err
	}
	var listed time.Time
	for _, o := range originals {
		if o.Listed.After(listed) {
			listed = o.Listed
		}
	}
	ex := Examples(Seasons(weeks), originals, listed)
	if len(ex) < 20 {
		return nil, ErrNoData
	}
	return ex, nil
}
