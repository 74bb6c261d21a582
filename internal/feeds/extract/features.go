package extract

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
)

// doc is an item read for extraction: its sentences and words, the
// language they are in, and the shows it may name.
type doc struct {
	item  Item
	sents []analysed
	lang  string
	cues  [][]cue    // per sentence
	quals [][]string // per sentence
	nets  []networkSpan
	shows []*showCand
	about *showCand // the topic, once the shows are found
	// network is the network the item names first, once asked for.
	network *string
	names   map[[4]string]string // feature names, made once per item
}

// showCand is a title an item may name, with every mention of it and
// the features the model weighs to decide what the item says of it.
type showCand struct {
	key      string // normal form without a leading article
	title    string // as printed
	mentions []mention
	feats    []string
}

// readDoc splits an item into sentences and words and finds the shows it
// may name.
func readDoc(it Item, cat *Catalog) *doc {
	text := it.Text
	if len(text) > MaxTextSize {
		text = text[:MaxTextSize]
	}
	d := &doc{item: it}
	for _, s := range sentences(it.Headline, text) {
		d.sents = append(d.sents, analysed{sentence: s, toks: tokenize(s.text), nets: findNetworks(s.text)})
	}
	d.lang = language(d.sents)
	if d.lang == "" {
		return d
	}
	for _, a := range d.sents {
		d.nets = append(d.nets, a.nets...)
		d.cues = append(d.cues, findCues(a.toks))
	}
	byKey := map[string]*showCand{}
	for i, a := range d.sents {
		for _, m := range findMentions(a, i, cat) {
			key := strings.TrimPrefix(normKey(m.title), "the ")
			if key == "" {
				continue
			}
			sc := byKey[key]
			if sc == nil {
				sc = &showCand{key: key, title: m.title}
				byKey[key] = sc
				d.shows = append(d.shows, sc)
			}
			if len(m.title) > len(sc.title) && strings.HasSuffix(m.title, sc.title) {
				sc.title = m.title // "The Morning Show" over "Morning Show"
			}
			sc.mentions = append(sc.mentions, m)
		}
	}
	if len(d.shows) == 0 {
		return d // nothing to weigh
	}
	d.quals = make([][]string, len(d.sents))
	for i, a := range d.sents {
		d.quals[i] = qualifiers(a)
	}
	d.about = d.topic()
	for _, sc := range d.shows {
		sc.feats = d.features(sc, cat)
	}
	return d
}

// topic is the show the item is about: the first one its headline
// names, else the one named most.
func (d *doc) topic() *showCand {
	var best *showCand
	for _, sc := range d.shows {
		if sc.mentions[0].sent == 0 && d.sents[0].headline {
			return sc
		}
		if best == nil || len(sc.mentions) > len(best.mentions) {
			best = sc
		}
	}
	return best
}

