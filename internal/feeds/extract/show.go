package extract

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// candidate is a span of a sentence that may be a show's title.
type candidate struct {
	title      string
	start, end int
	quoted     bool
	// possessive marks an owner ("Netflix's", "Donald Glover's"), which
	// is seldom the show itself.
	possessive bool
	// named marks a title introduced as one: "the new series Teacup",
	// "That show is Three Women".
	named bool
	// topical marks the title the whole item is about.
	topical bool
}

// mayQuote reports whether quotedTitle may match s: it needs a ‘, “ or
// ", or a ' that opens a word.
func mayQuote(s string) bool {
	if strings.ContainsAny(s, "‘“\"") || strings.HasPrefix(s, "'") {
		return true
	}
	for i := 1; i < len(s); i++ {
		if s[i] == '\'' && (s[i-1] == '(' || strings.IndexByte(spaces, s[i-1]) >= 0) {
			return true
		}
	}
	return false
}

// quotedTitle finds titles in quotes: 'X', "X", ‘X’, “X”.
var quotedTitle = regexp.MustCompile(`[‘“"]([^‘’“”"]{1,80})[’”"]|(?:^|[\s(])'([^']{1,80})'(?:[\s,.:;!?)]|'s|$)`)

// headlineWords are words that headlines capitalise but titles rarely
// start or end with; a run of capitalised words is cut at them.
func isHeadlineWord(w string) bool {
	return inLower(headlineWords, strings.Trim(w, ":,;!?.'’\"“”‘()"))
}

var headlineWords = setOf("season", "seasons", "series", "renews", "renewed", "renewal", "renewals", "renew", "cancels", "canceled",
	"cancelled", "cancellation", "cancelation", "cancellations", "cancel", "announces", "announced", "sets", "set",
	"reveals", "revealed", "premiere", "premieres", "premiered", "date", "dates", "release", "released", "trailer",
	"teaser", "final", "finale", "first", "look", "new", "officially", "official", "returning", "return", "returns",
	"will", "get", "gets", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
	"your", "favorite", "favourite", "fan-favorite", "show", "shows", "fans", "relax", "after", "two",
	"for", "at", "on", "by", "is", "are", "was", "who", "how", "why", "what", "when", "where",
	"best", "tv", "watch", "news", "update", "report", "exclusive", "cast", "casts", "casting", "joins", "join",
	"adds", "promotes", "promoted", "regular", "regulars", "to", "its", "their", "his", "her", "our", "star", "stars",
	"ends", "end", "coming", "shares", "photos", "or", "gives", "kills", "axes", "axed", "drama", "comedy", "thriller",
	"sci-fi", "reportedly", "breaking", "confirmed", "confirms", "here's", "everything", "know", "we", "so", "far",
	"all", "the", "more", "and", "with", "in", "of", "a", "an", "says", "say", "details", "date:", "air", "streaming",
	"stream", "netflix's", "hulu's", "episode", "episodes", "part", "volume", "chapter", "arrives", "arriving",
	"debut", "debuts", "wrap", "wraps", "filming", "production", "boss", "creator", "showrunner", "star's", "this",
	"that", "these", "those", "it", "not", "no", "yes", "year", "summer", "fall", "spring", "winter", "now", "today",
	"tonight", "back", "soon", "plus", "than", "then", "just", "still",
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
	"april", "may", "june", "july", "august", "september", "october", "november", "december", "jan", "feb", "mar",
	"apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "has", "have", "had", "if", "while", "before",
	"did", "does", "do", "finds", "multiple", "dilemma", "but", "as", "there", "here", "they", "she", "he", "you", "i",
	"also", "even", "though", "although", "because", "since", "until", "once", "however", "meanwhile", "plus,", "per",
	"via", "according", "which", "whose", "while,", "good", "great", "big", "major", "huge", "latest", "upcoming",
	"long-awaited", "highly-anticipated", "hit", "beloved", "popular", "critically", "adored", "original", "originals",
	"et", "pt", "p.m.", "a.m.", "emmy", "emmys", "award", "awards", "nominations", "oscar", "golden", "globes",
	"fandom", "wire", "buzz", "exclusive:", "watch:", "video", "photo", "photos:", "week", "weekly", "chart",
	"ratings", "nielsen", "teases", "tease", "slide", "slides", "ways", "continuing", "ending", "being", "handful", "midseason", "home", "epidemic", "spree", "train", "finished", "despite", "jumps", "makes", "takes", "brings", "baby", "road", "reasons", "guide", "recap", "review")

