package store

import (
	"context"
	"fmt"
	"time"
)

// SaveOddsModel stores a renewal-odds model of a version fitted as of a
// cut-off day (YYYY-MM-DD), replacing one of the same version and day.
func (s *Store) SaveOddsModel(ctx context.Context, version, cutoff string, fittedAt time.Time, model []byte) error {
	return s.InTx(ctx, func(tx *Store) error {
		_, err := tx.exec(ctx, `INSERT INTO odds_models (version, cutoff, fitted_at, model) VALUES ($1, $2, $3, $4)
		ON CONFLICT (version, cutoff) DO UPDATE SET fitted_at = excluded.fitted_at, model = excluded.model`,
			version, cutoff, fittedAt.UTC(), model)
		if err != nil {
			return fmt.Errorf("save odds model of %s: %w", cutoff, err)
		}
		return tx.bump(ctx, GenOdds)
	})
}

// OddsModel loads the model of a version with the latest cut-off no
// later than day (YYYY-MM-DD), and that cut-off; ErrNotFound when there
// is none.
func (s *Store) OddsModel(ctx context.Context, version, day string) (cutoff string, model []byte, err error) {
	err = s.queryRow(ctx, `SELECT cutoff, model FROM odds_models WHERE version = $1 AND cutoff <= $2 ORDER BY cutoff DESC LIMIT 1`,
		version, day).Scan(&cutoff, &model)
	if err != nil {
		return "", nil, fmt.Errorf("odds model for %s: %w", day, err)
	}
	return cutoff, model, nil
}

// OddsModelCutoffs lists the cut-offs of the stored models of a version,
// oldest first.
func (s *Store) OddsModelCutoffs(ctx context.Context, version string) ([]string, error) {
	rows, err := s.query(ctx, `SELECT cutoff FROM odds_models WHERE version = $1 ORDER BY cutoff`, version)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// PruneOddsModels deletes the models of other versions, and of this one
// those of days before today that are not a month's first: the month's
// model answers for them.
func (s *Store) PruneOddsModels(ctx context.Context, version, today string) (int64, error) {
	var n int64
	err := s.InTx(ctx, func(tx *Store) error {
		res, err := tx.exec(ctx, `DELETE FROM odds_models WHERE version <> $1 OR (cutoff < $2 AND substr(cutoff, 9, 2) <> '01')`, version, today)
		if err != nil {
			return fmt.Errorf("prune odds models: %w", err)
		}
		if n, _ = res.RowsAffected(); n == 0 {
			return nil
		}
		// A day whose model went is answered by its month's now.
		return tx.bump(ctx, GenOdds)
	})
	return n, err
}
