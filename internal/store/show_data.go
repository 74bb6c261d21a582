package store

import (
	"context"
	"fmt"

	"github.com/nextseason/nextseason/internal/facts"
	"github.com/nextseason/nextseason/internal/model"
)

// ShowData loads everything else an outlook of a show already loaded is
// composed from.
func (s *Store) ShowData(ctx context.Context, show model.Show) (facts.ShowData, error) {
	by, err := s.showsData(ctx, []model.Show{show})
	return by[show.ID], err
}

// ShowsData loads, for many shows at once, the shows and everything their
// outlooks are composed from, in seven queries whatever their number
// (the ids are one array argument). Ids not found are absent.
func (s *Store) ShowsData(ctx context.Context, ids []int64) (map[int64]facts.ShowData, error) {
	shows, err := s.Shows(ctx, ids)
	if err != nil {
		return nil, err
	}
	return s.showsData(ctx, shows)
}

// Shows loads shows by id, with their aliases, in the order given; ids
// not found are left out.
func (s *Store) Shows(ctx context.Context, ids []int64) ([]model.Show, error) {
	found := make(map[int64]model.Show, len(ids))
	in, list := s.inIDs("id", 1, ids)
	rows, err := s.query(ctx, `SELECT `+showColumns+` FROM shows WHERE `+in, list)
	if err != nil {
		return nil, fmt.Errorf("shows: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		sh, err := scanShow(rows)
		if err != nil {
			return nil, fmt.Errorf("shows: %w", err)
		}
		found[sh.ID] = sh
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("shows: %w", err)
	}
	in, list = s.inIDs("show_id", 1, ids)
	aliases, err := s.aliasesOf(ctx, `WHERE `+in, list)
	if err != nil {
		return nil, fmt.Errorf("shows: %w", err)
	}
	for id, a := range aliases {
		sh := found[id]
		sh.Aliases = a
		found[id] = sh
	}
	out := make([]model.Show, 0, len(found))
	for _, id := range ids {
		if sh, ok := found[id]; ok {
			out = append(out, sh)
			delete(found, id) // an id given twice comes once
		}
	}
	return out, nil
}

// showsData loads the seasons, episodes, credits, claims and chart weeks
// of shows already loaded, in five queries.
func (s *Store) showsData(ctx context.Context, shows []model.Show) (map[int64]facts.ShowData, error) {
	out := make(map[int64]facts.ShowData, len(shows))
	ids := make([]int64, len(shows))
	for i, sh := range shows {
		out[sh.ID] = facts.ShowData{Show: sh}
		ids[i] = sh.ID
	}
	in, list := s.inIDs("show_id", 1, ids)
	seasons, err := s.querySeasons(ctx, `WHERE `+in, list)
	if err != nil {
		return nil, err
	}
	episodes, err := s.queryEpisodes(ctx, `WHERE `+in, list)
	if err != nil {
		return nil, err
	}
	weeks, err := s.viewership(ctx, `WHERE `+in, list)
	if err != nil {
		return nil, err
	}
	in, list = s.inIDs("c.show_id", 1, ids)
	credits, err := s.queryCredits(ctx, `WHERE `+in, list)
	if err != nil {
		return nil, err
	}
	claims, err := s.queryClaims(ctx, claimQuery+` WHERE `+in+` ORDER BY c.stated_at, c.id`, list)
	if err != nil {
		return nil, err
	}
	each := func(id int64, add func(*facts.ShowData)) {
		d := out[id]
		add(&d)
		out[id] = d
	}
	for _, x := range seasons {
		each(x.ShowID, func(d *facts.ShowData) { d.Seasons = append(d.Seasons, x) })
	}
	for _, x := range episodes {
		each(x.ShowID, func(d *facts.ShowData) { d.Episodes = append(d.Episodes, x) })
	}
	for _, x := range credits {
		each(x.ShowID, func(d *facts.ShowData) { d.Credits = append(d.Credits, x) })
	}
	for _, x := range claims {
		each(x.ShowID, func(d *facts.ShowData) { d.Claims = append(d.Claims, x.Claim) })
	}
	for _, x := range weeks {
		each(x.ShowID, func(d *facts.ShowData) { d.Viewership = append(d.Viewership, x) })
	}
	return out, nil
}
