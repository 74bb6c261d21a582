package answer

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/nextseason/nextseason/internal/facts"
	"github.com/nextseason/nextseason/internal/model"
	"github.com/nextseason/nextseason/internal/store"
)

// SeasonChange is a season's resolved renewal answer changing on the day
// it became known: a decision reached, reversed, put in dispute or
// settled. It is facts.Changes' answer, so the home page lists what
// followers were told, not every claim that repeated it.
type SeasonChange struct {
	Date   model.PartialDate
	Show   model.Show
	Season int
	Change facts.Change
}

// SeasonPremiere is a season's resolved premiere date, from today's
// answer.
type SeasonPremiere struct {
	Show     model.Show
	Season   int
	Premiere facts.Premiere
}

// Latest is what the home page tells: the latest changes of answers and
// the premieres ahead, each season once.
type Latest struct {
	Changes   []SeasonChange
	Premieres []SeasonPremiere
	// Charted are the catalog seasons last in the Netflix Top 10, by
	// the weeks published by today.
	Charted []store.ChartedSeason
}

// latestClaims bounds how many recent claims of each kind are read to
// find the seasons the home page is about.
const latestClaims = 100

// LatestNews answers the home page: the limit latest changes of renewal
// answers, up to limit premieres from today on, soonest first, and up
// to limit seasons last in the Netflix Top 10.
func LatestNews(ctx context.Context, st *store.Store, now time.Time, limit int) (Latest, error) {
	today := model.DayDate(now)
	var out Latest
	renewals, err := st.LatestClaims(ctx, model.KindRenewal, latestClaims)
	if err != nil {
		return out, err
	}
	premieres, err := st.LatestClaims(ctx, model.KindPremiere, latestClaims)
	if err != nil {
		return out, err
	}
	// Every show either list names, loaded together.
	var ids []int64
	for _, c := range append(distinctSeasons(renewals), distinctSeasons(premieres)...) {
		ids = append(ids, c.ShowID)
	}
	shows, err := st.ShowsData(ctx, ids)
	if err != nil {
		return out, err
	}
	load := func(c store.ShowClaim) (facts.ShowData, error) {
		d, ok := shows[c.ShowID]
		if !ok {
			return d, fmt.Errorf("show %d: %w", c.ShowID, store.ErrNotFound)
		}
		return d, nil
	}
	for _, c := range distinctSeasons(renewals) {
		d, err := load(c)
		if err != nil {
			return out, err
		}
		changes, err := answerChanges(d, c.Season, today)
		if err != nil {
			return out, err
		}
		out.Changes = append(out.Changes, changes...)
	}
	slices.SortStableFunc(out.Changes, func(a, b SeasonChange) int { return b.Date.Compare(a.Date) })
	out.Changes = out.Changes[:min(len(out.Changes), limit)]

	for _, c := range distinctSeasons(premieres) {
		d, err := load(c)
		if err != nil {
			return out, err
		}
		o, err := facts.ComposeOutlook(d, c.Season, today)
		if errors.Is(err, facts.ErrNoSuchSeason) {
			continue
		}
		if err != nil {
			return out, err
		}
		p := o.Premiere
		if p == nil || (o.Renewal.Status.WillNotHappen() && !o.Renewal.Disputed) {
			continue
		}
		if p.Date.End().Before(today.Start()) {
			continue
		}
		out.Premieres = append(out.Premieres, SeasonPremiere{Show: d.Show, Season: c.Season, Premiere: *p})
	}
	slices.SortStableFunc(out.Premieres, func(a, b SeasonPremiere) int {
		return a.Premiere.Date.Compare(b.Premiere.Date)
	})
	out.Premieres = out.Premieres[:min(len(out.Premieres), limit)]

	// Each show once, by the season that charted last: an old season
	// charting again beside a new one is not news of it.
	charted, err := st.LatestCharted(ctx, today, 4*limit)
	if err != nil {
		return out, err
	}
	for _, c := range charted {
		if len(out.Charted) < limit && !facts.ChartPublished(c.LastWeek.Start()).After(today.Start()) &&
			!slices.ContainsFunc(out.Charted, func(x store.ChartedSeason) bool { return x.Show.ID == c.Show.ID }) {
			out.Charted = append(out.Charted, c)
		}
	}
	return out, nil
}

// distinctSeasons keeps the first claim of each show's season.
func distinctSeasons(claims []store.ShowClaim) []store.ShowClaim {
	type key struct {
		show   int64
		season int
	}
	seen := map[key]bool{}
	var out []store.ShowClaim
	for _, c := range claims {
		k := key{c.ShowID, c.Season}
		if c.Season > 0 && !seen[k] {
			seen[k] = true
			out = append(out, c)
		}
	}
	return out
}

// answerChanges lists how a season's renewal answer changed, day by day,
// on each day an accepted renewal claim about it was stated, up to today.
func answerChanges(d facts.ShowData, season int, today model.PartialDate) ([]SeasonChange, error) {
	var days []model.PartialDate
	for _, c := range d.Claims {
		if c.Kind == model.KindRenewal && c.Season == season && c.State == model.StateAccepted && c.StatedAt.Precision == model.PrecisionDay && c.StatedAt.Compare(today) <= 0 &&
			!slices.ContainsFunc(days, func(x model.PartialDate) bool { return x.Compare(c.StatedAt) == 0 }) {
			days = append(days, c.StatedAt)
		}
	}
	var out []SeasonChange
	for _, day := range days {
		before, err := facts.ComposeOutlook(d, season, model.DayDate(day.Start().AddDate(0, 0, -1)))
		if err != nil {
			return nil, err
		}
		after, err := facts.ComposeOutlook(d, season, day)
		if err != nil {
			return nil, err
		}
		for _, ch := range facts.Changes(before, after) {
			if ch.Kind == model.EventRenewed || ch.Kind == model.EventCanceled || ch.Kind == model.EventEndedFinalSeason {
				out = append(out, SeasonChange{Date: day, Show: d.Show, Season: season, Change: ch})
			}
		}
	}
	return out, nil
}
