// Package events turns changes in resolved answers into stored events:
// whatever writes claims about a season runs the write through Record.
package events

import (
	"context"
	"errors"

	"github.com/nextseason/nextseason/internal/facts"
	"github.com/nextseason/nextseason/internal/model"
	"github.com/nextseason/nextseason/internal/store"
)

// Record runs write, which may change what is known about a show's
// season, inside tx, and stores once each event the change causes: the
// season's outlook today before and after, compared by facts.Changes.
func Record(ctx context.Context, tx *store.Store, showID int64, season int, write func() error) ([]model.Event, error) {
	before, err := outlook(ctx, tx, showID, season)
	if err != nil {
		return nil, err
	}
	if err := write(); err != nil {
		return nil, err
	}
	after, err := outlook(ctx, tx, showID, season)
	if err != nil {
		return nil, err
	}
	var out []model.Event
	for _, c := range facts.Changes(before, after) {
		e := model.Event{ShowID: showID, Season: season, Kind: c.Kind, Old: c.Old, New: c.New}
		if len(c.Evidence) > 0 {
			e.ClaimID, e.SourceURL = c.Evidence[0].ID, c.Evidence[0].Source.URL
		}
		isNew, err := tx.AddEvent(ctx, &e)
		if err != nil {
			return nil, err
		}
		if isNew {
			out = append(out, e)
		}
	}
	return out, nil
}

// outlook is the season's outlook as of today; a season the show cannot
// have (none, or beyond the next) has none, and no events.
func outlook(ctx context.Context, tx *store.Store, showID int64, season int) (facts.Outlook, error) {
	if season < 1 {
		return facts.Outlook{}, nil
	}
	sh, err := tx.Show(ctx, showID)
	if err != nil {
		return facts.Outlook{}, err
	}
	d, err := tx.ShowData(ctx, sh)
	if err != nil {
		return facts.Outlook{}, err
	}
	o, err := facts.ComposeOutlook(d, season, model.DayDate(tx.Now()))
	if errors.Is(err, facts.ErrNoSuchSeason) {
		return facts.Outlook{}, nil
	}
	return o, err
}
