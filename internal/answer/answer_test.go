package answer_test

import (
	"errors"
	"testing"

	"github.com/nextseason/nextseason/internal/answer"
	"github.com/nextseason/nextseason/internal/dbtest"
	"github.com/nextseason/nextseason/internal/demo"
	"github.com/nextseason/nextseason/internal/match"
	"github.com/nextseason/nextseason/internal/model"
	"github.com/nextseason/nextseason/internal/search"
	"github.com/nextseason/nextseason/internal/store"
)

func demoStore(t testing.TB) *store.Store {
	t.Helper()
	st := dbtest.Store(t)
	if _, err := demo.Load(t.Context(), st, "test"); err != nil {
		t.Fatal(err)
	}
	return st
}

func TestOutlookRequests(t *testing.T) {
	st := demoStore(t)
	ctx := t.Context()
	o, err := answer.Outlook(ctx, st, answer.Request{Show: "partner-track", AsOf: "2022-09-20"}, dbtest.Clock())
	if err != nil || o.Season != 2 || o.AsOf.String() != "2022-09-20" {
		t.Errorf("default season: %d as of %s, %v; want season 2 as of 2022-09-20", o.Season, o.AsOf, err)
	}
	o, err = answer.Outlook(ctx, st, answer.Request{Show: "Partner Track"}, dbtest.Clock())
	if err != nil || o.AsOf.String() != "2026-11-25" {
		t.Errorf("default as-of %s, %v; want today, 2026-11-25", o.AsOf, err)
	}
	for _, req := range []answer.Request{
		{Show: "partner-track", Season: "0"}, {Show: "partner-track", Season: "x"},
		{Show: "partner-track", AsOf: "2022-09"}, {Show: "partner-track", AsOf: "next week"},
	} {
		if _, err := answer.Outlook(ctx, st, req, dbtest.Clock()); !errors.Is(err, answer.ErrBadRequest) {
			t.Errorf("%+v: %v, want a bad request", req, err)
		}
	}
	var noShow *answer.NoShowError
	if _, err := answer.Outlook(ctx, st, answer.Request{Show: "Sillicon Valey"}, dbtest.Clock()); !errors.As(err, &noShow) ||
		len(noShow.Nearest) == 0 || noShow.Nearest[0].Title != "Silicon Valley" {
		t.Errorf("a misspelt title: %v, want the nearest title Silicon Valley", err)
	}
}

// BenchmarkOutlookFromStore resolves Partner Track's season 2 outlook from
// the store: load the show's data, then compose.
func BenchmarkOutlookFromStore(b *testing.B) {
	st := demoStore(b)
	req := answer.Request{Show: "partner-track", Season: "2", AsOf: "2022-09-20"}
	for b.Loop() {
		if _, err := answer.Outlook(b.Context(), st, req, dbtest.Clock()); err != nil {
			b.Fatal(err)
		}
	}
}

func TestSearch(t *testing.T) {
	st := demoStore(t)
	ctx := t.Context()
	for _, sh := range []model.Show{
		{Title: "The Simpsons", TVmazeID: 83, Network: "FOX", Popularity: 99},
		{Title: "Simpsons Roasting on an Open Fire", TVmazeID: 900001, Popularity: 10},
		{Title: "The Simple Life", TVmazeID: 900002, Network: "FOX", Popularity: 50},
	} {
		if _, err := st.SaveShow(ctx, &sh); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct{ query, first string }{
		{"partner trak", "Partner Track"},
		{"the simpson", "The Simpsons"},
		{"simpsons", "The Simpsons"},
		{"sillicon valey", "Silicon Valley"},
		{"Кремниевая долина", "Silicon Valley"}, // an aka
		{"middleditch", "Silicon Valley"},       // a cast member
		{"a-team", "The A-Team"},
		{"star trek deep", "Star Trek: Deep Space Nine"},
	}
	for _, tt := range tests {
		got, err := search.Shows(ctx, st, tt.query, 5)
		if err != nil {
			t.Fatalf("%q: %v", tt.query, err)
		}
		if len(got) == 0 || got[0].Show.Title != tt.first {
			t.Errorf("Search(%q) = %v, want %q first", tt.query, titles(got), tt.first)
		}
	}
	for _, q := range []string{`"partner`, `partner AND OR NOT`, `track*`, `NEAR(partner track)`, `-partner`, `title:partner`, `"`, `^`, `partner & | ! <->`} {
		if _, err := search.Shows(ctx, st, q, 5); err != nil {
			t.Errorf("Search(%q) failed: %v; operators must be read as text", q, err)
		}
	}
	if got, _ := search.Shows(ctx, st, "qqqqqqq", 5); len(got) != 0 {
		t.Errorf("nonsense found %v", titles(got))
	}
}

func titles(rs []match.Result) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.Show.Title)
	}
	return out
}
