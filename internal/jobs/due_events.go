package jobs

import (
	"context"
	"errors"
	"fmt"
	"log/slog"

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
	odds       events.Odds
	log        *slog.Logger
}

// Work looks at each followed show in turn, each written in a
// transaction of its own: a show that fails is logged and holds back no
// other, and the run then fails naming how many did, so River tries it
// again (what was stored is not stored twice).
func (w *dueEventsWorker) Work(ctx context.Context, job *river.Job[DueEventsArgs]) error {
	shows, err := w.store.FollowedShowIDs(ctx)
	if err != nil {
		return err
	}
	var failed []error
	for _, id := range shows {
		if _, err := events.RecordDue(ctx, w.store, id, w.atRiskDays, w.odds); err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			w.log.Warn("due events of a show not recorded", "show", id, "err", err)
			failed = append(failed, fmt.Errorf("show %d: %w", id, err))
		}
	}
	if len(failed) > 0 {
		return fmt.Errorf("due events: %d of %d shows failed: %w", len(failed), len(shows), errors.Join(failed...))
	}
	return nil
}
