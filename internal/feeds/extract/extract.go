package extract

import (
	"regexp"
	"slices"
	"strings"

	"github.com/nextseason/nextseason/internal/match"
)

// MaxTextSize bounds the text Extract reads; an article longer than this
// is cut.
const MaxTextSize = 256 << 10

// Extract finds the claims an item carries. A text that names no show
// yields no claim: titles are never invented.
func Extract(it Item) []Claim {
	text := it.Text
	if len(text) > MaxTextSize {
		text = text[:MaxTextSize]
	}
	all := it.Headline + " " + text
	if !tvContext.MatchString(all) && firstNetwork(all) == "" {
		// Celebrity news and the like: nothing here is about a TV season.
		return nil
	}
	sents := sentences(it.Headline, text)
	itemNetwork := firstNetwork(all)
	var (
		out   []Claim
		topic string // the show the item is about, once one is named
		// named holds the people the item names as speakers and the
		// characters it names ("as Ingrid Yun"): none of them is a show.
		named = characters(sents)
	)
	for i, s := range sents {
		if i == 0 && s.headline && listicle.MatchString(s.text) {
			continue
		}
		if who := speaker(s.text, named); who != "" {
			named = append(named, who)
		}
		cands := candidates(s.text, s.headline)
		for _, c := range sentenceClaims(s, cands, topic, it.Published, named) {
			if c.Network == "" {
				c.Network = itemNetwork
			}
			out = add(out, c)
		}
		if topic == "" {
			// The item is about the show its first claim names, or else
			// the one its headline (or first sentence naming one) names.
			if len(out) > 0 {
				topic = out[0].Show
			} else if c, ok := bestCandidate(cands, -1, -1); ok {
				topic = c.title
			}
		}
	}
	out = settle(withArticles(out, all))
	inferSeasons(out, all)
	return out
}

// withArticles restores a title's leading "The" where the item prints it
// ("Twilight Zone Season 2 cast … The Twilight Zone is returning"),
// merging the claims that then agree.
func withArticles(claims []Claim, text string) []Claim {
	var out []Claim
	for _, c := range claims {
		if !strings.HasPrefix(c.Show, "The ") && strings.Contains(text, "The "+c.Show) {
			c.Show = "The " + c.Show
		}
		out = add(out, c)
	}
	return out
}

// sentenceClaims applies the rules to one sentence.
func sentenceClaims(s sentence, cands []candidate, topic, pub string, named []string) []Claim {
	var out []Claim
	lower := strings.ToLower(s.text)
	var undecided [][]int // where the sentence says no decision was made
	for _, r := range ruleset {
		if !r.mayMatch(lower) {
			continue
		}
		for _, loc := range r.re.FindAllStringIndex(s.text, -1) {
			claims, stop := ruleClaims(s, r, loc, cands, topic, pub, named, lower, &undecided)
			out = append(out, claims...)
			if stop {
				break
			}
		}
	}
	return out
}

