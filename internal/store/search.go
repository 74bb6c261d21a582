package store

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/nextseason/nextseason/internal/db"
	"github.com/nextseason/nextseason/internal/match"
	"github.com/nextseason/nextseason/internal/model"
)

// The search index is FTS5 on SQLite and a weighted tsvector on
// PostgreSQL, over a show's title, aliases, network and people; the words
// it holds are kept in search_terms, which typo correction searches. The
// indexed text is normalised by match.Normalize, as queries are.

// IndexShow rebuilds a show's entry in the search index, after its
// aliases or people changed.
func (s *Store) IndexShow(ctx context.Context, showID int64) error {
	return s.indexShow(ctx, showID, indexedBefore)
}

// indexedBefore and notIndexed tell indexShow where the show's old entry
// is: under its current popularity, or nowhere.
const (
	indexedBefore = -1
	notIndexed    = -2
)

// indexShow writes a show's entry. oldPopularity is the popularity the
// show was indexed with, or indexedBefore (unchanged) or notIndexed.
func (s *Store) indexShow(ctx context.Context, showID int64, oldPopularity int) error {
	var (
		title, network string
		popularity     int
	)
	if err := s.queryRow(ctx, `SELECT title, network, popularity FROM shows WHERE id = $1`, showID).Scan(&title, &network, &popularity); err != nil {
		return fmt.Errorf("index show %d: %w", showID, err)
	}
	aliases, err := s.strings(ctx, `SELECT name FROM show_aliases WHERE show_id = $1 ORDER BY name`, showID)
	if err != nil {
		return err
	}
	people, err := s.strings(ctx, `SELECT DISTINCT p.name FROM credits c JOIN people p ON p.id = c.person_id WHERE c.show_id = $1 ORDER BY p.name`, showID)
	if err != nil {
		return err
	}
	return s.writeIndex(ctx, showID, oldPopularity, popularity, title, aliases, network, people)
}

// indexNewShow writes the entry of a show just inserted, from what was
// inserted: it has no people yet, and nothing to read back.
func (s *Store) indexNewShow(ctx context.Context, sh model.Show) error {
	aliases := make([]string, len(sh.Aliases))
	for i, a := range sh.Aliases {
		aliases[i] = a.Name
	}
	return s.writeIndex(ctx, sh.ID, notIndexed, sh.Popularity, sh.Title, aliases, sh.Network, nil)
}

// writeIndex replaces a show's entry (where oldPopularity says it is) with
// one of these texts, and adds their words to the vocabulary.
func (s *Store) writeIndex(ctx context.Context, showID int64, oldPopularity, popularity int, title string, aliases []string, network string, people []string) error {
	fields := []string{match.Normalize(title), match.Normalize(strings.Join(aliases, " ")), match.Normalize(network), match.Normalize(strings.Join(people, " "))}
	var err error
	switch s.db.Dialect {
	case db.Postgres:
		_, err = s.exec(ctx, `
			INSERT INTO show_search (show_id, doc) VALUES ($1,
				setweight(to_tsvector('simple', $2), 'A') || setweight(to_tsvector('simple', $3), 'B') ||
				setweight(to_tsvector('simple', $4), 'C') || setweight(to_tsvector('simple', $5), 'D'))
			ON CONFLICT (show_id) DO UPDATE SET doc = excluded.doc`, showID, fields[0], fields[1], fields[2], fields[3])
	default:
		if oldPopularity == indexedBefore {
			oldPopularity = popularity
		}
		if oldPopularity != notIndexed {
			// The entry's rowid carries the popularity it was indexed with.
			old := ftsRowID(showID, oldPopularity)
			if _, err = s.exec(ctx, `DELETE FROM show_fts WHERE rowid = $1`, old); err == nil {
				_, err = s.exec(ctx, `DELETE FROM show_title_fts WHERE rowid = $1`, old)
			}
		}
		row := ftsRowID(showID, popularity)
		if err == nil {
			_, err = s.exec(ctx, `INSERT INTO show_fts (rowid, title, aliases, network, people) VALUES ($1, $2, $3, $4, $5)`,
				row, fields[0], fields[1], fields[2], fields[3])
		}
		if err == nil {
			_, err = s.exec(ctx, `INSERT INTO show_title_fts (rowid, title) VALUES ($1, $2)`, row, fields[0])
		}
	}
	if err != nil {
		return fmt.Errorf("index show %d: %w", showID, err)
	}
	return s.addTerms(ctx, strings.Fields(strings.Join(fields, " ")))
}

