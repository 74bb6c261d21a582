package api

import (
	"net/http"

	"github.com/nextseason/nextseason/internal/answer"
	"github.com/nextseason/nextseason/internal/facts"
	"github.com/nextseason/nextseason/internal/httpx"
	"github.com/nextseason/nextseason/internal/model"
)

// Claim is a claim as the API lists it, in any state.
type Claim struct {
	ID         int64            `json:"id"`
	Season     int              `json:"season"`
	Kind       model.ClaimKind  `json:"kind"`
	Summary    string           `json:"summary"`
	Value      map[string]any   `json:"value"`
	Quote      string           `json:"quote"`
	Speaker    string           `json:"speaker"`
	StatedAt   string           `json:"stated_at"`
	RecordedAt string           `json:"recorded_at"`
	Confidence float64          `json:"confidence"`
	State      model.ClaimState `json:"state"`
	Reviewer   string           `json:"reviewer"`
	ReviewerID int64            `json:"reviewer_id,omitempty"` // the deciding account, when one decided
	Origin     model.Origin     `json:"origin"`
	Supersedes int64            `json:"supersedes,omitempty"`
	Source     facts.SourceRef  `json:"source"`
}

func (a *API) listClaims(w http.ResponseWriter, r *http.Request) {
	sh, err := answer.FindShow(r.Context(), a.Store, r.PathValue("slug"))
	if err != nil {
		a.fail(w, r, err)
		return
	}
	claims, err := a.Store.Claims(r.Context(), sh.ID)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	out := []Claim{}
	for _, c := range claims {
		out = append(out, claimView(c))
	}
	httpx.WriteJSON(w, http.StatusOK, out)
}

func claimView(c model.Claim) Claim {
	v := Claim{
		ID: c.ID, Season: c.Season, Kind: c.Kind, Summary: facts.Summarize(c), Quote: c.Quote, Speaker: c.Speaker,
		StatedAt: c.StatedAt.String(), RecordedAt: c.RecordedAt.Format("2006-01-02T15:04:05Z"), Confidence: c.Confidence,
		State: c.State, Reviewer: c.Reviewer, ReviewerID: c.ReviewerID, Origin: c.Origin, Supersedes: c.Supersedes,
		Source: facts.SourceOf(c.Source),
	}
	switch c.Kind {
	case model.KindRenewal:
		v.Value = map[string]any{"status": c.Status}
	case model.KindPremiere:
		v.Value = map[string]any{"date": c.Date.String(), "precision": c.Date.Precision}
	case model.KindEpisodes:
		v.Value = map[string]any{"episodes": c.Episodes}
	case model.KindCast:
		v.Value = map[string]any{"actor": c.Actor, "character": c.Character, "change": c.CastChange}
	default:
		v.Value = map[string]any{"text": c.Text}
	}
	return v
}