// ruleClaims turns one match of a rule into claims. stop says the rest of
// the rule's matches in the sentence are moot.
func ruleClaims(s sentence, r rule, loc []int, cands []candidate, topic, pub string, named []string, lower string, undecided *[][]int) (out []Claim, stop bool) {
	switch r.kind {
	case KindAwaitingDecision:
		*undecided = append(*undecided, loc)
	case KindRenewed, KindCanceled:
		if near(*undecided, loc) || (s.headline && question.MatchString(s.text)) || strings.Contains(lower, "cancellation watch") || longAgo.MatchString(s.text) {
			return nil, false
		}
		if r.kind == KindCanceled && strings.Contains(strings.ToLower(s.text[loc[0]:loc[1]]), "renew") {
			// "will not be renewed": the renewal words that follow say the opposite.
			*undecided = append(*undecided, loc)
		}
	case KindCastReturning:
		if jobTitle.MatchString(s.text[loc[1]:min(len(s.text), loc[1]+30)]) {
			return nil, false // "will return as showrunner" is not a role
		}
	}
	c := Claim{Kind: r.kind, Rule: r.name, Quote: s.text, Network: firstNetwork(s.text)}
	var skip []Person
	switch r.kind {
	case KindPremiereDate:
		date, prec := findDate(s.text, pub)
		if date == "" || (notPremiere.MatchString(s.text) && !strings.Contains(lower, "premiere")) {
			return nil, true
		}
		if pastTense.MatchString(s.text) && !futurePassive.MatchString(s.text) && !seasonNumber.MatchString(s.text) && !ordinalSeason.MatchString(s.text) {
			// "The series, which premiered in September 2020": history,
			// unless a season is named ("Season 1 premiered on August 26").
			return nil, true
		}
		c.PremiereDate, c.PremierePrecision = date, prec
	case KindCastAdded, KindCastReturning:
		// "Aidan Turner joins Poldark": the subject before the verb is
		// the actor; "Orange Is the New Black adds Mary Steenburgen": the
		// object after it is.
		for _, p := range people(s.text, "") {
			at := strings.Index(s.text, p.Actor)
			if slices.ContainsFunc(cands, func(c candidate) bool { return c.quoted && c.start <= at && at < c.end }) ||
				(topic != "" && strings.Contains(topic, p.Actor)) {
				continue // a quoted title, or the item's show, is not a person
			}
			if r.kind == KindCastReturning || objectVerb(r.name) == (at >= loc[1]) {
				skip = append(skip, p)
			}
		}
		if len(skip) == 0 {
			return nil, false
		}
	}
	notShows := slices.Clone(skip)
	for _, n := range named {
		notShows = append(notShows, Person{Actor: n})
	}
	// "Daredevil: Born Again … it is already renewed", like "Orange Is
	// the New Black adds …", names the show before the words that fired.
	before := objectVerb(r.name) || pronounSubject.MatchString(s.text[max(0, loc[0]-40):loc[0]])
	best, ok := pickShow(cands, roleSpan(s.text, loc), notShows, topic, r.kind == KindCastAdded && !objectVerb(r.name), before)
	switch {
	case ok && !(topic != "" && !s.headline && anaphoraNearer(s.text, loc, best)):
		c.Show = best.title
	case topic != "" && !s.headline:
		// "the series", "its next season": the show the item is about.
		c.Show = topic
	default:
		return nil, false
	}
	if r.kind == KindCastAdded || r.kind == KindCastReturning {
		for _, p := range skip {
			if !strings.Contains(c.Show, p.Actor) {
				c.Cast = append(c.Cast, p)
			}
		}
		if len(c.Cast) == 0 {
			return nil, false
		}
	}
	c.Season = seasonNear(r.kind, s.text, loc)
	c.Speaker = speaker(s.text, named)
	out = append(out, c)
	// "renews Ozark, Warrior Nun, Fate: The Winx Saga": a decision
	// about a list is a decision about each.
	if r.kind != KindPremiereDate && r.kind != KindCastAdded && r.kind != KindCastReturning {
		for _, title := range listed(s.text, cands, c.Show) {
			more := c
			more.Show = title
			out = append(out, more)
		}
	}
	return out, false
}

// undecidedReach is how far from a "no decision yet" a decision word is
// taken to be part of it: "renewed or canceled" is one phrase, while "got a
// season 2 renewal …, is there room for a season 3 renewal?" holds both.
const undecidedReach = 25

// near reports whether loc overlaps or stands within undecidedReach of
// one of the spans.
func near(spans [][]int, loc []int) bool {
	for _, sp := range spans {
		if loc[0] < sp[1]+undecidedReach && sp[0] < loc[1]+undecidedReach {
			return true
		}
	}
	return false
}

// characters lists the characters an item names after an actor ("Arden
// Cho as Ingrid Yun").
func characters(sents []sentence) []string {
	var out []string
	for _, s := range sents {
		for _, p := range people(s.text, "") {
			if p.Character != "" {
				out = append(out, p.Character)
			}
		}
	}
	return out
}

// objectVerb reports whether a rule's verb takes the actor as its object
// ("adds Mary Steenburgen") rather than its subject.
func objectVerb(rule string) bool { return rule == "adds" }

// futurePassive marks "to be dropped", "will be released": ahead, not past.
var futurePassive = regexp.MustCompile(`(?i)\b(to|will|would|set to|going to) be (dropped|released|launched)\b`)

