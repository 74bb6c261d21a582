package cli_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/nextseason/nextseason/internal/cli"
	"github.com/nextseason/nextseason/internal/dbtest"
)

func TestFeedsFromSubscribeToAccept(t *testing.T) {
	body, err := os.ReadFile("../feeds/testdata/news.rss")
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write(body) }))
	defer srv.Close()
	db := dbtest.URL(t)
	env := map[string]string{"NEXTSEASON_ALLOW_PRIVATE_NETWORKS": "1"}
	runEnv := func(args ...string) (int, string, string) {
		var out, errb bytes.Buffer
		code := cli.Run(t.Context(), append([]string{"--db", db}, args...), cli.Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb,
			Getenv: func(k string) string { return env[k] }, Now: dbtest.Clock})
		return code, out.String(), errb.String()
	}
	if code, out, errs := runEnv("feeds", "add", srv.URL, "--tier", "trade"); code != 0 || !strings.Contains(out, "tier trade") {
		t.Fatalf("feeds add: %d %q %q", code, out, errs)
	}
	if code, out, errs := runEnv("feeds", "poll"); code != 0 || !strings.Contains(out, "3 entries, 3 new") {
		t.Fatalf("feeds poll: %d %q %q", code, out, errs)
	}
	code, out, _ := runEnv("claims", "review")
	m := regexp.MustCompile(`#(\d+)  Succession: season 2: Renewed`).FindStringSubmatch(out)
	if code != 0 || m == nil || !strings.Contains(out, "“'Succession' Renewed for Season 2 at HBO") {
		t.Fatalf("claims review: %d\n%s", code, out)
	}
	// --as names an editor's account; anyone else is refused.
	runEnv("users", "add", "fan@example.com")
	if code, _, errs := runEnv("claims", "accept", m[1], "--as", "fan@example.com"); code != 1 || !strings.Contains(errs, "cannot decide") {
		t.Errorf("accepting as a viewer: %d %q", code, errs)
	}
	if code, _, errs := runEnv("claims", "accept", m[1], "--as", "nobody@example.com"); code != 1 || !strings.Contains(errs, "nobody@example.com") {
		t.Errorf("accepting as no account: %d %q", code, errs)
	}
	runEnv("users", "add", "ed@example.com", "--role", "editor")
	if code, out, errs := runEnv("claims", "accept", m[1], "--as", "ed@example.com"); code != 0 || !strings.Contains(out, "accepted") {
		t.Fatalf("claims accept: %d %q %q", code, out, errs)
	}
	if code, _, errs := runEnv("claims", "accept", m[1]); code != 1 || !strings.Contains(errs, "already decided") {
		t.Errorf("accepting twice: %d %q", code, errs)
	}
	var o struct {
		Renewal struct {
			Status   string
			Evidence []struct{ Quote, Origin string }
		}
	}
	_, js, _ := runEnv("show", "Succession", "--season", "2", "--json")
	if err := json.Unmarshal([]byte(js), &o); err != nil || o.Renewal.Status != "renewed" || o.Renewal.Evidence[0].Origin != "feed" {
		t.Errorf("Succession season 2 after acceptance: %+v, %v", o, err)
	}
	// Without the setting, a feed on this machine's own network is refused.
	env = nil
	runEnv("feeds", "add", srv.URL+"/again")
	if code, out, _ := runEnv("feeds", "poll"); code != 1 || !strings.Contains(out, "private, loopback") {
		t.Errorf("polling loopback without permission: %d %q", code, out)
	}
	if code, _, errs := runEnv("feeds", "add", "file:///etc/passwd"); code != 1 || !strings.Contains(errs, "http(s)") {
		t.Errorf("a file URL: %d %q", code, errs)
	}
}
