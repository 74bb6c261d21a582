package store

import (
	"context"
	"encoding/json"
	"fmt"
)

// ShowSignal is what recommendations know of a show.
type ShowSignal struct {
	ID                       int64
	Slug, Title, Network     string
	Language, ProviderStatus string
	Genres                   []string
	Runtime, Popularity      int
	Seasons, Top10Weeks      int
	Followers                int
	People                   []int64 // its cast and crew, not guests
	HasDecision              bool    // claims about its renewal exist
}

// FollowSignal is one user's follow, watched and rating.
type FollowSignal struct {
	UserID, ShowID int64
	Watched        bool
	Rating         int
}

// RecommendSignals loads, in a few statements, what recommendations learn
// from: every confirmed show with its features, seasons, weeks in the
// Netflix Top 10, followers and people; and every follow.
func (s *Store) RecommendSignals(ctx context.Context) ([]ShowSignal, []FollowSignal, error) {
	rows, err := s.query(ctx, `SELECT id, slug, title, network, language, provider_status, genres, runtime, popularity
		FROM shows WHERE NOT proposed ORDER BY id`)
	if err != nil {
		return nil, nil, err
	}
	var shows []ShowSignal
	index := map[int64]int{}
	for rows.Next() {
		var sh ShowSignal
		var genres string
		if err := rows.Scan(&sh.ID, &sh.Slug, &sh.Title, &sh.Network, &sh.Language, &sh.ProviderStatus, &genres, &sh.Runtime, &sh.Popularity); err != nil {
			rows.Close()
			return nil, nil, err
		}
		if err := json.Unmarshal([]byte(genres), &sh.Genres); err != nil {
			rows.Close()
			return nil, nil, fmt.Errorf("show %d genres: %w", sh.ID, err)
		}
		index[sh.ID] = len(shows)
		shows = append(shows, sh)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, nil, err
	}
	perShow := func(query string, set func(sh *ShowSignal, v int64)) error {
		rows, err := s.query(ctx, query)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var id, v int64
			if err := rows.Scan(&id, &v); err != nil {
				return err
			}
			if i, ok := index[id]; ok {
				set(&shows[i], v)
			}
		}
		return rows.Err()
	}
	for _, q := range []struct {
		query string
		set   func(sh *ShowSignal, v int64)
	}{
		{`SELECT show_id, MAX(number) FROM seasons GROUP BY show_id`, func(sh *ShowSignal, v int64) { sh.Seasons = max(sh.Seasons, int(v)) }},
		{`SELECT show_id, MAX(season) FROM episodes GROUP BY show_id`, func(sh *ShowSignal, v int64) { sh.Seasons = max(sh.Seasons, int(v)) }},
		{`SELECT show_id, COUNT(*) FROM viewership WHERE show_id IS NOT NULL GROUP BY show_id`, func(sh *ShowSignal, v int64) { sh.Top10Weeks = int(v) }},
		{`SELECT show_id, COUNT(*) FROM follows GROUP BY show_id`, func(sh *ShowSignal, v int64) { sh.Followers = int(v) }},
		{`SELECT DISTINCT show_id, person_id FROM credits WHERE role <> 'guest'`, func(sh *ShowSignal, v int64) { sh.People = append(sh.People, v) }},
		{`SELECT DISTINCT show_id, 1 FROM claims WHERE kind = 'renewal'`, func(sh *ShowSignal, v int64) { sh.HasDecision = true }},
	} {
		if err := perShow(q.query, q.set); err != nil {
			return nil, nil, err
		}
	}
	rows, err = s.query(ctx, `SELECT user_id, show_id, watched, COALESCE(rating, 0) FROM follows ORDER BY user_id, show_id`)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	var follows []FollowSignal
	for rows.Next() {
		var f FollowSignal
		if err := rows.Scan(&f.UserID, &f.ShowID, &f.Watched, &f.Rating); err != nil {
			return nil, nil, err
		}
		follows = append(follows, f)
	}
	return shows, follows, rows.Err()
}
