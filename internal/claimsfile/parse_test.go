package claimsfile_test

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/nextseason/nextseason/internal/claimsfile"
	"github.com/nextseason/nextseason/internal/dbtest"
	"github.com/nextseason/nextseason/internal/model"
)

const good = `{"type":"show","slug":"example-hour","title":"The Example Hour","network":"Example Network","premiered":"2014-03-11"}
{"type":"claim","show":"example-hour","season":5,"kind":"renewal","status":"canceled","quote":"Example Network has canceled The Example Hour after four seasons.","source":{"url":"https://example.com/ns","publisher":"Example Trade","published":"2018-10-31","tier":"trade"}}

{"type":"claim","show":"The Example Hour","season":5,"kind":"premiere","date":"summer 2019","quote":"would have returned next summer","stated_at":"2018-10-30","source":{"url":"https://example.com/ns2","publisher":"Example Trade","published":"2018-10-30","tier":"rumor"},"confidence":0.4,"state":"proposed"}
`

func TestParseGood(t *testing.T) {
	f, err := claimsfile.Parse(strings.NewReader(good))
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Shows) != 1 || len(f.Claims) != 2 {
		t.Fatalf("%d shows, %d claims; want 1, 2", len(f.Shows), len(f.Claims))
	}
	c := f.Claims[1].Value
	if f.Claims[1].Line != 4 || c.Date.String() != "2019-summer" || c.State != model.StateProposed || c.Confidence != 0.4 {
		t.Errorf("line %d: %+v", f.Claims[1].Line, c)
	}
	if first := f.Claims[0].Value; first.StatedAt.String() != "2018-10-31" || first.State != model.StateAccepted || first.Origin != model.OriginEditor {
		t.Errorf("stated_at should default to the source's date and state to accepted: %+v", first)
	}
}

func TestParseReportsEveryBadLine(t *testing.T) {
	in := strings.Join([]string{
		`{"type":"claim","show":"x","season":2,"kind":"renewal","status":"renewed","quote":"q","source":{"url":"https://e.com","publisher":"E","published":"2020-01-01","tier":"trade"}}`,
		`{"type":"claim","show":"x","season":2,"kind":"renewal","status":"maybe","quote":"q","source":{"url":"https://e.com","publisher":"E","published":"2020-01-01","tier":"trade"}}`,
		`{"type":"claim","show":"x","season":"two","kind":"renewal"}`,
		`not json`,
		`{"type":"claim","show":"x","season":2,"kind":"premiere","date":"2020-02-30","quote":"q","source":{"url":"https://e.com","publisher":"E","published":"2020-01-01","tier":"trade"}}`,
		`{"type":"claim","show":"x","season":2,"kind":"renewal","status":"renewed","quote":"q","source":{"url":"javascript:alert(1)","publisher":"E","published":"2020-01-01","tier":"trade"}}`,
		`{"type":"claim","show":"x","season":2,"kind":"renewal","status":"renewed","quote":"q","sauce":{}}`,
		`{"type":"movie"}`,
		`{"type":"claim","show":"x","season":2,"kind":"renewal","status":"renewed","quote":"q","source":{"url":"https://e.com","publisher":"E","published":"2020","tier":"trade"}}`,
		`{"type":"claim","show":"x","season":2,"kind":"renewal","status":"renewed","quote":"q\u0000","source":{"url":"https://e.com","publisher":"E","published":"2020-01-01","tier":"trade"}}`,
		`{"type":"claim","show":"x","season":2,"kind":"renewal","status":"renewed","quote":"a backslash then u0000: \\u0000","source":{"url":"https://e.com/2","publisher":"E","published":"2020-01-01","tier":"trade"}}`,
	}, "\n")
	_, err := claimsfile.Parse(strings.NewReader(in))
	var errs claimsfile.Errors
	if !errors.As(err, &errs) {
		t.Fatalf("got %v, want line errors", err)
	}
	wantLines := []int{2, 3, 4, 5, 6, 7, 8, 9, 10}
	if len(errs) != len(wantLines) {
		t.Fatalf("got %d errors, want %d:\n%v", len(errs), len(wantLines), err)
	}
	for i, e := range errs {
		if e.Line != wantLines[i] {
			t.Errorf("error %d on line %d, want line %d: %v", i, e.Line, wantLines[i], e)
		}
	}
	for _, want := range []string{`line 2: unknown renewal status "maybe"`, `line 3: field "season"`, "line 5: date:", `line 7: unknown field "sauce"`, `line 8: unknown type "movie"`, "line 9: stated_at", `line 10: a NUL character`} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("errors lack %q:\n%v", want, err)
		}
	}
}

func TestApplyIsAllOrNothingAndIdempotent(t *testing.T) {
	st := dbtest.Store(t)
	ctx := t.Context()
	bad := good + `{"type":"claim","show":"Unknown Show","season":1,"kind":"renewal","status":"renewed","quote":"q","source":{"url":"https://e.com/u","publisher":"E","published":"2020-01-01","tier":"trade"}}` + "\n"
	f, err := claimsfile.Parse(strings.NewReader(bad))
	if err != nil {
		t.Fatal(err)
	}
	_, err = claimsfile.Apply(ctx, st, f, "ed")
	if err == nil || !strings.Contains(err.Error(), `line 5: no show "Unknown Show"`) {
		t.Fatalf("apply with an unknown show: %v", err)
	}
	if n, _ := st.CountShows(ctx); n != 0 {
		t.Fatalf("%d shows written by a failed file, want none", n)
	}

	f, _ = claimsfile.Parse(strings.NewReader(good))
	rep, err := claimsfile.Apply(ctx, st, f, "ed")
	if err != nil || rep.ShowsCreated != 1 || rep.ClaimsCreated != 2 {
		t.Fatalf("first apply: %s, %v", rep, err)
	}
	rep, err = claimsfile.Apply(ctx, st, f, "ed")
	if err != nil || rep.ShowsCreated != 0 || rep.ShowsUpdated != 0 || rep.ClaimsCreated != 0 {
		t.Errorf("second apply changed something: %s, %v", rep, err)
	}
	sh, _ := st.FindShow(ctx, "example-hour")
	claims, _ := st.Claims(ctx, sh.ID)
	if len(claims) != 2 || claims[1].Reviewer != "ed" || claims[0].Reviewer != "" {
		t.Errorf("claims %+v: want the accepted one reviewed by ed, the proposed one unreviewed", claims)
	}
}

func TestDocumentedExampleParses(t *testing.T) {
	b, err := os.ReadFile("../../docs/claims-format.example.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := claimsfile.Parse(strings.NewReader(string(b))); err != nil {
		t.Errorf("the example in docs/ does not parse: %v", err)
	}
}

func FuzzParse(f *testing.F) {
	f.Add(good)
	f.Add(`{"type":"claim"}`)
	f.Add("\xef\xbb\xbf{\"type\":\"show\",\"title\":\"x\"}")
	f.Fuzz(func(t *testing.T, in string) {
		file, err := claimsfile.Parse(strings.NewReader(in))
		if err != nil {
			return
		}
		for _, c := range file.Claims {
			if c.Value.Quote == "" || c.Value.Source.URL == "" || c.Value.StatedAt.Precision != model.PrecisionDay {
				t.Fatalf("accepted an incomplete claim: %+v", c.Value)
			}
		}
	})
}
