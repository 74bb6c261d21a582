package server_test

import (
	"encoding/json"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/nextseason/nextseason/internal/dbtest"
	"github.com/nextseason/nextseason/internal/model"
	"github.com/nextseason/nextseason/internal/syndicate"
)

// debianPython is the interpreter the Debian packages python3-icalendar
// and python3-feedparser install into.
const debianPython = "/usr/bin/python3"

// readFeed parses a calendar ("ics") or Atom feed ("atom") with the real
// clients in testdata/read_feeds.py, decoding what they saw into out.
// Without them it skips, unless NEXTSEASON_TEST_CLIENTS=1 demands them.
func readFeed(t *testing.T, kind, body string, out any) {
	t.Helper()
	check := exec.Command(debianPython, "-c", "import icalendar, feedparser")
	if err := check.Run(); err != nil {
		if os.Getenv("NEXTSEASON_TEST_CLIENTS") == "1" {
			t.Fatalf("NEXTSEASON_TEST_CLIENTS=1 but %s cannot import icalendar and feedparser (%v): apt-get install -y python3-icalendar python3-feedparser", debianPython, err)
		}
		t.Skipf("ICS and Atom clients missing (apt-get install -y python3-icalendar python3-feedparser, or set NEXTSEASON_TEST_CLIENTS=1 to make this an error): %v", err)
	}
	path := filepath.Join(t.TempDir(), "feed."+kind)
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(debianPython, "testdata/read_feeds.py", kind, path)
	cmd.Stderr = os.Stderr
	got, err := cmd.Output()
	if err != nil {
		t.Fatalf("reading the %s: %v\n%s", kind, err, body)
	}
	if err := json.Unmarshal(got, out); err != nil {
		t.Fatalf("reader output %q: %v", got, err)
	}
}

type icsEvent struct{ UID, Summary, Status, Start, End, URL string }

type atomFeed struct {
	Version, Title string
	Entries        []struct{ ID, Title, Link, Category string }
}

