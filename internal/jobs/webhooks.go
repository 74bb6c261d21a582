package jobs

import (
	"context"

	"github.com/riverqueue/river"

	"github.com/nextseason/nextseason/internal/notify"
)

// DueWebhooksArgs is the periodic job that sends the webhook deliveries
// whose time has come. The deliveries themselves are rows written with
// their event, so a crash between the two cannot lose one.
type DueWebhooksArgs struct{}

// Kind names the job.
func (DueWebhooksArgs) Kind() string { return "webhooks_due" }

// InsertOpts keep one run at a time.
func (DueWebhooksArgs) InsertOpts() river.InsertOpts { return uniqueWhileWaiting() }

type dueWebhooksWorker struct {
	river.WorkerDefaults[DueWebhooksArgs]
	deliverer *notify.Deliverer
}

// Work sends batches until none is due. A failing endpoint is not a
// failing job: the delivery records the error and when to try again.
func (w *dueWebhooksWorker) Work(ctx context.Context, job *river.Job[DueWebhooksArgs]) error {
	for {
		rep, err := w.deliverer.DeliverDue(ctx)
		if err != nil || rep == (notify.DeliverReport{}) {
			return err
		}
	}
}
