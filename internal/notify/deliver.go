package notify

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/nextseason/nextseason/internal/store"
	"github.com/nextseason/nextseason/internal/tell"
)

// Deliverer sends due webhook deliveries. Every fetch goes through
// Client, which should be httpx.SafeClient.
type Deliverer struct {
	Store  *store.Store
	Client *http.Client
	Log    *slog.Logger
	// BaseURL is where this nextseason is served ("https://tv.example"),
	// for the outlook link; empty leaves the link relative.
	BaseURL string
	// Retries are the waits after each failed attempt; after the last,
	// the delivery is marked failed. Default: about a day, doubling from
	// a minute.
	Retries []time.Duration
	// Batch is how many deliveries one run sends; default 500.
	Batch int
	// Senders is how many requests are in flight at once; default 8.
	Senders int
	// Runs is how many batches DeliverAll sends at once, so one batch's
	// requests overlap another's database work; default 2.
	Runs int
	// Lease is how long a run holds the batch it sends: no other run
	// takes it meanwhile, and after a crash it is sent again once the
	// lease ends. Default DefaultLease.
	Lease time.Duration
	// RequestTimeout bounds one request; default DefaultRequestTimeout,
	// and at most a quarter of Lease: a request starts only while twice
	// it is left of the lease.
	RequestTimeout time.Duration
}

// DefaultLease is how long a sender holds the deliveries or mails it
// sends: longer than a batch takes to send, short enough that a crash
// delays its batch by little.
const DefaultLease = 2 * time.Minute

// defaultRetries double from a minute: 1, 2, 4 … 512 minutes, then 12 h,
// about 29 hours in all.
var defaultRetries = []time.Duration{time.Minute, 2 * time.Minute, 4 * time.Minute, 8 * time.Minute, 16 * time.Minute,
	32 * time.Minute, 64 * time.Minute, 128 * time.Minute, 256 * time.Minute, 512 * time.Minute, 12 * time.Hour}

// Payload is the JSON body of a delivery.
type Payload struct {
	Type      string    `json:"type"`
	Timestamp time.Time `json:"timestamp"`
	Data      struct {
		Show      string `json:"show"`
		Title     string `json:"title"`
		Season    int    `json:"season"`
		Old       string `json:"old"`
		New       string `json:"new"`
		SourceURL string `json:"source_url,omitempty"`
		Outlook   string `json:"outlook"`
	} `json:"data"`
}

// DeliverReport counts what a run did. Late counts deliveries sent
// after their lease ran out, which another sender may have sent too;
// Released, those not tried: given back because the lease was ending (a
// renewal failed) or the run was stopped, or left to another sender
// that took them.
type DeliverReport struct{ Sent, Retrying, Failed, Tests, Late, Released int }

// add sums reports.
func (r *DeliverReport) add(o DeliverReport) {
	r.Sent, r.Retrying, r.Failed, r.Tests = r.Sent+o.Sent, r.Retrying+o.Retrying, r.Failed+o.Failed, r.Tests+o.Tests
	r.Late, r.Released = r.Late+o.Late, r.Released+o.Released
}

// DefaultRequestTimeout bounds one webhook request, well inside a lease.
const DefaultRequestTimeout = 15 * time.Second

// markEvery is how many successes are marked sent together: a crash or a
// lost lease resends at most so many.
const markEvery = 50

// DeliverDue sends the deliveries whose time has come, one batch, with
// Senders requests in flight. A delivery is marked sent only after its
// endpoint answered 2xx, a few at a time as they succeed, and only while
// the batch's lease holds: a crash in between sends it again, with the
// same webhook-id, rather than lose it. The lease is renewed while the
// batch is worked; a request starts only while it can end before the
// lease does, and only for a delivery no other sender has taken since.
// What was not tried goes back, due at once.
func (d *Deliverer) DeliverDue(ctx context.Context) (DeliverReport, error) {
	var (
		rep DeliverReport
		err error
	)
	batch, senders := d.BatchSize(), cmp.Or(d.Senders, 8)
	if rep.Tests, err = d.sendTests(ctx); err != nil {
		return rep, err
	}
	due, held, err := d.Store.DueDeliveries(ctx, batch, d.lease())
	if err != nil || len(due) == 0 {
		return rep, err
	}
	lease := newBatchLease(d.Store, d.Log, due, held, d.lease(), d.requestTimeout())
	type result struct {
		dl    store.Delivery
		err   error
		tried bool
	}
	work, results := make(chan store.Delivery), make(chan result)
	var wg sync.WaitGroup
	for range min(senders, len(due)) {
		wg.Go(func() {
			for dl := range work {
				if ctx.Err() != nil || !lease.mayStart(ctx, dl.ID) {
					results <- result{dl: dl}
					continue
				}
				results <- result{dl: dl, err: d.send(ctx, dl), tried: true}
			}
		})
	}
	go func() {
		for _, dl := range due {
			work <- dl
		}
		close(work)
		wg.Wait()
		close(results)
	}()
	var sent, untried []int64
	var errs []error
	flush := func() {
		lease.hold(func(held time.Time) {
			n, err := d.Store.DeliveriesSent(context.WithoutCancel(ctx), sent, held)
			if err != nil {
				errs = append(errs, err)
			}
			rep.Sent += n
			if late := len(sent) - n; late > 0 && err == nil {
				rep.Late += late
				d.Log.Warn("webhook deliveries sent after their lease ran out: another sender may send them too", "deliveries", late)
			}
		})
		sent = sent[:0]
	}
	for r := range results {
		switch {
		case !r.tried:
			untried = append(untried, r.dl.ID)
		case r.err == nil:
			if sent = append(sent, r.dl.ID); len(sent) >= markEvery {
				flush()
			}
		default:
			next := rep.failure(d.Retries, r.dl.Attempts, d.Store.Now())
			d.Log.Info("webhook delivery failed", "delivery", r.dl.ID, "url", r.dl.URL, "attempt", r.dl.Attempts+1, "err", r.err)
			lease.hold(func(held time.Time) {
				if err := d.Store.DeliveryFailed(context.WithoutCancel(ctx), r.dl.ID, r.err.Error(), next, held); err != nil {
					errs = append(errs, err)
				}
			})
		}
	}
	flush()
	lease.hold(func(held time.Time) {
		if err := d.Store.ReleaseDeliveries(context.WithoutCancel(ctx), untried, held); err != nil {
			errs = append(errs, err)
		}
	})
	rep.Released = len(untried)
	if ctx.Err() != nil {
		errs = append(errs, ctx.Err())
	}
	return rep, errors.Join(errs...)
}

