package tvmaze

import (
	"io/fs"
	"strings"
	"testing"

	"github.com/nextseason/nextseason/internal/tvmaze/tvmazetest"
)

func decodeFile(t *testing.T, name string) Document {
	t.Helper()
	f, err := tvmazetest.Recordings().Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := Decode(f)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return doc
}

func TestDecodeRecordedResponses(t *testing.T) {
	tests := []struct {
		file                                             string
		shows, episodes, seasons, cast, crew, akas, embE int
	}{
		{"academy-tv-shows-2023/shows.json", 245, 0, 0, 0, 0, 0, 0},
		{"academy-tv-shows-2023/episodes.json", 0, 73, 0, 0, 0, 0, 0},
		{"academy-tv-shows-2023/simpsonsEpisodes.json", 0, 751, 0, 0, 0, 0, 0},
		{"rtl-scraper-hdkesting/TvMazeSearchByA.json", 10, 0, 0, 0, 0, 0, 0},
		{"rtl-scraper-hdkesting/TvMazeATeamWithCast.json", 1, 0, 0, 0, 0, 0, 0},
		{"rtl-scraper-hdkesting/TvMazeATeamCast.json", 0, 0, 0, 7, 0, 0, 0},
		{"tvmaze4j-2017/show_search.json", 3, 0, 0, 0, 0, 0, 0},
		{"tvmaze4j-2017/show_single_search.json", 1, 0, 0, 0, 0, 0, 0},
		{"tvmaze4j-2017/show_single_search_with_episodes.json", 1, 0, 0, 0, 0, 0, 38},
		{"tvmaze4j-2017/show_lookup.json", 1, 0, 0, 0, 0, 0, 0},
		{"tvmaze4j-2017/seasons.json", 0, 0, 4, 0, 0, 0, 0},
		{"tvmaze4j-2017/episodes.json", 0, 38, 0, 0, 0, 0, 0},
		{"tvmaze4j-2017/cast.json", 0, 0, 0, 13, 0, 0, 0},
		{"tvmaze4j-2017/akas.json", 0, 0, 0, 0, 0, 1, 0},
		{"tvmaze4j-2017/episode_season1_number1.json", 0, 1, 0, 0, 0, 0, 0},
		{"whatsontv-2024/web-schedule.json", 3, 0, 0, 0, 0, 0, 3},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			doc := decodeFile(t, tt.file)
			embE := 0
			for _, s := range doc.Shows {
				if s.Embedded != nil {
					embE += len(s.Embedded.Episodes)
				}
			}
			got := []int{len(doc.Shows), len(doc.Episodes), len(doc.Seasons), len(doc.Cast), len(doc.Crew), len(doc.Akas), embE}
			want := []int{tt.shows, tt.episodes, tt.seasons, tt.cast, tt.crew, tt.akas, tt.embE}
			for i := range got {
				if got[i] != want[i] {
					t.Errorf("shows, episodes, seasons, cast, crew, akas, embedded episodes = %v, want %v", got, want)
					break
				}
			}
		})
	}
}

func TestDecodeSearchWithBOMKeepsAllStatuses(t *testing.T) {
	doc := decodeFile(t, "rtl-scraper-hdkesting/TvMazeSearchByA.json")
	seen := map[string]bool{}
	for _, s := range doc.Shows {
		seen[s.Status] = true
	}
	for _, st := range []string{"Running", "Ended", "To Be Determined", "In Development"} {
		if !seen[st] {
			t.Errorf("status %q missing from the decoded search results", st)
		}
	}
}

func TestToShowOldAndNewFieldSets(t *testing.T) {
	newer := decodeFile(t, "academy-tv-shows-2023/shows.json").Shows[0] // Kirby Buckets, 2023 fields
	sh := ToShow(newer)
	if sh.Title != "Kirby Buckets" || sh.Network != "Disney XD" || sh.Country != "US" || sh.Ended.String() != "2017-02-02" ||
		sh.IMDbID != "tt3544772" || sh.TheTVDBID != 278449 || sh.ProviderSeenAt.IsZero() || strings.Contains(sh.Summary, "<") {
		t.Errorf("newer show converted to %+v", sh)
	}
	older := decodeFile(t, "rtl-scraper-hdkesting/TvMazeATeamWithCast.json").Shows[0] // 2018: no ended, no averageRuntime
	sh = ToShow(older)
	if sh.Title != "The A-Team" || sh.Runtime != 60 || !sh.Ended.IsZero() || sh.Premiered.String() != "1983-01-23" {
		t.Errorf("older show converted to %+v", sh)
	}
	credits := ToCredits(1, older.Embedded.Cast, nil)
	if len(credits) != 7 || credits[0].Person.Name != "Dwight Schultz" || credits[0].Character == "" {
		t.Errorf("A-Team cast converted to %+v", credits)
	}
}

