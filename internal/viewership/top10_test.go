package viewership_test

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/nextseason/nextseason/internal/dbtest"
	"github.com/nextseason/nextseason/internal/model"
	"github.com/nextseason/nextseason/internal/viewership"
)

func TestParseTop10(t *testing.T) {
	f, err := os.Open("testdata/top10-sample.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	weeks, err := viewership.ParseTop10(f)
	if err != nil {
		t.Fatal(err)
	}
	if len(weeks) != 15 {
		t.Fatalf("%d rows, want 15", len(weeks))
	}
	pt := weeks[len(weeks)-2] // 2022-09-04, the best week
	if pt.ShowTitle != "Partner Track" || pt.Season != 1 || pt.Rank != 4 || pt.HoursViewed != 31_140_000 || pt.CumulativeWeeks != 2 || pt.WeekEnding.String() != "2022-09-04" {
		t.Errorf("Partner Track's second week read as %+v", pt)
	}
	if weeks[0].Views == 0 {
		t.Errorf("2023 rows carry views: %+v", weeks[0])
	}
}

func TestParseTop10Errors(t *testing.T) {
	header := "week\tcategory\tweekly_rank\tshow_title\tseason_title\tweekly_hours_viewed\truntime\tweekly_views\tcumulative_weeks_in_top_10\n"
	for name, tt := range map[string]struct{ in, want string }{
		"no header":   {"", "empty file"},
		"bad header":  {"a\tb\n", "line 1: header"},
		"bad week":    {header + "2022-13-01\tTV (English)\t1\tX\tX: Season 1\t10\t\t\t1\n", "line 2: week"},
		"bad rank":    {header + "2022-09-04\tTV (English)\t11\tX\tX: Season 1\t10\t\t\t1\n", "line 2: weekly_rank"},
		"bad hours":   {header + "2022-09-04\tTV (English)\t1\tX\tX: Season 1\tlots\t\t\t1\n", "line 2: weekly_hours_viewed"},
		"short row":   {header + "2022-09-04\tTV (English)\t1\n", "line 2: 3 fields, want 9"},
		"second line": {header + "2022-09-04\tTV (English)\t1\tX\tX: Season 1\t10\t\t\t1\n2022-09-04\tTV\n", "line 3:"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := viewership.ParseTop10(strings.NewReader(tt.in))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want an error containing %q", err, tt.want)
			}
		})
	}
}

func TestSeasonNumber(t *testing.T) {
	for in, want := range map[string]int{
		"Partner Track: Season 1": 1, "Bridgerton: Season 3": 3, "Beef: Limited Series": 1, "Lupin: Part 2": 2, "": 0, "Stranger Things 4": 0,
	} {
		if got := viewership.SeasonNumber(in); got != want {
			t.Errorf("SeasonNumber(%q) = %d, want %d", in, got, want)
		}
	}
}

func TestImportLinksAndIsIdempotent(t *testing.T) {
	st := dbtest.Store(t)
	ctx := t.Context()
	sh := model.Show{Title: "Partner Track", Slug: "partner-track"}
	if _, err := st.SaveShow(ctx, &sh); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile("testdata/top10-sample.tsv")
	weeks, err := viewership.ParseTop10(strings.NewReader(string(b)))
	if err != nil {
		t.Fatal(err)
	}
	rep, err := viewership.Import(ctx, st, weeks)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Rows != 15 || rep.Linked != 3 || len(rep.Unlinked) == 0 {
		t.Errorf("import: %s (%d unlinked); want 15 rows, 3 linked", rep, len(rep.Unlinked))
	}
	rep, err = viewership.Import(ctx, st, weeks)
	if err != nil || rep.Changed != 0 {
		t.Errorf("second import: %s, %v; want nothing changed", rep, err)
	}
	saved, _ := st.Viewership(ctx, sh.ID)
	if len(saved) != 3 || saved[0].WeekEnding.String() != "2022-08-28" {
		t.Errorf("saved weeks %+v", saved)
	}

	// A corrected figure changes its one row; a week given twice in one
	// import keeps its last figure.
	fixed := slices.Clone(weeks)
	for i := range fixed {
		if fixed[i].ShowTitle == "Partner Track" && fixed[i].WeekEnding.String() == "2022-09-04" {
			fixed[i].HoursViewed = 31_000_000
			again := fixed[i]
			again.HoursViewed = 31_200_000
			fixed = append(fixed, again)
		}
	}
	rep, err = viewership.Import(ctx, st, fixed)
	if err != nil || rep.Changed != 1 {
		t.Errorf("corrected import: %s, %v; want one row changed", rep, err)
	}
	saved, _ = st.Viewership(ctx, sh.ID)
	if len(saved) != 3 || saved[1].HoursViewed != 31_200_000 {
		t.Errorf("after the correction: %+v", saved)
	}
}

func FuzzParseTop10(f *testing.F) {
	b, err := os.ReadFile("testdata/top10-sample.tsv")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(b))
	f.Fuzz(func(t *testing.T, in string) {
		weeks, err := viewership.ParseTop10(strings.NewReader(in))
		if err != nil {
			return
		}
		for _, w := range weeks {
			if w.Rank < 1 || w.Rank > 10 || w.WeekEnding.Precision != model.PrecisionDay || w.ShowTitle == "" {
				t.Fatalf("accepted a bad row: %+v", w)
			}
		}
	})
}
