package store

import (
	"context"
	"errors"
	"fmt"

	"github.com/nextseason/nextseason/internal/model"
)

// SaveSource records a source by URL and returns its id. A URL already
// recorded with another publisher, date or tier is a conflict: changing a
// source's tier would silently change every answer that cites it.
func (s *Store) SaveSource(ctx context.Context, src model.Source) (int64, error) {
	id, err := s.saveSource(ctx, src)
	if errors.Is(err, errRaced) {
		// Another transaction recorded the URL between our read and our
		// write; read what it recorded.
		id, err = s.saveSource(ctx, src)
	}
	return id, err
}

// errRaced says another transaction inserted the same row first.
var errRaced = errors.New("inserted concurrently")

func (s *Store) saveSource(ctx context.Context, src model.Source) (int64, error) {
	var (
		have      model.Source
		published string
		tier      string
	)
	err := s.queryRow(ctx, `SELECT id, publisher, title, published, tier FROM sources WHERE url = $1`, src.URL).
		Scan(&have.ID, &have.Publisher, &have.Title, &published, &tier)
	switch {
	case err == nil:
		if have.Publisher != src.Publisher || published != src.Published.String() || tier != string(src.Tier) {
			return 0, fmt.Errorf("%w: source %s is recorded as %s, %s, %s; not %s, %s, %s", ErrConflict, src.URL,
				have.Publisher, published, tier, src.Publisher, src.Published, src.Tier)
		}
		return have.ID, nil
	case errors.Is(err, ErrNotFound):
	default:
		return 0, err
	}
	var id int64
	// ON CONFLICT DO NOTHING rather than a unique violation: in a
	// PostgreSQL transaction an error would abort the whole transaction.
	err = s.queryRow(ctx, `INSERT INTO sources (url, publisher, title, published, tier) VALUES ($1, $2, $3, $4, $5)
		ON CONFLICT (url) DO NOTHING RETURNING id`,
		src.URL, src.Publisher, src.Title, src.Published.String(), string(src.Tier)).Scan(&id)
	if errors.Is(err, ErrNotFound) {
		return 0, errRaced
	}
	if err != nil {
		return 0, fmt.Errorf("insert source %s: %w", src.URL, err)
	}
	return id, nil
}
