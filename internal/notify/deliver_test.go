package notify_test

import (
	"encoding/json"
	"log/slog"
	"testing"
	"time"

	"github.com/nextseason/nextseason/internal/dbtest"
	"github.com/nextseason/nextseason/internal/httpx"
	"github.com/nextseason/nextseason/internal/model"
	"github.com/nextseason/nextseason/internal/notify"
	"github.com/nextseason/nextseason/internal/notify/webhooktest"
	"github.com/nextseason/nextseason/internal/store"
)

// TestWebhookDeliveries: an accepted renewal reaches, signed, the endpoint
// of each follower who asked for renewals at once; a failing endpoint is
// tried again with backoff and then given up on; nobody else is sent
// anything.
func TestWebhookDeliveries(t *testing.T) {
	now := dbtest.Clock()
	st := store.New(dbtest.Open(t), func() time.Time { return now })
	ctx := t.Context()
	sh := model.Show{Title: "Harbor Lights", Network: "Netflix", TVmazeID: 990003}
	if _, err := st.SaveShow(ctx, &sh); err != nil {
		t.Fatal(err)
	}
	good, bad, other := webhooktest.NewSink(t), webhooktest.NewSink(t), webhooktest.NewSink(t)
	good.Status.Store(204)
	bad.Status.Store(500)
	secrets := map[*webhooktest.Sink]string{}
	follower := func(email string, s *webhooktest.Sink, events []model.EventKind, delivery model.Delivery) {
		u, err := st.AddUser(ctx, email, model.RoleViewer, "")
		if err != nil {
			t.Fatal(err)
		}
		h, err := st.AddWebhook(ctx, u.ID, s.URL+"/hook", notify.NewSecret())
		if err != nil {
			t.Fatal(err)
		}
		secrets[s] = h.Secret
		if err := st.SaveFollow(ctx, &model.Follow{UserID: u.ID, ShowID: sh.ID, Events: events, Delivery: delivery}); err != nil {
			t.Fatal(err)
		}
	}
	follower("ann@example.com", good, []model.EventKind{model.EventRenewed}, model.DeliveryImmediate)
	follower("bob@example.com", bad, []model.EventKind{model.EventRenewed, model.EventCanceled}, model.DeliveryImmediate)
	follower("cat@example.com", other, []model.EventKind{model.EventCanceled}, model.DeliveryImmediate)
	follower("dan@example.com", other, nil, model.DeliveryDigest)

	acceptRenewal(t, st, sh.ID, model.DayDate(now))

	d := &notify.Deliverer{Store: st, Client: httpx.SafeClient(true, 5*time.Second), Log: slog.New(slog.DiscardHandler),
		BaseURL: "https://tv.example", Retries: []time.Duration{time.Minute, time.Hour}}
	rep, err := d.DeliverDue(ctx)
	if err != nil || rep.Sent != 1 || rep.Retrying != 1 || rep.Failed != 0 {
		t.Fatalf("first run: %+v, %v; want one sent, one to retry", rep, err)
	}
	if good.Count() != 1 || other.Count() != 0 {
		t.Fatalf("deliveries: ann's endpoint %d, cat's and dan's %d; want 1 and 0", good.Count(), other.Count())
	}
	got := good.All()[0]
	if err := webhooktest.Verify(secrets[good], got.Header, got.Body, now); err != nil {
		t.Errorf("ann's delivery does not verify: %v", err)
	}
	var p notify.Payload
	if err := json.Unmarshal(got.Body, &p); err != nil || p.Type != "renewed" || p.Data.Show != "harbor-lights" || p.Data.Season != 2 ||
		p.Data.Outlook != "https://tv.example/shows/harbor-lights/seasons/2" || p.Data.SourceURL != "https://trade.example/harbor-lights-s2" {
		t.Errorf("payload %s (%v)", got.Body, err)
	}

	// Nothing is due again until bob's retry time; then twice more, and no more.
	if rep, _ := d.DeliverDue(ctx); rep != (notify.DeliverReport{}) || good.Count() != 1 {
		t.Errorf("an immediate second run: %+v, ann's endpoint %d", rep, good.Count())
	}
	now = now.Add(2 * time.Minute)
	if rep, _ := d.DeliverDue(ctx); rep.Retrying != 1 || bad.Count() != 2 {
		t.Errorf("after a minute: %+v, bob's endpoint tried %d times", rep, bad.Count())
	}
	now = now.Add(2 * time.Hour)
	if rep, _ := d.DeliverDue(ctx); rep.Failed != 1 || bad.Count() != 3 {
		t.Errorf("after an hour: %+v, bob's endpoint tried %d times; want it given up", rep, bad.Count())
	}
	now = now.Add(48 * time.Hour)
	if rep, _ := d.DeliverDue(ctx); rep != (notify.DeliverReport{}) || bad.Count() != 3 || good.Count() != 1 {
		t.Errorf("after giving up: %+v; bob %d, ann %d", rep, bad.Count(), good.Count())
	}
	// Every attempt carried the same webhook-id: the event's.
	for _, r := range append(bad.All(), good.All()...) {
		if r.Header.Get("webhook-id") != got.Header.Get("webhook-id") {
			t.Errorf("webhook-id %q, want %q on every attempt", r.Header.Get("webhook-id"), got.Header.Get("webhook-id"))
		}
	}
}
