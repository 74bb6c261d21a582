package recommend

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestKernelsAgreeWithTheirLoops checks the assembly kernels against the
// plain loops they stand for, for every k and list length that reaches
// them and some that do not.
func TestKernelsAgreeWithTheirLoops(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, k := range []int{7, 8, 16, 24, 32, 64, 72} {
		const rows = 300
		fixed := make([]float64, rows*k)
		for i := range fixed {
			fixed[i] = rng.NormFloat64()
		}
		v := make([]float64, k)
		for i := range v {
			v[i] = rng.NormFloat64()
		}
		for _, n := range []int{0, 1, 5, 200} {
			items := make([]int32, n)
			for i := range items {
				items[i] = int32(rng.IntN(rows))
			}
			got, want := make([]float64, k), make([]float64, k)
			for d := range k {
				got[d], want[d] = float64(d), float64(d)
			}
			rankOneSum(got, v, fixed, items, 11, -10)
			for _, i := range items {
				y := fixed[int(i)*k : int(i)*k+k]
				s := 0.0
				for d := range k {
					s += y[d] * v[d]
				}
				for d := range k {
					want[d] += (11 - 10*s) * y[d]
				}
			}
			for d := range k {
				if math.Abs(got[d]-want[d]) > 1e-9*(1+math.Abs(want[d])) {
					t.Fatalf("k=%d, %d items: rankOneSum[%d] = %v, the loop gives %v", k, n, d, got[d], want[d])
				}
			}
		}
		for _, n := range []int{0, 1, rows} {
			got := make([]float64, n)
			dotRows64(v, fixed, got)
			for i := range n {
				want := 0.0
				for d := range k {
					want += v[d] * fixed[i*k+d]
				}
				if math.Abs(got[i]-want) > 1e-9*(1+math.Abs(want)) {
					t.Fatalf("k=%d: dotRows64[%d] = %v, want %v", k, i, got[i], want)
				}
			}
		}
		x32, rows32 := make([]float32, k), make([]float32, rows*k)
		for i := range x32 {
			x32[i] = float32(v[i])
		}
		for i := range rows32 {
			rows32[i] = float32(fixed[i])
		}
		for _, n := range []int{0, 1, rows} {
			got := make([]float64, n)
			dotRows32(x32, rows32, got)
			for i := range n {
				want := 0.0
				for d := range k {
					want += float64(x32[d]) * float64(rows32[i*k+d])
				}
				if math.Abs(got[i]-want) > 1e-4*(1+math.Abs(want)) {
					t.Fatalf("k=%d: dotRows32[%d] = %v, want %v", k, i, got[i], want)
				}
			}
		}
	}
}