// BatchSize is how many deliveries one batch sends.
func (d *Deliverer) BatchSize() int { return cmp.Or(d.Batch, 500) }

// lease is how long a run holds its batch at a time.
func (d *Deliverer) lease() time.Duration { return cmp.Or(d.Lease, DefaultLease) }

// requestTimeout is how long one request may take: RequestTimeout, but
// at most a quarter of the lease, so that a short lease still leaves
// time to send.
func (d *Deliverer) requestTimeout() time.Duration {
	return min(cmp.Or(d.RequestTimeout, DefaultRequestTimeout), d.lease()/4)
}

// DeliverAll sends batches, Runs of them at once, until none is due; a
// failing endpoint does not stop it (its delivery waits for its retry).
func (d *Deliverer) DeliverAll(ctx context.Context) (DeliverReport, error) {
	var (
		mu    sync.Mutex
		total DeliverReport
		errs  []error
		wg    sync.WaitGroup
	)
	for range cmp.Or(d.Runs, 2) {
		wg.Go(func() {
			for {
				rep, err := d.DeliverDue(ctx)
				mu.Lock()
				total.add(rep)
				if err != nil {
					errs = append(errs, err)
				}
				mu.Unlock()
				if err != nil || rep == (DeliverReport{}) {
					return
				}
			}
		})
	}
	wg.Wait()
	return total, errors.Join(errs...)
}

// failure counts a failed attempt, the attempts+1st, as retrying or
// failed for good, and says when to try again (zero: never).
func (r *DeliverReport) failure(retries []time.Duration, attempts int, now time.Time) time.Time {
	next := retryAt(retries, attempts, now)
	if next.IsZero() {
		r.Failed++
	} else {
		r.Retrying++
	}
	return next
}

// retryAt is when to try again after attempts+1 failures, waiting as
// retries (or defaultRetries) say; zero gives up.
func retryAt(retries []time.Duration, attempts int, now time.Time) time.Time {
	if retries == nil {
		retries = defaultRetries
	}
	if attempts >= len(retries) {
		return time.Time{}
	}
	return now.Add(retries[attempts])
}

// send POSTs one delivery, signed with the event's id: the same for
// every endpoint and every retry.
func (d *Deliverer) send(ctx context.Context, dl store.Delivery) error {
	e := dl.Event
	var p Payload
	p.Type, p.Timestamp = string(e.Kind), e.HappenedAt
	p.Data.Show, p.Data.Title, p.Data.Season, p.Data.Old, p.Data.New, p.Data.SourceURL = e.Slug, e.Title, e.Season, e.Old, e.New, e.SourceURL
	p.Data.Outlook = d.BaseURL + tell.OutlookPath(e.Slug, e.Season)
	return d.post(ctx, dl.URL, dl.Secret, "evt_"+strconv.FormatInt(e.ID, 10), p)
}

// sendTests sends the tests users asked for, one request each, and
// records how each went.
func (d *Deliverer) sendTests(ctx context.Context) (int, error) {
	hooks, err := d.Store.ClaimWebhookTests(ctx, 50)
	if err != nil {
		return 0, err
	}
	for _, h := range hooks {
		p := Payload{Type: "test", Timestamp: d.Store.Now().UTC()}
		problem := ""
		if err := d.post(ctx, h.URL, h.Secret, fmt.Sprintf("test_%d_%d", h.ID, p.Timestamp.UnixNano()), p); err != nil {
			problem = err.Error()
		}
		if err := d.Store.WebhookTested(ctx, h.ID, problem); err != nil {
			return 0, err
		}
	}
	return len(hooks), nil
}

// post sends a payload, signed; a 2xx answer is success.
func (d *Deliverer) post(ctx context.Context, url, secret, id string, p Payload) error {
	body, err := json.Marshal(p)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, d.requestTimeout())
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return err
	}
	if err := SignRequest(req, secret, id, d.Store.Now(), body); err != nil {
		return err
	}
	resp, err := d.Client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	if resp.StatusCode/100 != 2 {
		return fmt.Errorf("endpoint answered %s", resp.Status)
	}
	return nil
}
