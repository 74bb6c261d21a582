package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/nextseason/nextseason/internal/db"
	"github.com/nextseason/nextseason/internal/match"
	"github.com/nextseason/nextseason/internal/model"
)

// Change says what a write did, so importers can report it and a
// re-import can show that it changed nothing.
type Change int

// The outcomes of a write.
const (
	Unchanged Change = iota
	Created
	Updated
)

const showColumns = `id, slug, title, network, country, language, genres, summary, premiered, ended,
	provider_status, provider_seen_at, runtime, popularity, COALESCE(tvmaze_id, 0), imdb_id, thetvdb_id, proposed, image_url, data_version`

func scanShow(row interface{ Scan(...any) error }) (model.Show, error) {
	var (
		sh                model.Show
		genres, prem, end string
		seen              sql.NullTime
	)
	err := row.Scan(&sh.ID, &sh.Slug, &sh.Title, &sh.Network, &sh.Country, &sh.Language, &genres, &sh.Summary,
		&prem, &end, &sh.ProviderStatus, &seen, &sh.Runtime, &sh.Popularity, &sh.TVmazeID, &sh.IMDbID, &sh.TheTVDBID, &sh.Proposed, &sh.Image, &sh.DataVersion)
	if err != nil {
		return model.Show{}, err
	}
	if err := json.Unmarshal([]byte(genres), &sh.Genres); err != nil {
		return model.Show{}, fmt.Errorf("show %d genres: %w", sh.ID, err)
	}
	if sh.Premiered, err = scanDate(prem); err != nil {
		return model.Show{}, err
	}
	if sh.Ended, err = scanDate(end); err != nil {
		return model.Show{}, err
	}
	if seen.Valid {
		sh.ProviderSeenAt = seen.Time.UTC()
	}
	return sh, nil
}

// Show loads a show by id, with its aliases.
func (s *Store) Show(ctx context.Context, id int64) (model.Show, error) {
	sh, err := scanShow(s.queryRow(ctx, `SELECT `+showColumns+` FROM shows WHERE id = $1`, id))
	if err != nil {
		return model.Show{}, fmt.Errorf("show %d: %w", id, err)
	}
	sh.Aliases, err = s.aliases(ctx, id)
	return sh, err
}

// ShowBySlug loads a show by its slug, with its aliases.
func (s *Store) ShowBySlug(ctx context.Context, slug string) (model.Show, error) {
	var id int64
	if err := s.queryRow(ctx, `SELECT id FROM shows WHERE slug = $1`, slug).Scan(&id); err != nil {
		return model.Show{}, fmt.Errorf("show %q: %w", slug, err)
	}
	return s.Show(ctx, id)
}

// FindShow resolves what a person typed: a slug, or a title or alias
// (case-insensitive). It returns ErrNotFound when nothing matches exactly.
func (s *Store) FindShow(ctx context.Context, ref string) (model.Show, error) {
	ref = strings.TrimSpace(ref)
	var id int64
	err := s.queryRow(ctx, `
		SELECT id FROM (
			SELECT id, 0 AS pref, popularity FROM shows WHERE slug = $1
			UNION ALL
			SELECT id, 1, popularity FROM shows WHERE lower(title) = lower($2)
			UNION ALL
			SELECT s.id, 2, s.popularity FROM show_aliases a JOIN shows s ON s.id = a.show_id WHERE lower(a.name) = lower($2)
		) AS m ORDER BY pref, popularity DESC, id LIMIT 1`, Slugify(ref), ref).Scan(&id)
	if err != nil {
		return model.Show{}, fmt.Errorf("show %q: %w", ref, err)
	}
	return s.Show(ctx, id)
}

// ShowTitles lists every show's id, slug and title, for fuzzy matching.
func (s *Store) ShowTitles(ctx context.Context) ([]model.Show, error) {
	return s.queryShowRefs(ctx, `SELECT id, slug, title, network, popularity, premiered, provider_status, image_url FROM shows ORDER BY id`)
}

// CountShows counts the shows in the catalog.
func (s *Store) CountShows(ctx context.Context) (int, error) {
	var n int
	err := s.queryRow(ctx, `SELECT COUNT(*) FROM shows`).Scan(&n)
	return n, err
}

