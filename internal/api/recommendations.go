package api

import (
	"fmt"
	"net/http"
	"strconv"

	"github.com/nextseason/nextseason/internal/httpx"
	"github.com/nextseason/nextseason/internal/recommend"
)

// maxRecommendations bounds ?limit=.
const maxRecommendations = 100

// listRecommendations recommends shows to the signed-in user, with
// reasons: ?limit= (1–100, default 10), ?complete_only=,
// ?no_one_season_cancels=, ?boost_renewed= (true or false).
func (a *API) listRecommendations(w http.ResponseWriter, r *http.Request) {
	u, _ := currentUser(r.Context())
	q := r.URL.Query()
	o := recommend.Options{Limit: 10}
	if s := q.Get("limit"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > maxRecommendations {
			httpx.WriteError(w, http.StatusBadRequest, "bad_request", fmt.Sprintf("limit %q: want a whole number from 1 to %d", s, maxRecommendations))
			return
		}
		o.Limit = n
	}
	for name, set := range map[string]*bool{"complete_only": &o.CompleteOnly, "no_one_season_cancels": &o.NoOneSeasonCancels, "boost_renewed": &o.BoostRenewed} {
		if s := q.Get(name); s != "" {
			b, err := strconv.ParseBool(s)
			if err != nil {
				httpx.WriteError(w, http.StatusBadRequest, "bad_request", fmt.Sprintf("%s %q: want true or false", name, s))
				return
			}
			*set = b
		}
	}
	recs, err := recommend.ForUser(r.Context(), a.Recommender, a.Store, u.ID, o)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	httpx.WriteJSON(w, http.StatusOK, recs)
}
