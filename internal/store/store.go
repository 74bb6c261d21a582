// Package store is nextseason's one concrete data store: hand-written SQL
// that runs unchanged on SQLite and PostgreSQL, one file per entity.
package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/nextseason/nextseason/internal/db"
	"github.com/nextseason/nextseason/internal/model"
)

// querier is what both *sql.DB and *sql.Tx offer.
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// Store reads and writes nextseason's data.
//
// Outside a transaction a SELECT runs on the database's read pool and
// every other statement on its write pool (db.DB says why they are
// apart); within one, everything runs on the transaction.
type Store struct {
	db     *db.DB
	tx     *sql.Tx
	now    func() time.Time
	writes *stmtCache
	reads  *stmtCache
	counts *counters // what this store and its transactions have run
	// txStmts are the statements prepared on the transaction's own
	// connection, by query text; they close with it.
	txStmts map[string]*sql.Stmt
}

// New returns a Store over an open, migrated database. now is the clock
// that stamps recorded_at and review times.
func New(d *db.DB, now func() time.Time) *Store {
	return &Store{db: d, now: now, writes: newStmtCache(d.DB), reads: newStmtCache(d.Read), counts: new(counters)}
}

// isRead tells a statement the read pool may run: a SELECT. Anything
// else, WITH included (on PostgreSQL it may write), goes to the writers.
func isRead(query string) bool {
	q := strings.TrimLeft(query, " \t\r\n(")
	return len(q) >= 6 && strings.EqualFold(q[:6], "select")
}

// stmtCache keeps one pool's prepared statements by query text: parsing
// SQL is a good part of a small query's cost.
type stmtCache struct {
	pool *sql.DB
	mu   sync.Mutex
	m    map[string]*sql.Stmt
}

func newStmtCache(pool *sql.DB) *stmtCache {
	return &stmtCache{pool: pool, m: map[string]*sql.Stmt{}}
}

// maxStatements bounds each cache; queries past it are not prepared.
const maxStatements = 200

// stmt returns the prepared statement for query, preparing it once, or
// nil when the cache is full or preparing failed (the caller then runs
// the query unprepared, and sees the error there). With onlyLook (in a
// transaction) it does not prepare: preparing takes a second connection
// from the pool, which, while the transaction holds SQLite's write lock,
// may be held by a writer waiting for that lock — a deadlock until the
// busy timeout.
//
// The cache's lock is not held while preparing: preparing waits for a
// connection, and a transaction that needs the lock to look up its next
// statement may be what holds the connection up.
func (c *stmtCache) stmt(ctx context.Context, query string, onlyLook bool) *sql.Stmt {
	c.mu.Lock()
	st, ok := c.m[query]
	full := len(c.m) >= maxStatements
	c.mu.Unlock()
	if ok || onlyLook || full {
		return st
	}
	st, err := c.pool.PrepareContext(ctx, query)
	if err != nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if have, ok := c.m[query]; ok {
		st.Close() // another caller prepared it meanwhile
		return have
	}
	c.m[query] = st
	return st
}

// prepared gives what runs query: in a transaction, the write pool's
// prepared statement bound to it, or one prepared on the transaction;
// outside one, the prepared statement of the pool isRead picks, or that
// pool.
func (s *Store) prepared(ctx context.Context, query string) querier {
	if s.tx != nil {
		// Once per transaction: the pool's statement bound to it, else
		// one prepared on its own connection (no second one is needed),
		// for all the times a long transaction runs it.
		if st, ok := s.txStmts[query]; ok {
			return stmtQuerier{st}
		}
		var st *sql.Stmt
		if pooled := s.writes.stmt(ctx, query, true); pooled != nil {
			st = s.tx.StmtContext(ctx, pooled)
		} else if own, err := s.tx.PrepareContext(ctx, query); err == nil {
			st = own
		} else {
			return s.tx
		}
		s.txStmts[query] = st
		return stmtQuerier{st}
	}
	c := s.cacheFor(query)
	if st := c.stmt(ctx, query, false); st != nil {
		return stmtQuerier{st}
	}
	return s.unprepared(query)
}

// cacheFor is the statement cache, and so the pool, that query runs on
// outside a transaction.
func (s *Store) cacheFor(query string) *stmtCache {
	if isRead(query) {
		return s.reads
	}
	return s.writes
}

// counters count what a store has run, for Counts.
type counters struct {
	statements, txStatements, txReads, transactions, txNanos atomic.Int64
}

// Counts is what a store has run since it was made: what a page or a job
// costs the database, in round trips, and how much of it held a
// transaction open (on SQLite, the one write lock).
type Counts struct {
	Statements int64
	// TxStatements of the Statements ran inside transactions, TxReads
	// of those were SELECTs.
	TxStatements, TxReads int64
	Transactions          int64
	// TxTime is the time from each transaction's begin to its commit or
	// rollback, summed.
	TxTime time.Duration
}

// Sub is what was run between two counts.
func (c Counts) Sub(before Counts) Counts {
	return Counts{c.Statements - before.Statements, c.TxStatements - before.TxStatements, c.TxReads - before.TxReads,
		c.Transactions - before.Transactions, c.TxTime - before.TxTime}
}