// connectors may stand inside a title between capitalised words.
func isConnector(w string) bool { return inLower(connectors, w) }

var connectors = setOf("of", "the", "and", "in", "a", "an", "to", "at", "&", "de", "la", "le", "for", "from", "vs.", "or", "is")

func capitalised(w string) bool {
	w = strings.TrimLeft(w, "\"“‘'(¿¡")
	r, _ := utf8.DecodeRuneInString(w)
	if unicode.IsDigit(r) {
		// "1899", "9-1-1", "3%" may be titles; "16-episode" is not.
		return !strings.ContainsFunc(w, unicode.IsLower)
	}
	return unicode.IsUpper(r)
}

// candidates lists the titles a sentence may name: quoted spans first,
// then runs of capitalised words, cut at networks and headline words. In
// a headline every word is capitalised, so a first word may be a title.
func candidates(s string, headline bool, nets []networkSpan) []candidate {
	var out []candidate
	var quoted [][]int
	if mayQuote(s) {
		quoted = quotedTitle.FindAllStringSubmatchIndex(s, -1)
	}
	for _, m := range quoted {
		for g := 2; g+1 < len(m); g += 2 {
			if m[g] >= 0 {
				t := strings.TrimSpace(strings.TrimRight(s[m[g]:m[g+1]], ",.:;!?"))
				if t != "" && capitalised(t) && len(strings.Fields(t)) <= 9 {
					out = append(out, candidate{title: t, start: m[g], end: m[g+1], quoted: true})
				}
			}
		}
	}
	mentionsSource := mentionsSource(s)
	inNetwork := func(pos int) bool {
		for _, n := range nets {
			if pos >= n.start && pos < n.end {
				return true
			}
		}
		return false
	}
	// Walk the words with their offsets.
	words := make([]word, 0, strings.Count(s, " ")+1)
	for i := 0; i < len(s); {
		for i < len(s) && s[i] == ' ' {
			i++
		}
		j := i
		for j < len(s) && s[j] != ' ' {
			j++
		}
		if j > i {
			words = append(words, word{s[i:j], i, j})
		}
		i = j
	}
	// introducedRun marks a run that follows "the series": a title,
	// whatever words it is made of ("What We Do in the Shadows").
	introducedRun := false
	flush := func(run []word) {
		keepHead := introducedRun
		introducedRun = false
		// Trim connectors and headline words from both ends.
		for !keepHead && len(run) > 0 && (isConnector(run[0].text) || isHeadlineWord(run[0].text)) && !(run[0].text == "The" && len(run) > 1 && !isHeadlineWord(run[1].text)) && !weekdayTitle(run[0].text, s[run[0].end:]) {
			run = run[1:]
		}
		for len(run) > 0 && (isConnector(run[len(run)-1].text) || isHeadlineWord(run[len(run)-1].text)) && !weekdayTitle(run[len(run)-1].text, s[run[len(run)-1].end:]) {
			run = run[:len(run)-1]
		}
		if len(run) == 0 {
			return
		}
		start, end := run[0].start, run[len(run)-1].end
		t, possessive := bareTitle(s[start:end])
		// "Stranger Things 4": a season number, not part of the title.
		if f := strings.Fields(t); len(f) > 1 && len(f[len(f)-1]) <= 2 && strings.Trim(f[len(f)-1], "0123456789") == "" {
			t = strings.Join(f[:len(f)-1], " ")
		}
		if t == "" || len(strings.Fields(t)) > 8 || !strings.ContainsFunc(t, unicode.IsLetter) || isOutlet(t) {
			return
		}
		// A number opening a run is a count or a date ("26 at 9"), not a title.
		if first := strings.Fields(t)[0]; (strings.Trim(first, "0123456789.,%") == "" && len(strings.Fields(t)) > 1) || isOrdinalNumber(first) {
			return
		}
		// A lone capitalised word opening a sentence is capitalised by
		// grammar, not because it is a title, unless a season follows.
		if !headline && start == 0 && len(strings.Fields(t)) == 1 && !seasonFollows(s[end:]) && !listItem(s[end:]) {
			return
		}
		if endsWithPhrase(s[:start], personIntroducers) || basedOnBefore(s[:start], mentionsSource) {
			return // "produced by M. Night Shyamalan", "based on Robert McCammon's novel Stinger"
		}
		if endsWithIndefinite(s[:start]) && !seasonFollows(s[end:]) {
			return // "a charismatic Inhuman": a kind of thing, not a title
		}
		if strings.Contains(t, " and ") && strings.HasSuffix(s[:start], "the ") && madeBy.MatchString(s[end:]) {
			return // "the Billy Eichner and Julie Klausner comedy": its makers
		}
		if i := strings.LastIndex(s[start:end], " and "); possessive && i > 0 {
			// "The Horror of Dolores Roach and Harlan Coben's Shelter": a
			// title, then the owner of the next one.
			first, _ := bareTitle(s[start : start+i])
			out = append(out, candidate{title: first, start: start, end: start + i, named: endsWithPhrase(s[:start], introducers)})
			start += i + len(" and ")
			t, _ = bareTitle(s[start:end])
		}
		out = append(out, candidate{title: t, start: start, end: end, possessive: possessive, named: endsWithPhrase(s[:start], introducers)})
	}
	var run []word
	inParen := false
	for _, w := range words {
		bare := strings.Trim(w.text, "\"“”‘’'(),.:;!?")
		contraction := strings.Contains(bare, "’t") || strings.Contains(bare, "'t") || strings.EqualFold(bare, "n’") || strings.EqualFold(bare, "n'")
		if strings.HasPrefix(w.text, "(") {
			// A parenthesis holds an aside ("The 100 (CW, …)", "Jessie
			// (Jessie Anderson)"): no title starts or goes on inside it.
			flush(run)
			run = nil
			inParen = true
		}
		if inParen {
			inParen = !strings.Contains(w.text, ")")
			continue
		}
		// After "the series", "the drama", a title follows, whatever its
		// first word: "the mockumentary series What We Do in the Shadows".
		afterIntroducer := len(run) == 0 && capitalised(bare) && !isConnector(bare) && !seasonFollows(bare) && endsWithPhrase(s[:w.start], introducers)
		breaks := contraction || isTimeZone(bare) || inNetwork(w.start) || bare == "" || strings.ContainsAny(w.text, "“”\"") ||
			(!capitalised(bare) && !isConnector(bare)) ||
			(isHeadlineWord(bare) && !afterIntroducer && !(introducedRun && !headline) && !(strings.EqualFold(bare, "the") && len(run) == 0) && !weekdayTitle(bare, s[w.end:])) && !isConnector(bare)
		if breaks {
			flush(run)
			run = nil
			continue
		}
		run = append(run, w)
		introducedRun = introducedRun || afterIntroducer
		// A colon may stand inside a title ("Fate: The Winx Saga"); the
		// run goes on only if a capitalised word that is not a headline
		// word follows.
		if n := next(words, w); strings.HasSuffix(w.text, ":") && n != "" && capitalised(n) && (!isHeadlineWord(n) || n == "The" || n == "A") {
			continue
		}
		if _, owner := trimPossessive(w.text); owner || strings.HasSuffix(w.text, ")") || strings.HasSuffix(w.text, "-") || strings.HasSuffix(w.text, ",") || strings.HasSuffix(w.text, ":") || strings.HasSuffix(w.text, ";") ||
			(strings.HasSuffix(w.text, ".") && !isAbbreviation(w.text)) {
			flush(run)
			run = nil
		}
	}
	flush(run)
	// An owner right before a title ("Donald Glover's Atlanta") is not
	// itself a candidate.
	return slices.DeleteFunc(out, func(c candidate) bool {
		if !c.possessive || c.quoted {
			return false
		}
		rest := strings.TrimLeft(s[c.end:], "’'s ")
		return slices.ContainsFunc(out, func(d candidate) bool { return d.start == len(s)-len(rest) })
	})
}

