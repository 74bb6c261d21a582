package store

import (
	"context"
	"errors"
	"time"
)

// OutboxStat is how many messages of a channel are in a state, and, for
// pending ones, when the oldest of those whose time has come was due.
type OutboxStat struct {
	Channel   string // webhook or email
	State     string // pending, sent or failed
	Count     int
	OldestDue time.Time // pending only; zero when none is due
}

// OutboxStats counts webhook deliveries and mails by state, with the due
// time of the oldest pending one whose time has come (what an operator
// alerts on: sending that has fallen behind).
func (s *Store) OutboxStats(ctx context.Context) ([]OutboxStat, error) {
	var out []OutboxStat
	for _, ch := range []struct{ channel, table string }{{"webhook", "deliveries"}, {"email", "mails"}} {
		rows, err := s.query(ctx, `SELECT state, COUNT(*) FROM `+ch.table+` GROUP BY state ORDER BY state`)
		if err != nil {
			return nil, err
		}
		var got []OutboxStat
		for rows.Next() {
			st := OutboxStat{Channel: ch.channel}
			if err := rows.Scan(&st.State, &st.Count); err != nil {
				rows.Close()
				return nil, err
			}
			got = append(got, st)
		}
		if err := rows.Close(); err != nil {
			return nil, err
		}
		var oldest time.Time
		err = s.queryRow(ctx, `SELECT next_attempt_at FROM `+ch.table+` WHERE state = 'pending' AND next_attempt_at <= $1
			ORDER BY next_attempt_at LIMIT 1`, s.now().UTC()).Scan(&oldest)
		if err != nil && !errors.Is(err, ErrNotFound) {
			return nil, err
		}
		for i := range got {
			if got[i].State == "pending" {
				got[i].OldestDue = oldest
			}
		}
		out = append(out, got...)
	}
	return out, nil
}

// ClaimStateCounts counts claims by their latest review state (proposed,
// accepted, rejected …).
func (s *Store) ClaimStateCounts(ctx context.Context) (map[string]int, error) {
	rows, err := s.query(ctx, `SELECT r.state, COUNT(*) FROM claims c
		JOIN claim_reviews r ON r.id = (SELECT MAX(id) FROM claim_reviews WHERE claim_id = c.id) GROUP BY r.state`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var (
			state string
			n     int
		)
		if err := rows.Scan(&state, &n); err != nil {
			return nil, err
		}
		out[state] = n
	}
	return out, rows.Err()
}
