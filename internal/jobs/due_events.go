package jobs

import (
	"context"

	"github.com/riverqueue/river"

	"github.com/nextseason/nextseason/internal/events"
	"github.com/nextseason/nextseason/internal/store"
)

// DueEventsArgs is the periodic job that stores the events time brings
// about for followed shows: a season released, a renewal decision
// overdue after a finale.
type DueEventsArgs struct{}

// Kind names the job.
func (DueEventsArgs) Kind() string { return "due_events" }

// InsertOpts keep one run at a time.
func (DueEventsArgs) InsertOpts() river.InsertOpts { return uniqueWhileWaiting() }

type dueEventsWorker struct {
	river.WorkerDefaults[DueEventsArgs]
	store      *store.Store
	atRiskDays int
}

// Work looks at each followed show in a transaction of its own, so one
// show's failure holds back no other's.
func (w *dueEventsWorker) Work(ctx context.Context, job *river.Job[DueEventsArgs]) error {
	shows, err := w.store.FollowedShowIDs(ctx)
	if err != nil {
		return err
	}
	for _, id := range shows {
		err := w.store.InTx(ctx, func(tx *store.Store) error {
			_, err := events.RecordDue(ctx, tx, id, w.atRiskDays)
			return err
		})
		if err != nil {
			return err
		}
	}
	return nil
}
