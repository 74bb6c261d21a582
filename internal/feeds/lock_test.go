package feeds_test

import (
	"bytes"
	"fmt"
	"testing"
	"time"

	"github.com/nextseason/nextseason/internal/dbtest"
	"github.com/nextseason/nextseason/internal/events"
	"github.com/nextseason/nextseason/internal/feeds/feedtest"
	"github.com/nextseason/nextseason/internal/model"
	"github.com/nextseason/nextseason/internal/store"
)

// TestAPollHoldsTransactionsOnlyToWrite: a poll of a feed of 200 new
// stories links, searches, loads the shows' data and reads the items it
// has before it writes. Inside its transactions a claim left for an
// editor reads nothing; an auto-accepted one reads once, to check that
// the show's claims are still those its events were told from
// (events.Plan), where telling them afresh (events.Record) reads the
// show twice over.
func TestAPollHoldsTransactionsOnlyToWrite(t *testing.T) {
	catalog := []string{"Quillbrook Heights", "The Marlow Ledger", "Saltmarsh", "Copper Valley", "Night Shift at Orly"}
	for _, autoAccept := range []bool{false, true} {
		t.Run(fmt.Sprintf("auto-accept=%v", autoAccept), func(t *testing.T) {
			st := dbtest.Store(t)
			ctx := t.Context()
			var ids []int64
			for i, title := range catalog {
				sh := model.Show{Title: title, Network: "Netflix", TVmazeID: int64(900 + i), Premiered: model.MustDate("2024-03-01")}
				if _, err := st.SaveShow(ctx, &sh); err != nil {
					t.Fatal(err)
				}
				ids = append(ids, sh.ID)
			}
			f, err := st.AddFeed(ctx, feedtest.Serve(t, feedtest.Renewals(catalog, 200)).URL, model.TierTrade)
			if err != nil {
				t.Fatal(err)
			}
			// What telling one show's change afresh reads.
			before := st.Counts()
			if err := st.InTx(ctx, func(tx *store.Store) error {
				_, err := events.Record(ctx, tx, ids[0], 2, func() error { return nil })
				return err
			}); err != nil {
				t.Fatal(err)
			}
			recordReads := st.Counts().Sub(before).TxReads

			var logs bytes.Buffer
			p := poller(st, true, &logs)
			if autoAccept {
				p.AutoAccept = map[model.Tier]float64{model.TierTrade: 0.5}
			}
			before = st.Counts()
			start := time.Now()
			rep, err := p.Poll(ctx, f)
			took := time.Since(start)
			if err != nil {
				t.Fatal(err)
			}
			c := st.Counts().Sub(before)
			if rep.New != 200 || rep.Claims < 200 {
				t.Fatalf("poll: %s; want 200 new items and a claim each", rep)
			}
			if autoAccept != (rep.Accepted > 0) {
				t.Fatalf("poll: %s; auto-accept %v", rep, autoAccept)
			}
			if want := int64(rep.Accepted); c.TxReads != want {
				t.Errorf("%d reads inside the poll's transactions; want %d, one for each claim accepted (events.Record would read %d each)", c.TxReads, want, recordReads)
			}
			t.Logf("%s: %d transactions, %d of %d statements inside them (%d reads); %.0f ms of %.0f ms in transactions (%.0f%%)",
				rep, c.Transactions, c.TxStatements, c.Statements, c.TxReads, c.TxTime.Seconds()*1000, took.Seconds()*1000, 100*c.TxTime.Seconds()/took.Seconds())
		})
	}
}