// anaphoraNearer reports whether "the series" (or the like) stands
// nearer the words that fired than the best candidate does, which then
// is not what the sentence is about.
func anaphoraNearer(s string, trigger []int, best candidate) bool {
	if best.quoted || best.named || best.topical {
		return false
	}
	dist := func(start, end int) int {
		if end <= trigger[0] {
			return trigger[0] - end
		}
		return max(start-trigger[1], 0)
	}
	for _, m := range anaphora.FindAllStringIndex(s, -1) {
		if dist(m[0], m[1]) < dist(best.start, best.end) {
			return true
		}
	}
	return false
}

// anaphora marks a sentence that names its show only as "the series",
// "the show", "its next season".
var anaphora = regexp.MustCompile(`(?i)\b((the|this) ([\w-]+ ){0,3}(series|show|drama|comedy|sitcom)|its next season|next season|the (second|third|fourth|fifth|new) season)\b`)

// jobTitle follows "return as" when what returns is a crew member.
var jobTitle = regexp.MustCompile(`(?i)^\s*(the )?(showrunner|host|executive producer|producer|director|writer|narrator|judge)`)

// listed finds the titles listed with one: the candidates before and
// after it, separated only by commas, "and" or "&".
func listed(s string, cands []candidate, one string) []string {
	i := slices.IndexFunc(cands, func(c candidate) bool { return c.title == one })
	if i < 0 {
		return nil
	}
	joined := func(a, b candidate) bool {
		if b.start < a.end {
			return false
		}
		gap := strings.TrimSpace(strings.Trim(s[a.end:b.start], "\"“”‘’'"))
		return gap == "" || gap == "," || gap == "and" || gap == ", and" || gap == "&" || ownerGap.MatchString(gap)
	}
	var out []string
	for j := i; j > 0 && joined(cands[j-1], cands[j]); j-- {
		out = append(out, cands[j-1].title)
	}
	for j := i; j+1 < len(cands) && joined(cands[j], cands[j+1]); j++ {
		out = append(out, cands[j+1].title)
	}
	return out
}

// pickShow chooses the candidate a claim is about: a quoted title first,
// else the one nearest the words that fired, leaving out people's names.
func pickShow(cands []candidate, trigger []int, people []Person, topic string, after, before bool) (candidate, bool) {
	var usable []candidate
	for _, c := range cands {
		if overlaps(c, trigger) || isPerson(c.title, people) {
			continue
		}
		if topic != "" && !c.quoted && (strings.Contains(topic, c.title) || isAcronym(c.title, topic)) {
			// A part of the title the item is about, or its initials
			// ("OITNB"), stand for all of it.
			c.title, c.topical = topic, true
		}
		usable = append(usable, c)
	}
	if before {
		// "Orange Is the New Black adds Mary Steenburgen": the show comes
		// first, or is quoted.
		usable = slices.DeleteFunc(usable, func(c candidate) bool { return !c.quoted && c.start >= trigger[0] })
	}
	if after {
		// "Aidan Turner joins Poldark", "star of Poldark": the show
		// follows the words that fired, closely, or is quoted.
		var following []candidate
		for _, c := range usable {
			if c.quoted || (c.start >= trigger[1] && c.start-trigger[1] <= maxCastGap) {
				following = append(following, c)
			}
		}
		usable = following
	}
	return bestCandidate(usable, trigger[0], trigger[1])
}

// maxCastGap is how far after a casting verb the show may be named.
const maxCastGap = 60

// tvContext marks text about television.
var tvContext = regexp.MustCompile(`(?i)\b(seasons?|series|shows?|episodes?|tv|television|sitcom|drama|dramedy|comedy|renew\w*|cancel\w*|premieres?|cast|showrunner|network|streamer|streaming|finale|stagione|serie|star|role|character|anchor|host|co-host)\b`)

func overlaps(c candidate, span []int) bool { return c.start < span[1] && span[0] < c.end }

// isPerson reports whether a title is one of the people, or the first
// name of one ("Georgia" for Georgia Lee).
func isPerson(title string, people []Person) bool {
	for _, p := range people {
		for _, name := range []string{p.Actor, p.Character} {
			if name != "" && (title == name || strings.HasPrefix(name, title+" ") || strings.HasSuffix(name, " "+title) || strings.Contains(title, name)) {
				return true
			}
		}
	}
	return false
}