// SaveShow inserts a show or updates the one with the same TVmaze id (or,
// without one, the same slug). A new show without a slug gets one from its
// title, made unique. sh.ID is set. Saving identical values is Unchanged.
func (s *Store) SaveShow(ctx context.Context, sh *model.Show) (Change, error) {
	sortAliases(sh.Aliases)
	sh.Aliases = slices.Compact(sh.Aliases)
	var change Change
	err := s.InTx(ctx, func(tx *Store) error {
		existing, err := tx.matchingShow(ctx, *sh)
		switch {
		case errors.Is(err, ErrNotFound):
			change = Created
			if err := tx.insertShow(ctx, sh); err != nil {
				return err
			}
			return tx.indexNewShow(ctx, *sh)
		case err != nil:
			return err
		}
		sh.ID, sh.Slug = existing.ID, existing.Slug
		if sameShow(existing, *sh) {
			change = Unchanged
			return nil
		}
		change = Updated
		if err := tx.updateShow(ctx, *sh, !slices.Equal(existing.Aliases, sh.Aliases)); err != nil {
			return err
		}
		return tx.indexShow(ctx, sh.ID, existing.Popularity)
	})
	return change, err
}

func (s *Store) matchingShow(ctx context.Context, sh model.Show) (model.Show, error) {
	var id int64
	var err error
	if sh.TVmazeID != 0 {
		err = s.queryRow(ctx, `SELECT id FROM shows WHERE tvmaze_id = $1`, sh.TVmazeID).Scan(&id)
	} else {
		err = s.queryRow(ctx, `SELECT id FROM shows WHERE slug = $1 AND tvmaze_id IS NULL`, sh.Slug).Scan(&id)
	}
	if err != nil {
		return model.Show{}, err
	}
	return s.Show(ctx, id)
}

func sameShow(a, b model.Show) bool {
	a.ID, b.ID = 0, 0
	a.ProviderSeenAt, b.ProviderSeenAt = a.ProviderSeenAt.UTC().Truncate(1e3), b.ProviderSeenAt.UTC().Truncate(1e3)
	return a.Title == b.Title && a.Network == b.Network && a.Country == b.Country && a.Language == b.Language &&
		slices.Equal(a.Genres, b.Genres) && a.Summary == b.Summary && a.Premiered == b.Premiered && a.Ended == b.Ended &&
		a.ProviderStatus == b.ProviderStatus && a.ProviderSeenAt.Equal(b.ProviderSeenAt) && a.Runtime == b.Runtime &&
		a.Popularity == b.Popularity && a.Image == b.Image && a.IMDbID == b.IMDbID && a.TheTVDBID == b.TheTVDBID && slices.Equal(a.Aliases, b.Aliases)
}

func (s *Store) insertShow(ctx context.Context, sh *model.Show) error {
	slug, err := s.freeSlug(ctx, sh)
	if err != nil {
		return err
	}
	genres, _ := json.Marshal(nonNil(sh.Genres))
	err = s.queryRow(ctx, `
		INSERT INTO shows (slug, title, title_key, network, country, language, genres, summary, premiered, ended,
			provider_status, provider_seen_at, runtime, popularity, tvmaze_id, imdb_id, thetvdb_id, proposed, image_url)
		VALUES ($1, $2, $17, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $18, $19)
		RETURNING id`,
		slug, sh.Title, sh.Network, sh.Country, sh.Language, string(genres), sh.Summary, sh.Premiered.String(), sh.Ended.String(),
		sh.ProviderStatus, nullTime(sh.ProviderSeenAt), sh.Runtime, sh.Popularity, nullInt(sh.TVmazeID), sh.IMDbID, sh.TheTVDBID,
		match.Key(sh.Title), sh.Proposed, sh.Image,
	).Scan(&sh.ID)
	if err != nil {
		return fmt.Errorf("insert show %q: %w", sh.Title, err)
	}
	sh.Slug = slug
	return s.insertAliases(ctx, sh.ID, sh.Aliases)
}

