package facts

import (
	"testing"
	"time"

	"github.com/nextseason/nextseason/internal/model"
)

// TestNextSeasonIsOneRule: the season a fan means when they name none is
// the one after the last aired, whatever was decided of it, on each kind
// of catalog.
func TestNextSeasonIsOneRule(t *testing.T) {
	day := func(s string) model.PartialDate { d, _ := model.ParsePartialDate(s); return d }
	today := day("2026-11-25")
	aired := func(n int) []model.Season {
		var out []model.Season
		for i := 1; i <= n; i++ {
			out = append(out, model.Season{Number: i, Premiere: model.DayDate(time.Date(2010+i, 3, 1, 0, 0, 0, 0, time.UTC))})
		}
		return out
	}
	claim := func(season int, kind model.ClaimKind, status model.RenewalStatus, date string) model.Claim {
		c := model.Claim{Season: season, Kind: kind, Status: status, State: model.StateAccepted, StatedAt: day("2025-01-10"), Source: model.Source{Tier: model.TierTrade}}
		if date != "" {
			c.Date = day(date)
		}
		return c
	}
	for _, tt := range []struct {
		name string
		d    ShowData
		want int
	}{
		{"canceled after the last aired", ShowData{Show: model.Show{Premiered: day("2011-03-01")}, Seasons: aired(3),
			Claims: []model.Claim{claim(4, model.KindRenewal, model.StatusCanceled, "")}}, 4},
		{"renewed and dated, not aired", ShowData{Show: model.Show{Premiered: day("2011-03-01")}, Seasons: aired(7),
			Claims: []model.Claim{claim(8, model.KindRenewal, model.StatusRenewed, ""), claim(8, model.KindPremiere, "", "2028-02-01")}}, 8},
		{"several announced seasons", ShowData{Show: model.Show{Premiered: day("2011-03-01")}, Seasons: aired(2),
			Claims: []model.Claim{claim(3, model.KindRenewal, model.StatusRenewed, ""), claim(4, model.KindRenewal, model.StatusRenewed, "")}}, 3},
		{"no season list, the chart saw season 6", ShowData{Show: model.Show{Premiered: day("2013-09-12")},
			Viewership: []model.Viewership{{Season: 6, WeekEnding: day("2022-06-12")}}}, 7},
		{"no season list, nothing else", ShowData{Show: model.Show{Premiered: day("2013-09-12")}}, 2},
		{"not premiered", ShowData{}, 1},
	} {
		if got := NextSeason(tt.d, today); got != tt.want {
			t.Errorf("%s: next season %d, want %d", tt.name, got, tt.want)
		}
	}
	// Without a season list the page must not say "after 1 season".
	o, err := ComposeOutlook(ShowData{Show: model.Show{Title: "Peaky", Premiered: day("2013-09-12"), ProviderStatus: TVmazeEnded}}, 2, today)
	if err != nil {
		t.Fatal(err)
	}
	if o.SeasonList || o.LastAired != 1 {
		t.Errorf("without a season list: season_list %v, last aired %d", o.SeasonList, o.LastAired)
	}
}
