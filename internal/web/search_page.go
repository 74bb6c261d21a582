package web

import (
	"net/http"
	"strings"

	"github.com/nextseason/nextseason/internal/match"
	"github.com/nextseason/nextseason/internal/model"
	"github.com/nextseason/nextseason/internal/search"
)

type searchView struct {
	Query   string
	Results []match.Result
	// People are those named exactly what was asked, with their shows.
	People   []personResult
	SignedIn bool
}

type personResult struct {
	model.Person
	Shows []model.Show
}

// personShows bounds the shows listed under a person found.
const personShows = 5

const searchPageSize = 25

func (w *Web) search(rw http.ResponseWriter, r *http.Request) {
	v := searchView{Query: strings.TrimSpace(r.URL.Query().Get("q"))}
	if v.Query == "" {
		http.Redirect(rw, r, "/", http.StatusSeeOther)
		return
	}
	var err error
	ctx := r.Context()
	if v.Results, err = search.Shows(ctx, w.store, v.Query, searchPageSize); err != nil {
		w.fail(rw, r, err)
		return
	}
	people, err := w.store.PeopleNamed(ctx, v.Query)
	if err != nil {
		w.fail(rw, r, err)
		return
	}
	for _, p := range people {
		shows, err := w.store.PersonShows(ctx, p.ID, personShows)
		if err != nil {
			w.fail(rw, r, err)
			return
		}
		v.People = append(v.People, personResult{Person: p, Shows: shows})
	}
	_, v.SignedIn = viewer(ctx)
	w.render(rw, r, http.StatusOK, "search", v)
}
