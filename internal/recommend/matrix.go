// Package recommend ranks items for users from who interacted with what:
// the most popular items, item-item neighbours, implicit ALS and a blend
// of them, with an offline evaluation that says how well each ranks.
// Users and items are dense indexes 0…n-1; callers map their ids.
package recommend

import (
	"cmp"
	"slices"
)

// Matrix is who interacted with what, both ways, each list ascending and
// without repeats.
type Matrix struct {
	Users, Items int
	ByUser       [][]int32 // the items of each user
	ByItem       [][]int32 // the users of each item
}

// Pair is one interaction.
type Pair struct{ User, Item int32 }

// NewMatrix builds the matrix of pairs; repeats count once.
func NewMatrix(users, items int, pairs []Pair) *Matrix {
	m := &Matrix{Users: users, Items: items, ByUser: make([][]int32, users), ByItem: make([][]int32, items)}
	for _, p := range pairs {
		m.ByUser[p.User] = append(m.ByUser[p.User], p.Item)
	}
	for u, items := range m.ByUser {
		slices.Sort(items)
		m.ByUser[u] = slices.Compact(items)
		for _, i := range m.ByUser[u] {
			m.ByItem[i] = append(m.ByItem[i], int32(u))
		}
	}
	return m
}

// Interactions counts the pairs.
func (m *Matrix) Interactions() int {
	n := 0
	for _, items := range m.ByUser {
		n += len(items)
	}
	return n
}

// Has reports whether user interacted with item.
func (m *Matrix) Has(user, item int) bool {
	_, ok := slices.BinarySearch(m.ByUser[user], int32(item))
	return ok
}

// Scorer scores every item for a user; higher is better.
type Scorer interface {
	// Score writes the user's score of every item into out, which has
	// one place per item.
	Score(user int, out []float64)
}

// Ranked is an item with its score.
type Ranked struct {
	Item  int
	Score float64
}

// TopK returns the k best-scored items, best first, leaving out those
// skip reports true for (what the user has already). Ties go to the lower
// index, so rankings are reproducible.
func TopK(scores []float64, k int, skip func(item int) bool) []Ranked {
	top := make([]Ranked, 0, k+1)
	worse := func(a, b Ranked) bool { return a.Score < b.Score || (a.Score == b.Score && a.Item > b.Item) }
	for i, s := range scores {
		if len(top) == k && !worse(top[k-1], Ranked{i, s}) {
			continue
		}
		if skip != nil && skip(i) {
			continue
		}
		// Insert in order; k is small.
		at := len(top)
		for at > 0 && worse(top[at-1], Ranked{i, s}) {
			at--
		}
		top = slices.Insert(top, at, Ranked{i, s})
		if len(top) > k {
			top = top[:k]
		}
	}
	return top
}

// sortRanked orders best first, ties to the lower index.
func sortRanked(r []Ranked) {
	slices.SortFunc(r, func(a, b Ranked) int {
		if c := cmp.Compare(b.Score, a.Score); c != 0 {
			return c
		}
		return cmp.Compare(a.Item, b.Item)
	})
}
