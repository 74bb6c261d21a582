package odds

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"time"

	"github.com/nextseason/nextseason/internal/store"
)

// ModelVersion names the model, its features and how its labels are
// dated; a stored model of another version is not used.
const ModelVersion = "logistic-v5"

// minTrain is the fewest decided seasons, of each outcome at least
// minEach, a model is fitted on.
const (
	minTrain = 30
	minEach  = 5
)

// ErrTooFew says too few seasons were decided by a day to learn from.
var ErrTooFew = errors.New("not enough decided seasons before this day to estimate")

// Fitted is a model fitted as of a cut-off day, on the outcomes known by
// then, with what a page needs to explain it. The odds_fit job fits and
// stores it; pages, the API, the CLI and events only load and score it.
type Fitted struct {
	Version  string    `json:"version"`
	Cutoff   time.Time `json:"cutoff"`
	FittedAt time.Time `json:"fitted_at"`
	Model    Model     `json:"model"`
	// The training seasons: how many, the share renewed, how many each
	// source of outcomes labelled.
	TrainSeasons int            `json:"train_seasons"`
	BaseRate     float64        `json:"base_rate"`
	Sources      map[Source]int `json:"sources"`
	// ByWeeks counts the training seasons, and those renewed, by how many
	// of their first four weeks they spent in the Top 10.
	ByWeeks [window + 1]Tally `json:"by_weeks"`
	// The median weekly hours of renewed and of other training seasons.
	RenewedMedian    []float64 `json:"renewed_median_hours"`
	NotRenewedMedian []float64 `json:"not_renewed_median_hours"`
	// Check is the same fit's time-split check on its own training
	// seasons: fitted on the earlier 70%, scored on the latest 30%.
	Check Check `json:"check"`
}

// Tally is how many seasons, and how many of them were renewed.
type Tally struct {
	Seasons int `json:"seasons"`
	Renewed int `json:"renewed"`
}

// Check is how a model did on seasons it did not learn from.
type Check struct {
	Seasons    int     `json:"seasons"`
	Brier      float64 `json:"brier"`
	BrierSkill float64 `json:"brier_skill"`
	AUC        float64 `json:"auc"`
}

// TrainingSet is what a model fitted as of cutoff learns from: the
// seasons whose outcome was known by then and whose four weeks had all
// been published.
func (d *Data) TrainingSet(cutoff time.Time) []Example {
	var out []Example
	for _, e := range Examples(d.Seasons, d.Evidence, cutoff) {
		if !ready(e.First).After(cutoff) && !e.Known.After(cutoff) {
			out = append(out, e)
		}
	}
	return out
}

// ready is the day the four weeks of a season first charted on first
// were all published.
func ready(first time.Time) time.Time { return Season{First: first}.Ready() }

// Fit fits the model as of cutoff (a day), learning only from outcomes
// known by then.
func (d *Data) Fit(cutoff, now time.Time) (*Fitted, error) {
	train := d.TrainingSet(cutoff)
	renewed := countRenewed(train)
	if len(train) < minTrain || renewed < minEach || len(train)-renewed < minEach {
		return nil, fmt.Errorf("%w (%s): %d decided seasons, %d renewed", ErrTooFew, cutoff.Format(time.DateOnly), len(train), renewed)
	}
	f := &Fitted{Version: ModelVersion, Cutoff: cutoff, FittedAt: now, Model: fit(train, choose(train)), TrainSeasons: len(train),
		BaseRate: float64(renewed) / float64(len(train)), Sources: map[Source]int{}}
	for _, e := range train {
		f.Sources[e.Source]++
		f.ByWeeks[e.Weeks].Seasons++
		if e.Renewed {
			f.ByWeeks[e.Weeks].Renewed++
		}
	}
	f.RenewedMedian, f.NotRenewedMedian = Trajectories(train)
	if cut := len(train) * 7 / 10; cut >= minTrain/2 && len(train)-cut >= minEach {
		bt := backtestSplit(train[:cut], train[cut:])
		if c := (Check{Seasons: bt.TestSeasons, Brier: bt.Scores.Brier, BrierSkill: bt.BrierSkill, AUC: bt.Scores.AUC}); finite(c.Brier, c.BrierSkill, c.AUC) {
			f.Check = c // else the held-out seasons had one outcome: no check
		}
	}
	return f, nil
}

