package store

import (
	"context"
	"fmt"
	"strconv"
	"strings"

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
// outlooks are composed from, in a fixed number of queries whatever their
// number (a batch of up to maxIn shows each). Ids not found are absent.
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
	err := inBatches(ids, func(marks string, args []any) error {
		rows, err := s.query(ctx, `SELECT `+showColumns+` FROM shows WHERE id IN (`+marks+`)`, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			sh, err := scanShow(rows)
			if err != nil {
				return err
			}
			found[sh.ID] = sh
		}
		if err := rows.Err(); err != nil {
			return err
		}
		aliases, err := s.aliasesOf(ctx, `WHERE show_id IN (`+marks+`)`, args...)
		for id, a := range aliases {
			sh := found[id]
			sh.Aliases = a
			found[id] = sh
		}
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("shows: %w", err)
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
// of shows already loaded, five queries a batch.
func (s *Store) showsData(ctx context.Context, shows []model.Show) (map[int64]facts.ShowData, error) {
	out := make(map[int64]facts.ShowData, len(shows))
	ids := make([]int64, len(shows))
	for i, sh := range shows {
		out[sh.ID] = facts.ShowData{Show: sh}
		ids[i] = sh.ID
	}
	err := inBatches(ids, func(marks string, args []any) error {
		seasons, err := s.querySeasons(ctx, `WHERE show_id IN (`+marks+`)`, args...)
		if err != nil {
			return err
		}
		episodes, err := s.queryEpisodes(ctx, `WHERE show_id IN (`+marks+`)`, args...)
		if err != nil {
			return err
		}
		credits, err := s.queryCredits(ctx, `WHERE c.show_id IN (`+marks+`)`, args...)
		if err != nil {
			return err
		}
		claims, err := s.queryClaims(ctx, claimQuery+` WHERE c.show_id IN (`+marks+`) ORDER BY c.stated_at, c.id`, args...)
		if err != nil {
			return err
		}
		weeks, err := s.viewership(ctx, `WHERE show_id IN (`+marks+`)`, args...)
		if err != nil {
			return err
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
		return nil
	})
	return out, err
}

// idList is "$first, $first+1, …" for ids, and ids as arguments, for an
// IN list.
func idList(first int, ids []int64) (string, []any) {
	marks := make([]string, len(ids))
	args := make([]any, len(ids))
	for i, id := range ids {
		marks[i], args[i] = "$"+strconv.Itoa(first+i), id
	}
	return strings.Join(marks, ", "), args
}

// maxIn is the most ids one IN list holds.
const maxIn = 500

// inBatches calls fn with IN lists of ids, maxIn at most each. A list is
// padded, repeating its last id, to 1, 8, 64 or maxIn places, so that a
// statement has few texts and stays prepared.
func inBatches(ids []int64, fn func(marks string, args []any) error) error {
	for len(ids) > 0 {
		batch := ids[:min(maxIn, len(ids))]
		ids = ids[len(batch):]
		size := maxIn
		for _, n := range []int{1, 8, 64} {
			if len(batch) <= n {
				size = n
				break
			}
		}
		padded := make([]int64, size)
		copy(padded, batch)
		for i := len(batch); i < size; i++ {
			padded[i] = batch[len(batch)-1]
		}
		marks, args := idList(1, padded)
		if err := fn(marks, args); err != nil {
			return err
		}
	}
	return nil
}
