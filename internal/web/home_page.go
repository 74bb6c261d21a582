package web

import (
	"log/slog"
	"net/http"
	"slices"

	"github.com/nextseason/nextseason/internal/model"
	"github.com/nextseason/nextseason/internal/recommend"
	"github.com/nextseason/nextseason/internal/store"
)

type homeView struct {
	ShowCount int
	Changes   []store.ShowClaim
	Premieres []store.ShowClaim
	// SignedIn fans get recommendations; CompleteOnly is their filter.
	SignedIn     bool
	Recommended  []recommend.Recommendation
	CompleteOnly bool
}

// maxHomeItems bounds each list on the home page.
const maxHomeItems = 10

func (w *Web) home(rw http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	var v homeView
	var err error
	if v.ShowCount, err = w.store.CountShows(ctx); err != nil {
		w.fail(rw, r, err)
		return
	}
	if v.Changes, err = w.store.LatestClaims(ctx, model.KindRenewal, maxHomeItems); err != nil {
		w.fail(rw, r, err)
		return
	}
	premieres, err := w.store.LatestClaims(ctx, model.KindPremiere, 100)
	if err != nil {
		w.fail(rw, r, err)
		return
	}
	today := model.DayDate(w.now())
	for _, p := range premieres {
		if !p.Date.End().Before(today.Start()) {
			v.Premieres = append(v.Premieres, p)
		}
	}
	slices.SortFunc(v.Premieres, func(a, b store.ShowClaim) int { return a.Date.Compare(b.Date) })
	v.Premieres = v.Premieres[:min(len(v.Premieres), maxHomeItems)]
	if u, ok := viewer(ctx); ok {
		v.SignedIn, v.CompleteOnly = true, r.URL.Query().Get("complete_only") == "1"
		// Without recommendations the page still answers.
		if v.Recommended, err = recommend.ForUser(ctx, w.recs, w.store, u.ID, recommend.Options{Limit: 6, CompleteOnly: v.CompleteOnly}); err != nil {
			w.log.Error("recommendations unavailable", slog.Group("request", "path", r.URL.Path), "err", err)
		}
	}
	w.render(rw, r, http.StatusOK, "home", v)
}
