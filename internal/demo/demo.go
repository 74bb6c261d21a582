// Package demo bundles the demo's real data (TVmaze responses, Netflix
// Top 10 weeks, the reference article and the claims written from it)
// and loads it into a store. data/SOURCE.txt says where each file is from.
package demo

import (
	"bytes"
	"context"
	"embed"
	"fmt"
	"io/fs"

	"github.com/nextseason/nextseason/internal/claimsfile"
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
	weeks, err := viewership.ParseTop10(bytes.NewReader(mustRead("data/netflix-top10-partner-track.tsv")))
	if err != nil {
		return report, fmt.Errorf("demo netflix-top10-partner-track.tsv: %w", err)
	}
	vrep, err := viewership.Import(ctx, st, weeks)
	if err != nil {
		return report, fmt.Errorf("demo netflix-top10-partner-track.tsv: %w", err)
	}
	return append(report, "netflix-top10-partner-track.tsv: "+vrep.String()), nil
}

func mustRead(name string) []byte {
	b, err := data.ReadFile(name)
	if err != nil {
		panic(err) // every name is a file embedded above
	}
	return b
}
