// Package dbtest gives tests a real, migrated, empty database: SQLite in
// the test's temporary directory, or a fresh schema in the PostgreSQL
// named by NEXTSEASON_TEST_POSTGRES when that is set.
package dbtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/nextseason/nextseason/internal/auth"
	"github.com/nextseason/nextseason/internal/db"
	"github.com/nextseason/nextseason/internal/model"
	"github.com/nextseason/nextseason/internal/store"
)

// PostgresEnv names the variable holding a PostgreSQL URL for tests.
const PostgresEnv = "NEXTSEASON_TEST_POSTGRES"

// Clock is the fixed time test stores stamp their writes with.
func Clock() time.Time { return time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC) }

// URL returns the URL of a new, empty database for t, dropped when t ends.
func URL(t testing.TB) string {
	t.Helper()
	pg := os.Getenv(PostgresEnv)
	if pg == "" {
		return filepath.Join(t.TempDir(), "nextseason.db")
	}
	return freshSchema(t, pg)
}

// Open returns a migrated database for t, closed when t ends.
func Open(t testing.TB) *db.DB {
	t.Helper()
	return OpenURL(t, URL(t))
}

// OpenURL opens and migrates the database at dbURL, closed when t ends.
func OpenURL(t testing.TB, dbURL string) *db.DB {
	t.Helper()
	ctx := context.Background()
	d, err := db.Open(ctx, dbURL)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	if _, err := d.Migrate(ctx, Clock()); err != nil {
		t.Fatal(err)
	}
	return d
}

// EachURL runs fn as a subtest on each database this machine offers, in
// one run: a new SQLite file always, and a fresh PostgreSQL schema when
// NEXTSEASON_TEST_POSTGRES names a server. Conformance tests use it, so
// that both answer the same cases side by side.
func EachURL(t *testing.T, fn func(t *testing.T, dbURL string)) {
	t.Run("sqlite", func(t *testing.T) { fn(t, filepath.Join(t.TempDir(), "nextseason.db")) })
	pg := os.Getenv(PostgresEnv)
	if pg == "" {
		t.Logf("PostgreSQL not run: set %s to run these cases on it too", PostgresEnv)
		return
	}
	t.Run("postgres", func(t *testing.T) { fn(t, freshSchema(t, pg)) })
}

// Store returns a Store over a migrated database for t, stamping writes
// with Clock.
func Store(t testing.TB) *store.Store {
	t.Helper()
	return store.New(Open(t), Clock)
}

// freshSchema creates a schema of its own for t in the PostgreSQL at
// pgURL and returns a URL whose connections use it.
func freshSchema(t testing.TB, pgURL string) string {
	t.Helper()
	ctx := context.Background()
	admin, err := db.Open(ctx, pgURL)
	if err != nil {
		t.Fatalf("%s: %v", PostgresEnv, err)
	}
	t.Cleanup(func() { admin.Close() })
	b := make([]byte, 6)
	rand.Read(b)
	schema := "test_" + hex.EncodeToString(b)
	if _, err := admin.ExecContext(ctx, `CREATE SCHEMA `+schema); err != nil {
		t.Fatalf("create schema: %v", err)
	}
	t.Cleanup(func() {
		if _, err := admin.ExecContext(context.Background(), `DROP SCHEMA `+schema+` CASCADE`); err != nil {
			t.Errorf("drop schema %s: %v", schema, err)
		}
	})
	u, err := url.Parse(pgURL)
	if err != nil {
		t.Fatalf("%s: %v", PostgresEnv, err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

// UserToken adds a user (no password) with a new API token, and returns
// the token.
func UserToken(t testing.TB, st *store.Store, email string, role model.Role) string {
	t.Helper()
	u, err := st.AddUser(t.Context(), email, role, "")
	if err != nil {
		t.Fatal(err)
	}
	token, hash := auth.NewToken()
	if err := st.AddToken(t.Context(), u.ID, hash); err != nil {
		t.Fatal(err)
	}
	return token
}
