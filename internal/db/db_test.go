package db_test

import (
	"context"
	neturl "net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/nextseason/nextseason/internal/db"
	"github.com/nextseason/nextseason/internal/dbtest"
)

// One query text serves both dialects only because both bind $1, $2 by
// number: this must never regress.
func TestNumberedPlaceholders(t *testing.T) {
	d := dbtest.Open(t)
	var first, second string
	if err := d.QueryRowContext(t.Context(), `SELECT CAST($2 AS TEXT), CAST($1 AS TEXT)`, "one", "two").Scan(&first, &second); err != nil {
		t.Fatal(err)
	}
	if first != "two" || second != "one" {
		t.Errorf("SELECT $2, $1 gave %q, %q; want \"two\", \"one\"", first, second)
	}
}

func TestMigrateIsIdempotent(t *testing.T) {
	d := dbtest.Open(t) // already migrated
	n, err := d.Migrate(t.Context(), time.Now())
	if err != nil || n != 0 {
		t.Fatalf("second Migrate applied %d, %v; want 0, nil", n, err)
	}
	ms, _ := db.Migrations(d.Dialect)
	v, err := d.SchemaVersion(t.Context())
	if err != nil || v != len(ms) {
		t.Errorf("schema version %d, %v; want %d", v, err, len(ms))
	}
	if p, err := d.Pending(t.Context()); err != nil || p != 0 {
		t.Errorf("pending %d, %v; want 0", p, err)
	}
}

func TestBothDialectsHaveTheSameMigrations(t *testing.T) {
	lite, err := db.Migrations(db.SQLite)
	if err != nil {
		t.Fatal(err)
	}
	pg, err := db.Migrations(db.Postgres)
	if err != nil {
		t.Fatal(err)
	}
	if len(lite) != len(pg) {
		t.Fatalf("%d SQLite migrations, %d PostgreSQL ones", len(lite), len(pg))
	}
	for i := range lite {
		if lite[i].Name != pg[i].Name {
			t.Errorf("migration %d: %q on SQLite, %q on PostgreSQL", i+1, lite[i].Name, pg[i].Name)
		}
	}
}

func TestPostgresIsUsedForPostgresURLs(t *testing.T) {
	url := os.Getenv(dbtest.PostgresEnv)
	if url == "" {
		t.Skipf("PostgreSQL tests skipped: set %s to a postgres:// URL to run the suite on PostgreSQL", dbtest.PostgresEnv)
	}
	d := dbtest.Open(t)
	if d.Dialect != db.Postgres {
		t.Fatalf("dialect %s for %s, want postgres", d.Dialect, db.Redact(url))
	}
	var version string
	if err := d.QueryRowContext(context.Background(), `SELECT version()`).Scan(&version); err != nil {
		t.Fatal(err)
	}
	t.Log(version)
}

func TestOpenErrors(t *testing.T) {
	if _, err := db.Open(t.Context(), ""); err == nil {
		t.Error("an empty database URL should be refused")
	}
	if _, err := db.Open(t.Context(), "postgres://nobody:secret@127.0.0.1:1/none?connect_timeout=1"); err == nil {
		t.Error("an unreachable PostgreSQL should fail to open")
	} else if strings.Contains(err.Error(), "secret") {
		t.Errorf("the error shows the password: %v", err)
	}
}

// Instances starting together must not apply a migration twice.
func TestConcurrentMigrations(t *testing.T) {
	url := dbtest.URL(t)
	// Create the database first: switching a new SQLite file to WAL mode
	// is not something two processes can do at once.
	first, err := db.Open(t.Context(), url)
	if err != nil {
		t.Fatal(err)
	}
	first.Close()
	errs := make(chan error, 3)
	applied := make(chan int, 3)
	for range 3 {
		go func() {
			d, err := db.Open(t.Context(), url)
			if err != nil {
				errs <- err
				return
			}
			defer d.Close()
			n, err := d.Migrate(t.Context(), time.Now())
			applied <- n
			errs <- err
		}()
	}
	total := 0
	for range 3 {
		if err := <-errs; err != nil {
			t.Error(err)
			continue
		}
		total += <-applied
	}
	ms, _ := db.Migrations(db.DialectOf(url))
	if total != len(ms) {
		t.Errorf("%d migrations applied in all, want %d", total, len(ms))
	}
}

// TestDatabaseStrings: a libpq key/value string names PostgreSQL (it once
// made a SQLite file of that name), its password is redacted, and a
// SQLite file: URI keeps its own parameters.
func TestDatabaseStrings(t *testing.T) {
	for s, want := range map[string]db.Dialect{
		"host=127.0.0.1 user=postgres dbname=x": db.Postgres,
		"dbname=x":                              db.Postgres,
		"postgres://u@h/x":                      db.Postgres,
		"./nextseason.db":                       db.SQLite,
		"file:x.db?mode=ro":                     db.SQLite,
		"my data=1.db":                          db.SQLite,
	} {
		if got := db.DialectOf(s); got != want {
			t.Errorf("DialectOf(%q) = %s, want %s", s, got, want)
		}
	}
	if got := db.Redact("host=h user=u password=secret dbname=x"); strings.Contains(got, "secret") {
		t.Errorf("Redact kept the password: %q", got)
	}
	dir := t.TempDir()
	rw, err := db.Open(t.Context(), dir+"/x.db")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := rw.ExecContext(t.Context(), `CREATE TABLE t (a INTEGER)`); err != nil {
		t.Fatal(err)
	}
	rw.Close()
	ro, err := db.Open(t.Context(), "file:"+dir+"/x.db?mode=ro")
	if err != nil {
		t.Fatalf("a read-only file: URI: %v", err)
	}
	defer ro.Close()
	if _, err := ro.ExecContext(t.Context(), `INSERT INTO t VALUES (1)`); err == nil || !strings.Contains(err.Error(), "readonly") {
		t.Errorf("a write to a mode=ro database: %v, want it refused as read-only", err)
	}
	if url := os.Getenv(dbtest.PostgresEnv); url != "" {
		u, err := neturl.Parse(url)
		if err != nil {
			t.Fatal(err)
		}
		kv := "host=" + u.Hostname() + " port=" + u.Port() + " user=" + u.User.Username() + " dbname=" + strings.TrimPrefix(u.Path, "/") + " sslmode=disable"
		d, err := db.Open(t.Context(), kv)
		if err != nil {
			t.Fatalf("a libpq key/value string: %v", err)
		}
		defer d.Close()
		if d.Dialect != db.Postgres {
			t.Errorf("%q opened as %s", kv, d.Dialect)
		}
	}
}
