package web

import (
	"encoding/json"
	"errors"
	"html/template"
	"net/http"
	"strconv"

	"github.com/nextseason/nextseason/internal/answer"
	"github.com/nextseason/nextseason/internal/facts"
	"github.com/nextseason/nextseason/internal/httpx"
	"github.com/nextseason/nextseason/internal/model"
	"github.com/nextseason/nextseason/internal/odds"
)

type outlookView struct {
	O          facts.Outlook
	Summary    answer.Summary
	Timeline   []facts.TimelineDay
	Today      bool
	PrevSeason int
	JSONLD     template.JS
	// Odds, while the decision is awaited and the previous season
	// charted; else, while it is awaited, why there are none.
	Odds            *odds.Estimate
	OddsUnavailable string
}

func (w *Web) outlook(rw http.ResponseWriter, r *http.Request) {
	now := w.now()
	ans, err := w.answers.Outlook(r.Context(), answer.Request{
		Show: r.PathValue("slug"), Season: r.PathValue("n"), AsOf: r.URL.Query().Get("as_of"),
	}, now)
	if err != nil {
		w.fail(rw, r, err)
		return
	}
	o := ans.Outlook
	v := outlookView{O: o, Summary: answer.Summarize(o), Timeline: facts.ByDay(o.Timeline), Today: o.AsOf == model.DayDate(now), PrevSeason: o.Season - 1, JSONLD: jsonLD(r, o)}
	if (!answer.Decided(o.Renewal.Status) || o.Renewal.Disputed) && o.Season > 1 {
		odd, err := answer.OddsFor(r.Context(), w.odds, ans.Show, o, o.AsOf.Start())
		switch {
		case err == nil:
			v.Odds = odd.Odds
		case errors.Is(err, odds.ErrTooFew) || errors.Is(err, odds.ErrNoModel):
			v.OddsUnavailable = oddsUnavailable(err)
		case !odds.Unavailable(err) && !errors.Is(err, answer.ErrNotNetflix):
			// Without odds the page still answers.
			w.log.Error("renewal odds failed", "show", o.Show.Slug, "season", o.Season, "err", err)
		}
	}
	w.render(rw, r, http.StatusOK, "outlook", v)
}

// oddsUnavailable says why a page gives no odds, in a sentence's words.
func oddsUnavailable(err error) string {
	if errors.Is(err, odds.ErrTooFew) {
		return "not enough Netflix seasons had been decided by this day to estimate them"
	}
	return "not estimated yet: the model is fitted daily"
}

// jsonLD describes the season for search engines, as schema.org TVSeason
// within its TVSeries. json.Marshal escapes <, > and &, so the result is
// safe inside a script element.
func jsonLD(r *http.Request, o facts.Outlook) template.JS {
	base := httpx.BaseURL("", r)
	season := map[string]any{
		"@context":     "https://schema.org",
		"@type":        "TVSeason",
		"name":         o.Show.Title + " season " + strconv.Itoa(o.Season),
		"seasonNumber": o.Season,
		"url":          base + r.URL.Path,
		"partOfSeries": map[string]any{"@type": "TVSeries", "name": o.Show.Title, "url": base + "/shows/" + o.Show.Slug},
	}
	if o.Premiere != nil && o.Premiere.Date.Precision == model.PrecisionDay {
		season["startDate"] = o.Premiere.Date
	}
	if o.Show.Network != "" {
		season["productionCompany"] = map[string]any{"@type": "Organization", "name": o.Show.Network}
	}
	var actors []map[string]any
	for _, c := range o.Cast {
		actors = append(actors, map[string]any{"@type": "Person", "name": c.Actor})
	}
	if actors != nil {
		season["actor"] = actors
	}
	b, _ := json.Marshal(season)
	return template.JS(b)
}
