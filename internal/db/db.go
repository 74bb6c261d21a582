// Package db opens nextseason's database, SQLite or PostgreSQL, and keeps
// its schema current with embedded, per-dialect migrations.
package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
	_ "modernc.org/sqlite"             // registers the "sqlite" driver
)

// Dialect names the SQL dialect of a database.
type Dialect string

// The supported dialects.
const (
	SQLite   Dialect = "sqlite"
	Postgres Dialect = "postgres"
)

// DB is an open database and its dialect.
type DB struct {
	*sql.DB
	Dialect Dialect
}

// DialectOf tells which database a URL names: postgres:// and
// postgresql:// are PostgreSQL, anything else is a SQLite file path.
func DialectOf(dbURL string) Dialect {
	if strings.HasPrefix(dbURL, "postgres://") || strings.HasPrefix(dbURL, "postgresql://") {
		return Postgres
	}
	return SQLite
}

// Open connects to the database at dbURL and checks that it answers.
func Open(ctx context.Context, dbURL string) (*DB, error) {
	if dbURL == "" {
		return nil, errors.New("no database given: set --db or NEXTSEASON_DB")
	}
	dialect := DialectOf(dbURL)
	var (
		sqldb *sql.DB
		err   error
	)
	switch dialect {
	case Postgres:
		sqldb, err = sql.Open("pgx", dbURL)
	default:
		sqldb, err = sql.Open("sqlite", sqliteDSN(dbURL))
	}
	if err != nil {
		return nil, fmt.Errorf("open %s database: %w", dialect, err)
	}
	// database/sql keeps only two idle connections by default: under load
	// the rest would be closed and reopened, which costs PostgreSQL a
	// process fork each time.
	switch dialect {
	case SQLite:
		// One writer at a time is SQLite's model; WAL lets readers go on.
		sqldb.SetMaxOpenConns(4)
		sqldb.SetMaxIdleConns(4)
	case Postgres:
		sqldb.SetMaxOpenConns(20)
		sqldb.SetMaxIdleConns(20)
		sqldb.SetConnMaxIdleTime(5 * time.Minute)
	}
	if err := sqldb.PingContext(ctx); err != nil {
		sqldb.Close()
		return nil, fmt.Errorf("connect to %s database %s: %w", dialect, Redact(dbURL), err)
	}
	return &DB{DB: sqldb, Dialect: dialect}, nil
}

// sqliteDSN adds nextseason's pragmas to a file path. busy_timeout comes
// first so that setting WAL mode waits for other connections.
func sqliteDSN(path string) string {
	path = strings.TrimPrefix(path, "sqlite://")
	path = strings.TrimPrefix(path, "file:")
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(5000)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Set("_txlock", "immediate")
	q.Set("_time_format", "sqlite")
	return "file:" + path + "?" + q.Encode()
}

// Redact hides the password in a database URL for messages and logs.
func Redact(dbURL string) string {
	u, err := url.Parse(dbURL)
	if err != nil || u.User == nil {
		return dbURL
	}
	if _, has := u.User.Password(); has {
		u.User = url.UserPassword(u.User.Username(), "xxxxx")
	}
	return u.String()
}
