package web

import (
	"log/slog"
	"net/http"
	"slices"
	"strings"

	"github.com/nextseason/nextseason/internal/answer"
	"github.com/nextseason/nextseason/internal/facts"
	"github.com/nextseason/nextseason/internal/model"
	"github.com/nextseason/nextseason/internal/recommend"
	"github.com/nextseason/nextseason/internal/store"
)

type showView struct {
	Show    model.Show
	Genres  string
	Seasons []seasonLink
	Cast    []model.Credit
	Crew    []model.Credit
	// SignedIn and Following decide the follow button.
	SignedIn, Following bool
	// Like are the shows most like it.
	Like []recommend.Recommendation
}

type seasonLink struct {
	Number   int
	Premiere string
	Next     bool
}

func (w *Web) show(rw http.ResponseWriter, r *http.Request) {
	sh, err := answer.FindShow(r.Context(), w.store, r.PathValue("slug"))
	if err != nil {
		w.fail(rw, r, err)
		return
	}
	d, err := w.store.ShowData(r.Context(), sh)
	if err != nil {
		w.fail(rw, r, err)
		return
	}
	v := showView{Show: d.Show, Genres: strings.Join(d.Show.Genres, ", ")}
	premieres := map[int]string{}
	for _, se := range d.Seasons {
		premieres[se.Number] = se.Premiere.Display()
	}
	next := facts.NextSeason(d, model.DayDate(w.now()))
	for n := 1; n <= next; n++ {
		v.Seasons = append(v.Seasons, seasonLink{Number: n, Premiere: premieres[n], Next: n == next})
	}
	for _, c := range d.Credits {
		if c.Role == model.RoleCrew {
			v.Crew = append(v.Crew, c)
		} else {
			v.Cast = append(v.Cast, c)
		}
	}
	// Without recommendations the page still answers.
	if engine, err := w.recs.Engine(r.Context()); err != nil {
		w.log.Error("recommendations unavailable", slog.Group("request", "path", r.URL.Path), "err", err)
	} else {
		v.Like = engine.MoreLikeThis(sh.ID, 6)
	}
	if u, ok := viewer(r.Context()); ok {
		follows, err := w.store.Follows(r.Context(), u.ID)
		if err != nil {
			w.fail(rw, r, err)
			return
		}
		v.SignedIn = true
		v.Following = slices.ContainsFunc(follows, func(f store.FollowedShow) bool { return f.ShowID == sh.ID })
	}
	w.render(rw, r, http.StatusOK, "show", v)
}
