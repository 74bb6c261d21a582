// Package feeds reads news feeds (RSS, Atom and JSON Feed, through
// gofeed), fetches them politely and safely, and turns their items into
// entries ready for claim extraction.
package feeds

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/mmcdole/gofeed"

	"github.com/nextseason/nextseason/internal/htmltext"
)

// MaxFeedSize is the default cap on a feed's size.
const MaxFeedSize = 10 << 20

// Feed is a parsed feed.
type Feed struct {
	Title   string
	Entries []Entry
}

// Entry is one item of a feed, normalised: plain-text title and summary,
// a GUID (the link when the feed gives none) and a content hash.
type Entry struct {
	GUID      string
	Link      string
	Title     string
	Summary   string
	Published time.Time // zero when the feed gives no date
	Hash      string    // of title and summary, for feeds whose GUIDs change
}

// Parse reads a feed of at most limit bytes.
func Parse(r io.Reader, limit int64) (Feed, error) {
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return Feed{}, err
	}
	if int64(len(data)) > limit {
		return Feed{}, fmt.Errorf("feed larger than %d MB", limit>>20)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return Feed{}, errors.New("empty feed")
	}
	f, err := gofeed.NewParser().Parse(bytes.NewReader(data))
	if err != nil {
		return Feed{}, fmt.Errorf("not a feed gofeed can read (RSS, Atom or JSON Feed): %w", err)
	}
	out := Feed{Title: storable(clean(f.Title))}
	for _, it := range f.Items {
		if it == nil {
			continue
		}
		e := Entry{
			GUID:    storable(strings.TrimSpace(it.GUID)),
			Link:    storable(strings.TrimSpace(it.Link)),
			Title:   clean(it.Title),
			Summary: clean(it.Description),
		}
		if e.Summary == "" {
			e.Summary = clean(it.Content)
		}
		switch {
		case it.PublishedParsed != nil:
			e.Published = it.PublishedParsed.UTC()
		case it.UpdatedParsed != nil:
			e.Published = it.UpdatedParsed.UTC()
		}
		if e.GUID == "" {
			e.GUID = e.Link
		}
		sum := sha256.Sum256([]byte(e.Title + "\x00" + e.Summary))
		e.Hash = hex.EncodeToString(sum[:16])
		if e.Title == "" && e.Summary == "" {
			continue
		}
		out.Entries = append(out.Entries, e)
	}
	return out, nil
}

// clean makes feed text plain and storable, and bounds it (at a
// character's boundary).
func clean(s string) string {
	s = storable(htmltext.Plain(s))
	const limit = 8 << 10
	if len(s) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut]
	}
	return s
}

// storable is text both databases store alike: valid UTF-8 (invalid
// bytes become U+FFFD) without NUL, which PostgreSQL refuses in text and
// SQLite would keep.
func storable(s string) string {
	return strings.ReplaceAll(strings.ToValidUTF8(s, "\uFFFD"), "\x00", "")
}
