package tvmaze_test

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/nextseason/nextseason/internal/tvmaze"
	"github.com/nextseason/nextseason/internal/tvmaze/tvmazetest"
)

// fake starts a fake TVmaze holding the recorded shows.
func fake(t *testing.T) *tvmazetest.Server {
	t.Helper()
	s := tvmazetest.New()
	t.Cleanup(s.Close)
	if err := s.LoadRecorded(); err != nil {
		t.Fatal(err)
	}
	return s
}

// inMemory is a client of the fake server's handler, for synctest bubbles.
func inMemory(t *testing.T, s *tvmazetest.Server, o tvmaze.Options) *tvmaze.Client {
	t.Helper()
	o.BaseURL = "http://tvmaze.test"
	o.HTTP = &http.Client{Transport: s.Transport()}
	c, err := tvmaze.NewClient(o)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestClientNeverExceedsTheLimit(t *testing.T) {
	s := fake(t)
	synctest.Test(t, func(t *testing.T) {
		c := inMemory(t, s, tvmaze.Options{UserAgent: "test"})
		start := time.Now()
		for range 65 {
			if _, err := c.Get(t.Context(), "/shows/143"); err != nil && !errors.Is(err, tvmaze.ErrNotModified) {
				t.Fatal(err)
			}
		}
		if n := s.Throttled.Load(); n != 0 {
			t.Errorf("the server answered 429 %d times", n)
		}
		// 65 calls at 20 per 10 s cannot take less than 30 s.
		if took := time.Since(start); took < 30*time.Second {
			t.Errorf("65 calls took %v of fake time, faster than the limit allows", took)
		}
	})
}

func TestClientHonoursRetryAfter(t *testing.T) {
	s := fake(t)
	synctest.Test(t, func(t *testing.T) {
		var logs bytes.Buffer
		c := inMemory(t, s, tvmaze.Options{Unlimited: true, Logger: slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))})
		for range 50 {
			if _, err := c.Get(t.Context(), "/shows/143"); err != nil && !errors.Is(err, tvmaze.ErrNotModified) {
				t.Fatal(err)
			}
		}
		if s.Throttled.Load() == 0 {
			t.Fatal("an unlimited client should have been throttled")
		}
		if strings.Contains(logs.String(), "level=ERROR") || !strings.Contains(logs.String(), "429") {
			t.Errorf("429s should be logged as waits, not errors:\n%s", logs.String())
		}
	})
}

func TestClientRetriesServerErrorsThenGivesUp(t *testing.T) {
	s := fake(t)
	s.SetRateLimit(false)
	synctest.Test(t, func(t *testing.T) {
		c := inMemory(t, s, tvmaze.Options{Unlimited: true, MaxRetries: 3})
		s.Fail(143, tvmazetest.FaultServerError, 2)
		if _, err := c.Get(t.Context(), "/shows/143"); err != nil {
			t.Errorf("two 503s then success: %v", err)
		}
		s.Fail(143, tvmazetest.FaultServerError, 10)
		if _, err := c.Get(t.Context(), "/shows/143"); err == nil || !strings.Contains(err.Error(), "503") {
			t.Errorf("persistent 503s: %v, want an error naming 503", err)
		}
		if _, err := c.Get(t.Context(), "/shows/999999"); !errors.Is(err, tvmaze.ErrNotFound) {
			t.Errorf("a missing show: %v, want ErrNotFound", err)
		}
	})
}

func TestClientConditionalRequests(t *testing.T) {
	s := fake(t)
	c, err := tvmaze.NewClient(tvmaze.Options{BaseURL: s.URL, Unlimited: true, UserAgent: "nextseason-test/1"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Get(t.Context(), "/shows?page=1"); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Get(t.Context(), "/shows?page=1"); !errors.Is(err, tvmaze.ErrNotModified) {
		t.Errorf("second fetch of an unchanged page: %v, want ErrNotModified", err)
	}
	if ua := s.UserAgent.Load(); ua != "nextseason-test/1" {
		t.Errorf("User-Agent %v, want the one configured", ua)
	}
}

func TestClientTimesOutAndCancels(t *testing.T) {
	s := fake(t)
	s.SetRateLimit(false)
	s.Fail(143, tvmazetest.FaultSlow, 100)
	c, err := tvmaze.NewClient(tvmaze.Options{BaseURL: s.URL, Unlimited: true, Timeout: 50 * time.Millisecond, MaxRetries: 1, RetryBase: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Get(t.Context(), "/shows/143"); err == nil {
		t.Error("a server that never answers should time out")
	}
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if _, err := c.Get(ctx, "/shows/250"); !errors.Is(err, context.Canceled) {
		t.Errorf("a cancelled context: %v", err)
	}
}

func TestNewClientRefusesBadOptions(t *testing.T) {
	for _, o := range []tvmaze.Options{{BaseURL: "ftp://x"}, {BaseURL: "not a url"}, {PerSecond: 5}, {PerSecond: -1}} {
		if _, err := tvmaze.NewClient(o); err == nil {
			t.Errorf("NewClient(%+v) accepted", o)
		}
	}
}

// TestClientSaysWhenTVmazeFails: a TVmaze that does not answer is a
// warning in the log at the first retry, naming the call and the reason
// (a sync on a machine without network once waited minutes without a
// word); being asked to wait (429) is routine and stays out of it.
func TestClientSaysWhenTVmazeFails(t *testing.T) {
	dead := httptest.NewServer(http.NotFoundHandler())
	dead.Close() // nothing listens at its address any more
	var logs bytes.Buffer
	c, err := tvmaze.NewClient(tvmaze.Options{BaseURL: dead.URL, Unlimited: true, MaxRetries: 1, RetryBase: time.Millisecond,
		Logger: slog.New(slog.NewTextHandler(&logs, nil))})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Get(t.Context(), "/shows/143"); err == nil {
		t.Fatal("a TVmaze that is not there answered")
	}
	if line := logs.String(); !strings.Contains(line, "level=WARN") || !strings.Contains(line, "TVmaze call failed; trying again") || !strings.Contains(line, "/shows/143") {
		t.Errorf("the log after a failed call: %q; want a warning naming the call", line)
	}

	logs.Reset()
	var calls atomic.Int32
	throttled := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) == 1 {
			w.Header().Set("Retry-After", "0")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		w.Write([]byte(`{}`))
	}))
	t.Cleanup(throttled.Close)
	c, err = tvmaze.NewClient(tvmaze.Options{BaseURL: throttled.URL, Unlimited: true, MaxRetries: 1, RetryBase: time.Millisecond,
		Logger: slog.New(slog.NewTextHandler(&logs, nil))})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Get(t.Context(), "/shows/1"); err != nil {
		t.Fatal(err)
	}
	if logs.Len() != 0 {
		t.Errorf("a 429 then an answer logged %q at Info or above; want nothing", logs.String())
	}
}
