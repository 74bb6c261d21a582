// Package db opens nextseason's database, SQLite or PostgreSQL, and keeps
// its schema current with embedded, per-dialect migrations.
package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"slices"
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
//
// The embedded pool takes writes and transactions. Read runs reads
// outside a transaction: on SQLite it is a pool of its own, of
// query-only connections, so that a reader never waits for a connection
// behind writers queued for SQLite's one write lock (in WAL mode readers
// do not wait for the lock itself); on PostgreSQL it is the same pool.
type DB struct {
	*sql.DB
	Read    *sql.DB
	Dialect Dialect
}

// Pool sizes on SQLite: writers take turns at one lock, so a second
// write connection only lets a write started outside a transaction by
// mistake fail at the busy timeout rather than wait for ever; readers
// run side by side.
const (
	sqliteWriters = 2
	sqliteReaders = 4
)

// DialectOf tells which database a URL names: postgres:// and
// postgresql:// URLs and libpq key/value strings ("host=… dbname=…")
// are PostgreSQL, anything else is a SQLite file path.
func DialectOf(dbURL string) Dialect {
	if strings.HasPrefix(dbURL, "postgres://") || strings.HasPrefix(dbURL, "postgresql://") || keyValueDSN(dbURL) {
		return Postgres
	}
	return SQLite
}

// libpqKeys are the connection settings that mark a libpq key/value
// string.
var libpqKeys = []string{"host", "hostaddr", "port", "dbname", "user", "password", "sslmode", "service", "connect_timeout", "application_name"}

// keyValueDSN reports whether s is a libpq key/value string: words of
// key=value, at least one of them a libpq setting.
func keyValueDSN(s string) bool {
	words := strings.Fields(s)
	known := false
	for _, w := range words {
		key, _, ok := strings.Cut(w, "=")
		if !ok {
			return false
		}
		known = known || slices.Contains(libpqKeys, strings.TrimSpace(key))
	}
	return known
}

// Open connects to the database at dbURL and checks that it answers.
func Open(ctx context.Context, dbURL string) (*DB, error) {
	if dbURL == "" {
		return nil, errors.New("no database given: set --db or NEXTSEASON_DB")
	}
	dialect := DialectOf(dbURL)
	d := &DB{Dialect: dialect}
	switch dialect {
	case Postgres:
		sqldb, err := sql.Open("pgx", dbURL)
		if err != nil {
			return nil, fmt.Errorf("open %s database: %w", dialect, err)
		}
		// database/sql keeps only two idle connections by default: under
		// load the rest would be closed and reopened, which costs
		// PostgreSQL a process fork each time.
		sqldb.SetMaxOpenConns(20)
		sqldb.SetMaxIdleConns(20)
		sqldb.SetConnMaxIdleTime(5 * time.Minute)
		d.DB, d.Read = sqldb, sqldb
	default:
		// The write pool opens first: its first connection sets WAL mode.
		w, err := sql.Open("sqlite", sqliteDSN(dbURL, false))
		if err != nil {
			return nil, fmt.Errorf("open %s database: %w", dialect, err)
		}
		w.SetMaxOpenConns(sqliteWriters)
		w.SetMaxIdleConns(sqliteWriters)
		d.DB = w
		if err := w.PingContext(ctx); err != nil {
			w.Close()
			return nil, fmt.Errorf("connect to %s database %s: %w", dialect, Redact(dbURL), err)
		}
		r, err := sql.Open("sqlite", sqliteDSN(dbURL, true))
		if err != nil {
			w.Close()
			return nil, fmt.Errorf("open %s database: %w", dialect, err)
		}
		r.SetMaxOpenConns(sqliteReaders)
		r.SetMaxIdleConns(sqliteReaders)
		d.Read = r
	}
	if err := d.Read.PingContext(ctx); err != nil {
		d.Close()
		return nil, fmt.Errorf("connect to %s database %s: %w", dialect, Redact(dbURL), err)
	}
	return d, nil
}

// Close closes both pools.
func (d *DB) Close() error {
	err := d.DB.Close()
	if d.Read != d.DB {
		err = errors.Join(err, d.Read.Close())
	}
	return err
}

// sqliteDSN adds nextseason's pragmas to a file path or file: URI,
// keeping the URI's own parameters (mode=ro, a busy timeout …). The busy
// timeout comes first so that setting WAL mode waits for other
// connections; a read-only database, and the read pool, leave the journal
// mode as the write pool set it. The read pool's connections are query-only, so a
// write sent there by mistake fails at once. Reads map the file (up to
// 256 MiB): each connection's own page cache is small, and without the
// map a search over a large catalog spent a quarter of its time copying
// pages in (p99 at 80,000 shows 2.8 ms, mapped 1.6–1.9 ms).
func sqliteDSN(path string, readPool bool) string {
	path = strings.TrimPrefix(path, "sqlite://")
	path = strings.TrimPrefix(path, "file:")
	path, query, _ := strings.Cut(path, "?")
	own, _ := url.ParseQuery(query)
	q := url.Values{}
	if !setsBusyTimeout(own) {
		q.Add("_pragma", "busy_timeout(5000)")
	}
	if own.Get("mode") != "ro" && !readPool {
		q.Add("_pragma", "journal_mode(WAL)")
	}
	if readPool {
		q.Add("_pragma", "query_only(1)")
	}
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Add("_pragma", "mmap_size(268435456)")
	q.Set("_txlock", "immediate")
	q.Set("_time_format", "sqlite")
	for k, vs := range own {
		for _, v := range vs {
			q.Add(k, v)
		}
	}
	return "file:" + path + "?" + q.Encode()
}

// setsBusyTimeout says whether a SQLite URI's own parameters set the busy
// timeout; the driver heeds only the first setting, so it then replaces
// nextseason's.
func setsBusyTimeout(own url.Values) bool {
	if own.Has("_busy_timeout") || own.Has("_timeout") {
		return true
	}
	for _, p := range own["_pragma"] {
		if strings.HasPrefix(strings.ToLower(strings.TrimSpace(p)), "busy_timeout") {
			return true
		}
	}
	return false
}

// Redact hides the password in a database URL or key/value string for
// messages and logs.
func Redact(dbURL string) string {
	if keyValueDSN(dbURL) {
		words := strings.Fields(dbURL)
		for i, w := range words {
			if k, _, _ := strings.Cut(w, "="); k == "password" {
				words[i] = "password=xxxxx"
			}
		}
		return strings.Join(words, " ")
	}
	u, err := url.Parse(dbURL)
	if err != nil || u.User == nil {
		return dbURL
	}
	if _, has := u.User.Password(); has {
		u.User = url.UserPassword(u.User.Username(), "xxxxx")
	}
	return u.String()
}
