package store

import (
	"context"
	"fmt"

	"github.com/nextseason/nextseason/internal/model"
)

// SaveEpisode inserts or updates an episode, keyed by its TVmaze id.
func (s *Store) SaveEpisode(ctx context.Context, e model.Episode) (Change, error) {
	var change Change
	err := s.InTx(ctx, func(tx *Store) error {
		olds, err := tx.queryEpisodes(ctx, `WHERE tvmaze_id = $1`, e.TVmazeID)
		switch {
		case err != nil:
			return err
		case len(olds) == 0:
			change = Created
		case olds[0] == e:
			return nil
		default:
			change = Updated
		}
		_, err = tx.exec(ctx, `
			INSERT INTO episodes (show_id, season, number, name, airdate, runtime, tvmaze_id)
			VALUES ($1, $2, $3, $4, $5, $6, $7)
			ON CONFLICT (tvmaze_id) DO UPDATE SET show_id = excluded.show_id, season = excluded.season, number = excluded.number,
				name = excluded.name, airdate = excluded.airdate, runtime = excluded.runtime`,
			e.ShowID, e.Season, e.Number, e.Name, e.Airdate.String(), e.Runtime, e.TVmazeID)
		if err != nil {
			return fmt.Errorf("save episode %d: %w", e.TVmazeID, err)
		}
		return nil
	})
	return change, err
}

// Episodes lists a show's episodes in airing order.
func (s *Store) Episodes(ctx context.Context, showID int64) ([]model.Episode, error) {
	return s.queryEpisodes(ctx, `WHERE show_id = $1`, showID)
}

func (s *Store) queryEpisodes(ctx context.Context, where string, args ...any) ([]model.Episode, error) {
	rows, err := s.query(ctx, `SELECT show_id, season, number, name, airdate, runtime, tvmaze_id
		FROM episodes `+where+` ORDER BY season, number, id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.Episode
	for rows.Next() {
		var (
			e       model.Episode
			airdate string
		)
		if err := rows.Scan(&e.ShowID, &e.Season, &e.Number, &e.Name, &airdate, &e.Runtime, &e.TVmazeID); err != nil {
			return nil, err
		}
		if e.Airdate, err = scanDate(airdate); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}