// features describes one show of an item: how it is printed and where,
// what the catalog says of it, the words around its mentions, in their
// clauses and sentences, and cues (negation, questions, speculation,
// dates, seasons, people). The words are the model's to weigh; none is
// a rule.
func (d *doc) features(sc *showCand, cat *Catalog) []string {
	f := make([]string, 0, 64)
	add := func(s string) { f = append(f, s) }
	add("lang:" + d.lang)
	src := map[bool]string{true: "cat", false: "nocat"}
	anyCat, anyText := false, false
	for _, m := range sc.mentions {
		anyCat = anyCat || m.catalog
		anyText = anyText || m.text
	}
	switch {
	case anyCat && anyText:
		add("src:both")
	case anyCat:
		add("src:cat")
	default:
		add("src:text")
	}
	words := countWords(sc.title)
	add("len:" + strconv.Itoa(min(words, 4)))
	if words == 1 {
		add("len1:" + src[anyCat])
		if len(sc.key) <= 3 {
			add("short")
		}
		if strings.Trim(sc.key, "0123456789") == "" {
			add("number")
		}
	}
	add("n:" + strconv.Itoa(min(len(sc.mentions), 3)))
	if strings.Contains(" "+sc.key+" ", " and ") {
		add("and")
	}
	if cat.isPerson(sc.title) || words >= 2 && words <= 3 && !anyCat && personName.FindString(sc.title) == sc.title {
		add("personlike")
	}
	if nets := findNetworks(sc.title); len(nets) == 1 && nets[0].end-nets[0].start >= len(sc.title)-1 {
		add("network")
	}
	if isOutlet(sc.title) {
		add("outlet")
	}
	for _, m := range sc.mentions {
		a := d.sents[m.sent]
		where := "b"
		switch {
		case a.headline:
			where = "h"
		case m.sent == 1 || (m.sent == 0 && !a.headline):
			where = "f"
		}
		add("at:" + where)
		for _, flag := range []struct {
			on   bool
			name string
		}{{m.quoted, "quoted"}, {m.possessive, "poss"}, {m.named, "named"}, {m.start == 0 && !a.headline, "sentstart"}} {
			if flag.on {
				add(flag.name)
				add(flag.name + ":" + src[m.catalog])
			}
		}
		if m.network != "" {
			agree := false
			for _, n := range d.nets {
				if strings.EqualFold(n.name, m.network) || strings.Contains(strings.ToLower(m.network), strings.ToLower(n.name)) {
					agree = true
				}
			}
			if agree {
				add("netagree")
			}
		}
		rest := a.text[m.end:]
		if seasonFollows(rest) || seasonWord(rest) {
			add("seasonafter")
		}
		// The words right around the mention.
		for k := 1; k <= 2; k++ {
			if i := m.ti - k; i >= 0 {
				add("l" + strconv.Itoa(k) + ":" + a.toks[i].norm)
			} else if k == 1 {
				add("l1:^")
			}
			if j := m.tj - 1 + k; j < len(a.toks) {
				add("r" + strconv.Itoa(k) + ":" + a.toks[j].norm)
			} else if k == 1 {
				add("r1:$")
			}
		}
		// The cues of each kind: near the mention, in its clause, in its
		// sentence, with the sentence's negation, question or speculation.
		ctx := d.sentenceFeatures(m.sent, "s", add)
		cs, ce := clause(a.text, m.start, m.end)
		nearest, nearestDist := -1, 1<<30
		left, leftDist, right, rightDist := -1, 1<<30, -1, 1<<30
		for _, c := range d.cues[m.sent] {
			kind := Kinds[c.kind]
			dist, dir := c.i-m.tj, "after"
			if c.j <= m.ti {
				dist, dir = m.ti-c.j, "before"
			} else if c.i < m.tj {
				continue // inside the title
			}
			add(d.name("sent:", kind, "", ""))
			add(d.name(where, ":sent:", kind, ""))
			for _, x := range ctx {
				add(d.name("sent:", kind, "&", x))
			}
			if a.toks[c.i].start >= cs && a.toks[c.j-1].end <= ce {
				add(d.name("clause:", kind, "", ""))
				if dir == "before" && dist < leftDist {
					left, leftDist = c.kind, dist
				}
				if dir == "after" && dist < rightDist {
					right, rightDist = c.kind, dist
				}
			}
			if dist <= 4 {
				add(d.name("near:", kind, "", ""))
				add(d.name("near:", kind, ":", dir))
				for _, x := range ctx {
					add(d.name("near:", kind, "&", x))
				}
			}
			if dist < nearestDist {
				nearest, nearestDist = c.kind, dist
			}
		}
		if nearest >= 0 {
			add(d.name("nearest:", Kinds[nearest], "", ""))
		}
		// The cue that governs the mention in its clause: the closest
		// before it, and the closest after it.
		if left >= 0 {
			add(d.name("lclause:", Kinds[left], "", ""))
		}
		if right >= 0 {
			add(d.name("rclause:", Kinds[right], "", ""))
		}
		if others := d.othersIn(m, sc); others > 0 {
			add("others")
			if listedWith(a.text, m, d.shows, sc) {
				add("list")
			}
		}
	}
	// The headline's cues, whoever they are about; and for the topic, the
	// cues of sentences that name no show ("the series", "it").
	for _, c := range d.cues[0] {
		if d.sents[0].headline {
			add(d.name("head:", Kinds[c.kind], "", ""))
		}
	}
	if sc == d.about {
		add("topic")
		for i := range d.sents {
			if d.named(i) {
				continue
			}
			ctx := d.sentenceFeatures(i, "t", add)
			for _, c := range d.cues[i] {
				add(d.name("t:", Kinds[c.kind], "", ""))
				for _, x := range ctx {
					add(d.name("t:", Kinds[c.kind], "&", x))
				}
			}
		}
	}
	slices.Sort(f)
	return slices.Clip(slices.Compact(f))
}

// name is the feature a+b+c+e, the same string each time it is asked for:
// one item asks for the same few names for every mention of every show.
func (d *doc) name(a, b, c, e string) string {
	k := [4]string{a, b, c, e}
	if n, ok := d.names[k]; ok {
		return n
	}
	if d.names == nil {
		d.names = map[[4]string]string{}
	}
	n := a + b + c + e
	d.names[k] = n
	return n
}

// sentenceFeatures adds a sentence's qualifiers (see qualifiers), with a
// prefix for how it relates to the show, and returns them.
func (d *doc) sentenceFeatures(i int, prefix string, add func(string)) []string {
	for _, q := range d.quals[i] {
		add(prefix + "cue:" + q)
	}
	return d.quals[i]
}