// addTerms records words in the vocabulary, in one statement.
func (s *Store) addTerms(ctx context.Context, words []string) error {
	slices.Sort(words)
	words = slices.Compact(words)
	if len(words) == 0 {
		return nil
	}
	args := make([]any, len(words))
	for i, w := range words {
		args[i] = w
	}
	// Not prepared: the text varies with the number of words.
	if _, err := s.execOnce(ctx, `INSERT INTO search_terms (term) VALUES `+valuesList(len(words), 1)+` ON CONFLICT DO NOTHING`, args...); err != nil {
		return fmt.Errorf("record search terms: %w", err)
	}
	return nil
}

// IndexMissing indexes the shows the search index lacks, such as those
// imported before it existed, and returns how many it indexed.
func (s *Store) IndexMissing(ctx context.Context) (int, error) {
	query := `SELECT id FROM shows WHERE id NOT IN (SELECT rowid & 4294967295 FROM show_fts) ORDER BY id`
	if s.db.Dialect == db.Postgres {
		query = `SELECT id FROM shows WHERE id NOT IN (SELECT show_id FROM show_search) ORDER BY id`
	}
	rows, err := s.query(ctx, query)
	if err != nil {
		return 0, err
	}
	ids, err := rows.ids()
	if err != nil {
		return 0, err
	}
	err = s.InTx(ctx, func(tx *Store) error {
		for _, id := range ids {
			if err := tx.indexShow(ctx, id, notIndexed); err != nil {
				return err
			}
		}
		return nil
	})
	return len(ids), err
}

// Terms lists up to limit vocabulary words that start with prefix, in
// byte order.
func (s *Store) Terms(ctx context.Context, prefix string, limit int) ([]string, error) {
	return s.strings(ctx, `SELECT term FROM search_terms WHERE term >= $1 AND term < $2 ORDER BY term LIMIT $3`,
		prefix, prefix+"\U0010FFFF", limit)
}

// ShowsByTitlePrefix lists shows whose title key (match.Key) starts with
// key, most popular first, at most limit. A key of one or two letters,
// which starts thousands of titles, must match whole.
func (s *Store) ShowsByTitlePrefix(ctx context.Context, key string, limit int) ([]model.Show, error) {
	if key == "" {
		return nil, nil
	}
	if utf8.RuneCountInString(key) < 3 {
		return s.queryShowRefs(ctx, `
			SELECT id, slug, title, network, popularity, premiered, provider_status, image_url FROM shows
			WHERE title_key = $1 AND NOT proposed ORDER BY popularity DESC, id LIMIT $2`, key, limit)
	}
	return s.queryShowRefs(ctx, `
		SELECT id, slug, title, network, popularity, premiered, provider_status, image_url FROM shows
		WHERE title_key >= $1 AND title_key < $2 AND NOT proposed ORDER BY popularity DESC, id LIMIT $3`, key, key+"\U0010FFFF", limit)
}

