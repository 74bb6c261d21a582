package jobs_test

import (
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/riverqueue/river"

	"github.com/nextseason/nextseason/internal/httpx"
	"github.com/nextseason/nextseason/internal/jobs"
	"github.com/nextseason/nextseason/internal/model"
	"github.com/nextseason/nextseason/internal/notify"
)

// TestWebhooksSentByTheJob: TVmaze says Silicon Valley ended; the periodic
// sync records the event and the periodic delivery job posts it, once, to
// the endpoint of the user who follows the show.
func TestWebhooksSentByTheJob(t *testing.T) {
	url, st, fake, sy := setup(t)
	var (
		mu  sync.Mutex
		got []notify.Payload
		ids []string
	)
	sink := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var p notify.Payload
		b, _ := io.ReadAll(r.Body)
		json.Unmarshal(b, &p)
		mu.Lock()
		got, ids = append(got, p), append(ids, r.Header.Get("webhook-id"))
		mu.Unlock()
	}))
	defer sink.Close()
	sv, err := st.ShowByTVmazeID(t.Context(), 143)
	if err != nil {
		t.Fatal(err)
	}
	u, err := st.AddUser(t.Context(), "fan@example.com", model.RoleViewer, "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.AddWebhook(t.Context(), u.ID, sink.URL, notify.NewSecret()); err != nil {
		t.Fatal(err)
	}
	if err := st.SaveFollow(t.Context(), &model.Follow{UserID: u.ID, ShowID: sv.ID, Events: model.EventKinds, Delivery: model.DeliveryImmediate}); err != nil {
		t.Fatal(err)
	}
	if err := fake.SetStatus(143, "Ended"); err != nil {
		t.Fatal(err)
	}
	d := &notify.Deliverer{Store: st, Client: httpx.SafeClient(true, 5*time.Second), Log: slog.New(slog.DiscardHandler)}
	j, err := jobs.New(t.Context(), jobs.Config{DBURL: url, Syncer: sy, Poller: poller(st), Deliverer: d, DeliverEvery: 50 * time.Millisecond,
		Log: slog.New(slog.DiscardHandler), Work: true, UpdatesEvery: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	events, cancel := j.Subscribe()
	defer cancel()
	if err := j.Start(t.Context()); err != nil {
		t.Fatal(err)
	}
	defer j.Stop(t.Context())
	// Wait, job by job, until a delivery run has sent something.
	for sent := 0; sent == 0; {
		select {
		case ev := <-events:
			if ev.Kind == river.EventKindJobFailed {
				t.Fatalf("job %s failed: %v", ev.Job.Kind, ev.Job.Errors)
			}
			if ev.Job.Kind == "webhooks_due" {
				mu.Lock()
				sent = len(got)
				mu.Unlock()
			}
		case <-t.Context().Done():
			t.Fatal("nothing was delivered")
		}
	}
	mu.Lock()
	defer mu.Unlock()
	if len(got) != 1 || got[0].Type != "ended_final_season" || got[0].Data.Show != sv.Slug || ids[0] == "" {
		t.Errorf("deliveries: %+v %v; want one ended_final_season for %s", got, ids, sv.Slug)
	}
}
