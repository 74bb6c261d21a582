package jobs_test

import (
	"log/slog"
	"testing"
	"time"

	"github.com/riverqueue/river"

	"github.com/nextseason/nextseason/internal/httpx"
	"github.com/nextseason/nextseason/internal/jobs"
	"github.com/nextseason/nextseason/internal/notify"
)

// TestPeriodicJobsDoNotRerunOnFailover: when the instance running the
// periodic jobs stops and another takes over within the hour, the hourly
// jobs (the odds fit here) that ran at the first's start do not run again
// at the second's: each runs once per period.
func TestPeriodicJobsDoNotRerunOnFailover(t *testing.T) {
	// Both instances must start within one hour's period: close to the
	// hour, wait for it to pass.
	if left := time.Until(time.Now().Truncate(time.Hour).Add(time.Hour)); left < 30*time.Second {
		time.Sleep(left + time.Second)
	}
	url, st := migrated(t)
	instance := func() (*jobs.Jobs, <-chan *river.Event, func()) {
		j, err := jobs.New(t.Context(), jobs.Config{DBURL: url, Store: st, Poller: poller(st), Log: slog.New(slog.DiscardHandler), Work: true,
			Deliverer: &notify.Deliverer{Store: st, Client: httpx.SafeClient(false, time.Second), Log: slog.New(slog.DiscardHandler)}, DeliverEvery: time.Second})
		if err != nil {
			t.Fatal(err)
		}
		events, cancel := j.Subscribe()
		if err := j.Start(t.Context()); err != nil {
			t.Fatal(err)
		}
		return j, events, cancel
	}
	// waitFor reads events until one of kind completes, counting the
	// odds fits that ran meanwhile.
	waitFor := func(events <-chan *river.Event, kind string) (fits int) {
		for {
			select {
			case ev := <-events:
				if ev.Job.Kind == "odds_fit" && ev.Kind == river.EventKindJobCompleted {
					fits++
				}
				if ev.Job.Kind == kind && ev.Kind == river.EventKindJobCompleted {
					return fits
				}
			case <-time.After(time.Minute):
				t.Fatalf("no %s job completed in a minute", kind)
			}
		}
	}
	first, events, cancel := instance()
	if fits := waitFor(events, "odds_fit"); fits != 1 {
		t.Fatalf("the first instance ran the odds fit %d times at its start", fits)
	}
	cancel()
	if err := first.Stop(t.Context()); err != nil {
		t.Fatal(err)
	}
	second, events, cancel := instance()
	defer func() { cancel(); second.Stop(t.Context()) }()
	// The sending job runs every second: once the second instance has run
	// it, its periodic jobs have started, the hourly ones with them.
	if fits := waitFor(events, "webhooks_due") + waitFor(events, "webhooks_due"); fits != 0 {
		t.Errorf("the instance that took over ran the hourly odds fit again (%d times) within the hour", fits)
	}
}
