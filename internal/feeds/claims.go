package feeds

import (
	"strings"
	"time"

	"github.com/nextseason/nextseason/internal/facts"
	"github.com/nextseason/nextseason/internal/feeds/extract"
	"github.com/nextseason/nextseason/internal/model"
)

// Claims turns an extracted claim about a linked show into the catalog's
// claims. Their confidence is the extractor's probability times the
// link's (how sure the printed title is this catalog show). The season a claim leaves unstated is the next one as known on
// the day it was said; canceled and final-season claims are about the
// season that will not be made ("canceled after two seasons" is a claim
// about season 3).
func Claims(c extract.Claim, d facts.ShowData, src model.Source, stated model.PartialDate, confidence float64) []model.Claim {
	season := c.Season
	next := facts.NextSeason(d, stated)
	base := model.Claim{
		ShowID: d.Show.ID, Quote: c.Quote, Speaker: c.Speaker, Source: src, StatedAt: stated,
		Confidence: min(max(c.Confidence*confidence, 0), 1), Origin: model.OriginFeed, Rule: c.Rule, State: model.StateProposed,
	}
	renewal := func(season int, status model.RenewalStatus) []model.Claim {
		cl := base
		cl.Kind, cl.Season, cl.Status = model.KindRenewal, season, status
		return []model.Claim{cl}
	}
	switch c.Kind {
	case extract.KindRenewed:
		if season == 0 {
			season = next
		}
		return renewal(season, model.StatusRenewed)
	case extract.KindAwaitingDecision:
		if season == 0 {
			season = next
		}
		return renewal(season, model.StatusAwaitingDecision)
	case extract.KindCanceled:
		if season == 0 {
			return renewal(next, model.StatusCanceled)
		}
		return renewal(season+1, model.StatusCanceled)
	case extract.KindEndedFinalSeason:
		if season == 0 {
			return renewal(next, model.StatusEndedFinalSeason)
		}
		return renewal(season+1, model.StatusEndedFinalSeason)
	case extract.KindPremiereDate:
		date, ok := premiereDate(c.PremiereDate, stated)
		if !ok {
			return nil
		}
		if season == 0 {
			season = next
		}
		cl := base
		cl.Kind, cl.Season, cl.Date = model.KindPremiere, season, date
		return []model.Claim{cl}
	case extract.KindCastAdded, extract.KindCastReturning:
		if season == 0 {
			season = next
		}
		change := model.CastNew
		if c.Kind == extract.KindCastReturning {
			change = model.CastReturning
		}
		var out []model.Claim
		for _, p := range c.Cast {
			cl := base
			cl.Kind, cl.Season, cl.Actor, cl.Character, cl.CastChange = model.KindCast, season, p.Actor, p.Character, change
			out = append(out, cl)
		}
		return out
	}
	return nil
}

// premiereDate reads an extracted date, placing a year it does not print
// from the day it was said: the first such day on or after it.
func premiereDate(s string, stated model.PartialDate) (model.PartialDate, bool) {
	if !stated.IsZero() {
		s = extract.PlaceYear(s, stated.String())
	}
	if strings.HasPrefix(s, "XXXX") {
		s = time.Date(stated.Year, 1, 1, 0, 0, 0, 0, time.UTC).Format("2006") + s[4:]
	}
	d, err := model.ParsePartialDate(s)
	return d, err == nil
}
