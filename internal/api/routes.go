package api

import (
	"net/http"

	"github.com/nextseason/nextseason/internal/answer"
	"github.com/nextseason/nextseason/internal/facts"
	"github.com/nextseason/nextseason/internal/imports"
	"github.com/nextseason/nextseason/internal/recommend"
)

// route is one endpoint: how it is served and how the OpenAPI document
// describes it. Register serves exactly these, so no endpoint goes
// undescribed.
type route struct {
	method, path string
	summary      string
	access       access
	query        []param
	// body is the request body's type, as a zero value; nil: none. orBody
	// is another it may be instead.
	body, orBody any
	// status is the success status; out its JSON body's type, as a zero
	// value (nil: none, or contentType's text).
	status      int
	out         any
	contentType string
	handler     http.Handler
}

// param is a query parameter.
type param struct {
	name, typ, doc string
}

// access is who may call a route.
type access int

const (
	public    access = iota
	user             // any signed-in account: Authorization: Bearer TOKEN
	editor           // an editor's or admin's token, or the editors' shared token
	feedToken        // the user's feed token, ?token=
)

func (rt route) pattern() string { return rt.method + " " + rt.path }

// asOf is the ?as_of= every answer takes.
var asOf = param{"as_of", "string", "answer as known on this day, YYYY-MM-DD (default today)"}

