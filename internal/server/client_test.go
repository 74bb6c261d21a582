package server_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/nextseason/nextseason/client"
	"github.com/nextseason/nextseason/internal/api"
	"github.com/nextseason/nextseason/internal/dbtest"
	"github.com/nextseason/nextseason/internal/model"
	"github.com/nextseason/nextseason/internal/notify/webhooktest"
)

// TestClientCoversTheAPI calls every operation the OpenAPI document
// describes through the Go client (package client), over a transport
// that checks each answer against the document: a fan searches, reads
// a show, its claims, an outlook and odds, manages their account,
// follows, webhooks, calendar and feed; an editor works the review queue
// and the feeds. A new operation without a client call here fails it.
func TestClientCoversTheAPI(t *testing.T) {
	srv, st := setup(t)
	ctx := t.Context()
	checker, err := openAPI()
	if err != nil {
		t.Fatal(err)
	}
	hc := &http.Client{Transport: checker.Transport(nil)}
	anon := client.New(srv.URL, "", hc)
	fan := client.New(srv.URL, dbtest.UserToken(t, st, "fan@example.com", model.RoleViewer), hc)
	ed := client.New(srv.URL, editorToken, hc)
	called := map[string]bool{}
	call := func(operation string, err error, ok bool) {
		t.Helper()
		called[operation] = true
		if err != nil || !ok {
			t.Errorf("%s: %v (answer as expected: %v)", operation, err, ok)
		}
	}

	hits, err := anon.SearchShows(ctx, "partner trak", 5)
	call("getShows", err, len(hits) > 0 && hits[0].Slug == "partner-track")
	show, err := anon.Show(ctx, "partner-track")
	call("getShowsSlug", err, show.Title == "Partner Track" && len(show.Seasons) > 0)
	claims, err := anon.Claims(ctx, "partner-track")
	call("getShowsSlugClaims", err, len(claims) > 0)
	o, err := anon.Outlook(ctx, "partner-track", 2, "")
	call("getShowsSlugSeasonsNOutlook", err, o.Season == 2 && o.Renewal.Status == model.StatusCanceled)
	odds, err := anon.Odds(ctx, "partner-track", 2, "")
	call("getShowsSlugSeasonsNOdds", err, odds.Status == model.StatusCanceled && odds.Decided != "")
	_, err = anon.Show(ctx, "no such show at all")
	if !client.IsStatus(err, http.StatusNotFound) {
		t.Errorf("a show that does not exist: %v, want a 404", err)
	}

	me, err := fan.Me(ctx)
	call("getMe", err, me.Email == "fan@example.com")
	off, err := fan.SetEmailAlerts(ctx, false)
	call("patchMe", err, !off.EmailAlerts)
	fresh, err := fan.NewFeedToken(ctx)
	call("postMeFeedToken", err, fresh.FeedURL != me.FeedURL)
	u, err := url.Parse(fresh.CalendarURL)
	if err != nil {
		t.Fatal(err)
	}
	token := u.Query().Get("token")
	cal, err := anon.Calendar(ctx, token)
	call("getMeCalendarIcs", err, strings.Contains(string(cal), "BEGIN:VCALENDAR"))
	feed, err := anon.AtomFeed(ctx, token)
	call("getMeFeedAtom", err, strings.Contains(string(feed), "<feed"))

	f, err := fan.Follow(ctx, client.FollowRequest{Show: "partner-track"})
	call("postMeFollows", err, f.Show == "partner-track" && f.Delivery == model.DeliveryImmediate)
	follows, err := fan.Follows(ctx)
	call("getMeFollows", err, len(follows) == 1)
	sink := webhooktest.NewSink(t)
	hook, err := fan.AddWebhook(ctx, sink.URL+"/fan")
	call("postMeWebhooks", err, strings.HasPrefix(hook.Secret, "whsec_"))
	call("postMeWebhooksIdTest", fan.TestWebhook(ctx, hook.ID), true)
	hooks, err := fan.Webhooks(ctx)
	call("getMeWebhooks", err, len(hooks) == 1 && hooks[0].Secret == "" && hooks[0].TestPending)
	err = fan.TestMail(ctx) // no SMTP server is set: 409, as the document allows
	call("postMeTestMail", nil, client.IsStatus(err, http.StatusConflict))

	renewal := propose(t, st, "Partner Track is renewed (through the client)")
	queue, err := ed.ReviewQueue(ctx)
	call("getReview", err, len(queue) == 1 && queue[0].ID == renewal)
	accepted, err := ed.Accept(ctx, renewal, client.Decision{})
	call("postClaimsIdAccept", err, accepted.State == model.StateAccepted)
	rejected, err := ed.Reject(ctx, propose(t, st, "Partner Track is renewed (a rumour)"))
	call("postClaimsIdReject", err, rejected.State == model.StateRejected)
	events, err := fan.Events(ctx, 10)
	call("getMeEvents", err, len(events) > 0 && events[0].Kind == model.EventRenewed && events[0].ClaimID == renewal)
	sent, err := fan.Deliveries(ctx)
	call("getMeDeliveries", err, len(sent) == 1 && sent[0].Channel == "webhook")
	recs, err := fan.Recommendations(ctx, client.RecommendationOptions{Limit: 3, BoostRenewed: true})
	call("getMeRecommendations", err, len(recs) <= 3)
	added, err := ed.AddFeed(ctx, "https://feeds.example.com/tv.xml", "trade")
	call("postFeeds", err, added.Tier == model.TierTrade)
	feeds, err := ed.Feeds(ctx)
	call("getFeeds", err, len(feeds) >= 1)

	export, err := fan.ExportFollows(ctx)
	call("getMeExport", err, len(export.Follows) == 1 && export.Follows[0].Title == "Partner Track" && len(export.Webhooks) == 1)
	file, err := json.Marshal(export)
	if err != nil {
		t.Fatal(err)
	}
	other := client.New(srv.URL, dbtest.UserToken(t, st, "other@example.com", model.RoleViewer), hc)
	imported, err := other.Import(ctx, file, false)
	call("postMeImport", err, len(imported.Followed) == 1 && imported.Followed[0] == "partner-track" && len(imported.Webhooks) == 1)
	if again, err := other.Import(ctx, file, false); err != nil || len(again.Followed)+len(again.Webhooks) != 0 || len(again.Unchanged) != 1 {
		t.Errorf("importing the same export again: %+v, %v; want nothing new", again, err)
	}
	if _, err := other.Import(ctx, []byte(`{"format": "something else"}`), false); !client.IsStatus(err, http.StatusBadRequest) {
		t.Errorf("importing a file of another format: %v, want a 400", err)
	}

	call("deleteMeFollows", fan.Unfollow(ctx, client.FollowRequest{Show: "partner-track"}), true)
	call("deleteMeWebhooksId", fan.DeleteWebhook(ctx, hook.ID), true)
	if _, err := fan.ReviewQueue(ctx); !client.IsStatus(err, http.StatusForbidden) {
		t.Errorf("a fan asks for the review queue: %v, want a 403", err)
	}

	for path, item := range (&api.API{}).OpenAPI()["paths"].(map[string]any) {
		for method, op := range item.(map[string]any) {
			id := op.(map[string]any)["operationId"].(string)
			if id != "getOpenAPI" && !called[id] {
				t.Errorf("%s %s (%s): no client call covers it", strings.ToUpper(method), path, id)
			}
		}
	}
}