// TestPrivateCalendarAndFeed: a follower's calendar shows a premiere
// window as a tentative all-day event spanning it, then, once the date is
// known, the same event (same UID) on that day; the Atom feed lists both
// changes; both are read by real clients, only with the owner's current
// feed token.
func TestPrivateCalendarAndFeed(t *testing.T) {
	srv, st := setup(t)
	sh := model.Show{Title: "Harbor Lights", Network: "Netflix", TVmazeID: 990002}
	if _, err := st.SaveShow(t.Context(), &sh); err != nil {
		t.Fatal(err)
	}
	ann, bob := userToken(t, st, "ann@example.com", model.RoleViewer), userToken(t, st, "bob@example.com", model.RoleViewer)
	editor := userToken(t, st, "ed@example.com", model.RoleEditor)
	if code, body := do(t, "POST", srv.URL+"/api/v1/me/follows", strings.NewReader(`{"show": "harbor-lights"}`), ann); code != 200 {
		t.Fatalf("follow: %d %s", code, body)
	}
	me := func(who map[string]string) (calendar, feed string) {
		t.Helper()
		code, body := do(t, "GET", srv.URL+"/api/v1/me", nil, who)
		var m struct {
			CalendarURL string `json:"calendar_url"`
			FeedURL     string `json:"feed_url"`
		}
		if err := json.Unmarshal([]byte(body), &m); err != nil || code != 200 {
			t.Fatalf("me: %d %s", code, body)
		}
		return m.CalendarURL, m.FeedURL
	}
	calURL, feedURL := me(ann)
	if !strings.HasPrefix(calURL, srv.URL+"/api/v1/me/calendar.ics?token=nsf_") || !strings.HasPrefix(feedURL, srv.URL+"/api/v1/me/feed.atom?token=nsf_") {
		t.Fatalf("calendar_url %q, feed_url %q", calURL, feedURL)
	}
	fetch := func(u string) string {
		t.Helper()
		code, body := do(t, "GET", u, nil, nil)
		if code != 200 {
			t.Fatalf("GET %s: %d %s", u, code, body)
		}
		return body
	}
	accept := func(date string) {
		t.Helper()
		d, err := model.ParsePartialDate(date)
		if err != nil {
			t.Fatal(err)
		}
		day := model.DayDate(dbtest.Clock())
		c := model.Claim{ShowID: sh.ID, Season: 2, Kind: model.KindPremiere, Date: d, Quote: "Harbor Lights returns " + date + ".",
			Source:   model.Source{URL: "https://trade.example/harbor-lights-" + date, Publisher: "Example Trade", Published: day, Tier: model.TierTrade},
			StatedAt: day, Confidence: 0.9, Origin: model.OriginFeed, Rule: "premiere", State: model.StateProposed}
		if _, err := st.AddClaim(t.Context(), &c); err != nil {
			t.Fatal(err)
		}
		if code, body := do(t, "POST", srv.URL+"/api/v1/claims/"+strconv.FormatInt(c.ID, 10)+"/accept", nil, editor); code != 200 {
			t.Fatalf("accept: %d %s", code, body)
		}
	}
	calendar := func() []icsEvent {
		t.Helper()
		var evs []icsEvent
		readFeed(t, "ics", fetch(calURL), &evs)
		return evs
	}
	if got := calendar(); len(got) != 0 {
		t.Errorf("calendar before any date: %+v", got)
	}

	accept("summer 2027")
	uid := syndicate.CalendarUID(sh.ID, 2)
	want := icsEvent{UID: uid, Summary: "Harbor Lights season 2 premieres (summer 2027, no date yet)", Status: "TENTATIVE",
		Start: "2027-06-01", End: "2027-09-01", URL: srv.URL + "/shows/harbor-lights/seasons/2"}
	if got := calendar(); len(got) != 1 || got[0] != want {
		t.Errorf("calendar with a window:\n got %+v\nwant %+v", got, want)
	}
	accept("2027-07-15")
	want = icsEvent{UID: uid, Summary: "Harbor Lights season 2 premieres", Status: "CONFIRMED",
		Start: "2027-07-15", End: "2027-07-16", URL: srv.URL + "/shows/harbor-lights/seasons/2"}
	if got := calendar(); len(got) != 1 || got[0] != want {
		t.Errorf("calendar with the date:\n got %+v\nwant %+v", got, want)
	}

	var feed atomFeed
	readFeed(t, "atom", fetch(feedURL), &feed)
	if feed.Version != "atom10" || len(feed.Entries) != 2 {
		t.Fatalf("feed: %+v", feed)
	}
	if e := feed.Entries[0]; e.Title != "Harbor Lights season 2 premieres July 15, 2027" || e.Category != "premiere_dated" ||
		e.Link != srv.URL+"/shows/harbor-lights/seasons/2" || !strings.HasPrefix(e.ID, "tag:127.0.0.1,2026:event/") {
		t.Errorf("newest entry: %+v", e)
	}
	if e := feed.Entries[1]; e.Title != "Harbor Lights season 2 premieres summer 2027" {
		t.Errorf("older entry: %+v", e)
	}
	again := fetch(feedURL)
	var feed2 atomFeed
	readFeed(t, "atom", again, &feed2)
	if feed2.Entries[0].ID != feed.Entries[0].ID || feed2.Entries[1].ID != feed.Entries[1].ID {
		t.Errorf("entry ids changed between fetches: %+v then %+v", feed.Entries, feed2.Entries)
	}

	// Bob's own calendar is empty; he cannot read Ann's without her token.
	bobCal, _ := me(bob)
	if got := fetch(bobCal); strings.Contains(got, "Harbor Lights") {
		t.Errorf("bob's calendar shows ann's show:\n%s", got)
	}
	base := srv.URL + "/api/v1/me/"
	for _, u := range []string{base + "calendar.ics", base + "feed.atom?token=", base + "feed.atom?token=nsf_guess", base + "calendar.ics?token=" + strings.TrimPrefix(ann["Authorization"], "Bearer ")} {
		if code, body := do(t, "GET", u, nil, nil); code != http.StatusUnauthorized || strings.Contains(body, "Harbor") {
			t.Errorf("GET %s: %d %s, want 401", u, code, body)
		}
	}
	// A new token shuts the old URLs.
	if code, body := do(t, "POST", srv.URL+"/api/v1/me/feed-token", nil, ann); code != 200 || strings.Contains(body, calURL) {
		t.Fatalf("new feed token: %d %s", code, body)
	}
	if code, _ := do(t, "GET", calURL, nil, nil); code != http.StatusUnauthorized {
		t.Errorf("old calendar URL after a new token: %d, want 401", code)
	}
	if newCal, _ := me(ann); fetch(newCal) == "" {
		t.Error("new calendar URL serves nothing")
	}
}
