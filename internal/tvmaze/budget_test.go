package tvmaze_test

import (
	"net/http"
	"net/http/httptest"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/nextseason/nextseason/internal/dbtest"
	"github.com/nextseason/nextseason/internal/tvmaze"
)

// TestSharedBudgetPacesInstancesTogether: two clients (two instances)
// sharing the database's call budget at 2 calls a second never call
// TVmaze closer together than half a second between them, where each
// alone would keep only its own pace (and together call twice as fast).
func TestSharedBudgetPacesInstancesTogether(t *testing.T) {
	st := dbtest.Store(t)
	var mu sync.Mutex
	var arrivals []time.Time
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		arrivals = append(arrivals, time.Now())
		mu.Unlock()
		w.Write([]byte(`{}`))
	}))
	t.Cleanup(srv.Close)
	var wg sync.WaitGroup
	for range 2 {
		c, err := tvmaze.NewClient(tvmaze.Options{BaseURL: srv.URL, PerSecond: 2, UserAgent: "test", Budget: st})
		if err != nil {
			t.Fatal(err)
		}
		wg.Go(func() {
			for range 3 {
				if _, err := c.Get(t.Context(), "/shows/1"); err != nil {
					t.Error(err)
				}
			}
		})
	}
	wg.Wait()
	slices.SortFunc(arrivals, func(a, b time.Time) int { return a.Compare(b) })
	// The budget keeps turns 500 ms apart; allow for the requests'
	// own jitter (a loaded machine) on top.
	const least = 300 * time.Millisecond
	for i := 1; i < len(arrivals); i++ {
		if gap := arrivals[i].Sub(arrivals[i-1]); gap < least {
			t.Errorf("calls %d and %d of the two instances came %v apart; the shared pace allows no less than %v", i, i+1, gap, least)
		}
	}
}