// isOutlet reports whether a name is a news outlet, which articles cite
// ("per Deadline", "EW has learned") and which is never the show.
func isOutlet(name string) bool {
	switch strings.ToLower(strings.TrimPrefix(name, "The ")) {
	case "deadline", "variety", "hollywood reporter", "the hollywood reporter", "thr", "ew", "entertainment weekly", "tvline",
		"indiewire", "vulture", "collider", "e! news", "people", "screen rant", "cbr", "comicbook.com", "what's on netflix",
		"tv guide", "the wrap", "thewrap", "deadline hollywood", "variety's", "tvline's", "gold derby", "den of geek", "radio times",
		"digital spy", "the guardian", "the new york times", "usa today", "ign", "polygon", "rotten tomatoes", "imdb", "nielsen":
		return true
	}
	return false
}

// madeBy follows the names of a show's makers: "the Billy Eichner and
// Julie Klausner streaming comedy".
var madeBy = regexp.MustCompile(`^\s+([a-z-]+\s+)?(comedy|drama|dramedy|series|show|thriller|sitcom|docuseries|mockumentary)\b`)

// isTimeZone reports whether a word is "ET", "ET/PT": when, not what.
func isTimeZone(w string) bool {
	switch w {
	case "ET", "PT", "CT", "MT", "GMT", "BST", "ET/PT", "PT/ET":
		return true
	}
	return false
}

