package cli_test

import (
	"strconv"
	"strings"
	"testing"

	dbpkg "github.com/nextseason/nextseason/internal/db"
	"github.com/nextseason/nextseason/internal/dbtest"
)

// TestOneMigrationRule: every command that writes sets up a new, empty
// database, but none migrates a schema that is behind (on a shared
// PostgreSQL that would change it under running older instances) unless
// asked with --migrate; reading commands refuse it too.
func TestOneMigrationRule(t *testing.T) {
	db := dbtest.URL(t)
	mustRun(t, db, "users", "add", "ed@example.com") // a new database: set up
	d, err := dbpkg.Open(t.Context(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	ms, err := dbpkg.Migrations(d.Dialect)
	if err != nil {
		t.Fatal(err)
	}
	// Undo the last migration, as if this database came from the
	// version before.
	last := ms[len(ms)-1]
	if last.Name != "show_external_ids" {
		t.Fatalf("the last migration is %s; undo it here instead of show_external_ids", last.Name)
	}
	undo := []string{`DROP INDEX shows_imdb`, `DROP INDEX shows_thetvdb`,
		`DELETE FROM schema_version WHERE version = ` + strconv.Itoa(last.Version)}
	for _, q := range undo {
		if _, err := d.ExecContext(t.Context(), q); err != nil {
			t.Fatal(err)
		}
	}
	for _, args := range [][]string{
		{"users", "add", "ann@example.com"}, {"tokens", "add", "ed@example.com"}, {"feeds", "add", "https://example.com/feed.xml"},
		{"import", "demo"}, {"show", "Partner Track"}, {"search", "partner"},
	} {
		code, _, errs := run(t, db, args...)
		if code == 0 || !strings.Contains(errs, "not up to date (1 migration(s) pending)") || !strings.Contains(errs, "--migrate") {
			t.Errorf("%v on a schema one migration behind: exit %d, %q; want it refused, saying how to migrate", args, code, errs)
		}
	}
	if out := mustRun(t, db, "users", "add", "ann@example.com", "--migrate"); !strings.Contains(out, "ann@example.com") {
		t.Errorf("users add --migrate printed %q", out)
	}
	if code, _, errs := run(t, db, "search", "partner"); code != 0 {
		t.Errorf("search after the migration: exit %d, %s", code, errs)
	}
}
