package store

import (
	"context"
	"errors"
	"fmt"

	"github.com/nextseason/nextseason/internal/model"
)

// SavePerson finds a person by TVmaze id (or, without one, by exact name),
// or adopts a person of that name known without one, or creates them,
// and returns their id.
func (s *Store) SavePerson(ctx context.Context, p model.Person) (int64, error) {
	var id int64
	var err error
	if p.TVmazeID != 0 {
		err = s.queryRow(ctx, `SELECT id FROM people WHERE tvmaze_id = $1`, p.TVmazeID).Scan(&id)
	} else {
		err = s.queryRow(ctx, `SELECT id FROM people WHERE name = $1 AND tvmaze_id IS NULL ORDER BY id LIMIT 1`, p.Name).Scan(&id)
	}
	if !errors.Is(err, ErrNotFound) {
		if err == nil && p.TVmazeID != 0 {
			_, err = s.exec(ctx, `UPDATE people SET name = $2 WHERE id = $1 AND name <> $2`, id, p.Name)
		}
		return id, err
	}
	if p.TVmazeID != 0 {
		// Someone cast news named before the catalog knew them becomes
		// the catalog's person, keeping their follows and claims.
		err = s.queryRow(ctx, `UPDATE people SET tvmaze_id = $2 WHERE id = (SELECT id FROM people WHERE lower(name) = lower($1) AND tvmaze_id IS NULL ORDER BY id LIMIT 1)
			RETURNING id`, p.Name, p.TVmazeID).Scan(&id)
		if !errors.Is(err, ErrNotFound) {
			return id, err
		}
	}
	err = s.queryRow(ctx, `INSERT INTO people (name, tvmaze_id) VALUES ($1, $2) RETURNING id`,
		p.Name, nullInt(p.TVmazeID)).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("insert person %q: %w", p.Name, err)
	}
	return id, nil
}

// SaveCredit records a person in a show, creating the person if needed.
func (s *Store) SaveCredit(ctx context.Context, c model.Credit) (change Change, personID int64, err error) {
	err = s.InTx(ctx, func(tx *Store) error {
		pid, err := tx.SavePerson(ctx, c.Person)
		if err != nil {
			return err
		}
		personID = pid
		res, err := tx.exec(ctx, `
			INSERT INTO credits (show_id, season, person_id, character, role, job) VALUES ($1, $2, $3, $4, $5, $6)
			ON CONFLICT DO NOTHING`, c.ShowID, c.Season, pid, c.Character, string(c.Role), c.Job)
		if err != nil {
			return fmt.Errorf("save credit %q in show %d: %w", c.Person.Name, c.ShowID, err)
		}
		if n, _ := res.RowsAffected(); n > 0 {
			change = Created
		}
		return nil
	})
	return change, personID, err
}

// Credits lists a show's cast and crew, main cast first.
func (s *Store) Credits(ctx context.Context, showID int64) ([]model.Credit, error) {
	return s.queryCredits(ctx, `WHERE c.show_id = $1`, showID)
}

func (s *Store) queryCredits(ctx context.Context, where string, args ...any) ([]model.Credit, error) {
	rows, err := s.query(ctx, `
		SELECT c.show_id, c.season, p.id, p.name, COALESCE(p.tvmaze_id, 0), c.character, c.role, c.job
		FROM credits c JOIN people p ON p.id = c.person_id
		`+where+`
		ORDER BY CASE c.role WHEN 'main' THEN 0 WHEN 'recurring' THEN 1 WHEN 'guest' THEN 2 ELSE 3 END, c.season, p.id, c.character`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.Credit
	for rows.Next() {
		var c model.Credit
		var role string
		if err := rows.Scan(&c.ShowID, &c.Season, &c.Person.ID, &c.Person.Name, &c.Person.TVmazeID, &c.Character, &role, &c.Job); err != nil {
			return nil, err
		}
		c.Role = model.CreditRole(role)
		out = append(out, c)
	}
	return out, rows.Err()
}

// Person loads a person.
func (s *Store) Person(ctx context.Context, id int64) (model.Person, error) {
	var p model.Person
	err := s.queryRow(ctx, `SELECT id, name, COALESCE(tvmaze_id, 0) FROM people WHERE id = $1`, id).Scan(&p.ID, &p.Name, &p.TVmazeID)
	if err != nil {
		return p, fmt.Errorf("person %d: %w", id, err)
	}
	return p, nil
}
