package odds

import (
	"context"
	"errors"
	"time"

	"github.com/nextseason/nextseason/internal/facts"
	"github.com/nextseason/nextseason/internal/match"
	"github.com/nextseason/nextseason/internal/model"
	"github.com/nextseason/nextseason/internal/store"
	"github.com/nextseason/nextseason/internal/viewership"
)

// ErrNoData says the database lacks what a back-test needs.
var ErrNoData = errors.New("no data to learn from: import the global Top 10 (nextseason import top10 FILE.tsv) and the lists of Netflix originals (nextseason import netflix-originals --listed DATE FILE.csv...)")

// Load builds the examples from what the database holds: the Top 10
// weeks, the lists of originals, and, for what the lists cannot settle,
// the catalog and accepted claims.
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
	ex := Examples(Seasons(weeks), originals, listed, CatalogKnows(ctx, st, weeks, st.Now()))
	if len(ex) < 20 {
		return nil, ErrNoData
	}
	return ex, nil
}

// CatalogKnows answers from the catalog and accepted claims, for the
// shows the chart weeks are linked to: a season was renewed when the
// resolved answer about the next one is "renewed" (a claim, or the
// catalog listing it), not when it is canceled or ended. Errors and
// shows not linked know nothing.
func CatalogKnows(ctx context.Context, st *store.Store, weeks []model.Viewership, now time.Time) Known {
	linked := map[string]int64{}
	for _, w := range weeks {
		if w.ShowID != 0 {
			linked[match.Key(w.ShowTitle)] = w.ShowID
		}
	}
	data := map[int64]*facts.ShowData{}
	today := model.DayDate(now)
	return func(key string, season int) (bool, bool) {
		id, ok := linked[key]
		if !ok {
			return false, false
		}
		d, loaded := data[id]
		if !loaded {
			if sh, err := st.Show(ctx, id); err == nil {
				if sd, err := st.ShowData(ctx, sh); err == nil {
					d = &sd
				}
			}
			data[id] = d
		}
		if d == nil {
			return false, false
		}
		o, err := facts.ComposeOutlook(*d, season+1, today)
		if err != nil {
			return false, false
		}
		switch o.Renewal.Status {
		case model.StatusRenewed:
			return true, true
		case model.StatusCanceled, model.StatusEndedFinalSeason:
			return false, true
		}
		return false, false
	}
}
