package jobs

import (
	"context"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"

	"github.com/nextseason/nextseason/internal/tvmaze"
)

// RefreshShowArgs refreshes one show from TVmaze, with its cast, crew,
// seasons, episodes and akas.
type RefreshShowArgs struct {
	TVmazeID int64 `json:"tvmaze_id"`
}

// Kind names the job.
func (RefreshShowArgs) Kind() string { return "tvmaze_refresh_show" }

// InsertOpts make a refresh unique per show while one is waiting or
// running, so that a refresh asked for by a follow and one from the
// periodic sync coalesce into one call to TVmaze.
func (RefreshShowArgs) InsertOpts() river.InsertOpts { return uniqueWhileWaiting() }

// uniqueWhileWaiting makes a job unique by its arguments while one waits
// or runs; once it has finished, the same job may be queued again.
func uniqueWhileWaiting() river.InsertOpts {
	return river.InsertOpts{UniqueOpts: river.UniqueOpts{
		ByArgs: true,
		ByState: []rivertype.JobState{
			rivertype.JobStateAvailable, rivertype.JobStatePending, rivertype.JobStateRetryable,
			rivertype.JobStateRunning, rivertype.JobStateScheduled,
		},
	}}
}

type refreshShowWorker struct {
	river.WorkerDefaults[RefreshShowArgs]
	syncer *tvmaze.Syncer
}

func (w *refreshShowWorker) Work(ctx context.Context, job *river.Job[RefreshShowArgs]) error {
	_, err := w.syncer.Show(ctx, job.Args.TVmazeID)
	return err
}

// RefreshShow asks for a show to be refreshed. It reports false when a
// refresh of that show was already waiting or running.
func (j *Jobs) RefreshShow(ctx context.Context, tvmazeID int64) (bool, error) {
	res, err := j.client.Insert(ctx, RefreshShowArgs{TVmazeID: tvmazeID}, nil)
	if err != nil {
		return false, err
	}
	return !res.UniqueSkippedAsDuplicate, nil
}
