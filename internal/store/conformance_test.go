package store_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/nextseason/nextseason/internal/db"
	"github.com/nextseason/nextseason/internal/dbtest"
	"github.com/nextseason/nextseason/internal/model"
	"github.com/nextseason/nextseason/internal/notify/webhooktest"
	"github.com/nextseason/nextseason/internal/store"
)

// conformanceCases are what the store must do alike on every database;
// TestConformance runs each on SQLite and PostgreSQL side by side (the
// way River tests its drivers), so a case cannot pass on one and be
// forgotten on the other.
var conformanceCases = []struct {
	name string
	run  func(t *testing.T, dbURL string, st *store.Store)
}{
	{"a missing row is ErrNotFound", func(t *testing.T, _ string, st *store.Store) {
		if _, err := st.ShowBySlug(t.Context(), "no-such-show"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("a missing show: %v, want ErrNotFound", err)
		}
		if _, err := st.UserByEmail(t.Context(), "nobody@example.com"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("a missing user: %v, want ErrNotFound", err)
		}
	}},
	{"a broken uniqueness rule is ErrConflict, with the driver's words", func(t *testing.T, _ string, st *store.Store) {
		if _, err := st.AddUser(t.Context(), "ann@example.com", model.RoleViewer, ""); err != nil {
			t.Fatal(err)
		}
		_, err := st.AddUser(t.Context(), "ann@example.com", model.RoleViewer, "")
		if !errors.Is(err, store.ErrConflict) || !strings.Contains(err.Error(), "ann@example.com") {
			t.Errorf("the same address twice: %v, want ErrConflict naming it", err)
		}
		if _, err := st.AddFeed(t.Context(), "https://example.com/feed.xml", model.TierTrade); err != nil {
			t.Fatal(err)
		}
		if _, err := st.AddFeed(t.Context(), "https://example.com/feed.xml", model.TierTrade); !errors.Is(err, store.ErrConflict) {
			t.Errorf("the same feed twice: %v, want ErrConflict", err)
		}
	}},
	{"a lock not had in time is ErrBusy", func(t *testing.T, dbURL string, st *store.Store) {
		// Another instance holds the write (SQLite) or the row (PostgreSQL)
		// in an open transaction; this one waits a tenth of a second.
		sep := "?"
		if strings.Contains(dbURL, "?") {
			sep = "&"
		}
		impatient := dbURL + sep + "_pragma=busy_timeout(100)"
		if db.DialectOf(dbURL) == db.Postgres {
			impatient = dbURL + sep + "lock_timeout=100"
		}
		// The schema is migrated: opening it again would wait for the
		// migration lock, which other packages' tests may hold, a tenth
		// of a second at most.
		od, err := db.Open(t.Context(), impatient)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { od.Close() })
		other := store.New(od, dbtest.Clock)
		if err := st.CheckWrite(t.Context()); err != nil {
			t.Fatal(err)
		}
		release, held := make(chan struct{}), make(chan struct{})
		done := make(chan error)
		go func() {
			done <- st.InTx(t.Context(), func(tx *store.Store) error {
				if err := tx.CheckWrite(t.Context()); err != nil {
					return err
				}
				close(held)
				<-release
				return nil
			})
		}()
		<-held
		err = other.CheckWrite(t.Context())
		close(release)
		if !errors.Is(err, store.ErrBusy) {
			t.Errorf("a write while another holds the lock: %v, want ErrBusy", err)
		}
		if err := <-done; err != nil {
			t.Fatal(err)
		}
		if err := other.CheckWrite(t.Context()); err != nil {
			t.Errorf("the same write once the lock is free: %v", err)
		}
	}},
	{"a rolled-back transaction leaves nothing", func(t *testing.T, _ string, st *store.Store) {
		boom := errors.New("boom")
		err := st.InTx(t.Context(), func(tx *store.Store) error {
			if _, err := tx.SaveShow(t.Context(), &model.Show{Title: "Ghost"}); err != nil {
				return err
			}
			return boom
		})
		if !errors.Is(err, boom) {
			t.Fatalf("InTx returned %v", err)
		}
		if n, err := st.CountShows(t.Context()); err != nil || n != 0 {
			t.Errorf("%d shows (%v) after a rolled-back transaction, want 0", n, err)
		}
	}},
	{"values read back as written", func(t *testing.T, _ string, st *store.Store) {
		sh := model.Show{Title: "Anatomía de Grey — «Temporada»", Network: "ABC", Genres: []string{"Drama", "Romance"},
			Premiered: date("2005-03"), ProviderStatus: "Running", TVmazeID: 67}
		if _, err := st.SaveShow(t.Context(), &sh); err != nil {
			t.Fatal(err)
		}
		got, err := st.ShowBySlug(t.Context(), sh.Slug)
		if err != nil {
			t.Fatal(err)
		}
		if got.Title != sh.Title || got.Premiered.String() != "2005-03" || strings.Join(got.Genres, ",") != "Drama,Romance" || got.TVmazeID != 67 {
			t.Errorf("read back %+v, want %+v", got, sh)
		}
	}},
	{"a generation counts each change", func(t *testing.T, _ string, st *store.Store) {
		if n, err := st.Generation(t.Context(), store.GenOdds); err != nil || n != 0 {
			t.Fatalf("before any change: %d, %v; want 0", n, err)
		}
		for i := 1; i <= 2; i++ {
			if err := st.SaveOddsModel(t.Context(), "v-test", fmt.Sprintf("2026-01-%02d", i), dbtest.Clock(), []byte("{}")); err != nil {
				t.Fatal(err)
			}
			if n, err := st.Generation(t.Context(), store.GenOdds); err != nil || n != int64(i) {
				t.Errorf("after %d models stored: generation %d, %v", i, n, err)
			}
		}
	}},
	{"a claimed delivery is claimed once until its lease ends", func(t *testing.T, _ string, st *store.Store) {
		webhooksFor(t, st, 3)
		first, held, err := st.DueDeliveries(t.Context(), 10, time.Minute)
		if err != nil || len(first) != 3 {
			t.Fatalf("the first claim: %d deliveries, %v; want 3", len(first), err)
		}
		if again, _, err := st.DueDeliveries(t.Context(), 10, time.Minute); err != nil || len(again) != 0 {
			t.Errorf("a second claim within the lease: %d deliveries, %v; want none", len(again), err)
		}
		ids := []int64{first[0].ID, first[1].ID, first[2].ID}
		kept, until, err := st.RenewDeliveries(t.Context(), ids, held, 2*time.Minute)
		if err != nil || len(kept) != 3 || !until.After(held) {
			t.Errorf("renewing the lease: %v until %v, %v; want all three, later", kept, until, err)
		}
		if n, err := st.DeliveriesSent(t.Context(), ids, held); err != nil || n != 0 {
			t.Errorf("marking under the old lease: %d, %v; want none (the lease moved)", n, err)
		}
		if n, err := st.DeliveriesSent(t.Context(), ids, until); err != nil || n != 3 {
			t.Errorf("marking under the renewed lease: %d, %v; want 3", n, err)
		}
	}},
}

func TestConformance(t *testing.T) {
	for _, c := range conformanceCases {
		t.Run(c.name, func(t *testing.T) {
			dbtest.EachURL(t, func(t *testing.T, dbURL string) {
				c.run(t, dbURL, store.New(dbtest.OpenURL(t, dbURL), dbtest.Clock))
			})
		})
	}
}

// webhooksFor queues one delivery for each of n followers' webhooks: an
// editor accepts a renewal they follow.
func webhooksFor(t *testing.T, st *store.Store, n int) {
	t.Helper()
	sh := model.Show{Title: "Harbor Lights", Network: "Netflix", TVmazeID: 990004}
	if _, err := st.SaveShow(t.Context(), &sh); err != nil {
		t.Fatal(err)
	}
	if err := webhooktest.AddFollowers(t.Context(), st, sh.ID, n, func(i int) string { return fmt.Sprintf("https://hooks.example/%d", i) }, "whsec_dGVzdA=="); err != nil {
		t.Fatal(err)
	}
	if err := webhooktest.AcceptRenewal(t.Context(), st, sh.ID, 2, model.DayDate(dbtest.Clock()), "https://trade.example/harbor-lights-s2"); err != nil {
		t.Fatal(err)
	}
}
