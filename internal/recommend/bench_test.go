package recommend_test

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"
	"testing"
	"time"

	"gonum.org/v1/gonum/mat"

	"github.com/nextseason/nextseason/internal/recommend"
	"github.com/nextseason/nextseason/internal/store"
)

// mlOneM generates interactions shaped like MovieLens 1M: 6,040 users,
// 3,706 items, 1,000,209 interactions, every user with at least 20,
// items drawn with a long-tailed popularity.
func mlOneM(seed uint64) *recommend.Matrix {
	const users, items, total = 6040, 3706, 1_000_209
	rng := rand.New(rand.NewPCG(seed, 1))
	// User activity: 20 plus a long tail, scaled to the total.
	weights := make([]float64, users)
	sum := 0.0
	for u := range weights {
		weights[u] = rng.ExpFloat64() * rng.ExpFloat64()
		sum += weights[u]
	}
	wants := make([]int, users)
	left := total
	for u := range users {
		wants[u] = min(20+int(weights[u]/sum*float64(total-20*users)), items/2)
		left -= wants[u]
	}
	for u := 0; left > 0; u = (u + 1) % users { // what rounding left, spread
		if wants[u] < items/2 {
			wants[u]++
			left--
		}
	}
	zipf := rand.NewZipf(rng, 1.05, 8, items-1)
	pairs := make([]recommend.Pair, 0, total)
	seen := make([]int, items)
	for u, want := range wants {
		for got := 0; got < want; {
			i := int(zipf.Uint64())
			if seen[i] == u+1 {
				continue
			}
			seen[i] = u + 1
			pairs = append(pairs, recommend.Pair{User: int32(u), Item: int32(i)})
			got++
		}
	}
	return recommend.NewMatrix(users, items, pairs)
}

// matmulGFLOPS is this machine's dense matrix-multiply speed (gonum,
// 1024×1024 float64), for comparison.
func matmulGFLOPS() float64 {
	const n = 1024
	rng := rand.New(rand.NewPCG(3, 4))
	data := func() []float64 {
		d := make([]float64, n*n)
		for i := range d {
			d[i] = rng.Float64()
		}
		return d
	}
	a, b := mat.NewDense(n, n, data()), mat.NewDense(n, n, data())
	var c mat.Dense
	start := time.Now()
	c.Mul(a, b)
	return 2 * n * n * n / time.Since(start).Seconds() / 1e9
}

// dotGEMMGFLOPS is the dense product X·Yᵀ of a's factors (users×k times
// k×items, every score) in float64 through ScoreExact (the AVX2 kernel
// ALS's Gram products run on), a worker per core, with its
// floating-point operations counted as ALS counts its own: two per
// multiply-add.
func dotGEMMGFLOPS(a *recommend.ALS, users, items int) float64 {
	workers := runtime.GOMAXPROCS(0)
	start := time.Now()
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			out := make([]float64, items)
			for u := w; u < users; u += workers {
				a.ScoreExact(u, out)
			}
		})
	}
	wg.Wait()
	return 2 * float64(users) * float64(items) * float64(a.K) / time.Since(start).Seconds() / 1e9
}

// BenchmarkALS trains implicit ALS (k=64) on an ml-1m-shaped dataset and
// reports seconds per iteration and the GFLOP/s achieved, next to, in
// the same run, a dense product of the same factors' shapes through the
// same vector kernels (dotGEMMGFLOPS, flops counted alike) and gonum's
// blocked 1024×1024 multiply.
func BenchmarkALS(b *testing.B) {
	m := mlOneM(1)
	cfg := recommend.ALSConfig{Factors: 64, Lambda: 1, Alpha: 10, Iterations: 5, CGSteps: 3, Seed: 1}
	var perIteration []float64
	var flops int64
	var seconds float64
	var fitted *recommend.ALS
	for b.Loop() {
		start, last := time.Now(), time.Now()
		a := recommend.FitALS(m, cfg, func(int) {
			perIteration = append(perIteration, time.Since(last).Seconds())
			last = time.Now()
		})
		seconds, flops, fitted = time.Since(start).Seconds(), a.Flops, a
	}
	slices.Sort(perIteration)
	b.ReportMetric(float64(m.Interactions()), "interactions")
	b.ReportMetric(perIteration[len(perIteration)/2], "s/iteration")
	als, dotGEMM, blocked := float64(flops)/seconds/1e9, dotGEMMGFLOPS(fitted, m.Users, m.Items), matmulGFLOPS()
	b.ReportMetric(als, "als-GFLOP/s")
	b.ReportMetric(dotGEMM, "dot-gemm-GFLOP/s")
	b.ReportMetric(blocked, "blocked-gemm-GFLOP/s")
	b.ReportMetric(als/dotGEMM, "als/dot-gemm")
	b.ReportMetric(als/blocked, "als/blocked-gemm")
}

