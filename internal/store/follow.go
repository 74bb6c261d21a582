package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"github.com/nextseason/nextseason/internal/model"
)

// FollowedShow is a follow with the show's slug and title.
type FollowedShow struct {
	model.Follow
	Slug, Title string
}

// eventBits are the bits of follows.event_mask, one per event kind.
// They are stored (migration 023 wrote them): never renumber one.
var eventBits = []struct {
	kind model.EventKind
	bit  int64
}{
	{model.EventRenewed, 1}, {model.EventCanceled, 2}, {model.EventEndedFinalSeason, 4}, {model.EventPremiereDated, 8},
	{model.EventPremiereMoved, 16}, {model.EventCastNews, 32}, {model.EventSeasonReleased, 64}, {model.EventAtRisk, 128},
}

// eventMask is the mask of kinds.
func eventMask(kinds []model.EventKind) int64 {
	var m int64
	for _, b := range eventBits {
		if slices.Contains(kinds, b.kind) {
			m |= b.bit
		}
	}
	return m
}

// eventKinds are the kinds of a mask, in EventKinds' order.
func eventKinds(mask int64) []model.EventKind {
	var out []model.EventKind
	for _, k := range model.EventKinds {
		for _, b := range eventBits {
			if b.kind == k && mask&b.bit != 0 {
				out = append(out, k)
			}
		}
	}
	return out
}

// followWants is the SQL condition that follow f asks for the event kind
// kind (an SQL expression: a column or a parameter).
func followWants(f, kind string) string {
	var bit strings.Builder
	bit.WriteString("CASE " + kind)
	for _, b := range eventBits {
		fmt.Fprintf(&bit, " WHEN '%s' THEN %d", b.kind, b.bit)
	}
	bit.WriteString(" ELSE 0 END")
	return `(` + f + `.event_mask & (` + bit.String() + `)) <> 0`
}

// toldAtOnce is the SQL query of the users told at once of an event (show
// $3, kind $4, person $5): those whose follow of the show asks for the
// kind, not in a digest, and those who follow the person it is about;
// not disabled users.
func toldAtOnce() string {
	return `SELECT f.user_id FROM follows f WHERE f.show_id = $3 AND f.delivery = 'immediate' AND ` + followWants("f", "$4") + `
		UNION SELECT pf.user_id FROM person_follows pf WHERE pf.person_id = $5
		EXCEPT SELECT id FROM users WHERE disabled_at IS NOT NULL`
}

// SaveFollow makes userID follow a show, or changes the events and
// delivery of the follow already there (not what was watched: see
// SetWatched). f.ID is set.
func (s *Store) SaveFollow(ctx context.Context, f *model.Follow) error {
	err := s.queryRow(ctx, `
		INSERT INTO follows (user_id, show_id, event_mask, delivery, created_at) VALUES ($1, $2, $3, $4, $5)
		ON CONFLICT (user_id, show_id) DO UPDATE SET event_mask = excluded.event_mask, delivery = excluded.delivery
		RETURNING id`,
		f.UserID, f.ShowID, eventMask(f.Events), string(f.Delivery), s.now().UTC()).Scan(&f.ID)
	if err != nil {
		return fmt.Errorf("follow show %d: %w", f.ShowID, err)
	}
	return nil
}

// Unfollow ends userID's follow of a show; it reports whether there was
// one. Only the user's own follow can be ended: the user is part of the key.
func (s *Store) Unfollow(ctx context.Context, userID, showID int64) (bool, error) {
	res, err := s.exec(ctx, `DELETE FROM follows WHERE user_id = $1 AND show_id = $2`, userID, showID)
	if err != nil {
		return false, fmt.Errorf("unfollow show %d: %w", showID, err)
	}
	n, err := res.RowsAffected()
	return n > 0, err
}

