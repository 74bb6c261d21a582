package facts

import (
	"slices"
	"time"

	"github.com/nextseason/nextseason/internal/model"
)

// ChartPublished is the day the chart week ending on weekEnding was
// published: Netflix publishes each week's Top 10 on the Tuesday after
// the week ends on Sunday, and a week is known, on every surface, only
// from then.
func ChartPublished(weekEnding time.Time) time.Time { return weekEnding.AddDate(0, 0, 2) }

// ViewershipTrend is how the season before the one asked about did in the
// charts: the numbers a renewal decision is said to depend on.
type ViewershipTrend struct {
	Season       int         `json:"season"`
	Chart        string      `json:"chart"`
	Weeks        []ChartWeek `json:"weeks"`
	WeeksInChart int         `json:"weeks_in_chart"`
	PeakRank     int         `json:"peak_rank"`
	PeakHours    int64       `json:"peak_hours"`
	Source       SourceRef   `json:"source"`
	Footnote     int         `json:"footnote"`
}

// ChartWeek is one week in a chart.
type ChartWeek struct {
	WeekEnding      model.PartialDate `json:"week_ending"`
	Category        string            `json:"category"`
	Rank            int               `json:"rank"`
	HoursViewed     int64             `json:"hours_viewed"`
	Views           int64             `json:"views,omitempty"`
	CumulativeWeeks int               `json:"cumulative_weeks"`
}

// netflixTop10 cites Netflix's Top 10 as of its latest week.
func netflixTop10(published model.PartialDate) SourceRef {
	return SourceRef{URL: "https://www.netflix.com/tudum/top10", Publisher: "Netflix Top 10", Title: "Netflix Top 10: the weekly global lists", Published: published, Tier: model.TierOfficial}
}

func (c *composer) viewership() *ViewershipTrend {
	season := c.season - 1
	if season < 1 {
		season = c.season
	}
	var weeks []model.Viewership
	for _, v := range c.data.Viewership {
		published := ChartPublished(v.WeekEnding.Start())
		if v.Season == season && !published.After(c.asOf.Start()) {
			weeks = append(weeks, v)
		}
	}
	if len(weeks) == 0 {
		return nil
	}
	slices.SortFunc(weeks, func(a, b model.Viewership) int { return a.WeekEnding.Compare(b.WeekEnding) })
	t := &ViewershipTrend{Season: season, Chart: weeks[0].Chart, WeeksInChart: len(weeks)}
	for _, w := range weeks {
		t.Weeks = append(t.Weeks, ChartWeek{
			WeekEnding: w.WeekEnding, Category: w.Category, Rank: w.Rank,
			HoursViewed: w.HoursViewed, Views: w.Views, CumulativeWeeks: w.CumulativeWeeks,
		})
		if t.PeakRank == 0 || w.Rank < t.PeakRank {
			t.PeakRank = w.Rank
		}
		t.PeakHours = max(t.PeakHours, w.HoursViewed)
	}
	t.Source = netflixTop10(weeks[len(weeks)-1].WeekEnding)
	t.Footnote = c.cite(t.Source)
	return t
}
