package web

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/nextseason/nextseason/internal/facts"
	"github.com/nextseason/nextseason/internal/model"
	"github.com/nextseason/nextseason/internal/review"
	"github.com/nextseason/nextseason/internal/store"
)

type reviewView struct {
	Queue   []queued
	Message string
}

type queued struct {
	store.ShowClaim
	Summary  string
	Proposed bool
}

func (w *Web) review(rw http.ResponseWriter, r *http.Request) {
	queue, err := w.store.ClaimsInState(r.Context(), model.StateProposed, 200)
	if err != nil {
		w.fail(rw, r, err)
		return
	}
	v := reviewView{Message: r.URL.Query().Get("done")}
	for _, c := range queue {
		q := queued{ShowClaim: c, Summary: facts.Summarize(c.Claim)}
		if sh, err := w.store.Show(r.Context(), c.ShowID); err == nil {
			q.Proposed = sh.Proposed
		}
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
	user, _, _ := r.BasicAuth()
	reviewer := "editor (web)"
	if user != "" {
		reviewer = user
	}
	switch r.FormValue("action") {
	case "accept":
		_, err = review.Accept(r.Context(), w.store, id, r.FormValue("show"), reviewer)
	case "reject":
		_, err = review.Reject(r.Context(), w.store, id, reviewer)
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
		http.Redirect(rw, r, "/review?done="+strconv.FormatInt(id, 10), http.StatusSeeOther)
	}
}
