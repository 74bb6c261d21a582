package server_test

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/nextseason/nextseason/internal/dbtest"
	"github.com/nextseason/nextseason/internal/model"
	"github.com/nextseason/nextseason/internal/store"
)

// userToken adds a user and returns the headers of a JSON request with
// a new API token of theirs.
func userToken(t testing.TB, st *store.Store, email string, role model.Role) map[string]string {
	t.Helper()
	return map[string]string{"Authorization": "Bearer " + dbtest.UserToken(t, st, email, role), "Content-Type": "application/json"}
}

// TestFollowsAreEachUsersOwn: follows are made, changed and ended through
// the API, and one user never sees or ends another's.
func TestFollowsAreEachUsersOwn(t *testing.T) {
	srv, st := setup(t)
	ann, bob := userToken(t, st, "ann@example.com", model.RoleViewer), userToken(t, st, "bob@example.com", model.RoleViewer)
	list := func(who map[string]string) []map[string]any { return listJSON(t, srv.URL+"/api/v1/me/follows", who) }
	if code, body := do(t, "POST", srv.URL+"/api/v1/me/follows", strings.NewReader(`{"show": "partner-track", "events": ["canceled", "renewed", "renewed"], "delivery": "digest"}`), ann); code != 200 ||
		!strings.Contains(body, `"events": [`) || !strings.Contains(body, `"delivery": "digest"`) {
		t.Fatalf("ann follows Partner Track: %d %s", code, body)
	}
	if got := list(ann); len(got) != 1 || got[0]["show"] != "partner-track" || len(got[0]["events"].([]any)) != 2 || got[0]["events"].([]any)[0] != "renewed" {
		t.Errorf("ann's follows: %v", got)
	}
	if got := list(bob); len(got) != 0 {
		t.Errorf("bob sees follows that are not his: %v", got)
	}
	if code, _ := do(t, "DELETE", srv.URL+"/api/v1/me/follows", strings.NewReader(`{"show": "partner-track"}`), bob); code != http.StatusNotFound {
		t.Errorf("bob unfollowing a show only ann follows: %d, want 404", code)
	}
	if got := list(ann); len(got) != 1 {
		t.Errorf("ann's follow after bob's attempt: %v", got)
	}
	for _, bad := range []struct {
		body string
		code int
	}{
		{`{"show": "partner-track", "events": ["explodes"]}`, 400},
		{`{"show": "partner-track", "delivery": "weekly"}`, 400},
		{`{"show": "no such show at all"}`, 404},
		{`{"show": 12}`, 400},
		{`{"show": "partner-track"`, 400},
		{`{}`, 400},
		{`{"show": "partner-track", "user_id": 1}`, 400},
	} {
		if code, body := do(t, "POST", srv.URL+"/api/v1/me/follows", strings.NewReader(bad.body), ann); code != bad.code {
			t.Errorf("POST %s: %d %s, want %d", bad.body, code, body, bad.code)
		}
	}
	if got := list(ann); len(got) != 1 || got[0]["delivery"] != "digest" {
		t.Errorf("refused requests changed ann's follow: %v", got)
	}
	// Watched and a rating are kept when a later request does not name them.
	if code, body := do(t, "POST", srv.URL+"/api/v1/me/follows", strings.NewReader(`{"show": "partner-track", "events": ["canceled", "renewed"], "delivery": "digest", "watched": true, "rating": 4}`), ann); code != 200 || !strings.Contains(body, `"rating": 4`) {
		t.Errorf("watched and rated: %d %s", code, body)
	}
	if code, _ := do(t, "POST", srv.URL+"/api/v1/me/follows", strings.NewReader(`{"show": "partner-track", "rating": 9}`), ann); code != 400 {
		t.Errorf("a rating of 9: %d, want 400", code)
	}
	if got := list(ann); got[0]["watched"] != true || got[0]["rating"] != float64(4) {
		t.Errorf("after a refused rating: %v", got)
	}
	// Following again with no events changes the follow to every event.
	do(t, "POST", srv.URL+"/api/v1/me/follows", strings.NewReader(`{"show": "partner-track"}`), ann)
	if got := list(ann); len(got) != 1 || len(got[0]["events"].([]any)) != len(model.EventKinds) || got[0]["delivery"] != "immediate" {
		t.Errorf("ann's follow after following again: %v", got)
	}
	if code, _ := do(t, "GET", srv.URL+"/api/v1/me/follows", nil, nil); code != http.StatusUnauthorized {
		t.Errorf("follows without a token: %d, want 401", code)
	}
	if code, _ := do(t, "DELETE", srv.URL+"/api/v1/me/follows", strings.NewReader(`{"show": "partner-track"}`), ann); code != http.StatusNoContent {
		t.Errorf("ann unfollows: %d, want 204", code)
	}
	if got := list(ann); len(got) != 0 {
		t.Errorf("ann's follows after unfollowing: %v", got)
	}
}