func TestDecodeBadInput(t *testing.T) {
	tests := map[string]string{
		"empty":           "",
		"not JSON":        "<html>rate limited</html>",
		"truncated":       `[{"id": 1, "name": "A", "genres": ["Drama"`,
		"wrong type":      `[{"id": "one", "name": "A", "genres": []}]`,
		"show without id": `{"name": "A", "genres": []}`,
		"number":          `42`,
		"unknown array":   `[{"foo": 1}]`,
	}
	for name, in := range tests {
		t.Run(name, func(t *testing.T) {
			if doc, err := Decode(strings.NewReader(in)); err == nil {
				t.Errorf("Decode(%q) = %+v, want an error", in, doc)
			}
		})
	}
	_, err := Decode(strings.NewReader(`[{"id": "one", "name": "A", "genres": []}]`))
	if err == nil || !strings.Contains(err.Error(), `"id"`) {
		t.Errorf("a wrong type should name its field: %v", err)
	}
}

func FuzzDecode(f *testing.F) {
	for _, name := range []string{"tvmaze4j-2017/show_lookup.json", "tvmaze4j-2017/akas.json", "tvmaze4j-2017/seasons.json", "whatsontv-2024/web-schedule.json"} {
		b, err := fs.ReadFile(tvmazetest.Recordings(), name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte("\xef\xbb\xbf[]"))
	f.Fuzz(func(t *testing.T, b []byte) {
		doc, err := Decode(strings.NewReader(string(b)))
		if err != nil {
			return
		}
		for _, s := range doc.Shows {
			if s.ID <= 0 || s.Name == "" {
				t.Fatalf("accepted a show without id or name: %+v", s)
			}
			ToShow(s) // must not panic on anything Decode accepts
		}
	})
}

// TestPosterURL: a poster's address is kept, asked for over https, only
// when it is an absolute http(s) URL; anything else never reaches a page.
func TestPosterURL(t *testing.T) {
	for raw, want := range map[string]string{
		"https://static.tvmaze.com/uploads/images/medium_portrait/1/4600.jpg":    "https://static.tvmaze.com/uploads/images/medium_portrait/1/4600.jpg",
		"http://static.tvmaze.com/uploads/images/medium_portrait/104/261725.jpg": "https://static.tvmaze.com/uploads/images/medium_portrait/104/261725.jpg",
		"javascript:alert(1)":                     "",
		"/uploads/images/1.jpg":                   "",
		"https://user:pw@static.tvmaze.com/1.jpg": "",
		"": "",
	} {
		s := Show{ID: 1, Name: "X", Image: &Image{Medium: raw}}
		if got := ToShow(s).Image; got != want {
			t.Errorf("poster %q → %q, want %q", raw, got, want)
		}
	}
}

// TestDecodeErrorsGiveTheLine: a wrong type is placed at its line and
// column in the file, as the README promises, not at a byte offset (and
// not at an offset within one list item).
func TestDecodeErrorsGiveTheLine(t *testing.T) {
	in := "\n[\n  {\"id\": 1, \"name\": \"A\", \"genres\": []},\n  {\"id\": \"two\", \"name\": \"B\", \"genres\": []}\n]\n"
	_, err := Decode(strings.NewReader(in))
	if err == nil || !strings.Contains(err.Error(), "line 4, column") || !strings.Contains(err.Error(), `field "id"`) {
		t.Errorf("a string id on line 4: %v", err)
	}
	_, err = Decode(strings.NewReader("{\"id\": 1,\n \"name\": \"A\",,}"))
	if err == nil || !strings.Contains(err.Error(), "line 2, column") {
		t.Errorf("a syntax error on line 2: %v", err)
	}
}