// countRenewed is how many of the examples were renewed.
func countRenewed(ex []Example) int {
	n := 0
	for _, e := range ex {
		if e.Renewed {
			n++
		}
	}
	return n
}

func finite(v ...float64) bool {
	for _, x := range v {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return false
		}
	}
	return true
}

// Encode is the fitted model as stored.
func (f *Fitted) Encode() ([]byte, error) { return json.Marshal(f) }

// DecodeFitted reads a stored model.
func DecodeFitted(b []byte) (*Fitted, error) {
	var f Fitted
	if err := json.Unmarshal(b, &f); err != nil {
		return nil, fmt.Errorf("stored odds model: %w", err)
	}
	if f.Model.Logistic == nil || len(f.Model.Weights) != len(FeatureNames) {
		return nil, fmt.Errorf("stored odds model of %s: not a model of %d features", f.Cutoff.Format(time.DateOnly), len(FeatureNames))
	}
	return &f, nil
}

// Unavailable reports whether err only says there are no odds to give:
// no chart data, no model yet, too few decided seasons, or a season that
// never charted. Pages leave the odds out; the API and CLI say why.
func Unavailable(err error) bool {
	return errors.Is(err, ErrNoData) || errors.Is(err, ErrNoModel) || errors.Is(err, ErrTooFew) || errors.Is(err, ErrNotCharted)
}

// Cutoffs are the days models are fitted as of: the first of every month
// from the chart's first published week to today, and today. A page
// asking about any day is answered by the latest of them no later than
// it, which learned only what was known by then.
func (d *Data) Cutoffs(today time.Time) []time.Time {
	today = day(today)
	var first time.Time
	for _, s := range d.Seasons {
		if first.IsZero() || s.First.Before(first) {
			first = s.First
		}
	}
	var out []time.Time
	for m := time.Date(first.Year(), first.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, 1, 0); m.Before(today); m = m.AddDate(0, 1, 0) {
		out = append(out, m)
	}
	return append(out, today)
}

func day(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// FitReport says what FitStored did.
type FitReport struct {
	Fitted, Kept, TooFew int
	// Pruned counts the stored models dropped: of other versions, and of
	// past days that are not a month's first.
	Pruned int64
	// Took is the time spent fitting.
	Took time.Duration
}

// FitStored fits and stores the model of every cut-off (see Cutoffs)
// that has none of this version, today's again (claims accepted since
// its last fit count at once), or all of them when refit is set; a
// cut-off before enough seasons were decided gets none. A claim entered
// now about an earlier day changes the models of earlier days only when
// they are refit. Models of past days that are not a month's first are
// dropped: the month's model answers for those days.
func FitStored(ctx context.Context, st *store.Store, today time.Time, refit bool) (r FitReport, err error) {
	d, err := Load(ctx, st)
	if err != nil {
		return r, err
	}
	stored, err := st.OddsModelCutoffs(ctx, ModelVersion)
	if err != nil {
		return r, err
	}
	have := map[string]bool{}
	for _, c := range stored {
		have[c] = true
	}
	start := time.Now()
	defer func() { r.Took = time.Since(start) }()
	for _, c := range d.Cutoffs(today) {
		name := c.Format(time.DateOnly)
		if have[name] && !refit && !c.Equal(day(today)) {
			r.Kept++
			continue
		}
		f, err := d.Fit(c, st.Now())
		if errors.Is(err, ErrTooFew) {
			r.TooFew++
			continue
		}
		if err != nil {
			return r, err
		}
		b, err := f.Encode()
		if err != nil {
			return r, err
		}
		if err := st.SaveOddsModel(ctx, ModelVersion, name, f.FittedAt, b); err != nil {
			return r, err
		}
		r.Fitted++
	}
	r.Pruned, err = st.PruneOddsModels(ctx, ModelVersion, day(today).Format(time.DateOnly))
	return r, err
}