// Counts says what the store has run so far.
func (s *Store) Counts() Counts {
	c := s.counts
	return Counts{c.statements.Load(), c.txStatements.Load(), c.txReads.Load(), c.transactions.Load(), time.Duration(c.txNanos.Load())}
}

// count counts a statement about to run.
func (s *Store) count(query string) {
	s.counts.statements.Add(1)
	if s.tx != nil {
		s.counts.txStatements.Add(1)
		if isRead(query) {
			s.counts.txReads.Add(1)
		}
	}
}

// unprepared gives what runs query without preparing it.
func (s *Store) unprepared(query string) querier {
	if s.tx != nil {
		return s.tx
	}
	return s.cacheFor(query).pool
}

// execOnce and queryOnce run a statement built for one call (its text
// varies with its arguments, so preparing it would not pay).
func (s *Store) execOnce(ctx context.Context, query string, args ...any) (sql.Result, error) {
	s.count(query)
	res, err := s.unprepared(query).ExecContext(ctx, query, args...)
	return res, mapErr(err)
}

func (s *Store) queryOnce(ctx context.Context, query string, args ...any) (*mappedRows, error) {
	s.count(query)
	return wrapRows(s.unprepared(query).QueryContext(ctx, query, args...))
}

// stmtQuerier runs a prepared statement behind the querier interface;
// the query text it is given is the statement's own.
type stmtQuerier struct{ st *sql.Stmt }

func (q stmtQuerier) ExecContext(ctx context.Context, _ string, args ...any) (sql.Result, error) {
	return q.st.ExecContext(ctx, args...)
}

func (q stmtQuerier) QueryContext(ctx context.Context, _ string, args ...any) (*sql.Rows, error) {
	return q.st.QueryContext(ctx, args...)
}

func (q stmtQuerier) QueryRowContext(ctx context.Context, _ string, args ...any) *sql.Row {
	return q.st.QueryRowContext(ctx, args...)
}

// exec, query and queryRow run a statement, prepared once (see
// prepared); every error they give, and their rows' and row's, is mapped
// to the store's errors (mapErr).
func (s *Store) exec(ctx context.Context, query string, args ...any) (sql.Result, error) {
	s.count(query)
	res, err := s.prepared(ctx, query).ExecContext(ctx, query, args...)
	return res, mapErr(err)
}

func (s *Store) query(ctx context.Context, query string, args ...any) (*mappedRows, error) {
	s.count(query)
	return wrapRows(s.prepared(ctx, query).QueryContext(ctx, query, args...))
}

func (s *Store) queryRow(ctx context.Context, query string, args ...any) mappedRow {
	s.count(query)
	return mappedRow{s.prepared(ctx, query).QueryRowContext(ctx, query, args...)}
}

// valuesList is the placeholders of a multi-row VALUES clause, rows of
// cols each: valuesList(2, 2) is "($1, $2), ($3, $4)".
func valuesList(rows, cols int) string {
	var b strings.Builder
	for r := range rows {
		if r > 0 {
			b.WriteString(", ")
		}
		b.WriteByte('(')
		for c := range cols {
			if c > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "$%d", r*cols+c+1)
		}
		b.WriteByte(')')
	}
	return b.String()
}

// Now is the store's clock: when a write happens, as recorded.
func (s *Store) Now() time.Time { return s.now() }

// Dialect is the SQL dialect of the underlying database.
func (s *Store) Dialect() db.Dialect { return s.db.Dialect }

// DB is the database the store runs on.
func (s *Store) DB() *db.DB { return s.db }

// Ping checks that the database answers.
func (s *Store) Ping(ctx context.Context) error { return s.db.PingContext(ctx) }

// CheckWrite commits a write, so that a database that answers but cannot
// write (a full disk, a read-only replica) is seen as not ready.
func (s *Store) CheckWrite(ctx context.Context) error {
	_, err := s.exec(ctx, `INSERT INTO health (id, checked_at) VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET checked_at = excluded.checked_at`, s.now().UTC())
	return err
}

// InTx runs fn with a Store bound to one transaction, committing when fn
// returns nil and rolling back otherwise, so fn's writes land together or
// not at all.
func (s *Store) InTx(ctx context.Context, fn func(tx *Store) error) error {
	if s.tx != nil {
		return fn(s)
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin transaction: %w", mapErr(err))
	}
	begun := time.Now()
	defer func() {
		s.counts.transactions.Add(1)
		s.counts.txNanos.Add(int64(time.Since(begun)))
	}()
	if err := fn(&Store{db: s.db, tx: tx, now: s.now, writes: s.writes, reads: s.reads, counts: s.counts, txStmts: map[string]*sql.Stmt{}}); err != nil {
		tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", mapErr(err))
	}
	return nil
}

// scanDate reads a stored partial date.
func scanDate(s string) (model.PartialDate, error) {
	if s == "" {
		return model.PartialDate{}, nil
	}
	d, err := model.ParsePartialDate(s)
	if err != nil {
		return model.PartialDate{}, fmt.Errorf("stored %w", err)
	}
	return d, nil
}

// nullInt stores 0 as NULL, for optional unique ids.
func nullInt(v int64) sql.NullInt64 { return sql.NullInt64{Int64: v, Valid: v != 0} }

// nullTime stores the zero time as NULL.
func nullTime(t time.Time) sql.NullTime { return sql.NullTime{Time: t.UTC(), Valid: !t.IsZero()} }