// bestCandidate prefers quoted titles, then the candidate nearest
// [from, to) (any, when from is negative).
func bestCandidate(cands []candidate, from, to int) (candidate, bool) {
	best, bestScore := candidate{}, -1<<30
	for _, c := range cands {
		score := 0
		if c.quoted {
			score += 1000
		}
		if c.possessive && !c.quoted {
			score -= 500
		}
		if strings.HasPrefix(c.title, "the ") {
			score -= 800
		}
		if c.named {
			score += 300
		}
		if c.topical {
			score += 200
		}
		if from >= 0 {
			d := from - c.end
			if c.start >= to {
				d = c.start - to
			}
			score -= max(d, 0)
		}
		if score > bestScore {
			best, bestScore = c, score
		}
	}
	return best, bestScore > -1<<30
}

// ownerGap joins list entries across an owner: "Breeders and Lil Dicky's
// Dave".
var ownerGap = regexp.MustCompile(`^(,|and|, and|&)\s+([A-Z][\w.]*\s){0,2}[A-Z][\w.]*[’']s$`)

// isAcronym reports whether short is the initials of title.
func isAcronym(short, title string) bool {
	if len(short) < 3 || strings.ToUpper(short) != short {
		return false
	}
	var initials strings.Builder
	for _, w := range strings.Fields(title) {
		initials.WriteString(strings.ToUpper(w[:1]))
	}
	return initials.String() == short
}

// settle drops a cancellation of a show the item also says ends with a
// final season: the final season is the more exact of the two.
func settle(claims []Claim) []Claim {
	final := map[string]bool{}
	for _, c := range claims {
		if c.Kind == KindEndedFinalSeason {
			final[match.Normalize(c.Show)] = true
		}
	}
	return slices.DeleteFunc(claims, func(c Claim) bool { return c.Kind == KindCanceled && final[match.Normalize(c.Show)] })
}

// add appends c unless a claim of the same kind about the same show is
// there already, in which case it fills what that one lacks.
func add(out []Claim, c Claim) []Claim {
	for i, o := range out {
		if o.Kind == c.Kind && match.Normalize(o.Show) == match.Normalize(c.Show) {
			if o.Season == 0 {
				out[i].Season = c.Season
			}
			if o.PremiereDate == "" || (o.PremierePrecision != "day" && c.PremierePrecision == "day") {
				out[i].PremiereDate, out[i].PremierePrecision = c.PremiereDate, c.PremierePrecision
			}
			out[i].Cast = mergeCast(o.Cast, c.Cast)
			if o.Speaker == "" && c.Speaker != "" {
				// A quote someone is named as saying is the better evidence.
				out[i].Quote, out[i].Speaker = c.Quote, c.Speaker
			}
			return out
		}
	}
	return append(out, c)
}

func mergeCast(a, b []Person) []Person {
	for _, p := range b {
		found := false
		for i, q := range a {
			if q.Actor == p.Actor {
				found = true
				if q.Character == "" {
					a[i].Character = p.Character
				}
			}
		}
		if !found {
			a = append(a, p)
		}
	}
	return a
}

// roleSpan widens the words that fired over the role they name: in "makes
// debut as Weekend Update Co-Anchor on Saturday Night Live" the role runs
// to "on", and the show comes after it.
func roleSpan(s string, loc []int) []int {
	if !strings.HasSuffix(strings.ToLower(s[loc[0]:loc[1]]), " as") {
		return loc
	}
	rest := s[loc[1]:min(len(s), loc[1]+maxCastGap)]
	if m := rolePreposition.FindStringIndex(rest); m != nil {
		return []int{loc[0], loc[1] + m[0]}
	}
	return loc
}

// rolePreposition ends a role: "as Lincoln on", "as the villain in".
var rolePreposition = regexp.MustCompile(`\s(on|in|for|at)\s`)

// pronounSubject ends a text whose subject is "it": the show was named
// before.
var pronounSubject = regexp.MustCompile(`(?i)\bit(\s+is|\s+was|\s+has been|\s+had been|\s+will be|’s|'s|\s+has|\s+got)?(\s+(already|officially|now|also|just|since|been))*\s+$`)
