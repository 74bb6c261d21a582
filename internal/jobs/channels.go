package jobs

import (
	"context"
	"database/sql"
	"fmt"
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
// With more than a batch due (a fan-out), it first asks for helpers, one
// per further batch up to maxHelpers: jobs in the sending queue that any
// instance's workers take, so sending grows with instances. Leases keep
// them from sending one delivery twice.
func (w *dueWebhooksWorker) Work(ctx context.Context, job *river.Job[DueWebhooksArgs]) error {
	due, err := w.deliverer.Store.CountDueDeliveries(ctx)
	if err != nil {
		return err
	}
	if helpers := min((due-1)/w.deliverer.BatchSize(), maxHelpers); helpers > 0 {
		params := make([]river.InsertManyParams, helpers)
		for i := range params {
			params[i] = river.InsertManyParams{Args: WebhooksHelpArgs{}, InsertOpts: &river.InsertOpts{Queue: sendingQueue}}
		}
		if _, err := river.ClientFromContext[*sql.Tx](ctx).InsertMany(ctx, params); err != nil {
			return fmt.Errorf("ask for sending helpers: %w", err)
		}
	}
	_, err = w.deliverer.DeliverAll(ctx)
	return err
}

// maxHelpers bounds the helpers one fan-out asks for.
const maxHelpers = 8

// sendingQueue is where helpers wait, apart from the other jobs, which
// they would otherwise hold up; each instance works two at a time.
const sendingQueue = "sending"

// WebhooksHelpArgs is a helper of a large fan-out: it sends batches, as
// the sending job does, until none is due.
type WebhooksHelpArgs struct{}

// Kind names the job.
func (WebhooksHelpArgs) Kind() string { return "webhooks_help" }

type webhooksHelpWorker struct {
	river.WorkerDefaults[WebhooksHelpArgs]
	deliverer *notify.Deliverer
}

// Timeout is how long a helper may send.
func (w *webhooksHelpWorker) Timeout(*river.Job[WebhooksHelpArgs]) time.Duration {
	return sendingTimeout
}

// Work sends batches until none is due.
func (w *webhooksHelpWorker) Work(ctx context.Context, job *river.Job[WebhooksHelpArgs]) error {
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
