package api

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"github.com/nextseason/nextseason/internal/answer"
	"github.com/nextseason/nextseason/internal/httpx"
	"github.com/nextseason/nextseason/internal/odds"
)

// getOdds estimates the odds of season n from how season n-1 did in the
// Netflix Top 10, as of ?as_of= (default today).
func (a *API) getOdds(w http.ResponseWriter, r *http.Request) {
	sh, err := answer.FindShow(r.Context(), a.Store, r.PathValue("slug"))
	if err != nil {
		a.fail(w, r, err)
		return
	}
	n, err := strconv.Atoi(r.PathValue("n"))
	if err != nil || n < 2 {
		httpx.WriteError(w, http.StatusBadRequest, "bad_request", fmt.Sprintf("season %q: odds are of a season after the first, 2 or more", r.PathValue("n")))
		return
	}
	asOf, err := answer.ParseAsOf(r.URL.Query().Get("as_of"), a.Now())
	if err != nil {
		a.fail(w, r, err)
		return
	}
	e, err := a.Odds.Estimate(r.Context(), sh.Title, n, asOf.Start())
	if errors.Is(err, odds.ErrNotCharted) || errors.Is(err, odds.ErrTooFew) {
		httpx.WriteError(w, http.StatusNotFound, "not_found", err.Error())
		return
	}
	if err != nil {
		a.fail(w, r, err)
		return
	}
	httpx.WriteJSON(w, http.StatusOK, e)
}
