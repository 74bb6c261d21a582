package cli_test

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nextseason/nextseason/internal/dbtest"
)

// TestImportFollowsAndExport: an operator brings a user's Sonarr series
// in (a dry run first, which lists what would be followed and what
// matches nothing), then a Trakt export file, then exports the user and
// imports the export for another user; every step says what it did, and
// importing again changes nothing.
func TestImportFollowsAndExport(t *testing.T) {
	db := dbtest.URL(t)
	mustRun(t, db, "import", "demo")
	mustRun(t, db, "users", "add", "fan@example.com")
	mustRun(t, db, "users", "add", "friend@example.com")
	series, err := os.ReadFile("../imports/testdata/sonarr-series.json")
	if err != nil {
		t.Fatal(err)
	}
	sonarr := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/api/v3/series" || r.Header.Get("X-Api-Key") != "k" {
			http.Error(w, "no", http.StatusUnauthorized)
			return
		}
		w.Write(series)
	}))
	defer sonarr.Close()
	args := []string{"import", "sonarr", "--url", sonarr.URL, "--api-key", "k", "--user", "fan@example.com"}
	dry := mustRun(t, db, append(args, "--dry-run")...)
	for _, want := range []string{"would follow 4 shows", "  follow  peaky-blinders", `no match: "Severance" (2022)`} {
		if !strings.Contains(dry, want) {
			t.Errorf("the dry run lacks %q:\n%s", want, dry)
		}
	}
	if out := mustRun(t, db, "export", "--user", "fan@example.com"); strings.Contains(out, "peaky-blinders") || strings.Contains(out, "Peaky") {
		t.Errorf("a dry run followed something:\n%s", out)
	}
	if out := mustRun(t, db, args...); !strings.Contains(out, "followed 4 shows, updated 0, 0 unchanged, 1 unmatched") {
		t.Errorf("the import:\n%s", out)
	}
	if out := mustRun(t, db, args...); !strings.Contains(out, "followed 0 shows, updated 0, 4 unchanged, 1 unmatched") {
		t.Errorf("the import again:\n%s", out)
	}
	if out := mustRun(t, db, "import", "trakt", "../imports/testdata/trakt-watched-shows.json", "--user", "fan@example.com"); !strings.Contains(out, "followed 0 shows, updated 2, 0 unchanged") {
		t.Errorf("Trakt's watched shows, both followed from Sonarr:\n%s", out)
	}

	export := mustRun(t, db, "export", "--user", "fan@example.com")
	file := filepath.Join(t.TempDir(), "fan.json")
	if err := os.WriteFile(file, []byte(export), 0o600); err != nil {
		t.Fatal(err)
	}
	if out := mustRun(t, db, "import", "export", file, "--user", "friend@example.com"); !strings.Contains(out, "followed 4 shows") {
		t.Errorf("the export imported for a friend:\n%s", out)
	}
	friend := mustRun(t, db, "export", "--user", "friend@example.com")
	if strings.ReplaceAll(friend, "friend@", "fan@") != export {
		t.Errorf("the friend's export differs from the fan's:\n%s\n%s", friend, export)
	}

	for _, bad := range [][]string{
		{"import", "sonarr", "--url", sonarr.URL, "--api-key", "wrong", "--user", "fan@example.com"},
		{"import", "sonarr", "--url", "ftp://sonarr", "--api-key", "k", "--user", "fan@example.com"},
		{"import", "trakt", "../imports/testdata/trakt-watched-shows.json"},
		{"import", "trakt", "../imports/testdata/trakt-watched-shows.json", "--user", "nobody@example.com"},
		{"import", "export", "../imports/testdata/SOURCE.md", "--user", "fan@example.com"},
	} {
		if code, _, errs := run(t, db, bad...); code == 0 || errs == "" {
			t.Errorf("%v: exit %d, %q; want a refusal saying why", bad, code, errs)
		}
	}
}
