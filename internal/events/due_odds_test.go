package events_test

import (
	"fmt"
	"regexp"
	"testing"
	"time"

	"github.com/nextseason/nextseason/internal/dbtest"
	"github.com/nextseason/nextseason/internal/demo"
	"github.com/nextseason/nextseason/internal/events"
	"github.com/nextseason/nextseason/internal/model"
	"github.com/nextseason/nextseason/internal/odds"
	"github.com/nextseason/nextseason/internal/store"
)

// TestAtRiskCarriesTheOdds: sixty days after The Gentlemen's first season
// dropped (2024-03-07), with no decision, its followers are told season 2
// is at risk, with the renewal odds of that day from the stored model; a
// show that never reached the Top 10 is told without odds; and neither
// is told twice.
func TestAtRiskCarriesTheOdds(t *testing.T) {
	ctx := t.Context()
	day := time.Date(2024, 5, 6, 9, 0, 0, 0, time.UTC)
	st := store.New(dbtest.Open(t), func() time.Time { return day })
	if _, err := demo.LoadOdds(ctx, st); err != nil {
		t.Fatal(err)
	}
	// Two shows whose eight-episode first seasons all dropped on 2024-03-07.
	dropped := model.DayDate(time.Date(2024, 3, 7, 0, 0, 0, 0, time.UTC))
	show := func(title string, id int64) model.Show {
		t.Helper()
		sh := model.Show{Title: title, Network: "Netflix", TVmazeID: id, Premiered: dropped}
		if _, err := st.SaveShow(ctx, &sh); err != nil {
			t.Fatal(err)
		}
		if _, err := st.SaveSeason(ctx, model.Season{ShowID: sh.ID, Number: 1, EpisodeOrder: 8, Premiere: dropped, End: dropped}); err != nil {
			t.Fatal(err)
		}
		return sh
	}
	charted, uncharted := show("The Gentlemen", 990201), show("Quiet Valley", 990202)
	want, err := odds.EstimateStored(ctx, st, odds.Query{ShowID: charted.ID, Title: "The Gentlemen", Season: 2, AsOf: day})
	if err != nil {
		t.Fatal(err)
	}
	svc := &odds.Service{Store: st}
	told := func(sh model.Show) []model.Event {
		t.Helper()
		got, err := events.RecordDue(ctx, st, sh.ID, 60, svc.RenewalOdds)
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	pct := regexp.MustCompile(`; estimated renewal odds (\d+)%$`)
	got := told(charted)
	if len(got) != 1 || got[0].Kind != model.EventAtRisk || got[0].Season != 2 {
		t.Fatalf("The Gentlemen: %+v", got)
	}
	if m := pct.FindStringSubmatch(got[0].New); m == nil || m[1] != fmtPercent(want.Probability) {
		t.Errorf("The Gentlemen at risk: %q, want odds %s%%", got[0].New, fmtPercent(want.Probability))
	}
	got = told(uncharted)
	if len(got) != 1 || got[0].Kind != model.EventAtRisk || pct.MatchString(got[0].New) {
		t.Errorf("Quiet Valley (never in the Top 10): %+v", got)
	}
	// A day on, the odds may have moved; nothing is told again.
	day = day.Add(24 * time.Hour)
	if again := append(told(charted), told(uncharted)...); len(again) != 0 {
		t.Errorf("told again: %+v", again)
	}
}

func fmtPercent(p float64) string { return fmt.Sprintf("%.0f", 100*p) }
