package odds_test

import (
	"math"
	"slices"
	"testing"
	"time"

	"github.com/nextseason/nextseason/internal/dbtest"
	"github.com/nextseason/nextseason/internal/demo"
	"github.com/nextseason/nextseason/internal/model"
	"github.com/nextseason/nextseason/internal/notify/webhooktest"
	"github.com/nextseason/nextseason/internal/odds"
	"github.com/nextseason/nextseason/internal/review"
	"github.com/nextseason/nextseason/internal/store"
)

// TestAnOutcomeTeachesFromTheDayItIsKnown: in a database with the demo's
// Top 10 weeks and lists, an editor accepts that The Gentlemen was
// renewed, stated on day K. A model fitted as of K−1 does not learn from
// it; one fitted as of K+1 does, labelled from the claim and dated K.
// Odds as of K−1 come from the model of K−1 or earlier, whatever the
// database learned since.
func TestAnOutcomeTeachesFromTheDayItIsKnown(t *testing.T) {
	ctx := t.Context()
	k := time.Date(2024, 4, 10, 0, 0, 0, 0, time.UTC)
	now := k.AddDate(0, 0, -5) // the demo's models are fitted up to then
	st := store.New(dbtest.Open(t), func() time.Time { return now })
	// The show first, so that its chart weeks link to it.
	sh := model.Show{Title: "The Gentlemen", Network: "Netflix", TVmazeID: 990301, Premiered: model.DayDate(time.Date(2024, 3, 7, 0, 0, 0, 0, time.UTC))}
	if _, err := st.SaveShow(ctx, &sh); err != nil {
		t.Fatal(err)
	}
	if _, err := demo.LoadOdds(ctx, st); err != nil {
		t.Fatal(err)
	}
	now = k.AddDate(0, 0, 1)
	c := model.Claim{ShowID: sh.ID, Season: 2, Kind: model.KindRenewal, Status: model.StatusRenewed, Quote: "Netflix has renewed The Gentlemen for a second season.",
		Source:   model.Source{URL: "https://example.com/gentlemen-renewed", Publisher: "Example Trade", Published: model.DayDate(k), Tier: model.TierTrade},
		StatedAt: model.DayDate(k), Confidence: 1, Origin: model.OriginEditor, State: model.StateAccepted, Reviewer: "editor@example.com", ReviewedAt: now}
	if _, err := st.AddClaim(ctx, &c); err != nil {
		t.Fatal(err)
	}
	d, err := odds.Load(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	gentlemen := func(e odds.Example) bool { return e.Title == "The Gentlemen" && e.Season == 1 }
	before, after := d.TrainingSet(k.AddDate(0, 0, -1)), d.TrainingSet(k.AddDate(0, 0, 1))
	if slices.ContainsFunc(before, gentlemen) {
		t.Errorf("as of K-1 the model learns from The Gentlemen's renewal, stated on K")
	}
	i := slices.IndexFunc(after, gentlemen)
	if i < 0 {
		t.Fatalf("as of K+1 the model does not learn from The Gentlemen's renewal")
	}
	if e := after[i]; !e.Renewed || e.Source != odds.SourceClaims || !e.Known.Equal(k) {
		t.Errorf("as of K+1: %+v, want renewed, from the claim, known on %s", e, k.Format(time.DateOnly))
	}

	// Stored models: odds as of K-1 come from a model fitted by then.
	if _, err := odds.FitStored(ctx, st, k.AddDate(0, 0, -1), false); err != nil {
		t.Fatal(err)
	}
	if _, err := odds.FitStored(ctx, st, k.AddDate(0, 0, 1), false); err != nil {
		t.Fatal(err)
	}
	// The day-before's model gave way to the month's; today's stays.
	cutoffs, err := st.OddsModelCutoffs(ctx, odds.ModelVersion)
	if err != nil || slices.Contains(cutoffs, "2024-04-09") || !slices.Contains(cutoffs, "2024-04-11") || !slices.Contains(cutoffs, "2024-04-01") {
		t.Errorf("stored cut-offs %v (%v): want 2024-04-01 and today's 2024-04-11, not 2024-04-09", cutoffs, err)
	}
	then, err := odds.EstimateStored(ctx, st, odds.Query{ShowID: sh.ID, Title: sh.Title, Season: 2, AsOf: k.AddDate(0, 0, -1)})
	if err != nil {
		t.Fatal(err)
	}
	later, err := odds.EstimateStored(ctx, st, odds.Query{ShowID: sh.ID, Title: sh.Title, Season: 2, AsOf: k.AddDate(0, 0, 1)})
	if err != nil {
		t.Fatal(err)
	}
	if then.ModelCutoff.After(k.AddDate(0, 0, -1)) || !later.ModelCutoff.Equal(k.AddDate(0, 0, 1)) || later.TrainSeasons <= then.TrainSeasons {
		t.Errorf("as of K-1: model of %s on %d seasons; as of K+1: model of %s on %d", then.ModelCutoff.Format(time.DateOnly), then.TrainSeasons,
			later.ModelCutoff.Format(time.DateOnly), later.TrainSeasons)
	}
}

// TestServiceReadsARefitModel: the job refits today's cut-off every hour;
// services (two instances) that answered from the model before answer
// the same question from the new one as soon as it is stored — the
// answers they kept are dropped — so instances sharing a database answer
// alike.
func TestServiceReadsARefitModel(t *testing.T) {
	ctx := t.Context()
	day := time.Date(2024, 5, 6, 0, 0, 0, 0, time.UTC)
	st := store.New(dbtest.Open(t), func() time.Time { return day })
	if _, err := demo.LoadOdds(ctx, st); err != nil {
		t.Fatal(err)
	}
	save := func(p float64) {
		t.Helper()
		zeros, ones := make([]float64, len(odds.FeatureNames)), make([]float64, len(odds.FeatureNames))
		for i := range ones {
			ones[i] = 1
		}
		f := odds.Fitted{Version: odds.ModelVersion, Cutoff: day, FittedAt: day, TrainSeasons: 100,
			Model: odds.Model{Logistic: &odds.Logistic{Bias: math.Log(p / (1 - p)), Weights: zeros, Mean: zeros, Scale: ones}}}
		b, err := f.Encode()
		if err != nil {
			t.Fatal(err)
		}
		if err := st.SaveOddsModel(ctx, odds.ModelVersion, day.Format(time.DateOnly), day, b); err != nil {
			t.Fatal(err)
		}
	}
	instances := []*odds.Service{{Store: st}, {Store: st}}
	for _, p := range []float64{0.77, 0.33} {
		save(p)
		for i, svc := range instances {
			for range 2 { // the second answer is the kept one
				e, err := svc.Estimate(ctx, odds.Query{Title: "The Gentlemen", Season: 2, AsOf: day})
				if err != nil {
					t.Fatal(err)
				}
				if math.Abs(e.Probability-p) > 1e-9 {
					t.Errorf("after storing a model giving %.2f, instance %d gives %.2f", p, i+1, e.Probability)
				}
			}
		}
	}
}

// TestAnAcceptedDecisionReachesTheOdds: an instance that loaded what the
// odds learn from sees an editor's accepted renewal (its event) at once:
// the season counts as decided, and no answer kept from before is given.
func TestAnAcceptedDecisionReachesTheOdds(t *testing.T) {
	ctx := t.Context()
	k := time.Date(2024, 4, 10, 0, 0, 0, 0, time.UTC)
	st := store.New(dbtest.Open(t), func() time.Time { return k })
	sh := model.Show{Title: "The Gentlemen", Network: "Netflix", TVmazeID: 990301, Premiered: model.DayDate(time.Date(2024, 3, 7, 0, 0, 0, 0, time.UTC))}
	if _, err := st.SaveShow(ctx, &sh); err != nil {
		t.Fatal(err)
	}
	if _, err := demo.LoadOdds(ctx, st); err != nil {
		t.Fatal(err)
	}
	svc := &odds.Service{Store: st}
	d, err := svc.Data(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, decided := d.Decided(sh.Title, 1, k); decided {
		t.Fatalf("before any claim, season 1 of The Gentlemen counts as decided")
	}
	c, err := webhooktest.ProposeRenewal(ctx, st, sh.ID, 2, model.DayDate(k), "https://example.com/gentlemen-renewed")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := review.Accept(ctx, st, c.ID, "", model.Reviewer{Name: "editor@example.com"}); err != nil {
		t.Fatal(err)
	}
	if d, err = svc.Data(ctx); err != nil {
		t.Fatal(err)
	}
	if e, decided := d.Decided(sh.Title, 1, k); !decided || !e.Renewed {
		t.Errorf("after the renewal was accepted, the same instance reads season 1 as %+v (decided %v), want renewed", e, decided)
	}
}
