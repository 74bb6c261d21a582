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

// OutlookPath is the path of the page that answers for a season now (or,
// for season 0, the show's page): the link every notification carries.
func OutlookPath(slug string, season int) string {
	if season < 1 {
		return "/shows/" + slug // news about the whole show
	}
	return fmt.Sprintf("/shows/%s/seasons/%d", slug, season)
}

// DeliverReport counts what a run did.
type DeliverReport struct{ Sent, Retrying, Failed, Tests int }

// DeliverDue sends the deliveries whose time has come, one batch, with
// Senders requests in flight. A delivery is marked sent only after its
// endpoint answered 2xx: a crash in between sends it again, with the
// same webhook-id, rather than lose it.
func (d *Deliverer) DeliverDue(ctx context.Context) (DeliverReport, error) {
	var (
		rep DeliverReport
		err error
	)
	batch, senders := d.Batch, d.Senders
	if batch == 0 {
		batch = 500
	}
	if senders == 0 {
		senders = 8
	}
	if rep.Tests, err = d.sendTests(ctx); err != nil {
		return rep, err
	}
	due, err := d.Store.DueDeliveries(ctx, batch, cmp.Or(d.Lease, DefaultLease))
	if err != nil {
		return rep, err
	}
	errs := make([]error, len(due))
	work := make(chan int)
	var wg sync.WaitGroup
	for range min(senders, len(due)) {
		wg.Go(func() {
			for i := range work {
				errs[i] = d.send(ctx, due[i])
			}
		})
	}
	for i := range due {
		work <- i
	}
	close(work)
	wg.Wait()
	if ctx.Err() != nil {
		return rep, ctx.Err()
	}
	var sent []int64
	for i, dl := range due {
		if errs[i] == nil {
			sent = append(sent, dl.ID)
			continue
		}
		next := rep.failure(d.Retries, dl.Attempts, d.Store.Now())
		d.Log.Info("webhook delivery failed", "delivery", dl.ID, "url", dl.URL, "attempt", dl.Attempts+1, "err", errs[i])
		if err := d.Store.DeliveryFailed(ctx, dl.ID, errs[i].Error(), next); err != nil {
			return rep, err
		}
	}
	rep.Sent = len(sent)
	return rep, d.Store.DeliveriesSent(ctx, sent)
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
				total.Sent, total.Retrying, total.Failed, total.Tests = total.Sent+rep.Sent, total.Retrying+rep.Retrying, total.Failed+rep.Failed, total.Tests+rep.Tests
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
	p.Data.Outlook = d.BaseURL + OutlookPath(e.Slug, e.Season)
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
