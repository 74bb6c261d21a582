package extract

import (
	"iter"
	"regexp"
	"slices"
	"strings"
)

// personName is two to four capitalised words: "Arden Cho", "Scott
// Michael Foster", "Damon Wayans Jr.", "Jurnee Smollett-Bell".
var personName = mustWordPattern(`\b[A-Z][a-zà-ÿ'’]+(?:-[A-Z][a-zà-ÿ]+)?(?: (?:[A-Z]\.|[A-Z][a-zà-ÿ'’]+(?:-[A-Z][a-zà-ÿ]+)?|de|van|von|Jr\.?)){1,3}\b`)

// asCharacter follows an actor: "as Ingrid Yun", "(Jake Ballard)", "to
// return as Ingrid Yun", ", who plays Maggie".
var asCharacter = regexp.MustCompile(`^(?:,? who (?:plays|played|will play)|,? to play| (?:to |will )?(?:return|come back|star)? ?as| playing|,? reprising (?:her|his|their) role as| \()\s*(?:the )?([A-Z][\w'’.-]*(?: (?:[A-Z][\w'’.-]*|of|the))*)`)

// people finds actors named in a sentence, with their characters where
// the sentence gives them, leaving out the show's title and networks.
func people(s, show string) []Person { return slices.Collect(persons(s, show)) }

// namesPerson reports whether a sentence names an actor.
func namesPerson(s string) bool {
	for range persons(s, "") {
		return true
	}
	return false
}

// persons yields the actors people finds, one by one.
func persons(s, show string) iter.Seq[Person] {
	return func(yield func(Person) bool) {
		var seen map[string]bool // made for a second name
		for _, m := range personName.FindAllStringIndex(s) {
			name, _ := trimPossessive(s[m[0]:m[1]])
			// "Lauren Cohan Promoted …": a headline capitalises the verb too.
			words := strings.Fields(name)
			for len(words) > 0 && isHeadlineWord(words[len(words)-1]) {
				words = words[:len(words)-1]
			}
			if len(words) > 0 && weekdayTitle(words[0], s[m[0]+len(words[0]):]) {
				continue // "Sunday Night Live" is a title
			}
			for len(words) > 0 && isHeadlineWord(words[0]) {
				words = words[1:]
			}
			if len(words) < 2 {
				continue
			}
			name = strings.Join(words, " ")
			m[1] = strings.Index(s[m[0]:], name) + m[0] + len(name)
			if seen[name] || strings.Contains(show, name) || firstNetwork(name) != "" || looksLikeHeadline(name) || fromShow.MatchString(s[m[1]:]) {
				continue
			}
			if seen == nil {
				seen = map[string]bool{}
			}
			seen[name] = true
			p := Person{Actor: name}
			if c := asCharacter.FindStringSubmatch(s[m[1]:]); c != nil {
				p.Character = strings.TrimRight(c[1], ".,)")
				seen[p.Character] = true // a character is not an actor
			}
			if !yield(p) {
				return
			}
		}
	}
}

// fromShow follows a show a person is known from: "The Tomorrow People
// alum", "Mad Men star John Slattery".
var fromShow = regexp.MustCompile(`^[’']?s?\s+(alum|alumna|alumnus|alums|star|stars|veteran|actor|actress|breakout|creator|showrunner)\b`)

// looksLikeHeadline rejects capitalised runs that are headline words, not
// names: "Series Regular", "Season Premiere".
func looksLikeHeadline(name string) bool {
	for _, w := range strings.Fields(name) {
		if isHeadlineWord(w) {
			return true
		}
	}
	return false
}

// speakerSaid finds who a sentence quotes: "Georgia Lee teased", "said
// Georgia", "creator Georgia Lee".
var speakerSaid = mustWordPattern(`(?:\b(?:creator|showrunner|executive producer|star|boss|president|chief|director)\s+([A-Z][a-z]+(?: [A-Z][a-z]+){0,2})|\b([A-Z][a-z]+(?: [A-Z][a-z]+){0,2}),? (?:said|says|told|teased|replied|added|explained|revealed|confirmed)\b|\b(?:said|says|added|explained) ([A-Z][a-z]+(?: [A-Z][a-z]+){0,2}))`)

func speaker(s string, known []string) string {
	m := speakerSaid.FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	name := m[1] + m[2] + m[3]
	if looksLikeHeadline(name) || firstNetwork(name) != "" {
		return ""
	}
	// "Georgia" stands for the Georgia Lee named before.
	for _, k := range known {
		if strings.HasPrefix(k, name+" ") {
			return k
		}
	}
	return name
}