// TestEventsReachFollowersOfTheirKind: an editor accepts a renewal; the
// follower who asked for renewals sees the event, with its source and
// outlook link; one who asked only for cancellations, and one who follows
// nothing, see none.
func TestEventsReachFollowersOfTheirKind(t *testing.T) {
	srv, st := setup(t)
	sh := model.Show{Title: "Harbor Lights", Network: "Netflix", TVmazeID: 990002}
	if _, err := st.SaveShow(t.Context(), &sh); err != nil {
		t.Fatal(err)
	}
	ann, bob, cat := userToken(t, st, "ann@example.com", model.RoleViewer), userToken(t, st, "bob@example.com", model.RoleViewer), userToken(t, st, "cat@example.com", model.RoleViewer)
	editor := userToken(t, st, "ed@example.com", model.RoleEditor)
	do(t, "POST", srv.URL+"/api/v1/me/follows", strings.NewReader(`{"show": "harbor-lights", "events": ["renewed"]}`), ann)
	do(t, "POST", srv.URL+"/api/v1/me/follows", strings.NewReader(`{"show": "harbor-lights", "events": ["canceled"]}`), bob)

	day := model.DayDate(dbtest.Clock())
	c := model.Claim{ShowID: sh.ID, Season: 2, Kind: model.KindRenewal, Status: model.StatusRenewed, Quote: "Harbor Lights is coming back.",
		Source:   model.Source{URL: "https://trade.example/harbor-lights-s2", Publisher: "Example Trade", Published: day, Tier: model.TierTrade},
		StatedAt: day, Confidence: 0.8, Origin: model.OriginFeed, Rule: "renewed", State: model.StateProposed}
	if _, err := st.AddClaim(t.Context(), &c); err != nil {
		t.Fatal(err)
	}
	events := func(who map[string]string) []map[string]any { return listJSON(t, srv.URL+"/api/v1/me/events", who) }
	if got := events(ann); len(got) != 0 {
		t.Fatalf("events before the decision: %v", got)
	}
	if code, body := do(t, "POST", srv.URL+"/api/v1/claims/"+strconv.FormatInt(c.ID, 10)+"/accept", nil, editor); code != 200 {
		t.Fatalf("accept: %d %s", code, body)
	}
	got := events(ann)
	if len(got) != 1 || got[0]["kind"] != "renewed" || got[0]["show"] != "harbor-lights" || got[0]["season"] != float64(2) ||
		got[0]["source_url"] != "https://trade.example/harbor-lights-s2" || got[0]["outlook"] != "/shows/harbor-lights/seasons/2" {
		t.Errorf("ann's events: %v", got)
	}
	if got := events(bob); len(got) != 0 {
		t.Errorf("bob follows only cancellations, and sees %v", got)
	}
	if got := events(cat); len(got) != 0 {
		t.Errorf("cat follows nothing, and sees %v", got)
	}
	if code, _ := do(t, "GET", srv.URL+"/api/v1/me/events?limit=0", nil, ann); code != http.StatusBadRequest {
		t.Errorf("limit=0: %d, want 400", code)
	}
}

// TestWebhookEndpoints: a webhook's secret is shown once, at creation;
// each user sees only their own endpoints; bad URLs are refused.
func TestWebhookEndpoints(t *testing.T) {
	srv, st := setup(t)
	ann, bob := userToken(t, st, "ann@example.com", model.RoleViewer), userToken(t, st, "bob@example.com", model.RoleViewer)
	code, body := do(t, "POST", srv.URL+"/api/v1/me/webhooks", strings.NewReader(`{"url": "https://hooks.example.com/ann"}`), ann)
	var created struct {
		ID     int64
		URL    string
		Secret string
	}
	if err := json.Unmarshal([]byte(body), &created); err != nil || code != http.StatusCreated || !strings.HasPrefix(created.Secret, "whsec_") {
		t.Fatalf("add webhook: %d %s", code, body)
	}
	if code, body := do(t, "GET", srv.URL+"/api/v1/me/webhooks", nil, ann); code != 200 || !strings.Contains(body, "hooks.example.com/ann") || strings.Contains(body, created.Secret) {
		t.Errorf("ann's webhooks (the secret must not show again): %d %s", code, body)
	}
	if code, body := do(t, "GET", srv.URL+"/api/v1/me/webhooks", nil, bob); code != 200 || strings.TrimSpace(body) != "[]" {
		t.Errorf("bob's webhooks: %d %s", code, body)
	}
	for _, bad := range []struct {
		body string
		code int
	}{
		{`{"url": "https://hooks.example.com/ann"}`, http.StatusConflict},
		{`{"url": "file:///etc/passwd"}`, http.StatusBadRequest},
		{`{"url": "gopher://example.com"}`, http.StatusBadRequest},
		{`{"url": 7}`, http.StatusBadRequest},
		{`{}`, http.StatusBadRequest},
	} {
		if code, body := do(t, "POST", srv.URL+"/api/v1/me/webhooks", strings.NewReader(bad.body), ann); code != bad.code {
			t.Errorf("POST %s: %d %s, want %d", bad.body, code, body, bad.code)
		}
	}
	annUser, _ := st.UserByEmail(t.Context(), "ann@example.com")
	if hooks, err := st.UserWebhooks(t.Context(), annUser.ID); err != nil || len(hooks) != 1 {
		t.Errorf("ann's webhooks after one good and five refused requests: %+v (%v)", hooks, err)
	}
}

// listJSON GETs a JSON list with the headers, and fails the test on
// anything but 200.
func listJSON(t *testing.T, u string, header map[string]string) []map[string]any {
	t.Helper()
	code, body := do(t, "GET", u, nil, header)
	var out []map[string]any
	if err := json.Unmarshal([]byte(body), &out); err != nil || code != 200 {
		t.Fatalf("GET %s: %d %s", u, code, body)
	}
	return out
}
