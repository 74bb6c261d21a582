package server_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// loadResult is what one load run measured.
type loadResult struct {
	rps float64
	p99 time.Duration
}

// load sends requests GETs to url(i), i counting the requests, from
// concurrency loopback clients that keep their connections alive, and
// measures throughput and p99 latency.
func load(b *testing.B, url func(i int64) string, concurrency, requests int) loadResult {
	b.Helper()
	start := time.Now()
	all := loadLatencies(b, url, concurrency, requests/concurrency, nil)
	elapsed := time.Since(start)
	if len(all) == 0 {
		b.Fatal("no request succeeded")
	}
	return loadResult{rps: float64(len(all)) / elapsed.Seconds(), p99: all[len(all)*99/100]}
}

// loadLatencies has concurrency clients GET url(i) each perClient times,
// or until stop is closed when perClient is 0, and gives the latencies,
// sorted.
func loadLatencies(b *testing.B, url func(i int64) string, concurrency, perClient int, stop <-chan struct{}) []time.Duration {
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: concurrency, MaxConnsPerHost: concurrency}}
	defer client.CloseIdleConnections()
	latencies := make([][]time.Duration, concurrency)
	var wg sync.WaitGroup
	var sent atomic.Int64
	for w := range concurrency {
		wg.Go(func() {
			for i := 0; perClient == 0 || i < perClient; i++ {
				select {
				case <-stop:
					return
				default:
				}
				t0 := time.Now()
				u := url(sent.Add(1))
				resp, err := client.Get(u)
				if err != nil {
					b.Error(err)
					return
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode != http.StatusOK {
					b.Errorf("GET %s: %d", u, resp.StatusCode)
					return
				}
				latencies[w] = append(latencies[w], time.Since(t0))
			}
		})
	}
	wg.Wait()
	all := slices.Concat(latencies...)
	slices.Sort(all)
	return all
}

// BenchmarkServeOutlookVsTrivial serves an outlook (The Gentlemen season
// 2, awaited, with renewal odds), as the page and as the API's JSON,
// under a loopback load, with one as_of on every request (answers may be
// shared) and with a day never asked before on each, and, in the same
// run, a handler writing the same bytes, so the ratios say what
// nextseason's answer costs here.
func BenchmarkServeOutlookVsTrivial(b *testing.B) {
	b.Run("page", func(b *testing.B) { outlookVsTrivial(b, "/shows/the-gentlemen/seasons/2", "text/html; charset=utf-8") })
	b.Run("api", func(b *testing.B) {
		outlookVsTrivial(b, "/api/v1/shows/the-gentlemen/seasons/2/outlook", "application/json")
	})
}

func outlookVsTrivial(b *testing.B, path, contentType string) {
	srv, st := setup(b)
	gentlemen(b, st)
	asOf := func(day string) string { return srv.URL + path + "?as_of=" + day }
	resp, err := http.Get(asOf("2024-05-06"))
	if err != nil {
		b.Fatal(err)
	}
	bytes, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		b.Fatalf("GET %s: %d", path, resp.StatusCode)
	}
	trivial := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", contentType)
		w.Write(bytes)
	}))
	defer trivial.Close()
	const concurrency, requests = 16, 4000
	start := time.Date(2024, 4, 15, 0, 0, 0, 0, time.UTC)
	var fixed, fresh, base loadResult
	for b.Loop() {
		fixed = load(b, func(int64) string { return asOf("2024-05-06") }, concurrency, requests)
		fresh = load(b, func(i int64) string { return asOf(start.AddDate(0, 0, int(i)).Format(time.DateOnly)) }, concurrency, requests)
		base = load(b, func(int64) string { return trivial.URL }, concurrency, requests)
	}
	b.ReportMetric(float64(len(bytes)), "bytes")
	b.ReportMetric(fixed.rps, "outlook-req/s")
	b.ReportMetric(float64(fixed.p99.Microseconds())/1000, "outlook-p99-ms")
	b.ReportMetric(fresh.rps, "new-as_of-req/s")
	b.ReportMetric(float64(fresh.p99.Microseconds())/1000, "new-as_of-p99-ms")
	b.ReportMetric(base.rps, "trivial-req/s")
	b.ReportMetric(fixed.rps/base.rps, "outlook/trivial")
	b.ReportMetric(fresh.rps/base.rps, "new-as_of/trivial")
}
