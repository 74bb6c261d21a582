package odds

import (
	"math"
	"slices"
)

// Settings are what the regression is fitted with.
type Settings struct {
	// Lambda weighs the squared weights.
	Lambda float64
	// Trend says whether the last feature, the years since the chart
	// began, is used.
	Trend bool
	// HalfLife, in years, weighs each training season by its age at the
	// latest one: a season HalfLife older counts half. 0 weighs all
	// alike.
	HalfLife float64
	// Previous says whether the features of the show's previous season
	// (hours against it; whether it charted) are used.
	Previous bool
}

// The settings tried.
var (
	lambdas   = []float64{0.01, 0.1, 1, 10, 100}
	halfLives = []float64{0, 1}
)

// Model is a fitted regression and its settings.
type Model struct {
	*Logistic
	Settings
}

// Predict is the probability for a row of features.
func (m Model) Predict(row []float64) float64 {
	return m.Logistic.Predict(columns(row, m.Settings))
}

// columns is row with the features the settings leave out zeroed:
// constant columns the regression gives no weight.
func columns(row []float64, set Settings) []float64 {
	out := slices.Clone(row)
	n := len(out)
	if !set.Trend {
		out[n-trendColumn] = 0
	}
	if !set.Previous {
		for j := n - trendColumn - prevColumns; j < n-trendColumn; j++ {
			out[j] = 0
		}
	}
	return out
}

// fit fits a Model on examples, which are in the order they charted.
func fit(ex []Example, set Settings) Model {
	x := make([][]float64, len(ex))
	w := make([]float64, len(ex))
	latest := ex[len(ex)-1].First
	for i, e := range ex {
		x[i] = columns(e.Features, set)
		w[i] = 1
		if set.HalfLife > 0 {
			w[i] = math.Exp2(-latest.Sub(e.First).Hours() / (24 * 365) / set.HalfLife)
		}
	}
	return Model{FitLogistic(x, labels(ex), w, set.Lambda), set}
}

// folds is how many later blocks of the training seasons choose scores
// settings on.
const folds = 3

// choose picks the settings by time-series cross-validation on the
// training seasons alone: the latest half of them, in three blocks, each
// predicted by a model fitted on every season before the block; the
// settings with the least log loss over the three win.
func choose(train []Example) Settings {
	best, bestLoss := Settings{Lambda: 1}, math.Inf(1)
	block := len(train) / (2 * folds)
	if block == 0 {
		return best
	}
	for _, trend := range []bool{false, true} {
		for _, half := range halfLives {
			for _, l := range lambdas {
				for _, previous := range []bool{false, true} {
					set := Settings{Lambda: l, Trend: trend, HalfLife: half, Previous: previous}
					loss := 0.0
					for f := range folds {
						from := len(train) - (folds-f)*block
						held := train[from : from+block]
						loss += Score(predict(fit(train[:from], set), held), outcomes(held)).LogLoss
					}
					if loss < bestLoss {
						best, bestLoss = set, loss
					}
				}
			}
		}
	}
	return best
}
