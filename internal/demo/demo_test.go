package demo_test

import (
	"errors"
	"log/slog"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/nextseason/nextseason/internal/dbtest"
	"github.com/nextseason/nextseason/internal/demo"
	"github.com/nextseason/nextseason/internal/facts"
	"github.com/nextseason/nextseason/internal/feeds"
	"github.com/nextseason/nextseason/internal/model"
	"github.com/nextseason/nextseason/internal/odds"
	"github.com/nextseason/nextseason/internal/store"
)

func loadDemo(t *testing.T) *store.Store {
	t.Helper()
	st := dbtest.Store(t)
	if _, err := demo.Load(t.Context(), st, "demo"); err != nil {
		t.Fatal(err)
	}
	return st
}

func outlook(t *testing.T, st *store.Store, title string, season int, asOf string) facts.Outlook {
	t.Helper()
	sh, err := st.FindShow(t.Context(), title)
	if err != nil {
		t.Fatal(err)
	}
	d, err := st.ShowData(t.Context(), sh)
	if err != nil {
		t.Fatal(err)
	}
	day, err := model.ParsePartialDate(asOf)
	if err != nil {
		t.Fatal(err)
	}
	if season == 0 {
		season = facts.NextSeason(d, day)
	}
	o, err := facts.ComposeOutlook(d, season, day)
	if err != nil {
		t.Fatal(err)
	}
	return o
}

func TestPartnerTrackSeason2(t *testing.T) {
	st := loadDemo(t)
	today := outlook(t, st, "Partner Track", 2, "2026-11-25")
	if today.Renewal.Status != model.StatusCanceled {
		t.Errorf("today: renewal %q, want canceled", today.Renewal.Status)
	}
	if len(today.Renewal.Evidence) == 0 || today.Renewal.Evidence[0].Source.Publisher != "Wikipedia" {
		t.Errorf("today: cancellation evidence %+v, want Wikipedia's list", today.Renewal.Evidence)
	}
	then := outlook(t, st, "Partner Track", 2, "2022-09-20")
	if then.Renewal.Status != model.StatusAwaitingDecision {
		t.Errorf("2022-09-20: renewal %q, want awaiting_decision", then.Renewal.Status)
	}
	if then.PreviousPremiere == nil || then.PreviousPremiere.Date.String() != "2022-08-26" || then.PreviousPremiere.Date.Precision != model.PrecisionDay {
		t.Errorf("previous premiere %+v, want 2022-08-26 at day precision", then.PreviousPremiere)
	}
	t.Logf("%+v", then)
}

// TestDemoHasOdds: the demo alone is enough for renewal odds, served
// from the models it fits: The Gentlemen's season 2 as of 2024-05-06,
// from its first season's four weeks in the Top 10; Partner Track's as
// of 2022-09-20 has none, too few seasons having been decided by then;
// and the back-test runs on what the demo holds.
func TestDemoHasOdds(t *testing.T) {
	st := loadDemo(t)
	day := time.Date(2024, 5, 6, 0, 0, 0, 0, time.UTC)
	e, err := odds.EstimateStored(t.Context(), st, odds.Query{Title: "The Gentlemen", Season: 2, AsOf: day})
	if err != nil {
		t.Fatal(err)
	}
	if e.Inputs != "4 weeks in the Top 10, peak #1, 134.2M hours in week 2" || e.Probability <= 0 || e.Probability >= 1 || e.TrainSeasons < 150 || e.Preliminary {
		t.Errorf("The Gentlemen season 2 as of 2024-05-06: %+v", e)
	}
	if _, err := odds.EstimateStored(t.Context(), st, odds.Query{Title: "Partner Track", Season: 2, AsOf: time.Date(2022, 9, 20, 0, 0, 0, 0, time.UTC)}); !errors.Is(err, odds.ErrTooFew) {
		t.Errorf("Partner Track season 2 as of 2022-09-20: %v, want too few decided seasons", err)
	}
	d, err := odds.Load(t.Context(), st)
	if err != nil {
		t.Fatal(err)
	}
	if bt, err := d.RunBacktest(time.Date(2023, 12, 1, 0, 0, 0, 0, time.UTC)); err != nil || bt.TestSeasons < 20 || bt.TrainSeasons < 150 {
		t.Errorf("back-test on the demo: %+v, %v", bt, err)
	}
}

// TestBundledFeedIsPolled: the demo's feed is subscribed once and polled
// through the real poller, its answer coming from the bundled file with
// no network (the transport behind it refuses everything): seven items,
// claims proposed for an editor, and a second poll is "not modified".
func TestBundledFeedIsPolled(t *testing.T) {
	st := loadDemo(t)
	ctx := t.Context()
	for range 2 {
		if _, err := demo.SubscribeFeed(ctx, st); err != nil {
			t.Fatal(err)
		}
	}
	list, err := st.Feeds(ctx, false)
	if err != nil || len(list) != 1 || list[0].URL != demo.FeedURL {
		t.Fatalf("feeds after subscribing twice: %+v, %v", list, err)
	}
	offline := roundTripFunc(func(r *http.Request) (*http.Response, error) { return nil, errors.New("no network: " + r.URL.String()) })
	p := &feeds.Poller{Store: st, Client: &http.Client{Transport: demo.FeedTransport(offline)}, Log: slog.New(slog.DiscardHandler)}
	rep, err := p.Poll(ctx, list[0])
	if err != nil {
		t.Fatal(err)
	}
	if rep.Entries != 7 || rep.New != 7 || rep.Claims == 0 || rep.Accepted != 0 {
		t.Errorf("first poll: %s; want 7 new entries with claims, none accepted without an editor", rep)
	}
	f, err := st.Feed(ctx, list[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if rep, err := p.Poll(ctx, f); err != nil || !rep.NotModified {
		t.Errorf("second poll: %s, %v; want not modified", rep, err)
	}
	if _, err := p.Client.Get("https://example.com/"); err == nil || !strings.Contains(err.Error(), "no network") {
		t.Errorf("another address did not go to the transport behind: %v", err)
	}
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }
