package server_test

import (
	"fmt"
	"io"
	"net/http"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/nextseason/nextseason/internal/model"
)

// BenchmarkSoak serves the demo's data for NEXTSEASON_SOAK (default 30 s;
// the figures in the notes are from 10m) at 300 reads a second (outlook
// pages, show pages, searches and the outlook API, in turn) while 8
// writers follow and unfollow shows through the API as fast as they are
// answered. It reports errors, read p50 and p99, writes done, and the Go
// heap at the start, the middle and the end. It runs on SQLite, and on
// PostgreSQL when NEXTSEASON_TEST_POSTGRES is set.
//
//	NEXTSEASON_SOAK=10m go test -run '^$' -bench Soak -benchtime 1x -timeout 30m ./internal/server
func BenchmarkSoak(b *testing.B) {
	length := 30 * time.Second
	if v := os.Getenv("NEXTSEASON_SOAK"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil {
			b.Fatalf("NEXTSEASON_SOAK=%q: %v", v, err)
		}
		length = d
	}
	const readsPerSecond, writers = 300, 8
	for range b.N {
		srv, st := setup(b)
		tokens := make([]map[string]string, writers)
		for i := range tokens {
			tokens[i] = userToken(b, st, fmt.Sprintf("writer%d@example.com", i), model.RoleViewer)
		}
		paths := []string{"/shows/partner-track/seasons/2", "/shows/silicon-valley", "/search?q=black+mirror", "/api/v1/shows/partner-track/seasons/2/outlook",
			"/shows/black-mirror/seasons/8", "/"}
		shows := []string{"partner-track", "silicon-valley", "black-mirror", "peaky-blinders"}
		client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64}, Timeout: 30 * time.Second}
		var (
			mu        sync.Mutex
			latencies []time.Duration
			errs      atomic.Int64
			writes    atomic.Int64
			firstErr  atomic.Value
		)
		fail := func(err error) {
			errs.Add(1)
			firstErr.CompareAndSwap(nil, err.Error())
		}
		heap := func() float64 {
			runtime.GC()
			var m runtime.MemStats
			runtime.ReadMemStats(&m)
			return float64(m.HeapAlloc) / (1 << 20)
		}
		heapStart := heap()
		done := make(chan struct{})
		var wg sync.WaitGroup
		for w := range writers {
			wg.Go(func() {
				for i := 0; ; i++ {
					select {
					case <-done:
						return
					default:
					}
					method := "POST"
					if i%2 == 1 {
						method = "DELETE"
					}
					req, _ := http.NewRequest(method, srv.URL+"/api/v1/me/follows", strings.NewReader(`{"show": "`+shows[(i/2)%len(shows)]+`"}`))
					for k, v := range tokens[w] {
						req.Header.Set(k, v)
					}
					resp, err := client.Do(req)
					if err != nil {
						fail(err)
						continue
					}
					io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					if resp.StatusCode >= 300 && resp.StatusCode != http.StatusNotFound {
						fail(fmt.Errorf("%s follows: %d", method, resp.StatusCode))
						continue
					}
					writes.Add(1)
				}
			})
		}
		tick := time.NewTicker(time.Second / readsPerSecond)
		start := time.Now()
		var heapMiddle float64
		middle := time.AfterFunc(length/2, func() { heapMiddle = heap() })
		for i := 0; time.Since(start) < length; i++ {
			<-tick.C
			path := paths[i%len(paths)]
			wg.Go(func() {
				t0 := time.Now()
				resp, err := client.Get(srv.URL + path)
				if err != nil {
					fail(err)
					return
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode != http.StatusOK {
					fail(fmt.Errorf("GET %s: %d", path, resp.StatusCode))
					return
				}
				mu.Lock()
				latencies = append(latencies, time.Since(t0))
				mu.Unlock()
			})
		}
		tick.Stop()
		middle.Stop()
		close(done)
		wg.Wait()
		slices.Sort(latencies)
		ms := func(p float64) float64 {
			if len(latencies) == 0 {
				return 0
			}
			return float64(latencies[int(p*float64(len(latencies)-1))]) / float64(time.Millisecond)
		}
		b.ReportMetric(float64(len(latencies)), "reads")
		b.ReportMetric(float64(len(latencies))/length.Seconds(), "reads/s")
		b.ReportMetric(ms(0.5), "read-p50-ms")
		b.ReportMetric(ms(0.99), "read-p99-ms")
		b.ReportMetric(float64(writes.Load()), "writes")
		b.ReportMetric(float64(errs.Load()), "errors")
		b.ReportMetric(heapStart, "heap-start-MiB")
		b.ReportMetric(heapMiddle, "heap-middle-MiB")
		b.ReportMetric(heap(), "heap-end-MiB")
		if e := firstErr.Load(); e != nil {
			b.Logf("first error: %s", e)
		}
	}
}
