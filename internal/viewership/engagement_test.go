package viewership

import (
	"os"
	"strings"
	"testing"

	"github.com/nextseason/nextseason/internal/model"
)

func TestParseEngagement(t *testing.T) {
	end, _ := model.ParsePartialDate("2024-06-30")
	in := "Title,Available Globally?,Release Date,Hours Viewed,Runtime,Views\n" +
		"Bridgerton: Season 3,Yes,2024-05-16,733800000,7:59,91900000\n" +
		"\"The Glory: Season 1 // 더 글로리: 시즌 1\",Yes,2022-12-30,\"622,800,000\",,\n" +
		"Partner Track: Season 1,Yes,2022-08-26,11100000,,1500000\n" +
		"Leave the World Behind,Yes,2023-12-08,100000,,\n"
	got, err := ParseEngagement(strings.NewReader(in), end)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 4 || got[0].ShowTitle != "Bridgerton" || got[0].Season != 3 || got[0].Rank != 1 || got[0].Views != 91900000 ||
		got[1].ShowTitle != "The Glory" || got[1].HoursViewed != 622800000 || got[2].ShowTitle != "Partner Track" || got[2].WeekEnding.String() != "2024-06-30" ||
		got[3].Category != "Film" || got[3].Season != 0 {
		t.Errorf("parsed %+v", got)
	}
	for _, bad := range []struct{ in, want string }{
		{"Name,Year\nX,2020\n", `no "title" column`},
		{"Title,Hours Viewed\nX,lots\n", "line 2: hours viewed"},
		{"Title,Hours Viewed\n", "no rows"},
	} {
		if _, err := ParseEngagement(strings.NewReader(bad.in), end); err == nil || !strings.Contains(err.Error(), bad.want) {
			t.Errorf("%q: %v, want %q", bad.in, err, bad.want)
		}
	}
	for name, want := range map[string]string{"What_We_Watched_2024Jan-Jun.xlsx": "2024-06-30", "engagement_2023H2_tv.csv": "2023-12-31"} {
		if d, err := PeriodEnd(name); err != nil || d.String() != want {
			t.Errorf("%s: %v %v", name, d, err)
		}
	}
	if _, err := PeriodEnd("report.csv"); err == nil {
		t.Error("a name without a half-year gave a period")
	}
}

func FuzzParseEngagement(f *testing.F) {
	f.Add("Title,Available Globally?,Release Date,Hours Viewed\nWednesday: Season 1,Yes,2022-11-23,507700000\n")
	end, _ := model.ParsePartialDate("2024-06-30")
	f.Fuzz(func(t *testing.T, in string) {
		got, err := ParseEngagement(strings.NewReader(in), end)
		if err != nil {
			return
		}
		for i, v := range got {
			if v.Rank != i+1 || v.HoursViewed < 0 || v.SeasonTitle == "" {
				t.Fatalf("row %d: %+v from %q", i, v, in)
			}
		}
	})
}

func TestParseEngagementXLSX(t *testing.T) {
	b, err := os.ReadFile("testdata/engagement-2024Jan-Jun-sample.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	end, _ := model.ParsePartialDate("2024-06-30")
	got, err := ParseEngagementXLSX(t.Context(), b, end)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].ShowTitle != "Bridgerton" || got[0].Season != 3 || got[0].HoursViewed != 733800000 || got[0].Views != 91900000 ||
		got[1].SeasonTitle != "Partner Track: Season 1" || got[1].Rank != 2 {
		t.Errorf("parsed %+v", got)
	}
	if _, err := ParseEngagementXLSX(t.Context(), []byte("not a zip"), end); err == nil || !strings.Contains(err.Error(), "not an xlsx workbook") {
		t.Errorf("garbage: %v", err)
	}
}
