package jobs

import (
	"context"
	"database/sql"

	"github.com/riverqueue/river"

	"github.com/nextseason/nextseason/internal/tvmaze"
)

// UpdatesArgs is the periodic incremental sync: it asks TVmaze which
// shows changed and queues a refresh of each one we lack or hold an older
// version of.
type UpdatesArgs struct {
	Since string `json:"since"` // day, week or month
}

// Kind names the job.
func (UpdatesArgs) Kind() string { return "tvmaze_updates" }

type updatesWorker struct {
	river.WorkerDefaults[UpdatesArgs]
	syncer *tvmaze.Syncer
}

func (w *updatesWorker) Work(ctx context.Context, job *river.Job[UpdatesArgs]) error {
	w.syncer.Log.Info("asking TVmaze which shows changed", "since", job.Args.Since)
	ids, err := w.syncer.Changed(ctx, job.Args.Since)
	if err != nil {
		return err
	}
	w.syncer.Log.Info("TVmaze shows to refresh", "shows", len(ids))
	client := river.ClientFromContext[*sql.Tx](ctx)
	params := make([]river.InsertManyParams, len(ids))
	for i, id := range ids {
		params[i] = river.InsertManyParams{Args: RefreshShowArgs{TVmazeID: id}}
	}
	if len(params) > 0 {
		if _, err := client.InsertMany(ctx, params); err != nil {
			return err
		}
	}
	_, err = w.syncer.RetryDue(ctx)
	return err
}
