package notify_test

import (
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/nextseason/nextseason/internal/dbtest"
	"github.com/nextseason/nextseason/internal/httpx"
	"github.com/nextseason/nextseason/internal/model"
	"github.com/nextseason/nextseason/internal/notify"
	"github.com/nextseason/nextseason/internal/notify/webhooktest"
	"github.com/nextseason/nextseason/internal/store"
)

// leaseFixture is a store on a clock the test moves, with followers
// whose webhook endpoint is handler, and one renewal queued for each.
func leaseFixture(t *testing.T, followers int, handler http.HandlerFunc) (*store.Store, *atomic.Int64) {
	t.Helper()
	var clock atomic.Int64
	clock.Store(dbtest.Clock().UnixNano())
	st := store.New(dbtest.Open(t), func() time.Time { return time.Unix(0, clock.Load()).UTC() })
	ctx := t.Context()
	sh := model.Show{Title: "Harbor Lights", Network: "Netflix", TVmazeID: 990004}
	if _, err := st.SaveShow(ctx, &sh); err != nil {
		t.Fatal(err)
	}
	sink := httptest.NewServer(handler)
	t.Cleanup(sink.Close)
	for i := range followers {
		u, err := st.AddUser(ctx, fmt.Sprintf("fan%d@example.com", i), model.RoleViewer, "")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := st.AddWebhook(ctx, u.ID, sink.URL+"/hook", notify.NewSecret()); err != nil {
			t.Fatal(err)
		}
		if err := st.SaveFollow(ctx, &model.Follow{UserID: u.ID, ShowID: sh.ID, Events: model.EventKinds, Delivery: model.DeliveryImmediate}); err != nil {
			t.Fatal(err)
		}
	}
	acceptRenewal(t, st, sh.ID, model.DayDate(dbtest.Clock()))
	return st, &clock
}

// deliverer sends one request at a time.
func deliverer(st *store.Store, lease, request time.Duration) *notify.Deliverer {
	return &notify.Deliverer{Store: st, Client: httpx.SafeClient(true, 5*time.Second), Log: slog.New(slog.DiscardHandler),
		Lease: lease, RequestTimeout: request, Senders: 1}
}

// TestALostLeaseIsNotMarked: a delivery whose lease ran out while its
// request was in flight, and which another sender took meanwhile, is not
// marked sent by the first (it is counted late); the second's marking
// holds.
func TestALostLeaseIsNotMarked(t *testing.T) {
	var st *store.Store
	var clock *atomic.Int64
	var held time.Time
	var taken []store.Delivery
	st, clock = leaseFixture(t, 1, func(w http.ResponseWriter, r *http.Request) {
		// The request outlasts the lease; another instance then takes
		// the delivery.
		clock.Add(int64(3 * time.Minute))
		var err error
		if taken, held, err = st.DueDeliveries(r.Context(), 10, 2*time.Minute); err != nil {
			t.Error(err)
		}
		w.WriteHeader(http.StatusNoContent)
	})
	rep, err := deliverer(st, 2*time.Minute, 10*time.Second).DeliverDue(t.Context())
	if err != nil || rep.Sent != 0 || rep.Late != 1 {
		t.Fatalf("the first sender: %+v, %v; want its one delivery counted late, not marked sent", rep, err)
	}
	if len(taken) != 1 {
		t.Fatalf("the second sender took %d deliveries after the lease ran out, want 1", len(taken))
	}
	if n, err := st.DeliveriesSent(t.Context(), []int64{taken[0].ID}, held); err != nil || n != 1 {
		t.Errorf("the second sender's marking: %d, %v; want it to hold", n, err)
	}
	// The follower's history says it went twice.
	u, err := st.UserByEmail(t.Context(), "fan0@example.com")
	if err != nil {
		t.Fatal(err)
	}
	if sent, err := st.UserSent(t.Context(), u.ID, 10); err != nil || len(sent) != 1 || sent[0].State != "sent" || sent[0].Sends != 2 {
		t.Errorf("the delivery history: %+v, %v; want one delivery, sent, twice", sent, err)
	}
}

// TestALongBatchKeepsItsLease: a batch whose requests take longer in
// all than the lease is sent whole by the run that took it: the lease is
// renewed as it is worked, so no other sender takes any of it meanwhile.
func TestALongBatchKeepsItsLease(t *testing.T) {
	var calls atomic.Int32
	var st *store.Store
	var clock *atomic.Int64
	st, clock = leaseFixture(t, 3, func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		clock.Add(int64(50 * time.Second)) // three of these outlast a 2-minute lease
		if taken, _, err := st.DueDeliveries(r.Context(), 10, 2*time.Minute); err != nil || len(taken) != 0 {
			t.Errorf("another sender, %d requests in: took %d deliveries (%v), want none: the batch is held", calls.Load(), len(taken), err)
		}
		w.WriteHeader(http.StatusNoContent)
	})
	rep, err := deliverer(st, 2*time.Minute, 10*time.Second).DeliverDue(t.Context())
	if err != nil || rep.Sent != 3 || rep.Late != 0 || rep.Released != 0 || calls.Load() != 3 {
		t.Fatalf("a batch that outlasts one lease: %+v, %v, %d requests; want all three sent by this run, none late", rep, err, calls.Load())
	}
}

// TestATakenBatchIsLeftToItsTaker: a run whose lease ran out (a stalled
// process) and whose deliveries another sender took starts no request
// for them: only the request in flight went twice, and it is counted.
func TestATakenBatchIsLeftToItsTaker(t *testing.T) {
	var calls atomic.Int32
	var st *store.Store
	var clock *atomic.Int64
	var taken []store.Delivery
	var held time.Time
	st, clock = leaseFixture(t, 3, func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) == 1 {
			clock.Add(int64(3 * time.Minute))
			var err error
			if taken, held, err = st.DueDeliveries(r.Context(), 10, 2*time.Minute); err != nil {
				t.Error(err)
			}
		}
		w.WriteHeader(http.StatusNoContent)
	})
	rep, err := deliverer(st, 2*time.Minute, 10*time.Second).DeliverDue(t.Context())
	if err != nil || rep.Sent != 0 || rep.Late != 1 || rep.Released != 2 || calls.Load() != 1 {
		t.Fatalf("a run whose batch was taken: %+v, %v, %d requests; want the one in flight late and the other two left untried", rep, err, calls.Load())
	}
	if len(taken) != 3 {
		t.Fatalf("the other sender took %d deliveries, want all 3", len(taken))
	}
	ids := []int64{taken[0].ID, taken[1].ID, taken[2].ID}
	if n, err := st.DeliveriesSent(t.Context(), ids, held); err != nil || n != 3 {
		t.Errorf("the taker's marking: %d, %v; want all three to hold", n, err)
	}
}

// acceptRenewal records Harbor Lights' season 2 renewal, stated on day,
// as an editor accepting it would: its event is queued for followers.
func acceptRenewal(tb testing.TB, st *store.Store, showID int64, day model.PartialDate) {
	tb.Helper()
	if err := webhooktest.AcceptRenewal(tb.Context(), st, showID, 2, day, "https://trade.example/harbor-lights-s2"); err != nil {
		tb.Fatal(err)
	}
}
