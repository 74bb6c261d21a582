// Package odds estimates the chance a season is followed by another, from
// how it did in the Netflix Top 10 in its first four weeks: a regularised
// logistic regression, back-tested on later seasons than it learned from.
package odds

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/nextseason/nextseason/internal/model"
)

// Original is one row of Wikipedia's lists of Netflix original
// programming.
type Original = model.NetflixOriginal

// ParseOriginals reads a CSV of the ended list (Title, Premiere, Finale,
// Seasons, Genre, …) or of the current one (Title, Premiere, Seasons,
// Genre, …): which, by whether it has a Finale column. Rows without a
// title are skipped; errors name the line.
func ParseOriginals(r io.Reader) ([]Original, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("line 1: %w", err)
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))] = i
	}
	for _, need := range []string{"Title", "Premiere", "Seasons"} {
		if _, ok := col[need]; !ok {
			return nil, fmt.Errorf("line 1: no %q column: want Wikipedia's list of Netflix original programming as CSV", need)
		}
	}
	_, ended := col["Finale"]
	get := func(rec []string, name string) string {
		if i, ok := col[name]; ok && i < len(rec) {
			return strings.TrimSpace(rec[i])
		}
		return ""
	}
	var out []Original
	for line := 2; ; line++ {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", line, err)
		}
		raw := get(rec, "Title")
		o := Original{Title: cleanTitle(raw), Genre: get(rec, "Genre"), Language: get(rec, "Language"), Ended: ended}
		if o.Title == "" || o.Title == "Awaiting release" {
			continue
		}
		o.Premiere, _ = parseWikiDate(get(rec, "Premiere"))
		o.Finale, _ = parseWikiDate(get(rec, "Finale"))
		seasons := get(rec, "Seasons")
		o.Seasons, o.Miniseries = parseSeasons(seasons)
		o.Excluded = exclusion(o, seasons)
		if strings.Contains(raw, "(season") && o.Excluded == "" {
			// Netflix took over a show made elsewhere: its seasons
			// here are numbered from the network's.
			o.Excluded = "continued from another network"
		}
		out = append(out, o)
	}
}

var footnote = regexp.MustCompile(`\s*\[[^\]]*\]`)

// cleanTitle drops footnote marks and the "(seasons 8–12)" of shows
// Netflix took over.
func cleanTitle(s string) string {
	s = footnote.ReplaceAllString(s, "")
	if i := strings.Index(s, " (season"); i > 0 {
		s = s[:i]
	}
	return strings.TrimSpace(s)
}

// parseWikiDate reads "July 11, 2013".
func parseWikiDate(s string) (time.Time, error) {
	s = footnote.ReplaceAllString(s, "")
	return time.Parse("January 2, 2006", strings.TrimSpace(s))
}

var seasonsRe = regexp.MustCompile(`(?i)^(\d+)\s+seasons?\b`)

// parseSeasons reads "6 seasons, 73 episodes" as 6; "10 episodes" alone
// is a miniseries (one season).
func parseSeasons(s string) (int, bool) {
	if m := seasonsRe.FindStringSubmatch(strings.TrimSpace(s)); m != nil {
		n, _ := strconv.Atoi(m[1])
		return n, false
	}
	if strings.Contains(strings.ToLower(s), "episode") && !strings.ContainsAny(s, ",") {
		return 1, true
	}
	return 0, false
}

// excludedGenres are kinds of programme whose "renewal" means something
// else: documentaries and docuseries, reality and competition, talk,
// stand-up and specials, aftershows, anthologies of one-offs.
var excludedGenres = regexp.MustCompile(`(?i)docu|documentary|reality|competition|talk|late-night|stand-up|special|aftershow|interview|variety|anthology|concert|game show`)

// exclusion says why a row cannot teach renewal odds: limited series and
// miniseries (never meant to return), seasons counted as parts or volumes
// (docuseries), no season count, or a genre of the excluded kinds.
func exclusion(o Original, seasons string) string {
	low := strings.ToLower(seasons)
	switch {
	case o.Miniseries:
		return "limited series or miniseries"
	case strings.Contains(low, "part") || strings.Contains(low, "volume") || strings.Contains(low, "collection"):
		return "seasons counted as parts or volumes"
	case o.Seasons == 0:
		return "no season count"
	case excludedGenres.MatchString(o.Genre):
		return "genre " + o.Genre
	case strings.Contains(strings.ToLower(o.Genre), "limited"):
		return "limited series"
	}
	return ""
}

// Outcome is whether season Season of a show was followed by another.
type Outcome struct {
	Title   string
	Season  int
	Renewed bool
}

// Outcomes lists what the originals say: every season but the last was
// followed by another; the last season of an ended show was not; the last
// of a running show is not known yet, so it is left out.
func Outcomes(originals []Original) []Outcome {
	var out []Outcome
	for _, o := range originals {
		if o.Excluded != "" {
			continue
		}
		for s := 1; s <= o.Seasons; s++ {
			if s == o.Seasons && !o.Ended {
				break
			}
			out = append(out, Outcome{Title: o.Title, Season: s, Renewed: s < o.Seasons})
		}
	}
	return out
}
