package store

import (
	"context"
	"strconv"
	"strings"
	"time"
)

// Outboxes (deliveries, mails) are tables of messages written in the
// same transaction as what they announce, each pending until sent or
// given up on. These record the outcome of an attempt; table is one of
// those names, never outside input.

// markSent records rows their receiver accepted, in one statement.
func (s *Store) markSent(ctx context.Context, table string, ids []int64) error {
	if len(ids) == 0 {
		return nil
	}
	args := []any{s.now().UTC()}
	marks := make([]string, len(ids))
	for i, id := range ids {
		args = append(args, id)
		marks[i] = "$" + strconv.Itoa(i+2)
	}
	// Not prepared: the statement's text changes with the number of ids.
	_, err := s.q.ExecContext(ctx, `UPDATE `+table+` SET state = 'sent', attempts = attempts + 1, sent_at = $1, last_error = ''
		WHERE id IN (`+strings.Join(marks, ", ")+`)`, args...)
	return mapErr(err)
}

// markFailed records a failed attempt: tried again at next, or, when next
// is zero, given up on (the user sees it failed).
func (s *Store) markFailed(ctx context.Context, table string, id int64, reason string, next time.Time) error {
	state := "pending"
	if next.IsZero() {
		state, next = "failed", s.now().UTC()
	}
	_, err := s.exec(ctx, `UPDATE `+table+` SET state = $2, attempts = attempts + 1, next_attempt_at = $3, last_error = $4 WHERE id = $1`,
		id, state, next.UTC(), reason)
	return mapErr(err)
}
