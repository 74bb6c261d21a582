package answer_test

import (
	"encoding/json"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/nextseason/nextseason/internal/db"
	"github.com/nextseason/nextseason/internal/dbtest"
	"github.com/nextseason/nextseason/internal/search"
	"github.com/nextseason/nextseason/internal/store"
	"github.com/nextseason/nextseason/internal/tvmaze"
	"github.com/nextseason/nextseason/internal/tvmaze/tvmazetest"
)

// BenchmarkCatalog syncs a generated catalog (80,000 shows, or
// NEXTSEASON_BENCH_SHOWS) from the fake TVmaze with its rate limit off,
// next to a plain JSON decode of the same pages, by the clock and by CPU
// time (the sync's includes the fake server's, in the same process);
// then times 1,000 mixed searches over it and reports the database's
// size. Run it once:
//
//	go test -run '^$' -bench Catalog -benchtime 1x ./internal/answer
func BenchmarkCatalog(b *testing.B) {
	shows := 80_000
	if v := os.Getenv("NEXTSEASON_BENCH_SHOWS"); v != "" {
		shows, _ = strconv.Atoi(v)
	}
	fake := tvmazetest.New()
	defer fake.Close()
	fake.SetRateLimit(false)
	// Generated titles draw on the words of the recorded ones.
	if err := fake.LoadRecorded(); err != nil {
		b.Fatal(err)
	}
	if err := fake.Generate(shows-fake.Len(), 42); err != nil {
		b.Fatal(err)
	}
	d := dbtest.Open(b)
	st := store.New(d, time.Now)
	client, err := tvmaze.NewClient(tvmaze.Options{BaseURL: fake.URL, Unlimited: true})
	if err != nil {
		b.Fatal(err)
	}
	sy := &tvmaze.Syncer{Client: client, Store: st, Log: slog.New(slog.DiscardHandler)}

	var syncRate, decodeRate, syncCPU, decodeCPU float64
	var searches []time.Duration
	for b.Loop() {
		start, cpu := time.Now(), cpuSeconds(b)
		rep, err := sy.Full(b.Context(), nil)
		if err != nil {
			b.Fatal(err)
		}
		if rep.Shows != shows {
			b.Fatalf("synced %d shows, want %d", rep.Shows, shows)
		}
		syncRate, syncCPU = float64(shows)/time.Since(start).Seconds(), float64(shows)/(cpuSeconds(b)-cpu)
		if d.Dialect == db.Postgres {
			// What autovacuum would soon do after a bulk load.
			if _, err := d.ExecContext(b.Context(), `ANALYZE`); err != nil {
				b.Fatal(err)
			}
		}
		decodeRate, decodeCPU = decodeAll(b, fake, shows)
		searches = searchAll(b, st, fake)
	}
	slices.Sort(searches)
	b.ReportMetric(syncRate, "sync-shows/s")
	b.ReportMetric(decodeRate, "decode-shows/s")
	b.ReportMetric(syncRate/decodeRate, "sync/decode")
	b.ReportMetric(syncCPU/decodeCPU, "sync/decode-cpu")
	b.ReportMetric(float64(searches[len(searches)/2].Microseconds()), "search-p50-µs")
	b.ReportMetric(float64(searches[len(searches)*99/100].Microseconds()), "search-p99-µs")
	b.ReportMetric(float64(dbSize(b, d))/(1<<20), "db-MB")
}

// decodeAll fetches every index page from the fake server and decodes it
// with encoding/json alone, and returns the shows decoded a second, by
// the clock and by the process's CPU time.
func decodeAll(b *testing.B, fake *tvmazetest.Server, shows int) (float64, float64) {
	client, err := tvmaze.NewClient(tvmaze.Options{BaseURL: fake.URL, Unlimited: true})
	if err != nil {
		b.Fatal(err)
	}
	var pages [][]byte
	for p := 0; ; p++ {
		body, err := client.Get(b.Context(), "/shows?page="+strconv.Itoa(p))
		if err != nil {
			break
		}
		pages = append(pages, body)
	}
	start, cpu := time.Now(), cpuSeconds(b)
	n := 0
	for _, body := range pages {
		var page []tvmaze.Show
		if err := json.Unmarshal(body, &page); err != nil {
			b.Fatal(err)
		}
		n += len(page)
	}
	took, used := time.Since(start).Seconds(), cpuSeconds(b)-cpu
	if n != shows {
		b.Fatalf("decoded %d shows, want %d", n, shows)
	}
	return float64(n) / took, float64(n) / used
}

// cpuSeconds is the CPU time (user and system) this process has used.
func cpuSeconds(b *testing.B) float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
}

// searchAll times 1,000 searches: a third exact titles, a third prefixes,
// a third titles with a typo, all drawn from the catalog.
func searchAll(b *testing.B, st *store.Store, fake *tvmazetest.Server) []time.Duration {
	titles, err := st.ShowTitles(b.Context())
	if err != nil {
		b.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	var queries []string
	for i := range 1000 {
		title := titles[rng.IntN(len(titles))].Title
		switch i % 3 {
		case 0:
			queries = append(queries, title)
		case 1:
			queries = append(queries, prefixOf(title, rng))
		default:
			queries = append(queries, typo(title, rng))
		}
	}
	// Prepare the statements and settle the sync's garbage first: what is
	// timed is a warm server answering searches.
	for _, q := range queries[:20] {
		search.Shows(b.Context(), st, q, 10)
	}
	runtime.GC()
	out := make([]time.Duration, len(queries))
	found := 0
	for i, q := range queries {
		start := time.Now()
		res, err := search.Shows(b.Context(), st, q, 10)
		out[i] = time.Since(start)
		if err != nil {
			b.Fatal(err)
		}
		if len(res) > 0 {
			found++
		}
	}
	b.Logf("%d of %d queries found something; e.g. %q, %q, %q", found, len(queries), queries[0], queries[1], queries[2])
	slowest := make([]int, len(queries))
	for i := range slowest {
		slowest[i] = i
	}
	slices.SortFunc(slowest, func(x, y int) int { return int(out[y] - out[x]) })
	for _, i := range slowest[:5] {
		b.Logf("slow: %v %q", out[i], queries[i])
	}
	return out
}

func prefixOf(title string, rng *rand.Rand) string {
	n := utf8.RuneCountInString(title)
	cut := min(n, 3+rng.IntN(max(1, n-2)))
	return string([]rune(title)[:cut])
}

// typo swaps two neighbouring letters in the longest word.
func typo(title string, rng *rand.Rand) string {
	words := strings.Fields(title)
	longest := 0
	for i, w := range words {
		if len(w) > len(words[longest]) {
			longest = i
		}
	}
	r := []rune(words[longest])
	if len(r) >= 5 {
		i := 1 + rng.IntN(len(r)-2)
		r[i], r[i+1] = r[i+1], r[i]
		words[longest] = string(r)
	}
	return strings.Join(words, " ")
}

func dbSize(b *testing.B, d *db.DB) int64 {
	var size int64
	query := `SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()`
	if d.Dialect == db.Postgres {
		query = `SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0) FROM pg_class c
			JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'm')`
	} else if _, err := d.ExecContext(b.Context(), `PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
		b.Fatal(err)
	}
	if err := d.QueryRowContext(b.Context(), query).Scan(&size); err != nil {
		b.Fatal(fmt.Errorf("database size: %w", err))
	}
	return size
}
