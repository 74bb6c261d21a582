package server_test

import (
	"encoding/json"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/nextseason/nextseason/internal/dbtest"
	"github.com/nextseason/nextseason/internal/httpx"
	"github.com/nextseason/nextseason/internal/model"
	"github.com/nextseason/nextseason/internal/notify"
	"github.com/nextseason/nextseason/internal/notify/webhooktest"
	"github.com/nextseason/nextseason/internal/review"
)

// TestWebhookTestsAndHistory: "send test" posts a signed test to the
// endpoint through the delivery job and shows how it went; a delivery
// given up on shows in the history as failed, with its error; another
// user can neither test, delete nor see the endpoint, even knowing its id.
func TestWebhookTestsAndHistory(t *testing.T) {
	srv, st := setup(t)
	ann, bob := userToken(t, st, "ann@example.com", model.RoleViewer), userToken(t, st, "bob@example.com", model.RoleViewer)
	sink := webhooktest.NewSink(t)
	code, body := do(t, "POST", srv.URL+"/api/v1/me/webhooks", strings.NewReader(`{"url": "`+sink.URL+`/ann"}`), ann)
	var hook struct {
		ID     int64
		Secret string
	}
	if err := json.Unmarshal([]byte(body), &hook); err != nil || code != http.StatusCreated {
		t.Fatalf("add webhook: %d %s", code, body)
	}
	hookURL := srv.URL + "/api/v1/me/webhooks/" + strconv.FormatInt(hook.ID, 10)
	for _, req := range []struct{ method, url string }{{"POST", hookURL + "/test"}, {"DELETE", hookURL}} {
		if code, body := do(t, req.method, req.url, nil, bob); code != http.StatusNotFound {
			t.Errorf("bob: %s %s: %d %s, want 404", req.method, req.url, code, body)
		}
	}
	if code, body := do(t, "POST", hookURL+"/test", nil, ann); code != http.StatusAccepted {
		t.Fatalf("ann tests her webhook: %d %s", code, body)
	}
	webhooks := func() []map[string]any {
		t.Helper()
		out := listJSON(t, srv.URL+"/api/v1/me/webhooks", ann)
		if len(out) != 1 {
			t.Fatalf("webhooks: %v", out)
		}
		return out
	}
	if h := webhooks()[0]; h["test_pending"] != true || h["last_test_at"] != nil {
		t.Errorf("before the job runs: %v", h)
	}
	d := &notify.Deliverer{Store: st, Client: httpx.SafeClient(true, 5*time.Second), Log: slog.New(slog.DiscardHandler), Retries: []time.Duration{}}
	if rep, err := d.DeliverDue(t.Context()); err != nil || rep.Tests != 1 {
		t.Fatalf("delivery run: %+v, %v", rep, err)
	}
	got := sink.All()
	if len(got) != 1 || !strings.Contains(string(got[0].Body), `"type":"test"`) {
		t.Fatalf("the endpoint received %d requests: %+v", len(got), got)
	}
	if err := webhooktest.Verify(hook.Secret, got[0].Header, got[0].Body, dbtest.Clock()); err != nil {
		t.Errorf("the test does not verify: %v", err)
	}
	if h := webhooks()[0]; h["test_pending"] != false || h["last_test_at"] == nil || h["last_test_error"] != nil {
		t.Errorf("after the job: %v", h)
	}

	// The endpoint breaks; a renewal is given up on and shows as failed.
	sink.Status.Store(http.StatusGone)
	do(t, "POST", srv.URL+"/api/v1/me/follows", strings.NewReader(`{"show": "partner-track"}`), ann)
	id := propose(t, st, "Partner Track is renewed (for the history)")
	if _, err := review.Accept(t.Context(), st, id, "", model.Reviewer{Name: "ed"}); err != nil {
		t.Fatal(err)
	}
	if rep, err := d.DeliverDue(t.Context()); err != nil || rep.Failed != 1 {
		t.Fatalf("delivery run: %+v, %v", rep, err)
	}
	code, body = do(t, "GET", srv.URL+"/api/v1/me/deliveries", nil, ann)
	var history []map[string]any
	if err := json.Unmarshal([]byte(body), &history); err != nil || code != 200 || len(history) != 1 {
		t.Fatalf("history: %d %s", code, body)
	}
	if h := history[0]; h["channel"] != "webhook" || h["state"] != "failed" || h["what"] != "Partner Track season 2 is renewed" ||
		h["last_error"] != "endpoint answered 410 Gone" || h["to"] != sink.URL+"/ann" {
		t.Errorf("history: %v", h)
	}
	if _, body := do(t, "GET", srv.URL+"/api/v1/me/deliveries", nil, bob); strings.TrimSpace(body) != "[]" {
		t.Errorf("bob's history: %s", body)
	}
	if code, body := do(t, "POST", srv.URL+"/api/v1/me/test-mail", nil, ann); code != http.StatusConflict || !strings.Contains(body, "SMTP") {
		t.Errorf("a test mail with no SMTP server: %d %s", code, body)
	}
	if code, _ := do(t, "DELETE", hookURL, nil, ann); code != http.StatusNoContent {
		t.Errorf("ann deletes her webhook: %d", code)
	}
	if code, body := do(t, "GET", srv.URL+"/api/v1/me/webhooks", nil, ann); strings.TrimSpace(body) != "[]" {
		t.Errorf("after the delete: %d %s", code, body)
	}
}
