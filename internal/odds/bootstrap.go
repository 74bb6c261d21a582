package odds

import (
	"math"
	"math/rand/v2"
	"slices"
)

// resamples is how many bootstrap draws the intervals take.
const resamples = 2000

// bootstrap draws the test seasons again, with replacement, and returns
// the central 95% of the Brier skill of p against base and of p's AUC.
// The draws are seeded, so a back-test prints the same interval each
// time it runs on the same data.
func bootstrap(p, base []float64, y []bool) (skill, area [2]float64) {
	rng := rand.New(rand.NewPCG(1, 2))
	n := len(p)
	skills := make([]float64, 0, resamples)
	areas := make([]float64, 0, resamples)
	dp, db, dy := make([]float64, n), make([]float64, n), make([]bool, n)
	for range resamples {
		for i := range n {
			k := rng.IntN(n)
			dp[i], db[i], dy[i] = p[k], base[k], y[k]
		}
		if b := brier(db, dy); b > 0 {
			skills = append(skills, 1-brier(dp, dy)/b)
		}
		if a := auc(dp, dy); !math.IsNaN(a) {
			areas = append(areas, a)
		}
	}
	return central95(skills), central95(areas)
}

// brier is the mean squared error of p against y.
func brier(p []float64, y []bool) float64 {
	s := 0.0
	for i := range p {
		d := p[i]
		if y[i] {
			d--
		}
		s += d * d
	}
	return s / float64(len(p))
}

// central95 is the 2.5th and 97.5th percentiles of v.
func central95(v []float64) [2]float64 {
	if len(v) == 0 {
		return [2]float64{math.NaN(), math.NaN()}
	}
	slices.Sort(v)
	at := func(q float64) float64 { return v[min(int(q*float64(len(v))), len(v)-1)] }
	return [2]float64{at(0.025), at(0.975)}
}
