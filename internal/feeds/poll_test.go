package feeds_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nextseason/nextseason/internal/answer"
	"github.com/nextseason/nextseason/internal/db"
	"github.com/nextseason/nextseason/internal/dbtest"
	"github.com/nextseason/nextseason/internal/feeds"
	"github.com/nextseason/nextseason/internal/httpx"
	"github.com/nextseason/nextseason/internal/model"
	"github.com/nextseason/nextseason/internal/review"
	"github.com/nextseason/nextseason/internal/search"
	"github.com/nextseason/nextseason/internal/store"
)

// serveFeed serves a file with an ETag, answering 304 when it matches.
func serveFeed(t *testing.T, name string) *httptest.Server {
	t.Helper()
	body, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("ETag", `"v1"`)
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write(body)
	}))
	t.Cleanup(srv.Close)
	return srv
}

func poller(st *store.Store, allowPrivate bool, logs *bytes.Buffer) *feeds.Poller {
	return &feeds.Poller{Store: st, Client: httpx.SafeClient(allowPrivate, 5*time.Second), Log: slog.New(slog.NewTextHandler(logs, nil)), UserAgent: "nextseason-test"}
}

func TestPollExtractLinkProposeAccept(t *testing.T) {
	st := dbtest.Store(t)
	ctx := t.Context()
	succession := model.Show{Title: "Succession", Network: "HBO", TVmazeID: 12345, Premiered: model.DayDate(time.Date(2018, 6, 3, 0, 0, 0, 0, time.UTC))}
	if _, err := st.SaveShow(ctx, &succession); err != nil {
		t.Fatal(err)
	}
	srv := serveFeed(t, "news.rss")
	f, err := st.AddFeed(ctx, srv.URL, model.TierTrade)
	if err != nil {
		t.Fatal(err)
	}
	var logs bytes.Buffer
	p := poller(st, true, &logs)
	rep, err := p.Poll(ctx, f)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Entries != 3 || rep.New != 3 || rep.Claims < 2 || rep.ProposedShows != 1 {
		t.Fatalf("first poll: %s", rep)
	}

	// The Succession renewal waits in the review queue, linked, with its quote and rule.
	queue, err := st.ClaimsInState(ctx, model.StateProposed, 50)
	if err != nil {
		t.Fatal(err)
	}
	var renewal store.ShowClaim
	for _, c := range queue {
		if c.ShowID == succession.ID && c.Kind == model.KindRenewal {
			renewal = c
		}
	}
	if renewal.ID == 0 || renewal.Status != model.StatusRenewed || renewal.Season != 2 || renewal.Rule == "" ||
		!strings.Contains(renewal.Source.URL, "succession") || renewal.Origin != model.OriginFeed {
		t.Fatalf("queued renewal %+v", renewal)
	}
	proven, err := st.FindShow(ctx, "Proven Innocent")
	if err != nil || !proven.Proposed {
		t.Errorf("Proven Innocent should be proposed as a new show: %+v, %v", proven, err)
	}

	// Until an editor accepts it, the outlook does not change.
	before, _ := answer.Outlook(ctx, st, answer.Request{Show: "Succession", Season: "2"}, time.Now())
	if before.Renewal.Status == model.StatusRenewed && len(before.Renewal.Evidence) > 0 && before.Renewal.Evidence[0].Origin == model.OriginFeed {
		t.Error("a proposed claim changed the outlook")
	}
	if err := st.Review(ctx, renewal.ID, model.StateAccepted, model.Reviewer{Name: "editor@example.com"}); err != nil {
		t.Fatal(err)
	}
	after, err := answer.Outlook(ctx, st, answer.Request{Show: "Succession", Season: "2"}, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if after.Renewal.Status != model.StatusRenewed || after.Renewal.Evidence[0].ID != renewal.ID {
		t.Errorf("after acceptance: %s from %+v", after.Renewal.Status, after.Renewal.Evidence)
	}
	found := false
	for _, e := range after.Timeline {
		found = found || (e.Evidence.ID == renewal.ID && e.Evidence.Quote != "" && e.Evidence.Source.URL == renewal.Source.URL)
	}
	if !found {
		t.Errorf("the timeline lacks the accepted claim with its quote and link: %+v", after.Timeline)
	}

	// Polling again: the server says 304; nothing is doubled.
	f, _ = st.Feed(ctx, f.ID)
	rep, err = p.Poll(ctx, f)
	if err != nil || !rep.NotModified {
		t.Errorf("second poll: %s, %v; want not modified", rep, err)
	}
	if n, _ := st.CountFeedItems(ctx, f.ID); n != 3 {
		t.Errorf("%d items after two polls, want 3", n)
	}
	f, _ = st.Feed(ctx, f.ID)
	if f.Failures != 0 || !f.NextPollAt.After(f.LastPolledAt) {
		t.Errorf("feed state after polls: %+v", f)
	}
}

// TestConcurrentPollsProposeEachShowOnce polls many feeds carrying the
// same news at once, as the job workers do: each show the news names is
// proposed once, and no poll fails because another proposed it first.
func TestConcurrentPollsProposeEachShowOnce(t *testing.T) {
	ctx := t.Context()
	var logs bytes.Buffer

	// One feed alone tells how many shows the news proposes.
	alone := dbtest.Store(t)
	f, err := alone.AddFeed(ctx, serveFeed(t, "news.rss").URL, model.TierTrade)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := poller(alone, true, &logs).Poll(ctx, f); err != nil {
		t.Fatal(err)
	}
	want, err := alone.CountShows(ctx)
	if err != nil || want == 0 {
		t.Fatalf("one feed proposed %d shows (%v); the fixture should propose some", want, err)
	}

	st := dbtest.Store(t)
	srv := serveFeed(t, "news.rss")
	var list []store.Feed
	for i := range 24 {
		f, err := st.AddFeed(ctx, fmt.Sprintf("%s/feed/%d", srv.URL, i), model.TierTrade)
		if err != nil {
			t.Fatal(err)
		}
		list = append(list, f)
	}
	p := poller(st, true, &logs)
	errs := make(chan error, len(list))
	work := make(chan store.Feed)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for f := range work {
				_, err := p.Poll(ctx, f)
				errs <- err
			}
		})
	}
	for _, f := range list {
		work <- f
	}
	close(work)
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Errorf("poll: %v", err)
		}
	}
	if got, err := st.CountShows(ctx); err != nil || got != want {
		t.Errorf("%d shows after 24 feeds with the same news, want %d (%v)", got, want, err)
	}
	for _, f := range list {
		if n, _ := st.CountFeedItems(ctx, f.ID); n != 3 {
			t.Errorf("feed %d saved %d items, want 3", f.ID, n)
		}
	}
}