// qualifiers are what qualifies a sentence's claims: negation, a
// question, speculation, a date (and its precision), a season, the past
// tense, a person.
func qualifiers(a analysed) []string {
	var out []string
	cue := func(on bool, name string) {
		if on {
			out = append(out, name)
		}
	}
	lower := strings.ToLower(a.text)
	cue(strings.Contains(a.text, "?"), "question")
	cue(strings.Contains(lower, "n't") || strings.Contains(lower, "n’t") || slices.ContainsFunc(a.toks, func(t token) bool { return negation[t.norm] }), "neg")
	cue(slices.ContainsFunc(a.toks, func(t token) bool { return speculation[t.norm] }), "spec")
	date, prec := findDate(a.text, "")
	cue(date != "", "date")
	cue(date != "", "date:"+prec)
	cue(strings.Contains(lower, "season") && (seasonNumber.MatchString(a.text) || ordinalSeason.MatchString(a.text)), "season")
	cue(mentionsPast(lower) && pastTense.MatchString(a.text), "past")
	cue(namesPerson(a.text), "person")
	return out
}

// othersIn counts the other shows mentioned in m's sentence.
func (d *doc) othersIn(m mention, sc *showCand) int {
	n := 0
	for _, o := range d.shows {
		if o == sc {
			continue
		}
		for _, om := range o.mentions {
			if om.sent == m.sent && (om.end <= m.start || om.start >= m.end) {
				n++
			}
		}
	}
	return n
}

// named reports whether sentence i mentions any show.
func (d *doc) named(i int) bool {
	for _, sc := range d.shows {
		for _, m := range sc.mentions {
			if m.sent == i {
				return true
			}
		}
	}
	return false
}

// listedWith reports whether m stands in a list of titles: another
// mention right before or after it, across only a comma, "and" or "&".
func listedWith(s string, m mention, shows []*showCand, self *showCand) bool {
	for _, o := range shows {
		if o == self {
			continue
		}
		for _, om := range o.mentions {
			if om.sent != m.sent {
				continue
			}
			var gap string
			switch {
			case om.end <= m.start:
				gap = s[om.end:m.start]
			case om.start >= m.end:
				gap = s[m.end:om.start]
			default:
				continue
			}
			gap = strings.TrimSpace(strings.Trim(strings.TrimSpace(gap), "\"“”‘’'"))
			switch gap {
			case ",", "and", ", and", "&", "y", "e", "und", "et", "ou", "o":
				return true
			}
		}
	}
	return false
}

// clause is the part of s around [start, end) that no ; : — – | or
// bullet divides.
func clause(s string, start, end int) (int, int) {
	cs := 0
	for i := start - 1; i >= 0; i-- {
		if isClauseStop(s, i) {
			cs = i + 1
			break
		}
	}
	ce := len(s)
	for i := end; i < len(s); i++ {
		if isClauseStop(s, i) {
			ce = i
			break
		}
	}
	return cs, ce
}

// isClauseStop reports whether a clause stop (; : | — – •) starts at
// s[i].
func isClauseStop(s string, i int) bool {
	switch s[i] {
	case ';', ':', '|':
		return true
	case 0xE2: // — – •, three bytes each
		return i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0x94 || s[i+2] == 0x93 || s[i+2] == 0xA2)
	}
	return false
}

// seasonWord reports whether text goes on with a season word in one of
// the languages read: "temporada", "stagione", "Staffel", "saison".
func seasonWord(text string) bool {
	first := strings.TrimLeftFunc(text, unicode.IsSpace)
	if i := strings.IndexFunc(first, unicode.IsSpace); i >= 0 {
		first = first[:i]
	}
	switch strings.Trim(strings.ToLower(first), ":,.;!?\"“”'’") {
	case "temporada", "temporadas", "stagione", "staffel", "saison", "season", "seasons":
		return true
	}
	return false
}

var negation = map[string]bool{"not": true, "no": true, "never": true, "nor": true, "nao": true, "nicht": true, "kein": true, "keine": true, "pas": true, "non": true, "ni": true}

var speculation = map[string]bool{
	"could": true, "may": true, "might": true, "would": true, "if": true, "whether": true, "hope": true, "hopes": true,
	"hoping": true, "rumor": true, "rumored": true, "rumour": true, "rumoured": true, "possible": true, "possibly": true,
	"likely": true, "unlikely": true, "predict": true, "predictions": true, "prediction": true, "chance": true, "chances": true,
	"odds": true, "bubble": true, "fate": true, "future": true, "when": true, "will": true, "wants": true, "want": true,
}
