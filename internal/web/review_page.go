package web

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"

	"github.com/nextseason/nextseason/internal/facts"
	"github.com/nextseason/nextseason/internal/model"
	"github.com/nextseason/nextseason/internal/review"
	"github.com/nextseason/nextseason/internal/store"
)

type reviewView struct {
	Queue []queued
	Done  *decided
}

// decided is what the page says of the decision just made: the claim,
// accepted or rejected, and the outlook it changed.
type decided struct {
	ID       string
	Decision string
	What     string // "Partner Track season 2"
	Link     string
}

type queued struct {
	store.ShowClaim
	Summary string
}

func (w *Web) review(rw http.ResponseWriter, r *http.Request) {
	queue, err := w.store.ClaimsInState(r.Context(), model.StateProposed, 200)
	if err != nil {
		w.fail(rw, r, err)
		return
	}
	v := reviewView{Done: w.decided(r)}
	for _, c := range queue {
		q := queued{ShowClaim: c, Summary: facts.Summarize(c.Claim)}
		v.Queue = append(v.Queue, q)
	}
	w.render(rw, r, http.StatusOK, "review", v)
}

// decide records an editor's decision from the review page's forms.
func (w *Web) decide(rw http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		w.renderError(rw, r, http.StatusBadRequest, "Bad request", "No such claim.", nil)
		return
	}
	// Who decided: the signed-in editor; with the shared editors'
	// password there is no account, and the name given with it is
	// anyone's to type, so the way in is recorded instead.
	by := model.Reviewer{Name: "editors' password"}
	if u, ok := viewer(r.Context()); ok {
		by = model.Reviewer{UserID: u.ID, Name: u.Email}
	}
	var c model.Claim
	decision := "accepted"
	switch r.FormValue("action") {
	case "accept":
		c, err = review.Accept(r.Context(), w.store, id, r.FormValue("show"), by)
	case "reject":
		decision = "rejected"
		c, err = review.Reject(r.Context(), w.store, id, by)
	default:
		w.renderError(rw, r, http.StatusBadRequest, "Bad request", "Accept or reject?", nil)
		return
	}
	switch {
	case errors.Is(err, review.ErrDecided):
		w.renderError(rw, r, http.StatusConflict, "Already decided", err.Error()+".", nil)
	case err != nil:
		w.fail(rw, r, err)
	default:
		q := url.Values{"done": {strconv.FormatInt(id, 10)}, "decision": {decision}, "season": {strconv.Itoa(c.Season)}}
		if sh, err := w.store.Show(r.Context(), c.ShowID); err == nil && !sh.Proposed {
			q.Set("show", sh.Slug)
		}
		http.Redirect(rw, r, "/review?"+q.Encode(), http.StatusSeeOther)
	}
}

// decided reads what the redirect after a decision says, checking each
// part: the claim's number, the decision, and a show that exists.
func (w *Web) decided(r *http.Request) *decided {
	q := r.URL.Query()
	id, err := strconv.ParseInt(q.Get("done"), 10, 64)
	if err != nil || (q.Get("decision") != "accepted" && q.Get("decision") != "rejected") {
		return nil
	}
	d := &decided{ID: strconv.FormatInt(id, 10), Decision: q.Get("decision")}
	season, _ := strconv.Atoi(q.Get("season"))
	if sh, err := w.store.FindShow(r.Context(), q.Get("show")); err == nil && q.Get("show") != "" && !sh.Proposed && d.Decision == "accepted" {
		d.What, d.Link = sh.Title, "/shows/"+sh.Slug
		if season > 0 {
			d.What += fmt.Sprintf(" season %d", season)
			d.Link += fmt.Sprintf("/seasons/%d", season)
		}
	}
	return d
}
