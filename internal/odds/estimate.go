package odds

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/nextseason/nextseason/internal/facts"
	"github.com/nextseason/nextseason/internal/match"
	"github.com/nextseason/nextseason/internal/model"
)

// Estimate is the odds that a show gets season Season, from how season
// Season-1 did in the chart weeks published by AsOf, scored by the model
// fitted as of ModelCutoff (no later than AsOf) on outcomes known then.
type Estimate struct {
	Title       string    `json:"title"`
	Season      int       `json:"season"`
	AsOf        time.Time `json:"as_of"`
	Probability float64   `json:"probability"`
	// Summary says, in words, what the odds rest on.
	Summary string `json:"summary"`
	// Inputs says what the season did, in a line.
	Inputs string `json:"inputs"`
	// Preliminary marks odds from fewer than four published weeks;
	// MissingWeeks are those not published yet (1 to 4).
	Preliminary  bool  `json:"preliminary"`
	MissingWeeks []int `json:"missing_weeks,omitempty"`
	// Weekly hours viewed in the weeks so far (up to four).
	Hours []float64 `json:"weekly_hours"`
	// The median weekly hours of renewed and of other seasons the model
	// learned from, for the chart.
	RenewedMedian    []float64 `json:"renewed_median_hours"`
	NotRenewedMedian []float64 `json:"not_renewed_median_hours"`
	Model            string    `json:"model"`
	ModelCutoff      time.Time `json:"model_cutoff"`
	TrainSeasons     int       `json:"train_seasons"`
	// Check is the model's time-split check on its training seasons.
	Check  Check  `json:"check"`
	Caveat string `json:"caveat"`
}

// ErrNotCharted says a season never reached the Top 10 by the day asked.
var ErrNotCharted = errors.New("not in the Netflix global Top 10")

// caveat goes with every estimate.
const caveat = "An estimate from published viewing figures and how similar seasons fared, not a decision: networks weigh costs, contracts and plans no chart shows."

// Estimate scores season next of a show (by title, as the chart lists
// it) with a fitted model, from the weeks of season next-1 published by
// asOf. It fits nothing.
func (d *Data) Estimate(f *Fitted, title string, next int, asOf time.Time) (Estimate, error) {
	if next < 2 {
		return Estimate{}, fmt.Errorf("season %d: odds are of a season after the first", next)
	}
	if f.Cutoff.After(asOf) {
		return Estimate{}, fmt.Errorf("a model fitted as of %s cannot answer as of %s", f.Cutoff.Format(time.DateOnly), asOf.Format(time.DateOnly))
	}
	target, ok := d.seasonAsOf(match.Key(title), next-1, asOf)
	if !ok {
		return Estimate{}, fmt.Errorf("%s season %d by %s: %w", title, next-1, asOf.Format(time.DateOnly), ErrNotCharted)
	}
	genre := strings.ToLower(d.genres[target.Key])
	var prev *Season
	if p, ok := d.seasonAsOf(target.Key, next-2, asOf); ok {
		prev = &p
	}
	e := Estimate{Title: target.Title, Season: next, AsOf: asOf, Probability: f.Model.Predict(features(target, prev, genre)), Inputs: describeInputs(target),
		Model: f.Version, ModelCutoff: f.Cutoff, TrainSeasons: f.TrainSeasons, Check: f.Check, Caveat: caveat,
		RenewedMedian: f.RenewedMedian, NotRenewedMedian: f.NotRenewedMedian}
	for w := range window {
		if facts.ChartPublished(target.First.AddDate(0, 0, 7*w)).After(asOf) {
			e.MissingWeeks = append(e.MissingWeeks, w+1)
			continue
		}
		e.Hours = append(e.Hours, target.Hours[w])
	}
	e.Preliminary = len(e.MissingWeeks) > 0
	e.Summary = summary(f, target, e)
	return e, nil
}

