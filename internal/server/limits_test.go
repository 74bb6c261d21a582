package server_test

import (
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"

	"github.com/nextseason/nextseason/internal/auth"
	"github.com/nextseason/nextseason/internal/db"
	"github.com/nextseason/nextseason/internal/dbtest"
	"github.com/nextseason/nextseason/internal/server"
	"github.com/nextseason/nextseason/internal/store"
)

// instances serves one store from two handlers, as two instances of
// nextseason share one database.
func instances(t *testing.T, st *store.Store) [2]*httptest.Server {
	t.Helper()
	var out [2]*httptest.Server
	for i := range out {
		h, err := server.Handler(server.Config{Store: st, Log: slog.New(slog.DiscardHandler), Now: dbtest.Clock, EditorToken: editorToken})
		if err != nil {
			t.Fatal(err)
		}
		out[i] = httptest.NewServer(h)
		t.Cleanup(out[i].Close)
	}
	return out
}

// TestSignInLimitsHoldAcrossInstances: a spray of made-up accounts from
// one address gets 20 tries in total across two instances, not 20 each,
// and nothing resets that; one account guessed from many addresses gets
// five in total; wrong guesses of the editors' token are limited the
// same way, on the API and the pages together, and once the limit is
// reached even the right token waits.
func TestSignInLimitsHoldAcrossInstances(t *testing.T) {
	st := dbtest.Store(t)
	srv := instances(t, st)
	tried, refused := 0, 0
	for i := range 200 {
		resp, err := http.PostForm(srv[i%2].URL+"/login", url.Values{"email": {fmt.Sprintf("spray%d@example.com", i)}, "password": {"guess"}})
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		switch resp.StatusCode {
		case http.StatusUnauthorized:
			tried++
		case http.StatusTooManyRequests:
			refused++
		default:
			t.Fatalf("sign-in %d: %d", i, resp.StatusCode)
		}
	}
	if tried != 20 || refused != 180 {
		t.Errorf("a spray of 200 accounts from one address over two instances: %d checked, %d refused; want 20 and 180", tried, refused)
	}

	// One account from many addresses, through two instances' limiters.
	limiters := [2]*auth.LoginLimiter{auth.NewLoginLimiter(st, 1), auth.NewLoginLimiter(st, 1)}
	allowed := 0
	for i := range 12 {
		ok, err := limiters[i%2].Allow(t.Context(), fmt.Sprintf("198.51.100.%d", i), "ann@example.com")
		if err != nil {
			t.Fatal(err)
		}
		if ok {
			allowed++
		}
	}
	if allowed != 5 {
		t.Errorf("one account from 12 addresses over two instances: %d tries allowed, want 5", allowed)
	}

	// The editors' token, guessed over the API and the pages.
	codes := []int{}
	for i := range 7 {
		var req *http.Request
		if i%2 == 0 {
			req, _ = http.NewRequest("GET", srv[0].URL+"/api/v1/review", nil)
			req.Header.Set("Authorization", "Bearer wrong-"+fmt.Sprint(i))
		} else {
			req, _ = http.NewRequest("GET", srv[1].URL+"/review", nil)
			req.SetBasicAuth("editor", "wrong-"+fmt.Sprint(i))
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		codes = append(codes, resp.StatusCode)
	}
	want := []int{401, 401, 401, 401, 401, 429, 429}
	if fmt.Sprint(codes) != fmt.Sprint(want) {
		t.Errorf("seven wrong editor tokens over the API and the pages of two instances: %v, want %v", codes, want)
	}
	req, _ := http.NewRequest("GET", srv[0].URL+"/api/v1/review", nil)
	req.Header.Set("Authorization", "Bearer "+editorToken)
	if resp, err := http.DefaultClient.Do(req); err != nil || resp.StatusCode != http.StatusTooManyRequests {
		t.Errorf("the right token after the limit: %v %v, want 429 until the wait is over", resp.StatusCode, err)
	}
}

// TestBearerSchemeIsCaseInsensitive: "bearer" and "BEARER" name the same
// scheme (RFC 9110), so a client that sends either is let in.
func TestBearerSchemeIsCaseInsensitive(t *testing.T) {
	st := dbtest.Store(t)
	srv := instances(t, st)[0]
	for _, scheme := range []string{"Bearer", "bearer", "BEARER"} {
		req, _ := http.NewRequest("GET", srv.URL+"/api/v1/review", nil)
		req.Header.Set("Authorization", scheme+" "+editorToken)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Errorf("Authorization: %s TOKEN: %d, want 200", scheme, resp.StatusCode)
		}
	}
}

// TestReadyMeansWritable: /readyz answers 503 when the database answers
// reads but cannot commit a write (here a read-only SQLite file, as a
// full disk would), and 200 when it can.
func TestReadyMeansWritable(t *testing.T) {
	path := t.TempDir() + "/ready.db"
	rw, err := db.Open(t.Context(), path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := rw.Migrate(t.Context(), dbtest.Clock()); err != nil {
		t.Fatal(err)
	}
	rw.Close()
	for _, tc := range []struct {
		dsn  string
		want int
	}{{path, http.StatusOK}, {"file:" + path + "?mode=ro", http.StatusServiceUnavailable}} {
		d, err := db.Open(t.Context(), tc.dsn)
		if err != nil {
			t.Fatal(err)
		}
		h, err := server.Handler(server.Config{Store: store.New(d, dbtest.Clock), Log: slog.New(slog.DiscardHandler), Now: dbtest.Clock})
		if err != nil {
			t.Fatal(err)
		}
		srv := httptest.NewServer(h)
		resp, err := http.Get(srv.URL + "/readyz")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		srv.Close()
		d.Close()
		if resp.StatusCode != tc.want {
			t.Errorf("/readyz on %s: %d, want %d", tc.dsn, resp.StatusCode, tc.want)
		}
	}
}
