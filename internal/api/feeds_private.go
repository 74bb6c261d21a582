package api

import (
	"bytes"
	"net/http"

	"github.com/nextseason/nextseason/internal/answer"
	"github.com/nextseason/nextseason/internal/model"
	"github.com/nextseason/nextseason/internal/syndicate"
)

// feedEvents is how many events the Atom feed carries.
const feedEvents = 50

// calendar serves the ICS calendar of the user's followed shows.
func (a *API) calendar(w http.ResponseWriter, r *http.Request, u model.User) {
	shows, err := answer.FollowedShows(r.Context(), a.Store, u.ID, a.Now())
	if err != nil {
		a.fail(w, r, err)
		return
	}
	var buf bytes.Buffer
	if err := syndicate.Calendar(&buf, shows, a.base(r), a.Now()); err != nil {
		a.fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/calendar; charset=utf-8")
	w.Write(buf.Bytes())
}

// atomFeed serves the user's events as Atom.
func (a *API) atomFeed(w http.ResponseWriter, r *http.Request, u model.User) {
	events, err := a.Store.UserEvents(r.Context(), u.ID, feedEvents)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	var buf bytes.Buffer
	self := a.base(r) + r.URL.RequestURI()
	if err := syndicate.Atom(&buf, u.Email, events, a.base(r), self, a.Now()); err != nil {
		a.fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/atom+xml; charset=utf-8")
	w.Write(buf.Bytes())
}
