package store

import (
	"context"
	"fmt"
	"time"

	"github.com/nextseason/nextseason/internal/match"
	"github.com/nextseason/nextseason/internal/model"
)

// SaveOriginals stores rows of Wikipedia's lists of Netflix originals in
// one transaction; a show already listed in the same list is replaced.
// It reports how many rows were new.
func (s *Store) SaveOriginals(ctx context.Context, rows []model.NetflixOriginal) (int, error) {
	added := 0
	err := s.InTx(ctx, func(tx *Store) error {
		for _, o := range rows {
			var existed int
			key := match.Key(o.Title)
			if err := tx.queryRow(ctx, `SELECT COUNT(*) FROM netflix_originals WHERE title_key = $1 AND ended = $2`, key, o.Ended).Scan(&existed); err != nil {
				return err
			}
			_, err := tx.exec(ctx, `
				INSERT INTO netflix_originals (title_key, ended, title, premiere, finale, seasons, genre, language, miniseries, excluded, listed)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
				ON CONFLICT (title_key, ended) DO UPDATE SET title = excluded.title, premiere = excluded.premiere, finale = excluded.finale,
					seasons = excluded.seasons, genre = excluded.genre, language = excluded.language, miniseries = excluded.miniseries,
					excluded = excluded.excluded, listed = excluded.listed`,
				key, o.Ended, o.Title, day(o.Premiere), day(o.Finale), o.Seasons, o.Genre, o.Language, o.Miniseries, o.Excluded, day(o.Listed))
			if err != nil {
				return fmt.Errorf("save original %q: %w", o.Title, err)
			}
			if existed == 0 {
				added++
			}
		}
		if len(rows) == 0 {
			return nil
		}
		return tx.bump(ctx, GenOdds)
	})
	return added, err
}

// Originals loads every stored row of the lists.
func (s *Store) Originals(ctx context.Context) ([]model.NetflixOriginal, error) {
	rows, err := s.query(ctx, `SELECT title, ended, premiere, finale, seasons, genre, language, miniseries, excluded, listed
		FROM netflix_originals ORDER BY title_key, ended`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.NetflixOriginal
	for rows.Next() {
		var o model.NetflixOriginal
		var prem, fin, listed string
		if err := rows.Scan(&o.Title, &o.Ended, &prem, &fin, &o.Seasons, &o.Genre, &o.Language, &o.Miniseries, &o.Excluded, &listed); err != nil {
			return nil, err
		}
		o.Premiere, _ = time.Parse(time.DateOnly, prem)
		o.Finale, _ = time.Parse(time.DateOnly, fin)
		o.Listed, _ = time.Parse(time.DateOnly, listed)
		out = append(out, o)
	}
	return out, rows.Err()
}

// day is a date as stored, "" for none.
func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

// AllViewership loads every week of a chart, in week order.
func (s *Store) AllViewership(ctx context.Context, chart string) ([]model.Viewership, error) {
	return s.viewership(ctx, `WHERE chart = $1`, chart)
}
