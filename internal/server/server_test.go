package server_test

import (
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/nextseason/nextseason/internal/answer"
	"github.com/nextseason/nextseason/internal/dbtest"
	"github.com/nextseason/nextseason/internal/demo"
	"github.com/nextseason/nextseason/internal/facts"
	"github.com/nextseason/nextseason/internal/httpx"
	"github.com/nextseason/nextseason/internal/server"
	"github.com/nextseason/nextseason/internal/store"
)

// editorToken unlocks the review queue in tests.
const editorToken = "test-editor-token"

// setup serves the demo data from a real HTTP server.
func setup(t testing.TB) (*httptest.Server, *store.Store) {
	t.Helper()
	st := dbtest.Store(t)
	if _, err := demo.Load(t.Context(), st, "test"); err != nil {
		t.Fatal(err)
	}
	h, err := server.Handler(server.Config{Store: st, Log: slog.New(slog.DiscardHandler), Now: dbtest.Clock, Archive: demo.Archive(), EditorToken: editorToken})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv, st
}

func get(t *testing.T, srv *httptest.Server, path string) (int, string, http.Header) {
	t.Helper()
	resp, err := http.Get(srv.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	checkAPI(t, resp.Request, resp, b)
	return resp.StatusCode, string(b), resp.Header
}

func TestOutlookPage(t *testing.T) {
	srv, _ := setup(t)
	code, body, _ := get(t, srv, "/shows/partner-track/seasons/2")
	if code != http.StatusOK {
		t.Fatalf("status %d", code)
	}
	for _, want := range []string{
		`class="status status-canceled">Canceled</span>`,
		`href="https://en.wikipedia.org/wiki/List_of_ended_Netflix_original_programming"`,
		`<script type="application/ld+json">{"@context":"https://schema.org","@type":"TVSeason"`,
		`"partOfSeries":{"@type":"TVSeries","name":"Partner Track"`,
		`Data provided by <a href="https://www.tvmaze.com">TVmaze.com</a>`,
		`<a class="fn" href="#source-1">[1]</a>`, `<li id="source-1">`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("today's page lacks %s", want)
		}
	}

	code, body, _ = get(t, srv, "/shows/partner-track/seasons/2?as_of=2022-09-20")
	if code != http.StatusOK {
		t.Fatalf("as of 2022-09-20: status %d", code)
	}
	for _, want := range []string{
		`Awaiting decision`, `As known on <strong>September 20, 2022</strong>`,
		`first month&#39;s viewership`, `Georgia Lee, creator`, `Deadline`,
		`<strong>Arden Cho</strong> as Ingrid Yun`, `<strong>Dominic Sherwood</strong> as Jeff Murphy`,
		`Bradley Gibson as Tyler`, `Season 1 premiered <strong>August 26, 2022</strong>`,
		`3 weeks in the chart, peak #4`, `<ol class="timeline">`, `<span class="tier tier-interview">interview</span>`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("the 2022-09-20 page lacks %s", want)
		}
	}
	if strings.Contains(body, "status-canceled") {
		t.Error("the 2022-09-20 page shows a cancellation that came in October")
	}
}

func TestPagesAndErrors(t *testing.T) {
	srv, _ := setup(t)
	tests := []struct {
		path string
		code int
		want string
	}{
		{"/", 200, "Partner Track season 2</a>"},
		{"/search?q=partner+trak", 200, `<a href="/shows/partner-track">Partner Track</a>`},
		{"/shows/partner-track", 200, "Season 2: everything we know"},
		{"/shows/silicon-valley", 200, "Thomas Middleditch as Richard Hendricks"},
		{"/shows/partner-trak", 404, `<a href="/shows/partner-track">Partner Track</a>`},
		{"/shows/partner-track/seasons/2?as_of=2022-02-30", 400, "as_of"},
		{"/shows/partner-track/seasons/two", 400, "season"},
		{"/shows/partner-track/seasons/9", 404, "outlooks for seasons 1 to 2"},
		{"/nowhere", 404, "Page not found"},
		{"/archive/partner-track-season-2.txt", 200, "Everything We Know So Far"},
		{"/static/style.css", 200, ".status-canceled"},
		{"/healthz", 200, "ok"},
		{"/readyz", 200, "ready"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			code, body, _ := get(t, srv, tt.path)
			if code != tt.code || !strings.Contains(body, tt.want) {
				t.Errorf("status %d, want %d; body has %q: %v", code, tt.code, tt.want, strings.Contains(body, tt.want))
			}
		})
	}
}

