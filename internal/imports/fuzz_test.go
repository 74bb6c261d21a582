package imports_test

import (
	"os"
	"testing"

	"github.com/nextseason/nextseason/internal/imports"
)

// FuzzRead: any bytes are read as an import file or refused with an
// error; nothing panics, and what is read has a title or an id for each
// show and ratings of 0 to 5.
func FuzzRead(f *testing.F) {
	for _, name := range []string{"trakt-watchlist-shows", "trakt-watched-shows", "trakt-ratings-shows"} {
		data, err := os.ReadFile("testdata/" + name + ".json")
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`{"format": "nextseason-export", "version": 1, "follows": [{"title": "Glue", "rating": 2}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := imports.Read(data)
		if err != nil {
			return
		}
		for _, w := range file.Wanted {
			if w.Title == "" && w.TVmazeID == 0 && w.IMDbID == "" && w.TheTVDBID == 0 {
				t.Errorf("a show with neither a title nor an id was read: %+v", w)
			}
			if w.Rating < 0 || w.Rating > 5 {
				t.Errorf("a rating of %d was read", w.Rating)
			}
		}
	})
}
