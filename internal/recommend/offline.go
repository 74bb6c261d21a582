package recommend

import (
	"math/rand/v2"
	"time"
)

// ModelReport is one model's offline figures, under the names the JSON
// report uses.
type ModelReport struct {
	Precision    float64 `json:"precision@10"`
	Recall       float64 `json:"recall@10"`
	NDCG         float64 `json:"ndcg@10"`
	MAP          float64 `json:"map@10"`
	Coverage     float64 `json:"coverage"`
	TrainSeconds float64 `json:"train_seconds"`
}

// Chosen is what the validation split chose.
type Chosen struct {
	Neighbours int                `json:"itemknn_neighbours"`
	ALS        ALSConfig          `json:"als"`
	Weights    map[string]float64 `json:"blend_weights"`
}

// OfflineReport is the offline evaluation of every model, side by side.
type OfflineReport struct {
	Users        int                    `json:"users"`
	Items        int                    `json:"items"`
	Interactions int                    `json:"interactions"`
	TestUsers    int                    `json:"test_users"`
	Models       map[string]ModelReport `json:"models"`
	Chosen       Chosen                 `json:"chosen"`
}

// Offline is the protocol: per user, hold out TestFraction of the items
// at random (Seed); choose every hyperparameter on a validation split
// carved the same way from the training part only; refit on the whole
// training part; rank every item a user did not train on; score the top
// K.
type Offline struct {
	K            int
	TestFraction float64
	Seed         uint64
	// Grids to choose from.
	Neighbours []int
	ALSGrid    []ALSConfig
	// ChoiceUsers bounds the validation users choices are made on (a
	// random sample), so that large datasets stay tractable; 0 is all.
	ChoiceUsers int
	// Progress, when set, hears what is being done.
	Progress func(what string)
}

// DefaultOffline is the protocol of the issue: 80/20, top 10.
func DefaultOffline() Offline {
	o := Offline{K: 10, TestFraction: 0.2, Seed: 20261125, Neighbours: []int{10, 20, 50, 100, 200}, ChoiceUsers: 2000}
	for _, factors := range []int{32, 64} {
		for _, lambda := range []float64{0.1, 1, 10} {
			for _, alpha := range []float64{2, 10, 40} {
				o.ALSGrid = append(o.ALSGrid, ALSConfig{Factors: factors, Lambda: lambda, Alpha: alpha, Iterations: 10, CGSteps: 3, Seed: 1})
			}
		}
	}
	return o
}

func (o Offline) say(what string) {
	if o.Progress != nil {
		o.Progress(what)
	}
}

// Run evaluates the most-popular baseline, item-kNN, ALS and their blend.
func (o Offline) Run(m *Matrix) OfflineReport {
	rep := OfflineReport{Users: m.Users, Items: m.Items, Interactions: m.Interactions(), Models: map[string]ModelReport{}}
	train, test := Split(m, o.TestFraction, o.Seed)
	sub, val := Split(train, o.TestFraction, o.Seed+1)
	val = sample(val, o.ChoiceUsers, o.Seed+2)

	// Choose on the validation split.
	o.say("choosing item-kNN neighbours")
	bestK, bestNDCG := o.Neighbours[0], -1.0
	for _, k := range o.Neighbours {
		if n := Evaluate(FitItemKNN(sub, k), sub, val, o.K).NDCG; n > bestNDCG {
			bestK, bestNDCG = k, n
		}
	}
	o.say("choosing ALS settings")
	bestALS, bestNDCG := o.ALSGrid[0], -1.0
	for _, cfg := range o.ALSGrid {
		if n := Evaluate(FitALS(sub, cfg, nil), sub, val, o.K).NDCG; n > bestNDCG {
			bestALS, bestNDCG = cfg, n
		}
	}
	o.say("choosing blend weights")
	names := []string{"als", "itemknn", "popular"}
	parts := []Scorer{FitALS(sub, bestALS, nil), FitItemKNN(sub, bestK), FitPopular(sub)}
	weights, _ := ChooseWeights(parts, sub, val, o.K, Simplex(len(parts), 10))
	rep.Chosen = Chosen{Neighbours: bestK, ALS: bestALS, Weights: map[string]float64{}}
	for i, n := range names {
		rep.Chosen.Weights[n] = weights[i]
	}

	// Refit on the whole training part; test.
	o.say("testing")
	timed := func(fit func() Scorer) (Scorer, float64) {
		start := time.Now()
		s := fit()
		return s, time.Since(start).Seconds()
	}
	als, alsSec := timed(func() Scorer { return FitALS(train, bestALS, nil) })
	knn, knnSec := timed(func() Scorer { return FitItemKNN(train, bestK) })
	pop, popSec := timed(func() Scorer { return FitPopular(train) })
	blend := &Blend{Parts: []Scorer{als, knn, pop}, Weights: weights, Items: train.Items}
	for name, s := range map[string]struct {
		scorer  Scorer
		seconds float64
	}{"popular": {pop, popSec}, "itemknn": {knn, knnSec}, "als": {als, alsSec}, "blend": {blend, alsSec + knnSec + popSec}} {
		got := Evaluate(s.scorer, train, test, o.K)
		rep.TestUsers = got.Users
		rep.Models[name] = ModelReport{Precision: got.Precision, Recall: got.Recall, NDCG: got.NDCG, MAP: got.MAP, Coverage: got.Coverage, TrainSeconds: s.seconds}
	}
	return rep
}

// sample keeps the held-out items of at most n users, chosen at random;
// the others' are emptied. n = 0 keeps all.
func sample(held [][]int32, n int, seed uint64) [][]int32 {
	var users []int
	for u, h := range held {
		if len(h) > 0 {
			users = append(users, u)
		}
	}
	if n == 0 || len(users) <= n {
		return held
	}
	rng := rand.New(rand.NewPCG(seed, 0x73616d70))
	rng.Shuffle(len(users), func(a, b int) { users[a], users[b] = users[b], users[a] })
	out := make([][]int32, len(held))
	for _, u := range users[:n] {
		out[u] = held[u]
	}
	return out
}
