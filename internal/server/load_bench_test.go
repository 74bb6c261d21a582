package server_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"sync"
	"testing"
	"time"
)

// loadResult is what one load run measured.
type loadResult struct {
	rps float64
	p99 time.Duration
}

// load sends requests GETs to url from concurrency loopback clients that
// keep their connections alive, and measures throughput and p99 latency.
func load(b *testing.B, url string, concurrency, requests int) loadResult {
	b.Helper()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: concurrency, MaxConnsPerHost: concurrency}}
	defer client.CloseIdleConnections()
	latencies := make([][]time.Duration, concurrency)
	var wg sync.WaitGroup
	start := time.Now()
	for w := range concurrency {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range requests / concurrency {
				t0 := time.Now()
				resp, err := client.Get(url)
				if err != nil {
					b.Error(err)
					return
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode != http.StatusOK {
					b.Errorf("GET %s: %d", url, resp.StatusCode)
					return
				}
				latencies[w] = append(latencies[w], time.Since(t0))
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	all := slices.Concat(latencies...)
	slices.Sort(all)
	if len(all) == 0 {
		b.Fatal("no request succeeded")
	}
	return loadResult{rps: float64(len(all)) / elapsed.Seconds(), p99: all[len(all)*99/100]}
}

// BenchmarkServeOutlookVsTrivial serves the outlook page under a loopback
// load and, in the same run, a handler that writes "ok", so the ratio says
// what nextseason's page costs on this machine.
func BenchmarkServeOutlookVsTrivial(b *testing.B) {
	srv, _ := setup(b)
	trivial := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("ok\n")) }))
	defer trivial.Close()
	const concurrency, requests = 16, 4000
	var page, base loadResult
	for b.Loop() {
		page = load(b, srv.URL+"/shows/partner-track/seasons/2?as_of=2022-09-20", concurrency, requests)
		base = load(b, trivial.URL, concurrency, requests)
	}
	b.ReportMetric(page.rps, "outlook-req/s")
	b.ReportMetric(float64(page.p99.Microseconds())/1000, "outlook-p99-ms")
	b.ReportMetric(base.rps, "trivial-req/s")
	b.ReportMetric(float64(base.p99.Microseconds())/1000, "trivial-p99-ms")
	b.ReportMetric(page.rps/base.rps, "outlook/trivial")
}
