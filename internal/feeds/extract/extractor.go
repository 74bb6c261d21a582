package extract

import (
	"slices"
	"strings"

	"github.com/nextseason/nextseason/internal/match"
)

// MaxTextSize bounds the text an extractor reads; an article longer than
// this is cut.
const MaxTextSize = 256 << 10

// Extractor finds claims in news: the shows an item names (from the
// catalog, else from the text), and for each, which claims the model
// gives a probability of at least its threshold. It is safe for
// concurrent use.
type Extractor struct {
	catalog *Catalog
	model   *Model
}

// New returns an extractor over a catalog (nil: titles only from the
// text) with a model (see DefaultModel).
func New(cat *Catalog, m *Model) *Extractor { return &Extractor{catalog: cat, model: m} }

// Model is the extractor's model.
func (x *Extractor) Model() *Model { return x.model }

// Extract finds the claims an item carries. A text that names no show
// yields no claim: titles are never invented.
func (x *Extractor) Extract(it Item) []Claim { return x.ExtractAt(it, -1) }

// ExtractAt finds the claims an item carries with a probability of at
// least threshold (the model's own when negative).
func (x *Extractor) ExtractAt(it Item, threshold float64) []Claim {
	if threshold < 0 {
		threshold = x.model.Threshold
	}
	return x.claims(readDoc(it, x.catalog), threshold)
}

// scored is a show's probability for one kind.
type scored struct {
	show *showCand
	kind int
	p    float64
}

// claims decides and writes the claims of a read item, those with a
// probability of at least threshold.
func (x *Extractor) claims(d *doc, threshold float64) []Claim {
	var picked []scored
	for _, sc := range d.shows {
		for k, z := range x.model.scores(sc.feats) {
			if p := x.model.probability(z); p >= threshold {
				picked = append(picked, scored{sc, k, p})
			}
		}
	}
	// The likelier first, so that of two overlapping titles ("Pablo
	// Escobar" and "Pablo Escobar and the Medellin") or of a cancellation
	// and a final season of one show, the likelier stands.
	slices.SortStableFunc(picked, func(a, b scored) int {
		switch {
		case a.p > b.p:
			return -1
		case a.p < b.p:
			return 1
		}
		return 0
	})
	var kept []scored
	for _, s := range picked {
		if slices.ContainsFunc(kept, func(o scored) bool { return conflicts(s, o, x.model.Kinds) }) {
			continue
		}
		kept = append(kept, s)
	}
	// In the order the item names them.
	slices.SortStableFunc(kept, func(a, b scored) int {
		ma, mb := a.show.mentions[0], b.show.mentions[0]
		if ma.sent != mb.sent {
			return ma.sent - mb.sent
		}
		if ma.start != mb.start {
			return ma.start - mb.start
		}
		return a.kind - b.kind
	})
	out := make([]Claim, 0, len(kept))
	for _, s := range kept {
		out = append(out, d.claim(s.show, x.model.Kinds[s.kind], s.p, x.model.Version))
	}
	return out
}

// conflicts reports whether two decisions cannot both stand: one kind
// about overlapping titles, or a cancellation and a final season of one
// show.
func conflicts(a, b scored, kinds []string) bool {
	if a.show == b.show {
		ka, kb := kinds[a.kind], kinds[b.kind]
		return (ka == KindCanceled && kb == KindEndedFinalSeason) || (ka == KindEndedFinalSeason && kb == KindCanceled)
	}
	if a.kind != b.kind {
		return false
	}
	for _, m := range a.show.mentions {
		for _, n := range b.show.mentions {
			if m.sent == n.sent && m.start < n.end && n.start < m.end {
				return true
			}
		}
	}
	return false
}

// claim writes the claim of a kind about a show: the sentence that
// carries it, and the season, premiere date, cast, network and speaker
// the item gives.
func (d *doc) claim(sc *showCand, kind string, p float64, version string) Claim {
	c := Claim{Show: sc.title, Kind: kind, Confidence: p, Rule: version}
	// The sentences that name the show, then (for the item's topic) those
	// that name none.
	var sents []int
	for _, m := range sc.mentions {
		if !slices.Contains(sents, m.sent) {
			sents = append(sents, m.sent)
		}
	}
	if sc == d.about {
		for i := range d.sents {
			if !d.named(i) {
				sents = append(sents, i)
			}
		}
	}
	quote := sents[0]
	switch kind {
	case KindPremiereDate:
		// A year the text does not print stays unknown (XXXX), as
		// printed; feeds place it from the publication day (PlaceYear).
		// The date may stand in a sentence that names no show.
		for _, i := range append(sents, allSentences(d)...) {
			s := d.sents[i].text
			if date, prec := findDate(s, ""); date != "" && !(notPremiere.MatchString(s) && !strings.Contains(strings.ToLower(s), "premiere")) {
				c.PremiereDate, c.PremierePrecision, quote = date, prec, i
				break
			}
		}
	case KindCastAdded, KindCastReturning:
		for _, i := range sents {
			for _, person := range people(d.sents[i].text, sc.title) {
				if d.isShowTitle(person.Actor) {
					continue
				}
				if !slices.ContainsFunc(c.Cast, func(q Person) bool { return q.Actor == person.Actor }) {
					c.Cast = append(c.Cast, person)
				}
				if quote == sents[0] && d.sents[quote].headline {
					quote = i
				}
			}
		}
	}
	for _, i := range sents {
		if n := season(kind, d.sents[i].text); n != 0 {
			c.Season = n
			break
		}
	}
	if c.Season == 0 && kind != KindCanceled {
		one := []Claim{c}
		inferSeasons(one, d.item.Headline+" "+d.item.Text)
		c = one[0]
	}
	c.Quote = d.sents[quote].text
	c.Network = firstNetwork(c.Quote)
	if c.Network == "" {
		c.Network = d.firstNetwork()
	}
	if c.Network == "" {
		for _, m := range sc.mentions {
			if m.network != "" {
				c.Network = m.network
				break
			}
		}
	}
	c.Speaker = speaker(c.Quote, nil)
	return c
}

// firstNetwork is the network the item names first, found once.
func (d *doc) firstNetwork() string {
	if d.network == nil {
		n := firstNetwork(d.item.Headline + " " + d.item.Text)
		d.network = &n
	}
	return *d.network
}

// isShowTitle reports whether a name is one of the item's show
// candidates that the catalog knows.
func (d *doc) isShowTitle(name string) bool {
	key := strings.TrimPrefix(match.Normalize(name), "the ")
	for _, sc := range d.shows {
		if sc.key == key {
			for _, m := range sc.mentions {
				if m.catalog {
					return true
				}
			}
		}
	}
	return false
}

// allSentences are the indexes of every sentence of a read item.
func allSentences(d *doc) []int {
	out := make([]int, len(d.sents))
	for i := range out {
		out[i] = i
	}
	return out
}