func TestHostileFeedServers(t *testing.T) {
	st := dbtest.Store(t)
	ctx := t.Context()
	huge := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>`))
		chunk := bytes.Repeat([]byte("a"), 1<<20)
		for range 1024 { // a gigabyte, unless the reader stops first
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	}))
	defer huge.Close()
	loop := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/again", http.StatusFound)
	}))
	defer loop.Close()
	var logs bytes.Buffer
	for _, tt := range []struct {
		url          string
		allowPrivate bool
		want         string
	}{
		{huge.URL, true, "larger than"},
		{loop.URL, true, "redirects"},
		{loop.URL + "/private", false, "private, loopback"},
		{"http://169.254.169.254/latest/meta-data/", false, "private, loopback or link-local"},
	} {
		f, err := st.AddFeed(ctx, tt.url, model.TierRumor)
		if err != nil {
			t.Fatal(err)
		}
		p := poller(st, tt.allowPrivate, &logs)
		p.MaxSize = 1 << 20
		if _, err := p.Poll(ctx, f); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: %v; want an error saying %q", tt.url, err, tt.want)
		}
		f, _ = st.Feed(ctx, f.ID)
		if f.Failures != 1 || f.LastError == "" || !f.NextPollAt.After(f.LastPolledAt) {
			t.Errorf("%s: the failure was not recorded with a backoff: %+v", tt.url, f)
		}
		if n, _ := st.CountFeedItems(ctx, f.ID); n != 0 {
			t.Errorf("%s: %d items saved", tt.url, n)
		}
	}
}

func TestAutoAcceptByTierAndConfidence(t *testing.T) {
	st := dbtest.Store(t)
	ctx := t.Context()
	succession := model.Show{Title: "Succession", Network: "HBO", TVmazeID: 12345}
	if _, err := st.SaveShow(ctx, &succession); err != nil {
		t.Fatal(err)
	}
	f, err := st.AddFeed(ctx, serveFeed(t, "news.rss").URL, model.TierTrade)
	if err != nil {
		t.Fatal(err)
	}
	var logs bytes.Buffer
	p := poller(st, true, &logs)
	p.AutoAccept = map[model.Tier]float64{model.TierTrade: 0.8}
	rep, err := p.Poll(ctx, f)
	if err != nil {
		t.Fatal(err)
	}
	claims, _ := st.Claims(ctx, succession.ID)
	if rep.Accepted != 1 || len(claims) != 1 || claims[0].State != model.StateAccepted || !strings.HasPrefix(claims[0].Reviewer, "auto-accept") {
		t.Errorf("a linked trade claim at confidence %.2f: %s; %+v", claims[0].Confidence, rep, claims)
	}
	// The auto-accepted renewal changed the answer: one event, citing it.
	evs, err := st.ShowEvents(ctx, succession.ID)
	if err != nil || len(evs) != 1 || evs[0].Kind != model.EventRenewed || evs[0].ClaimID != claims[0].ID {
		t.Errorf("events after the auto-accepted renewal: %+v (%v)", evs, err)
	}
	// A claim about a show the catalog lacked waits for an editor, whatever its tier.
	proven, _ := st.FindShow(ctx, "Proven Innocent")
	pc, _ := st.Claims(ctx, proven.ID)
	if len(pc) == 0 || pc[0].State != model.StateProposed {
		t.Errorf("claims about a proposed show: %+v", pc)
	}
	if evs, _ := st.ShowEvents(ctx, proven.ID); len(evs) != 0 {
		t.Errorf("a proposed claim made events: %+v", evs)
	}
}

// TestProposedShowsStayPrivate: a show only news names is out of search
// and pages until an editor accepts a claim about it, and goes when every
// claim about it is rejected.
func TestProposedShowsStayPrivate(t *testing.T) {
	st := dbtest.Store(t)
	ctx := t.Context()
	f, err := st.AddFeed(ctx, serveFeed(t, "news.rss").URL, model.TierTrade)
	if err != nil {
		t.Fatal(err)
	}
	var logs bytes.Buffer
	if _, err := poller(st, true, &logs).Poll(ctx, f); err != nil {
		t.Fatal(err)
	}
	proven, err := st.FindShow(ctx, "Proven Innocent")
	if err != nil || !proven.Proposed {
		t.Fatalf("Proven Innocent should be proposed: %+v, %v", proven, err)
	}
	if res, err := search.Shows(ctx, st, "Proven Innocent", 5); err != nil || len(res) != 0 {
		t.Errorf("search finds a proposed show: %+v, %v", res, err)
	}
	var nf *answer.NoShowError
	if _, err := answer.FindShow(ctx, st, proven.Slug); !errors.As(err, &nf) {
		t.Errorf("a proposed show's page answers: %v", err)
	}
	claims, err := st.Claims(ctx, proven.ID)
	if err != nil || len(claims) == 0 {
		t.Fatalf("claims about the proposed show: %+v, %v", claims, err)
	}
	for i, c := range claims {
		if _, err := review.Reject(ctx, st, c.ID, model.Reviewer{Name: "editor@example.com"}); err != nil {
			t.Fatal(err)
		}
		_, err := st.Show(ctx, proven.ID)
		if last := i == len(claims)-1; last != errors.Is(err, store.ErrNotFound) {
			t.Errorf("after %d of %d claims rejected, the show: %v", i+1, len(claims), err)
		}
	}
}

// TestFailedPollLosesNoItem: when storing one item fails (a database
// error, made here by a trigger), the other items are stored, the poll
// fails with the item named, and the feed's validators are not saved:
// the next poll reads the feed again instead of getting 304, stores the
// item, and only then clears the failure.
func TestFailedPollLosesNoItem(t *testing.T) {
	d := dbtest.Open(t)
	st := store.New(d, dbtest.Clock)
	ctx := t.Context()
	failing := "https://www.chicagotribune.com/entertainment/tv/ct-ent-proven-innocent-canceled-20190512-story.html"
	trigger := map[db.Dialect][]string{
		db.SQLite: {`CREATE TRIGGER fail_item BEFORE INSERT ON feed_items WHEN NEW.guid = '` + failing + `'
			BEGIN SELECT RAISE(ABORT, 'disk I/O error (test)'); END`},
		db.Postgres: {`CREATE FUNCTION fail_item() RETURNS trigger LANGUAGE plpgsql AS $$
			BEGIN IF NEW.guid = '` + failing + `' THEN RAISE EXCEPTION 'disk I/O error (test)'; END IF; RETURN NEW; END $$`,
			`CREATE TRIGGER fail_item BEFORE INSERT ON feed_items FOR EACH ROW EXECUTE FUNCTION fail_item()`},
	}[d.Dialect]
	for _, q := range trigger {
		if _, err := d.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	srv := serveFeed(t, "news.rss")
	f, err := st.AddFeed(ctx, srv.URL, model.TierTrade)
	if err != nil {
		t.Fatal(err)
	}
	var logs bytes.Buffer
	p := poller(st, true, &logs)
	rep, err := p.Poll(ctx, f)
	if err == nil || !strings.Contains(err.Error(), "1 of 3 entries not stored") || !strings.Contains(err.Error(), "disk I/O error (test)") || rep.New != 2 {
		t.Fatalf("poll with a failing item: %s, %v; want the two others stored and the failure named", rep, err)
	}
	f, err = st.Feed(ctx, f.ID)
	if err != nil {
		t.Fatal(err)
	}
	if f.ETag != "" || f.Failures != 1 || f.LastError == "" {
		t.Fatalf("after the failed poll: ETag %q, failures %d, error %q; want no validator saved and the failure kept", f.ETag, f.Failures, f.LastError)
	}
	drop := map[db.Dialect]string{db.SQLite: `DROP TRIGGER fail_item`, db.Postgres: `DROP TRIGGER fail_item ON feed_items`}[d.Dialect]
	if _, err := d.ExecContext(ctx, drop); err != nil {
		t.Fatal(err)
	}
	rep, err = p.Poll(ctx, f)
	if err != nil || rep.NotModified || rep.New != 1 {
		t.Fatalf("the next poll: %s, %v; want the feed read again and the missing item stored", rep, err)
	}
	f, err = st.Feed(ctx, f.ID)
	if err != nil {
		t.Fatal(err)
	}
	if f.ETag != `"v1"` || f.Failures != 0 || f.LastError != "" {
		t.Errorf("after the good poll: ETag %q, failures %d, error %q", f.ETag, f.Failures, f.LastError)
	}
	if rep, err := p.Poll(ctx, f); err != nil || !rep.NotModified {
		t.Errorf("a third poll: %s, %v; want not modified", rep, err)
	}
}

// TestNULAndBadUTF8AreStoredAlike: an item whose id and title hold NUL
// (and a lone surrogate) is cleaned, so both databases store it
// (PostgreSQL refuses NUL in text) and the item reads the same.
func TestNULAndBadUTF8AreStoredAlike(t *testing.T) {
	st := dbtest.Store(t)
	ctx := t.Context()
	// A JSON Feed can carry NUL as \u0000, which XML cannot.
	body := `{"version": "https://jsonfeed.org/version/1.1", "title": "T", "items": [{"id": "g1\u0000", "title": "Bad\u0000 title \ud800 here", "content_text": "Text\u0000."}]}`
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, body) }))
	t.Cleanup(srv.Close)
	f, err := st.AddFeed(ctx, srv.URL, model.TierReport)
	if err != nil {
		t.Fatal(err)
	}
	var logs bytes.Buffer
	if rep, err := poller(st, true, &logs).Poll(ctx, f); err != nil || rep.New != 1 {
		t.Fatalf("poll: %s, %v", rep, err)
	}
	if seen, err := st.HasFeedItem(ctx, store.FeedItem{FeedID: f.ID, GUID: "g1"}); err != nil || !seen {
		t.Errorf("the item is not stored under its cleaned id: %v, %v", seen, err)
	}
}

// TestAHugeFeedIsReadInTurns: a poll reads at most MaxNew entries it had
// not stored; the rest wait for the next poll, due a minute later, which
// reads on where it stopped (its validators were not kept, so the feed is
// not "not modified" to it). No entry is lost, none read twice, and once
// all are stored the feed is not modified.
func TestAHugeFeedIsReadInTurns(t *testing.T) {
	st := dbtest.Store(t)
	ctx := t.Context()
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Many</title>`)
	for i := range 25 {
		fmt.Fprintf(&b, `<item><guid>item-%d</guid><title>Item %d</title><link>https://example.com/%d</link></item>`, i, i, i)
	}
	b.WriteString(`</channel></rss>`)
	body := b.String()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("ETag", `"v1"`)
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		io.WriteString(w, body)
	}))
	t.Cleanup(srv.Close)
	f, err := st.AddFeed(ctx, srv.URL, model.TierTrade)
	if err != nil {
		t.Fatal(err)
	}
	var logs bytes.Buffer
	p := poller(st, true, &logs)
	p.MaxNew = 10
	for i, want := range []struct{ new, waiting int }{{10, 15}, {10, 5}, {5, 0}} {
		rep, err := p.Poll(ctx, f)
		if err != nil || rep.New != want.new || rep.Waiting != want.waiting {
			t.Fatalf("poll %d: %s, %v; want %d new and %d waiting", i+1, rep, err, want.new, want.waiting)
		}
		if f, err = st.Feed(ctx, f.ID); err != nil {
			t.Fatal(err)
		}
		if next := f.NextPollAt.Sub(dbtest.Clock()); want.waiting > 0 && next != time.Minute {
			t.Errorf("poll %d left entries waiting; next poll in %v, want a minute", i+1, next)
		}
	}
	if rep, err := p.Poll(ctx, f); err != nil || !rep.NotModified {
		t.Errorf("once every entry is stored: %s, %v; want not modified", rep, err)
	}
	n, err := st.CountFeedItems(ctx, f.ID)
	if err != nil || n != 25 {
		t.Errorf("%d entries stored (%v), want all 25", n, err)
	}
}

