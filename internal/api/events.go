package api

import (
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/nextseason/nextseason/internal/httpx"
	"github.com/nextseason/nextseason/internal/model"
	"github.com/nextseason/nextseason/internal/tell"
)

// EventView is an event as the API shows it.
type EventView struct {
	ID         int64           `json:"id"`
	Show       string          `json:"show"`
	Title      string          `json:"title"`
	Season     int             `json:"season"`
	Kind       model.EventKind `json:"kind"`
	Old        string          `json:"old"`
	New        string          `json:"new"`
	ClaimID    int64           `json:"claim_id,omitempty"`
	SourceURL  string          `json:"source_url,omitempty"`
	HappenedAt time.Time       `json:"happened_at"`
	// Outlook is the page that answers for the season now.
	Outlook string `json:"outlook"`
}

// maxEvents bounds GET /api/v1/me/events.
const maxEvents = 200

// listEvents lists the events of the signed-in user's follows, newest
// first: ?limit= up to 200 (default 50).
func (a *API) listEvents(w http.ResponseWriter, r *http.Request) {
	u, _ := currentUser(r.Context())
	limit := 50
	if s := r.URL.Query().Get("limit"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > maxEvents {
			httpx.WriteError(w, http.StatusBadRequest, "bad_request", fmt.Sprintf("limit %q: want a whole number from 1 to %d", s, maxEvents))
			return
		}
		limit = n
	}
	all, err := a.Store.UserEvents(r.Context(), u.ID, limit)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	out := make([]EventView, 0, len(all))
	for _, e := range all {
		out = append(out, EventView{ID: e.ID, Show: e.Slug, Title: e.Title, Season: e.Season, Kind: e.Kind, Old: e.Old, New: e.New,
			ClaimID: e.ClaimID, SourceURL: e.SourceURL, HappenedAt: e.HappenedAt,
			Outlook: tell.OutlookPath(e.Slug, e.Season)})
	}
	httpx.WriteJSON(w, http.StatusOK, out)
}