func TestAPIOutlookMatchesTheCLIAnswer(t *testing.T) {
	srv, st := setup(t)
	code, body, hdr := get(t, srv, "/api/v1/shows/partner-track/seasons/2/outlook?as_of=2022-09-20")
	if code != 200 || !strings.HasPrefix(hdr.Get("Content-Type"), "application/json") {
		t.Fatalf("status %d, %s", code, hdr.Get("Content-Type"))
	}
	var got facts.Outlook
	if err := json.Unmarshal([]byte(body), &got); err != nil {
		t.Fatal(err)
	}
	want, err := answer.Outlook(t.Context(), st, answer.Request{Show: "Partner Track", Season: "2", AsOf: "2022-09-20"}, dbtest.Clock())
	if err != nil {
		t.Fatal(err)
	}
	// The API's source URLs are absolute: its archive copies are at
	// this server.
	if diff := cmp.Diff(want.WithBase(srv.URL), got); diff != "" {
		t.Errorf("API and CLI answers differ (-cli +api):\n%s", diff)
	}
	if !slices.ContainsFunc(got.Sources, func(s facts.SourceRef) bool { return s.URL == srv.URL+"/archive/partner-track-season-2.txt" }) {
		t.Errorf("the API's sources are not absolute: %+v", got.Sources)
	}
	var raw map[string]any
	json.Unmarshal([]byte(body), &raw)
	for _, key := range []string{"show", "season", "as_of", "renewal", "premiere", "previous_premiere", "cast", "plot", "sources"} {
		if _, ok := raw[key]; !ok {
			t.Errorf("outlook JSON lacks %q", key)
		}
	}
}

func TestAPI(t *testing.T) {
	srv, _ := setup(t)
	code, body, _ := get(t, srv, "/api/v1/shows?q=partner+trak")
	var hits []map[string]any
	if err := json.Unmarshal([]byte(body), &hits); err != nil || code != 200 || len(hits) == 0 || hits[0]["slug"] != "partner-track" {
		t.Errorf("search: %d %s", code, body)
	}
	code, body, _ = get(t, srv, "/api/v1/shows/silicon-valley")
	var show map[string]any
	if err := json.Unmarshal([]byte(body), &show); err != nil || code != 200 || show["title"] != "Silicon Valley" || len(show["seasons"].([]any)) != 4 {
		t.Errorf("show: %d %s", code, body)
	}
	code, body, _ = get(t, srv, "/api/v1/shows/partner-track/claims")
	var claims []map[string]any
	if err := json.Unmarshal([]byte(body), &claims); err != nil || code != 200 || len(claims) != 15 {
		t.Errorf("claims: %d, %d claims", code, len(claims))
	}
	for _, tt := range []struct {
		path, code string
		status     int
	}{
		{"/api/v1/shows/nope", "not_found", 404},
		{"/api/v1/shows/nope/seasons/2/outlook", "not_found", 404},
		{"/api/v1/shows/partner-track/seasons/2/outlook?as_of=yesterday", "bad_request", 400},
		{"/api/v1/shows/partner-track/seasons/-1/outlook", "bad_request", 400},
		{"/api/v1/shows", "bad_request", 400},
		{"/api/v1/shows?q=x&limit=1000", "bad_request", 400},
		{"/api/v1/nothing", "not_found", 404},
	} {
		code, body, _ := get(t, srv, tt.path)
		var e httpx.APIError
		if err := json.Unmarshal([]byte(body), &e); err != nil || code != tt.status || e.Error.Code != tt.code || e.Error.Message == "" {
			t.Errorf("%s: %d %s; want %d with code %q", tt.path, code, body, tt.status, tt.code)
		}
	}
}
