package store

import (
	"context"

	"github.com/nextseason/nextseason/internal/facts"
)

// ShowData loads everything an outlook of the show is composed from.
func (s *Store) ShowData(ctx context.Context, showID int64) (facts.ShowData, error) {
	var (
		d   facts.ShowData
		err error
	)
	if d.Show, err = s.Show(ctx, showID); err != nil {
		return d, err
	}
	if d.Seasons, err = s.Seasons(ctx, showID); err != nil {
		return d, err
	}
	if d.Episodes, err = s.Episodes(ctx, showID); err != nil {
		return d, err
	}
	if d.Credits, err = s.Credits(ctx, showID); err != nil {
		return d, err
	}
	if d.Claims, err = s.Claims(ctx, showID); err != nil {
		return d, err
	}
	d.Viewership, err = s.Viewership(ctx, showID)
	return d, err
}
