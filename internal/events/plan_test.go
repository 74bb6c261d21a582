package events_test

import (
	"testing"

	"github.com/nextseason/nextseason/internal/dbtest"
	"github.com/nextseason/nextseason/internal/events"
	"github.com/nextseason/nextseason/internal/model"
	"github.com/nextseason/nextseason/internal/store"
)

// TestAPlanRereadsAShowChangedMeanwhile: a plan tells an accepted claim's
// events from the show as read before its transaction; when another
// writer accepted a claim about the show in between, the plan's check
// fails and the events are told from the show as it is, so followers
// hear "renewed, was canceled", not "renewed" from no answer.
// Without that change, the plan's answer is the same as telling afresh.
func TestAPlanRereadsAShowChangedMeanwhile(t *testing.T) {
	for _, meanwhile := range []bool{false, true} {
		st := dbtest.Store(t)
		ctx := t.Context()
		sh := model.Show{Title: "Saltmarsh", Network: "Netflix", TVmazeID: 77, Premiered: model.MustDate("2024-03-01")}
		if _, err := st.SaveShow(ctx, &sh); err != nil {
			t.Fatal(err)
		}
		claim := func(status model.RenewalStatus, url, stated string) *model.Claim {
			return &model.Claim{ShowID: sh.ID, Season: 2, Kind: model.KindRenewal, Status: status, State: model.StateAccepted,
				Quote: "Saltmarsh is " + string(status) + ".", Origin: model.OriginFeed, StatedAt: model.MustDate(stated),
				Source: model.Source{URL: url, Publisher: "Trade", Published: model.MustDate(stated), Tier: model.TierTrade}}
		}
		d, err := st.ShowData(ctx, sh)
		if err != nil {
			t.Fatal(err)
		}
		plan := events.NewPlan(d)
		if meanwhile {
			if err := st.InTx(ctx, func(tx *store.Store) error {
				_, err := events.AddClaim(ctx, tx, claim(model.StatusCanceled, "https://trade.example/canceled", "2026-11-01"))
				return err
			}); err != nil {
				t.Fatal(err)
			}
		}
		if err := st.InTx(ctx, func(tx *store.Store) error {
			_, err := plan.AddClaim(ctx, tx, claim(model.StatusRenewed, "https://trade.example/renewed", "2026-11-02"))
			return err
		}); err != nil {
			t.Fatal(err)
		}
		evs, err := st.ShowEvents(ctx, sh.ID)
		if err != nil {
			t.Fatal(err)
		}
		last := evs[len(evs)-1]
		want := string(model.StatusUnknown)
		if meanwhile {
			want = "canceled"
		}
		if last.Kind != model.EventRenewed || last.Old != want || last.New != "renewed" {
			t.Errorf("changed meanwhile %v: the last event is %s %q → %q; want renewed %q → \"renewed\"", meanwhile, last.Kind, last.Old, last.New, want)
		}
	}
}
