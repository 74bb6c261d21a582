package store

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// SyncState reads a sync's saved value (a resume point), or "" when none
// was saved.
func (s *Store) SyncState(ctx context.Context, key string) (string, error) {
	var v string
	err := s.queryRow(ctx, `SELECT value FROM sync_state WHERE key = $1`, key).Scan(&v)
	if errors.Is(err, ErrNotFound) {
		return "", nil
	}
	return v, err
}

// SetSyncState saves a sync's value.
func (s *Store) SetSyncState(ctx context.Context, key, value string) error {
	_, err := s.exec(ctx, `
		INSERT INTO sync_state (key, value, updated_at) VALUES ($1, $2, $3)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
		key, value, s.now().UTC())
	if err != nil {
		return fmt.Errorf("save sync state %s: %w", key, err)
	}
	return nil
}

// Retry is a show whose sync failed and is to be tried again.
type Retry struct {
	ExternalID  int64
	Attempts    int
	LastError   string
	NextAttempt time.Time
}

// AddRetry records a failed sync of a show. Each failure doubles the wait
// before the next attempt, from base.
func (s *Store) AddRetry(ctx context.Context, provider string, id int64, cause error, base time.Duration) error {
	var attempts int
	err := s.queryRow(ctx, `SELECT attempts FROM sync_retries WHERE provider = $1 AND external_id = $2`, provider, id).Scan(&attempts)
	if err != nil && !errors.Is(err, ErrNotFound) {
		return err
	}
	attempts++
	next := s.now().UTC().Add(base << min(attempts-1, 10))
	msg := cause.Error()
	if len(msg) > 1000 {
		msg = msg[:1000]
	}
	_, err = s.exec(ctx, `
		INSERT INTO sync_retries (provider, external_id, attempts, last_error, next_attempt) VALUES ($1, $2, $3, $4, $5)
		ON CONFLICT (provider, external_id) DO UPDATE SET attempts = excluded.attempts, last_error = excluded.last_error,
			next_attempt = excluded.next_attempt`, provider, id, attempts, msg, next)
	if err != nil {
		return fmt.Errorf("record retry of %s %d: %w", provider, id, err)
	}
	return nil
}

// Retries lists the shows to try again, due ones first; with dueOnly,
// only those whose time has come.
func (s *Store) Retries(ctx context.Context, provider string, dueOnly bool) ([]Retry, error) {
	until := time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)
	if dueOnly {
		until = s.now().UTC()
	}
	rows, err := s.query(ctx, `
		SELECT external_id, attempts, last_error, next_attempt FROM sync_retries
		WHERE provider = $1 AND next_attempt <= $2 ORDER BY next_attempt, external_id`, provider, until)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Retry
	for rows.Next() {
		var r Retry
		if err := rows.Scan(&r.ExternalID, &r.Attempts, &r.LastError, &r.NextAttempt); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// ClearRetry forgets a show's failures once it synced.
func (s *Store) ClearRetry(ctx context.Context, provider string, id int64) error {
	_, err := s.exec(ctx, `DELETE FROM sync_retries WHERE provider = $1 AND external_id = $2`, provider, id)
	return err
}
