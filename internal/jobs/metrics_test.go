package jobs_test

import (
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/prometheus/common/expfmt"
	prommodel "github.com/prometheus/common/model"
	"github.com/riverqueue/river"

	"github.com/nextseason/nextseason/internal/demo"
	"github.com/nextseason/nextseason/internal/feeds/feedtest"
	"github.com/nextseason/nextseason/internal/httpx"
	"github.com/nextseason/nextseason/internal/jobs"
	"github.com/nextseason/nextseason/internal/metrics"
	"github.com/nextseason/nextseason/internal/model"
	"github.com/nextseason/nextseason/internal/notify"
	"github.com/nextseason/nextseason/internal/server"
	"github.com/nextseason/nextseason/internal/store"
)

// TestMetricsTellWhatHappened: two feeds are polled by the jobs (one
// answers a renewal story, which is accepted; one is broken), the
// renewal fans out to 25 followers' webhooks, and a few pages are asked
// for; then /metrics, scraped with its token, counts exactly that: the
// polls by outcome, the jobs by kind, the deliveries sent, none waiting,
// the claim accepted, the requests by route and status.
func TestMetricsTellWhatHappened(t *testing.T) {
	url, st := migrated(t)
	ctx := t.Context()
	sh := model.Show{Title: "Harbor Lights", Network: "Netflix", TVmazeID: 990009}
	if _, err := st.SaveShow(ctx, &sh); err != nil {
		t.Fatal(err)
	}
	var hits atomic.Int64
	sink := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		hits.Add(1)
	}))
	defer sink.Close()
	const followers = 25
	for i := range followers {
		u, err := st.AddUser(ctx, fmt.Sprintf("fan%d@example.com", i), model.RoleViewer, "")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := st.AddWebhook(ctx, u.ID, sink.URL, notify.NewSecret()); err != nil {
			t.Fatal(err)
		}
		if err := st.SaveFollow(ctx, &model.Follow{UserID: u.ID, ShowID: sh.ID, Events: model.EventKinds, Delivery: model.DeliveryImmediate}); err != nil {
			t.Fatal(err)
		}
	}
	good := feedtest.Serve(t, feedtest.Renewals([]string{"Harbor Lights"}, 1))
	broken := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { http.Error(w, "down", http.StatusBadGateway) }))
	defer broken.Close()
	for _, u := range []string{good.URL, broken.URL} {
		if _, err := st.AddFeed(ctx, u, model.TierTrade); err != nil {
			t.Fatal(err)
		}
	}

	m := metrics.New(st)
	p := poller(st)
	p.AutoAccept = map[model.Tier]float64{model.TierTrade: 0}
	d := &notify.Deliverer{Store: st, Client: httpx.SafeClient(true, 5*time.Second), Log: slog.New(slog.DiscardHandler)}
	j, err := jobs.New(ctx, jobs.Config{DBURL: url, Poller: p, Deliverer: d, DeliverEvery: 50 * time.Millisecond,
		Log: slog.New(slog.DiscardHandler), Work: true, Metrics: m})
	if err != nil {
		t.Fatal(err)
	}
	events, cancel := j.Subscribe()
	defer cancel()
	if err := j.Start(ctx); err != nil {
		t.Fatal(err)
	}
	defer j.Stop(ctx)
	// Wait, job by job, until both feeds were polled and every delivery
	// was marked sent.
	polls := 0
	for polls < 2 || sent(t, st) < followers {
		select {
		case ev := <-events:
			if ev.Kind == river.EventKindJobFailed {
				t.Fatalf("job %s failed: %v", ev.Job.Kind, ev.Job.Errors)
			}
			if ev.Job.Kind == "feed_poll" {
				polls++
			}
		case <-ctx.Done():
			t.Fatalf("polls %d, deliveries sent %d, the sink got %d", polls, sent(t, st), hits.Load())
		}
	}
	j.Stop(ctx) // nothing more is counted

	h, err := server.Handler(server.Config{Store: st, Log: slog.New(slog.DiscardHandler), Now: time.Now, Archive: demo.Archive(), Metrics: m, MetricsToken: "scrape-me"})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	defer srv.Close()
	for _, path := range []string{"/shows/" + sh.Slug, "/shows/" + sh.Slug, "/shows/no-such-show", "/api/v1/shows/" + sh.Slug} {
		resp, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
	}
	resp, err := http.Get(srv.URL + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("/metrics without its token: %d, want 401", resp.StatusCode)
	}
	req, _ := http.NewRequest("GET", srv.URL+"/metrics", nil)
	req.Header.Set("Authorization", "Bearer scrape-me")
	resp, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	parser := expfmt.NewTextParser(prommodel.UTF8Validation)
	families, err := parser.TextToMetricFamilies(resp.Body)
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("/metrics: %d, %v", resp.StatusCode, err)
	}
	value := func(name string, labels ...string) float64 {
		t.Helper()
		f := families[name]
		if f == nil {
			t.Errorf("no %s", name)
			return -1
		}
	next:
		for _, mt := range f.Metric {
			for i := 0; i+1 < len(labels); i += 2 {
				found := false
				for _, l := range mt.Label {
					found = found || (l.GetName() == labels[i] && l.GetValue() == labels[i+1])
				}
				if !found {
					continue next
				}
			}
			switch {
			case mt.Counter != nil:
				return mt.Counter.GetValue()
			case mt.Gauge != nil:
				return mt.Gauge.GetValue()
			case mt.Histogram != nil:
				return float64(mt.Histogram.GetSampleCount())
			}
		}
		return 0
	}
	for _, c := range []struct {
		name   string
		labels []string
		want   float64
	}{
		{"nextseason_feed_polls_total", []string{"outcome", "ok"}, 1},
		{"nextseason_feed_polls_total", []string{"outcome", "failed"}, 1},
		{"nextseason_jobs_total", []string{"kind", "feed_poll", "outcome", "ok"}, 2},
		{"nextseason_job_duration_seconds", []string{"kind", "feed_poll"}, 2},
		{"nextseason_outbox_messages", []string{"channel", "webhook", "state", "sent"}, followers},
		{"nextseason_outbox_messages", []string{"channel", "webhook", "state", "pending"}, 0},
		{"nextseason_outbox_oldest_due_seconds", []string{"channel", "webhook"}, 0},
		{"nextseason_claims", []string{"state", "accepted"}, 1},
		{"nextseason_http_requests_total", []string{"route", "GET /shows/{slug}", "code", "200"}, 2},
		{"nextseason_http_requests_total", []string{"route", "GET /shows/{slug}", "code", "404"}, 1},
		{"nextseason_http_requests_total", []string{"route", "GET /api/v1/shows/{slug}", "code", "200"}, 1},
		{"nextseason_http_requests_total", []string{"route", "GET /metrics", "code", "401"}, 1},
		{"nextseason_http_request_duration_seconds", []string{"route", "GET /shows/{slug}"}, 3},
	} {
		if got := value(c.name, c.labels...); got != c.want {
			t.Errorf("%s%v = %v, want %v", c.name, c.labels, got, c.want)
		}
	}
	if got := value("nextseason_jobs_total", "kind", "webhooks_due", "outcome", "ok"); got < 1 {
		t.Errorf("webhook delivery jobs counted: %v, want at least 1", got)
	}
	if hits.Load() != followers {
		t.Errorf("the sink got %d deliveries, want %d", hits.Load(), followers)
	}
}

// sent is how many webhook deliveries are marked sent.
func sent(t *testing.T, st *store.Store) int {
	t.Helper()
	stats, err := st.OutboxStats(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range stats {
		if s.Channel == "webhook" && s.State == "sent" {
			return s.Count
		}
	}
	return 0
}