// routes is every endpoint of the API.
func (a *API) routes() []route {
	signedIn := func(h http.HandlerFunc) http.Handler { return a.signedIn(false, h) }
	return []route{
		{method: "GET", path: "/api/v1/shows", summary: "Search shows by title, alias, network or cast, typos forgiven; best first",
			query:  []param{{"q", "string", "what was typed (required)"}, {"limit", "integer", "at most this many, 1 to 100 (default 20)"}},
			status: 200, out: []ShowHit{}, handler: http.HandlerFunc(a.listShows)},
		{method: "GET", path: "/api/v1/shows/{slug}", summary: "A show, with its seasons",
			status: 200, out: Show{}, handler: http.HandlerFunc(a.getShow)},
		{method: "GET", path: "/api/v1/shows/{slug}/claims", summary: "Every claim about the show, in any review state",
			status: 200, out: []Claim{}, handler: http.HandlerFunc(a.listClaims)},
		{method: "GET", path: "/api/v1/shows/{slug}/seasons/{n}/outlook", summary: "Everything known about season n: renewal, premiere, episodes, cast, with evidence",
			query: []param{asOf}, status: 200, out: facts.Outlook{}, handler: http.HandlerFunc(a.getOutlook)},
		{method: "GET", path: "/api/v1/shows/{slug}/seasons/{n}/odds", summary: "Season n's renewal odds while undecided, from season n-1's weeks in the Netflix Top 10; else the decision",
			query: []param{asOf}, status: 200, out: answer.OddsAnswer{}, handler: http.HandlerFunc(a.getOdds)},
		{method: "GET", path: "/api/v1/me", summary: "The signed-in account, with its private calendar and feed URLs", access: user,
			status: 200, out: Me{}, handler: signedIn(a.getMe)},
		{method: "PATCH", path: "/api/v1/me", summary: "Turn mail alerts on or off", access: user,
			body: PatchMeRequest{}, status: 200, out: Me{}, handler: signedIn(a.patchMe)},
		{method: "POST", path: "/api/v1/me/feed-token", summary: "A new feed token: the old calendar and feed URLs stop working", access: user,
			status: 200, out: Me{}, handler: signedIn(a.newFeedToken)},
		{method: "GET", path: "/api/v1/me/calendar.ics", summary: "The private calendar of followed shows' premieres (iCalendar)", access: feedToken,
			status: 200, contentType: "text/calendar", handler: a.byFeedToken(a.calendar)},
		{method: "GET", path: "/api/v1/me/feed.atom", summary: "The private feed of followed shows' changes (Atom)", access: feedToken,
			status: 200, contentType: "application/atom+xml", handler: a.byFeedToken(a.atomFeed)},
		{method: "GET", path: "/api/v1/me/follows", summary: "The account's follows of shows and people", access: user,
			status: 200, out: []FollowView{}, handler: signedIn(a.listFollows)},
		{method: "POST", path: "/api/v1/me/follows", summary: "Follow a show (or change a follow), or a person", access: user,
			body: FollowRequest{}, status: 200, out: FollowView{}, handler: signedIn(a.follow)},
		{method: "DELETE", path: "/api/v1/me/follows", summary: "Unfollow a show or a person", access: user,
			body: FollowRequest{}, status: 204, handler: signedIn(a.unfollow)},
		{method: "GET", path: "/api/v1/me/events", summary: "Changes about followed shows and people, newest first", access: user,
			query: []param{{"limit", "integer", "at most this many, 1 to 200 (default 50)"}}, status: 200, out: []EventView{}, handler: signedIn(a.listEvents)},
		{method: "GET", path: "/api/v1/me/webhooks", summary: "The account's webhook endpoints", access: user,
			status: 200, out: []WebhookView{}, handler: signedIn(a.listWebhooks)},
		{method: "POST", path: "/api/v1/me/webhooks", summary: "Add a webhook endpoint; its signing secret is in this answer only", access: user,
			body: WebhookRequest{}, status: 201, out: WebhookView{}, handler: signedIn(a.addWebhook)},
		{method: "DELETE", path: "/api/v1/me/webhooks/{id}", summary: "Delete a webhook endpoint", access: user,
			status: 204, handler: signedIn(a.deleteWebhook)},
		{method: "POST", path: "/api/v1/me/webhooks/{id}/test", summary: "Send a signed test to the endpoint (the list shows how it went)", access: user,
			status: 202, out: Queued{}, handler: signedIn(a.testWebhook)},
		{method: "POST", path: "/api/v1/me/test-mail", summary: "Send a test mail (409 when no SMTP server is set)", access: user,
			status: 202, out: Queued{}, handler: signedIn(a.testMail)},
		{method: "GET", path: "/api/v1/me/deliveries", summary: "The delivery history of webhooks and mails, newest first", access: user,
			status: 200, out: []SentView{}, handler: signedIn(a.listSent)},
		{method: "GET", path: "/api/v1/me/recommendations", summary: "Recommended shows, with the reasons and each show's fate", access: user,
			query: []param{{"limit", "integer", "at most this many, 1 to 100 (default 10)"}, {"complete_only", "boolean", "only shows whose story is complete"},
				{"no_one_season_cancels", "boolean", "leave out shows canceled after one season"}, {"boost_renewed", "boolean", "rank renewed shows higher"}},
			status: 200, out: []recommend.Recommendation{}, handler: signedIn(a.listRecommendations)},
		{method: "GET", path: "/api/v1/me/export", summary: "The account's follows, people, webhook URLs (no secrets) and mail setting, as POST /api/v1/me/import reads them back", access: user,
			status: 200, out: imports.Export{}, handler: signedIn(a.exportFollows)},
		{method: "POST", path: "/api/v1/me/import", summary: "Follow what a file lists: nextseason's export, or a file of Trakt's export (watchlist, watched shows, ratings); what matches nothing is listed", access: user,
			query: []param{{"dry_run", "boolean", "only say what would be followed"}}, body: imports.Export{}, orBody: []imports.TraktEntry{},
			status: 200, out: imports.Report{}, handler: signedIn(a.importFollows)},
		{method: "GET", path: "/api/v1/review", summary: "Claims waiting for an editor, with quote, source, rule and linked show", access: editor,
			status: 200, out: []QueuedClaim{}, handler: a.editor(a.listReview)},
		{method: "POST", path: "/api/v1/claims/{id}/accept", summary: "Accept a claim (optionally linking it to another show)", access: editor,
			body: Decision{}, status: 200, out: Claim{}, handler: a.editor(a.acceptClaim)},
		{method: "POST", path: "/api/v1/claims/{id}/reject", summary: "Reject a claim", access: editor,
			body: Decision{}, status: 200, out: Claim{}, handler: a.editor(a.rejectClaim)},
		{method: "GET", path: "/api/v1/feeds", summary: "The news feeds polled", access: editor,
			status: 200, out: []Feed{}, handler: a.editor(a.listFeeds)},
		{method: "POST", path: "/api/v1/feeds", summary: "Subscribe to a news feed", access: editor,
			body: FeedRequest{}, status: 201, out: Feed{}, handler: a.editor(a.addFeed)},
	}
}
