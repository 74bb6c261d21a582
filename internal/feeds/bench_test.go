package feeds_test

import (
	"bytes"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"runtime"
	"runtime/metrics"
	"sync"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"

	"github.com/nextseason/nextseason/internal/dbtest"
	"github.com/nextseason/nextseason/internal/feeds"
	"github.com/nextseason/nextseason/internal/feeds/extract"
	"github.com/nextseason/nextseason/internal/httpx"
	"github.com/nextseason/nextseason/internal/model"
	"github.com/nextseason/nextseason/internal/sharedtest"
)

// BenchmarkExtractVsParse runs extraction, with the 58,762-title catalog
// of shared/data/tv-titles loaded, over the items of the five real feeds
// next to gofeed parsing the same feeds, and reports both rates, the
// catalog's load time and the heap it holds.
func BenchmarkExtractVsParse(b *testing.B) {
	titles := sharedtest.Path(b, "tv-titles/titles.tsv")
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	loadStart := time.Now()
	f, err := os.Open(titles)
	if err != nil {
		b.Fatal(err)
	}
	cat, err := extract.ReadCatalogTSV(f)
	f.Close()
	if err != nil {
		b.Fatal(err)
	}
	loadTime := time.Since(loadStart)
	runtime.GC()
	runtime.ReadMemStats(&after)
	m, err := extract.DefaultModel()
	if err != nil {
		b.Fatal(err)
	}
	x := extract.New(cat, m)
	var raw [][]byte
	var items []extract.Item
	for _, name := range []string{"eonline.com.rss", "tmz.com.rss", "perezhilton.com.rss", "popsugar.com.rss", "mirror.co.uk.rss"} {
		data, err := os.ReadFile("testdata/" + name)
		if err != nil {
			b.Fatal(err)
		}
		raw = append(raw, data)
		f, err := feeds.Parse(bytes.NewReader(data), feeds.MaxFeedSize)
		if err != nil {
			b.Fatal(err)
		}
		for _, e := range f.Entries {
			items = append(items, extract.Item{Headline: e.Title, Text: e.Summary, Published: e.Published.Format("2006-01-02")})
		}
	}
	var parseRate, extractRate float64
	for b.Loop() {
		start := time.Now()
		const rounds = 20
		n := 0
		for range rounds {
			for _, data := range raw {
				f, err := gofeed.NewParser().Parse(bytes.NewReader(data))
				if err != nil {
					b.Fatal(err)
				}
				n += len(f.Items)
			}
		}
		parseRate = float64(n) / time.Since(start).Seconds()
		start = time.Now()
		for range rounds {
			for _, it := range items {
				x.Extract(it)
			}
		}
		extractRate = float64(rounds*len(items)) / time.Since(start).Seconds()
	}
	b.ReportMetric(extractRate, "extract-items/s")
	b.ReportMetric(parseRate, "gofeed-items/s")
	b.ReportMetric(extractRate/parseRate, "extract/parse")
	b.ReportMetric(loadTime.Seconds()*1000, "catalog-load-ms")
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "catalog-heap-MiB")
	b.ReportMetric(float64(cat.Len()), "catalog-titles")
}

// BenchmarkPoll1000Feeds polls 1,000 feeds served by a local server (the
// five real ones, each under 200 URLs) and reports the wall time and the
// peak heap.
func BenchmarkPoll1000Feeds(b *testing.B) {
	var bodies [][]byte
	for _, name := range []string{"eonline.com.rss", "tmz.com.rss", "perezhilton.com.rss", "popsugar.com.rss", "mirror.co.uk.rss"} {
		data, err := os.ReadFile("testdata/" + name)
		if err != nil {
			b.Fatal(err)
		}
		bodies = append(bodies, data)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var i int
		fmt.Sscanf(r.URL.Path, "/feed/%d", &i)
		w.Write(bodies[i%len(bodies)])
	}))
	defer srv.Close()
	var wall time.Duration
	var peak uint64
	for b.Loop() {
		b.StopTimer()
		st := dbtest.Store(b)
		var list []int64
		for i := range 1000 {
			f, err := st.AddFeed(b.Context(), fmt.Sprintf("%s/feed/%d", srv.URL, i), model.TierReport)
			if err != nil {
				b.Fatal(err)
			}
			list = append(list, f.ID)
		}
		p := &feeds.Poller{Store: st, Client: httpx.SafeClient(true, 30*time.Second), Log: slog.New(slog.DiscardHandler)}
		runtime.GC()
		stop := sampleHeap(&peak)
		b.StartTimer()
		start := time.Now()
		var wg sync.WaitGroup
		work := make(chan int64)
		for range 8 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for id := range work {
					f, err := st.Feed(b.Context(), id)
					if err == nil {
						_, err = p.Poll(b.Context(), f)
					}
					if err != nil {
						b.Error(err)
					}
				}
			}()
		}
		for _, id := range list {
			work <- id
		}
		close(work)
		wg.Wait()
		wall = time.Since(start)
		stop()
	}
	b.ReportMetric(wall.Seconds(), "wall-s")
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
}

// sampleHeap records the largest live heap seen until stop is called.
func sampleHeap(peak *uint64) (stop func()) {
	done := make(chan struct{})
	finished := make(chan struct{})
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	go func() {
		defer close(finished)
		t := time.NewTicker(10 * time.Millisecond)
		defer t.Stop()
		for {
			metrics.Read(sample)
			*peak = max(*peak, sample[0].Value.Uint64())
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	return func() { close(done); <-finished }
}
