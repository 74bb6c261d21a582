package store

import (
	"context"
	"errors"
	"fmt"

	"github.com/nextseason/nextseason/internal/model"
)

// SaveSeason inserts or updates a season of a show.
func (s *Store) SaveSeason(ctx context.Context, se model.Season) (Change, error) {
	var change Change
	err := s.InTx(ctx, func(tx *Store) error {
		old, err := tx.season(ctx, se.ShowID, se.Number)
		switch {
		case errors.Is(err, ErrNotFound):
			change = Created
		case err != nil:
			return err
		case old == se:
			return nil
		default:
			change = Updated
		}
		_, err = tx.exec(ctx, `
			INSERT INTO seasons (show_id, number, name, episode_order, premiere, end_date, tvmaze_id)
			VALUES ($1, $2, $3, $4, $5, $6, $7)
			ON CONFLICT (show_id, number) DO UPDATE SET name = excluded.name, episode_order = excluded.episode_order,
				premiere = excluded.premiere, end_date = excluded.end_date, tvmaze_id = excluded.tvmaze_id`,
			se.ShowID, se.Number, se.Name, se.EpisodeOrder, se.Premiere.String(), se.End.String(), nullInt(se.TVmazeID))
		if err != nil {
			return fmt.Errorf("save season %d of show %d: %w", se.Number, se.ShowID, err)
		}
		return nil
	})
	return change, err
}

func (s *Store) season(ctx context.Context, showID int64, number int) (model.Season, error) {
	seasons, err := s.querySeasons(ctx, `WHERE show_id = $1 AND number = $2`, showID, number)
	if err != nil {
		return model.Season{}, err
	}
	if len(seasons) == 0 {
		return model.Season{}, ErrNotFound
	}
	return seasons[0], nil
}

// Seasons lists a show's seasons in order.
func (s *Store) Seasons(ctx context.Context, showID int64) ([]model.Season, error) {
	return s.querySeasons(ctx, `WHERE show_id = $1`, showID)
}

func (s *Store) querySeasons(ctx context.Context, where string, args ...any) ([]model.Season, error) {
	rows, err := s.query(ctx, `SELECT show_id, number, name, episode_order, premiere, end_date, COALESCE(tvmaze_id, 0)
		FROM seasons `+where+` ORDER BY number`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.Season
	for rows.Next() {
		var (
			se        model.Season
			prem, end string
		)
		if err := rows.Scan(&se.ShowID, &se.Number, &se.Name, &se.EpisodeOrder, &prem, &end, &se.TVmazeID); err != nil {
			return nil, err
		}
		if se.Premiere, err = scanDate(prem); err != nil {
			return nil, err
		}
		if se.End, err = scanDate(end); err != nil {
			return nil, err
		}
		out = append(out, se)
	}
	return out, rows.Err()
}
