package recommend

// Popular scores each item by how many users have it: the baseline every
// other model must beat.
type Popular struct{ counts []float64 }

// FitPopular counts each item's users.
func FitPopular(m *Matrix) *Popular {
	p := &Popular{counts: make([]float64, m.Items)}
	for i, users := range m.ByItem {
		p.counts[i] = float64(len(users))
	}
	return p
}

// Score gives every user the same scores.
func (p *Popular) Score(_ int, out []float64) { copy(out, p.counts) }