func (s *Store) updateShow(ctx context.Context, sh model.Show, aliasesChanged bool) error {
	genres, _ := json.Marshal(nonNil(sh.Genres))
	_, err := s.exec(ctx, `
		UPDATE shows SET title = $2, title_key = $16, network = $3, country = $4, language = $5, genres = $6, summary = $7,
			premiered = $8, ended = $9, provider_status = $10, provider_seen_at = $11, runtime = $12,
			popularity = $13, imdb_id = $14, thetvdb_id = $15, image_url = $17
		WHERE id = $1`,
		sh.ID, sh.Title, sh.Network, sh.Country, sh.Language, string(genres), sh.Summary, sh.Premiered.String(), sh.Ended.String(),
		sh.ProviderStatus, nullTime(sh.ProviderSeenAt), sh.Runtime, sh.Popularity, sh.IMDbID, sh.TheTVDBID, match.Key(sh.Title), sh.Image)
	if err != nil {
		return fmt.Errorf("update show %q: %w", sh.Title, err)
	}
	if !aliasesChanged {
		return nil
	}
	if _, err := s.exec(ctx, `DELETE FROM show_aliases WHERE show_id = $1`, sh.ID); err != nil {
		return err
	}
	return s.insertAliases(ctx, sh.ID, sh.Aliases)
}

// freeSlug picks the show's slug: the one it asks for, or one made from
// its title, with the TVmaze id or a counter appended when taken.
func (s *Store) freeSlug(ctx context.Context, sh *model.Show) (string, error) {
	base := sh.Slug
	if base == "" {
		base = Slugify(sh.Title)
	}
	if base == "" {
		base = "show"
	}
	candidates := []string{base}
	if sh.TVmazeID != 0 {
		candidates = append(candidates, base+"-"+strconv.FormatInt(sh.TVmazeID, 10))
	}
	for i := 2; i < 100; i++ {
		candidates = append(candidates, base+"-"+strconv.Itoa(i))
	}
	// Which candidates are taken: the slug asked for (and the one with the
	// TVmaze id), then, only if those are, the counters. Most shows take
	// the first, and looking up 100 slugs for each cost a quarter of a
	// catalog import.
	first := 1
	if sh.TVmazeID != 0 {
		first = 2
	}
	for _, batch := range [][]string{candidates[:first], candidates[first:]} {
		if slug, err := s.firstFreeSlug(ctx, sh, batch); err != nil || slug != "" {
			return slug, err
		}
	}
	return "", fmt.Errorf("no free slug for %q: %w", sh.Title, ErrConflict)
}

// firstFreeSlug is the first of candidates no show has, "" when all are
// taken, in one query.
func (s *Store) firstFreeSlug(ctx context.Context, sh *model.Show, candidates []string) (string, error) {
	type taker struct {
		titleKey string
		proposed bool
	}
	taken := map[string]taker{}
	marks := make([]string, len(candidates))
	args := make([]any, len(candidates))
	for i, c := range candidates {
		marks[i], args[i] = "$"+strconv.Itoa(i+1), c
	}
	rows, err := s.query(ctx, `SELECT slug, title_key, proposed FROM shows WHERE slug IN (`+strings.Join(marks, ", ")+`)`, args...)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	for rows.Next() {
		var (
			slug string
			t    taker
		)
		if err := rows.Scan(&slug, &t.titleKey, &t.proposed); err != nil {
			return "", err
		}
		taken[slug] = t
	}
	if err := rows.Err(); err != nil {
		return "", err
	}
	for _, c := range candidates {
		t, ok := taken[c]
		switch {
		case !ok:
			return c, nil
		case sh.Proposed && t.proposed && t.titleKey == match.Key(sh.Title):
			// Another transaction proposed this very show since the caller
			// looked for it: running again, the caller finds it.
			return "", fmt.Errorf("%w: show %q was proposed concurrently", ErrConflict, sh.Title)
		}
	}
	return "", nil
}

func (s *Store) aliases(ctx context.Context, showID int64) ([]model.Alias, error) {
	by, err := s.aliasesOf(ctx, `WHERE show_id = $1`, showID)
	return by[showID], err
}

