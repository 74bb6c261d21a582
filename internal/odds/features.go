package odds

import (
	"math"
	"slices"
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
	// (June 2023) are the hours over the median runtime of a TV season
	// in the chart, so that the feature means the same across the years.
	Hours, Views [window]float64
	Rank         [window]int
}

// Seasons groups the TV rows of the global Top 10 by show and season, and
// keeps each season's first four weeks.
func Seasons(weeks []model.Viewership) []Season {
	runtime := medianRuntime(weeks)
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
		switch {
		case w.Views > 0:
			s.Views[week] += float64(w.Views)
		case runtime > 0:
			s.Views[week] += float64(w.HoursViewed) / runtime
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

// medianRuntime is the median hours per view of the TV rows that give
// views, or 0 when none does.
func medianRuntime(weeks []model.Viewership) float64 {
	var r []float64
	for _, w := range weeks {
		if strings.HasPrefix(w.Category, "TV") && w.Views > 0 && w.HoursViewed > 0 {
			r = append(r, float64(w.HoursViewed)/float64(w.Views))
		}
	}
	if len(r) == 0 {
		return 0
	}
	slices.Sort(r)
	return r[len(r)/2]
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
