package extract

import (
	"bufio"
	"encoding/json"
	"os"
	"testing"
)

func loadLabelled(t testing.TB) []Labelled {
	var items []Labelled
	for _, name := range []string{"../../../../shared/data/news/news-dev.jsonl", "../../../../shared/data/news/news-train.jsonl"} {
		f, err := os.Open(name)
		if err != nil {
			t.Skipf("labelled news not found (%v)", err)
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
