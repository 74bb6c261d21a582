package web

import (
	"log/slog"
	"net/http"

	"github.com/nextseason/nextseason/internal/answer"
	"github.com/nextseason/nextseason/internal/facts"
	"github.com/nextseason/nextseason/internal/model"
	"github.com/nextseason/nextseason/internal/recommend"
	"github.com/nextseason/nextseason/internal/store"
)

type homeView struct {
	ShowCount int
	// Example is a title the search box suggests: one with news here.
	Example   string
	Changes   []homeChange
	Premieres []answer.SeasonPremiere
	Charted   []store.ChartedSeason
	// SignedIn fans get recommendations; CompleteOnly is their filter.
	SignedIn     bool
	Recommended  []recommend.Recommendation
	CompleteOnly bool
}

// homeChange is a change of a season's answer as the home page says it.
type homeChange struct {
	answer.SeasonChange
	// Status is the new answer (a renewal status, or "disputed"); Was
	// the one before, in words, "" when there was none; Detail who says
	// what in a dispute, else the deciding source.
	Status      string
	Was, Detail string
}

func newHomeChange(c answer.SeasonChange) homeChange {
	h := homeChange{SeasonChange: c, Status: c.Change.New}
	if sides, ok := model.DisputeSides(c.Change.New); ok {
		h.Status, h.Detail = model.AnswerDisputed, sides
	} else {
		for _, e := range c.Change.Evidence {
			if e.Role == facts.RoleDecides {
				h.Detail = e.Source.Publisher
				break
			}
		}
	}
	if c.Change.Old != "" && c.Change.Old != string(model.StatusUnknown) {
		h.Was = model.DisplayValue(c.Change.Old)
	}
	return h
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
	latest, err := answer.LatestNews(ctx, w.store, w.now(), maxHomeItems)
	if err != nil {
		w.fail(rw, r, err)
		return
	}
	for _, c := range latest.Changes {
		v.Changes = append(v.Changes, newHomeChange(c))
	}
	v.Premieres, v.Charted = latest.Premieres, latest.Charted
	switch {
	case len(v.Changes) > 0:
		v.Example = v.Changes[0].Show.Title
	case len(v.Premieres) > 0:
		v.Example = v.Premieres[0].Show.Title
	}
	if u, ok := viewer(ctx); ok {
		v.SignedIn, v.CompleteOnly = true, r.URL.Query().Get("complete_only") == "1"
		// Without recommendations the page still answers.
		if v.Recommended, err = recommend.ForUser(ctx, w.recs, w.store, u.ID, recommend.Options{Limit: 6, CompleteOnly: v.CompleteOnly}); err != nil {
			w.log.Error("recommendations unavailable", slog.Group("request", "path", r.URL.Path), "err", err)
		}
	}
	w.render(rw, r, http.StatusOK, "home", v)
}