// Follows lists userID's follows, by show title.
func (s *Store) Follows(ctx context.Context, userID int64) ([]FollowedShow, error) {
	rows, err := s.query(ctx, `
		SELECT f.id, f.user_id, f.show_id, f.event_mask, f.delivery, f.watched, COALESCE(f.rating, 0), sh.slug, sh.title
		FROM follows f JOIN shows sh ON sh.id = f.show_id
		WHERE f.user_id = $1 ORDER BY sh.title, f.id`, userID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []FollowedShow
	for rows.Next() {
		var (
			f     FollowedShow
			mask  int64
			deliv string
		)
		if err := rows.Scan(&f.ID, &f.UserID, &f.ShowID, &mask, &deliv, &f.Watched, &f.Rating, &f.Slug, &f.Title); err != nil {
			return nil, err
		}
		f.Events = eventKinds(mask)
		f.Delivery = model.Delivery(deliv)
		out = append(out, f)
	}
	return out, rows.Err()
}

// FollowedShowIDs lists every show someone follows.
func (s *Store) FollowedShowIDs(ctx context.Context) ([]int64, error) {
	rows, err := s.query(ctx, `SELECT DISTINCT show_id FROM follows ORDER BY show_id`)
	if err != nil {
		return nil, err
	}
	return rows.ids()
}

// FollowPerson makes userID follow a person, for their new roles.
func (s *Store) FollowPerson(ctx context.Context, userID, personID int64) error {
	_, err := s.exec(ctx, `INSERT INTO person_follows (user_id, person_id, created_at) VALUES ($1, $2, $3)
		ON CONFLICT (user_id, person_id) DO NOTHING`, userID, personID, s.now().UTC())
	if err != nil {
		return fmt.Errorf("follow person %d: %w", personID, err)
	}
	return nil
}

// UnfollowPerson ends userID's follow of a person; it reports whether
// there was one.
func (s *Store) UnfollowPerson(ctx context.Context, userID, personID int64) (bool, error) {
	res, err := s.exec(ctx, `DELETE FROM person_follows WHERE user_id = $1 AND person_id = $2`, userID, personID)
	if err != nil {
		return false, fmt.Errorf("unfollow person %d: %w", personID, err)
	}
	n, err := res.RowsAffected()
	return n > 0, err
}

// FollowedPeople lists the people userID follows, by name.
func (s *Store) FollowedPeople(ctx context.Context, userID int64) ([]model.Person, error) {
	rows, err := s.query(ctx, `SELECT p.id, p.name, COALESCE(p.tvmaze_id, 0) FROM person_follows pf JOIN people p ON p.id = pf.person_id
		WHERE pf.user_id = $1 ORDER BY p.name, p.id`, userID)
	if err != nil {
		return nil, err
	}
	return scanPeople(rows)
}

// PersonFollowed reports whether anyone follows a person.
func (s *Store) PersonFollowed(ctx context.Context, personID int64) (bool, error) {
	var n int
	err := s.queryRow(ctx, `SELECT COUNT(*) FROM person_follows WHERE person_id = $1`, personID).Scan(&n)
	return n > 0, err
}

// PeopleNamed finds people by name, in any case.
func (s *Store) PeopleNamed(ctx context.Context, name string) ([]model.Person, error) {
	rows, err := s.query(ctx, `SELECT id, name, COALESCE(tvmaze_id, 0) FROM people WHERE lower(name) = lower($1) ORDER BY id`, strings.TrimSpace(name))
	if err != nil {
		return nil, err
	}
	return scanPeople(rows)
}

// scanPeople reads rows of id, name and TVmaze id, closing them.
func scanPeople(rows *mappedRows) ([]model.Person, error) {
	defer rows.Close()
	var out []model.Person
	for rows.Next() {
		var p model.Person
		if err := rows.Scan(&p.ID, &p.Name, &p.TVmazeID); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// SetWatched records on userID's follow of a show whether they watched it
// and their rating (1–5; 0 clears it); nil leaves either as it was.
func (s *Store) SetWatched(ctx context.Context, userID, showID int64, watched *bool, rating *int) error {
	var w sql.NullBool
	var r sql.NullInt64
	if watched != nil {
		w = sql.NullBool{Bool: *watched, Valid: true}
	}
	if rating != nil {
		r = sql.NullInt64{Int64: int64(*rating), Valid: true}
	}
	// CAST: PostgreSQL cannot tell a parameter's type from IS NULL alone.
	_, err := s.exec(ctx, `UPDATE follows SET watched = COALESCE(CAST($3 AS BOOLEAN), watched),
		rating = CASE WHEN CAST($4 AS INTEGER) IS NULL THEN rating WHEN CAST($4 AS INTEGER) = 0 THEN NULL ELSE CAST($4 AS INTEGER) END
		WHERE user_id = $1 AND show_id = $2`, userID, showID, w, r)
	if err != nil {
		return fmt.Errorf("watched show %d: %w", showID, err)
	}
	return nil
}

// PersonShows lists, most popular first, up to limit shows a person is
// credited in or named by cast news of.
func (s *Store) PersonShows(ctx context.Context, personID int64, limit int) ([]model.Show, error) {
	return s.queryShowRefs(ctx, `
		SELECT id, slug, title, network, popularity, premiered, provider_status, image_url FROM shows
		WHERE id IN (SELECT show_id FROM credits WHERE person_id = $1 UNION SELECT show_id FROM claims WHERE person_id = $1)
		ORDER BY popularity DESC, id LIMIT $2`, personID, limit)
}
