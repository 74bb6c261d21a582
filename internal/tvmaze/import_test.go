package tvmaze_test

import (
	"strings"
	"testing"

	"github.com/nextseason/nextseason/internal/dbtest"
	"github.com/nextseason/nextseason/internal/store"
	"github.com/nextseason/nextseason/internal/tvmaze"
	"github.com/nextseason/nextseason/internal/tvmaze/tvmazetest"
)

func importFile(t *testing.T, st *store.Store, name string, show int64) (tvmaze.Report, error) {
	t.Helper()
	f, err := tvmazetest.Recordings().Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := tvmaze.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	return tvmaze.Import(t.Context(), st, doc, show)
}

func TestImportIsIdempotent(t *testing.T) {
	st := dbtest.Store(t)
	rep, err := importFile(t, st, "academy-tv-shows-2023/shows.json", 0)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Shows != 245 || rep.ShowsCreated != 245 {
		t.Errorf("first import: %s; want 245 new shows", rep)
	}
	rep, err = importFile(t, st, "academy-tv-shows-2023/shows.json", 0)
	if err != nil {
		t.Fatal(err)
	}
	if rep.ShowsCreated != 0 || rep.ShowsUpdated != 0 {
		t.Errorf("second import: %s; want nothing changed", rep)
	}
	if n, _ := st.CountShows(t.Context()); n != 245 {
		t.Errorf("%d shows in the catalog, want 245", n)
	}
}

func TestImportShowParts(t *testing.T) {
	st := dbtest.Store(t)
	ctx := t.Context()
	if _, err := importFile(t, st, "tvmaze4j-2017/seasons.json", 143); err == nil || !strings.Contains(err.Error(), "import the show first") {
		t.Errorf("seasons of a show not in the catalog: %v", err)
	}
	if _, err := importFile(t, st, "tvmaze4j-2017/cast.json", 0); err == nil || !strings.Contains(err.Error(), "--show") {
		t.Errorf("cast without --show: %v", err)
	}
	if _, err := importFile(t, st, "tvmaze4j-2017/show_lookup.json", 0); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"seasons.json", "episodes.json", "cast.json", "crew.json", "akas.json"} {
		if _, err := importFile(t, st, "tvmaze4j-2017/"+f, 143); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
	}
	sh, err := st.FindShow(ctx, "Кремниевая долина") // the Russian aka
	if err != nil {
		t.Fatalf("find by aka: %v", err)
	}
	d, err := st.ShowData(ctx, sh)
	if err != nil {
		t.Fatal(err)
	}
	if sh.Title != "Silicon Valley" || len(d.Seasons) != 4 || len(d.Episodes) != 38 || len(d.Credits) < 13 {
		t.Errorf("%s: %d seasons, %d episodes, %d credits; want 4, 38, 13+", sh.Title, len(d.Seasons), len(d.Episodes), len(d.Credits))
	}
	// Re-importing the show object without akas keeps the akas.
	if _, err := importFile(t, st, "tvmaze4j-2017/show_lookup.json", 0); err != nil {
		t.Fatal(err)
	}
	if _, err := st.FindShow(ctx, "Кремниевая долина"); err != nil {
		t.Errorf("akas lost on re-import: %v", err)
	}
}
