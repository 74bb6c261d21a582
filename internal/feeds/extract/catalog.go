package extract

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strings"
)

// CatalogShow is a show the catalog knows: its title (or an alias) and
// its network.
type CatalogShow struct {
	Title   string
	Network string
}

// Catalog holds the titles, aliases and networks of known shows and the
// names of known people, so that an item's mentions are looked up in one
// pass over its words rather than guessed from capitals. A nil *Catalog
// is empty. It is read-only once built and safe for concurrent use.
type Catalog struct {
	nodes  []catalogNode
	words  map[string]uint32 // each title word's number
	edges  map[catalogEdge]int32
	shows  []CatalogShow
	people map[string]bool
	size   int
}

type catalogNode struct {
	show int32 // index in shows + 1; 0 when no title ends here
}

// catalogEdge is a node and a word's number: from, in the high half.
type catalogEdge uint64

func edge(from int32, word uint32) catalogEdge { return catalogEdge(uint64(from)<<32 | uint64(word)) }

// maxTitleWords bounds the titles the catalog matches.
const maxTitleWords = 12

// NewCatalog builds a catalog from shows and people's names. A title
// that opens with "The" is also found without it ("Morning Show" names
// The Morning Show); two shows of one title keep the first one's
// network.
func NewCatalog(shows []CatalogShow, people []string) *Catalog {
	c := &Catalog{nodes: []catalogNode{{}}, words: map[string]uint32{}, edges: make(map[catalogEdge]int32, len(shows)*3), people: map[string]bool{}}
	for _, sh := range shows {
		toks := tokenize(sh.Title)
		if len(toks) == 0 || len(toks) > maxTitleWords {
			continue
		}
		words := make([]string, len(toks))
		for i, t := range toks {
			words[i] = t.norm
		}
		if c.insert(words, sh) {
			c.size++
		}
		if len(words) > 1 && (words[0] == "the" || words[0] == "a") {
			c.insert(words[1:], sh)
		}
	}
	for _, p := range people {
		if k := normKey(p); strings.Contains(k, " ") {
			c.people[k] = true
		}
	}
	return c
}

// insert adds a title's words, reporting whether the title is new.
func (c *Catalog) insert(words []string, sh CatalogShow) bool {
	n := int32(0)
	for _, w := range words {
		id, ok := c.words[w]
		if !ok {
			id = uint32(len(c.words))
			c.words[w] = id
		}
		e := edge(n, id)
		next, ok := c.edges[e]
		if !ok {
			next = int32(len(c.nodes))
			c.nodes = append(c.nodes, catalogNode{})
			c.edges[e] = next
		}
		n = next
	}
	if c.nodes[n].show != 0 {
		return false
	}
	c.shows = append(c.shows, sh)
	c.nodes[n].show = int32(len(c.shows))
	return true
}

// Len is the number of titles the catalog holds.
func (c *Catalog) Len() int {
	if c == nil {
		return 0
	}
	return c.size
}

// isPerson reports whether the catalog knows a person of this name.
func (c *Catalog) isPerson(name string) bool {
	return c != nil && len(c.people) > 0 && c.people[normKey(name)]
}

// catalogMatch is a run of words, toks[i:j], that is a catalog title.
type catalogMatch struct {
	i, j int
	show CatalogShow
}

// matches finds the catalog titles in a sentence's words: from each word
// the longest title that starts there, then, of overlapping ones, the
// longest ("The Morning Show" over "The Morning" and "Morning Show").
func (c *Catalog) matches(toks []token) []catalogMatch {
	if c == nil || len(c.nodes) <= 1 {
		return nil
	}
	// Each word looked up once: its number, or none.
	ids := make([]int64, len(toks)) // -1: no title has the word
	for i, t := range toks {
		ids[i] = -1
		if id, ok := c.words[t.norm]; ok {
			ids[i] = int64(id)
		}
	}
	var all []catalogMatch
	for i := range toks {
		n, best := int32(0), -1
		var show int32
		for j := i; j < len(toks) && j-i < maxTitleWords && ids[j] >= 0; j++ {
			next, ok := c.edges[edge(n, uint32(ids[j]))]
			if !ok {
				break
			}
			n = next
			if s := c.nodes[n].show; s != 0 {
				best, show = j+1, s
			}
		}
		if best > 0 {
			all = append(all, catalogMatch{i: i, j: best, show: c.shows[show-1]})
		}
	}
	// Longest first; among equals, the earlier.
	slices.SortStableFunc(all, func(a, b catalogMatch) int { return (b.j - b.i) - (a.j - a.i) })
	taken := make([]bool, len(toks))
	var out []catalogMatch
	for _, m := range all {
		if slices.Contains(taken[m.i:m.j], true) {
			continue
		}
		for x := m.i; x < m.j; x++ {
			taken[x] = true
		}
		out = append(out, m)
	}
	slices.SortFunc(out, func(a, b catalogMatch) int { return a.i - b.i })
	return out
}

// ReadCatalogTSV reads a catalog in the format of titles.tsv: a header
// line, then name, network and more columns, tab-separated.
func ReadCatalogTSV(r io.Reader) (*Catalog, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	var shows []CatalogShow
	for line := 1; sc.Scan(); line++ {
		text := sc.Text()
		if line == 1 && strings.HasPrefix(text, "name\t") {
			continue
		}
		if strings.TrimSpace(text) == "" {
			continue
		}
		name, rest, _ := strings.Cut(text, "\t")
		network, _, _ := strings.Cut(rest, "\t")
		name = strings.TrimSpace(name)
		if name == "" {
			return nil, fmt.Errorf("line %d: no title", line)
		}
		shows = append(shows, CatalogShow{Title: name, Network: strings.TrimSpace(network)})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading catalog: %w", err)
	}
	return NewCatalog(shows, nil), nil
}
