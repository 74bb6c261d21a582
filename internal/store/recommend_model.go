package store

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// keptModels is how many fitted models are kept; older ones are deleted.
const keptModels = 2

// SaveRecommendModel stores a fitted model and drops all but the latest.
func (s *Store) SaveRecommendModel(ctx context.Context, fittedAt time.Time, model []byte) error {
	return s.InTx(ctx, func(tx *Store) error {
		if _, err := tx.exec(ctx, `INSERT INTO recommend_models (fitted_at, model) VALUES ($1, $2)`, fittedAt.UTC(), model); err != nil {
			return fmt.Errorf("save recommendation model: %w", err)
		}
		_, err := tx.exec(ctx, `DELETE FROM recommend_models WHERE id NOT IN (SELECT id FROM recommend_models ORDER BY id DESC LIMIT $1)`, keptModels)
		return err
	})
}

// RecommendModelTime is when the latest stored model was fitted; zero
// when there is none.
func (s *Store) RecommendModelTime(ctx context.Context) (time.Time, error) {
	var t time.Time
	err := s.queryRow(ctx, `SELECT fitted_at FROM recommend_models ORDER BY id DESC LIMIT 1`).Scan(&t)
	if err != nil && !errors.Is(err, ErrNotFound) {
		return t, err
	}
	return t.UTC(), nil
}

// RecommendModel loads the latest stored model.
func (s *Store) RecommendModel(ctx context.Context) ([]byte, error) {
	var b []byte
	if err := s.queryRow(ctx, `SELECT model FROM recommend_models ORDER BY id DESC LIMIT 1`).Scan(&b); err != nil {
		return nil, fmt.Errorf("recommendation model: %w", err)
	}
	return b, nil
}
