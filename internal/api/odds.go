package api

import (
	"net/http"

	"github.com/nextseason/nextseason/internal/answer"
	"github.com/nextseason/nextseason/internal/httpx"
)

// getOdds answers whether season n will come, as of ?as_of= (default
// today): the renewal odds from how season n-1 did in the Netflix Top 10
// while the decision is awaited, else the decision; 404 for no such
// show, a season that never charted, or a day no model can answer.
func (a *API) getOdds(w http.ResponseWriter, r *http.Request) {
	ans, err := answer.Odds(r.Context(), a.Store, a.Odds, answer.Request{
		Show: r.PathValue("slug"), Season: r.PathValue("n"), AsOf: r.URL.Query().Get("as_of"),
	}, a.Now())
	if err != nil {
		a.fail(w, r, err)
		return
	}
	httpx.WriteJSON(w, http.StatusOK, ans)
}