// MatchShows finds shows (not those news proposed and no editor
// confirmed, which stay private) whose index entry has, for every group (or, with
// any, for at least one), a word starting with one of the group's words.
// Groups are normalised words (match.Tokens), so they carry no search
// syntax. At most limit shows, the most relevant (PostgreSQL) or the most
// popular (SQLite) first; on SQLite, shows matching by alias, network or
// person only when none matches by title.
func (s *Store) MatchShows(ctx context.Context, groups [][]string, any bool, limit int) ([]model.Show, error) {
	if len(groups) == 0 {
		return nil, nil
	}
	if s.db.Dialect == db.Postgres {
		expr := searchExpr(groups, any, func(w string) string { return w + ":*" }, " | ", " & ")
		out, err := s.queryShowRefs(ctx, `
			SELECT s.id, s.slug, s.title, s.network, s.popularity, s.premiered, s.provider_status, s.image_url
			FROM (SELECT show_id, ts_rank(doc, to_tsquery('simple', $1)) AS rank FROM show_search
				WHERE doc @@ to_tsquery('simple', $1) ORDER BY rank DESC LIMIT $2) AS x
			JOIN shows s ON s.id = x.show_id AND NOT s.proposed
			ORDER BY x.rank DESC, s.popularity DESC, s.id`, expr, limit)
		if err != nil {
			return nil, fmt.Errorf("search %q: %w", expr, err)
		}
		return out, nil
	}
	// FTS5's bm25 costs microseconds a row; walking the index in rowid
	// order costs next to nothing, and the rowid puts popular shows last
	// (ftsRowID), so the most popular matches come first.
	expr := searchExpr(groups, any, func(w string) string { return `"` + w + `"*` }, " OR ", " AND ")
	out, err := s.queryShowRefs(ctx, `
		SELECT s.id, s.slug, s.title, s.network, s.popularity, s.premiered, s.provider_status, s.image_url
		FROM (SELECT rowid FROM show_title_fts WHERE show_title_fts MATCH $1 ORDER BY rowid DESC LIMIT $2) AS f
		JOIN shows s ON s.id = (f.rowid & 4294967295) AND NOT s.proposed
		ORDER BY f.rowid DESC`, expr, limit)
	if err == nil && len(out) == 0 {
		out, err = s.queryShowRefs(ctx, `
			SELECT s.id, s.slug, s.title, s.network, s.popularity, s.premiered, s.provider_status, s.image_url
			FROM (SELECT rowid FROM show_fts WHERE show_fts MATCH $1 ORDER BY rowid DESC LIMIT $2) AS f
			JOIN shows s ON s.id = (f.rowid & 4294967295) AND NOT s.proposed
			ORDER BY f.rowid DESC`, expr, limit)
	}
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", expr, err)
	}
	return out, nil
}

// ftsRowID is a show's rowid in the FTS5 index: its popularity (0–100)
// above its id, so that the index lists popular shows last.
func ftsRowID(showID int64, popularity int) int64 {
	return int64(min(max(popularity, 0), 100))<<32 | showID
}

// searchExpr writes groups as a query: alternatives joined by or, groups
// by and (or by or, with any).
func searchExpr(groups [][]string, any bool, term func(string) string, or, and string) string {
	parts := make([]string, len(groups))
	for i, g := range groups {
		alts := make([]string, len(g))
		for j, w := range g {
			alts[j] = term(w)
		}
		parts[i] = "(" + strings.Join(alts, or) + ")"
	}
	if any {
		return strings.Join(parts, or)
	}
	return strings.Join(parts, and)
}

func (s *Store) strings(ctx context.Context, query string, args ...any) ([]string, error) {
	rows, err := s.query(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// queryShowRefs lists shows by id, slug, title, network, popularity,
// premiere and TVmaze's status: what a search result shows.
func (s *Store) queryShowRefs(ctx context.Context, query string, args ...any) ([]model.Show, error) {
	rows, err := s.query(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.Show
	for rows.Next() {
		var sh model.Show
		var prem string
		if err := rows.Scan(&sh.ID, &sh.Slug, &sh.Title, &sh.Network, &sh.Popularity, &prem, &sh.ProviderStatus, &sh.Image); err != nil {
			return nil, err
		}
		if sh.Premiered, err = scanDate(prem); err != nil {
			return nil, err
		}
		out = append(out, sh)
	}
	return out, rows.Err()
}
