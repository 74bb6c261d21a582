package notify

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/nextseason/nextseason/internal/store"
)

// batchLease is a run's hold on the batch of deliveries it claimed. It is
// renewed while the batch is worked, so that a batch of slow endpoints is
// sent by the run that took it rather than given back part-way, and it
// knows which deliveries are still the run's: one whose lease ran out and
// another sender claimed is left to that sender.
//
// Renewing changes the lease's end, which marking a delivery sent or
// failed names (it holds only while the delivery is leased so); the lock
// keeps a renewal from falling between reading the end and marking.
type batchLease struct {
	st      *store.Store
	log     *slog.Logger
	length  time.Duration // of a lease, from when it is taken or renewed
	request time.Duration // the longest a request may take

	mu    sync.RWMutex
	until time.Time
	ours  map[int64]bool
}

func newBatchLease(st *store.Store, log *slog.Logger, due []store.Delivery, until time.Time, length, request time.Duration) *batchLease {
	ours := make(map[int64]bool, len(due))
	for _, dl := range due {
		ours[dl.ID] = true
	}
	return &batchLease{st: st, log: log, length: length, request: request, until: until, ours: ours}
}

// mayStart reports whether a request for delivery id may start: the
// delivery is still the run's, and the request can end, by its timeout,
// a request's time before the lease does. Once less than three requests'
// time is left, it renews the lease first.
func (l *batchLease) mayStart(ctx context.Context, id int64) bool {
	l.mu.RLock()
	left := l.until.Sub(l.st.Now())
	l.mu.RUnlock()
	if left < 3*l.request {
		l.renew(ctx)
	}
	l.mu.RLock()
	defer l.mu.RUnlock()
	return l.ours[id] && l.st.Now().Before(l.until.Add(-2*l.request))
}

// renew extends the lease on the deliveries still leased to the run, and
// forgets the others. A renewal that fails leaves the lease as it was:
// requests then stop starting as it nears its end.
func (l *batchLease) renew(ctx context.Context) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.until.Sub(l.st.Now()) >= 3*l.request {
		return // another sender renewed it meanwhile
	}
	ids := make([]int64, 0, len(l.ours))
	for id := range l.ours {
		ids = append(ids, id)
	}
	kept, until, err := l.st.RenewDeliveries(context.WithoutCancel(ctx), ids, l.until, l.length)
	if err != nil {
		l.log.Warn("could not renew the lease on a batch of webhook deliveries", "err", err)
		return
	}
	clear(l.ours)
	if len(kept) == 0 {
		return // nothing left to hold: the end stays the one the run's rows were leased until
	}
	l.until = until
	for _, id := range kept {
		l.ours[id] = true
	}
}

// hold runs fn with the lease's end, which no renewal changes meanwhile.
func (l *batchLease) hold(fn func(until time.Time)) {
	l.mu.RLock()
	defer l.mu.RUnlock()
	fn(l.until)
}
