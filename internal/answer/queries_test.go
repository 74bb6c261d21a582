package answer_test

import (
	"testing"
	"time"

	"github.com/nextseason/nextseason/internal/answer"
	"github.com/nextseason/nextseason/internal/model"
)

// TestFollowedShowsCostFixedQueries: "My shows" reads the database in as
// many statements for a fan of 40 shows as for a fan of 2 (the shows and
// what their answers rest on are loaded together, not show by show).
func TestFollowedShowsCostFixedQueries(t *testing.T) {
	st := demoStore(t)
	ctx := t.Context()
	rows, err := st.DB().QueryContext(ctx, `SELECT id FROM shows ORDER BY id LIMIT 40`)
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	rows.Close()
	if len(ids) < 40 {
		t.Fatalf("the demo has %d shows; the test wants 40", len(ids))
	}
	cost := func(email string, follow []int64) int64 {
		t.Helper()
		u, err := st.AddUser(ctx, email, model.RoleViewer, "")
		if err != nil {
			t.Fatal(err)
		}
		for _, id := range follow {
			if err := st.SaveFollow(ctx, &model.Follow{UserID: u.ID, ShowID: id, Events: model.EventKinds, Delivery: model.DeliveryImmediate}); err != nil {
				t.Fatal(err)
			}
		}
		before := st.Counts().Statements
		got, err := answer.FollowedShows(ctx, st, u.ID, time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC))
		if err != nil || len(got) != len(follow) {
			t.Fatalf("%d followed shows, %v; want %d", len(got), err, len(follow))
		}
		return st.Counts().Statements - before
	}
	few, many := cost("two@example.com", ids[:2]), cost("forty@example.com", ids)
	if many != few {
		t.Errorf("My shows: %d statements for 2 shows, %d for 40; want the same", few, many)
	}
	t.Logf("My shows: %d statements for 2 or 40 shows", few)
}
