// Package syndicate writes what a follower's apps pull, at private URLs:
// the Atom feed of their events and the ICS calendar of their shows'
// premieres. (Notifications pushed to them are in notify.)
package syndicate

import (
	"encoding/xml"
	"fmt"
	"io"
	"net/url"
	"time"

	"github.com/nextseason/nextseason/internal/store"
	"github.com/nextseason/nextseason/internal/tell"
)

// atomFeed is the part of RFC 4287 the events feed uses.
type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	ID      string      `xml:"id"`
	Title   string      `xml:"title"`
	Updated string      `xml:"updated"`
	Author  atomAuthor  `xml:"author"`
	Links   []atomLink  `xml:"link"`
	Entries []atomEntry `xml:"entry"`
}

type atomAuthor struct {
	Name string `xml:"name"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomEntry struct {
	ID       string     `xml:"id"`
	Title    string     `xml:"title"`
	Updated  string     `xml:"updated"`
	Category atomTerm   `xml:"category"`
	Links    []atomLink `xml:"link"`
	Summary  string     `xml:"summary"`
}

type atomTerm struct {
	Term string `xml:"term,attr"`
}

// Atom writes a user's events as an Atom feed, newest first. Entry ids
// are tag URIs of the event id, the same in every version of the feed,
// so a reader shows each event once. selfURL is where the feed is read
// (with its token); baseURL makes the outlook links absolute.
func Atom(w io.Writer, email string, events []store.FollowedEvent, baseURL, selfURL string, now time.Time) error {
	f := atomFeed{
		ID:      tagURI(baseURL, "user-feed/"+url.PathEscape(email)),
		Title:   "nextseason: news of the shows " + email + " follows",
		Updated: now.UTC().Format(time.RFC3339),
		Author:  atomAuthor{Name: "nextseason"},
		Links:   []atomLink{{Rel: "self", Href: selfURL}, {Rel: "alternate", Href: baseURL + "/"}},
	}
	if len(events) > 0 {
		f.Updated = events[0].HappenedAt.UTC().Format(time.RFC3339)
	}
	for _, e := range events {
		entry := atomEntry{
			ID:       tagURI(baseURL, fmt.Sprintf("event/%d", e.ID)),
			Title:    tell.Headline(e),
			Updated:  e.HappenedAt.UTC().Format(time.RFC3339),
			Category: atomTerm{Term: string(e.Kind)},
			Links:    []atomLink{{Rel: "alternate", Href: baseURL + tell.OutlookPath(e.Slug, e.Season)}},
			Summary:  tell.Detail(e),
		}
		if e.SourceURL != "" {
			entry.Links = append(entry.Links, atomLink{Rel: "related", Href: e.SourceURL})
		}
		f.Entries = append(f.Entries, entry)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	return enc.Encode(f)
}

// tagURI is an RFC 4151 tag naming something of this nextseason: the
// host of baseURL (or "nextseason.invalid" without one) and the year the
// scheme was fixed, so ids never change.
func tagURI(baseURL, specific string) string {
	return "tag:" + tell.Host(baseURL) + ",2026:" + specific
}
