package api

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/nextseason/nextseason/internal/httpx"
	"github.com/nextseason/nextseason/internal/model"
)

// personFollowView shows a followed person: they bring cast news, at once.
func personFollowView(p model.Person) FollowView {
	return FollowView{Person: p.Name, PersonID: p.ID, Events: []model.EventKind{model.EventCastNews}, Delivery: model.DeliveryImmediate}
}

// findPerson finds the person a follow request names: by id, or by a
// name only one person in the catalog has.
func (a *API) findPerson(w http.ResponseWriter, r *http.Request, b FollowRequest) (model.Person, bool) {
	if b.PersonID != 0 {
		p, err := a.Store.Person(r.Context(), b.PersonID)
		if err != nil {
			a.fail(w, r, err)
			return model.Person{}, false
		}
		return p, true
	}
	people, err := a.Store.PeopleNamed(r.Context(), b.Person)
	if err != nil {
		a.fail(w, r, err)
		return model.Person{}, false
	}
	switch len(people) {
	case 0:
		httpx.WriteError(w, http.StatusNotFound, "not_found", fmt.Sprintf("no one named %q is in the catalog", b.Person))
		return model.Person{}, false
	case 1:
		return people[0], true
	}
	ids := make([]string, len(people))
	for i, p := range people {
		ids[i] = fmt.Sprint(p.ID)
	}
	httpx.WriteError(w, http.StatusBadRequest, "ambiguous", fmt.Sprintf("%d people are named %q; send the person_id of one: %s", len(people), b.Person, strings.Join(ids, ", ")))
	return model.Person{}, false
}

// followPerson follows a person for their new roles: {"person": name} or
// {"person_id": id}.
func (a *API) followPerson(w http.ResponseWriter, r *http.Request, b FollowRequest) {
	u, _ := currentUser(r.Context())
	if len(b.Events) > 0 || b.Delivery != "" {
		httpx.WriteError(w, http.StatusBadRequest, "bad_request", "following a person brings their cast news at once; events and delivery are for shows")
		return
	}
	p, ok := a.findPerson(w, r, b)
	if !ok {
		return
	}
	if err := a.Store.FollowPerson(r.Context(), u.ID, p.ID); err != nil {
		a.fail(w, r, err)
		return
	}
	httpx.WriteJSON(w, http.StatusOK, personFollowView(p))
}

// unfollowPerson ends the signed-in user's follow of a person.
func (a *API) unfollowPerson(w http.ResponseWriter, r *http.Request, b FollowRequest) {
	u, _ := currentUser(r.Context())
	p, ok := a.findPerson(w, r, b)
	if !ok {
		return
	}
	found, err := a.Store.UnfollowPerson(r.Context(), u.ID, p.ID)
	switch {
	case err != nil:
		a.fail(w, r, err)
	case !found:
		httpx.WriteError(w, http.StatusNotFound, "not_found", "you do not follow "+p.Name)
	default:
		w.WriteHeader(http.StatusNoContent)
	}
}
