package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/nextseason/nextseason/internal/model"
)

// viewershipBatch is how many rows one statement saves. Larger batches
// help PostgreSQL little and slow SQLite, whose driver binds parameters
// in time that grows faster than their number (BenchmarkImportAndScore
// in internal/odds: at 50 rows, 16,000–24,000 rows/s on SQLite and
// 13,000–16,000 on PostgreSQL; at 500, 5,000 and 15,000).
const viewershipBatch = 50

// SaveViewership records chart weeks, keyed by chart, week, category and
// rank (a key given twice keeps its last row), and reports how many were
// new or changed: recording the same weeks again changes none.
func (s *Store) SaveViewership(ctx context.Context, weeks []model.Viewership) (int, error) {
	type key struct {
		chart, week, category string
		rank                  int
	}
	last := map[key]int{}
	for i, v := range weeks {
		last[key{v.Chart, v.WeekEnding.String(), v.Category, v.Rank}] = i
	}
	var rows []model.Viewership
	for i, v := range weeks {
		if last[key{v.Chart, v.WeekEnding.String(), v.Category, v.Rank}] == i {
			rows = append(rows, v)
		}
	}
	changed := 0
	for len(rows) > 0 {
		batch := rows[:min(viewershipBatch, len(rows))]
		rows = rows[len(batch):]
		args := make([]any, 0, 11*len(batch))
		for _, v := range batch {
			args = append(args, v.Chart, v.WeekEnding.String(), v.Category, v.Rank, v.ShowTitle, v.SeasonTitle, v.HoursViewed, v.Views,
				v.CumulativeWeeks, nullInt(v.ShowID), v.Season)
		}
		var res sql.Result
		err := s.InTx(ctx, func(tx *Store) error {
			var err error
			res, err = tx.exec(ctx, `
			INSERT INTO viewership (chart, week_ending, category, rank, show_title, season_title, hours_viewed, views,
				cumulative_weeks, show_id, season)
			VALUES `+valuesList(len(batch), 11)+`
			ON CONFLICT (chart, week_ending, category, rank) DO UPDATE SET show_title = excluded.show_title,
				season_title = excluded.season_title, hours_viewed = excluded.hours_viewed, views = excluded.views,
				cumulative_weeks = excluded.cumulative_weeks, show_id = excluded.show_id, season = excluded.season
			WHERE viewership.show_title <> excluded.show_title OR viewership.season_title <> excluded.season_title
				OR viewership.hours_viewed <> excluded.hours_viewed OR viewership.views <> excluded.views
				OR viewership.cumulative_weeks <> excluded.cumulative_weeks
				OR COALESCE(viewership.show_id, 0) <> COALESCE(excluded.show_id, 0) OR viewership.season <> excluded.season`, args...)
			if err != nil {
				return err
			}
			if n, _ := res.RowsAffected(); n == 0 {
				return nil
			}
			return tx.bump(ctx, GenOdds)
		})
		if err != nil {
			return changed, fmt.Errorf("save %s weeks %s to %s: %w", batch[0].Chart, batch[0].WeekEnding, batch[len(batch)-1].WeekEnding, err)
		}
		n, _ := res.RowsAffected()
		changed += int(n)
	}
	return changed, nil
}

// Viewership lists a show's chart weeks, oldest first.
func (s *Store) Viewership(ctx context.Context, showID int64) ([]model.Viewership, error) {
	return s.viewership(ctx, `WHERE show_id = $1`, showID)
}

// viewership loads the weeks matching where (with its arguments).
func (s *Store) viewership(ctx context.Context, where string, args ...any) ([]model.Viewership, error) {
	rows, err := s.query(ctx, `
		SELECT chart, week_ending, category, rank, show_title, season_title, hours_viewed, views, cumulative_weeks,
			COALESCE(show_id, 0), season
		FROM viewership `+where+` ORDER BY week_ending, chart, category, rank`, args...)
	if err != nil {
		return nil, err
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
			return nil, err
		}
		if v.WeekEnding, err = scanDate(week); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// ChartedSeason is a catalog season's run in a chart, summed up.
type ChartedSeason struct {
	Show     model.Show
	Season   int
	LastWeek model.PartialDate // the latest week it charted, by its end
	BestRank int
	Weeks    int
}

// LatestCharted lists the catalog seasons whose chart weeks ended last,
// up to limit, latest first, each once, counting only weeks that ended
// by until.
func (s *Store) LatestCharted(ctx context.Context, until model.PartialDate, limit int) ([]ChartedSeason, error) {
	rows, err := s.query(ctx, `
		SELECT sh.id, sh.slug, sh.title, sh.network, sh.image_url, v.season, MAX(v.week_ending), MIN(v.rank), COUNT(*)
		FROM viewership v JOIN shows sh ON sh.id = v.show_id
		WHERE v.season > 0 AND v.week_ending <= $1
		GROUP BY sh.id, sh.slug, sh.title, sh.network, sh.image_url, v.season
		ORDER BY MAX(v.week_ending) DESC, MIN(v.rank), sh.id LIMIT $2`, until.String(), limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []ChartedSeason
	for rows.Next() {
		var c ChartedSeason
		var last string
		if err := rows.Scan(&c.Show.ID, &c.Show.Slug, &c.Show.Title, &c.Show.Network, &c.Show.Image, &c.Season, &last, &c.BestRank, &c.Weeks); err != nil {
			return nil, err
		}
		if c.LastWeek, err = scanDate(last); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}
