package cli_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/nextseason/nextseason/internal/cli"
	"github.com/nextseason/nextseason/internal/dbtest"
	"github.com/nextseason/nextseason/internal/facts"
)

// run runs one command line against the database at dbURL.
func run(t *testing.T, dbURL string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	env := cli.Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Getenv: func(string) string { return "" }, Now: dbtest.Clock}
	code = cli.Run(t.Context(), append([]string{"--db", dbURL}, args...), env)
	return code, out.String(), errb.String()
}

func mustRun(t *testing.T, dbURL string, args ...string) string {
	t.Helper()
	code, out, errs := run(t, dbURL, args...)
	if code != 0 {
		t.Fatalf("nextseason %s: exit %d\n%s", strings.Join(args, " "), code, errs)
	}
	return out
}

func outlookJSON(t *testing.T, dbURL string, args ...string) facts.Outlook {
	t.Helper()
	var o facts.Outlook
	out := mustRun(t, dbURL, append([]string{"show"}, append(args, "--json")...)...)
	if err := json.Unmarshal([]byte(out), &o); err != nil {
		t.Fatalf("show --json printed %q: %v", out, err)
	}
	return o
}

const academyShows = "../tvmaze/tvmazetest/testdata/academy-tv-shows-2023/shows.json"

func TestImportTVmazeTwiceThenShowProviderAnswer(t *testing.T) {
	db := dbtest.URL(t)
	out := mustRun(t, db, "import", "tvmaze", academyShows)
	if !strings.Contains(out, "245 shows (245 new, 0 updated, 0 unchanged)") {
		t.Errorf("first import printed %q", out)
	}
	out = mustRun(t, db, "import", "tvmaze", academyShows)
	if !strings.Contains(out, "245 shows (0 new, 0 updated, 245 unchanged)") {
		t.Errorf("second import printed %q; want nothing changed", out)
	}
	o := outlookJSON(t, db, "Peaky Blinders")
	if o.Renewal.Status != "ended_final_season" || len(o.Renewal.Evidence) == 0 || o.Renewal.Evidence[0].Source.Publisher != "TVmaze" {
		t.Errorf("Peaky Blinders: %s from %+v; want ended_final_season from TVmaze", o.Renewal.Status, o.Renewal.Evidence)
	}
	if !strings.Contains(o.Renewal.Evidence[0].Quote, "Ended") {
		t.Errorf("the evidence should quote TVmaze's status: %q", o.Renewal.Evidence[0].Quote)
	}
}

func TestDemoAnswers(t *testing.T) {
	db := dbtest.URL(t)
	mustRun(t, db, "import", "demo")
	again := mustRun(t, db, "import", "demo")
	if !strings.Contains(again, "15 claims (0 new, 15 already held)") {
		t.Errorf("second demo import printed %q; want nothing new", again)
	}

	today := outlookJSON(t, db, "Partner Track", "--season", "2")
	if today.Renewal.Status != "canceled" {
		t.Errorf("today: %s, want canceled", today.Renewal.Status)
	}
	then := outlookJSON(t, db, "Partner Track", "--season", "2", "--as-of", "2022-09-20")
	if then.Renewal.Status != "awaiting_decision" {
		t.Errorf("2022-09-20: %s, want awaiting_decision", then.Renewal.Status)
	}
	found := false
	for _, c := range then.Cast {
		found = found || (c.Actor == "Arden Cho" && c.Character == "Ingrid Yun")
	}
	if !found {
		t.Errorf("cast %+v lacks Arden Cho as Ingrid Yun", then.Cast)
	}
	if p := then.PreviousPremiere; p == nil || p.Date.String() != "2022-08-26" || string(p.Date.Precision) != "day" {
		t.Errorf("previous premiere %+v, want 2022-08-26 at day precision", p)
	}
	if len(then.Plot) != 3 || then.Plot[0].Speaker != "Georgia Lee, creator" {
		t.Errorf("plot %+v: want Georgia Lee's three teases", then.Plot)
	}
	// The season defaults to the next one.
	if next := outlookJSON(t, db, "partner-track"); next.Season != 2 {
		t.Errorf("default season %d, want 2", next.Season)
	}
	var hits []struct{ Slug, Title, Network string }
	if err := json.Unmarshal([]byte(mustRun(t, db, "search", "partner trak", "--json")), &hits); err != nil || len(hits) == 0 || hits[0].Title != "Partner Track" {
		t.Errorf("search \"partner trak\" --json: %+v, %v; want Partner Track first", hits, err)
	}
	text := mustRun(t, db, "show", "Partner Track", "--as-of", "2022-09-20")
	for _, want := range []string{"Partner Track has not been renewed or canceled for season 2 yet.", "What we don't know yet:",
		"Will there be a season 2?  Awaiting decision", "Arden Cho as Ingrid Yun (expected to return)", "Season 1 premiered August 26, 2022", "Sources:",
		// Archive copies are where serve puts them, not a bare path.
		"http://127.0.0.1:8080/archive/partner-track-season-2.txt"} {
		if !strings.Contains(text, want) {
			t.Errorf("show printed no %q:\n%s", want, text)
		}
	}
}

