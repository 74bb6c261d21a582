package jobs

import (
	"context"
	"time"

	"github.com/riverqueue/river"

	"github.com/nextseason/nextseason/internal/notify"
)

// DueWebhooksArgs is the periodic job that sends the webhook deliveries
// whose time has come. The deliveries themselves are rows written with
// their event, so a crash between the two cannot lose one.
type DueWebhooksArgs struct{}

// Kind names the job.
func (DueWebhooksArgs) Kind() string { return "webhooks_due" }

type dueWebhooksWorker struct {
	river.WorkerDefaults[DueWebhooksArgs]
	deliverer *notify.Deliverer
}

// sendingTimeout bounds a run of the sending jobs, set here rather than
// left at River's minute: a run sends batch after batch until none is
// due, and what it marked stays marked if it is cut short.
const sendingTimeout = 15 * time.Minute

// Timeout is how long a run may send.
func (w *dueWebhooksWorker) Timeout(*river.Job[DueWebhooksArgs]) time.Duration { return sendingTimeout }

// Work sends batches until none is due. A failing endpoint is not a
// failing job: the delivery records the error and when to try again.
func (w *dueWebhooksWorker) Work(ctx context.Context, job *river.Job[DueWebhooksArgs]) error {
	_, err := w.deliverer.DeliverAll(ctx)
	return err
}

// DueMailsArgs is the periodic job that sends the mails whose time has
// come, written, like deliveries, with their event.
type DueMailsArgs struct{}

// Kind names the job.
func (DueMailsArgs) Kind() string { return "mails_due" }

type dueMailsWorker struct {
	river.WorkerDefaults[DueMailsArgs]
	mailer *notify.Mailer
}

// Timeout is how long a run may send.
func (w *dueMailsWorker) Timeout(*river.Job[DueMailsArgs]) time.Duration { return sendingTimeout }

// Work sends batches until none is due or a batch sends nothing (the
// server is down: the mails wait for their retry).
func (w *dueMailsWorker) Work(ctx context.Context, job *river.Job[DueMailsArgs]) error {
	for {
		rep, err := w.mailer.SendDue(ctx)
		if err != nil || rep.Sent == 0 {
			return err
		}
	}
}

// DigestsArgs is the periodic job that queues yesterday's daily digests
// (UTC). It runs every hour; a day's digests are queued once.
type DigestsArgs struct{}

// Kind names the job.
func (DigestsArgs) Kind() string { return "digests" }

// InsertOpts keep one run at a time.
func (DigestsArgs) InsertOpts() river.InsertOpts { return uniqueWhileWaiting() }

type digestsWorker struct {
	river.WorkerDefaults[DigestsArgs]
	mailer *notify.Mailer
}

func (w *digestsWorker) Work(ctx context.Context, job *river.Job[DigestsArgs]) error {
	_, err := w.mailer.Store.QueueDigests(ctx, w.mailer.Store.Now().UTC().AddDate(0, 0, -1))
	return err
}

// oncePer keeps one run of a periodic job per period of every (aligned
// to the clock): an instance that takes over the periodic jobs (a
// failover, a restart) within the period does not run it again. A job's
// uniqueness may not end while it runs (River requires it), and a job
// killed mid-run stays "running" in River's table until it is rescued an
// hour later; scoped to a period, it holds back no later run. Sending
// runs that overlap are safe: each claims its own batch. River's shortest
// period is a second.
func oncePer(every time.Duration) *river.InsertOpts {
	return &river.InsertOpts{UniqueOpts: river.UniqueOpts{ByArgs: true, ByPeriod: max(every, time.Second)}}
}
