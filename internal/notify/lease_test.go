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
	"github.com/nextseason/nextseason/internal/review"
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

// TestRequestsStartOnlyWithinTheLease: a sender starts no request that
// could outlast its lease: once less than two request timeouts of it are
// left, it gives the deliveries it has not tried back, due at once, and
// the next run sends them.
func TestRequestsStartOnlyWithinTheLease(t *testing.T) {
	var calls atomic.Int32
	var st *store.Store
	var clock *atomic.Int64
	st, clock = leaseFixture(t, 3, func(w http.ResponseWriter, r *http.Request) {
		// The first request takes most of the lease.
		if calls.Add(1) == 1 {
			clock.Add(int64(105 * time.Second))
		}
		w.WriteHeader(http.StatusNoContent)
	})
	rep, err := deliverer(st, 2*time.Minute, 10*time.Second).DeliverDue(t.Context())
	if err != nil || rep.Sent != 1 || rep.Released != 2 || calls.Load() != 1 {
		t.Fatalf("a batch whose lease is nearly over after one request: %+v, %v, %d requests; want one sent and two given back untried", rep, err, calls.Load())
	}
	rep, err = deliverer(st, 2*time.Minute, 10*time.Second).DeliverDue(t.Context())
	if err != nil || rep.Sent != 2 || calls.Load() != 3 {
		t.Errorf("the next run: %+v, %v, %d requests; want the two sent", rep, err, calls.Load())
	}
}

// acceptRenewal records Harbor Lights' season 2 renewal, stated on day,
// as an editor accepting it would: its event is queued for followers.
func acceptRenewal(tb testing.TB, st *store.Store, showID int64, day model.PartialDate) {
	tb.Helper()
	c, err := webhooktest.ProposeRenewal(tb.Context(), st, showID, 2, day, "https://trade.example/harbor-lights-s2")
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := review.Accept(tb.Context(), st, c.ID, "", "ed"); err != nil {
		tb.Fatal(err)
	}
}
