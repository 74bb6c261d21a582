package extract

import (
	"os"
	"strings"
	"testing"
)

func find(claims []Claim, kind, show string) (Claim, bool) {
	for _, c := range claims {
		if c.Kind == kind && c.Show == show {
			return c, true
		}
	}
	return Claim{}, false
}

func TestReferenceArticle(t *testing.T) {
	b, err := os.ReadFile("testdata/partner-track-season-2.txt")
	if err != nil {
		t.Fatal(err)
	}
	head, body, _ := strings.Cut(string(b), "\n")
	claims := Extract(Item{Headline: head, Text: strings.Join(strings.Fields(body), " ")})

	c, ok := find(claims, KindAwaitingDecision, "Partner Track")
	if !ok || c.Network != "Netflix" || c.Season != 2 {
		t.Errorf("awaiting_decision: %+v (found %v); want Partner Track on Netflix, season 2", c, ok)
	}
	if c.Speaker != "Georgia Lee" || !strings.Contains(c.Quote, "official pickup") {
		t.Errorf("the creator's quote should carry the claim, attributed to her: %q by %q", c.Quote, c.Speaker)
	}
	p, ok := find(claims, KindPremiereDate, "Partner Track")
	if !ok || p.PremiereDate != "XXXX-08-26" || p.PremierePrecision != "day" || p.Season != 1 {
		t.Errorf("season 1 premiere: %+v; want XXXX-08-26 at day precision", p)
	}
	cast, ok := find(claims, KindCastReturning, "Partner Track")
	want := map[string]string{"Arden Cho": "Ingrid Yun", "Dominic Sherwood": "Jeff Murphy"}
	for _, m := range cast.Cast {
		if want[m.Actor] == m.Character {
			delete(want, m.Actor)
		}
	}
	if !ok || len(want) != 0 || len(cast.Cast) != 2 {
		t.Errorf("cast expected back: %+v; missing %v", cast.Cast, want)
	}
	for _, c := range claims {
		if c.Show != "Partner Track" {
			t.Errorf("a claim about %q, whom the article names only as a character or a speaker: %+v", c.Show, c)
		}
	}
	// With the publication date, the year is the premiere's, before it.
	dated := Extract(Item{Headline: head, Text: strings.Join(strings.Fields(body), " "), Published: "2022-09-01"})
	if p, _ := find(dated, KindPremiereDate, "Partner Track"); p.PremiereDate != "2022-08-26" {
		t.Errorf("with publication 2022-09-01, the premiere is %q, want 2022-08-26", p.PremiereDate)
	}
}

func TestRulesTellClaimsApart(t *testing.T) {
	tests := []struct {
		headline, text, kind, show string
	}{
		{"'Succession' Renewed for Season 2 at HBO", "", KindRenewed, "Succession"},
		{"Netflix Renews The Society for Season 2", "", KindRenewed, "The Society"},
		{"Lost in Space Season 2: Renewed or Canceled on Netflix?", "", KindAwaitingDecision, "Lost in Space"},
		{"The CW's The 100 will end with its seventh season", "", KindEndedFinalSeason, "The 100"},
		{"'Proven Innocent' canceled at Fox after one season", "", KindCanceled, "Proven Innocent"},
	}
	for _, tt := range tests {
		claims := Extract(Item{Headline: tt.headline, Text: tt.text})
		if _, ok := find(claims, tt.kind, tt.show); !ok {
			t.Errorf("%q: %+v; want %s %q", tt.headline, claims, tt.kind, tt.show)
		}
	}
	for _, headline := range []string{
		"Teen Wolf series finale post-mortem",
		"Emmy nominations 2023: The Last of Us, Pedro Pascal, Andor",
		"15 Best TV Shows That Were Canceled After Only One Season",
		"Disney thriller renewed for season two",
		"The series Harbor Lights was famously axed six years ago",
	} {
		if claims := Extract(Item{Headline: headline}); len(claims) != 0 {
			t.Errorf("%q yielded %+v; want nothing", headline, claims)
		}
	}
}

