package store

import (
	"context"
	"fmt"
)

// KnownTitle is a title (or alias) of a catalog show, with its network.
type KnownTitle struct {
	Title, Network string
}

// KnownNames lists what the catalog knows by name, for finding shows and
// people in news: the titles and aliases of its shows (not of shows news
// proposed and no editor confirmed) with their networks, and the names of
// the people credited on them.
func (s *Store) KnownNames(ctx context.Context) ([]KnownTitle, []string, error) {
	rows, err := s.query(ctx, `
		SELECT title, network FROM shows WHERE NOT proposed
		UNION ALL
		SELECT a.name, s.network FROM show_aliases a JOIN shows s ON s.id = a.show_id WHERE NOT s.proposed`)
	if err != nil {
		return nil, nil, fmt.Errorf("known titles: %w", err)
	}
	defer rows.Close()
	var titles []KnownTitle
	for rows.Next() {
		var t KnownTitle
		if err := rows.Scan(&t.Title, &t.Network); err != nil {
			return nil, nil, fmt.Errorf("known titles: %w", err)
		}
		titles = append(titles, t)
	}
	if err := rows.Err(); err != nil {
		return nil, nil, fmt.Errorf("known titles: %w", err)
	}
	people, err := s.strings(ctx, `SELECT DISTINCT p.name FROM people p JOIN credits c ON c.person_id = p.id`)
	if err != nil {
		return nil, nil, fmt.Errorf("known people: %w", err)
	}
	return titles, people, nil
}
