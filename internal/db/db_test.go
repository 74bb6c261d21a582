package db_test

import (
	"context"
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
