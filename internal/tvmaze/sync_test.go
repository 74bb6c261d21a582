package tvmaze_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"strings"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/nextseason/nextseason/internal/answer"
	"github.com/nextseason/nextseason/internal/dbtest"
	"github.com/nextseason/nextseason/internal/model"
	"github.com/nextseason/nextseason/internal/store"
	"github.com/nextseason/nextseason/internal/tvmaze"
	"github.com/nextseason/nextseason/internal/tvmaze/tvmazetest"
)

// clock is a store clock that tests move forward.
type clock struct{ now atomic.Int64 }

func newClock() *clock {
	c := &clock{}
	c.now.Store(dbtest.Clock().UnixNano())
	return c
}
func (c *clock) Now() time.Time          { return time.Unix(0, c.now.Load()).UTC() }
func (c *clock) Add(d time.Duration)     { c.now.Add(int64(d)) }
func logTo(b *bytes.Buffer) *slog.Logger { return slog.New(slog.NewTextHandler(b, nil)) }

// syncer syncs from the fake server over HTTP, as fast as it answers.
func syncer(t *testing.T, s *tvmazetest.Server, st *store.Store, logs *bytes.Buffer, details bool) *tvmaze.Syncer {
	t.Helper()
	s.SetRateLimit(false)
	c, err := tvmaze.NewClient(tvmaze.Options{BaseURL: s.URL, Unlimited: true, MaxRetries: 1, RetryBase: time.Millisecond, Timeout: 200 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	return &tvmaze.Syncer{Client: c, Store: st, Log: logTo(logs), Details: details, RetryAfter: time.Minute}
}

func TestFullSyncWithDetailsUnderTheRealLimit(t *testing.T) {
	s := fake(t) // rate limit on
	var logs bytes.Buffer
	var saved int
	synctest.Test(t, func(t *testing.T) {
		// The database is opened inside the bubble: connections made in it
		// carry its timers, and must be closed in it too.
		st := dbtest.Store(t)
		// An impatient client: TVmaze's 429s must slow it down, not fail it.
		c := inMemory(t, s, tvmaze.Options{Unlimited: true})
		sy := &tvmaze.Syncer{Client: c, Store: st, Log: logTo(&logs), Details: true}
		rep, err := sy.Full(t.Context(), nil)
		if err != nil {
			t.Fatal(err)
		}
		if rep.Shows != 247 || rep.Failed != 0 {
			t.Errorf("full sync: %s; want 247 shows, none failed", rep)
		}
		saved, _ = st.CountShows(t.Context())
		sv, err := st.ShowByTVmazeID(t.Context(), 143)
		if err != nil {
			t.Fatal(err)
		}
		d, _ := st.ShowData(t.Context(), sv)
		if len(d.Seasons) != 4 || len(d.Episodes) != 38 || len(d.Credits) < 13 || len(sv.Aliases) != 1 {
			t.Errorf("Silicon Valley: %d seasons, %d episodes, %d credits, %d akas", len(d.Seasons), len(d.Episodes), len(d.Credits), len(sv.Aliases))
		}
	})
	if s.Throttled.Load() == 0 {
		t.Error("the sync never met the rate limit; this test wants it to")
	}
	if strings.Contains(logs.String(), "level=ERROR") || strings.Contains(logs.String(), "level=WARN") {
		t.Errorf("429s reached the log as problems:\n%s", logs.String())
	}
	if saved != 247 {
		t.Errorf("%d shows in the catalog, want 247", saved)
	}
}

func TestSyncAgainChangesNothing(t *testing.T) {
	s := fake(t)
	st := dbtest.Store(t)
	var logs bytes.Buffer
	sy := syncer(t, s, st, &logs, true)
	if _, err := sy.Full(t.Context(), nil); err != nil {
		t.Fatal(err)
	}
	rep, err := sy.Full(t.Context(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if rep.ShowsCreated != 0 || rep.ShowsUpdated != 0 || rep.Claims != 0 {
		t.Errorf("second full sync: %s; want nothing new", rep)
	}
}

func TestIncrementalSyncRecordsChangesAsClaims(t *testing.T) {
	s := fake(t)
	clk := newClock()
	st := store.New(dbtest.Open(t), clk.Now)
	var logs bytes.Buffer
	sy := syncer(t, s, st, &logs, true)
	if _, err := sy.Full(t.Context(), nil); err != nil {
		t.Fatal(err)
	}
	clk.Add(48 * time.Hour)
	if err := s.SetStatus(143, "Ended"); err != nil {
		t.Fatal(err)
	}
	seasons := `[{"id":661,"number":1,"name":"","episodeOrder":8,"premiereDate":"2014-04-06","endDate":"2014-06-01"},
		{"id":662,"number":2,"name":"","episodeOrder":10,"premiereDate":"2015-04-12","endDate":"2015-06-14"},
		{"id":663,"number":3,"name":"","episodeOrder":10,"premiereDate":"2016-04-24","endDate":"2016-06-26"},
		{"id":664,"number":4,"name":"","episodeOrder":10,"premiereDate":"2017-04-23","endDate":"2017-06-25"},
		{"id":665,"number":5,"name":"","episodeOrder":8,"premiereDate":"2018-03-25","endDate":null}]`
	if err := s.SetSeasons(143, json.RawMessage(seasons)); err != nil {
		t.Fatal(err)
	}
	rep, err := sy.Updates(t.Context(), "day", nil)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Shows != 1 || rep.Claims == 0 {
		t.Fatalf("updates: %s; want Silicon Valley refreshed with its changes as claims", rep)
	}
	seen := model.DayDate(clk.Now()).String()
	o, err := answer.Outlook(t.Context(), st, answer.Request{Show: "Silicon Valley", Season: "5"}, clk.Now())
	if err != nil {
		t.Fatal(err)
	}
	if o.Premiere == nil || o.Premiere.Date.String() != "2018-03-25" || o.Episodes == nil || o.Episodes.Count != 8 {
		t.Errorf("season 5: premiere %+v, episodes %+v", o.Premiere, o.Episodes)
	}
	o6, _ := answer.Outlook(t.Context(), st, answer.Request{Show: "Silicon Valley", Season: "6"}, clk.Now())
	if o6.Renewal.Status != model.StatusEndedFinalSeason || o6.Renewal.Evidence[0].Origin != model.OriginProvider {
		t.Errorf("season 6 after TVmaze says Ended: %s from %+v", o6.Renewal.Status, o6.Renewal.Evidence)
	}
	// The provider's change is an event for season 6's followers.
	sv, _ := st.FindShow(t.Context(), "Silicon Valley")
	evs, err := st.ShowEvents(t.Context(), sv.ID)
	var ended bool
	for _, e := range evs {
		ended = ended || (e.Kind == model.EventEndedFinalSeason && e.Season == 6)
	}
	if err != nil || !ended {
		t.Errorf("events after TVmaze says Ended: %+v (%v); want ended_final_season for season 6", evs, err)
	}
	var found bool
	for _, e := range o6.Timeline {
		found = found || (strings.Contains(e.Evidence.Quote, `changed from "Running" to "Ended"`) && e.Date.String() == seen)
	}
	if !found {
		t.Errorf("the status change, seen %s, is not in the timeline: %+v", seen, o6.Timeline)
	}
	// As of before the change was seen, it is not known.
	before, _ := answer.Outlook(t.Context(), st, answer.Request{Show: "Silicon Valley", Season: "6", AsOf: "2026-11-25"}, clk.Now())
	for _, e := range before.Timeline {
		if strings.Contains(e.Evidence.Quote, "changed from") {
			t.Errorf("as of 2026-11-25 the timeline shows a change seen on %s", seen)
		}
	}
}

func TestSyncGoesOnPastBadShows(t *testing.T) {
	s := fake(t)
	clk := newClock()
	st := store.New(dbtest.Open(t), clk.Now)
	var logs bytes.Buffer
	sy := syncer(t, s, st, &logs, true)
	s.Fail(250, tvmazetest.FaultServerError, 100)
	s.Fail(251, tvmazetest.FaultTruncated, 100)
	s.Fail(252, tvmazetest.FaultWrongType, 100)
	s.Fail(253, tvmazetest.FaultSlow, 100)
	rep, err := sy.Full(t.Context(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Failed != 4 || rep.Shows != 243 {
		t.Errorf("with four bad shows: %s; want 243 saved, 4 failed", rep)
	}
	retries, _ := st.Retries(t.Context(), "tvmaze", false)
	if len(retries) != 4 {
		t.Errorf("%d shows to retry, want 4", len(retries))
	}
	for _, id := range []string{"tvmaze_id=250", "tvmaze_id=251", "tvmaze_id=252", "tvmaze_id=253"} {
		if !strings.Contains(logs.String(), id) {
			t.Errorf("the log does not name %s:\n%s", id, logs.String())
		}
	}
	// TVmaze recovers; an hour later the retries succeed.
	for _, id := range []int64{250, 251, 252, 253} {
		s.Fail(id, 0, 0)
	}
	clk.Add(2 * time.Minute)
	if n, err := sy.RetryDue(t.Context()); err != nil || n != 4 {
		t.Fatalf("retried %d, %v; want 4", n, err)
	}
	if n, _ := st.CountShows(t.Context()); n != 247 {
		t.Errorf("%d shows after the retries, want 247", n)
	}
	if retries, _ := st.Retries(t.Context(), "tvmaze", false); len(retries) != 0 {
		t.Errorf("%d retries left", len(retries))
	}
}

func TestFullSyncResumes(t *testing.T) {
	s := tvmazetest.New()
	defer s.Close()
	if err := s.Generate(2000, 7); err != nil {
		t.Fatal(err)
	}
	st := dbtest.Store(t)
	var logs bytes.Buffer
	sy := syncer(t, s, st, &logs, false)
	ctx, cancel := context.WithCancel(t.Context())
	_, err := sy.Full(ctx, func(p tvmaze.Progress) {
		if p.Page == 3 {
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("interrupted sync: %v, want context.Canceled", err)
	}
	next, _ := st.SyncState(t.Context(), "tvmaze.full.next_page")
	if next != "4" {
		t.Errorf("resume point %q, want 4", next)
	}
	requests := s.Requests.Load()
	rep, err := sy.Full(t.Context(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := st.CountShows(t.Context()); n != 2000 {
		t.Errorf("%d shows after resuming, want 2000", n)
	}
	if rep.ShowsCreated != 2000-999 || s.Requests.Load()-requests > 6 {
		t.Errorf("resumed sync: %s with %d requests; want the remaining 1001 shows from page 4", rep, s.Requests.Load()-requests)
	}
}

// TestFullSyncEstimatesItsLastPage: progress knows the index's last page
// without probing for it: in an empty catalog from one call (TVmaze's
// updates of all time), then from the catalog's highest TVmaze id.
func TestFullSyncEstimatesItsLastPage(t *testing.T) {
	fake := tvmazetest.New()
	defer fake.Close()
	if err := fake.Generate(999, 3); err != nil { // ids 1 … 999: pages 0 … 3
		t.Fatal(err)
	}
	st := dbtest.Store(t)
	var logs bytes.Buffer
	for i, wantCalls := range []int64{4 + 1 + 1, 4 + 1} {
		before := fake.Requests.Load()
		var last []int
		if _, err := syncer(t, fake, st, &logs, false).Full(t.Context(), func(p tvmaze.Progress) { last = append(last, p.LastPage) }); err != nil {
			t.Fatal(err)
		}
		if len(last) != 4 || last[0] != 3 || last[3] != 3 {
			t.Errorf("sync %d: the last page as progress saw it, page by page: %v; want 3 from the first", i+1, last)
		}
		if calls := fake.Requests.Load() - before; calls != wantCalls {
			t.Errorf("sync %d: %d calls to TVmaze, want %d (the pages, the 404 past them%s)", i+1, calls, wantCalls, map[bool]string{true: ", the updates", false: ""}[i == 0])
		}
	}
}
