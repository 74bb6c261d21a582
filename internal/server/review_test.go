package server_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/nextseason/nextseason/internal/dbtest"
	"github.com/nextseason/nextseason/internal/model"
	"github.com/nextseason/nextseason/internal/store"
)

// propose adds a claim to the review queue, as a feed would.
func propose(t *testing.T, st *store.Store, quote string) int64 {
	t.Helper()
	sh, err := st.FindShow(t.Context(), "partner-track")
	if err != nil {
		t.Fatal(err)
	}
	c := model.Claim{ShowID: sh.ID, Season: 2, Kind: model.KindRenewal, Status: model.StatusRenewed, Quote: quote,
		Source:   model.Source{URL: "https://example.com/" + url.PathEscape(quote), Publisher: "Example Trade", Published: model.DayDate(dbtest.Clock()), Tier: model.TierTrade},
		StatedAt: model.DayDate(dbtest.Clock()), Confidence: 0.8, Origin: model.OriginFeed, Rule: "renewed", State: model.StateProposed}
	if _, err := st.AddClaim(t.Context(), &c); err != nil {
		t.Fatal(err)
	}
	return c.ID
}

func do(t *testing.T, method, u string, body io.Reader, header map[string]string) (int, string) {
	t.Helper()
	req, _ := http.NewRequest(method, u, body)
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func TestReviewAPI(t *testing.T) {
	srv, st := setup(t)
	id := propose(t, st, "Partner Track is renewed (a test quote)")
	bearer := map[string]string{"Authorization": "Bearer " + editorToken}
	if code, _ := do(t, "GET", srv.URL+"/api/v1/review", nil, nil); code != http.StatusUnauthorized {
		t.Errorf("the queue without a token: %d, want 401", code)
	}
	if code, _ := do(t, "GET", srv.URL+"/api/v1/review", nil, map[string]string{"Authorization": "Bearer wrong"}); code != http.StatusUnauthorized {
		t.Errorf("the queue with a wrong token: %d, want 401", code)
	}
	code, body := do(t, "GET", srv.URL+"/api/v1/review", nil, bearer)
	var queue []struct {
		ID     int64
		Quote  string
		Rule   string
		Show   struct{ Slug string }
		Source struct{ URL string }
	}
	if err := json.Unmarshal([]byte(body), &queue); err != nil || code != 200 || len(queue) != 1 || queue[0].ID != id ||
		queue[0].Rule != "renewed" || queue[0].Show.Slug != "partner-track" || queue[0].Source.URL == "" {
		t.Fatalf("queue: %d %s", code, body)
	}
	for _, bad := range []string{`{"shwo": "x"}`, `[1]`, `{"show": "no such show"}`} {
		if code, body := do(t, "POST", srv.URL+"/api/v1/claims/"+strconv.FormatInt(id, 10)+"/accept", strings.NewReader(bad), bearer); code != 400 && code != 404 {
			t.Errorf("accept with %s: %d %s", bad, code, body)
		}
	}
	if code, body := do(t, "POST", srv.URL+"/api/v1/claims/"+strconv.FormatInt(id, 10)+"/accept", strings.NewReader(`{"reviewer": "ed"}`), bearer); code != 200 || !strings.Contains(body, `"state": "accepted"`) {
		t.Errorf("accept: %d %s", code, body)
	}
	if code, _ := do(t, "POST", srv.URL+"/api/v1/claims/"+strconv.FormatInt(id, 10)+"/reject", nil, bearer); code != http.StatusConflict {
		t.Errorf("rejecting an accepted claim: %d, want 409", code)
	}
	code, body = do(t, "GET", srv.URL+"/api/v1/shows/partner-track/seasons/2/outlook", nil, nil)
	if code != 200 || !strings.Contains(body, "a test quote") {
		t.Errorf("the accepted claim is not in the outlook")
	}
	if code, body := do(t, "POST", srv.URL+"/api/v1/feeds", strings.NewReader(`{"url": "ftp://example.com/feed", "tier": "trade"}`), bearer); code != 400 {
		t.Errorf("a feed with an ftp URL: %d %s", code, body)
	}
	if code, body := do(t, "POST", srv.URL+"/api/v1/feeds", strings.NewReader(`{"url": "https://example.com/feed.xml", "tier": "trade"}`), bearer); code != 201 {
		t.Errorf("adding a feed: %d %s", code, body)
	}
}

func TestReviewPage(t *testing.T) {
	srv, st := setup(t)
	id := propose(t, st, "Partner Track returns (a quote for the page)")
	if code, _ := do(t, "GET", srv.URL+"/review", nil, nil); code != http.StatusUnauthorized {
		t.Errorf("the review page without a password: %d", code)
	}
	req, _ := http.NewRequest("GET", srv.URL+"/review", nil)
	req.SetBasicAuth("ed", editorToken)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(page), "a quote for the page") || !strings.Contains(string(page), `action="/review/`+strconv.FormatInt(id, 10)) {
		t.Fatalf("review page: %d\n%s", resp.StatusCode, page)
	}
	form := url.Values{"action": {"reject"}}
	post := func(origin string) *http.Response {
		req, _ := http.NewRequest("POST", srv.URL+"/review/"+strconv.FormatInt(id, 10), strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.SetBasicAuth("ed", editorToken)
		if origin != "" {
			req.Header.Set("Origin", origin)
			req.Header.Set("Sec-Fetch-Site", "cross-site")
		}
		client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
		resp, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp
	}
	if resp := post("https://evil.example"); resp.StatusCode != http.StatusForbidden {
		t.Errorf("a cross-origin form post: %d, want 403", resp.StatusCode)
	}
	if resp := post(""); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("rejecting from the page: %d, want 303", resp.StatusCode)
	}
	c, _ := st.ClaimByID(t.Context(), id)
	if c.State != model.StateRejected || c.Reviewer != "ed" {
		t.Errorf("after the page's reject: %s by %q", c.State, c.Reviewer)
	}
}
