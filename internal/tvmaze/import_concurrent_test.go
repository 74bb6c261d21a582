package tvmaze_test

import (
	"context"
	"fmt"
	"sync/atomic"
	"testing"

	"github.com/nextseason/nextseason/internal/db"
	"github.com/nextseason/nextseason/internal/dbtest"
	"github.com/nextseason/nextseason/internal/model"
	"github.com/nextseason/nextseason/internal/store"
	"github.com/nextseason/nextseason/internal/tvmaze"
)

// TestImportLetsAServerWrite: while a large import runs, a server on the
// same database (its own connections, as another process would have)
// writes between the import's transactions instead of waiting for the
// whole import (which on SQLite failed such writes with "database is
// locked" once the import outlasted the busy timeout): writes complete
// while shows are still going in, and none fails.
func TestImportLetsAServerWrite(t *testing.T) {
	url := dbtest.URL(t)
	open := func() *store.Store {
		d, err := db.Open(t.Context(), url)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { d.Close() })
		return store.New(d, dbtest.Clock)
	}
	importer := open()
	if _, err := importer.DB().Migrate(t.Context(), dbtest.Clock()); err != nil {
		t.Fatal(err)
	}
	server := open()
	u, err := server.AddUser(t.Context(), "ann@example.com", model.RoleViewer, "")
	if err != nil {
		t.Fatal(err)
	}
	const shows = 32 * tvmaze.ImportBatch // a few seconds of writing, on SQLite
	var doc tvmaze.Document
	for i := range shows {
		doc.Shows = append(doc.Shows, tvmaze.Show{ID: int64(900000 + i), Name: fmt.Sprintf("Imported Show %d", i), Genres: []string{"Drama"}, Status: "Running"})
	}
	var done atomic.Bool
	imported := make(chan error, 1)
	go func() {
		_, err := tvmaze.Import(context.WithoutCancel(t.Context()), importer, doc, 0)
		done.Store(true)
		imported <- err
	}()
	// Once the first batch is in, write from the server, as a fan
	// following a show would.
	var during, writes int
	for n := 0; !done.Load(); {
		if n, err = server.CountShows(t.Context()); err != nil {
			t.Fatal(err)
		}
		if n == 0 || n >= shows {
			continue
		}
		sh, err := server.ShowByTVmazeID(t.Context(), 900000)
		if err != nil {
			t.Fatal(err)
		}
		if err := server.SaveFollow(t.Context(), &model.Follow{UserID: u.ID, ShowID: sh.ID, Events: model.EventKinds, Delivery: model.DeliveryImmediate}); err != nil {
			t.Fatalf("a server write during the import: %v", err)
		}
		writes++
		if !done.Load() {
			during++
		}
	}
	if err := <-imported; err != nil {
		t.Fatal(err)
	}
	if during == 0 {
		t.Errorf("%d server writes, none completed while the import ran: the import holds the database until it ends", writes)
	}
}
