package recommend

import (
	"cmp"
	"math"
	"slices"
)

// Content compares items by what they are: named features (a genre, a
// network, a language, a person, a runtime band), each weighted by how
// rare it is (IDF), compared by cosine. It needs no interactions, so it
// serves new items, new users and anonymous visitors.
type Content struct {
	names    []string  // feature id → name
	weight   []float64 // feature id → IDF
	features [][]int32 // item → feature ids, ascending
	postings [][]int32 // feature id → items
	norms    []float64 // item → length of its weighted vector
}

// NewContent indexes each item's features.
func NewContent(items [][]string) *Content {
	c := &Content{features: make([][]int32, len(items)), norms: make([]float64, len(items))}
	ids := map[string]int32{}
	for i, names := range items {
		for _, n := range names {
			id, ok := ids[n]
			if !ok {
				id = int32(len(c.names))
				ids[n] = id
				c.names = append(c.names, n)
				c.postings = append(c.postings, nil)
			}
			c.features[i] = append(c.features[i], id)
		}
		slices.Sort(c.features[i])
		c.features[i] = slices.Compact(c.features[i])
		for _, f := range c.features[i] {
			c.postings[f] = append(c.postings[f], int32(i))
		}
	}
	c.weight = make([]float64, len(c.names))
	for f, items := range c.postings {
		c.weight[f] = math.Log(float64(len(c.features)+1) / float64(len(items)))
	}
	for i, fs := range c.features {
		sq := 0.0
		for _, f := range fs {
			sq += c.weight[f] * c.weight[f]
		}
		c.norms[i] = math.Sqrt(sq)
	}
	return c
}

// Similar writes into out each item's cosine similarity to item (item
// itself included).
func (c *Content) Similar(item int, out []float64) {
	clear(out)
	if c.norms[item] == 0 {
		return
	}
	for _, f := range c.features[item] {
		w := c.weight[f] * c.weight[f]
		for _, j := range c.postings[f] {
			out[j] += w
		}
	}
	for j, v := range out {
		if v != 0 {
			out[j] = v / (c.norms[item] * c.norms[j])
		}
	}
}

// Shared names the features two items have in common, rarest first.
func (c *Content) Shared(a, b int) []string {
	var ids []int32
	for _, f := range c.features[a] {
		if _, ok := slices.BinarySearch(c.features[b], f); ok {
			ids = append(ids, f)
		}
	}
	slices.SortStableFunc(ids, func(x, y int32) int { return cmp.Compare(c.weight[y], c.weight[x]) })
	out := make([]string, len(ids))
	for i, f := range ids {
		out[i] = c.names[f]
	}
	return out
}

// ContentScorer scores an item for a user by its similarity to each of
// the user's items.
type ContentScorer struct {
	*Content
	M *Matrix
}

// Score sums the similarities to the user's items.
func (s ContentScorer) Score(user int, out []float64) {
	clear(out)
	buf := make([]float64, len(out))
	for _, j := range s.M.ByUser[user] {
		s.Similar(int(j), buf)
		axpy(1, buf, out)
	}
}
