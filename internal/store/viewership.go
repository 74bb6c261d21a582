package store

import (
	"context"
	"fmt"

	"github.com/nextseason/nextseason/internal/model"
)

// SaveViewership records a chart week, keyed by chart, week, category and
// rank. Recording the same week again is Unchanged.
func (s *Store) SaveViewership(ctx context.Context, v model.Viewership) (Change, error) {
	res, err := s.exec(ctx, `
		INSERT INTO viewership (chart, week_ending, category, rank, show_title, season_title, hours_viewed, views,
			cumulative_weeks, show_id, season)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
		ON CONFLICT (chart, week_ending, category, rank) DO UPDATE SET show_title = excluded.show_title,
			season_title = excluded.season_title, hours_viewed = excluded.hours_viewed, views = excluded.views,
			cumulative_weeks = excluded.cumulative_weeks, show_id = excluded.show_id, season = excluded.season
		WHERE viewership.show_title <> excluded.show_title OR viewership.season_title <> excluded.season_title
			OR viewership.hours_viewed <> excluded.hours_viewed OR viewership.views <> excluded.views
			OR viewership.cumulative_weeks <> excluded.cumulative_weeks
			OR COALESCE(viewership.show_id, 0) <> COALESCE(excluded.show_id, 0) OR viewership.season <> excluded.season`,
		v.Chart, v.WeekEnding.String(), v.Category, v.Rank, v.ShowTitle, v.SeasonTitle, v.HoursViewed, v.Views,
		v.CumulativeWeeks, nullInt(v.ShowID), v.Season)
	if err != nil {
		return Unchanged, fmt.Errorf("save %s week %s #%d: %w", v.Chart, v.WeekEnding, v.Rank, mapErr(err))
	}
	if n, _ := res.RowsAffected(); n > 0 {
		return Updated, nil
	}
	return Unchanged, nil
}

// Viewership lists a show's chart weeks, oldest first.
func (s *Store) Viewership(ctx context.Context, showID int64) ([]model.Viewership, error) {
	return s.viewership(ctx, `WHERE show_id = $1`, showID)
}

// viewership loads the weeks matching where (with its argument).
func (s *Store) viewership(ctx context.Context, where string, arg any) ([]model.Viewership, error) {
	rows, err := s.query(ctx, `
		SELECT chart, week_ending, category, rank, show_title, season_title, hours_viewed, views, cumulative_weeks,
			COALESCE(show_id, 0), season
		FROM viewership `+where+` ORDER BY week_ending, chart, category, rank`, arg)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	var out []model.Viewership
	for rows.Next() {
		var (
			v    model.Viewership
			week string
		)
		if err := rows.Scan(&v.Chart, &week, &v.Category, &v.Rank, &v.ShowTitle, &v.SeasonTitle, &v.HoursViewed, &v.Views,
			&v.CumulativeWeeks, &v.ShowID, &v.Season); err != nil {
			return nil, mapErr(err)
		}
		if v.WeekEnding, err = scanDate(week); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, mapErr(rows.Err())
}
