// Package api serves nextseason's JSON API under /api/v1. Each handler
// reads the request, asks the store (through answer), and responds;
// errors come as {"error": {"code", "message"}} with honest statuses.
package api

import (
	"log/slog"
	"net/http"
	"time"

	"github.com/nextseason/nextseason/internal/answer"
	"github.com/nextseason/nextseason/internal/auth"
	"github.com/nextseason/nextseason/internal/httpx"
	"github.com/nextseason/nextseason/internal/odds"
	"github.com/nextseason/nextseason/internal/recommend"
	"github.com/nextseason/nextseason/internal/store"
)

// API holds what the handlers need.
type API struct {
	Store *store.Store
	Log   *slog.Logger
	Now   func() time.Time
	// EditorToken is a bearer token shared by editors, besides their
	// own API tokens; empty turns it off.
	EditorToken string
	// BaseURL is where users reach this nextseason, for the absolute
	// URLs of the private feed and calendar; empty takes the request's
	// host.
	BaseURL string
	// Mail says whether this nextseason sends mail (an SMTP server is
	// set).
	Mail bool
	// Recommender holds the recommendation models.
	Recommender *recommend.Service
	// Odds estimates renewal odds.
	Odds *odds.Service
	// Outlooks answers outlooks.
	Outlooks *answer.Outlooks
	// Logins limits wrong guesses of EditorToken.
	Logins *auth.LoginLimiter
}

// Register adds the API's routes to mux.
func (a *API) Register(mux *http.ServeMux) {
	mux.HandleFunc("GET /api/v1/shows", a.listShows)
	mux.HandleFunc("GET /api/v1/shows/{slug}", a.getShow)
	mux.HandleFunc("GET /api/v1/shows/{slug}/claims", a.listClaims)
	mux.HandleFunc("GET /api/v1/shows/{slug}/seasons/{n}/outlook", a.getOutlook)
	mux.HandleFunc("GET /api/v1/shows/{slug}/seasons/{n}/odds", a.getOdds)
	mux.Handle("GET /api/v1/me", a.signedIn(false, a.getMe))
	mux.Handle("PATCH /api/v1/me", a.signedIn(false, a.patchMe))
	mux.Handle("POST /api/v1/me/feed-token", a.signedIn(false, a.newFeedToken))
	mux.HandleFunc("GET /api/v1/me/calendar.ics", a.byFeedToken(a.calendar))
	mux.HandleFunc("GET /api/v1/me/feed.atom", a.byFeedToken(a.atomFeed))
	mux.Handle("GET /api/v1/me/follows", a.signedIn(false, a.listFollows))
	mux.Handle("POST /api/v1/me/follows", a.signedIn(false, a.follow))
	mux.Handle("DELETE /api/v1/me/follows", a.signedIn(false, a.unfollow))
	mux.Handle("GET /api/v1/me/events", a.signedIn(false, a.listEvents))
	mux.Handle("GET /api/v1/me/webhooks", a.signedIn(false, a.listWebhooks))
	mux.Handle("POST /api/v1/me/webhooks", a.signedIn(false, a.addWebhook))
	mux.Handle("DELETE /api/v1/me/webhooks/{id}", a.signedIn(false, a.deleteWebhook))
	mux.Handle("POST /api/v1/me/webhooks/{id}/test", a.signedIn(false, a.testWebhook))
	mux.Handle("POST /api/v1/me/test-mail", a.signedIn(false, a.testMail))
	mux.Handle("GET /api/v1/me/deliveries", a.signedIn(false, a.listSent))
	mux.Handle("GET /api/v1/me/recommendations", a.signedIn(false, a.listRecommendations))
	mux.Handle("GET /api/v1/review", a.editor(a.listReview))
	mux.Handle("POST /api/v1/claims/{id}/accept", a.editor(a.acceptClaim))
	mux.Handle("POST /api/v1/claims/{id}/reject", a.editor(a.rejectClaim))
	mux.Handle("GET /api/v1/feeds", a.editor(a.listFeeds))
	mux.Handle("POST /api/v1/feeds", a.editor(a.addFeed))
	mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		httpx.WriteError(w, http.StatusNotFound, "not_found", "no such API endpoint: "+r.Method+" "+r.URL.Path)
	})
}

// fail answers an error with the status it deserves; internal errors are
// logged and not shown.
func (a *API) fail(w http.ResponseWriter, r *http.Request, err error) {
	switch answer.FailureOf(err) {
	case answer.NotFound:
		httpx.WriteError(w, http.StatusNotFound, "not_found", err.Error())
	case answer.Invalid:
		httpx.WriteError(w, http.StatusBadRequest, "bad_request", err.Error())
	default:
		a.Log.Error("api request failed", slog.Group("request", "method", r.Method, "path", r.URL.Path), "err", err)
		httpx.WriteError(w, http.StatusInternalServerError, "internal", "something went wrong on our side; it has been logged")
	}
}
