package tvmaze_test

import (
	"log/slog"
	"testing"
	"time"

	"github.com/nextseason/nextseason/internal/dbtest"
	"github.com/nextseason/nextseason/internal/tvmaze"
	"github.com/nextseason/nextseason/internal/tvmaze/tvmazetest"
)

// BenchmarkFullSyncVsFloor: a full index sync of 40 pages (10,000 shows)
// from the fake TVmaze, which enforces TVmaze's limit (20 calls in 10 s),
// with the client at TVmaze's 2 calls a second and progress shown (as on
// a terminal), against the floor that limit sets for the same calls: the
// 40 pages and the 404 past the last, 41 calls at 2 a second.
//
//	go test -run '^$' -bench FullSyncVsFloor -benchtime 1x ./internal/tvmaze
func BenchmarkFullSyncVsFloor(b *testing.B) {
	const pages = 40
	fake := tvmazetest.New()
	defer fake.Close()
	if err := fake.Generate(pages*250-1, 7); err != nil { // ids 1 … 9,999: pages 0 … 39
		b.Fatal(err)
	}
	var took time.Duration
	var calls int64
	for b.Loop() {
		b.StopTimer()
		st := dbtest.Store(b)
		c, err := tvmaze.NewClient(tvmaze.Options{BaseURL: fake.URL, PerSecond: 2, UserAgent: "bench"})
		if err != nil {
			b.Fatal(err)
		}
		sy := &tvmaze.Syncer{Client: c, Store: st, Log: slog.New(slog.DiscardHandler)}
		before := fake.Requests.Load()
		b.StartTimer()
		start := time.Now()
		rep, err := sy.Full(b.Context(), func(tvmaze.Progress) {})
		took = time.Since(start)
		if err != nil || rep.Pages != pages {
			b.Fatalf("full sync: %d pages, %v; want %d", rep.Pages, err, pages)
		}
		calls = fake.Requests.Load() - before
	}
	floor := time.Duration(pages+1) * time.Second / 2
	b.ReportMetric(took.Seconds(), "sync-s")
	b.ReportMetric(floor.Seconds(), "floor-s")
	b.ReportMetric(float64(calls), "calls")
	b.ReportMetric(float64(took)/float64(floor), "sync/floor")
}
