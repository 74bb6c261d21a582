package odds

import (
	"context"
	"errors"
	"sync"
	"time"

	"github.com/nextseason/nextseason/internal/facts"
	"github.com/nextseason/nextseason/internal/match"
	"github.com/nextseason/nextseason/internal/model"
	"github.com/nextseason/nextseason/internal/store"
	"github.com/nextseason/nextseason/internal/viewership"
)

// ErrNoData says the database lacks what a back-test needs.
var ErrNoData = errors.New("no data to learn from: import the global Top 10 (nextseason import top10 FILE.tsv) and the lists of Netflix originals (nextseason import netflix-originals --listed DATE FILE.csv...)")

// Data is what the odds learn from: the seasons of the Top 10 and the
// evidence of what became of them.
type Data struct {
	Weeks    []model.Viewership
	Seasons  []Season
	Evidence Evidence
	// genres of the listed shows, and the weeks of each show, by
	// normalised title.
	genres map[string]string
	weeks  map[string][]model.Viewership
}

// Load reads the Top 10 weeks, the lists of originals, and, for what the
// lists cannot settle, the catalog and accepted claims.
func Load(ctx context.Context, st *store.Store) (*Data, error) {
	weeks, err := st.AllViewership(ctx, viewership.ChartNetflixTop10)
	if err != nil {
		return nil, err
	}
	originals, err := st.Originals(ctx)
	if err != nil {
		return nil, err
	}
	d := newData(weeks, originals)
	d.Evidence.Known = CatalogKnows(ctx, st, weeks)
	if len(d.Seasons) == 0 || len(originals) == 0 {
		return nil, ErrNoData
	}
	return d, nil
}

// newData indexes chart weeks and the lists of originals.
func newData(weeks []model.Viewership, originals []Original) *Data {
	d := &Data{Weeks: weeks, Seasons: Seasons(weeks), Evidence: Evidence{Originals: originals},
		genres: map[string]string{}, weeks: map[string][]model.Viewership{}}
	for _, w := range weeks {
		k := match.Key(w.ShowTitle)
		d.weeks[k] = append(d.weeks[k], w)
	}
	for _, o := range originals {
		if o.Listed.After(d.Evidence.Listed) {
			d.Evidence.Listed = o.Listed
		}
		d.genres[match.Key(o.Title)] = o.Genre
	}
	return d
}

// CatalogKnows answers from the catalog and accepted claims, for the
// shows the chart weeks are linked to: as of a day, a season was renewed
// when the resolved answer about the next one is "renewed" (a claim, or
// the catalog listing it), not when it is canceled or ended, since the
// day the answer became so. Errors and shows not linked know nothing.
func CatalogKnows(ctx context.Context, st *store.Store, weeks []model.Viewership) Known {
	linked := map[string]int64{}
	for _, w := range weeks {
		if w.ShowID != 0 {
			linked[match.Key(w.ShowTitle)] = w.ShowID
		}
	}
	// Every linked show is loaded together, on the first question (from
	// whichever goroutine asks it first).
	data := sync.OnceValue(func() map[int64]facts.ShowData {
		ids := make([]int64, 0, len(linked))
		for _, id := range linked {
			ids = append(ids, id)
		}
		// The question may come after the request that loaded the data
		// has ended: its cancellation is not this load's.
		d, err := st.ShowsData(context.WithoutCancel(ctx), ids)
		if err != nil {
			return nil
		}
		return d
	})
	return func(key string, season int, asOf time.Time) (bool, time.Time, bool) {
		id, ok := linked[key]
		if !ok {
			return false, time.Time{}, false
		}
		d, ok := data()[id]
		if !ok {
			return false, time.Time{}, false
		}
		day := asOf
		if day.IsZero() {
			day = st.Now()
		}
		o, err := facts.ComposeOutlook(d, season+1, model.DayDate(day))
		if err != nil {
			return false, time.Time{}, false
		}
		since := day
		if o.Renewal.Since != nil && !o.Renewal.Since.IsZero() {
			since = o.Renewal.Since.Start()
		}
		switch o.Renewal.Status {
		case model.StatusRenewed:
			return true, since, true
		case model.StatusCanceled, model.StatusEndedFinalSeason:
			return false, since, true
		}
		return false, time.Time{}, false
	}
}
