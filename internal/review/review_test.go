package review_test

import (
	"testing"
	"time"

	"github.com/nextseason/nextseason/internal/dbtest"
	"github.com/nextseason/nextseason/internal/model"
	"github.com/nextseason/nextseason/internal/review"
	"github.com/nextseason/nextseason/internal/store"
)

func proposeRenewal(t *testing.T, st *store.Store, showID int64, status model.RenewalStatus, url string) int64 {
	t.Helper()
	day := model.DayDate(dbtest.Clock())
	c := model.Claim{ShowID: showID, Season: 2, Kind: model.KindRenewal, Status: status, Quote: "a quote from " + url,
		Source:   model.Source{URL: url, Publisher: "Example Trade", Published: day, Tier: model.TierTrade},
		StatedAt: day, Confidence: 0.8, Origin: model.OriginFeed, Rule: "renewed", State: model.StateProposed}
	if _, err := st.AddClaim(t.Context(), &c); err != nil {
		t.Fatal(err)
	}
	return c.ID
}

// TestAcceptRecordsEventsOnce: accepting a claim that changes a season's
// answer stores one event with its claim and source; accepting a second
// claim that says the same, or rejecting one, stores none.
func TestAcceptRecordsEventsOnce(t *testing.T) {
	st := dbtest.Store(t)
	ctx := t.Context()
	sh := model.Show{Title: "Harbor Lights", Network: "Netflix", TVmazeID: 990001, Premiered: model.DayDate(time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC))}
	if _, err := st.SaveShow(ctx, &sh); err != nil {
		t.Fatal(err)
	}
	first := proposeRenewal(t, st, sh.ID, model.StatusRenewed, "https://trade.example/harbor-lights-renewed")
	second := proposeRenewal(t, st, sh.ID, model.StatusRenewed, "https://other.example/harbor-lights-back")
	rejected := proposeRenewal(t, st, sh.ID, model.StatusCanceled, "https://rumor.example/harbor-lights-axed")

	if evs, _ := st.ShowEvents(ctx, sh.ID); len(evs) != 0 {
		t.Fatalf("events before any decision: %+v", evs)
	}
	if _, err := review.Accept(ctx, st, first, "", model.Reviewer{Name: "ed"}); err != nil {
		t.Fatal(err)
	}
	evs, err := st.ShowEvents(ctx, sh.ID)
	if err != nil || len(evs) != 1 {
		t.Fatalf("events after accepting the renewal: %+v (%v); want one", evs, err)
	}
	e := evs[0]
	if e.Kind != model.EventRenewed || e.Season != 2 || e.New != "renewed" || e.ClaimID != first || e.SourceURL != "https://trade.example/harbor-lights-renewed" {
		t.Errorf("the event: %+v", e)
	}
	if _, err := review.Reject(ctx, st, rejected, model.Reviewer{Name: "ed"}); err != nil {
		t.Fatal(err)
	}
	if _, err := review.Accept(ctx, st, second, "", model.Reviewer{Name: "ed"}); err != nil {
		t.Fatal(err)
	}
	if evs, _ := st.ShowEvents(ctx, sh.ID); len(evs) != 1 {
		t.Errorf("events after a rejection and a second renewal: %+v; want still one", evs)
	}
}
