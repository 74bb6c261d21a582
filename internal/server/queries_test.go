package server_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/nextseason/nextseason/internal/dbtest"
	"github.com/nextseason/nextseason/internal/model"
	"github.com/nextseason/nextseason/internal/store"
)

// TestPagesCostFixedStatements: "My shows", the review page and search
// read the database in as many statements however much they list: 50
// follows cost what 2 do, 200 claims in the queue what 2 do, a search
// of two words with 50 hits what one with one hit does.
func TestPagesCostFixedStatements(t *testing.T) {
	srv, st := setup(t)
	ctx := t.Context()
	var shows []model.Show
	for i := 0; len(shows) < 50; i++ {
		sh := model.Show{Title: fmt.Sprintf("Queries Test Show %d", i), Network: "Netflix", TVmazeID: int64(700000 + i), Premiered: model.MustDate("2024-01-05")}
		if _, err := st.SaveShow(ctx, &sh); err != nil {
			t.Fatal(err)
		}
		shows = append(shows, sh)
	}
	cost := func(v *visitor, path, want string) int64 {
		t.Helper()
		before := st.Counts().Statements
		code, body := v.do("GET", path, nil)
		if code != http.StatusOK || !strings.Contains(body, want) {
			t.Fatalf("GET %s: %d, want 200 with %q\n%s", path, code, want, body)
		}
		return st.Counts().Statements - before
	}

	fan := func(email string, n int) int64 {
		v := signIn(t, srv, st, email, model.RoleViewer)
		u, err := st.UserByEmail(ctx, email)
		if err != nil {
			t.Fatal(err)
		}
		for _, sh := range shows[:n] {
			if err := st.SaveFollow(ctx, &model.Follow{UserID: u.ID, ShowID: sh.ID, Events: model.EventKinds, Delivery: model.DeliveryImmediate}); err != nil {
				t.Fatal(err)
			}
		}
		return cost(v, "/me", shows[n-1].Title)
	}
	if two, fifty := fan("two@example.com", 2), fan("fifty@example.com", 50); two != fifty {
		t.Errorf("My shows: %d statements for 2 follows, %d for 50; want the same", two, fifty)
	} else {
		t.Logf("My shows: %d statements for 2 or 50 follows", two)
	}

	editor := signIn(t, srv, st, "editor@example.com", model.RoleEditor)
	queue := func(n int) int64 {
		for i := range n {
			sh := shows[i%len(shows)]
			c := model.Claim{ShowID: sh.ID, Season: 2, Kind: model.KindRenewal, Status: model.StatusRenewed, Quote: fmt.Sprintf("%s is renewed (story %d).", sh.Title, i),
				Source:   model.Source{URL: fmt.Sprintf("https://trade.example/%d-%d", n, i), Publisher: "Example Trade", Published: model.DayDate(dbtest.Clock()), Tier: model.TierTrade},
				StatedAt: model.DayDate(dbtest.Clock()), Confidence: 0.8, Origin: model.OriginFeed, Rule: "renewed", State: model.StateProposed}
			if _, err := st.AddClaim(ctx, &c); err != nil {
				t.Fatal(err)
			}
		}
		return cost(editor, "/review", "is renewed (story")
	}
	reject := func() {
		t.Helper()
		claims, err := st.ClaimsInState(ctx, model.StateProposed, 1000)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range claims {
			if err := st.InTx(ctx, func(tx *store.Store) error {
				return tx.Review(ctx, c.ID, model.StateRejected, model.Reviewer{Name: "test"})
			}); err != nil {
				t.Fatal(err)
			}
		}
	}
	reject() // the demo's own queue
	two := queue(2)
	reject()
	if many := queue(200); two != many {
		t.Errorf("the review page: %d statements for 2 claims, %d for 200; want the same", two, many)
	} else {
		t.Logf("the review page: %d statements for 2 or 200 claims", two)
	}

	anyone := &visitor{t: t, srv: srv}
	// Two words each: search reads each word's spellings once.
	one, many := cost(anyone, "/search?q=partner+track", "Partner Track"), cost(anyone, "/search?q=queries+test", "Queries Test Show")
	if one != many {
		t.Errorf("search: %d statements for one hit, %d for 50; want the same", one, many)
	} else {
		t.Logf("search: %d statements for one hit or 50", one)
	}
}
