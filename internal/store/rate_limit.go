package store

import (
	"context"
	"errors"
	"time"
)

// TakeAttempt spends one of key's attempts, if it has one left: a burst
// of burst, then one every every (a generic cell rate algorithm, kept in
// the database so that every instance shares the limit). It reports
// whether the attempt was allowed; a refused attempt spends nothing.
func (s *Store) TakeAttempt(ctx context.Context, key string, every time.Duration, burst int) (bool, error) {
	now := s.now().UnixMilli()
	interval, tolerance := every.Milliseconds(), every.Milliseconds()*int64(burst-1)
	var ok int
	// The numbers are cast so that PostgreSQL knows their type.
	err := s.queryRow(ctx, `
		INSERT INTO rate_limits (key, tat, ok) VALUES ($1, CAST($2 AS BIGINT) + CAST($3 AS BIGINT), 1)
		ON CONFLICT (key) DO UPDATE SET
			ok = CASE WHEN rate_limits.tat - CAST($4 AS BIGINT) <= CAST($2 AS BIGINT) THEN 1 ELSE 0 END,
			tat = CASE WHEN rate_limits.tat - CAST($4 AS BIGINT) <= CAST($2 AS BIGINT)
				THEN (CASE WHEN rate_limits.tat > CAST($2 AS BIGINT) THEN rate_limits.tat ELSE CAST($2 AS BIGINT) END) + CAST($3 AS BIGINT)
				ELSE rate_limits.tat END
		RETURNING ok`, key, now, interval, tolerance).Scan(&ok)
	if err != nil {
		return false, err
	}
	// Keys whose buckets have refilled are as good as absent.
	if _, err := s.exec(ctx, `DELETE FROM rate_limits WHERE tat < $1`, now); err != nil {
		return false, err
	}
	return ok == 1, nil
}

// AttemptsLeft reports whether key may try now, spending nothing.
func (s *Store) AttemptsLeft(ctx context.Context, key string, every time.Duration, burst int) (bool, error) {
	var tat int64
	err := s.queryRow(ctx, `SELECT tat FROM rate_limits WHERE key = $1`, key).Scan(&tat)
	if errors.Is(err, ErrNotFound) {
		return true, nil
	}
	if err != nil {
		return false, err
	}
	return tat-every.Milliseconds()*int64(burst-1) <= s.now().UnixMilli(), nil
}

// ReserveTurn reserves key's next turn, one every every, and says how
// long to wait for it (0: go now). Instances sharing the database share
// the turns, so together they keep the pace one would. Turns are timed
// by the wall clock: they pace real calls.
func (s *Store) ReserveTurn(ctx context.Context, key string, every time.Duration) (time.Duration, error) {
	now := time.Now().UnixMilli()
	var tat int64
	err := s.queryRow(ctx, `
		INSERT INTO rate_limits (key, tat, ok) VALUES ($1, CAST($2 AS BIGINT) + CAST($3 AS BIGINT), 1)
		ON CONFLICT (key) DO UPDATE SET
			tat = (CASE WHEN rate_limits.tat > CAST($2 AS BIGINT) THEN rate_limits.tat ELSE CAST($2 AS BIGINT) END) + CAST($3 AS BIGINT)
		RETURNING tat`, key, now, every.Milliseconds()).Scan(&tat)
	if err != nil {
		return 0, err
	}
	return time.Duration(max(tat-every.Milliseconds()-now, 0)) * time.Millisecond, nil
}
