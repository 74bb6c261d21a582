package server_test

import (
	"fmt"
	"log/slog"
	"net/http"
	"slices"
	"testing"
	"time"

	"github.com/nextseason/nextseason/internal/dbtest"
	"github.com/nextseason/nextseason/internal/feeds"
	"github.com/nextseason/nextseason/internal/feeds/feedtest"
	"github.com/nextseason/nextseason/internal/httpx"
	"github.com/nextseason/nextseason/internal/model"
	"github.com/nextseason/nextseason/internal/store"
)

// benchShows adds n Netflix shows to the catalog.
func benchShows(b *testing.B, st *store.Store, n int) []model.Show {
	var out []model.Show
	for i := range n {
		sh := model.Show{Title: fmt.Sprintf("Bench Show %d", i), Network: "Netflix", TVmazeID: int64(800000 + i), Premiered: model.DayDate(time.Date(2024, 1, 5, 0, 0, 0, 0, time.UTC))}
		if _, err := st.SaveShow(b.Context(), &sh); err != nil {
			b.Fatal(err)
		}
		out = append(out, sh)
	}
	return out
}

// quantile is the q-quantile of sorted latencies, in ms.
func quantile(sorted []time.Duration, q float64) float64 {
	if len(sorted) == 0 {
		return 0
	}
	return sorted[min(len(sorted)-1, int(float64(len(sorted))*q))].Seconds() * 1000
}

// BenchmarkPollWhileReading polls a feed of 200 new renewal stories
// (about 5 catalog shows, auto-accepted, so each changes an answer and
// makes an event) on the test database (SQLite unless
// NEXTSEASON_TEST_POSTGRES is set), alone and while 32 clients read
// outlook pages. It reports the poll's time and the time its
// transactions were open, and the readers' p50 and p99 during the poll
// and, before it, alone. Run it with -benchtime 1x: a second poll of the
// same feed finds nothing new.
func BenchmarkPollWhileReading(b *testing.B) {
	for _, readers := range []int{0, 32} {
		b.Run(fmt.Sprintf("readers=%d", readers), func(b *testing.B) { pollWhileReading(b, readers) })
	}
}

func pollWhileReading(b *testing.B, readers int) {
	srv, st := setup(b)
	ctx := b.Context()
	var titles []string
	for _, sh := range benchShows(b, st, 5) {
		titles = append(titles, sh.Title)
	}
	f, err := st.AddFeed(ctx, feedtest.Serve(b, feedtest.Renewals(titles, 200)).URL, model.TierTrade)
	if err != nil {
		b.Fatal(err)
	}
	p := &feeds.Poller{Store: st, Client: httpx.SafeClient(true, 10*time.Second), Log: slog.New(slog.DiscardHandler), UserAgent: "nextseason-bench",
		AutoAccept: map[model.Tier]float64{model.TierTrade: 0.5}}
	outlook := func(int64) string { return srv.URL + "/shows/partner-track/seasons/2" }
	alone := loadLatencies(b, outlook, readers, 50, nil)
	var during []time.Duration
	var poll time.Duration
	var rep feeds.PollReport
	for b.Loop() {
		stop, done := make(chan struct{}), make(chan struct{})
		go func() { during = loadLatencies(b, outlook, readers, 0, stop); close(done) }()
		time.Sleep(100 * time.Millisecond) // the readers under way
		before := st.Counts()
		start := time.Now()
		if rep, err = p.Poll(ctx, f); err != nil {
			b.Fatal(err)
		}
		poll = time.Since(start)
		tx := st.Counts().Sub(before)
		close(stop)
		<-done
		b.ReportMetric(tx.TxTime.Seconds()*1000, "tx-ms")
		b.ReportMetric(float64(tx.TxReads), "tx-reads")
	}
	if rep.New != 200 {
		b.Fatalf("poll: %s; want 200 new stories", rep)
	}
	b.ReportMetric(poll.Seconds()*1000, "poll-ms")
	b.ReportMetric(float64(rep.Accepted), "accepted")
	if readers > 0 {
		b.ReportMetric(quantile(during, 0.5), "read-p50-ms")
		b.ReportMetric(quantile(during, 0.99), "read-p99-ms")
		b.ReportMetric(quantile(alone, 0.5), "alone-p50-ms")
		b.ReportMetric(quantile(alone, 0.99), "alone-p99-ms")
	}
}

// BenchmarkListPages reads "My shows" with 50 follows and the review page
// with 200 claims in the queue, and reports the statements each costs
// and its p50 and p99 over 200 requests, one at a time.
func BenchmarkListPages(b *testing.B) {
	srv, st := setup(b)
	ctx := b.Context()
	shows := benchShows(b, st, 50)
	fan := signIn(b, srv, st, "fan@example.com", model.RoleViewer)
	u, err := st.UserByEmail(ctx, "fan@example.com")
	if err != nil {
		b.Fatal(err)
	}
	for _, sh := range shows {
		if err := st.SaveFollow(ctx, &model.Follow{UserID: u.ID, ShowID: sh.ID, Events: model.EventKinds, Delivery: model.DeliveryImmediate}); err != nil {
			b.Fatal(err)
		}
	}
	editor := signIn(b, srv, st, "editor@example.com", model.RoleEditor)
	for i := range 200 {
		sh := shows[i%len(shows)]
		c := model.Claim{ShowID: sh.ID, Season: 2, Kind: model.KindRenewal, Status: model.StatusRenewed, Quote: fmt.Sprintf("%s is renewed (story %d).", sh.Title, i),
			Source:   model.Source{URL: fmt.Sprintf("https://trade.example/%d", i), Publisher: "Example Trade", Published: model.DayDate(dbtest.Clock()), Tier: model.TierTrade},
			StatedAt: model.DayDate(dbtest.Clock()), Confidence: 0.8, Origin: model.OriginFeed, Rule: "renewed", State: model.StateProposed}
		if _, err := st.AddClaim(ctx, &c); err != nil {
			b.Fatal(err)
		}
	}
	for b.Loop() {
		for _, page := range []struct {
			name string
			v    *visitor
			path string
		}{{"me", fan, "/me"}, {"review", editor, "/review"}} {
			before := st.Counts().Statements
			if code, _ := page.v.do("GET", page.path, nil); code != http.StatusOK {
				b.Fatalf("GET %s: %d", page.path, code)
			}
			b.ReportMetric(float64(st.Counts().Statements-before), page.name+"-statements")
			var lat []time.Duration
			for range 200 {
				t0 := time.Now()
				page.v.do("GET", page.path, nil)
				lat = append(lat, time.Since(t0))
			}
			slices.Sort(lat)
			b.ReportMetric(quantile(lat, 0.5), page.name+"-p50-ms")
			b.ReportMetric(quantile(lat, 0.99), page.name+"-p99-ms")
		}
	}
}