// BenchmarkServing ranks the top 10 of 10,000 and of 80,000 items for one
// user at a time from k=64 factors, and reports the latency's p50 and
// p99, for Score (float32) and ScoreExact (float64) alike, and Score's
// recall@10 against ScoreExact's top 10.
func BenchmarkServing(b *testing.B) {
	for _, items := range []int{10_000, 80_000} {
		b.Run(fmt.Sprint(items), func(b *testing.B) {
			const users, k = 1000, 64
			rng := rand.New(rand.NewPCG(5, 6))
			a := &recommend.ALS{K: k, X: make([]float64, users*k), Y: make([]float64, items*k)}
			for i := range a.X {
				a.X[i] = rng.NormFloat64()
			}
			for i := range a.Y {
				a.Y[i] = rng.NormFloat64()
			}
			scores := make([]float64, items)
			serve := func(score func(int, []float64), name string) [][]recommend.Ranked {
				var took []time.Duration
				tops := make([][]recommend.Ranked, users)
				for u := range users {
					start := time.Now()
					score(u, scores)
					tops[u] = recommend.TopK(scores, 10, nil)
					took = append(took, time.Since(start))
				}
				slices.Sort(took)
				b.ReportMetric(float64(took[len(took)/2].Microseconds())/1000, name+"-p50-ms")
				b.ReportMetric(float64(took[len(took)*99/100].Microseconds())/1000, name+"-p99-ms")
				return tops
			}
			for b.Loop() {
				fast, exact := serve(a.Score, "float32"), serve(a.ScoreExact, "float64")
				found := 0
				for u := range users {
					for _, r := range fast[u] {
						if slices.ContainsFunc(exact[u], func(e recommend.Ranked) bool { return e.Item == r.Item }) {
							found++
						}
					}
				}
				b.ReportMetric(float64(found)/float64(10*users), "recall@10")
			}
		})
	}
}

// catalog generates n shows with genres, networks, languages, runtimes
// and people, and fans who follow 5 to 40 of them, skewed to popular ones.
func catalog(n, fans int) ([]store.ShowSignal, []store.FollowSignal) {
	rng := rand.New(rand.NewPCG(7, 8))
	genres := []string{"Drama", "Comedy", "Crime", "Legal", "Science-Fiction", "Thriller", "Romance", "Family", "Reality", "Documentary", "Action", "Horror"}
	shows := make([]store.ShowSignal, n)
	for i := range shows {
		sh := store.ShowSignal{ID: int64(i + 1), Slug: fmt.Sprintf("show-%d", i+1), Title: fmt.Sprintf("Show %d", i+1),
			Network: fmt.Sprintf("Network %d", rng.IntN(400)), Language: []string{"English", "English", "Spanish", "Korean", "Japanese"}[rng.IntN(5)],
			Runtime: []int{30, 45, 60}[rng.IntN(3)], Popularity: rng.IntN(100), Seasons: 1 + rng.IntN(6), Top10Weeks: rng.IntN(3) * rng.IntN(5),
			ProviderStatus: []string{"Running", "Ended"}[rng.IntN(2)]}
		for range 1 + rng.IntN(3) {
			sh.Genres = append(sh.Genres, genres[rng.IntN(len(genres))])
		}
		for range 8 {
			sh.People = append(sh.People, int64(rng.IntN(n*3)))
		}
		shows[i] = sh
	}
	zipf := rand.NewZipf(rng, 1.1, 4, uint64(n-1))
	var follows []store.FollowSignal
	for u := range fans {
		seen := map[int]bool{}
		for range 5 + rng.IntN(36) {
			i := int(zipf.Uint64())
			if !seen[i] {
				seen[i] = true
				follows = append(follows, store.FollowSignal{UserID: int64(u + 1), ShowID: int64(i + 1)})
			}
		}
	}
	return shows, follows
}

// BenchmarkRecommendShows serves "recommended for you" (the whole blend:
// ALS, co-follow neighbours, content similarity, popularity; filters and
// reasons) over catalogs of 10,000 and 80,000 shows with 5,000 fans, and
// reports the per-user latency's p50 and p99, and the fitting time.
func BenchmarkRecommendShows(b *testing.B) {
	for _, n := range []int{10_000, 80_000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			shows, follows := catalog(n, 5000)
			start := time.Now()
			e := recommend.Fit(shows, follows, time.Now())
			fit := time.Since(start)
			mine := map[int64][]int64{}
			for _, f := range follows {
				mine[f.UserID] = append(mine[f.UserID], f.ShowID)
			}
			var took []time.Duration
			for b.Loop() {
				took = took[:0]
				for u := int64(1); u <= 200; u++ {
					start := time.Now()
					if recs := e.ForUser(u, mine[u], recommend.Options{Limit: 10, NoOneSeasonCancels: true}); len(recs) != 10 {
						b.Fatalf("%d recommendations", len(recs))
					}
					took = append(took, time.Since(start))
				}
			}
			slices.Sort(took)
			b.ReportMetric(float64(took[len(took)/2].Microseconds())/1000, "p50-ms")
			b.ReportMetric(float64(took[len(took)*99/100].Microseconds())/1000, "p99-ms")
			b.ReportMetric(fit.Seconds(), "fit-s")
		})
	}
}