// TestSentenceShapes covers how titles stand in sentences: weekdays that
// open titles, a role before the show, two titles joined across an owner,
// what a show is based on, and "it" standing for a show named before.
func TestSentenceShapes(t *testing.T) {
	tests := []struct {
		name, headline, text, kind, show, notShow string
	}{
		{"weekday title", "Monday Mornings season 2 renewed", "", KindRenewed, "Monday Mornings", ""},
		{"weekday title in text", "Streaming news", "A Wednesday season 3 renewal came through at Netflix.", KindRenewed, "Wednesday", ""},
		{"role before show", "Jane Roe Makes Debut as Evening Desk Co-Host on Sunday Night Live", "", KindCastAdded, "Sunday Night Live", "Evening Desk Co-Host"},
		{"two titles across an owner", "Peacock cancels two", "The Long Quiet and Stephen King's The Hollow have both been canceled after one season.", KindCanceled, "The Long Quiet", "The Long Quiet and Stephen King"},
		{"owner whose name ends in n", "Apple TV+ cancels two", "Calm Waters and Stephen Allen’s The Hollow have both been canceled.", KindCanceled, "Calm Waters", "Calm Waters and Stephen"},
		{"a title of common words after 'series'", "FX renewals", "The comedy series What Happens in the Dark, based on an old radio play, was also renewed for its third season.", KindRenewed, "What Happens in the Dark", "Dark"},
		{"a kind of thing is not a title", "Hulu casting", "Sam Lee joins the cast of Harbor Lights as Rook, a brooding Sentinel who guards the town.", KindCastAdded, "Harbor Lights", "Sentinel"},
		{"makers before 'comedy'", "Peacock Cancels 'Night Owls' After 2 Seasons", "After two seasons, the Ann Ware and Bo Hart workplace comedy has been canceled by Peacock.", KindCanceled, "Night Owls", "Ann Ware and Bo Hart"},
		{"the show an actor is known from", "Casting news", "Mad Men star Jane Roe has joined the cast of Harbor Lights for season 2.", KindCastAdded, "Harbor Lights", "Mad Men"},
		{"a recently announced season is a renewal", "Casting news", "Harbor Lights is adding a familiar face for the recently announced season 4.", KindRenewed, "Harbor Lights", ""},
		{"based on", "Drama news", "The new HBO series Riverglass, based on Ann Ware's novel The Glass River, premieres March 3, 2027.", KindPremiereDate, "Riverglass", "The Glass River"},
		{"it stands for the show", "Streaming drama news", "Harbor Lights, which airs weekly on Apple TV+, was a hit, and it is already renewed through season 3, the first MCU series to do so.", KindRenewed, "Harbor Lights", "MCU"},
	}
	for _, tt := range tests {
		claims := Extract(Item{Headline: tt.headline, Text: tt.text})
		if _, ok := find(claims, tt.kind, tt.show); !ok {
			t.Errorf("%s: %+v; want %s %q", tt.name, claims, tt.kind, tt.show)
		}
		if tt.notShow != "" {
			for _, c := range claims {
				if c.Show == tt.notShow {
					t.Errorf("%s: %q taken for a show: %+v", tt.name, tt.notShow, c)
				}
			}
		}
	}
}

func FuzzExtract(f *testing.F) {
	f.Add("Netflix Renews The Society for Season 2", "It premieres on August 26, 2023.", "2022-09-01")
	f.Add("'X' canceled after 2 seasons", "Y joins the cast as Z. ... “Q” returns this summer.", "")
	f.Fuzz(func(t *testing.T, headline, text, published string) {
		for _, c := range Extract(Item{Headline: headline, Text: text, Published: published}) {
			if c.Show == "" || c.Kind == "" || c.Rule == "" {
				t.Fatalf("incomplete claim %+v", c)
			}
			if !strings.Contains(headline+" "+text, c.Show) {
				t.Fatalf("invented title %q", c.Show)
			}
		}
	})
}
