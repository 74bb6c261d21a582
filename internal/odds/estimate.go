package odds

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/nextseason/nextseason/internal/match"
	"github.com/nextseason/nextseason/internal/model"
	"github.com/nextseason/nextseason/internal/store"
	"github.com/nextseason/nextseason/internal/viewership"
)

// ModelVersion names the model and its features.
const ModelVersion = "logistic-v3 (13 features from the first 28 days in the global Top 10; trend and recency weights when cross-validation chooses them)"

// decisionLag is how long before the as-of day a season must have first
// charted to teach the model: its renewal decision had, most likely,
// come by then.
const decisionLag = 90 * 24 * time.Hour

// Estimate is the odds that a show gets season Season, from how season
// Season-1 did, as known on AsOf.
type Estimate struct {
	Title       string    `json:"title"`
	Season      int       `json:"season"`
	AsOf        time.Time `json:"as_of"`
	Probability float64   `json:"probability"`
	// Inputs says what the estimate rests on, in words.
	Inputs string `json:"inputs"`
	// Weekly hours viewed in the weeks so far (up to four).
	Hours []float64 `json:"weekly_hours"`
	// The median weekly hours of renewed and of other seasons the model
	// learned from, for the chart.
	RenewedMedian    []float64 `json:"renewed_median_hours"`
	NotRenewedMedian []float64 `json:"not_renewed_median_hours"`
	Model            string    `json:"model"`
	TrainSeasons     int       `json:"train_seasons"`
	// The model's back-test on the seasons after the cut-off.
	BacktestBrier float64 `json:"backtest_brier"`
	BacktestAUC   float64 `json:"backtest_auc"`
	Caveat        string  `json:"caveat"`
}

// ErrNotCharted says a season never reached the Top 10 by the day asked.
var ErrNotCharted = errors.New("not in the Netflix global Top 10")

// ErrTooFew says too few seasons with known outcomes came before the day
// asked to learn from.
var ErrTooFew = errors.New("too few earlier seasons with known outcomes to learn from")

// EstimateSeason computes the odds of season next from the weeks of the
// chart up to asOf that season next-1 spent in it, with a model trained
// only on seasons that first charted at least 90 days before asOf.
func EstimateSeason(ctx context.Context, st *store.Store, title string, next int, asOf time.Time) (Estimate, error) {
	if next < 2 {
		return Estimate{}, fmt.Errorf("season %d: odds are of a season after the first", next)
	}
	season := next - 1
	weeks, err := st.AllViewership(ctx, viewership.ChartNetflixTop10)
	if err != nil {
		return Estimate{}, err
	}
	originals, err := st.Originals(ctx)
	if err != nil {
		return Estimate{}, err
	}
	var known []model.Viewership
	for _, w := range weeks {
		if !w.WeekEnding.Start().After(asOf) {
			known = append(known, w)
		}
	}
	key := match.Key(title)
	var target *Season
	seasons := Seasons(known)
	for i := range seasons {
		if seasons[i].Key == key && seasons[i].Season == season {
			target = &seasons[i]
		}
	}
	if target == nil {
		return Estimate{}, fmt.Errorf("%s season %d by %s: %w", title, season, asOf.Format(time.DateOnly), ErrNotCharted)
	}
	var listed time.Time
	genre := ""
	for _, o := range originals {
		listed = later(listed, o.Listed)
		if match.Key(o.Title) == key {
			genre = strings.ToLower(o.Genre)
		}
	}
	all := Examples(Seasons(weeks), originals, listed, CatalogKnows(ctx, st, weeks, asOf))
	var train []Example
	for _, e := range all {
		if e.First.Before(asOf.Add(-decisionLag)) {
			train = append(train, e)
		}
	}
	if len(train) < 20 {
		return Estimate{}, fmt.Errorf("%w: %d charted 90 days before %s", ErrTooFew, len(train), asOf.Format(time.DateOnly))
	}
	bt := RunBacktest(all, 0.3)
	m := fit(train, choose(train))
	e := Estimate{Title: target.Title, Season: next, AsOf: asOf, Probability: m.Predict(features(*target, genre)), Inputs: describeInputs(*target),
		Model: ModelVersion, TrainSeasons: len(train), BacktestBrier: bt.Scores.Brier, BacktestAUC: bt.Scores.AUC,
		Caveat: "An estimate from published viewing figures and how similar seasons fared, not a decision: networks weigh costs, contracts and plans no chart shows."}
	for w := range window {
		if target.Rank[w] > 0 || target.Hours[w] > 0 {
			e.Hours = append(e.Hours, target.Hours[w])
		}
	}
	e.RenewedMedian, e.NotRenewedMedian = Trajectories(train)
	return e, nil
}

func later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

// describeInputs says, in a line, what the odds rest on.
func describeInputs(s Season) string {
	weeks := s.WeeksIn()
	parts := []string{fmt.Sprintf("%d week%s in the Top 10", weeks, map[bool]string{true: "", false: "s"}[weeks == 1])}
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
