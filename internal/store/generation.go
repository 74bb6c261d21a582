package store

import (
	"context"
	"errors"
	"fmt"
)

// GenOdds names the generation of what the renewal odds are computed
// from — chart weeks, the lists of originals, the fitted models — and of
// the events that change what is known of a season's fate: a count raised
// in the transaction of every change to them (migration 022), so that an
// instance compares one small read with what it loaded.
const GenOdds = "odds"

// bump raises the generation of name; call it within the transaction of
// the change.
func (s *Store) bump(ctx context.Context, name string) error {
	_, err := s.exec(ctx, `INSERT INTO generations (name, n) VALUES ($1, 1) ON CONFLICT (name) DO UPDATE SET n = generations.n + 1`, name)
	if err != nil {
		return fmt.Errorf("note a change to %s: %w", name, err)
	}
	return nil
}

// Generation is the count of changes to name so far (0: none yet).
func (s *Store) Generation(ctx context.Context, name string) (int64, error) {
	var n int64
	err := s.queryRow(ctx, `SELECT n FROM generations WHERE name = $1`, name).Scan(&n)
	if err != nil && !errors.Is(err, ErrNotFound) {
		return 0, fmt.Errorf("generation of %s: %w", name, err)
	}
	return n, nil
}
