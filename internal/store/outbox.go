package store

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Outboxes (deliveries, mails) are tables of messages written in the
// same transaction as what they announce, each pending until sent or
// given up on. These record the outcome of an attempt; table is one of
// those names, never outside input.

// claim takes up to limit pending rows whose time has come, oldest
// first, for lease: their next attempt moves to the lease's end, so no
// other sender (another job, another instance) takes them meanwhile, and
// rows a crashed sender held become due again when it ends. The outer
// conditions are checked again on rows another claim changed first, so
// two claims never take the same row.
func (s *Store) claim(ctx context.Context, table string, limit int, lease time.Duration) ([]int64, error) {
	now := s.now().UTC()
	rows, err := s.query(ctx, `UPDATE `+table+` SET next_attempt_at = $1
		WHERE state = 'pending' AND next_attempt_at <= $2 AND id IN (
			SELECT id FROM `+table+` WHERE state = 'pending' AND next_attempt_at <= $2 ORDER BY next_attempt_at, id LIMIT $3)
		RETURNING id`, now.Add(lease), now, limit)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, mapErr(err)
		}
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids, mapErr(rows.Err())
}

// idList is "$first, $first+1, …" for ids, and ids as arguments, for an
// IN list. Statements using it are not prepared: their text changes with
// the number of ids.
func idList(first int, ids []int64) (string, []any) {
	marks := make([]string, len(ids))
	args := make([]any, len(ids))
	for i, id := range ids {
		marks[i], args[i] = "$"+strconv.Itoa(first+i), id
	}
	return strings.Join(marks, ", "), args
}

// markSent records rows their receiver accepted, in one statement.
func (s *Store) markSent(ctx context.Context, table string, ids []int64) error {
	if len(ids) == 0 {
		return nil
	}
	marks, args := idList(2, ids)
	_, err := s.q.ExecContext(ctx, `UPDATE `+table+` SET state = 'sent', attempts = attempts + 1, sent_at = $1, last_error = ''
		WHERE id IN (`+marks+`)`, append([]any{s.now().UTC()}, args...)...)
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