// aliasesOf loads the aliases of the shows where selects, by show.
func (s *Store) aliasesOf(ctx context.Context, where string, args ...any) (map[int64][]model.Alias, error) {
	rows, err := s.query(ctx, `SELECT show_id, name, country FROM show_aliases `+where+` ORDER BY show_id, name, country`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64][]model.Alias{}
	for rows.Next() {
		var (
			id int64
			a  model.Alias
		)
		if err := rows.Scan(&id, &a.Name, &a.Country); err != nil {
			return nil, err
		}
		out[id] = append(out[id], a)
	}
	return out, rows.Err()
}

func (s *Store) insertAliases(ctx context.Context, showID int64, aliases []model.Alias) error {
	for _, a := range aliases {
		if _, err := s.exec(ctx, `INSERT INTO show_aliases (show_id, name, country) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
			showID, a.Name, a.Country); err != nil {
			return fmt.Errorf("alias %q: %w", a.Name, err)
		}
	}
	return nil
}

// sortAliases puts aliases in the order the store returns them, so a
// show read back compares equal to the one saved.
func sortAliases(as []model.Alias) {
	slices.SortFunc(as, func(a, b model.Alias) int {
		if c := strings.Compare(a.Name, b.Name); c != 0 {
			return c
		}
		return strings.Compare(a.Country, b.Country)
	})
}

// Slugify makes a URL slug from a title: "Grey's Anatomy" -> "greys-anatomy",
// "Pokémon" -> "pokemon".
func Slugify(title string) string {
	return strings.ReplaceAll(match.Normalize(title), " ", "-")
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// ShowByTVmazeID loads a show by its TVmaze id.
func (s *Store) ShowByTVmazeID(ctx context.Context, tvmazeID int64) (model.Show, error) {
	var id int64
	if err := s.queryRow(ctx, `SELECT id FROM shows WHERE tvmaze_id = $1`, tvmazeID).Scan(&id); err != nil {
		return model.Show{}, fmt.Errorf("show with TVmaze id %d: %w", tvmazeID, err)
	}
	return s.Show(ctx, id)
}

// ConfirmShow marks a proposed show as a catalog show.
func (s *Store) ConfirmShow(ctx context.Context, id int64) error {
	_, err := s.exec(ctx, `UPDATE shows SET proposed = $2 WHERE id = $1 AND proposed <> $2`, id, false)
	return err
}

// DropProposedShow deletes a show news proposed, with its claims, once
// every claim about it is rejected: a title an editor turned down stays
// out of search and pages. It reports whether the show went.
func (s *Store) DropProposedShow(ctx context.Context, id int64) (bool, error) {
	var popularity int
	err := s.queryRow(ctx, `
		SELECT popularity FROM shows sh WHERE id = $1 AND proposed AND NOT EXISTS (
			SELECT 1 FROM claims c JOIN claim_reviews r ON r.id = (SELECT MAX(id) FROM claim_reviews WHERE claim_id = c.id)
			WHERE c.show_id = sh.id AND r.state <> $2)`, id, string(model.StateRejected)).Scan(&popularity)
	if errors.Is(err, ErrNotFound) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("drop proposed show %d: %w", id, err)
	}
	if s.db.Dialect != db.Postgres {
		row := ftsRowID(id, popularity)
		if _, err := s.exec(ctx, `DELETE FROM show_fts WHERE rowid = $1`, row); err != nil {
			return false, fmt.Errorf("drop proposed show %d: %w", id, err)
		}
		if _, err := s.exec(ctx, `DELETE FROM show_title_fts WHERE rowid = $1`, row); err != nil {
			return false, fmt.Errorf("drop proposed show %d: %w", id, err)
		}
	}
	if _, err := s.exec(ctx, `DELETE FROM events WHERE claim_id IN (SELECT id FROM claims WHERE show_id = $1)`, id); err != nil {
		return false, fmt.Errorf("drop proposed show %d: %w", id, err)
	}
	if _, err := s.exec(ctx, `DELETE FROM shows WHERE id = $1`, id); err != nil {
		return false, fmt.Errorf("drop proposed show %d: %w", id, err)
	}
	return true, nil
}

// MaxTVmazeID is the highest TVmaze id in the catalog, 0 when it has none.
func (s *Store) MaxTVmazeID(ctx context.Context) (int64, error) {
	var id int64
	err := s.queryRow(ctx, `SELECT COALESCE(MAX(tvmaze_id), 0) FROM shows`).Scan(&id)
	return id, err
}
