package recommend

// The two loops ALS spends its time in, written once in Go here and, on
// amd64 with AVX2 and FMA, once more in assembly (kernel_amd64.s), which
// these fall back to when the processor lacks them or k is not a
// multiple of 8 (16 for float32).

// rankOneSum adds Σ (a + b (y_i·v)) y_i to out, y_i being row i of fixed
// (rows of len(v)) for each i in items. With a = 0 it is the implicit
// ALS product Σ c (y_i·v) y_i; with a = 1+c and b = -c, the residual's
// sum.
func rankOneSum(out, v, fixed []float64, items []int32, a, b float64) {
	k := len(v)
	if fast && k%8 == 0 && len(out) >= k {
		if len(items) > 0 {
			rankOneSumAVX2(out, v, fixed, items, a, b)
		}
		return
	}
	for _, i := range items {
		y := fixed[int(i)*k : int(i)*k+k]
		axpy(a+b*dot(y, v), y, out)
	}
}

// dotRows32 sets out[i] to x·(row i of rows), the rows being len(x)
// float32s each, summed in float32.
func dotRows32(x, rows []float32, out []float64) {
	k := len(x)
	if len(rows) < len(out)*k {
		panic("recommend: dotRows32 given fewer rows than scores")
	}
	if fast && k%16 == 0 {
		if len(out) > 0 {
			dotRows32AVX2(x, rows, out)
		}
		return
	}
	for i := range out {
		y := rows[i*k : i*k+k]
		var s float32
		for d, xd := range x {
			s += xd * y[d]
		}
		out[i] = float64(s)
	}
}

// dotRows64 sets out[i] to x·(row i of rows), the rows being len(x)
// float64s each.
func dotRows64(x, rows, out []float64) {
	k := len(x)
	if len(rows) < len(out)*k {
		panic("recommend: dotRows64 given fewer rows than results")
	}
	if fast && k%8 == 0 {
		if len(out) > 0 {
			dotRows64AVX2(x, rows, out)
		}
		return
	}
	for i := range out {
		out[i] = dot(x, rows[i*k:i*k+k])
	}
}
