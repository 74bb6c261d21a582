// Package api serves nextseason's JSON API under /api/v1. Each handler
// reads the request, asks the store (through answer), and responds;
// errors come as {"error": {"code", "message"}} with honest statuses.
package api

import (
	"encoding/json"
	"fmt"
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

// Register adds the API's routes to mux: those of routes, each as the
// OpenAPI document describes it, and the document itself.
func (a *API) Register(mux *http.ServeMux) {
	for _, rt := range a.routes() {
		mux.Handle(rt.pattern(), rt.handler)
	}
	doc, err := json.MarshalIndent(a.OpenAPI(), "", "  ")
	if err != nil {
		panic(fmt.Sprintf("api: the OpenAPI document: %v", err)) // built from Go types: cannot fail
	}
	mux.HandleFunc("GET "+OpenAPIPath, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write(doc)
	})
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
