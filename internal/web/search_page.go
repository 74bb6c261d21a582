package web

import (
	"net/http"
	"strings"

	"github.com/nextseason/nextseason/internal/answer"
	"github.com/nextseason/nextseason/internal/match"
)

type searchView struct {
	Query   string
	Results []match.Result
}

const searchPageSize = 25

func (w *Web) search(rw http.ResponseWriter, r *http.Request) {
	v := searchView{Query: strings.TrimSpace(r.URL.Query().Get("q"))}
	if v.Query == "" {
		http.Redirect(rw, r, "/", http.StatusSeeOther)
		return
	}
	var err error
	if v.Results, err = answer.Search(r.Context(), w.store, v.Query, searchPageSize); err != nil {
		w.fail(rw, r, err)
		return
	}
	w.render(rw, r, http.StatusOK, "search", v)
}
