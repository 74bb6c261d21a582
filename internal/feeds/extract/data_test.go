package extract

import (
	"bufio"
	"encoding/json"
	"os"
	"testing"

	"github.com/nextseason/nextseason/internal/sharedtest"
)

// The labelled news and the title catalog sit beside the repository in
// shared/data (sharedtest finds them); CI always has them.

func loadLabelled(t testing.TB) []Labelled {
	t.Helper()
	var items []Labelled
	for _, name := range []string{"news/news-dev.jsonl", "news/news-train.jsonl"} {
		f, err := os.Open(sharedtest.Path(t, name))
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			var it Labelled
			if err := json.Unmarshal(sc.Bytes(), &it); err != nil {
				t.Fatal(err)
			}
			items = append(items, it)
		}
		f.Close()
	}
	return items
}

func loadTitles(t testing.TB) *Catalog {
	t.Helper()
	f, err := os.Open(sharedtest.Path(t, "tv-titles/titles.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cat, err := ReadCatalogTSV(f)
	if err != nil {
		t.Fatal(err)
	}
	return cat
}
