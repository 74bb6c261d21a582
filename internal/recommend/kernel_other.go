//go:build !amd64

package recommend

// fast is false: the kernels are the Go loops in kernel.go.
const fast = false

func rankOneSumAVX2(out, v, fixed []float64, items []int32, a, b float64) {
	panic("recommend: no assembly kernels on this architecture")
}

func dotRows32AVX2(x, rows []float32, out []float64) {
	panic("recommend: no assembly kernels on this architecture")
}

func dotRows64AVX2(x, rows, out []float64) {
	panic("recommend: no assembly kernels on this architecture")
}
