package store_test

import (
	"context"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/nextseason/nextseason/internal/db"
	"github.com/nextseason/nextseason/internal/dbtest"
	"github.com/nextseason/nextseason/internal/model"
	"github.com/nextseason/nextseason/internal/store"
)

// On SQLite a long write transaction (an import batch) holds the one
// write lock while requests queue up to write. Readers must not wait
// behind them: a page read answers while the lock is still held and
// writers are queued, and every queued write lands once it is released.
// (PostgreSQL locks rows, not the database, so this is SQLite's case.)
func TestReadsDoNotWaitBehindQueuedWriters(t *testing.T) {
	ctx := t.Context()
	d, err := db.Open(ctx, filepath.Join(t.TempDir(), "pools.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	if _, err := d.Migrate(ctx, dbtest.Clock()); err != nil {
		t.Fatal(err)
	}
	st := store.New(d, dbtest.Clock)
	sh := model.Show{Title: "Partner Track"}
	if _, err := st.SaveShow(ctx, &sh); err != nil {
		t.Fatal(err)
	}

	release := make(chan struct{})
	holding := make(chan struct{})
	held := make(chan error, 1)
	go func() {
		held <- st.InTx(ctx, func(tx *store.Store) error {
			if err := tx.CheckWrite(ctx); err != nil {
				return err
			}
			close(holding)
			<-release
			return nil
		})
	}()
	<-holding

	const writers = 8
	var wg sync.WaitGroup
	writeErrs := make(chan error, writers)
	for range writers {
		wg.Go(func() { writeErrs <- st.CheckWrite(ctx) })
	}
	// Wait until the writers hold or wait for every write connection: the
	// pool has counted the ones that found none free.
	for d.Stats().WaitCount < writers-1 {
		time.Sleep(10 * time.Millisecond)
	}

	readCtx, cancel := context.WithTimeout(ctx, 30*time.Second)
	got, err := st.ShowBySlug(readCtx, sh.Slug)
	cancel()
	close(release)
	if err != nil {
		t.Fatalf("a read while a write transaction holds the lock and %d writers queue: %v", writers, err)
	}
	if got.ID != sh.ID {
		t.Errorf("read show %d, want %d", got.ID, sh.ID)
	}
	if err := <-held; err != nil {
		t.Fatalf("the long transaction: %v", err)
	}
	wg.Wait()
	close(writeErrs)
	for err := range writeErrs {
		if err != nil {
			t.Errorf("a queued write failed: %v", err)
		}
	}

	// The read pool refuses writes outright, so a write routed there by
	// mistake fails in every test rather than contending for the lock.
	if _, err := d.Read.ExecContext(ctx, `INSERT INTO health (id, checked_at) VALUES (2, '2026-01-01')`); err == nil {
		t.Error("the read pool accepted a write")
	}
}
