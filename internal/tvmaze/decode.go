// Package tvmaze reads the TVmaze API's JSON (show objects, search
// results, show index pages, schedules and the cast, crew, seasons,
// episodes and akas of a show) and turns it into catalog records.
package tvmaze

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/nextseason/nextseason/internal/jsonerr"
)

// MaxDocumentSize bounds what Decode reads: the largest real response
// (a full schedule) is a few megabytes.
const MaxDocumentSize = 64 << 20

// Show is a TVmaze show object. Fields that older responses lack are
// pointers or may be zero.
type Show struct {
	ID             int64      `json:"id"`
	URL            string     `json:"url"`
	Name           string     `json:"name"`
	Type           string     `json:"type"`
	Language       *string    `json:"language"`
	Genres         []string   `json:"genres"`
	Status         string     `json:"status"`
	Runtime        *int       `json:"runtime"`
	AverageRuntime *int       `json:"averageRuntime"`
	Premiered      *string    `json:"premiered"`
	Ended          *string    `json:"ended"`
	Weight         int        `json:"weight"`
	Network        *Channel   `json:"network"`
	WebChannel     *Channel   `json:"webChannel"`
	Externals      *Externals `json:"externals"`
	Summary        *string    `json:"summary"`
	Updated        int64      `json:"updated"`
	Embedded       *Embedded  `json:"_embedded"`
	Image          *Image     `json:"image"`
}

// Image is a show's poster in two sizes.
type Image struct {
	Medium   string `json:"medium"`
	Original string `json:"original"`
}

// Channel is a network or a web channel.
type Channel struct {
	ID      int64    `json:"id"`
	Name    string   `json:"name"`
	Country *Country `json:"country"`
}

// Country is a TVmaze country.
type Country struct {
	Name string `json:"name"`
	Code string `json:"code"`
}

// Externals are a show's ids elsewhere.
type Externals struct {
	TheTVDB *int64  `json:"thetvdb"`
	IMDb    *string `json:"imdb"`
}

// Embedded holds what embed[]= added to a show.
type Embedded struct {
	Cast     []CastMember `json:"cast"`
	Crew     []CrewMember `json:"crew"`
	Seasons  []Season     `json:"seasons"`
	Episodes []Episode    `json:"episodes"`
	Akas     []Aka        `json:"akas"`
}

// Season is a TVmaze season.
type Season struct {
	ID           int64   `json:"id"`
	Number       int     `json:"number"`
	Name         string  `json:"name"`
	EpisodeOrder *int    `json:"episodeOrder"`
	PremiereDate *string `json:"premiereDate"`
	EndDate      *string `json:"endDate"`
}

// Episode is a TVmaze episode; in schedules it carries its show.
type Episode struct {
	ID       int64  `json:"id"`
	Name     string `json:"name"`
	Season   int    `json:"season"`
	Number   *int   `json:"number"`
	Airdate  string `json:"airdate"`
	Runtime  *int   `json:"runtime"`
	Show     *Show  `json:"show"` // schedules before 2018
	Embedded *struct {
		Show *Show `json:"show"`
	} `json:"_embedded"`
}

// Person is a TVmaze person.
type Person struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
}

// CastMember is a person as a character.
type CastMember struct {
	Person    Person `json:"person"`
	Character struct {
		Name string `json:"name"`
	} `json:"character"`
	Voice bool `json:"voice"`
}

// CrewMember is a person in a job.
type CrewMember struct {
	Type   string `json:"type"`
	Person Person `json:"person"`
}

// Aka is another title of a show.
type Aka struct {
	Name    string   `json:"name"`
	Country *Country `json:"country"`
}

// Document is what one response file held. Shows carry their embeds;
// the bare lists are for responses about one show that does not appear in
// them (/shows/{id}/cast and the like).
type Document struct {
	Shows    []Show
	Episodes []Episode
	Seasons  []Season
	Cast     []CastMember
	Crew     []CrewMember
	Akas     []Aka
}

