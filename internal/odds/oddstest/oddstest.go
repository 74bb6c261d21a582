// Package oddstest loads the shared Netflix Top 10 and Wikipedia's lists
// of Netflix originals into a test's database.
package oddstest

import (
	"os"
	"testing"
	"time"

	"github.com/nextseason/nextseason/internal/odds"
	"github.com/nextseason/nextseason/internal/store"
	"github.com/nextseason/nextseason/internal/viewership"
)

// Listed is the day the shared lists were read.
var Listed = time.Date(2023, 11, 6, 0, 0, 0, 0, time.UTC)

// Import imports the global Top 10 and the two lists from shared (the
// path of ../shared/data/, ending in a slash) into st, or skips the test
// when they are absent.
func Import(t testing.TB, st *store.Store, shared string) {
	t.Helper()
	f, err := os.Open(shared + "netflix-top10/all-weeks-global.tsv")
	if err != nil {
		t.Skipf("shared data absent: %v", err)
	}
	defer f.Close()
	weeks, err := viewership.ParseTop10(f)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := viewership.Import(t.Context(), st, weeks); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"ended_netflix_original_programming_merged.csv", "current_netflix_original_programming_nf_ori_shows.csv"} {
		g, err := os.Open(shared + "netflix-originals-wikipedia/" + name)
		if err != nil {
			t.Fatal(err)
		}
		rows, err := odds.ParseOriginals(g)
		g.Close()
		if err != nil {
			t.Fatal(err)
		}
		for i := range rows {
			rows[i].Listed = Listed
		}
		if _, err := st.SaveOriginals(t.Context(), rows); err != nil {
			t.Fatal(err)
		}
	}
}
