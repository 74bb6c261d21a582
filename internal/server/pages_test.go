package server_test

import (
	"fmt"
	"html"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/nextseason/nextseason/internal/auth"
	"github.com/nextseason/nextseason/internal/dbtest"
	"github.com/nextseason/nextseason/internal/model"
	"github.com/nextseason/nextseason/internal/store"
)

// visitor is a browser for tests: it keeps the session cookie, which Go's
// cookie jar would not send back over plain HTTP because it is Secure.
type visitor struct {
	t       testing.TB
	srv     *httptest.Server
	session string
	// setCookie is the last session cookie the server set, as sent.
	setCookie string
}

func (v *visitor) RoundTrip(req *http.Request) (*http.Response, error) {
	if v.session != "" {
		req.Header.Set("Cookie", "nextseason_session="+v.session)
	}
	resp, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	for _, line := range resp.Header.Values("Set-Cookie") {
		c, err := http.ParseSetCookie(line)
		if err == nil && c.Name == "nextseason_session" {
			v.session, v.setCookie = c.Value, line
			if c.MaxAge < 0 {
				v.session = ""
			}
		}
	}
	return resp, nil
}

// do requests a page, following redirects, with extra headers.
func (v *visitor) do(method, path string, form url.Values, header ...string) (int, string) {
	v.t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req, _ := http.NewRequest(method, v.srv.URL+path, body)
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := (&http.Client{Transport: v}).Do(req)
	if err != nil {
		v.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// signIn makes a user with a password and signs a visitor in as them.
func signIn(t testing.TB, srv *httptest.Server, st *store.Store, email string, role model.Role) *visitor {
	t.Helper()
	hash, err := auth.HashPassword("correct horse " + email)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.AddUser(t.Context(), email, role, hash); err != nil {
		t.Fatal(err)
	}
	v := &visitor{t: t, srv: srv}
	code, body := v.do("POST", "/login", url.Values{"email": {email}, "password": {"correct horse " + email}})
	if code != 200 || !strings.Contains(body, "Signed in as "+email) {
		t.Fatalf("%s signs in: %d\n%s", email, code, body)
	}
	return v
}

// TestSignInFollowAndChannelsThroughPages: a fan signs in, follows a show
// with its button, sees it in "My shows", adds a webhook (its secret shown
// once); another fan sees none of it and cannot touch it by guessing its
// id; editors' pages need the editor role; forms posted from another site
// are refused; signing out ends the session; logins are rate-limited.
func TestSignInFollowAndChannelsThroughPages(t *testing.T) {
	srv, st := setup(t)
	ann := signIn(t, srv, st, "ann@example.com", model.RoleViewer)
	for _, want := range []string{"Secure", "HttpOnly", "SameSite=Lax", "Path=/"} {
		if !strings.Contains(ann.setCookie, want) {
			t.Errorf("session cookie %q lacks %s", ann.setCookie, want)
		}
	}
	if _, body := ann.do("GET", "/shows/partner-track", nil); !strings.Contains(body, `id="follow"`) {
		t.Fatalf("no follow button for a signed-in fan:\n%s", body)
	}
	if _, body := (&visitor{t: t, srv: srv}).do("GET", "/shows/partner-track", nil); !strings.Contains(body, "Sign in</a> to follow") {
		t.Errorf("an anonymous visitor is not asked to sign in to follow")
	}
	if code, body := ann.do("POST", "/me/follows", url.Values{"show": {"partner-track"}}); code != 200 || !strings.Contains(body, "You follow this show") {
		t.Fatalf("follow: %d\n%s", code, body)
	}
	_, me := ann.do("GET", "/me", nil)
	if !regexp.MustCompile(`(?s)id="show-partner-track".*Season 2.*Canceled`).MatchString(me) {
		t.Errorf("My shows lacks Partner Track and its status:\n%s", me)
	}
	// Her follow's settings: renewals and cancellations only, in a digest.
	if code, _ := ann.do("POST", "/me/follows", url.Values{"show": {"partner-track"}, "from": {"me"}, "events": {"canceled", "renewed"}, "delivery": {"digest"}}); code != 200 {
		t.Errorf("follow settings: %d", code)
	}
	annUser, _ := st.UserByEmail(t.Context(), "ann@example.com")
	if follows, _ := st.Follows(t.Context(), annUser.ID); len(follows) != 1 || len(follows[0].Events) != 2 || follows[0].Delivery != model.DeliveryDigest {
		t.Errorf("ann's follow after its settings: %+v", follows)
	}
	code, body := ann.do("POST", "/me/webhooks", url.Values{"url": {"https://hooks.example.com/ann"}})
	secret := regexp.MustCompile(`whsec_[A-Za-z0-9+/=]+`).FindString(html.UnescapeString(body))
	if code != http.StatusCreated || secret == "" {
		t.Fatalf("add webhook: %d\n%s", code, body)
	}
	if _, me := ann.do("GET", "/me", nil); strings.Contains(html.UnescapeString(me), secret) || !strings.Contains(me, "hooks.example.com/ann") {
		t.Errorf("My shows after adding a webhook: the secret must not show again, the URL must")
	}
	hooks, _ := st.UserWebhooks(t.Context(), annUser.ID)
	if len(hooks) != 1 {
		t.Fatalf("ann's webhooks: %+v", hooks)
	}
	hookPath := "/me/webhooks/" + strconv.FormatInt(hooks[0].ID, 10)

	// Bob sees nothing of Ann's and cannot touch it.
	bob := signIn(t, srv, st, "bob@example.com", model.RoleViewer)
	if _, me := bob.do("GET", "/me", nil); strings.Contains(me, "partner-track") || strings.Contains(me, "hooks.example.com") || strings.Contains(me, annUser.FeedToken) {
		t.Errorf("bob's page shows ann's follows, webhooks or feed token:\n%s", me)
	}
	for _, path := range []string{hookPath + "/test", hookPath + "/delete"} {
		if code, _ := bob.do("POST", path, url.Values{}); code != http.StatusNotFound {
			t.Errorf("bob posts %s: %d, want 404", path, code)
		}
	}
	if hooks, _ := st.UserWebhooks(t.Context(), annUser.ID); len(hooks) != 1 || hooks[0].TestPending {
		t.Errorf("ann's webhook after bob's attempts: %+v", hooks)
	}
	if code, _ := bob.do("POST", "/me/unfollow", url.Values{"show": {"partner-track"}}); code != 200 {
		t.Errorf("bob unfollowing what he does not follow: %d", code)
	}
	if follows, _ := st.Follows(t.Context(), annUser.ID); len(follows) != 1 {
		t.Errorf("ann's follows after bob's unfollow: %+v", follows)
	}

	// A form posted from another site is refused.
	if code, _ := ann.do("POST", "/me/unfollow", url.Values{"show": {"partner-track"}}, "Sec-Fetch-Site", "cross-site"); code != http.StatusForbidden {
		t.Errorf("a cross-site form post: %d, want 403", code)
	}
	if follows, _ := st.Follows(t.Context(), annUser.ID); len(follows) != 1 {
		t.Errorf("a cross-site post changed ann's follows: %+v", follows)
	}

	// Editors' pages need the editor role.
	if code, _ := ann.do("GET", "/review", nil); code != http.StatusForbidden {
		t.Errorf("a viewer on /review: %d, want 403", code)
	}
	if code, _ := (&visitor{t: t, srv: srv}).do("GET", "/feeds", nil); code != http.StatusUnauthorized {
		t.Errorf("an anonymous visitor on /feeds: %d, want 401", code)
	}
	ed := signIn(t, srv, st, "ed@example.com", model.RoleEditor)
	if code, body := ed.do("GET", "/review", nil); code != 200 || !strings.Contains(body, "<h1") {
		t.Errorf("an editor on /review: %d", code)
	}

	// Signing out ends the session, even for a copy of the cookie.
	stolen := ann.session
	ann.do("POST", "/logout", url.Values{})
	thief := &visitor{t: t, srv: srv, session: stolen}
	if _, body := thief.do("GET", "/me", nil); !strings.Contains(body, `action="/login"`) {
		t.Errorf("the old session cookie still works after signing out")
	}

	// Guesses, even at an account that does not exist: refused, then slowed down.
	carl := &visitor{t: t, srv: srv}
	for i := range 6 {
		code, body := carl.do("POST", "/login", url.Values{"email": {"nobody@example.com"}, "password": {"guess" + strconv.Itoa(i)}})
		want := http.StatusUnauthorized
		if i == 5 {
			want = http.StatusTooManyRequests
		}
		if code != want || carl.session != "" {
			t.Errorf("guess %d: %d, want %d\n%s", i+1, code, want, body)
		}
	}
}

// TestUnsubscribeLink: a mail's link asks before it turns mail off; a
// mail client's one-click POST turns it off at once; a wrong token
// changes nothing.
func TestUnsubscribeLink(t *testing.T) {
	srv, st := setup(t)
	u, err := st.AddUser(t.Context(), "ann@example.com", model.RoleViewer, "")
	if err != nil {
		t.Fatal(err)
	}
	if err := st.SetEmailAlerts(t.Context(), u.ID, true); err != nil {
		t.Fatal(err)
	}
	mailOn := func() bool {
		t.Helper()
		got, err := st.User(t.Context(), u.ID)
		if err != nil {
			t.Fatal(err)
		}
		return got.EmailAlerts
	}
	v := &visitor{t: t, srv: srv}
	link := "/unsubscribe?token=" + url.QueryEscape(u.UnsubscribeToken)
	if code, body := v.do("GET", link, nil); code != 200 || !strings.Contains(body, "Stop all mails") || !mailOn() {
		t.Errorf("opening the link: %d, mail on %v\n%s", code, mailOn(), body)
	}
	if code, _ := v.do("POST", "/unsubscribe?token=nsu_wrong", url.Values{"List-Unsubscribe": {"One-Click"}}); code != http.StatusNotFound || !mailOn() {
		t.Errorf("a wrong token: %d, mail on %v", code, mailOn())
	}
	if code, body := v.do("POST", link, url.Values{"List-Unsubscribe": {"One-Click"}}); code != 200 || !strings.Contains(body, "Mails are off") || mailOn() {
		t.Errorf("one-click: %d, mail on %v\n%s", code, mailOn(), body)
	}
}

// TestHeaderSaysWhoIsSignedIn: a visitor is offered "Sign in" and no
// "My shows" or "Sign out"; a fan gets "My shows" and "Sign out"; an
// editor also gets "Review" and "Feeds".
func TestHeaderSaysWhoIsSignedIn(t *testing.T) {
	srv, st := setup(t)
	header := func(body string) string {
		i, j := strings.Index(body, `<nav class="account">`), strings.Index(body, "</nav>")
		if i < 0 || j < i {
			t.Fatalf("no account navigation:\n%s", body)
		}
		return body[i:j]
	}
	for _, path := range []string{"/", "/shows/partner-track", "/search?q=partner"} {
		_, body := (&visitor{t: t, srv: srv}).do("GET", path, nil)
		if h := header(body); !strings.Contains(h, `id="login"`) || strings.Contains(h, "Sign out") || strings.Contains(h, "My shows") {
			t.Errorf("%s, a visitor's header: %s", path, h)
		}
	}
	fan := signIn(t, srv, st, "fan@example.com", model.RoleViewer)
	if _, body := fan.do("GET", "/", nil); !strings.Contains(header(body), "My shows") || !strings.Contains(header(body), "Sign out") ||
		strings.Contains(header(body), "Sign in") || strings.Contains(header(body), "Review") {
		t.Errorf("a fan's header: %s", header(body))
	}
	editor := signIn(t, srv, st, "ed@example.com", model.RoleEditor)
	if _, body := editor.do("GET", "/", nil); !strings.Contains(header(body), `href="/review"`) || !strings.Contains(header(body), `href="/feeds"`) {
		t.Errorf("an editor's header: %s", header(body))
	}
}

// TestFollowSettingsInWords: the events a fan picks are named in words
// ("Premiere date set"), never by their stored names ("premiere_dated").
func TestFollowSettingsInWords(t *testing.T) {
	srv, st := setup(t)
	fan := signIn(t, srv, st, "words@example.com", model.RoleViewer)
	if code, body := fan.do("POST", "/me/follows", url.Values{"show": {"partner-track"}}); code != 200 {
		t.Fatalf("follow: %d\n%s", code, body)
	}
	_, me := fan.do("GET", "/me", nil)
	for _, want := range []string{"> Premiere date set</label>", "> At risk (no decision after the finale)</label>", "> Final season announced</label>"} {
		if !strings.Contains(me, want) {
			t.Errorf("/me lacks %q", want)
		}
	}
	for _, stored := range []string{"> premiere_dated<", "> at_risk<", "> ended_final_season<"} {
		if strings.Contains(me, stored) {
			t.Errorf("/me shows the stored name %q", stored)
		}
	}
}

// TestSectionsFollowTheStatus: Partner Track season 2, canceled, says so
// first with its source and date, and drops what only an awaited season
// has: what the decision depends on, "no date announced yet", a cast
// "expected to return". As of 2022-09-20, awaited, the page has them.
func TestSectionsFollowTheStatus(t *testing.T) {
	srv, _ := setup(t)
	_, now, _ := get(t, srv, "/shows/partner-track/seasons/2")
	for _, want := range []string{`class="status status-canceled">Canceled</span>`, "There will be no season 2.",
		"Netflix canceled Partner Track on October 31, 2022, after 1 season; season 2 will not happen.", "<h2>What we know</h2>"} {
		if !strings.Contains(now, want) {
			t.Errorf("canceled: the page lacks %q", want)
		}
	}
	for _, gone := range []string{"What the decision depends on", "No date announced yet", "expected to return"} {
		if strings.Contains(now, gone) {
			t.Errorf("canceled: the page still shows %q", gone)
		}
	}
	_, then, _ := get(t, srv, "/shows/partner-track/seasons/2?as_of=2022-09-20")
	for _, want := range []string{"Awaiting decision", "No date announced yet", "<h2>What we don't know yet</h2>",
		"Whether there will be a season 2: no renewal or cancellation has been announced."} {
		if !strings.Contains(then, want) {
			t.Errorf("awaited: the page lacks %q", want)
		}
	}
	if strings.Contains(then, "There will be no season 2") {
		t.Errorf("awaited: the page says there will be no season 2")
	}
	// Peaky Blinders ended after six seasons, but the catalog lists none
	// of them: season 2 was made (season 6 was in the Top 10), and
	// season 7 is the one that will not come. No "after 1 season".
	if _, peaky, _ := get(t, srv, "/shows/peaky-blinders/seasons/2"); strings.Contains(peaky, "after 1 season") || !strings.Contains(peaky, "status-renewed") ||
		!strings.Contains(peaky, "Season 6 was in the Netflix Top 10") {
		t.Errorf("Peaky Blinders season 2: not renewed on the chart's evidence, or an invented season count")
	}
	if _, peaky, _ := get(t, srv, "/shows/peaky-blinders"); !strings.Contains(peaky, "seasons/7") {
		t.Errorf("Peaky Blinders' show page does not lead to season 7, the next after the six that aired")
	}
}

// TestDisputesInFull: two trade sources of one day, one saying renewed
// and one canceled, give a neutral "Disputed" badge, not a green
// "Renewed", and both sides with their publisher and date.
func TestDisputesInFull(t *testing.T) {
	srv, st := setup(t)
	disputed(t, st)
	_, page, _ := get(t, srv, "/shows/harbor-lights/seasons/2")
	for _, want := range []string{`class="status status-disputed">Disputed</span>`, "Netflix has renewed Harbor Lights", "Deadline, March 4, 2025",
		"will not return for a second season", "TVLine, March 4, 2025", "Disputed by:"} {
		if !strings.Contains(page, want) {
			t.Errorf("the disputed page lacks %q", want)
		}
	}
	if strings.Contains(page, `class="status status-renewed"`) || strings.Contains(page, `class="status status-canceled"`) {
		t.Errorf("a disputed answer wears one side's badge")
	}
	if strings.Contains(page, "There will be no season 2") || !strings.Contains(page, "No date announced yet") {
		t.Errorf("a disputed cancellation is taken as settled")
	}
}

// TestDisputedPremiereShowsEveryDate: two trade sources of one day
// giving different premiere dates are both shown in the premiere section,
// each with its publisher, not one date and "all are cited".
func TestDisputedPremiereShowsEveryDate(t *testing.T) {
	srv, st := setup(t)
	disputed(t, st)
	ctx := t.Context()
	sh, err := st.FindShow(ctx, "harbor-lights")
	if err != nil {
		t.Fatal(err)
	}
	day := model.DayDate(time.Date(2025, 6, 2, 0, 0, 0, 0, time.UTC))
	for i, side := range []struct{ date, publisher string }{{"2026-06-12", "Variety"}, {"2026-07-10", "The Hollywood Reporter"}} {
		d, _ := model.ParsePartialDate(side.date)
		c := model.Claim{ShowID: sh.ID, Season: 2, Kind: model.KindPremiere, Date: d, Quote: "Harbor Lights returns " + d.Display() + ".",
			Source:   model.Source{URL: fmt.Sprintf("https://example.com/harbor-date-%d", i), Publisher: side.publisher, Published: day, Tier: model.TierTrade},
			StatedAt: day, Confidence: 1, Origin: model.OriginEditor, State: model.StateAccepted, Reviewer: "ed@example.com", ReviewedAt: dbtest.Clock()}
		if _, err := st.AddClaim(ctx, &c); err != nil {
			t.Fatal(err)
		}
	}
	_, page, _ := get(t, srv, "/shows/harbor-lights/seasons/2?as_of=2025-06-03")
	sides := between(page, `id="premiere-sides"`, "</ul>")
	for _, want := range []string{"June 12, 2026: Variety, June 2, 2025", "July 10, 2026: The Hollywood Reporter, June 2, 2025"} {
		if !strings.Contains(sides, want) {
			t.Errorf("the disputed premiere lacks %q; it shows %q", want, sides)
		}
	}
	if lead := between(page, `id="lead"`, "</p>"); !strings.Contains(lead, "Sources disagree on whether Harbor Lights will have a season 2: ") ||
		!strings.Contains(lead, "Deadline says renewed (March 4, 2025)") || !strings.Contains(lead, "TVLine says canceled (March 4, 2025)") {
		t.Errorf("the lead does not give both sides of the renewal: %q", between(page, `id="lead"`, "</p>"))
	}
}

// between is the text of page from the first start to the next end
// after it, or "" when start is absent.
func between(page, start, end string) string {
	i := strings.Index(page, start)
	if i < 0 {
		return ""
	}
	rest := page[i:]
	if j := strings.Index(rest, end); j >= 0 {
		return rest[:j]
	}
	return rest
}

// disputed adds Harbor Lights, whose season 2 two trade sources of one
// day disagree on: Deadline says renewed, TVLine canceled.
func disputed(t testing.TB, st *store.Store) {
	t.Helper()
	ctx := t.Context()
	sh := model.Show{Title: "Harbor Lights", Network: "Netflix", TVmazeID: 990501, ProviderStatus: "To Be Determined"}
	if _, err := st.SaveShow(ctx, &sh); err != nil {
		t.Fatal(err)
	}
	day := model.DayDate(time.Date(2025, 3, 4, 0, 0, 0, 0, time.UTC))
	for i, side := range []struct {
		status          model.RenewalStatus
		publisher, text string
	}{{model.StatusRenewed, "Deadline", "Netflix has renewed Harbor Lights for a second season."},
		{model.StatusCanceled, "TVLine", "Harbor Lights will not return for a second season at Netflix."}} {
		c := model.Claim{ShowID: sh.ID, Season: 2, Kind: model.KindRenewal, Status: side.status, Quote: side.text,
			Source:   model.Source{URL: fmt.Sprintf("https://example.com/harbor-%d", i), Publisher: side.publisher, Published: day, Tier: model.TierTrade},
			StatedAt: day, Confidence: 1, Origin: model.OriginEditor, State: model.StateAccepted, Reviewer: "ed@example.com", ReviewedAt: dbtest.Clock()}
		if _, err := st.AddClaim(ctx, &c); err != nil {
			t.Fatal(err)
		}
	}
}

// TestSearchResultsSayWhichShow: a result gives the show's year, network
// and status in words, so two shows of one title can be told apart.
func TestSearchResultsSayWhichShow(t *testing.T) {
	srv, _ := setup(t)
	_, page, _ := get(t, srv, "/search?q=peaky+blinders")
	if !strings.Contains(page, ">Peaky Blinders</a> <span class=\"via\">2013 · BBC One · ended</span>") {
		i := strings.Index(page, "Peaky Blinders</a>")
		t.Errorf("the result lacks year, network and status: %.200s", page[max(i, 0):])
	}
}

// TestAcceptLinksToTheOutlook: an editor accepts a claim on the review
// page; the page says so as a success, links to the outlook the claim
// changed, and the decision is recorded under the editor's address.
func TestAcceptLinksToTheOutlook(t *testing.T) {
	srv, st := setup(t)
	ed := signIn(t, srv, st, "editor@example.com", model.RoleEditor)
	id := propose(t, st, "Partner Track is renewed (for the review page)")
	code, page := ed.do("POST", "/review/"+strconv.FormatInt(id, 10), url.Values{"action": {"accept"}}, "Origin", srv.URL)
	if code != 200 || !strings.Contains(page, `class="success"`) || !strings.Contains(page, "accepted.") ||
		!strings.Contains(page, `<a href="/shows/partner-track/seasons/2">See Partner Track season 2 now</a>`) {
		t.Fatalf("after accepting: %d\n%s", code, page)
	}
	sh, err := st.FindShow(t.Context(), "partner-track")
	if err != nil {
		t.Fatal(err)
	}
	d, err := st.ShowData(t.Context(), sh)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range d.Claims {
		if c.ID == id && (c.State != model.StateAccepted || c.Reviewer != "editor@example.com") {
			t.Errorf("claim %d: %s by %q, want accepted by editor@example.com", id, c.State, c.Reviewer)
		}
	}
	// A forged redirect names no show that is not there.
	if _, page := ed.do("GET", "/review?done=9&decision=accepted&show=%3Cscript%3E&season=2", nil); strings.Contains(page, "See ") || strings.Contains(page, "<script>") {
		t.Errorf("a forged decision links somewhere")
	}
}

// TestHomeListsChangesNotClaims: the home page lists each change of an
// answer once (Partner Track canceled, not "Awaiting decision" twice and
// "Canceled" again), a dispute as a dispute with both sides, and each
// upcoming premiere once however many sources gave its date.
func TestHomeListsChangesNotClaims(t *testing.T) {
	srv, st := setup(t)
	disputed(t, st)
	ctx := t.Context()
	sh := model.Show{Title: "Tidewater", Network: "Netflix", TVmazeID: 990502}
	if _, err := st.SaveShow(ctx, &sh); err != nil {
		t.Fatal(err)
	}
	date, _ := model.ParsePartialDate("2027-03-12")
	for i, publisher := range []string{"Netflix Tudum", "Variety", "Deadline"} {
		day := model.DayDate(time.Date(2026, 10, 1+i, 0, 0, 0, 0, time.UTC))
		c := model.Claim{ShowID: sh.ID, Season: 2, Kind: model.KindPremiere, Date: date, Quote: "Tidewater returns March 12, 2027.",
			Source:   model.Source{URL: fmt.Sprintf("https://example.com/tidewater-%d", i), Publisher: publisher, Published: day, Tier: model.TierTrade},
			StatedAt: day, Confidence: 1, Origin: model.OriginEditor, State: model.StateAccepted, Reviewer: "ed@example.com", ReviewedAt: dbtest.Clock()}
		if _, err := st.AddClaim(ctx, &c); err != nil {
			t.Fatal(err)
		}
	}
	_, page, _ := get(t, srv, "/")
	changes, premieres := between(page, `id="changes"`, "</section>"), between(page, `id="premieres"`, "</section>")
	if n := strings.Count(changes, "Partner Track season 2</a>"); n != 1 {
		t.Errorf("Partner Track season 2 is listed %d times among the changes, want once:\n%s", n, changes)
	}
	if !strings.Contains(changes, `status-canceled">Canceled</span> <span class="via">(was Awaiting decision)</span>`) {
		t.Errorf("the cancellation is not told as a change from awaiting a decision:\n%s", changes)
	}
	for _, want := range []string{"Harbor Lights season 2</a>", `status-disputed">Disputed</span>`, "Deadline says renewed", "TVLine says canceled"} {
		if !strings.Contains(changes, want) {
			t.Errorf("the dispute lacks %q:\n%s", want, changes)
		}
	}
	if n := strings.Count(premieres, "Tidewater season 2</a>: March 12, 2027"); n != 1 {
		t.Errorf("Tidewater season 2 is listed %d times among the premieres, want once:\n%s", n, premieres)
	}
	if strings.Contains(page, "The Simpsons") {
		t.Errorf("the search box suggests a show this catalog may not hold")
	}
}

// TestHomeShowsTheChart: the demo's home page has recent activity from
// its real data: the seasons last in the Netflix Top 10, each show once,
// asking about the season after.
func TestHomeShowsTheChart(t *testing.T) {
	srv, _ := setup(t)
	_, page, _ := get(t, srv, "/")
	charted := between(page, `id="charted"`, "</section>")
	for _, want := range []string{`<a href="/shows/black-mirror/seasons/8">Black Mirror</a>: season 7 spent 5 weeks in the chart, best at #1; last in the week ending May 11, 2025.`,
		`<a href="/shows/sirens/seasons/2">Sirens</a>`} {
		if !strings.Contains(charted, want) {
			t.Errorf("the chart section lacks %q:\n%s", want, charted)
		}
	}
	if n := strings.Count(charted, ">Black Mirror</a>"); n != 1 {
		t.Errorf("Black Mirror is listed %d times, want once", n)
	}
}
