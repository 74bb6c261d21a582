package tvmazetest

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
)

// genShow has the fields of a 2023 TVmaze show object, in its order.
type genShow struct {
	ID             int64          `json:"id"`
	URL            string         `json:"url"`
	Name           string         `json:"name"`
	Type           string         `json:"type"`
	Language       string         `json:"language"`
	Genres         []string       `json:"genres"`
	Status         string         `json:"status"`
	Runtime        int            `json:"runtime"`
	AverageRuntime int            `json:"averageRuntime"`
	Premiered      string         `json:"premiered"`
	Ended          *string        `json:"ended"`
	OfficialSite   *string        `json:"officialSite"`
	Schedule       map[string]any `json:"schedule"`
	Rating         map[string]any `json:"rating"`
	Weight         int            `json:"weight"`
	Network        *genChannel    `json:"network"`
	WebChannel     *genChannel    `json:"webChannel"`
	DVDCountry     *string        `json:"dvdCountry"`
	Externals      map[string]any `json:"externals"`
	Image          *string        `json:"image"`
	Summary        string         `json:"summary"`
	Updated        int64          `json:"updated"`
	Links          map[string]any `json:"_links"`
}

type genChannel struct {
	ID      int64          `json:"id"`
	Name    string         `json:"name"`
	Country map[string]any `json:"country"`
}

// vocabulary is drawn from the recorded shows, so generated titles,
// networks and genres look like the real ones.
type vocabulary struct {
	words, networks, genres []string
}

func (s *Server) vocabulary() vocabulary {
	s.mu.Lock()
	defer s.mu.Unlock()
	words, networks, genres := map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, sh := range s.shows {
		var obj struct {
			Name    string   `json:"name"`
			Genres  []string `json:"genres"`
			Network *struct {
				Name string `json:"name"`
			} `json:"network"`
		}
		json.Unmarshal(sh.raw, &obj)
		for _, w := range strings.Fields(obj.Name) {
			if w = strings.Trim(w, ":,.!?()\""); w != "" {
				words[w] = true
			}
		}
		for _, g := range obj.Genres {
			genres[g] = true
		}
		if obj.Network != nil && obj.Network.Name != "" {
			networks[obj.Network.Name] = true
		}
	}
	v := vocabulary{words: sortedKeys(words), networks: sortedKeys(networks), genres: sortedKeys(genres)}
	if len(v.words) == 0 || len(v.networks) == 0 || len(v.genres) == 0 {
		v = vocabulary{
			words:    []string{"Night", "Shift", "House", "Valley", "Track", "Partner", "Doctor", "Story"},
			networks: []string{"NBC", "HBO", "Netflix"},
			genres:   []string{"Drama", "Comedy"},
		}
	}
	return v
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// personName makes a cast member's name from names seen in the recordings.
func personName(rng *rand.Rand) string {
	first := []string{"Thomas", "Martin", "Kumail", "Zach", "Amanda", "Suzanne", "Dwight", "George", "Arden", "Dominic", "Bradley", "Alexandra", "Nolan", "Maria", "Lena", "Oskar"}
	last := []string{"Middleditch", "Starr", "Nanjiani", "Woods", "Crew", "Cryer", "Schultz", "Peppard", "Cho", "Sherwood", "Gibson", "Turshen", "Funk", "Lindqvist", "Haas", "Moreau"}
	return first[rng.IntN(len(first))] + " " + last[rng.IntN(len(last))]
}

// Generate adds n shows with ids after the highest held, built from the
// recorded shows' words, networks and genres, with seasons and a cast in
// their details. The same seed gives the same catalog.
func (s *Server) Generate(n int, seed uint64) error {
	v := s.vocabulary()
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	next := int64(1)
	for _, id := range s.IDs() {
		next = max(next, id+1)
	}
	statuses := []string{"Ended", "Ended", "Ended", "Ended", "Ended", "Ended", "Running", "Running", "To Be Determined", "In Development"}
	for i := range n {
		id := next + int64(i)
		words := make([]string, 1+rng.IntN(4))
		for j := range words {
			words[j] = v.words[rng.IntN(len(v.words))]
		}
		year := 1960 + rng.IntN(65)
		status := statuses[rng.IntN(len(statuses))]
		g := genShow{
			ID: id, URL: fmt.Sprintf("https://www.tvmaze.com/shows/%d/generated", id), Name: strings.Join(words, " "),
			Type: "Scripted", Language: "English", Genres: []string{v.genres[rng.IntN(len(v.genres))]}, Status: status,
			Runtime: 30 * (1 + rng.IntN(2)), Premiered: fmt.Sprintf("%04d-%02d-%02d", year, 1+rng.IntN(12), 1+rng.IntN(28)),
			Schedule: map[string]any{"time": "20:00", "days": []string{"Monday"}}, Rating: map[string]any{"average": nil},
			Weight: rng.IntN(101), Externals: map[string]any{"tvrage": nil, "thetvdb": nil, "imdb": nil},
			Summary: "<p>A generated show for tests.</p>", Updated: int64(1600000000 + rng.IntN(90000000)),
			Links: map[string]any{"self": map[string]string{"href": fmt.Sprintf("https://api.tvmaze.com/shows/%d", id)}},
		}
		g.AverageRuntime = g.Runtime
		g.Network = &genChannel{ID: int64(1 + rng.IntN(500)), Name: v.networks[rng.IntN(len(v.networks))], Country: map[string]any{"name": "United States", "code": "US", "timezone": "America/New_York"}}
		if status == "Ended" {
			end := fmt.Sprintf("%04d-06-01", min(year+1+rng.IntN(8), 2024))
			g.Ended = &end
		}
		raw, err := json.Marshal(g)
		if err != nil {
			return err
		}
		if err := s.AddShow(raw, generatedDetails(rng, id, year)); err != nil {
			return err
		}
	}
	return nil
}

func generatedDetails(rng *rand.Rand, id int64, year int) map[string]json.RawMessage {
	type season struct {
		ID           int64   `json:"id"`
		Number       int     `json:"number"`
		Name         string  `json:"name"`
		EpisodeOrder int     `json:"episodeOrder"`
		PremiereDate string  `json:"premiereDate"`
		EndDate      *string `json:"endDate"`
	}
	var seasons []season
	for n := 1; n <= 1+rng.IntN(5); n++ {
		seasons = append(seasons, season{ID: id*100 + int64(n), Number: n, EpisodeOrder: 6 + rng.IntN(7),
			PremiereDate: fmt.Sprintf("%04d-09-%02d", year+n-1, 1+rng.IntN(28))})
	}
	type person struct {
		ID   int64  `json:"id"`
		Name string `json:"name"`
	}
	type member struct {
		Person    person `json:"person"`
		Character struct {
			ID   int64  `json:"id"`
			Name string `json:"name"`
		} `json:"character"`
	}
	var cast []member
	for k := range 2 + rng.IntN(3) {
		var m member
		m.Person = person{ID: id*10 + int64(k), Name: personName(rng)}
		m.Character.ID, m.Character.Name = id*10+int64(k), strings.Fields(personName(rng))[0]
		cast = append(cast, m)
	}
	s, _ := json.Marshal(seasons)
	c, _ := json.Marshal(cast)
	return map[string]json.RawMessage{"seasons": s, "cast": c}
}
