package api

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/nextseason/nextseason/internal/answer"
	"github.com/nextseason/nextseason/internal/httpx"
	"github.com/nextseason/nextseason/internal/match"
	"github.com/nextseason/nextseason/internal/model"
	"github.com/nextseason/nextseason/internal/search"
)

// ShowHit is one search result.
type ShowHit struct {
	Slug    string  `json:"slug"`
	Title   string  `json:"title"`
	Network string  `json:"network"`
	Score   float64 `json:"score"`
}

const maxLimit = 100

func (a *API) listShows(w http.ResponseWriter, r *http.Request) {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	if q == "" {
		httpx.WriteError(w, http.StatusBadRequest, "bad_request", "q is required: what to search for")
		return
	}
	limit := 20
	if v := r.URL.Query().Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > maxLimit {
			httpx.WriteError(w, http.StatusBadRequest, "bad_request", "limit: want a whole number from 1 to 100")
			return
		}
		limit = n
	}
	results, err := search.Shows(r.Context(), a.Store, q, limit)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	httpx.WriteJSON(w, http.StatusOK, Hits(results))
}

// Hits is how search results are listed, best first.
func Hits(results []match.Result) []ShowHit {
	hits := []ShowHit{}
	for _, res := range results {
		hits = append(hits, ShowHit{Slug: res.Show.Slug, Title: res.Show.Title, Network: res.Show.Network, Score: res.Score})
	}
	return hits
}

// Show is a show as the API gives it.
type Show struct {
	model.ShowText
	Premiered      model.PartialDate `json:"premiered"`
	Ended          model.PartialDate `json:"ended"`
	ProviderStatus string            `json:"provider_status"`
	ExternalIDs    map[string]any    `json:"external_ids"`
	Seasons        []Season          `json:"seasons"`
}

// Season is a catalog season.
type Season struct {
	Number       int               `json:"number"`
	Premiere     model.PartialDate `json:"premiere"`
	End          model.PartialDate `json:"end"`
	EpisodeOrder int               `json:"episode_order"`
}

func (a *API) getShow(w http.ResponseWriter, r *http.Request) {
	sh, err := answer.FindShow(r.Context(), a.Store, r.PathValue("slug"))
	if err != nil {
		a.fail(w, r, err)
		return
	}
	seasons, err := a.Store.Seasons(r.Context(), sh.ID)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	httpx.WriteJSON(w, http.StatusOK, showView(sh, seasons))
}

func showView(sh model.Show, seasons []model.Season) Show {
	out := Show{
		ShowText: sh.Text(), Premiered: sh.Premiered, Ended: sh.Ended,
		ProviderStatus: sh.ProviderStatus, ExternalIDs: map[string]any{}, Seasons: []Season{},
	}
	if sh.TVmazeID != 0 {
		out.ExternalIDs["tvmaze"] = sh.TVmazeID
	}
	if sh.IMDbID != "" {
		out.ExternalIDs["imdb"] = sh.IMDbID
	}
	if sh.TheTVDBID != 0 {
		out.ExternalIDs["thetvdb"] = sh.TheTVDBID
	}
	for _, se := range seasons {
		out.Seasons = append(out.Seasons, Season{Number: se.Number, Premiere: se.Premiere, End: se.End, EpisodeOrder: se.EpisodeOrder})
	}
	return out
}
