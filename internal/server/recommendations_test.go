package server_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/nextseason/nextseason/internal/model"
)

// TestRecommendationsAPIAndPages: a fan who follows nothing gets the most
// popular shows; once she follows Silicon Valley, shows like it, with
// reasons, never Silicon Valley itself; the home page shows them when she
// is signed in, and every show page shows "more like this" to anyone.
func TestRecommendationsAPIAndPages(t *testing.T) {
	srv, st := setup(t)
	fan := userToken(t, st, "fan@example.com", model.RoleViewer)
	recs := func(query string) []map[string]any {
		return listJSON(t, srv.URL+"/api/v1/me/recommendations"+query, fan)
	}
	if got := recs("?limit=3"); len(got) != 3 || !strings.HasPrefix(got[0]["reasons"].([]any)[0].(string), "popular") {
		t.Errorf("a fan who follows nothing: %v", got)
	}
	do(t, "POST", srv.URL+"/api/v1/me/follows", strings.NewReader(`{"show": "silicon-valley"}`), fan)
	got := recs("?limit=5&no_one_season_cancels=true")
	if len(got) != 5 {
		t.Fatalf("recommendations: %v", got)
	}
	for _, r := range got {
		reasons := r["reasons"].([]any)
		if r["show"] == "silicon-valley" || r["show"] == "partner-track" || !strings.HasPrefix(reasons[0].(string), "because you follow Silicon Valley") {
			t.Errorf("recommendation %v", r)
		}
	}
	for _, bad := range []string{"?limit=0", "?limit=1000", "?complete_only=maybe"} {
		if code, body := do(t, "GET", srv.URL+"/api/v1/me/recommendations"+bad, nil, fan); code != http.StatusBadRequest {
			t.Errorf("%s: %d %s", bad, code, body)
		}
	}
	if code, _ := do(t, "GET", srv.URL+"/api/v1/me/recommendations", nil, nil); code != http.StatusUnauthorized {
		t.Errorf("without a token: %d", code)
	}

	if _, body, _ := get(t, srv, "/shows/partner-track"); !strings.Contains(body, `id="more-like-this"`) || !strings.Contains(body, `class="reasons"`) {
		t.Errorf("the show page lacks more like this")
	}
	v := signIn(t, srv, st, "ann@example.com", model.RoleViewer)
	v.do("POST", "/me/follows", url.Values{"show": {"silicon-valley"}})
	if _, body := v.do("GET", "/", nil); !strings.Contains(body, "Recommended for you") || !strings.Contains(body, "because you follow Silicon Valley") {
		t.Errorf("the home page lacks recommendations:\n%s", body)
	}
}
