package server_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/nextseason/nextseason/internal/auth"
	"github.com/nextseason/nextseason/internal/model"
	"github.com/nextseason/nextseason/internal/review"
	"github.com/nextseason/nextseason/internal/store"
)

// TestADisabledAccountIsShutOutAtOnce: an operator disables a fan. Her
// browser session, her API token and her feed link stop working on the
// next request, she cannot sign in again, and a renewal of a show she
// follows queues nothing for her (while another fan's delivery is
// queued). Enabled again, her token works; a password reset signs her out
// everywhere and only the new password signs in.
func TestADisabledAccountIsShutOutAtOnce(t *testing.T) {
	srv, st := setup(t)
	ctx := t.Context()
	ann := signIn(t, srv, st, "ann@example.com", model.RoleViewer)
	token, hash := auth.NewToken()
	u, err := st.UserByEmail(ctx, "ann@example.com")
	if err != nil {
		t.Fatal(err)
	}
	if err := st.AddToken(ctx, u.ID, hash); err != nil {
		t.Fatal(err)
	}
	annAPI := map[string]string{"Authorization": "Bearer " + token, "Content-Type": "application/json"}
	bobAPI := userToken(t, st, "bob@example.com", model.RoleViewer)
	for _, who := range []map[string]string{annAPI, bobAPI} {
		if code, body := do(t, "POST", srv.URL+"/api/v1/me/follows", strings.NewReader(`{"show": "partner-track"}`), who); code != http.StatusOK {
			t.Fatalf("follow: %d %s", code, body)
		}
		if code, body := do(t, "POST", srv.URL+"/api/v1/me/webhooks", strings.NewReader(`{"url": "https://hooks.example.com/x"}`), who); code != http.StatusCreated {
			t.Fatalf("add webhook: %d %s", code, body)
		}
	}
	feed := srv.URL + "/api/v1/me/feed.atom?token=" + url.QueryEscape(u.FeedToken)
	signedIn := func() bool {
		_, body := ann.do("GET", "/me", nil)
		return strings.Contains(body, "Signed in as ann@example.com")
	}
	if !signedIn() {
		t.Fatal("ann is not signed in before anything happened")
	}
	if code, _ := do(t, "GET", srv.URL+"/api/v1/me", nil, annAPI); code != http.StatusOK {
		t.Fatalf("ann's token before: %d", code)
	}
	if code, _ := do(t, "GET", feed, nil, nil); code != http.StatusOK {
		t.Fatalf("ann's feed before: %d", code)
	}

	if err := st.SetUserDisabled(ctx, u.ID, true); err != nil {
		t.Fatal(err)
	}
	if signedIn() {
		t.Error("ann's browser session still works after she was disabled")
	}
	if code, _ := do(t, "GET", srv.URL+"/api/v1/me", nil, annAPI); code != http.StatusUnauthorized {
		t.Errorf("ann's API token after she was disabled: %d, want 401", code)
	}
	if code, _ := do(t, "GET", feed, nil, nil); code != http.StatusUnauthorized {
		t.Errorf("ann's feed link after she was disabled: %d, want 401", code)
	}
	again := &visitor{t: t, srv: srv}
	if _, body := again.do("POST", "/login", url.Values{"email": {"ann@example.com"}, "password": {"correct horse ann@example.com"}}); strings.Contains(body, "Signed in as") {
		t.Error("a disabled account signs in with its password")
	}
	if users, err := st.Users(ctx); err != nil || len(users) != 2 || users[0].DisabledAt.IsZero() || !users[1].DisabledAt.IsZero() {
		t.Errorf("users: %+v, %v; want ann disabled, bob not", users, err)
	}

	// A renewal of the show both follow: bob's webhook is queued, ann's not.
	id := propose(t, st, "Partner Track is renewed (while ann is disabled)")
	if _, err := review.Accept(ctx, st, id, "", model.Reviewer{Name: "ed"}); err != nil {
		t.Fatal(err)
	}
	if err := st.SetUserDisabled(ctx, u.ID, false); err != nil {
		t.Fatal(err)
	}
	queued := func(who map[string]string) int {
		code, body := do(t, "GET", srv.URL+"/api/v1/me/deliveries", nil, who)
		var history []json.RawMessage
		if err := json.Unmarshal([]byte(body), &history); err != nil || code != http.StatusOK {
			t.Fatalf("deliveries: %d %s", code, body)
		}
		return len(history)
	}
	if a, b := queued(annAPI), queued(bobAPI); a != 0 || b != 1 {
		t.Errorf("deliveries queued by the renewal: ann %d, bob %d; want 0 and 1", a, b)
	}
	if signedIn() {
		t.Error("enabling ann brought back the session that disabling ended")
	}

	// A password reset: her new session ends too, and only the new one works.
	ann = &visitor{t: t, srv: srv}
	if _, body := ann.do("POST", "/login", url.Values{"email": {"ann@example.com"}, "password": {"correct horse ann@example.com"}}); !strings.Contains(body, "Signed in as ann@example.com") {
		t.Fatal("ann, enabled again, cannot sign in")
	}
	newHash, err := auth.HashPassword("a brand new passphrase")
	if err != nil {
		t.Fatal(err)
	}
	if err := st.SetPassword(ctx, u.ID, newHash); err != nil {
		t.Fatal(err)
	}
	if signedIn() {
		t.Error("a password reset left ann's session signed in")
	}
	for password, want := range map[string]bool{"correct horse ann@example.com": false, "a brand new passphrase": true} {
		v := &visitor{t: t, srv: srv}
		if _, body := v.do("POST", "/login", url.Values{"email": {"ann@example.com"}, "password": {password}}); strings.Contains(body, "Signed in as") != want {
			t.Errorf("signing in with %q after the reset: signed in %v, want %v", password, !want, want)
		}
	}

	// Revoking the token: refused at once.
	tokens, err := st.Tokens(ctx, u.ID)
	if err != nil || len(tokens) != 1 || tokens[0].Email != "ann@example.com" || tokens[0].LastUsed.IsZero() {
		t.Fatalf("ann's tokens: %+v, %v; want one, used", tokens, err)
	}
	if err := st.RevokeToken(ctx, tokens[0].ID); err != nil {
		t.Fatal(err)
	}
	if code, _ := do(t, "GET", srv.URL+"/api/v1/me", nil, annAPI); code != http.StatusUnauthorized {
		t.Errorf("a revoked token: %d, want 401", code)
	}
	if err := st.RevokeToken(ctx, tokens[0].ID); err == nil || !strings.Contains(err.Error(), store.ErrNotFound.Error()) {
		t.Errorf("revoking it again: %v, want not found", err)
	}
}
