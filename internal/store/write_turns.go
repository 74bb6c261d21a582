package store

import (
	"context"
	"time"

	"github.com/nextseason/nextseason/internal/db"
)

// SQLite has one write lock and no queue for it: a writer that finds it
// taken (another instance, a CLI command, a request) sleeps and looks
// again, at most 100 ms apart. A run of write transactions that begins
// the next the moment the last commits would keep it out until the run
// ends, and fail it once that outlasts the busy timeout. So a long run
// pauses, after each writeRun, for writePause: long enough for one look.
const (
	writeRun   = time.Second
	writePause = 120 * time.Millisecond
)

// WriteTurns spaces a long run of write transactions so that other
// writers get their turn; on PostgreSQL, whose locks are per row, it
// does nothing.
type WriteTurns struct {
	sqlite bool
	since  time.Time
}

// WriteTurns starts spacing a run of write transactions.
func (s *Store) WriteTurns() *WriteTurns {
	return &WriteTurns{sqlite: s.db.Dialect == db.SQLite, since: time.Now()}
}

// Yield is called between transactions: after writeRun of them, it
// pauses for writePause.
func (w *WriteTurns) Yield(ctx context.Context) error {
	if !w.sqlite || time.Since(w.since) < writeRun {
		return nil
	}
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-time.After(writePause):
	}
	w.since = time.Now()
	return nil
}
