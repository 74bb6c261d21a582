package jobs_test

import (
	"bytes"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/riverqueue/river"

	"github.com/nextseason/nextseason/internal/db"
	"github.com/nextseason/nextseason/internal/dbtest"
	"github.com/nextseason/nextseason/internal/feeds"
	"github.com/nextseason/nextseason/internal/httpx"
	"github.com/nextseason/nextseason/internal/jobs"
	"github.com/nextseason/nextseason/internal/store"
	"github.com/nextseason/nextseason/internal/tvmaze"
	"github.com/nextseason/nextseason/internal/tvmaze/tvmazetest"
)

// setup gives a migrated database holding the recorded TVmaze catalog,
// the fake TVmaze it came from, and a syncer for it.
func setup(t *testing.T) (string, *store.Store, *tvmazetest.Server, *tvmaze.Syncer) {
	t.Helper()
	fake := tvmazetest.New()
	t.Cleanup(fake.Close)
	fake.SetRateLimit(false)
	if err := fake.LoadRecorded(); err != nil {
		t.Fatal(err)
	}
	url, st := migrated(t)
	c, err := tvmaze.NewClient(tvmaze.Options{BaseURL: fake.URL, Unlimited: true})
	if err != nil {
		t.Fatal(err)
	}
	sy := &tvmaze.Syncer{Client: c, Store: st, Log: slog.New(slog.DiscardHandler), Details: true}
	if _, err := sy.Full(t.Context(), nil); err != nil {
		t.Fatal(err)
	}
	return url, st, fake, sy
}

// migrated gives a new database's URL, migrated for the app and River,
// and a store on it with the wall clock.
func migrated(t *testing.T) (string, *store.Store) {
	t.Helper()
	url := dbtest.URL(t)
	d, err := db.Open(t.Context(), url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	if _, err := d.Migrate(t.Context(), dbtest.Clock()); err != nil {
		t.Fatal(err)
	}
	if err := jobs.Migrate(t.Context(), d); err != nil {
		t.Fatal(err)
	}
	return url, store.New(d, time.Now)
}

func poller(st *store.Store) *feeds.Poller {
	return &feeds.Poller{Store: st, Client: httpx.SafeClient(true, 5*time.Second), Log: slog.New(slog.DiscardHandler)}
}

func TestRefreshesOfOneShowCoalesce(t *testing.T) {
	url, _, _, sy := setup(t)
	j, err := jobs.New(t.Context(), jobs.Config{DBURL: url, Syncer: sy, Poller: poller(nil), Log: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	defer j.Stop(t.Context())
	if added, err := j.RefreshShow(t.Context(), 143); err != nil || !added {
		t.Fatalf("first refresh: %v, %v", added, err)
	}
	if added, err := j.RefreshShow(t.Context(), 143); err != nil || added {
		t.Errorf("a second refresh of the same show while the first waits: added %v, %v; want it coalesced", added, err)
	}
	if added, err := j.RefreshShow(t.Context(), 1058); err != nil || !added {
		t.Errorf("a refresh of another show: %v, %v", added, err)
	}
}

func TestPeriodicUpdatesRefreshChangedShows(t *testing.T) {
	url, st, fake, sy := setup(t)
	if err := fake.SetStatus(143, "Ended"); err != nil {
		t.Fatal(err)
	}
	var logs bytes.Buffer
	j, err := jobs.New(t.Context(), jobs.Config{DBURL: url, Syncer: sy, Poller: poller(st), Log: slog.New(slog.NewTextHandler(&logs, nil)), Work: true, UpdatesEvery: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	events, cancel := j.Subscribe()
	defer cancel()
	if err := j.Start(t.Context()); err != nil {
		t.Fatal(err)
	}
	defer j.Stop(t.Context())
	// The periodic job runs on start and queues a refresh of Silicon Valley.
	for refreshed := false; !refreshed; {
		select {
		case ev := <-events:
			if ev.Kind == river.EventKindJobFailed {
				t.Fatalf("job %s failed: %v", ev.Job.Kind, ev.Job.Errors)
			}
			refreshed = ev.Job.Kind == "tvmaze_refresh_show" && strings.Contains(string(ev.Job.EncodedArgs), "143")
		case <-t.Context().Done():
			t.Fatal("no refresh ran")
		}
	}
	sv, err := st.ShowByTVmazeID(t.Context(), 143)
	if err != nil {
		t.Fatal(err)
	}
	if sv.ProviderStatus != "Ended" {
		t.Errorf("status after the periodic sync: %q, want Ended", sv.ProviderStatus)
	}
	claims, _ := st.Claims(t.Context(), sv.ID)
	if len(claims) != 1 || !strings.Contains(claims[0].Quote, `to "Ended"`) {
		t.Errorf("claims after the change: %+v", claims)
	}
}
