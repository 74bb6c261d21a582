package imports

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// TraktEntry is one entry of a file of Trakt's data export: of the
// watchlist (listed_at), of watched shows (plays, seasons) or of ratings
// (rating, 1–10). Entries about movies, seasons or episodes have a type
// other than show, or no show.
type TraktEntry struct {
	Type     string     `json:"type"`
	ListedAt string     `json:"listed_at"`
	Plays    int        `json:"plays"`
	Rating   int        `json:"rating"`
	Show     *TraktShow `json:"show"`
}

type TraktShow struct {
	Title string `json:"title"`
	Year  int    `json:"year"`
	IDs   struct {
		TVDB   int64  `json:"tvdb"`
		IMDb   string `json:"imdb"`
		TVmaze int64  `json:"tvmaze"` // not in Trakt's export, but read when there
	} `json:"ids"`
}

// maxTraktEntries bounds a file's entries.
const maxTraktEntries = 100_000

// ParseTrakt reads one JSON file of Trakt's data export (watchlist-shows,
// watched-shows, ratings-shows; any list of such entries): watched shows
// are marked watched, ratings (Trakt's 1–10) become 1–5; entries that are
// not shows are counted, not followed.
func ParseTrakt(r io.Reader) (wanted []Wanted, skipped int, err error) {
	var entries []json.RawMessage
	if err := json.NewDecoder(r).Decode(&entries); err != nil {
		return nil, 0, fmt.Errorf("a Trakt export file is a JSON list of entries: %w", err)
	}
	if len(entries) > maxTraktEntries {
		return nil, 0, fmt.Errorf("a Trakt export file of %d entries: at most %d", len(entries), maxTraktEntries)
	}
	for i, raw := range entries {
		var e TraktEntry
		if err := json.Unmarshal(raw, &e); err != nil {
			return nil, 0, fmt.Errorf("Trakt entry %d: %w", i+1, err)
		}
		if e.Show == nil || (e.Type != "" && e.Type != "show") {
			skipped++
			continue
		}
		if strings.TrimSpace(e.Show.Title) == "" && e.Show.IDs.TVDB == 0 && e.Show.IDs.IMDb == "" && e.Show.IDs.TVmaze == 0 {
			return nil, 0, fmt.Errorf("Trakt entry %d: a show with neither a title nor an id", i+1)
		}
		if e.Rating < 0 || e.Rating > 10 {
			return nil, 0, fmt.Errorf("Trakt entry %d: rating %d, want 1 to 10", i+1, e.Rating)
		}
		wanted = append(wanted, Wanted{Title: e.Show.Title, Year: e.Show.Year, TVmazeID: e.Show.IDs.TVmaze, IMDbID: e.Show.IDs.IMDb,
			TheTVDBID: e.Show.IDs.TVDB, Watched: e.Plays > 0, Rating: (e.Rating + 1) / 2})
	}
	if len(wanted) == 0 && skipped == 0 {
		return nil, 0, errors.New("the Trakt export file lists nothing")
	}
	return wanted, skipped, nil
}