// TestTwoClaimsProposeOneShow: an item saying two things about a show
// the catalog lacks proposes the show once, and both claims are about it
// (the links are found before the transaction, which saves the show once).
func TestTwoClaimsProposeOneShow(t *testing.T) {
	st := dbtest.Store(t)
	ctx := t.Context()
	body := `<?xml version="1.0"?><rss version="2.0"><channel><title>Trade</title><item><guid>qh-1</guid>
<title>Netflix renews 'Quillbrook Heights' for season 2, premiering in March 2027</title><link>https://trade.example/qh</link>
<description>Netflix has renewed Quillbrook Heights for a second season, which premieres in March 2027.</description>
<pubDate>Sun, 01 Nov 2026 10:00:00 GMT</pubDate></item></channel></rss>`
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, body) }))
	t.Cleanup(srv.Close)
	f, err := st.AddFeed(ctx, srv.URL, model.TierTrade)
	if err != nil {
		t.Fatal(err)
	}
	var logs bytes.Buffer
	rep, err := poller(st, true, &logs).Poll(ctx, f)
	if err != nil || rep.ProposedShows != 1 || rep.Claims < 2 {
		t.Fatalf("poll: %s, %v; want one show proposed and its two claims", rep, err)
	}
	queue, err := st.ClaimsInState(ctx, model.StateProposed, 10)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range queue {
		if c.ShowTitle != "Quillbrook Heights" || !c.ShowProposed || c.ShowID != queue[0].ShowID {
			t.Errorf("claim %d is about %q (show %d, proposed %v); want every claim about the one proposed show", c.ID, c.ShowTitle, c.ShowID, c.ShowProposed)
		}
	}
}
