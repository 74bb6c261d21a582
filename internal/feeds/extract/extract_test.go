package extract

import (
	"strings"
	"testing"
)

func testExtractor(t testing.TB, titles ...string) *Extractor {
	t.Helper()
	m, err := DefaultModel()
	if err != nil {
		t.Fatal(err)
	}
	var shows []CatalogShow
	for _, title := range titles {
		shows = append(shows, CatalogShow{Title: title})
	}
	return New(NewCatalog(shows, []string{"Jane Roe"}), m)
}

func find(claims []Claim, kind, show string) (Claim, bool) {
	for _, c := range claims {
		if c.Kind == kind && c.Show == show {
			return c, true
		}
	}
	return Claim{}, false
}

// TestCatalogMentions: titles are found in one pass, the longest where
// they overlap, and only where they are printed as titles.
func TestCatalogMentions(t *testing.T) {
	cat := NewCatalog([]CatalogShow{{Title: "The Morning"}, {Title: "The Morning Show", Network: "Apple TV+"}, {Title: "Lost"}, {Title: "Morning Show Mysteries"}}, nil)
	for _, tt := range []struct {
		text string
		want []string
	}{
		{"Apple renews The Morning Show for a fourth season", []string{"The Morning Show"}},
		{"Fans of Morning Show cheered", []string{"Morning Show"}},
		{"We were lost in the woods all morning", nil},
		{"Lost and The Morning return", []string{"Lost", "The Morning"}},
	} {
		var got []string
		for _, m := range cat.matches(tokenize(tt.text)) {
			toks := tokenize(tt.text)
			if printedAsTitle(toks[m.i:m.j]) {
				got = append(got, tt.text[toks[m.i].start:toks[m.j-1].end])
			}
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%q: found %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestNoInventedFragments: a title nobody knows may be proposed whole,
// never as its fragments.
func TestNoInventedFragments(t *testing.T) {
	x := testExtractor(t)
	for _, c := range x.Extract(Item{Headline: "Made Up Show That Does Not Exist renewed"}) {
		if c.Show == "Exist" || c.Show == "That Does Not Exist" || c.Show == "Not Exist" {
			t.Errorf("a fragment taken for a show: %+v", c)
		}
	}
}

// TestTextItCannotRead: an item in a language the model does not read
// yields nothing rather than a guess.
func TestTextItCannotRead(t *testing.T) {
	x := testExtractor(t, "Wiedźmin", "Ведьмак")
	for _, it := range []Item{
		{Headline: "Wiedźmin: Netflix przedłużył serial o kolejny sezon", Text: "Serial Wiedźmin otrzyma piąty sezon, ogłosił dziś Netflix."},
		{Headline: "«Ведьмак» продлён на пятый сезон", Text: "Netflix продлил сериал «Ведьмак» на пятый сезон."},
	} {
		if claims := x.Extract(it); len(claims) != 0 {
			t.Errorf("%q: %+v; want nothing from text the model cannot read", it.Headline, claims)
		}
	}
}

// TestClaimsAreWellFormed: whatever the model decides, a claim names a
// show printed in the item, has a probability, and keeps a date's words'
// precision (a year not printed stays unknown).
func TestClaimsAreWellFormed(t *testing.T) {
	x := testExtractor(t, "Harbor Lights", "Night Owls")
	it := Item{Headline: "Harbor Lights renewed for season 3 at Hulu; premieres late 2027",
		Text: "Hulu has renewed Harbor Lights for a third season, which premieres in late 2027. Night Owls was canceled after two seasons.", Published: "2026-11-02"}
	claims := x.Extract(it)
	if len(claims) == 0 {
		t.Fatal("no claims from a plain renewal headline")
	}
	for _, c := range claims {
		if !strings.Contains(it.Headline+" "+it.Text, c.Show) || c.Confidence < x.Model().Threshold || c.Confidence > 1 || c.Quote == "" {
			t.Errorf("malformed claim %+v", c)
		}
		if c.Kind == KindPremiereDate && c.PremiereDate != "2027" {
			t.Errorf("premiere %q (%s), want 2027 as printed", c.PremiereDate, c.PremierePrecision)
		}
	}
	if _, ok := find(claims, KindRenewed, "Harbor Lights"); !ok {
		t.Errorf("claims %+v; want Harbor Lights renewed", claims)
	}
}

func TestPlaceYear(t *testing.T) {
	for _, tt := range []struct{ date, published, want string }{
		{"XXXX-04-25", "2016-01-17", "2016-04-25"},
		{"XXXX-01-10", "2016-11-17", "2017-01-10"},
		{"XXXX-summer", "2020-05-04", "2020-summer"},
		{"XXXX-06", "", "XXXX-06"},
		{"2027-03", "2026-01-01", "2027-03"},
	} {
		if got := PlaceYear(tt.date, tt.published); got != tt.want {
			t.Errorf("PlaceYear(%q, %q) = %q, want %q", tt.date, tt.published, got, tt.want)
		}
	}
}

func TestReadCatalogTSV(t *testing.T) {
	cat, err := ReadCatalogTSV(strings.NewReader("name\tnetwork\tpremiered\tsource_id\nSuccession\tHBO\t\t\nThe Bear\tFX\t\t\n"))
	if err != nil || cat.Len() != 2 {
		t.Fatalf("catalog of %d titles, %v", cat.Len(), err)
	}
	if _, err := ReadCatalogTSV(strings.NewReader("name\tnetwork\n\tHBO\n")); err == nil || !strings.Contains(err.Error(), "line 2") {
		t.Errorf("a row without a title: %v", err)
	}
}

// TestBadInput: empty, huge, binary and mixed-script items give no claim
// and no crash.
func TestBadInput(t *testing.T) {
	x := testExtractor(t, "Succession")
	huge := strings.Repeat("Succession renewed ", 10<<20/19)
	binary := string([]byte{0, 1, 2, 0xff, 0xfe, 'S', 0x80, 0})
	for name, it := range map[string]Item{
		"empty":  {},
		"binary": {Headline: binary, Text: strings.Repeat(binary, 1000)},
		"mixed":  {Headline: "継承 Succession 續集 Наследники", Text: "الخلافة " + binary},
	} {
		if claims := x.Extract(it); len(claims) != 0 {
			t.Errorf("%s: %+v", name, claims)
		}
	}
	// 10 MB is cut to MaxTextSize and read without a crash.
	x.Extract(Item{Headline: "news", Text: huge})
}

func FuzzExtract(f *testing.F) {
	f.Add("Netflix Renews The Society for Season 2", "It premieres on August 26, 2023.", "2022-09-01")
	f.Add("'X' canceled after 2 seasons", "Y joins the cast as Z. ... “Q” returns this summer.", "")
	f.Add("Succession: HBO cancels Harbor Lights, Night Owls and Riverglass; renews Calm Waters", "", "2026-05-01")
	m, err := DefaultModel()
	if err != nil {
		f.Fatal(err)
	}
	x := New(NewCatalog([]CatalogShow{{Title: "The Society"}, {Title: "Succession"}, {Title: "X"}}, nil), m)
	f.Fuzz(func(t *testing.T, headline, text, published string) {
		for _, c := range x.Extract(Item{Headline: headline, Text: text, Published: published}) {
			if c.Show == "" || c.Kind == "" || c.Rule == "" || c.Confidence <= 0 || c.Confidence > 1 {
				t.Fatalf("incomplete claim %+v", c)
			}
			if !strings.Contains(headline+" "+text, c.Show) {
				t.Fatalf("invented title %q", c.Show)
			}
		}
	})
}
