package odds

import (
	"math"
	"strings"
	"time"

	"github.com/nextseason/nextseason/internal/match"
	"github.com/nextseason/nextseason/internal/model"
	"github.com/nextseason/nextseason/internal/viewership"
)

// window is how long after a season's first week in the chart its
// features are taken from: four weekly charts, 28 days. Nothing later is
// ever read, so a back-test cannot peek at what came after.
const window = 4

// hoursPerView is the median runtime, in hours, of a TV season in the
// global Top 10: the median hours viewed per view of the 3,240 TV rows
// that give both (June 2023 to July 2026). A constant, so that a season's
// features never depend on rows published after its first weeks.
const hoursPerView = 5.2

// Season is one season's first four weeks in the global Top 10.
type Season struct {
	Title   string // as Netflix lists the show
	Key     string // the title, normalised, to link with the outcomes
	Season  int
	English bool
	// First is the week it first appeared, which stands for its
	// premiere.
	First time.Time
	// Weekly hours viewed, rank and views in weeks 1–4 from First (0
	// when it was out of the chart). Views before Netflix published them
	// (June 2023) are the hours over hoursPerView, so that the feature
	// means the same across the years.
	Hours, Views [window]float64
	Rank         [window]int
}

// Seasons groups the TV rows of the global Top 10 by show and season, and
// keeps each season's first four weeks.
func Seasons(weeks []model.Viewership) []Season {
	byKey := map[string]*Season{}
	var order []string
	for _, w := range weeks {
		if !strings.HasPrefix(w.Category, "TV") {
			continue
		}
		n := viewership.SeasonNumber(w.SeasonTitle)
		if n == 0 {
			n = 1 // a show listed without seasons is in its first
		}
		key := match.Key(w.ShowTitle)
		id := seasonKey(key, n)
		s, ok := byKey[id]
		if !ok {
			s = &Season{Title: w.ShowTitle, Key: key, Season: n, English: w.Category == "TV (English)", First: w.WeekEnding.Start()}
			byKey[id] = s
			order = append(order, id)
		}
		if t := w.WeekEnding.Start(); t.Before(s.First) {
			// Rows need not come in order: start again from the earlier week.
			*s = Season{Title: s.Title, Key: key, Season: n, English: s.English, First: t}
		}
	}
	for _, w := range weeks {
		if !strings.HasPrefix(w.Category, "TV") {
			continue
		}
		n := max(viewership.SeasonNumber(w.SeasonTitle), 1)
		s := byKey[seasonKey(match.Key(w.ShowTitle), n)]
		week := int(math.Round(w.WeekEnding.Start().Sub(s.First).Hours() / (24 * 7)))
		if week < 0 || week >= window {
			continue
		}
		s.Hours[week] += float64(w.HoursViewed)
		if w.Views > 0 {
			s.Views[week] += float64(w.Views)
		} else {
			s.Views[week] += float64(w.HoursViewed) / hoursPerView
		}
		if s.Rank[week] == 0 || w.Rank < s.Rank[week] {
			s.Rank[week] = w.Rank
		}
	}
	out := make([]Season, 0, len(order))
	for _, id := range order {
		out = append(out, *byKey[id])
	}
	return out
}

// WeeksIn is how many of its first four weeks the season was in the chart.
func (s Season) WeeksIn() int {
	n := 0
	for _, r := range s.Rank {
		if r > 0 {
			n++
		}
	}
	return n
}

// PeakRank is its best rank in those weeks.
func (s Season) PeakRank() int {
	best := 11
	for _, r := range s.Rank {
		if r > 0 && r < best {
			best = r
		}
	}
	return best
}
