package recommend

import (
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"
)

// Split holds out, per user, a fraction of their items at random (a fixed
// seed gives the same split): what is left to train on, and the held-out
// items to find. A user keeps at least one item to train on.
func Split(m *Matrix, fraction float64, seed uint64) (train *Matrix, held [][]int32) {
	rng := rand.New(rand.NewPCG(seed, 0x73706c6974))
	held = make([][]int32, m.Users)
	var pairs []Pair
	for u, items := range m.ByUser {
		shuffled := slices.Clone(items)
		rng.Shuffle(len(shuffled), func(a, b int) { shuffled[a], shuffled[b] = shuffled[b], shuffled[a] })
		n := int(math.Round(fraction * float64(len(shuffled))))
		if n >= len(shuffled) {
			n = len(shuffled) - 1
		}
		held[u] = shuffled[:max(n, 0)]
		slices.Sort(held[u])
		for _, i := range shuffled[max(n, 0):] {
			pairs = append(pairs, Pair{int32(u), i})
		}
	}
	return NewMatrix(m.Users, m.Items, pairs), held
}

// Metrics are how well a model ranks the held-out items, averaged over
// the users who have some: at K, precision, recall, NDCG and MAP; and the
// share of all items that appear in anyone's top K.
type Metrics struct {
	Precision, Recall, NDCG, MAP, Coverage float64
	Users                                  int
}

// Evaluate ranks every item for every user with held-out items, leaving
// out what they trained on, and scores the top k against the held-out.
func Evaluate(s Scorer, train *Matrix, held [][]int32, k int) Metrics {
	type partial struct {
		m     Metrics
		shown []bool
	}
	workers := runtime.GOMAXPROCS(0)
	parts := make([]partial, workers)
	next := make(chan int, 64)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			p := partial{shown: make([]bool, train.Items)}
			scores := make([]float64, train.Items)
			for u := range next {
				s.Score(u, scores)
				top := TopK(scores, k, func(i int) bool { return train.Has(u, i) })
				add(&p.m, top, held[u], k)
				for _, r := range top {
					p.shown[r.Item] = true
				}
			}
			parts[w] = p
		})
	}
	for u := range train.Users {
		if len(held[u]) > 0 {
			next <- u
		}
	}
	close(next)
	wg.Wait()
	var out Metrics
	shown := make([]bool, train.Items)
	for _, p := range parts {
		out.Precision += p.m.Precision
		out.Recall += p.m.Recall
		out.NDCG += p.m.NDCG
		out.MAP += p.m.MAP
		out.Users += p.m.Users
		for i, ok := range p.shown {
			shown[i] = shown[i] || ok
		}
	}
	if out.Users > 0 {
		n := float64(out.Users)
		out.Precision, out.Recall, out.NDCG, out.MAP = out.Precision/n, out.Recall/n, out.NDCG/n, out.MAP/n
	}
	covered := 0
	for _, ok := range shown {
		if ok {
			covered++
		}
	}
	out.Coverage = float64(covered) / float64(max(train.Items, 1))
	return out
}

// add scores one user's top k against their held-out items (binary
// relevance): recall over all held-out items; NDCG and MAP against the
// best possible ranking of min(k, held) items.
func add(m *Metrics, top []Ranked, held []int32, k int) {
	hits, dcg, ap := 0, 0.0, 0.0
	for rank, r := range top {
		if _, ok := slices.BinarySearch(held, int32(r.Item)); ok {
			hits++
			dcg += 1 / math.Log2(float64(rank+2))
			ap += float64(hits) / float64(rank+1)
		}
	}
	ideal, idcg := min(k, len(held)), 0.0
	for rank := range ideal {
		idcg += 1 / math.Log2(float64(rank+2))
	}
	m.Precision += float64(hits) / float64(k)
	m.Recall += float64(hits) / float64(len(held))
	m.NDCG += dcg / idcg
	m.MAP += ap / float64(ideal)
	m.Users++
}
