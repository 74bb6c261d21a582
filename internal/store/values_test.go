package store

import "testing"

func TestValuesList(t *testing.T) {
	for _, c := range []struct {
		rows, cols int
		want       string
	}{{1, 1, "($1)"}, {3, 1, "($1), ($2), ($3)"}, {2, 3, "($1, $2, $3), ($4, $5, $6)"}} {
		if got := valuesList(c.rows, c.cols); got != c.want {
			t.Errorf("valuesList(%d, %d) = %q, want %q", c.rows, c.cols, got, c.want)
		}
	}
}
