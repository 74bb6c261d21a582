package match

import (
	"testing"

	"github.com/nextseason/nextseason/internal/model"
)

func TestRank(t *testing.T) {
	shows := []model.Show{
		{Title: "Partner Track", Popularity: 60},
		{Title: "The Simpsons", Popularity: 99},
		{Title: "The Simpsons Movie Specials", Popularity: 10},
		{Title: "Simpsonwave", Popularity: 5},
		{Title: "Track and Field", Popularity: 40},
		{Title: "Grey's Anatomy", Popularity: 90},
	}
	tests := []struct {
		query, first string
	}{
		{"partner trak", "Partner Track"},
		{"the simpson", "The Simpsons"},
		{"The Simpsons", "The Simpsons"},
		{"greys anatomy", "Grey's Anatomy"},
		{"GREY’S", "Grey's Anatomy"},
		{`"partner" OR track*`, "Partner Track"},
	}
	for _, tt := range tests {
		got := Rank(tt.query, shows, 3)
		if len(got) == 0 || got[0].Show.Title != tt.first {
			t.Errorf("Rank(%q) = %+v, want %q first", tt.query, got, tt.first)
		}
	}
	if got := Rank("zzzz qqqq", shows, 3); len(got) != 0 {
		t.Errorf("nonsense matched %+v", got)
	}
	if got := Rank("", shows, 3); got != nil {
		t.Errorf("an empty query matched %+v", got)
	}
	// Exact beats prefix beats containing, whatever the popularity.
	got := Rank("the simpsons", shows, 3)
	if got[0].Score != 1 || got[1].Show.Title != "The Simpsons Movie Specials" || got[1].Score != 0.9 {
		t.Errorf("ranking %+v", got)
	}
}
