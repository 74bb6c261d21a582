package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/nextseason/nextseason/internal/model"
)

// AddEvent stores an event unless the same change (show, season, kind,
// old and new value) is stored already; it reports whether it was new.
func (s *Store) AddEvent(ctx context.Context, e *model.Event) (bool, error) {
	e.HappenedAt = s.now().UTC()
	err := s.queryRow(ctx, `
		INSERT INTO events (show_id, season, kind, old_value, new_value, claim_id, source_url, happened_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
		ON CONFLICT (show_id, season, kind, old_value, new_value) DO NOTHING RETURNING id`,
		e.ShowID, e.Season, string(e.Kind), e.Old, e.New, nullInt(e.ClaimID), e.SourceURL, e.HappenedAt).Scan(&e.ID)
	switch err = mapErr(err); {
	case err == nil:
		return true, nil
	case errors.Is(err, ErrNotFound):
		return false, nil
	default:
		return false, fmt.Errorf("add event: %w", err)
	}
}

// ShowEvents lists a show's events, oldest first.
func (s *Store) ShowEvents(ctx context.Context, showID int64) ([]model.Event, error) {
	rows, err := s.query(ctx, `
		SELECT id, show_id, season, kind, old_value, new_value, claim_id, source_url, happened_at
		FROM events WHERE show_id = $1 ORDER BY id`, showID)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	var out []model.Event
	for rows.Next() {
		var (
			e     model.Event
			kind  string
			claim sql.NullInt64
		)
		if err := rows.Scan(&e.ID, &e.ShowID, &e.Season, &kind, &e.Old, &e.New, &claim, &e.SourceURL, &e.HappenedAt); err != nil {
			return nil, mapErr(err)
		}
		e.Kind, e.ClaimID, e.HappenedAt = model.EventKind(kind), claim.Int64, e.HappenedAt.UTC()
		out = append(out, e)
	}
	return out, mapErr(rows.Err())
}
