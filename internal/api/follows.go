package api

import (
	"fmt"
	"net/http"

	"github.com/nextseason/nextseason/internal/answer"
	"github.com/nextseason/nextseason/internal/httpx"
	"github.com/nextseason/nextseason/internal/model"
	"github.com/nextseason/nextseason/internal/store"
)

// FollowView is a follow as the API shows it.
type FollowView struct {
	Show  string `json:"show,omitempty"`
	Title string `json:"title,omitempty"`
	// Person and PersonID name a followed person instead of a show.
	Person   string            `json:"person,omitempty"`
	PersonID int64             `json:"person_id,omitempty"`
	Events   []model.EventKind `json:"events"`
	Delivery model.Delivery    `json:"delivery"`
	Watched  bool              `json:"watched"`
	Rating   int               `json:"rating,omitempty"`
}

func followView(f store.FollowedShow) FollowView {
	return FollowView{Show: f.Slug, Title: f.Title, Events: f.Events, Delivery: f.Delivery, Watched: f.Watched, Rating: f.Rating}
}

// FollowRequest is the body of POST and DELETE /api/v1/me/follows: a
// show, or a person (by name or id).
type FollowRequest struct {
	Show     string   `json:"show"`
	Events   []string `json:"events"`
	Delivery string   `json:"delivery"`
	Person   string   `json:"person"`
	PersonID int64    `json:"person_id"`
	// Watched and Rating change only when given.
	Watched *bool `json:"watched"`
	Rating  *int  `json:"rating"`
}

// readFollow decodes and checks a follow request, and finds its show; a
// request about a person is answered by person instead.
func (a *API) readFollow(w http.ResponseWriter, r *http.Request, person func(FollowRequest)) (FollowRequest, model.Show, bool) {
	var body FollowRequest
	if !readBody(w, r, &body) {
		return body, model.Show{}, false
	}
	if body.Show == "" && (body.Person != "" || body.PersonID != 0) {
		person(body)
		return body, model.Show{}, false
	}
	if body.Show == "" {
		httpx.WriteError(w, http.StatusBadRequest, "bad_request", `body: name the show, {"show": "partner-track"}, or the person, {"person": "Arden Cho"}`)
		return body, model.Show{}, false
	}
	sh, err := answer.FindShow(r.Context(), a.Store, body.Show)
	if err != nil {
		a.fail(w, r, err)
		return body, model.Show{}, false
	}
	return body, sh, true
}

func (a *API) listFollows(w http.ResponseWriter, r *http.Request) {
	u, _ := currentUser(r.Context())
	all, err := a.Store.Follows(r.Context(), u.ID)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	people, err := a.Store.FollowedPeople(r.Context(), u.ID)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	out := make([]FollowView, 0, len(all)+len(people))
	for _, f := range all {
		out = append(out, followView(f))
	}
	for _, p := range people {
		out = append(out, personFollowView(p))
	}
	httpx.WriteJSON(w, http.StatusOK, out)
}

// follow starts following a show, or changes what an existing follow
// sends: {"show": slug, "events": [...], "delivery": "immediate"|"digest"}.
func (a *API) follow(w http.ResponseWriter, r *http.Request) {
	u, _ := currentUser(r.Context())
	body, sh, ok := a.readFollow(w, r, func(b FollowRequest) { a.followPerson(w, r, b) })
	if !ok {
		return
	}
	events, err := model.ParseEventKinds(body.Events)
	if err != nil {
		httpx.WriteError(w, http.StatusBadRequest, "bad_request", err.Error())
		return
	}
	delivery, err := model.ParseDelivery(body.Delivery)
	if err != nil {
		httpx.WriteError(w, http.StatusBadRequest, "bad_request", err.Error())
		return
	}
	f := model.Follow{UserID: u.ID, ShowID: sh.ID, Events: events, Delivery: delivery}
	if body.Rating != nil && (*body.Rating < 0 || *body.Rating > 5) {
		httpx.WriteError(w, http.StatusBadRequest, "bad_request", "rating: want 1 to 5, or 0 for none")
		return
	}
	err = a.Store.InTx(r.Context(), func(tx *store.Store) error {
		if err := tx.SaveFollow(r.Context(), &f); err != nil {
			return err
		}
		return tx.SetWatched(r.Context(), u.ID, sh.ID, body.Watched, body.Rating)
	})
	if err != nil {
		a.fail(w, r, err)
		return
	}
	all, err := a.Store.Follows(r.Context(), u.ID)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	for _, had := range all {
		if had.ShowID == sh.ID {
			httpx.WriteJSON(w, http.StatusOK, followView(had))
			return
		}
	}
	a.fail(w, r, fmt.Errorf("the follow of %s vanished as it was saved", sh.Slug))
}

// unfollow ends the signed-in user's follow of a show: {"show": slug}.
func (a *API) unfollow(w http.ResponseWriter, r *http.Request) {
	u, _ := currentUser(r.Context())
	_, sh, ok := a.readFollow(w, r, func(b FollowRequest) { a.unfollowPerson(w, r, b) })
	if !ok {
		return
	}
	found, err := a.Store.Unfollow(r.Context(), u.ID, sh.ID)
	switch {
	case err != nil:
		a.fail(w, r, err)
	case !found:
		httpx.WriteError(w, http.StatusNotFound, "not_found", "you do not follow "+sh.Title)
	default:
		w.WriteHeader(http.StatusNoContent)
	}
}
