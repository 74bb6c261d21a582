package extract

import (
	"bufio"
	"encoding/json"
	"os"
	"testing"
)

// The labelled news and the title catalog sit beside the repository in
// shared/data; CI always has them.
const (
	newsDev   = "../../../../shared/data/news/news-dev.jsonl"
	newsTrain = "../../../../shared/data/news/news-train.jsonl"
	titlesTSV = "../../../../shared/data/tv-titles/titles.tsv"
)

// needShared stops a test that needs the shared data: a skip on a laptop
// without it, a failure in CI, where a gate must never be off.
func needShared(t testing.TB, err error) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatalf("shared data missing in CI: %v", err)
	}
	t.Skipf("shared data not found (%v): it sits beside the repository in CI", err)
}

func loadLabelled(t testing.TB) []Labelled {
	t.Helper()
	var items []Labelled
	for _, name := range []string{newsDev, newsTrain} {
		f, err := os.Open(name)
		if err != nil {
			needShared(t, err)
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
	f, err := os.Open(titlesTSV)
	if err != nil {
		needShared(t, err)
	}
	defer f.Close()
	cat, err := ReadCatalogTSV(f)
	if err != nil {
		t.Fatal(err)
	}
	return cat
}