// seasonAsOf is a season's first weeks as published by asOf.
func (d *Data) seasonAsOf(key string, season int, asOf time.Time) (Season, bool) {
	var weeks []model.Viewership
	for _, w := range d.weeks[key] {
		if !facts.ChartPublished(w.WeekEnding.Start()).After(asOf) {
			weeks = append(weeks, w)
		}
	}
	for _, s := range Seasons(weeks) {
		if s.Season == season {
			return s, true
		}
	}
	return Season{}, false
}

// ChartTitle is the title the chart lists a catalog show under (the
// weeks linked to it), else title.
func (d *Data) ChartTitle(showID int64, title string) string {
	if showID != 0 {
		for _, w := range d.Weeks {
			if w.ShowID == showID {
				return w.ShowTitle
			}
		}
	}
	return title
}

// Decided says whether what became of a season was known on asOf, as the
// model's labels read it: renewed or not, since when, on what evidence.
func (d *Data) Decided(title string, season int, asOf time.Time) (Example, bool) {
	key := match.Key(title)
	for _, e := range Examples(d.Seasons, d.Evidence, asOf) {
		if e.Key == key && e.Season == season {
			return e, true
		}
	}
	return Example{}, false
}

// Charted reports whether a show (by title) is in the chart weeks.
func (d *Data) Charted(title string) bool { return len(d.weeks[match.Key(title)]) > 0 }

// summary says in words what the odds rest on: how often the seasons the
// model learned from that charted like this one were renewed, then the
// model's figure.
func summary(f *Fitted, s Season, e Estimate) string {
	weeks := s.WeeksIn()
	t := f.ByWeeks[weeks]
	var b strings.Builder
	fmt.Fprintf(&b, "Of %d Netflix seasons decided by %s, ", f.TrainSeasons, f.Cutoff.Format("2 January 2006"))
	so := "as this one did"
	if e.Preliminary {
		so = "as this one has so far"
	}
	switch {
	case t.Seasons == 0:
		fmt.Fprintf(&b, "none spent %s of its first 4 weeks in the Top 10, %s.", model.Plural(weeks, "week"), so)
	default:
		fmt.Fprintf(&b, "the %d that spent %s of their first 4 weeks in the Top 10, %s, were renewed %s.",
			t.Seasons, model.Plural(weeks, "week"), so, inTen(float64(t.Renewed)/float64(t.Seasons)))
	}
	fmt.Fprintf(&b, " Weighing hours viewed, rank and genre too, the model puts the odds of season %d at %.0f%%.", e.Season, 100*e.Probability)
	if e.Preliminary {
		fmt.Fprintf(&b, " Preliminary: week %s of the four the model reads %s not published yet.", joinInts(e.MissingWeeks), map[bool]string{true: "is", false: "are"}[len(e.MissingWeeks) == 1])
	}
	return b.String()
}

// inTen says a share as "about 4 times in 10".
func inTen(share float64) string {
	n := int(math.Round(share * 10))
	switch n {
	case 0:
		return "hardly ever (under 1 time in 10)"
	case 10:
		return "almost always (about 10 times in 10)"
	}
	return fmt.Sprintf("about %d time%s in 10", n, map[bool]string{true: "", false: "s"}[n == 1])
}

func joinInts(v []int) string {
	parts := make([]string, len(v))
	for i, n := range v {
		parts[i] = fmt.Sprint(n)
	}
	if len(parts) <= 1 {
		return strings.Join(parts, "")
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}

// describeInputs says, in a line, what the odds rest on.
func describeInputs(s Season) string {
	parts := []string{model.Plural(s.WeeksIn(), "week") + " in the Top 10"}
	if peak := s.PeakRank(); peak <= 10 {
		parts = append(parts, fmt.Sprintf("peak #%d", peak))
	}
	best, bestWeek := 0.0, 0
	for w := range window {
		if s.Hours[w] > best {
			best, bestWeek = s.Hours[w], w
		}
	}
	if best > 0 {
		parts = append(parts, fmt.Sprintf("%.1fM hours in week %d", best/1e6, bestWeek+1))
	}
	return strings.Join(parts, ", ")
}
