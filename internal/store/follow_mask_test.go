package store_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/nextseason/nextseason/internal/db"
	"github.com/nextseason/nextseason/internal/dbtest"
	"github.com/nextseason/nextseason/internal/model"
	"github.com/nextseason/nextseason/internal/store"
)

// TestFollowEventsMigrateToBits: migration 023 turns a follow's
// comma-separated event kinds into the bits the store reads, on both
// databases: a follow of renewals and cast news reads back as just those
// (its statements after adding the column are run on a follow written
// the old way).
func TestFollowEventsMigrateToBits(t *testing.T) {
	dbtest.EachURL(t, func(t *testing.T, dbURL string) {
		d := dbtest.OpenURL(t, dbURL)
		st := store.New(d, dbtest.Clock)
		ctx := t.Context()
		sh := model.Show{Title: "Harbor Lights"}
		if _, err := st.SaveShow(ctx, &sh); err != nil {
			t.Fatal(err)
		}
		u, err := st.AddUser(ctx, "fan@example.com", model.RoleViewer, "")
		if err != nil {
			t.Fatal(err)
		}
		ms, err := db.Migrations(d.Dialect)
		if err != nil {
			t.Fatal(err)
		}
		var statements []string
		for _, m := range ms {
			if m.Name == "follow_event_mask" {
				for _, q := range strings.Split(m.SQL, ";") {
					if q = strings.TrimSpace(q); q != "" && !strings.Contains(q, "ADD COLUMN") {
						statements = append(statements, q)
					}
				}
			}
		}
		if len(statements) != 2 {
			t.Fatalf("migration follow_event_mask: %d statements after adding the column, want the update and the drop", len(statements))
		}
		old := []string{`ALTER TABLE follows ADD COLUMN events TEXT NOT NULL DEFAULT ''`,
			fmt.Sprintf(`INSERT INTO follows (user_id, show_id, events, delivery, created_at, event_mask) VALUES (%d, %d, 'renewed,cast_news', 'immediate', '2026-01-01 00:00:00', 0)`, u.ID, sh.ID)}
		for _, q := range append(old, statements...) {
			if _, err := d.ExecContext(ctx, q); err != nil {
				t.Fatalf("%s: %v", q, err)
			}
		}
		follows, err := st.Follows(ctx, u.ID)
		if err != nil || len(follows) != 1 {
			t.Fatalf("follows %+v, %v", follows, err)
		}
		if got := fmt.Sprint(follows[0].Events); got != "[renewed cast_news]" {
			t.Errorf("the migrated follow asks for %s, want [renewed cast_news]", got)
		}
	})
}
