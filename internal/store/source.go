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
		// The row our insert yielded to was gone when we read it; once
		// more.
		id, err = s.saveSource(ctx, src)
	}
	return id, err
}

// errRaced says another transaction changed the row between our write
// and our read.
var errRaced = errors.New("changed concurrently")

func (s *Store) saveSource(ctx context.Context, src model.Source) (int64, error) {
	// A new source takes one statement. ON CONFLICT DO NOTHING rather
	// than a unique violation: in a PostgreSQL transaction an error would
	// abort the whole transaction.
	var id int64
	err := s.queryRow(ctx, `INSERT INTO sources (url, publisher, title, published, tier) VALUES ($1, $2, $3, $4, $5)
		ON CONFLICT (url) DO NOTHING RETURNING id`,
		src.URL, src.Publisher, src.Title, src.Published.String(), string(src.Tier)).Scan(&id)
	if err == nil {
		return id, nil
	}
	if !errors.Is(err, ErrNotFound) {
		return 0, fmt.Errorf("insert source %s: %w", src.URL, err)
	}
	// The URL is on record: it must be recorded alike.
	var (
		have      model.Source
		published string
		tier      string
	)
	err = s.queryRow(ctx, `SELECT id, publisher, title, published, tier FROM sources WHERE url = $1`, src.URL).
		Scan(&have.ID, &have.Publisher, &have.Title, &published, &tier)
	switch {
	case errors.Is(err, ErrNotFound):
		return 0, errRaced // removed meanwhile; try again
	case err != nil:
		return 0, err
	case have.Publisher != src.Publisher || published != src.Published.String() || tier != string(src.Tier):
		return 0, fmt.Errorf("%w: source %s is recorded as %s, %s, %s; not %s, %s, %s", ErrConflict, src.URL,
			have.Publisher, published, tier, src.Publisher, src.Published, src.Tier)
	}
	return have.ID, nil
}
