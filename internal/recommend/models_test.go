package recommend_test

import (
	"math"
	"testing"

	"github.com/nextseason/nextseason/internal/recommend"
)

// clusters: users 0–9 have items 0–4, users 10–19 items 5–9, except that
// user 0 lacks item 4 and user 10 lacks item 9.
func clusters() *recommend.Matrix {
	var pairs []recommend.Pair
	for u := range 20 {
		first := 0
		if u >= 10 {
			first = 5
		}
		for i := first; i < first+5; i++ {
			if (u == 0 && i == 4) || (u == 10 && i == 9) {
				continue
			}
			pairs = append(pairs, recommend.Pair{User: int32(u), Item: int32(i)})
		}
	}
	return recommend.NewMatrix(20, 10, pairs)
}

// TestModelsRecommendWhatSimilarUsersHave: item-kNN, ALS and their blend
// each put first, for a user, the one item their like-minded users have
// and they lack; the popular baseline cannot tell the users apart.
func TestModelsRecommendWhatSimilarUsersHave(t *testing.T) {
	m := clusters()
	als := recommend.FitALS(m, recommend.ALSConfig{Factors: 4, Lambda: 0.1, Alpha: 10, Iterations: 15, CGSteps: 3, Seed: 1}, nil)
	knn := recommend.FitItemKNN(m, 5)
	models := map[string]recommend.Scorer{"als": als, "itemknn": knn,
		"blend": &recommend.Blend{Parts: []recommend.Scorer{als, knn}, Weights: []float64{0.5, 0.5}, Items: m.Items}}
	for name, s := range models {
		for user, want := range map[int]int{0: 4, 10: 9} {
			scores := make([]float64, m.Items)
			s.Score(user, scores)
			top := recommend.TopK(scores, 3, func(i int) bool { return m.Has(user, i) })
			if len(top) == 0 || top[0].Item != want {
				t.Errorf("%s, user %d: top %v, want item %d first", name, user, top, want)
			}
		}
	}
	if j, sim := knn.Because(0, 4); j < 0 || j > 3 || sim <= 0 {
		t.Errorf("because: item %d (similarity %.2f), want one of user 0's items 0–3", j, sim)
	}
}

func TestTopKAndSimplex(t *testing.T) {
	top := recommend.TopK([]float64{1, 3, 3, 2, 5}, 3, func(i int) bool { return i == 4 })
	if len(top) != 3 || top[0].Item != 1 || top[1].Item != 2 || top[2].Item != 3 {
		t.Errorf("top: %v; want items 1, 2 (a tie, lower index first), 3, without the skipped 4", top)
	}
	grid := recommend.Simplex(3, 10)
	if len(grid) != 66 {
		t.Errorf("%d weightings of 3 parts in tenths, want 66", len(grid))
	}
	for _, w := range grid {
		if s := w[0] + w[1] + w[2]; math.Abs(s-1) > 1e-9 {
			t.Errorf("weights %v sum to %v", w, s)
		}
	}
}

func TestSplitHoldsOutAFifthPerUser(t *testing.T) {
	d, err := recommend.ReadMovieLens(movieLens(t))
	if err != nil {
		t.Fatal(err)
	}
	train, held := recommend.Split(d.Matrix, 0.2, 7)
	again, _ := recommend.Split(d.Matrix, 0.2, 7)
	total := 0
	for u := range d.Users {
		n, h := len(d.ByUser[u]), len(held[u])
		if want := int(math.Round(0.2 * float64(n))); h != want || len(train.ByUser[u])+h != n {
			t.Fatalf("user %d: %d items, %d held out, %d kept", u, n, h, len(train.ByUser[u]))
		}
		for _, i := range held[u] {
			if train.Has(u, int(i)) {
				t.Fatalf("user %d: item %d both held out and trained on", u, i)
			}
		}
		total += h
		if len(again.ByUser[u]) != len(train.ByUser[u]) {
			t.Fatalf("the same seed split user %d differently", u)
		}
	}
	t.Logf("%d of %d interactions held out", total, d.Interactions())
}
