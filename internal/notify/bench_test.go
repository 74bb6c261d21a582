package notify_test

import (
	"bytes"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/nextseason/nextseason/internal/dbtest"
	"github.com/nextseason/nextseason/internal/httpx"
	"github.com/nextseason/nextseason/internal/model"
	"github.com/nextseason/nextseason/internal/notify"
	"github.com/nextseason/nextseason/internal/notify/webhooktest"
	"github.com/nextseason/nextseason/internal/review"
)

// BenchmarkFanOut: one accepted renewal fanned out to N webhook followers
// (NEXTSEASON_BENCH_FOLLOWERS, default 100,000) on a loopback sink, next
// to a plain loop of the same signed POSTs to the same sink, through the
// same client, at the same concurrency (the deliverer's runs × senders),
// in the same run.
func BenchmarkFanOut(b *testing.B) {
	n := 100_000
	if v := os.Getenv("NEXTSEASON_BENCH_FOLLOWERS"); v != "" {
		n, _ = strconv.Atoi(v)
	}
	var hits atomic.Int64
	sink := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		hits.Add(1)
		w.WriteHeader(http.StatusNoContent)
	}))
	defer sink.Close()
	client := httpx.SafeClient(true, 10*time.Second)
	const runs, senders = 2, 8 // the deliverer's defaults, named for the loop
	var fanOut, plain, queue time.Duration
	for b.Loop() {
		b.StopTimer()
		st := dbtest.Store(b)
		ctx := b.Context()
		sh := model.Show{Title: "Harbor Lights", Network: "Netflix", TVmazeID: 990009}
		if _, err := st.SaveShow(ctx, &sh); err != nil {
			b.Fatal(err)
		}
		secret := notify.NewSecret()
		err := webhooktest.AddFollowers(ctx, st, sh.ID, n, func(i int) string { return fmt.Sprintf("%s/hook/%d", sink.URL, i) }, secret)
		if err != nil {
			b.Fatal(err)
		}
		day := model.DayDate(dbtest.Clock())
		c := model.Claim{ShowID: sh.ID, Season: 2, Kind: model.KindRenewal, Status: model.StatusRenewed, Quote: "Harbor Lights is back.",
			Source:   model.Source{URL: "https://trade.example/harbor-lights-s2", Publisher: "Example Trade", Published: day, Tier: model.TierTrade},
			StatedAt: day, Confidence: 0.8, Origin: model.OriginFeed, Rule: "renewed", State: model.StateProposed}
		if _, err := st.AddClaim(ctx, &c); err != nil {
			b.Fatal(err)
		}
		hits.Store(0)
		b.StartTimer()

		// The fan-out: accepting writes the event and its N deliveries;
		// the deliverer sends them all.
		start := time.Now()
		if _, err := review.Accept(ctx, st, c.ID, "", model.Reviewer{Name: "ed"}); err != nil {
			b.Fatal(err)
		}
		queue = time.Since(start)
		d := &notify.Deliverer{Store: st, Client: client, Log: slog.New(slog.DiscardHandler), Runs: runs, Senders: senders}
		rep, err := d.DeliverAll(ctx)
		if err != nil || rep.Retrying+rep.Failed > 0 {
			b.Fatalf("deliveries failed: %+v, %v", rep, err)
		}
		fanOut = time.Since(start)
		if got := hits.Load(); got != int64(n) {
			b.Fatalf("the sink got %d deliveries, want %d", got, n)
		}

		// The plain loop: the same number of signed POSTs, no database,
		// runs × senders at once.
		body := []byte(`{"type":"renewed","timestamp":"2026-11-25T12:00:00Z","data":{"show":"harbor-lights","title":"Harbor Lights","season":2,"old":"unknown","new":"renewed","outlook":"/shows/harbor-lights/seasons/2"}}`)
		start = time.Now()
		next := make(chan int)
		var wg sync.WaitGroup
		for range runs * senders {
			wg.Go(func() {
				for i := range next {
					req, _ := http.NewRequestWithContext(ctx, http.MethodPost, fmt.Sprintf("%s/hook/%d", sink.URL, i), bytes.NewReader(body))
					if err := notify.SignRequest(req, secret, "evt_1", time.Now(), body); err != nil {
						b.Error(err)
						continue
					}
					resp, err := client.Do(req)
					if err != nil {
						b.Error(err)
						continue
					}
					io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
				}
			})
		}
		for i := range n {
			next <- i
		}
		close(next)
		wg.Wait()
		plain = time.Since(start)
	}
	b.ReportMetric(float64(n), "followers")
	b.ReportMetric(queue.Seconds(), "queue-s")
	b.ReportMetric(fanOut.Seconds(), "fanout-s")
	b.ReportMetric(float64(n)/fanOut.Seconds(), "fanout-deliveries/s")
	b.ReportMetric(float64(n)/plain.Seconds(), "plain-posts/s")
	b.ReportMetric(runs*senders, "concurrency")
	b.ReportMetric(plain.Seconds()/fanOut.Seconds(), "fanout/plain")
}
