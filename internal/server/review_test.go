package server_test

import (
	"encoding/base64"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/nextseason/nextseason/internal/apitest"
	"github.com/nextseason/nextseason/internal/auth"
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

// do sends a request and returns the answer's status and body; an API
// answer the OpenAPI document does not describe fails the test.
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
	checkAPI(t, req, resp, b)
	return resp.StatusCode, string(b)
}

// openAPI checks the API's requests and answers in these tests.
var openAPI = sync.OnceValues(apitest.New)

// checkAPI fails the test when an API answer is not as the OpenAPI
// document describes.
func checkAPI(t testing.TB, req *http.Request, resp *http.Response, body []byte) {
	t.Helper()
	c, err := openAPI()
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Check(req, resp, body); err != nil {
		t.Error(err)
	}
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
	// Who decides is whoever signed in, not what the body says.
	if code, body := do(t, "POST", srv.URL+"/api/v1/claims/"+strconv.FormatInt(id, 10)+"/accept", strings.NewReader(`{"reviewer": "someone else"}`), bearer); code != 400 || !strings.Contains(body, "leave the field out") {
		t.Errorf("accept naming a reviewer: %d %s, want 400", code, body)
	}
	if code, body := do(t, "POST", srv.URL+"/api/v1/claims/"+strconv.FormatInt(id, 10)+"/accept", nil, bearer); code != 200 || !strings.Contains(body, `"state": "accepted"`) {
		t.Errorf("accept: %d %s", code, body)
	}
	if c, err := st.ClaimByID(t.Context(), id); err != nil || c.Reviewer != "editors' token" || c.ReviewerID != 0 {
		t.Errorf("accepted with the shared token: recorded as %q (account %d), %v; want the editors' token, no account", c.Reviewer, c.ReviewerID, err)
	}
	// With an editor's own API token, the decision names the account.
	other := propose(t, st, "Partner Track is renewed again (a second quote)")
	ed := map[string]string{"Authorization": "Bearer " + dbtest.UserToken(t, st, "ed@example.com", model.RoleEditor)}
	if code, body := do(t, "POST", srv.URL+"/api/v1/claims/"+strconv.FormatInt(other, 10)+"/reject", nil, ed); code != 200 {
		t.Errorf("reject with an editor's token: %d %s", code, body)
	}
	u, err := st.UserByEmail(t.Context(), "ed@example.com")
	if err != nil {
		t.Fatal(err)
	}
	if c, err := st.ClaimByID(t.Context(), other); err != nil || c.Reviewer != "ed@example.com" || c.ReviewerID != u.ID {
		t.Errorf("rejected with ed's token: recorded as %q (account %d), %v; want ed@example.com, account %d", c.Reviewer, c.ReviewerID, err, u.ID)
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
	if code, body := do(t, "POST", srv.URL+"/api/v1/feeds", strings.NewReader(`{"url": "https://example.com/feed.xml"}`), bearer); code != http.StatusConflict || !strings.Contains(body, "already subscribed") {
		t.Errorf("adding the feed again: %d %s, want 409", code, body)
	}
}

// TestFeedsPage subscribes to a feed from the editors' page: a bad URL or
// tier, or a feed already there, is refused with the reason and saves
// nothing.
func TestFeedsPage(t *testing.T) {
	srv, st := setup(t)
	basic := map[string]string{"Authorization": "Basic " + base64.StdEncoding.EncodeToString([]byte("ed:"+editorToken))}
	if code, _ := do(t, "GET", srv.URL+"/feeds", nil, nil); code != http.StatusUnauthorized {
		t.Errorf("the feeds page without a password: %d, want 401", code)
	}
	if code, page := do(t, "GET", srv.URL+"/feeds", nil, basic); code != 200 || !strings.Contains(page, "No feeds yet") || !strings.Contains(page, `action="/feeds"`) {
		t.Fatalf("empty feeds page: %d\n%s", code, page)
	}
	subscribe := func(u, tier string) (int, string) {
		form := url.Values{"url": {u}, "tier": {tier}}
		h := map[string]string{"Content-Type": "application/x-www-form-urlencoded"}
		for k, v := range basic {
			h[k] = v
		}
		return do(t, "POST", srv.URL+"/feeds", strings.NewReader(form.Encode()), h)
	}
	// The client follows the redirect to the list, which names the feed.
	if code, page := subscribe("https://news.example.com/tv.xml", "trade"); code != 200 || !strings.Contains(page, "Subscribed to https://news.example.com/tv.xml") || !strings.Contains(page, "<td>trade</td>") {
		t.Errorf("subscribing: %d\n%s", code, page)
	}
	for _, bad := range []struct{ url, tier, why string }{
		{"javascript:alert(1)", "trade", "want an absolute http(s) URL"},
		{"https://other.example.com/feed", "gossip", "gossip"},
		{"https://news.example.com/tv.xml", "report", "already subscribed"},
	} {
		code, page := subscribe(bad.url, bad.tier)
		if (code != http.StatusBadRequest && code != http.StatusConflict) || !strings.Contains(page, bad.why) {
			t.Errorf("subscribing to %q (%s): %d; want the reason %q\n%s", bad.url, bad.tier, code, bad.why, page)
		}
	}
	all, err := st.Feeds(t.Context(), false)
	if err != nil || len(all) != 1 || all[0].Tier != model.TierTrade {
		t.Errorf("feeds after one good and three bad forms: %+v (%v)", all, err)
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
	// "ed" is only what the password's user name field said: the shared
	// password is recorded, not a name anyone could type.
	if c.State != model.StateRejected || c.Reviewer != "editors' password" || c.ReviewerID != 0 {
		t.Errorf("after the page's reject: %s by %q (account %d), want rejected with the editors' password", c.State, c.Reviewer, c.ReviewerID)
	}
}

// TestUserTokens: a user's API token opens what the user's role allows,
// and nothing else.
func TestUserTokens(t *testing.T) {
	srv, st := setup(t)
	editor, viewer := userToken(t, st, "ed@example.com", model.RoleEditor), userToken(t, st, "vi@example.com", model.RoleViewer)
	forged, _ := auth.NewToken()
	if code, body := do(t, "GET", srv.URL+"/api/v1/review", nil, editor); code != 200 {
		t.Errorf("the queue with an editor's token: %d %s", code, body)
	}
	if code, body := do(t, "GET", srv.URL+"/api/v1/review", nil, viewer); code != http.StatusForbidden || !strings.Contains(body, "editor role") {
		t.Errorf("the queue with a viewer's token: %d %s, want 403", code, body)
	}
	if code, _ := do(t, "GET", srv.URL+"/api/v1/review", nil, map[string]string{"Authorization": "Bearer " + forged}); code != http.StatusUnauthorized {
		t.Errorf("the queue with a made-up token: %d, want 401", code)
	}
	if code, body := do(t, "GET", srv.URL+"/api/v1/me", nil, viewer); code != 200 || !strings.Contains(body, `"email": "vi@example.com"`) || !strings.Contains(body, `"role": "viewer"`) {
		t.Errorf("/api/v1/me for the viewer: %d %s", code, body)
	}
	if code, _ := do(t, "GET", srv.URL+"/api/v1/me", nil, nil); code != http.StatusUnauthorized {
		t.Errorf("/api/v1/me without a token: %d, want 401", code)
	}
}

// TestReviewQueueMarksProposedShows: the queue, in the API and on the
// page, says which claims are about a show only news has named (read
// with the claims, not show by show).
func TestReviewQueueMarksProposedShows(t *testing.T) {
	srv, st := setup(t)
	fresh := model.Show{Title: "Brand New Show", Proposed: true}
	if _, err := st.SaveShow(t.Context(), &fresh); err != nil {
		t.Fatal(err)
	}
	c := model.Claim{ShowID: fresh.ID, Season: 1, Kind: model.KindRenewal, Status: model.StatusRenewed, Quote: "Brand New Show is ordered",
		Source:   model.Source{URL: "https://example.com/brand-new", Publisher: "Example Trade", Published: model.DayDate(dbtest.Clock()), Tier: model.TierTrade},
		StatedAt: model.DayDate(dbtest.Clock()), Confidence: 0.8, Origin: model.OriginFeed, Rule: "renewed", State: model.StateProposed}
	if _, err := st.AddClaim(t.Context(), &c); err != nil {
		t.Fatal(err)
	}
	propose(t, st, "Partner Track is renewed (a known show)")
	code, body := do(t, "GET", srv.URL+"/api/v1/review", nil, map[string]string{"Authorization": "Bearer " + editorToken})
	var queue []struct {
		Show struct {
			Slug     string
			Proposed bool
		}
	}
	if err := json.Unmarshal([]byte(body), &queue); err != nil || code != 200 || len(queue) != 2 {
		t.Fatalf("queue: %d %s", code, body)
	}
	for _, q := range queue {
		if want := q.Show.Slug == fresh.Slug; q.Show.Proposed != want {
			t.Errorf("%s: proposed %v, want %v", q.Show.Slug, q.Show.Proposed, want)
		}
	}
	req, _ := http.NewRequest("GET", srv.URL+"/review", nil)
	req.SetBasicAuth("editor", editorToken)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if n := strings.Count(string(page), "new show, proposed"); n != 1 {
		t.Errorf("the review page marks %d claims as about a proposed show, want 1", n)
	}
}
