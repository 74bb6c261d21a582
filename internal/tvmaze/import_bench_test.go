package tvmaze

import (
	"context"
	"errors"
	"fmt"
	"os"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/nextseason/nextseason/internal/db"
	"github.com/nextseason/nextseason/internal/model"
	"github.com/nextseason/nextseason/internal/store"
)

// BenchmarkServeDuringImport imports NEXTSEASON_BENCH_SHOWS (default
// 40,000) shows into a SQLite file while a "server" on the same file
// (its own connections, as another process has) reads a show's data
// continuously while 8 writers each write a follow every 100 ms. It compares, in one
// run, one transaction for the whole import (how imports were) with
// transactions of ImportBatch and write turns (how they are), reporting
// the reads' p50 and p99, the writes that failed, and the import's time.
//
//	go test -run '^$' -bench ServeDuringImport -benchtime 1x ./internal/tvmaze
func BenchmarkServeDuringImport(b *testing.B) {
	n := 40_000
	if v := os.Getenv("NEXTSEASON_BENCH_SHOWS"); v != "" {
		fmt.Sscan(v, &n)
	}
	shows := make([]Show, n)
	for i := range shows {
		shows[i] = Show{ID: int64(700000 + i), Name: fmt.Sprintf("Bench Show %d", i), Genres: []string{"Drama"}, Status: "Running", Weight: i % 100}
	}
	for _, mode := range []struct {
		name  string
		batch int
		turns bool
	}{{"one-transaction", n, false}, {"batched", ImportBatch, true}} {
		b.Run(mode.name, func(b *testing.B) {
			for range b.N {
				reads, failed, took := serveDuringImport(b, shows, mode.batch, mode.turns)
				slices.Sort(reads)
				pct := func(p float64) float64 {
					return float64(reads[int(p*float64(len(reads)-1))]) / float64(time.Millisecond)
				}
				b.ReportMetric(pct(0.5), "read-p50-ms")
				b.ReportMetric(pct(0.99), "read-p99-ms")
				b.ReportMetric(pct(1), "read-max-ms")
				b.ReportMetric(float64(failed), "writes-failed")
				b.ReportMetric(took.Seconds(), "import-s")
			}
		})
	}
}

// writers is how many of the server's requests write at once.
const writers = 8

func serveDuringImport(b *testing.B, shows []Show, batch int, turns bool) (reads []time.Duration, failed int, took time.Duration) {
	ctx := context.Background()
	path := b.TempDir() + "/bench.db"
	open := func() *store.Store {
		d, err := db.Open(ctx, path)
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { d.Close() })
		return store.New(d, time.Now)
	}
	importer := open()
	if _, err := importer.DB().Migrate(ctx, time.Now()); err != nil {
		b.Fatal(err)
	}
	server := open()
	// The server's own data: a show and a user who follows it on and off.
	sh := model.Show{Title: "Partner Track", Network: "Netflix"}
	if _, err := server.SaveShow(ctx, &sh); err != nil {
		b.Fatal(err)
	}
	u, err := server.AddUser(ctx, "ann@example.com", model.RoleViewer, "")
	if err != nil {
		b.Fatal(err)
	}
	done := make(chan struct{})
	var wg sync.WaitGroup
	var mu sync.Mutex
	wg.Go(func() {
		for {
			select {
			case <-done:
				return
			default:
			}
			start := time.Now()
			if _, err := server.ShowData(ctx, sh); err != nil {
				b.Error(err)
			}
			mu.Lock()
			reads = append(reads, time.Since(start))
			mu.Unlock()
		}
	})
	for range writers {
		wg.Go(func() {
			tick := time.NewTicker(100 * time.Millisecond)
			defer tick.Stop()
			for i := 0; ; i++ {
				select {
				case <-done:
					return
				case <-tick.C:
				}
				err := server.SaveFollow(ctx, &model.Follow{UserID: u.ID, ShowID: sh.ID, Events: model.EventKinds[:1+i%2], Delivery: model.DeliveryImmediate})
				if err != nil {
					if !errors.Is(err, store.ErrBusy) {
						b.Error(err)
					}
					mu.Lock()
					failed++
					mu.Unlock()
				}
			}
		})
	}
	var wt *store.WriteTurns
	if turns {
		wt = importer.WriteTurns()
	}
	start := time.Now()
	if _, err := importShows(ctx, importer, shows, batch, wt); err != nil {
		b.Fatal(err)
	}
	took = time.Since(start)
	close(done)
	wg.Wait()
	return reads, failed, took
}
