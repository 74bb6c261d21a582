package jobs

import (
	"context"
	"errors"

	"github.com/riverqueue/river"

	"github.com/nextseason/nextseason/internal/odds"
	"github.com/nextseason/nextseason/internal/store"
)

// OddsFitArgs is the hourly job that fits the renewal-odds models the
// pages, the API and events score with: one as of the first of every
// month and one as of today, each on the outcomes known by its day. A
// model once stored is kept, so after the first run only the new day's
// is fitted.
type OddsFitArgs struct{}

// Kind names the job.
func (OddsFitArgs) Kind() string { return "odds_fit" }

// InsertOpts keep one run at a time.
func (OddsFitArgs) InsertOpts() river.InsertOpts { return uniqueWhileWaiting() }

type oddsFitWorker struct {
	river.WorkerDefaults[OddsFitArgs]
	store *store.Store
}

func (w *oddsFitWorker) Work(ctx context.Context, job *river.Job[OddsFitArgs]) error {
	_, err := odds.FitStored(ctx, w.store, w.store.Now(), false)
	if errors.Is(err, odds.ErrNoData) {
		return nil // nothing imported yet: nothing to fit
	}
	return err
}
