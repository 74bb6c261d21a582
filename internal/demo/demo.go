// Package demo bundles the demo's real data (TVmaze responses, the
// reference article and the claims written from it, Netflix's Top 10 TV
// weeks and Wikipedia's lists of Netflix originals) and loads it into a
// store. data/SOURCE.txt says where each file is from.
package demo

import (
	"bytes"
	"context"
	"embed"
	"fmt"
	"io/fs"
	"time"

	"github.com/nextseason/nextseason/internal/claimsfile"
	"github.com/nextseason/nextseason/internal/model"
	"github.com/nextseason/nextseason/internal/odds"
	"github.com/nextseason/nextseason/internal/store"
	"github.com/nextseason/nextseason/internal/tvmaze"
	"github.com/nextseason/nextseason/internal/viewership"
)

//go:embed data
var data embed.FS

// Archive holds copies of sources that nextseason serves itself, at
// /archive/{name}.
func Archive() fs.FS {
	sub, err := fs.Sub(data, "data/archive")
	if err != nil {
		panic(err) // the directory is embedded above; this cannot fail
	}
	return sub
}

// tvmazeFiles lists the TVmaze responses in the order they are loaded,
// with the TVmaze id of the show the bare lists belong to.
var tvmazeFiles = []struct {
	name string
	show int64
}{
	{"shows-page-1.json", 0},
	{"the-a-team-with-cast.json", 0},
	{"silicon-valley-show_lookup.json", 0},
	{"silicon-valley-seasons.json", 143},
	{"silicon-valley-episodes.json", 143},
	{"silicon-valley-cast.json", 143},
	{"silicon-valley-crew.json", 143},
	{"silicon-valley-akas.json", 143},
}

// top10File holds the TV rows of Netflix's weekly global Top 10, and
// originalsFiles Wikipedia's lists of ended and current Netflix
// originals, read on ListsRead: what renewal odds learn from.
const top10File = "netflix-top10-tv.tsv"

var originalsFiles = []string{"netflix-originals-ended.csv", "netflix-originals-current.csv"}

// ListsRead is the day the bundled lists of Netflix originals were read.
var ListsRead = time.Date(2023, 11, 6, 0, 0, 0, 0, time.UTC)

// Load imports the demo data; loading it again changes nothing. It
// returns one line per file saying what was imported.
func Load(ctx context.Context, st *store.Store, reviewer string) ([]string, error) {
	var report []string
	for _, f := range tvmazeFiles {
		doc, err := tvmaze.Decode(bytes.NewReader(mustRead("data/tvmaze/" + f.name)))
		if err != nil {
			return report, fmt.Errorf("demo %s: %w", f.name, err)
		}
		rep, err := tvmaze.Import(ctx, st, doc, f.show)
		if err != nil {
			return report, fmt.Errorf("demo %s: %w", f.name, err)
		}
		report = append(report, fmt.Sprintf("%s: %s", f.name, rep))
	}
	file, err := claimsfile.Parse(bytes.NewReader(mustRead("data/partner-track.jsonl")))
	if err != nil {
		return report, fmt.Errorf("demo partner-track.jsonl: %w", err)
	}
	crep, err := claimsfile.Apply(ctx, st, file, reviewer)
	if err != nil {
		return report, fmt.Errorf("demo partner-track.jsonl: %w", err)
	}
	report = append(report, "partner-track.jsonl: "+crep.String())
	more, err := LoadOdds(ctx, st)
	return append(report, more...), err
}

// LoadOdds imports only what renewal odds learn from: the Top 10 TV
// weeks and the lists of Netflix originals. Load imports them too, after
// the catalog, so that the weeks link to its shows.
func LoadOdds(ctx context.Context, st *store.Store) ([]string, error) {
	var report []string
	weeks, err := viewership.ParseTop10(bytes.NewReader(mustRead("data/" + top10File)))
	if err != nil {
		return report, fmt.Errorf("demo %s: %w", top10File, err)
	}
	vrep, err := viewership.Import(ctx, st, weeks)
	if err != nil {
		return report, fmt.Errorf("demo %s: %w", top10File, err)
	}
	report = append(report, top10File+": "+vrep.String())
	var rows []model.NetflixOriginal
	for _, name := range originalsFiles {
		got, err := odds.ParseOriginals(bytes.NewReader(mustRead("data/" + name)))
		if err != nil {
			return report, fmt.Errorf("demo %s: %w", name, err)
		}
		for i := range got {
			got[i].Listed = ListsRead
		}
		rows = append(rows, got...)
	}
	added, err := st.SaveOriginals(ctx, rows)
	if err != nil {
		return report, fmt.Errorf("demo lists of Netflix originals: %w", err)
	}
	report = append(report, fmt.Sprintf("%v: %d rows (%d new)", originalsFiles, len(rows), added))
	fitted, err := odds.FitStored(ctx, st, st.Now(), false)
	if err != nil {
		return report, fmt.Errorf("demo renewal-odds models: %w", err)
	}
	return append(report, fmt.Sprintf("renewal-odds models: %d fitted in %s, one per month's first day and today, each on the outcomes known by then (%d days had too few)",
		fitted.Fitted, fitted.Took.Round(time.Millisecond), fitted.TooFew)), nil
}

func mustRead(name string) []byte {
	b, err := data.ReadFile(name)
	if err != nil {
		panic(err) // every name is a file embedded above
	}
	return b
}
