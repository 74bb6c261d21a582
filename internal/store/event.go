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
	added := false
	err := s.InTx(ctx, func(tx *Store) error {
		var err error
		if added, err = tx.addEvent(ctx, e); err != nil || !added {
			return err
		}
		// What is known of a season's fate changed: the odds learn from it.
		return tx.bump(ctx, GenOdds)
	})
	return added, err
}

func (s *Store) addEvent(ctx context.Context, e *model.Event) (bool, error) {
	e.HappenedAt = s.now().UTC()
	err := s.queryRow(ctx, `
		INSERT INTO events (show_id, season, kind, old_value, new_value, claim_id, source_url, happened_at, person_id)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
		ON CONFLICT (show_id, season, kind, old_value, new_value) DO NOTHING RETURNING id`,
		e.ShowID, e.Season, string(e.Kind), e.Old, e.New, nullInt(e.ClaimID), e.SourceURL, e.HappenedAt, nullInt(e.PersonID)).Scan(&e.ID)
	switch {
	case err == nil:
		return true, nil
	case errors.Is(err, ErrNotFound):
		return false, nil
	default:
		return false, fmt.Errorf("add event: %w", err)
	}
}

// HasEvent says whether an event of the kind is stored for a show's
// season, whatever its values.
func (s *Store) HasEvent(ctx context.Context, showID int64, season int, kind model.EventKind) (bool, error) {
	var n int
	err := s.queryRow(ctx, `SELECT COUNT(*) FROM events WHERE show_id = $1 AND season = $2 AND kind = $3`, showID, season, string(kind)).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("has event: %w", err)
	}
	return n > 0, nil
}

// ShowEvents lists a show's events, oldest first.
func (s *Store) ShowEvents(ctx context.Context, showID int64) ([]model.Event, error) {
	rows, err := s.query(ctx, `SELECT `+eventColumns+`, '', '' FROM events e WHERE e.show_id = $1 ORDER BY e.id`, showID)
	if err != nil {
		return nil, err
	}
	all, err := scanEvents(rows)
	out := make([]model.Event, len(all))
	for i, e := range all {
		out[i] = e.Event
	}
	return out, err
}

const eventColumns = `e.id, e.show_id, e.season, e.kind, e.old_value, e.new_value, e.claim_id, e.source_url, e.happened_at, e.person_id`

// scanEvents reads rows of eventColumns and the show's slug and title,
// closing them.
func scanEvents(rows *mappedRows) ([]FollowedEvent, error) {
	defer rows.Close()
	var out []FollowedEvent
	for rows.Next() {
		e, err := scanEvent(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// scanEvent reads a row of first (columns before the event's), then
// eventColumns, then the show's slug and title.
func scanEvent(rows *mappedRows, first ...any) (FollowedEvent, error) {
	var (
		e      FollowedEvent
		kind   string
		claim  sql.NullInt64
		person sql.NullInt64
	)
	dest := append(first, &e.ID, &e.ShowID, &e.Season, &kind, &e.Old, &e.New, &claim, &e.SourceURL, &e.HappenedAt, &person, &e.Slug, &e.Title)
	if err := rows.Scan(dest...); err != nil {
		return FollowedEvent{}, err
	}
	e.Kind, e.ClaimID, e.PersonID, e.HappenedAt = model.EventKind(kind), claim.Int64, person.Int64, e.HappenedAt.UTC()
	return e, nil
}

// FollowedEvent is an event with the show's slug and title.
type FollowedEvent struct {
	model.Event
	Slug, Title string
}

// UserEvents lists, newest first, the events of the shows userID follows,
// of the kinds each follow asked for, and those about people they follow.
func (s *Store) UserEvents(ctx context.Context, userID int64, limit int) ([]FollowedEvent, error) {
	rows, err := s.query(ctx, `
		SELECT `+eventColumns+`, sh.slug, sh.title
		FROM events e
		JOIN shows sh ON sh.id = e.show_id
		WHERE EXISTS (SELECT 1 FROM follows f WHERE f.show_id = e.show_id AND f.user_id = $1 AND `+followWants("f", "e.kind")+`)
		OR EXISTS (SELECT 1 FROM person_follows pf WHERE pf.person_id = e.person_id AND pf.user_id = $1)
		ORDER BY e.id DESC LIMIT $2`, userID, limit)
	if err != nil {
		return nil, err
	}
	return scanEvents(rows)
}
