package recommend

import (
	"math"
	"runtime"
	"sync"
)

// ItemKNN scores an item by its cosine similarity, over users, to each
// item the user has, keeping each item's K nearest neighbours. It also
// says which of the user's items brought an item ("because you follow X").
type ItemKNN struct {
	m   *Matrix
	nbr [][]int32
	sim [][]float32
}

// FitItemKNN finds each item's k nearest neighbours.
func FitItemKNN(m *Matrix, k int) *ItemKNN {
	knn := &ItemKNN{m: m, nbr: make([][]int32, m.Items), sim: make([][]float32, m.Items)}
	workers := runtime.GOMAXPROCS(0)
	next := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			co := make([]float64, m.Items)
			var touched []int32
			for i := range next {
				touched = touched[:0]
				for _, u := range m.ByItem[i] {
					for _, j := range m.ByUser[u] {
						if int(j) == i {
							continue
						}
						if co[j] == 0 {
							touched = append(touched, j)
						}
						co[j]++
					}
				}
				cands := make([]Ranked, 0, len(touched))
				ni := float64(len(m.ByItem[i]))
				for _, j := range touched {
					cands = append(cands, Ranked{int(j), co[j] / math.Sqrt(ni*float64(len(m.ByItem[j])))})
					co[j] = 0
				}
				sortRanked(cands)
				if len(cands) > k {
					cands = cands[:k]
				}
				knn.nbr[i], knn.sim[i] = make([]int32, len(cands)), make([]float32, len(cands))
				for n, c := range cands {
					knn.nbr[i][n], knn.sim[i][n] = int32(c.Item), float32(c.Score)
				}
			}
		})
	}
	for i := range m.Items {
		next <- i
	}
	close(next)
	wg.Wait()
	return knn
}

// Score sums, for each item, its similarity to the user's items.
func (k *ItemKNN) Score(user int, out []float64) {
	clear(out)
	for _, j := range k.m.ByUser[user] {
		for n, i := range k.nbr[j] {
			out[i] += float64(k.sim[j][n])
		}
	}
}

// Because names the user's item that contributes most to item's score,
// and how similar they are; -1 when none does.
func (k *ItemKNN) Because(user, item int) (int, float64) {
	best, bestSim := -1, 0.0
	for _, j := range k.m.ByUser[user] {
		for n, i := range k.nbr[j] {
			if int(i) == item && float64(k.sim[j][n]) > bestSim {
				best, bestSim = int(j), float64(k.sim[j][n])
			}
		}
	}
	return best, bestSim
}
