package recommend

import (
	"math"
	"math/rand/v2"
	"runtime"
	"sync"
	"sync/atomic"

	"gonum.org/v1/gonum/floats"
)

// ALSConfig sets implicit ALS: Factors per user and item, the weight
// Lambda of their squared length, the confidence 1+Alpha of each
// interaction (every other pair has confidence 1 in a preference of 0),
// Iterations of both halves, CGSteps conjugate-gradient steps per
// row. Hu, Koren and Volinsky (2008), "Collaborative Filtering for
// Implicit Feedback Datasets"; the rows are solved by conjugate gradient
// as in Takács, Pilászy and Tikk (2011), warm-started from the last
// iteration, so an iteration is linear in the interactions.
type ALSConfig struct {
	Factors    int
	Lambda     float64
	Alpha      float64
	Iterations int
	CGSteps    int
	Seed       uint64
}

// ALS is a fitted model: a factor row per user and per item.
type ALS struct {
	K    int
	X, Y []float64 // users×K and items×K, row by row
	// Flops counts the floating-point operations of the fitting.
	Flops int64

	y32     sync.Once
	y32Rows []float32 // Y in float32, what Score reads
}

// FitALS fits the factors; each iteration runs onIteration if set (for
// timing).
func FitALS(m *Matrix, cfg ALSConfig, onIteration func(it int)) *ALS {
	k := cfg.Factors
	rng := rand.New(rand.NewPCG(cfg.Seed, 0x6e657874))
	a := &ALS{K: k, X: make([]float64, m.Users*k), Y: make([]float64, m.Items*k)}
	scale := 1 / math.Sqrt(float64(k))
	for i := range a.X {
		a.X[i] = rng.NormFloat64() * scale * 0.1
	}
	for i := range a.Y {
		a.Y[i] = rng.NormFloat64() * scale * 0.1
	}
	for it := range cfg.Iterations {
		a.Flops += a.half(a.X, a.Y, m.ByUser, cfg)
		a.Flops += a.half(a.Y, a.X, m.ByItem, cfg)
		if onIteration != nil {
			onIteration(it)
		}
	}
	return a
}

// half solves every row of rows (users or items) given the other side's
// fixed factors, and returns the operations it took.
func (a *ALS) half(rows, fixed []float64, lists [][]int32, cfg ALSConfig) int64 {
	k := a.K
	gram, flops := a.gram(fixed)
	c1 := cfg.Alpha // confidence minus one, for every pair in a list
	var total atomic.Int64
	total.Add(flops)
	next := make(chan [2]int, 64)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			r, p, ap := make([]float64, k), make([]float64, k), make([]float64, k)
			var ops int64
			for span := range next {
				for u := span[0]; u < span[1]; u++ {
					items := lists[u]
					x := rows[u*k : (u+1)*k]
					if len(items) == 0 {
						clear(x)
						continue
					}
					// A v = gram v + Σ c1 (y_i·v) y_i + λ v; b = Σ (1+c1) y_i.
					apply := func(v, out []float64) {
						symv(gram, v, out, k)
						rankOneSum(out, v, fixed, items, 0, c1)
						axpy(cfg.Lambda, v, out)
						ops += int64(2*k*k + 4*k*len(items) + 2*k)
					}
					// r = b - A x in one pass over the items:
					// Σ ((1+c1) - c1 y_i·x) y_i - gram x - λ x.
					symv(gram, x, r, k)
					for d := range k {
						r[d] = -r[d] - cfg.Lambda*x[d]
					}
					rankOneSum(r, x, fixed, items, 1+c1, -c1)
					ops += int64(2*k*k + 4*k*len(items) + 2*k)
					copy(p, r)
					rs := dot(r, r)
					for range cfg.CGSteps {
						if rs < 1e-12 {
							break
						}
						apply(p, ap)
						alpha := rs / dot(p, ap)
						axpy(alpha, p, x)
						axpy(-alpha, ap, r)
						rsNew := dot(r, r)
						beta := rsNew / rs
						for d := range k {
							p[d] = r[d] + beta*p[d]
						}
						rs = rsNew
						ops += int64(10 * k)
					}
				}
			}
			total.Add(ops)
		})
	}
	const chunk = 64
	for start := 0; start < len(lists); start += chunk {
		next <- [2]int{start, min(start+chunk, len(lists))}
	}
	close(next)
	wg.Wait()
	return total.Load()
}

// gram is FᵀF of the fixed side's factors (k×k, row by row).
func (a *ALS) gram(f []float64) ([]float64, int64) {
	k := a.K
	n := len(f) / k
	workers := runtime.GOMAXPROCS(0)
	parts := make([][]float64, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			g := make([]float64, k*k)
			for row := w; row < n; row += workers {
				y := f[row*k : row*k+k]
				for d := range k {
					if y[d] != 0 {
						axpy(y[d], y[d:], g[d*k+d:d*k+k]) // the upper triangle
					}
				}
			}
			parts[w] = g
		})
	}
	wg.Wait()
	g := parts[0]
	for _, p := range parts[1:] {
		axpy(1, p, g)
	}
	for d := range k {
		for e := d + 1; e < k; e++ {
			g[e*k+d] = g[d*k+e]
		}
	}
	return g, int64(n * k * (k + 1)) // multiply-adds of the upper triangle
}

// Score is the dot product of the user's row with every item's, in
// float32: ranking reads the whole item matrix for each user, and half
// the bytes is half the time (BenchmarkServing measures the top 10's
// recall against ScoreExact).
func (a *ALS) Score(user int, out []float64) {
	a.y32.Do(func() {
		a.y32Rows = make([]float32, len(a.Y))
		for i, v := range a.Y {
			a.y32Rows[i] = float32(v)
		}
	})
	k := a.K
	x := make([]float32, k)
	for d, v := range a.X[user*k : user*k+k] {
		x[d] = float32(v)
	}
	dotRows32(x, a.y32Rows, out)
}

// ScoreExact is Score in float64.
func (a *ALS) ScoreExact(user int, out []float64) {
	k := a.K
	dotRows64(a.X[user*k:user*k+k], a.Y, out)
}

// symv sets out = g v, g being k×k.
func symv(g, v, out []float64, k int) { dotRows64(v, g[:k*k], out[:k]) }

// dot is x·y (gonum's assembly kernel on amd64).
func dot(x, y []float64) float64 { return floats.Dot(x, y[:len(x)]) }

// axpy sets y += a x (gonum's assembly kernel on amd64).
func axpy(a float64, x, y []float64) { floats.AddScaled(y[:len(x)], a, x) }
