package extract

import (
	"regexp"
	"strings"
)

// What a text says right before a span tells what the span is: a title
// ("the new series Teacup"), a person ("produced by M. Night
// Shyamalan"), what a show is based on ("based on Robert McCammon's
// novel Stinger") or a kind of thing ("a charismatic Inhuman"). These
// look at the end of the text before the span; each reads only the last
// words, since candidates asks for every word of a sentence.

// introducers end a text that introduces a title: "the new series ",
// "revival of ", "That show is ".
var introducers = []string{"series", "show", "drama", "dramedy", "comedy", "sitcom", "thriller", "docuseries",
	"adaptation of", "revival of", "show is", "series is"}

// personIntroducers end a text after which comes a person, not a show.
var personIntroducers = []string{"by", "creator", "showrunner", "star", "stars", "actor", "actress", "director", "writer",
	"producer", "host", "alum", "newcomer", "as"}

// endsWithPhrase reports whether s ends with one of phrases (in any
// case), a whole word or words, and then at least one space.
func endsWithPhrase(s string, phrases []string) bool {
	t := strings.TrimRight(s, spaces)
	if len(t) == len(s) {
		return false
	}
	for _, p := range phrases {
		if endsWithWord(t, p) {
			return true
		}
	}
	return false
}

// endsWithWord reports whether t ends with word (in any case) and no
// letter or digit stands right before it.
func endsWithWord(t, word string) bool {
	n := len(t) - len(word)
	return n >= 0 && strings.EqualFold(t[n:], word) && (n == 0 || !isWordByte(t[n-1]))
}

// spaces are what regexp's \s is.
const spaces = " \t\n\f\r"

// endsWithIndefinite reports whether s ends with "a" or "an", and maybe
// one word after it, then a space: "a ", "a charismatic ".
func endsWithIndefinite(s string) bool {
	t := strings.TrimRight(s, spaces)
	if len(t) == len(s) {
		return false
	}
	if endsWithWord(t, "a") || endsWithWord(t, "an") {
		return true
	}
	// One word of letters, digits, '_' and '-', starting with a letter.
	j := len(t)
	for j > 0 && (isWordByte(t[j-1]) || t[j-1] == '-') {
		j--
	}
	if j == len(t) || !isLetterByte(t[j]) {
		return false
	}
	before := strings.TrimRight(t[:j], spaces)
	return len(before) < j && (endsWithWord(before, "a") || endsWithWord(before, "an"))
}

func isLetterByte(b byte) bool { return 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' }

// notShowContext ends a text after which comes what a show is based on
// or where it is set, not the show: "based on a Taika Waititi film",
// "an immediate return to Gilead".
var notShowContext = regexp.MustCompile(`(?i)(\b(based on|adapted from|inspired by)\b[^,.;:()]{0,40}|\b(return|journey|trip|set) (to|in)\s+)$`)

// notShowContextWindow holds "adapted from" and 40 runes after it.
const notShowContextWindow = 200

// mentionsSource reports whether s says what something is based on,
// which basedOnBefore needs to know.
func mentionsSource(s string) bool {
	lower := strings.ToLower(s)
	return strings.Contains(lower, "based on") || strings.Contains(lower, "adapted from") || strings.Contains(lower, "inspired by")
}

// settings end a text after which comes where a show is set.
var settings = []string{"return to", "return in", "journey to", "journey in", "trip to", "trip in", "set to", "set in"}

// basedOnBefore reports whether notShowContext ends s, a part of a
// sentence that mentionsSource said of. The pattern runs only where the
// sentence says what something is based on, and then on the text's last
// notShowContextWindow bytes, cut after a space so that \b sees what it
// saw in s.
func basedOnBefore(s string, mentionsSource bool) bool {
	if !mentionsSource {
		return endsWithPhrase(s, settings)
	}
	if len(s) > notShowContextWindow {
		if k := strings.IndexByte(s[len(s)-notShowContextWindow:], ' '); k >= 0 {
			s = s[len(s)-notShowContextWindow+k+1:]
		}
	}
	return notShowContext.MatchString(s)
}
