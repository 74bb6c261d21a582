package facts

import (
	"fmt"
	"testing"
	"time"

	"github.com/nextseason/nextseason/internal/model"
)

func TestDueChanges(t *testing.T) {
	day := func(s string) model.PartialDate {
		d, err := model.ParsePartialDate(s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	// Season 1: eight episodes, the finale on 2026-03-06.
	show := ShowData{Show: model.Show{Title: "Harbor Lights", Premiered: day("2026-01-16")},
		Seasons: []model.Season{{Number: 1, EpisodeOrder: 8, Premiere: day("2026-01-16")}}}
	for i := range 8 {
		show.Episodes = append(show.Episodes, model.Episode{Season: 1, Number: i + 1, Airdate: model.DayDate(time.Date(2026, 1, 16+7*i, 0, 0, 0, 0, time.UTC))})
	}
	renewed := show
	renewed.Claims = []model.Claim{{ID: 1, Season: 2, Kind: model.KindRenewal, Status: model.StatusRenewed, StatedAt: day("2026-04-01"),
		Source: model.Source{Tier: model.TierOfficial, Published: day("2026-04-01")}, State: model.StateAccepted, Confidence: 1}}
	lastAiring := show
	lastAiring.Episodes = show.Episodes[:7]
	tests := []struct {
		name  string
		data  ShowData
		today string
		want  string
	}{
		{"before the finale", show, "2026-03-05", "[]"},
		{"the finale day", show, "2026-03-06", "[1 season_released 2026-03-06]"},
		{"a month on, no longer news", show, "2026-04-06", "[]"},
		{"sixty days on, undecided", show, "2026-05-05", "[2 at_risk 60 days after the season 1 finale (2026-03-06)]"},
		{"sixty days on, renewed", renewed, "2026-05-05", "[]"},
		{"a year on", show, "2027-03-06", "[]"},
		{"an episode missing from the catalog", lastAiring, "2026-03-06", "[]"},
	}
	for _, tt := range tests {
		var got []string
		for _, c := range DueChanges(tt.data, day(tt.today), 60) {
			got = append(got, fmt.Sprintf("%d %s %s", c.Season, c.Kind, c.New))
		}
		if s := fmt.Sprint(got); s != tt.want {
			t.Errorf("%s: %s, want %s", tt.name, s, tt.want)
		}
	}
}
