package model

import "time"

// Show is a TV series in the catalog.
type Show struct {
	ID             int64
	Slug           string
	Title          string
	Aliases        []Alias
	Network        string // network or streaming platform
	Country        string // ISO 3166 code
	Language       string
	Genres         []string
	Summary        string // plain text
	Premiered      PartialDate
	Ended          PartialDate
	ProviderStatus string // TVmaze's status, verbatim: Running, Ended, To Be Determined, In Development
	// ProviderSeenAt is when the provider data was current: TVmaze's
	// "updated" time, or when it was imported.
	ProviderSeenAt time.Time
	Runtime        int // minutes
	// Image is the URL of the show's poster (https), or "".
	Image      string
	TVmazeID   int64
	IMDbID     string
	TheTVDBID  int64
	Popularity int // TVmaze weight, 0–100
	// Proposed marks a show that news named and the catalog lacked,
	// awaiting an editor.
	Proposed bool
	// DataVersion goes up with every change to what the show's answers
	// are composed from (its record, aliases, seasons, episodes,
	// credits, claims and chart weeks), as of when it was read.
	DataVersion int64
}

// ShowText is a show's descriptive fields as JSON carries them, in one
// shape wherever a show is written out or read in: the API's shows and
// the show lines of an editor's claims file.
type ShowText struct {
	Slug     string   `json:"slug"`
	Title    string   `json:"title"`
	Aliases  []string `json:"aliases"`
	Network  string   `json:"network"`
	Country  string   `json:"country"`
	Language string   `json:"language"`
	Genres   []string `json:"genres"`
	Summary  string   `json:"summary"`
}

// Text is the show's descriptive fields, with empty lists rather than
// none.
func (s Show) Text() ShowText {
	t := ShowText{Slug: s.Slug, Title: s.Title, Aliases: []string{}, Network: s.Network, Country: s.Country,
		Language: s.Language, Genres: s.Genres, Summary: s.Summary}
	if t.Genres == nil {
		t.Genres = []string{}
	}
	for _, al := range s.Aliases {
		t.Aliases = append(t.Aliases, al.Name)
	}
	return t
}

// Alias is another title a show is known by.
type Alias struct {
	Name    string
	Country string
}

// Season is one season of a show.
type Season struct {
	ShowID       int64
	Number       int
	Name         string
	EpisodeOrder int
	Premiere     PartialDate
	End          PartialDate
	TVmazeID     int64
}

// Episode is one episode of a show.
type Episode struct {
	ShowID   int64
	Season   int
	Number   int // 0 for specials without a number
	Name     string
	Airdate  PartialDate
	Runtime  int
	TVmazeID int64
}

// Person is an actor or crew member.
type Person struct {
	ID       int64
	Name     string
	TVmazeID int64
}

// Credit places a person in a show: as a character (cast) or in a job (crew).
type Credit struct {
	ShowID    int64
	Season    int // 0 for the whole show
	Person    Person
	Character string
	Role      CreditRole
	Job       string // creator, showrunner ... for crew
}
