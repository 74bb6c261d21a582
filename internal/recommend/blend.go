package recommend

import (
	"math"
	"runtime"
	"sync"
)

// Blend adds its parts' scores, each standardised per user (mean 0,
// deviation 1 over all items) so that none dominates by scale, weighted.
type Blend struct {
	Parts   []Scorer
	Weights []float64
	Items   int
}

// Score blends the parts' scores for user.
func (b *Blend) Score(user int, out []float64) {
	clear(out)
	buf := make([]float64, b.Items)
	for p, part := range b.Parts {
		if b.Weights[p] == 0 {
			continue
		}
		part.Score(user, buf)
		standardise(buf)
		axpy(b.Weights[p], buf, out)
	}
}

// standardise rescales s to mean 0 and deviation 1.
func standardise(s []float64) {
	mean, sq := 0.0, 0.0
	for _, v := range s {
		mean += v
	}
	mean /= float64(len(s))
	for _, v := range s {
		sq += (v - mean) * (v - mean)
	}
	sd := math.Sqrt(sq / float64(len(s)))
	if sd == 0 {
		sd = 1
	}
	for i, v := range s {
		s[i] = (v - mean) / sd
	}
}

// Simplex lists the weightings of n parts that sum to one, in steps of
// 1/steps.
func Simplex(n, steps int) [][]float64 {
	var out [][]float64
	var walk func(prefix []int, left int)
	walk = func(prefix []int, left int) {
		if len(prefix) == n-1 {
			w := make([]float64, n)
			for i, c := range append(prefix, left) {
				w[i] = float64(c) / float64(steps)
			}
			out = append(out, w)
			return
		}
		for c := 0; c <= left; c++ {
			walk(append(prefix[:len(prefix):len(prefix)], c), left-c)
		}
	}
	walk(nil, steps)
	return out
}

// ChooseWeights finds, among candidates, the weighting of parts whose
// blend ranks held best (NDCG at k) for the users of train: each part
// scores each user once, then every weighting is tried on those scores.
func ChooseWeights(parts []Scorer, train *Matrix, held [][]int32, k int, candidates [][]float64) ([]float64, float64) {
	workers := runtime.GOMAXPROCS(0)
	sums := make([][]float64, workers)
	users := 0
	next := make(chan int, 64)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			ndcg := make([]float64, len(candidates))
			scores := make([][]float64, len(parts))
			for p := range parts {
				scores[p] = make([]float64, train.Items)
			}
			blended := make([]float64, train.Items)
			for u := range next {
				for p, part := range parts {
					part.Score(u, scores[p])
					standardise(scores[p])
				}
				skip := func(i int) bool { return train.Has(u, i) }
				for c, weights := range candidates {
					clear(blended)
					for p, wt := range weights {
						if wt != 0 {
							axpy(wt, scores[p], blended)
						}
					}
					var m Metrics
					add(&m, TopK(blended, k, skip), held[u], k)
					ndcg[c] += m.NDCG
				}
			}
			sums[w] = ndcg
		})
	}
	for u := range train.Users {
		if len(held[u]) > 0 {
			next <- u
			users++
		}
	}
	close(next)
	wg.Wait()
	best, bestScore := 0, -1.0
	for c := range candidates {
		total := 0.0
		for _, s := range sums {
			total += s[c]
		}
		if total > bestScore {
			best, bestScore = c, total
		}
	}
	return candidates[best], bestScore / float64(max(users, 1))
}
