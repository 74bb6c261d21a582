package store

import (
	"context"
	"errors"
	"fmt"

	"github.com/nextseason/nextseason/internal/model"
)

// ShowByExternalID finds a catalog show (not one news proposed) by its
// TVmaze, IMDb or TheTVDB id; ErrNotFound when none has it.
func (s *Store) ShowByExternalID(ctx context.Context, tvmazeID int64, imdbID string, thetvdbID int64) (model.Show, error) {
	for _, q := range []struct {
		where string
		arg   any
		given bool
	}{
		{"tvmaze_id = $1", tvmazeID, tvmazeID != 0},
		{"imdb_id = $1 AND imdb_id <> ''", imdbID, imdbID != ""},
		{"thetvdb_id = $1 AND thetvdb_id <> 0", thetvdbID, thetvdbID != 0},
	} {
		if !q.given {
			continue
		}
		var id int64
		err := s.queryRow(ctx, `SELECT id FROM shows WHERE `+q.where+` AND NOT proposed ORDER BY popularity DESC, id LIMIT 1`, q.arg).Scan(&id)
		if err == nil {
			return s.Show(ctx, id)
		}
		if !errors.Is(err, ErrNotFound) {
			return model.Show{}, err
		}
	}
	return model.Show{}, fmt.Errorf("show with those ids: %w", ErrNotFound)
}

// ShowsTitled lists the catalog shows (not those news proposed) whose
// title or an alias is title, ignoring case, most popular first.
func (s *Store) ShowsTitled(ctx context.Context, title string) ([]model.Show, error) {
	return s.queryShowRefs(ctx, `
		SELECT id, slug, title, network, popularity, premiered, provider_status, image_url FROM shows
		WHERE NOT proposed AND (lower(title) = lower($1) OR id IN (SELECT show_id FROM show_aliases WHERE lower(name) = lower($1)))
		ORDER BY popularity DESC, id LIMIT 20`, title)
}