// isOrdinalNumber reports whether w is "15th", "2nd": a count, not a
// title.
func isOrdinalNumber(w string) bool {
	digits := strings.TrimLeft(w, "0123456789")
	if len(digits) == len(w) {
		return false
	}
	switch digits {
	case "st", "nd", "rd", "th":
		return true
	}
	return false
}

// word is a word of a sentence with its offsets.
type word struct {
	text       string
	start, end int
}

// next is the word after w, bare of punctuation, or "".
func next(words []word, w word) string {
	for i, x := range words {
		if x.start == w.start && i+1 < len(words) {
			return strings.Trim(words[i+1].text, "\"“”‘’'(),.:;!?")
		}
	}
	return ""
}

// listItem reports whether text goes on the way a list's entry does
// after its title: "Servant (Canceled): …", "American Crime- It's …".
func listItem(text string) bool {
	t := strings.TrimLeft(text, " ")
	return strings.HasPrefix(t, "(") || strings.HasPrefix(t, "-") || strings.HasPrefix(t, "–") || strings.HasPrefix(t, ":")
}

// seasonFollows reports whether text goes on with a season: " Season 2",
// " season", "'s second season".
func seasonFollows(text string) bool {
	t := strings.TrimLeft(text, " ")
	t = strings.TrimPrefix(strings.TrimPrefix(t, "’s"), "'s")
	t = strings.TrimLeft(t, " :")
	t = strings.ToLower(t[:min(len(t), 30)])
	return strings.HasPrefix(t, "season") || strings.Contains(t, "season") && ordinalSeason.MatchString(t) && strings.Index(t, "season") < 25
}

// weekdayTitle reports whether a weekday opens a title rather than a date:
// "Wednesday season 3", "Saturday Night Live".
func weekdayTitle(w, rest string) bool {
	switch w {
	case "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday":
	default:
		return false
	}
	if seasonFollows(rest) {
		return true
	}
	f := strings.Fields(rest)
	return len(f) > 0 && capitalised(f[0]) && !isHeadlineWord(f[0]) && !strings.ContainsAny(f[0][:1], "0123456789")
}

// bareTitle strips a span of quotes and punctuation and of a possessive
// "'s", which it reports.
func bareTitle(span string) (title string, possessive bool) {
	return trimPossessive(strings.Trim(span, "\"“”‘’'(),.:;!?-–"))
}

// trimPossessive strips a trailing "'s", however its apostrophe is typed,
// and reports whether there was one.
func trimPossessive(s string) (string, bool) {
	for _, suffix := range []string{"’s", "'s", "‘s"} {
		if t, ok := strings.CutSuffix(s, suffix); ok {
			return t, true
		}
	}
	return s, false
}
