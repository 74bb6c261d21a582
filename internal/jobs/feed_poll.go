package jobs

import (
	"context"
	"database/sql"

	"github.com/riverqueue/river"

	"github.com/nextseason/nextseason/internal/feeds"
	"github.com/nextseason/nextseason/internal/metrics"
)

// PollFeedArgs polls one feed.
type PollFeedArgs struct {
	FeedID int64 `json:"feed_id"`
}

// Kind names the job.
func (PollFeedArgs) Kind() string { return "feed_poll" }

// InsertOpts make a poll unique per feed while one waits or runs.
func (PollFeedArgs) InsertOpts() river.InsertOpts { return uniqueWhileWaiting() }

type pollFeedWorker struct {
	river.WorkerDefaults[PollFeedArgs]
	poller  *feeds.Poller
	metrics *metrics.Metrics
}

// Work polls the feed. A failing feed is not a failing job: the poller
// records the error and when to try again, with backoff.
func (w *pollFeedWorker) Work(ctx context.Context, job *river.Job[PollFeedArgs]) error {
	f, err := w.poller.Store.Feed(ctx, job.Args.FeedID)
	if err != nil {
		return err
	}
	_, err = w.poller.Poll(ctx, f)
	if ctx.Err() != nil {
		return ctx.Err()
	}
	w.metrics.FeedPolled(err)
	return nil
}

// DueFeedsArgs is the periodic job that queues a poll of every feed whose
// time has come.
type DueFeedsArgs struct{}

// Kind names the job.
func (DueFeedsArgs) Kind() string { return "feeds_due" }

type dueFeedsWorker struct {
	river.WorkerDefaults[DueFeedsArgs]
	poller *feeds.Poller
}

func (w *dueFeedsWorker) Work(ctx context.Context, job *river.Job[DueFeedsArgs]) error {
	due, err := w.poller.Store.Feeds(ctx, true)
	if err != nil || len(due) == 0 {
		return err
	}
	params := make([]river.InsertManyParams, len(due))
	for i, f := range due {
		params[i] = river.InsertManyParams{Args: PollFeedArgs{FeedID: f.ID}}
	}
	_, err = river.ClientFromContext[*sql.Tx](ctx).InsertMany(ctx, params)
	return err
}
