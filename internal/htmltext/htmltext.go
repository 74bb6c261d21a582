// Package htmltext turns the HTML snippets that APIs and feeds send
// (TVmaze summaries, RSS descriptions) into plain text.
package htmltext

import (
	"html"
	"strings"
)

// Plain drops tags, decodes entities and collapses white space, keeping
// words that tags separated apart: "<p>One</p><p>Two</p>" is "One Two".
func Plain(h string) string {
	var b strings.Builder
	inTag := false
	for i, r := range h {
		switch {
		case r == '<' && !inTag && startsTag(h[i+1:]):
			inTag = true
			b.WriteByte(' ')
		case r == '>' && inTag:
			inTag = false
		case !inTag:
			b.WriteRune(r)
		}
	}
	text := html.UnescapeString(b.String())
	// Escaped markup ("&lt;img ...&gt;", as E! Online sends) is markup too.
	if strings.Contains(text, "<") && strings.Contains(text, ">") && text != h {
		return Plain(text)
	}
	return strings.Join(strings.Fields(strings.ReplaceAll(text, "\u00a0", " ")), " ")
}

// startsTag reports whether what follows a "<" opens a tag, a closing tag
// or a comment, rather than being a less-than sign.
func startsTag(rest string) bool {
	if rest == "" {
		return false
	}
	c := rest[0]
	return c == '/' || c == '!' || c == '?' || (c|0x20 >= 'a' && c|0x20 <= 'z')
}
