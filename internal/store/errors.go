package store

import (
	"database/sql"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5/pgconn"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// The store's errors, the same whichever database answered; callers test
// them with errors.Is.
var (
	// ErrNotFound: a row asked for does not exist.
	ErrNotFound = errors.New("not found")
	// ErrConflict: a write would break a uniqueness rule.
	ErrConflict = errors.New("conflict")
	// ErrBusy: a lock was not had in time (SQLite's busy or locked, a
	// PostgreSQL lock timeout, deadlock or serialization failure); the
	// same work may succeed when tried again.
	ErrBusy = errors.New("database busy")
)

// PostgreSQL's SQLSTATE codes the store maps.
const (
	pgUniqueViolation      = "23505"
	pgSerializationFailure = "40001"
	pgDeadlockDetected     = "40P01"
	pgLockNotAvailable     = "55P03"
)

// mapErr turns a driver's error into the store's, by the driver's code
// (SQLite's extended result code, PostgreSQL's SQLSTATE), keeping the
// driver's message; other errors, and the store's own, pass unchanged.
// The query wrappers (exec, query, queryRow and their rows) call it, so
// no call site needs to.
func mapErr(err error) error {
	switch {
	case err == nil, errors.Is(err, ErrNotFound), errors.Is(err, ErrConflict), errors.Is(err, ErrBusy):
		return err
	case errors.Is(err, sql.ErrNoRows):
		return ErrNotFound
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch pe.Code {
		case pgUniqueViolation:
			return fmt.Errorf("%w: %v", ErrConflict, err)
		case pgSerializationFailure, pgDeadlockDetected, pgLockNotAvailable:
			return fmt.Errorf("%w: %v", ErrBusy, err)
		}
		return err
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch code := se.Code(); {
		case code == sqlite3.SQLITE_CONSTRAINT_UNIQUE, code == sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY:
			return fmt.Errorf("%w: %v", ErrConflict, err)
		case code&0xff == sqlite3.SQLITE_BUSY, code&0xff == sqlite3.SQLITE_LOCKED:
			return fmt.Errorf("%w: %v", ErrBusy, err)
		}
	}
	return err
}

// mappedRows are a query's rows whose errors are the store's.
type mappedRows struct{ *sql.Rows }

func wrapRows(r *sql.Rows, err error) (*mappedRows, error) {
	if err != nil {
		return nil, mapErr(err)
	}
	return &mappedRows{r}, nil
}

func (r *mappedRows) Scan(dest ...any) error { return mapErr(r.Rows.Scan(dest...)) }
func (r *mappedRows) Err() error             { return mapErr(r.Rows.Err()) }
func (r *mappedRows) Close() error           { return mapErr(r.Rows.Close()) }

// ids reads rows of one id each, and closes them.
func (r *mappedRows) ids() ([]int64, error) {
	defer r.Close()
	var out []int64
	for r.Next() {
		var id int64
		if err := r.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, r.Err()
}

// mappedRow is one row whose Scan's errors are the store's (ErrNotFound for
// none).
type mappedRow struct{ *sql.Row }

func (r mappedRow) Scan(dest ...any) error { return mapErr(r.Row.Scan(dest...)) }
