package extract

import (
	"strings"
)

// analysed is a sentence with its words.
type analysed struct {
	sentence
	toks []token
	nets []networkSpan // the networks it names
}

// mention is a span of a sentence that may name a show: a catalog title,
// a title found from the text alone (quotes, capitals), or both.
type mention struct {
	title      string // as printed
	sent       int    // index of the sentence
	start, end int    // byte offsets in the sentence
	ti, tj     int    // the sentence's words toks[ti:tj]
	catalog    bool
	text       bool
	quoted     bool
	possessive bool
	named      bool
	network    string // the catalog's network for the title
}

// findMentions lists the mentions of one sentence: the catalog's titles
// printed as titles are (capitalised, or quoted), and the text's own
// candidates; a span both found is one mention.
func findMentions(a analysed, sent int, cat *Catalog) []mention {
	cands := candidates(a.text, a.headline, a.nets)
	var out []mention
	for _, m := range cat.matches(a.toks) {
		start, end := a.toks[m.i].start, a.toks[m.j-1].end
		quoted := false
		for _, c := range cands {
			if c.quoted && c.start <= start && end <= c.end {
				quoted = true
			}
		}
		if !quoted && !printedAsTitle(a.toks[m.i:m.j]) {
			continue
		}
		out = append(out, mention{title: a.text[start:end], sent: sent, start: start, end: end, ti: m.i, tj: m.j,
			catalog: true, quoted: quoted, network: m.show.Network})
	}
	for _, c := range cands {
		i, j := tokenSpan(a.toks, c.start, c.end)
		if i >= j {
			continue
		}
		merged := false
		for k := range out {
			if out[k].catalog && out[k].ti == i && out[k].tj == j {
				out[k].text, out[k].quoted, out[k].possessive, out[k].named = true, out[k].quoted || c.quoted, c.possessive, c.named
				merged = true
			}
		}
		if merged {
			continue
		}
		title := strings.TrimSpace(c.title)
		if title == "" {
			continue
		}
		out = append(out, mention{title: title, sent: sent, start: c.start, end: c.end, ti: i, tj: j,
			text: true, quoted: c.quoted, possessive: c.possessive, named: c.named})
	}
	return out
}

// printedAsTitle reports whether words are capitalised the way a title
// is: the first and last capitalised (or digits), and every word but the
// small ones ("of", "the", "and") too.
func printedAsTitle(toks []token) bool {
	if !toks[0].upper || !toks[len(toks)-1].upper {
		return false
	}
	for _, t := range toks {
		if !t.upper && !isConnector(t.norm) {
			return false
		}
	}
	return true
}

// tokenSpan is the words that lie within [start, end).
func tokenSpan(toks []token, start, end int) (int, int) {
	i := 0
	for i < len(toks) && toks[i].start < start {
		i++
	}
	j := i
	for j < len(toks) && toks[j].end <= end {
		j++
	}
	return i, j
}
