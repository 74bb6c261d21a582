package odds

import (
	"os"
	"strings"
	"testing"

	"github.com/nextseason/nextseason/internal/sharedtest"
)

func TestParseOriginals(t *testing.T) {
	in := "Title,Premiere,Finale,Seasons,Genre,Subject,Language\n" +
		"House of Cards,\"February 1, 2013\",\"November 2, 2018\",\"6 seasons, 73 episodes\",Political drama,,\n" +
		"Partner Track,\"August 26, 2022\",\"August 26, 2022\",\"1 season, 10 episodes\",Legal drama,,\n" +
		"Devilman Crybaby,\"January 5, 2018\",\"January 5, 2018\",10 episodes,Supernatural horror,,\n" +
		"Chef's Table,\"April 26, 2015\",,\"6 volumes, 30 episodes\",,,\n" +
		"Trailer Park Boys (seasons 8–12),\"September 5, 2014\",,\"5 seasons, 50 episodes\",Mockumentary,,\n"
	got, err := ParseOriginals(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 5 || got[0].Seasons != 6 || got[0].Premiere.Year() != 2013 || !got[0].Ended || got[0].Excluded != "" ||
		got[2].Excluded != "limited series or miniseries" || got[3].Excluded == "" || got[4].Title != "Trailer Park Boys" {
		t.Fatalf("parsed %+v", got)
	}
	outcomes := Outcomes(got)
	// House of Cards: 5 renewed seasons and a last; Partner Track: its
	// one season not renewed; Trailer Park Boys came from another
	// network, its seasons numbered from there: left out.
	renewed, not := 0, 0
	for _, o := range outcomes {
		if o.Renewed {
			renewed++
		} else {
			not++
		}
	}
	if renewed != 5 || not != 2 || got[4].Excluded != "continued from another network" {
		t.Errorf("outcomes: %d renewed, %d not: %+v", renewed, not, outcomes)
	}
	if _, err := ParseOriginals(strings.NewReader("Name,Year\nX,2020\n")); err == nil || !strings.Contains(err.Error(), `no "Title" column`) {
		t.Errorf("a CSV of something else: %v", err)
	}
}

func TestOriginalsOnSharedData(t *testing.T) {
	f, err := os.Open(sharedtest.Path(t, "netflix-originals-wikipedia/ended_netflix_original_programming_merged.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	got, err := ParseOriginals(f)
	if err != nil {
		t.Fatal(err)
	}
	reasons := map[string]int{}
	for _, o := range got {
		r := o.Excluded
		if strings.HasPrefix(r, "genre ") {
			r = "genre"
		}
		reasons[r]++
	}
	t.Logf("%d rows; %d outcomes; exclusions %v", len(got), len(Outcomes(got)), reasons)
	if len(got) < 1300 {
		t.Errorf("%d rows, want the 1,398 of the list", len(got))
	}
}

func FuzzParseOriginals(f *testing.F) {
	f.Add("Title,Premiere,Finale,Seasons,Genre\nHouse of Cards,\"February 1, 2013\",\"November 2, 2018\",\"6 seasons, 73 episodes\",Political drama\n")
	f.Add("File,Genre,Premiere,Runtime,Seasons,Title\nt.csv,Drama,\"July 15, 2016\",50 min,\"4 seasons, 34 episodes\",Stranger Things\n")
	f.Fuzz(func(t *testing.T, in string) {
		got, err := ParseOriginals(strings.NewReader(in))
		if err != nil {
			return
		}
		for _, o := range Outcomes(got) {
			if o.Season < 1 || o.Title == "" {
				t.Fatalf("outcome %+v from %q", o, in)
			}
		}
	})
}
