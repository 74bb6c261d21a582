package odds

import (
	"math"

	"gonum.org/v1/gonum/mat"
)

// Logistic is an L2-regularised logistic regression over standardised
// features: p = σ(b + w·z), z the features less their training mean,
// over their training deviation.
type Logistic struct {
	Bias    float64
	Weights []float64
	Mean    []float64
	Scale   []float64
}

// FitLogistic fits by Newton's method (a few iterations suffice): each
// row i counts weight[i] times (nil: once); lambda weighs the squared
// coefficients, not the bias.
func FitLogistic(x [][]float64, y, weight []float64, lambda float64) *Logistic {
	d := len(x[0])
	if weight == nil {
		weight = make([]float64, len(x))
		for i := range weight {
			weight[i] = 1
		}
	}
	total := 0.0
	for _, c := range weight {
		total += c
	}
	m := &Logistic{Weights: make([]float64, d), Mean: make([]float64, d), Scale: make([]float64, d)}
	for j := range d {
		for i, row := range x {
			m.Mean[j] += weight[i] * row[j]
		}
		m.Mean[j] /= total
		for i, row := range x {
			m.Scale[j] += weight[i] * (row[j] - m.Mean[j]) * (row[j] - m.Mean[j])
		}
		m.Scale[j] = math.Sqrt(m.Scale[j] / total)
		if m.Scale[j] == 0 {
			m.Scale[j] = 1
		}
	}
	z := make([][]float64, len(x))
	for i, row := range x {
		z[i] = m.standardise(row)
	}
	n := d + 1 // the bias first
	for range 25 {
		grad := make([]float64, n)
		hess := mat.NewSymDense(n, nil)
		for i, row := range z {
			p := sigmoid(m.Bias + dotF(m.Weights, row))
			c := weight[i]
			w := c * p * (1 - p)
			full := append([]float64{1}, row...)
			for a := range n {
				grad[a] += c * (p - y[i]) * full[a]
				for b := a; b < n; b++ {
					hess.SetSym(a, b, hess.At(a, b)+w*full[a]*full[b])
				}
			}
		}
		for j := range d {
			grad[j+1] += lambda * m.Weights[j]
			hess.SetSym(j+1, j+1, hess.At(j+1, j+1)+lambda)
		}
		hess.SetSym(0, 0, hess.At(0, 0)+1e-9)
		var step mat.VecDense
		var chol mat.Cholesky
		if !chol.Factorize(hess) {
			break
		}
		if err := chol.SolveVecTo(&step, mat.NewVecDense(n, grad)); err != nil {
			break
		}
		m.Bias -= step.AtVec(0)
		moved := math.Abs(step.AtVec(0))
		for j := range d {
			m.Weights[j] -= step.AtVec(j + 1)
			moved = max(moved, math.Abs(step.AtVec(j+1)))
		}
		if moved < 1e-8 {
			break
		}
	}
	return m
}

// Predict is the probability for a row of features.
func (m *Logistic) Predict(row []float64) float64 {
	return sigmoid(m.Bias + dotF(m.Weights, m.standardise(row)))
}

func (m *Logistic) standardise(row []float64) []float64 {
	z := make([]float64, len(row))
	for j, v := range row {
		z[j] = (v - m.Mean[j]) / m.Scale[j]
	}
	return z
}

func sigmoid(v float64) float64 { return 1 / (1 + math.Exp(-v)) }

func dotF(a, b []float64) float64 {
	s := 0.0
	for i := range a {
		s += a[i] * b[i]
	}
	return s
}
