package store

import (
	"context"
	"encoding/json"
	"slices"
	"strconv"
	"time"

	"github.com/nextseason/nextseason/internal/db"
)

// Outboxes (deliveries, mails) are tables of messages written in the
// same transaction as what they announce, each pending until sent or
// given up on. These record the outcome of an attempt; table is one of
// those names, never outside input.

// claim takes up to limit pending rows whose time has come, oldest
// first, for lease: their next attempt moves to the lease's end, so no
// other sender (another job, another instance) takes them meanwhile, and
// rows a crashed sender held become due again when it ends. On
// PostgreSQL the conditions are checked again on rows another claim
// changed first, so two claims never take the same row.
//
// It returns when the lease ends, which also marks the rows as this
// claim's: marking them sent or failed holds only while they are still
// leased so (see markSent). On PostgreSQL, rows another claim is taking
// are skipped rather than waited for.
func (s *Store) claim(ctx context.Context, table string, limit int, lease time.Duration) ([]int64, time.Time, error) {
	now := s.now().UTC()
	// Microseconds: what both databases keep of a time, so the lease
	// compares equal when read back.
	until := now.Add(lease).Truncate(time.Microsecond)
	// On SQLite the statement runs under the one write lock, so nothing
	// changes a row between the choice and the update, and the rows are
	// found by id alone: checked again there, the conditions made SQLite
	// walk every due row (17 ms a claim at 100,000 due).
	skip, recheck := "", ""
	if s.db.Dialect == db.Postgres {
		skip, recheck = " FOR UPDATE SKIP LOCKED", "state = 'pending' AND next_attempt_at <= $2 AND "
	}
	rows, err := s.query(ctx, `UPDATE `+table+` SET next_attempt_at = $1
		WHERE `+recheck+`id IN (
			SELECT id FROM `+table+` WHERE state = 'pending' AND next_attempt_at <= $2 ORDER BY next_attempt_at, id LIMIT $3`+skip+`)
		RETURNING id`, until, now, limit)
	if err != nil {
		return nil, until, err
	}
	ids, err := rows.ids()
	slices.Sort(ids)
	return ids, until, err
}

// inIDs is the condition that column is one of ids, as argument number
// n, and that argument: a JSON array on SQLite, an array on PostgreSQL.
// Its text does not change with the number of ids, so the statement is
// prepared once rather than parsed again for each batch.
func (s *Store) inIDs(column string, n int, ids []int64) (string, any) {
	mark := "$" + strconv.Itoa(n)
	if s.db.Dialect == db.Postgres {
		return column + " = ANY(" + mark + ")", ids
	}
	list, _ := json.Marshal(ids)
	return column + " IN (SELECT value FROM json_each(" + mark + "))", string(list)
}

// markSent records rows their receiver accepted, in one statement, if
// they are still leased until held (the zero time: whatever their lease).
// It returns how many it marked: fewer means a lease ran out first and
// another sender may send those rows too.
func (s *Store) markSent(ctx context.Context, table string, ids []int64, held time.Time) (int, error) {
	if len(ids) == 0 {
		return 0, nil
	}
	cond, lead := leased(held, 3)
	in, list := s.inIDs("id", 2, ids)
	rows, err := s.query(ctx, `UPDATE `+table+` SET state = 'sent', attempts = attempts + 1, sends = sends + 1, sent_at = $1, last_error = ''
		WHERE state = 'pending'`+cond+` AND `+in+` RETURNING id`, append([]any{s.now().UTC(), list}, lead...)...)
	if err != nil {
		return 0, err
	}
	sent, err := rows.ids()
	if err != nil {
		return 0, err
	}
	marked := make(map[int64]bool, len(sent))
	for _, id := range sent {
		marked[id] = true
	}
	// The rest were sent all the same: count it, so the history shows a
	// delivery another sender sent too.
	var late []int64
	for _, id := range ids {
		if !marked[id] {
			late = append(late, id)
		}
	}
	if len(late) > 0 {
		in, list := s.inIDs("id", 1, late)
		if _, err := s.exec(ctx, `UPDATE `+table+` SET sends = sends + 1 WHERE `+in, list); err != nil {
			return len(marked), err
		}
	}
	return len(marked), nil
}

// leased is the condition that rows are still leased until held, with
// its argument numbered n; none for the zero time.
func leased(held time.Time, n int) (string, []any) {
	if held.IsZero() {
		return "", nil
	}
	return " AND next_attempt_at = $" + strconv.Itoa(n), []any{held.UTC()}
}

// markFailed records a failed attempt: tried again at next, or, when next
// is zero, given up on (the user sees it failed); only while the row is
// still leased until held (the zero time: whatever its lease).
func (s *Store) markFailed(ctx context.Context, table string, id int64, reason string, next, held time.Time) error {
	state := "pending"
	if next.IsZero() {
		state, next = "failed", s.now().UTC()
	}
	cond, lead := leased(held, 5)
	_, err := s.exec(ctx, `UPDATE `+table+` SET state = $2, attempts = attempts + 1, next_attempt_at = $3, last_error = $4 WHERE id = $1 AND state = 'pending'`+cond,
		append([]any{id, state, next.UTC(), reason}, lead...)...)
	return err
}

// renew moves the lease of those of ids still leased until held to end
// lease from now, and returns them and the new end. A row another sender
// claimed meanwhile is no longer leased until held, so it stays theirs.
func (s *Store) renew(ctx context.Context, table string, ids []int64, held time.Time, lease time.Duration) ([]int64, time.Time, error) {
	until := s.now().UTC().Add(lease).Truncate(time.Microsecond)
	if len(ids) == 0 {
		return nil, until, nil
	}
	in, list := s.inIDs("id", 3, ids)
	rows, err := s.query(ctx, `UPDATE `+table+` SET next_attempt_at = $1 WHERE state = 'pending' AND next_attempt_at = $2 AND `+in+` RETURNING id`,
		until, held.UTC(), list)
	if err != nil {
		return nil, held, err
	}
	kept, err := rows.ids()
	if err != nil {
		return nil, held, err
	}
	return kept, until, nil
}

// release gives back rows a sender claimed until held and did not try,
// due again at once.
func (s *Store) release(ctx context.Context, table string, ids []int64, held time.Time) error {
	if len(ids) == 0 {
		return nil
	}
	in, list := s.inIDs("id", 3, ids)
	_, err := s.exec(ctx, `UPDATE `+table+` SET next_attempt_at = $1 WHERE state = 'pending' AND next_attempt_at = $2 AND `+in,
		s.now().UTC(), held.UTC(), list)
	return err
}
