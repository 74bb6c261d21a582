package jobs_test

import (
	"fmt"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/riverqueue/river"

	"github.com/nextseason/nextseason/internal/httpx"
	"github.com/nextseason/nextseason/internal/jobs"
	"github.com/nextseason/nextseason/internal/model"
	"github.com/nextseason/nextseason/internal/notify"
	"github.com/nextseason/nextseason/internal/notify/webhooktest"
)

// TestFanOutSpreadsOverInstances: two worker instances share a large
// fan-out to a slow endpoint (50 ms a request): both send part of it,
// as helpers of the sending job, and every follower is reached exactly
// once, each delivery signed.
func TestFanOutSpreadsOverInstances(t *testing.T) {
	const followers = 3000
	url, st := migrated(t)
	sink := webhooktest.NewSink(t)
	sink.OnReceive = func(int) { time.Sleep(50 * time.Millisecond) }
	sh := model.Show{Title: "Harbor Lights", Network: "Netflix", TVmazeID: 990011}
	if _, err := st.SaveShow(t.Context(), &sh); err != nil {
		t.Fatal(err)
	}
	secret := notify.NewSecret()
	if err := webhooktest.AddFollowers(t.Context(), st, sh.ID, followers, func(i int) string { return fmt.Sprintf("%s/hook/%d", sink.URL, i) }, secret); err != nil {
		t.Fatal(err)
	}
	if err := webhooktest.AcceptRenewal(t.Context(), st, sh.ID, 2, model.DayDate(time.Now()), "https://trade.example/harbor-lights-s2"); err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	helped := map[int]int{} // instance → helper jobs it completed
	var wg sync.WaitGroup
	stop := make(chan struct{})
	for i := range 2 {
		j, err := jobs.New(t.Context(), jobs.Config{DBURL: url, Poller: poller(st), Log: slog.New(slog.DiscardHandler), Work: true, DeliverEvery: time.Second,
			Deliverer: &notify.Deliverer{Store: st, Client: httpx.SafeClient(true, 5*time.Second), Log: slog.New(slog.DiscardHandler)}})
		if err != nil {
			t.Fatal(err)
		}
		events, cancel := j.Subscribe()
		if err := j.Start(t.Context()); err != nil {
			t.Fatal(err)
		}
		wg.Go(func() {
			defer func() { cancel(); j.Stop(t.Context()) }()
			for {
				select {
				case ev := <-events:
					if ev.Job.Kind == "webhooks_help" && ev.Kind == river.EventKindJobCompleted {
						mu.Lock()
						helped[i]++
						mu.Unlock()
					}
				case <-stop:
					return
				}
			}
		})
	}
	deadline := make(chan struct{})
	timer := time.AfterFunc(3*time.Minute, func() { close(deadline) })
	defer timer.Stop()
	reached := sink.WaitFor(deadline, func(all []webhooktest.Received) bool { return len(all) >= followers })
	// Let a late duplicate, if any, arrive before counting.
	time.Sleep(2 * time.Second)
	close(stop)
	wg.Wait()
	all := sink.All()
	if !reached {
		t.Fatalf("three minutes in, %d of %d deliveries arrived", len(all), followers)
	}
	paths := map[string]int{}
	for _, r := range all {
		paths[r.Path]++
		if err := webhooktest.Verify(secret, r.Header, r.Body, time.Now()); err != nil {
			t.Fatalf("a delivery to %s does not verify: %v", r.Path, err)
		}
	}
	if len(paths) != followers || len(all) != followers {
		t.Errorf("%d deliveries to %d followers, want each of %d exactly once", len(all), len(paths), followers)
	}
	if helped[0] == 0 || helped[1] == 0 {
		t.Errorf("helpers completed per instance: %v; want both instances to have sent part", helped)
	}
}
