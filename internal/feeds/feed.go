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
	out := Feed{Title: clean(f.Title)}
	for _, it := range f.Items {
		if it == nil {
			continue
		}
		e := Entry{
			GUID:    strings.TrimSpace(it.GUID),
			Link:    strings.TrimSpace(it.Link),
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

// clean makes feed text plain, and bounds it.
func clean(s string) string {
	s = htmltext.Plain(s)
	if len(s) > 8<<10 {
		s = s[:8<<10]
	}
	return s
}
