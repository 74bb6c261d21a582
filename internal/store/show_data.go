package store

import (
	"context"

	"github.com/nextseason/nextseason/internal/facts"
	"github.com/nextseason/nextseason/internal/model"
)

// ShowData loads everything else an outlook of a show already loaded is
// composed from.
func (s *Store) ShowData(ctx context.Context, show model.Show) (facts.ShowData, error) {
	var err error
	d := facts.ShowData{Show: show}
	showID := show.ID
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
