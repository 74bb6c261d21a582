package odds

import (
	"testing"
	"time"

	"github.com/nextseason/nextseason/internal/model"
)

// TestSeasonsKeepTheFirstFourWeeks: a season's weeks are counted from
// its first in the chart, whatever order the rows come in; a fifth week
// is not read; and weeks from before Netflix published views get views
// from their hours over hoursPerView.
func TestSeasonsKeepTheFirstFourWeeks(t *testing.T) {
	week := func(d string, rank int, hours, views int64) model.Viewership {
		day, _ := time.Parse(time.DateOnly, d)
		return model.Viewership{Chart: "netflix-top10", WeekEnding: model.DayDate(day), Category: "TV (English)", Rank: rank,
			ShowTitle: "Harbor Lights", SeasonTitle: "Harbor Lights: Season 2", HoursViewed: hours, Views: views}
	}
	rows := []model.Viewership{
		week("2023-07-02", 3, 10_000_000, 2_000_000),
		week("2023-06-18", 1, 30_000_000, 0), // before views were published
		week("2023-06-25", 2, 20_000_000, 0),
		week("2023-07-16", 9, 1_000_000, 200_000), // the fifth week: past the window
	}
	var got *Season
	for _, s := range Seasons(rows) {
		if s.Key == "harbor lights" {
			got = &s
		}
	}
	if got == nil || got.Season != 2 || got.First.Format(time.DateOnly) != "2023-06-18" {
		t.Fatalf("season %+v", got)
	}
	if got.Hours != [window]float64{30e6, 20e6, 10e6, 0} || got.Rank != [window]int{1, 2, 3, 0} || got.WeeksIn() != 3 || got.PeakRank() != 1 {
		t.Errorf("weeks: hours %v, ranks %v", got.Hours, got.Rank)
	}
	if want := [window]float64{30e6 / hoursPerView, 20e6 / hoursPerView, 2e6, 0}; got.Views != want {
		t.Errorf("views %v, want %v", got.Views, want)
	}
}
