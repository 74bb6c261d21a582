package api

import (
	"errors"
	"net/http"

	"github.com/nextseason/nextseason/internal/httpx"
	"github.com/nextseason/nextseason/internal/model"
	"github.com/nextseason/nextseason/internal/store"
	"github.com/nextseason/nextseason/internal/syndicate"
)

// Me is the signed-in user, as GET /api/v1/me shows it, with the private
// URLs of their feed and calendar.
type Me struct {
	Email       string     `json:"email"`
	Role        model.Role `json:"role"`
	EmailAlerts bool       `json:"email_alerts"`
	CalendarURL string     `json:"calendar_url"`
	FeedURL     string     `json:"feed_url"`
}

func (a *API) me(r *http.Request, u model.User) Me {
	calendar, feed := syndicate.PrivateURLs(a.base(r), u.FeedToken)
	return Me{Email: u.Email, Role: u.Role, EmailAlerts: u.EmailAlerts, CalendarURL: calendar, FeedURL: feed}
}

// base is the scheme and host users reach this nextseason at.
func (a *API) base(r *http.Request) string { return httpx.BaseURL(a.BaseURL, r) }

func (a *API) getMe(w http.ResponseWriter, r *http.Request) {
	u, _ := currentUser(r.Context())
	httpx.WriteJSON(w, http.StatusOK, a.me(r, u))
}

// patchMe changes the user's settings: {"email_alerts": true}.
// PatchMeRequest is the body of PATCH /api/v1/me.
type PatchMeRequest struct {
	EmailAlerts *bool `json:"email_alerts"`
}

func (a *API) patchMe(w http.ResponseWriter, r *http.Request) {
	u, _ := currentUser(r.Context())
	var body PatchMeRequest
	if !readBody(w, r, &body) {
		return
	}
	if body.EmailAlerts == nil {
		httpx.WriteError(w, http.StatusBadRequest, "bad_request", `body: say what to change, {"email_alerts": true}`)
		return
	}
	if err := a.Store.SetEmailAlerts(r.Context(), u.ID, *body.EmailAlerts); err != nil {
		a.fail(w, r, err)
		return
	}
	u.EmailAlerts = *body.EmailAlerts
	httpx.WriteJSON(w, http.StatusOK, a.me(r, u))
}

// newFeedToken replaces the feed token: the old calendar and feed URLs
// stop working (for a URL that leaked).
func (a *API) newFeedToken(w http.ResponseWriter, r *http.Request) {
	u, _ := currentUser(r.Context())
	token, err := a.Store.NewFeedToken(r.Context(), u.ID)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	u.FeedToken = token
	httpx.WriteJSON(w, http.StatusOK, a.me(r, u))
}

// byFeedToken serves a private feed to the user whose feed token is in
// ?token=: calendar apps and feed readers cannot send headers.
func (a *API) byFeedToken(next func(http.ResponseWriter, *http.Request, model.User)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		token := r.URL.Query().Get("token")
		if token == "" {
			httpx.WriteError(w, http.StatusUnauthorized, "unauthorized", "add your feed token, ?token=…; GET /api/v1/me shows the whole URL")
			return
		}
		u, err := a.Store.UserByFeedToken(r.Context(), token)
		if errors.Is(err, store.ErrNotFound) {
			httpx.WriteError(w, http.StatusUnauthorized, "unauthorized", "this feed token is not (or no longer) valid; GET /api/v1/me shows the current URL")
			return
		}
		if err != nil {
			a.fail(w, r, err)
			return
		}
		// Private: shared caches must not keep it.
		w.Header().Set("Cache-Control", "private, max-age=300")
		next(w, r, u)
	}
}