func TestShowErrors(t *testing.T) {
	db := dbtest.URL(t)
	mustRun(t, db, "import", "demo")
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"show", "Partner Trak"}, 1, `no show matches "Partner Trak"; nearest: "Partner Track"`},
		{[]string{"show", "Partner Track", "--as-of", "2022-02-30"}, 1, "as_of"},
		{[]string{"show", "Partner Track", "--as-of", "2022"}, 1, "want a day"},
		{[]string{"show", "Partner Track", "--season", "7"}, 1, "outlooks for seasons 1 to 2"},
		{[]string{"show", "Partner Track", "--season", "0"}, 1, `season "0": want a whole number, 1 or more`},
		{[]string{"show", "Partner Track", "--as-of", "2022-Q3"}, 1, `as_of "2022-Q3": want a day, YYYY-MM-DD`},
		{[]string{"show"}, 2, "Usage: nextseason show"},
		{[]string{"frobnicate"}, 2, `unknown command "frobnicate"`},
		{[]string{"import", "claims", "/no/such/file.jsonl"}, 1, "no such file"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, _, errs := run(t, db, tt.args...)
			if code != tt.code || !strings.Contains(errs, tt.want) {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", code, errs, tt.code, tt.want)
			}
		})
	}
}

func TestServeRefusesAnOldSchema(t *testing.T) {
	db := dbtest.URL(t)
	code, _, errs := run(t, db, "serve", "--addr", "127.0.0.1:0")
	if code != 1 || !strings.Contains(errs, "migrate") {
		t.Errorf("serve on an empty database: exit %d, %q; want a hint to migrate", code, errs)
	}
}

func TestDemoServes(t *testing.T) {
	db := dbtest.URL(t)
	ctx, cancel := context.WithCancel(t.Context())
	addrs := make(chan string, 1)
	var out bytes.Buffer
	env := cli.Env{Stdout: &out, Stderr: io.Discard, Getenv: func(string) string { return "" }, Now: dbtest.Clock,
		Ready: func(addr string) { addrs <- addr }}
	done := make(chan int)
	go func() { done <- cli.Run(ctx, []string{"demo", "--db", db, "--addr", "127.0.0.1:0"}, env) }()
	var addr string
	select {
	case addr = <-addrs:
	case code := <-done:
		t.Fatalf("demo exited with %d before serving", code)
	}
	resp, err := http.Get("http://" + addr + "/shows/partner-track/seasons/2")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), "Canceled") {
		t.Errorf("GET the outlook: %d, body without Canceled", resp.StatusCode)
	}
	// The container's health check: healthy while it serves.
	if out := mustRun(t, db, "healthcheck", "--addr", addr); !strings.Contains(out, "healthy: ok") {
		t.Errorf("healthcheck while serving: %q", out)
	}
	cancel()
	if code := <-done; code != 0 {
		t.Errorf("demo exited with %d after Ctrl-C, want 0", code)
	}
	if !strings.Contains(out.String(), "http://"+addr+"/shows/partner-track/seasons/2") {
		t.Errorf("demo did not print its URL: %q", out.String())
	}
	if code, _, errs := run(t, db, "healthcheck", "--addr", addr); code == 0 || !strings.Contains(errs, "healthcheck") {
		t.Errorf("healthcheck once stopped: exit %d, %q; want a failure", code, errs)
	}
}
