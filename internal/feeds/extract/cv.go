package extract

import (
	"fmt"
	"math/rand/v2"
)

// CrossValidation holds, for every labelled item, the item read with the
// catalog and a model trained (by Train, calibration and threshold
// included) on the folds the item is not in: its claims are predictions
// on news the model never saw.
type CrossValidation struct {
	Items []Labelled
	Folds int
	// TrainItems is how many items each fold's model learned from, on
	// average.
	TrainItems int
	docs       []*doc
	models     []*Model // per fold
	fold       []int    // per item
}

// CrossValidate trains one model per fold, items dealt into folds at
// random with opt.Seed.
func CrossValidate(items []Labelled, cat *Catalog, folds int, opt TrainOptions) (*CrossValidation, error) {
	opt = opt.withDefaults()
	if folds < 2 || len(items) < folds*opt.Folds {
		return nil, fmt.Errorf("cross-validation in %d folds needs at least %d labelled items, got %d", folds, folds*opt.Folds, len(items))
	}
	exs, docs := trainingSet(items, cat)
	cv := &CrossValidation{Items: items, Folds: folds, docs: docs, fold: foldsOf(len(items), folds, opt.Seed+1)}
	draw := rand.New(rand.NewPCG(opt.Seed, 0x5a4e))
	kept := make([]bool, len(items))
	for i := range kept {
		kept[i] = opt.Share <= 0 || opt.Share >= 1 || draw.Float64() < opt.Share
	}
	for f := range folds {
		var train []example
		var n int
		renumber := map[int]int{}
		for _, ex := range exs {
			if cv.fold[ex.item] == f || !kept[ex.item] {
				continue
			}
			if _, ok := renumber[ex.item]; !ok {
				renumber[ex.item] = n
				n++
			}
			ex.item = renumber[ex.item]
			train = append(train, ex)
		}
		if n < opt.Folds {
			return nil, fmt.Errorf("a share of %.2f leaves fold %d %d items to learn from", opt.Share, f+1, n)
		}
		cv.models = append(cv.models, trainOn(train, n, opt))
		cv.TrainItems += n
	}
	cv.TrainItems /= folds
	return cv, nil
}

// Claims are the held-out claims of every item at a threshold; a negative
// threshold takes each fold's model's own.
func (cv *CrossValidation) Claims(threshold float64) [][]Claim {
	out := make([][]Claim, len(cv.Items))
	for i, d := range cv.docs {
		m := cv.models[cv.fold[i]]
		t := threshold
		if t < 0 {
			t = m.Threshold
		}
		out[i] = New(nil, m).claims(d, t)
	}
	return out
}

// Thresholds are the models' own thresholds, one per fold.
func (cv *CrossValidation) Thresholds() []float64 {
	out := make([]float64, len(cv.models))
	for i, m := range cv.models {
		out[i] = m.Threshold
	}
	return out
}
