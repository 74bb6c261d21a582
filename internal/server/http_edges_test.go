package server_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/nextseason/nextseason/internal/dbtest"
	"github.com/nextseason/nextseason/internal/model"
)

// TestOversizedBodies: a JSON body over 64 KB is answered 413 with what
// the limit is (it was "body: unexpected EOF"), and so is a form over
// the pages' limit (a 10 MB follow form was answered 404); nothing is
// changed by either.
func TestOversizedBodies(t *testing.T) {
	st := dbtest.Store(t)
	srv := instances(t, st)[0]
	token := userToken(t, st, "cat@example.com", model.RoleViewer)
	big := `{"show": "` + strings.Repeat("x", 70<<10) + `"}`
	if code, body := do(t, "POST", srv.URL+"/api/v1/me/follows", strings.NewReader(big), token); code != http.StatusRequestEntityTooLarge || !strings.Contains(body, "larger than 64 KB") {
		t.Errorf("a 70 KB JSON body: %d %s, want 413 naming the limit", code, body)
	}
	ann := signIn(t, srv, st, "ann@example.com", model.RoleViewer)
	code, body := ann.do("POST", "/me/follows", url.Values{"show": {"partner-track"}, "padding": {strings.Repeat("x", 11<<20)}})
	if code != http.StatusRequestEntityTooLarge || !strings.Contains(body, "at most 64 KB") {
		t.Errorf("an 11 MB form: %d, want 413 naming the limit", code)
	}
	u, _, err := st.UserForLogin(t.Context(), "ann@example.com")
	if err != nil {
		t.Fatal(err)
	}
	if follows, err := st.Follows(t.Context(), u.ID); err != nil || len(follows) != 0 {
		t.Errorf("the refused form followed %v (%v)", follows, err)
	}
}