// Decode reads one TVmaze response: a show, an array of shows, search
// results, a schedule, or a show's cast, crew, seasons, episodes or akas.
// A leading UTF-8 byte order mark is ignored.
func Decode(r io.Reader) (Document, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxDocumentSize+1))
	if err != nil {
		return Document{}, err
	}
	if len(data) > MaxDocumentSize {
		return Document{}, fmt.Errorf("response larger than %d MB", MaxDocumentSize>>20)
	}
	src := bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	data = bytes.TrimSpace(src)
	if len(data) == 0 {
		return Document{}, errors.New("empty response")
	}
	// Errors give the line and column in what was read.
	describe := func(err error) error {
		return jsonerr.At(src, int64(len(src)-len(bytes.TrimLeft(src, " \t\r\n"))), err)
	}
	var doc Document
	switch data[0] {
	case '{':
		var probe map[string]json.RawMessage
		if err := json.Unmarshal(data, &probe); err != nil {
			return Document{}, describe(err)
		}
		if _, isEpisode := probe["airdate"]; isEpisode {
			err = doc.addEpisodes(describe, data, true)
		} else {
			var s Show
			err = decodeShow(describe, data, &s)
			doc.Shows = append(doc.Shows, s)
		}
		return doc, err
	case '[':
		var items []json.RawMessage
		if err := json.Unmarshal(data, &items); err != nil {
			return Document{}, describe(err)
		}
		if len(items) == 0 {
			return doc, nil
		}
		var probe map[string]json.RawMessage
		if err := json.Unmarshal(items[0], &probe); err != nil {
			return Document{}, errors.New("item 1: want a JSON object")
		}
		return doc, doc.addArray(describe, data, probe)
	}
	return Document{}, errors.New("not a TVmaze response: want a JSON object or array")
}

// addArray reads a list by the kind of its first item; describe places
// a decoding error in the input.
func (doc *Document) addArray(describe func(error) error, data []byte, probe map[string]json.RawMessage) error {
	has := func(k string) bool { _, ok := probe[k]; return ok }
	switch {
	case has("score") && has("show"):
		var results []struct {
			Show Show `json:"show"`
		}
		if err := json.Unmarshal(data, &results); err != nil {
			return describe(err)
		}
		for i, r := range results {
			if err := checkShow(r.Show); err != nil {
				return fmt.Errorf("result %d: %w", i+1, err)
			}
			doc.Shows = append(doc.Shows, r.Show)
		}
		return nil
	case has("person") && has("character"):
		return describe(json.Unmarshal(data, &doc.Cast))
	case has("person") && has("type"):
		return describe(json.Unmarshal(data, &doc.Crew))
	case has("episodeOrder") || has("premiereDate"):
		return describe(json.Unmarshal(data, &doc.Seasons))
	case has("airdate"):
		return doc.addEpisodes(describe, data, false)
	case has("genres") || has("status") || has("premiered"):
		// The whole list at once, so a decoding error is placed in it.
		var shows []Show
		if err := json.Unmarshal(data, &shows); err != nil {
			return describe(err)
		}
		for i, s := range shows {
			if err := checkShow(s); err != nil {
				return fmt.Errorf("show %d: %w", i+1, err)
			}
		}
		doc.Shows = append(doc.Shows, shows...)
		return nil
	case has("name") && has("country") && len(probe) == 2:
		return describe(json.Unmarshal(data, &doc.Akas))
	}
	return errors.New("not a TVmaze response: unrecognised array items")
}

// addEpisodes reads one episode or a list. Episodes that carry their show
// (schedules) add the show too, once.
func (doc *Document) addEpisodes(describe func(error) error, data []byte, single bool) error {
	var eps []Episode
	if single {
		var e Episode
		if err := json.Unmarshal(data, &e); err != nil {
			return describe(err)
		}
		eps = []Episode{e}
	} else if err := json.Unmarshal(data, &eps); err != nil {
		return describe(err)
	}
	seen := map[int64]bool{}
	for _, e := range eps {
		show := e.Show
		if e.Embedded != nil && e.Embedded.Show != nil {
			show = e.Embedded.Show
		}
		if show == nil {
			doc.Episodes = append(doc.Episodes, e)
			continue
		}
		if err := checkShow(*show); err != nil {
			return fmt.Errorf("episode %d: %w", e.ID, err)
		}
		if !seen[show.ID] {
			seen[show.ID] = true
			doc.Shows = append(doc.Shows, *show)
		}
		// Attach the episode to its show, so it is saved with it.
		for i := range doc.Shows {
			if doc.Shows[i].ID == show.ID {
				if doc.Shows[i].Embedded == nil {
					doc.Shows[i].Embedded = &Embedded{}
				}
				e.Show, e.Embedded = nil, nil
				doc.Shows[i].Embedded.Episodes = append(doc.Shows[i].Embedded.Episodes, e)
			}
		}
	}
	return nil
}

func decodeShow(describe func(error) error, data []byte, s *Show) error {
	if err := json.Unmarshal(data, s); err != nil {
		return describe(err)
	}
	return checkShow(*s)
}

func checkShow(s Show) error {
	if s.ID <= 0 {
		return errors.New("show without an id")
	}
	if s.Name == "" {
		return fmt.Errorf("show %d has no name", s.ID)
	}
	return nil
}
