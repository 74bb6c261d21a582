package answer

import (
	"slices"
	"strings"
	"testing"

	"github.com/nextseason/nextseason/internal/facts"
	"github.com/nextseason/nextseason/internal/model"
)

func since(s string) *model.PartialDate { d := model.MustDate(s); return &d }

func TestLeadSaysTheAnswer(t *testing.T) {
	canceled := facts.Outlook{Show: facts.ShowRef{Title: "Partner Track", Network: "Netflix"}, Season: 2, AsOf: model.MustDate("2026-11-30"), LastAired: 1, SeasonList: true,
		Renewal: facts.Renewal{Status: model.StatusCanceled, Since: since("2022-10-31")}}
	noList := canceled
	noList.Show = facts.ShowRef{Title: "The A-Team"}
	noList.SeasonList = false
	noList.Renewal.Status = model.StatusEndedFinalSeason
	disputed := facts.Outlook{Show: facts.ShowRef{Title: "Harbor Lights"}, Season: 2, AsOf: model.MustDate("2026-11-30"),
		Renewal: facts.Renewal{Status: model.StatusRenewed, Disputed: true, Evidence: []facts.Evidence{
			{Role: facts.RoleDecides, Status: model.StatusRenewed, StatedAt: model.MustDate("2025-03-04"), Source: facts.SourceRef{Publisher: "Deadline"}},
			{Role: facts.RoleDisputes, Status: model.StatusCanceled, StatedAt: model.MustDate("2025-03-04"), Source: facts.SourceRef{Publisher: "TVLine"}},
		}}}
	window := facts.Outlook{Show: facts.ShowRef{Title: "Black Mirror"}, Season: 8, AsOf: model.MustDate("2026-11-30"),
		Renewal:  facts.Renewal{Status: model.StatusRenewed, Since: since("2025-05-01")},
		Premiere: &facts.Premiere{Date: model.MustDate("2028-early")}}
	awaited := facts.Outlook{Show: facts.ShowRef{Title: "Sirens"}, Season: 2, AsOf: model.MustDate("2026-11-30"),
		Renewal:    facts.Renewal{Status: model.StatusAwaitingDecision},
		Viewership: &facts.ViewershipTrend{Season: 1, WeeksInChart: 1, PeakRank: 3}}
	for _, tc := range []struct {
		name string
		o    facts.Outlook
		want string
		not  []string
	}{
		{"canceled", canceled, "Netflix canceled Partner Track on October 31, 2022, after 1 season; season 2 will not happen.", nil},
		{"ended without a season list", noList, "The A-Team has ended on October 31, 2022: no new season is coming.", []string{"season 2", "after 1 season"}},
		{"disputed", disputed, "Sources disagree on whether Harbor Lights will have a season 2: Deadline says renewed (March 4, 2025); TVLine says canceled (March 4, 2025).", nil},
		{"renewed with a window", window, "Black Mirror has been renewed for season 8 (known since May 1, 2025). It is expected early 2028.", []string{"premiered"}},
		{"awaited", awaited, "Sirens has not been renewed or canceled for season 2 yet. Season 1 spent 1 week in the Netflix Top 10, peaking at #3.", nil},
	} {
		got := Summarize(tc.o).Lead
		if !strings.HasPrefix(got, tc.want) {
			t.Errorf("%s: lead %q, want it to begin %q", tc.name, got, tc.want)
		}
		for _, n := range tc.not {
			if strings.Contains(got, n) {
				t.Errorf("%s: lead %q says %q", tc.name, got, n)
			}
		}
	}
}

func TestKnownAndUnknown(t *testing.T) {
	ev := []facts.Evidence{{Footnote: 1}}
	o := facts.Outlook{Show: facts.ShowRef{Title: "Black Mirror"}, Season: 8, AsOf: model.MustDate("2026-11-30"), SeasonList: true, LastAired: 7,
		Renewal:  facts.Renewal{Status: model.StatusRenewed, Since: since("2025-05-01"), Evidence: ev},
		Premiere: &facts.Premiere{Date: model.MustDate("2028-early"), Evidence: ev},
		Cast:     []facts.CastMember{{Actor: "Siena Kelly", State: "new", Evidence: ev}, {Actor: "Gone Actor", State: "departing"}}}
	s := Summarize(o)
	var known []string
	for _, p := range s.Known {
		known = append(known, p.Text)
		if len(p.Evidence) == 0 {
			t.Errorf("%q is known without a source", p.Text)
		}
	}
	want := []string{"Season 8: renewed, since May 1, 2025.", "It is expected early 2028.", "Cast: Siena Kelly."}
	if !slices.Equal(known, want) {
		t.Errorf("what we know:\n got %q\nwant %q", known, want)
	}
	if !slices.Contains(s.Unknown, "The exact premiere date.") || !slices.Contains(s.Unknown, "What it will be about.") {
		t.Errorf("what we don't know yet: %q", s.Unknown)
	}
	if s.NoSeason != "" {
		t.Errorf("a renewed season is said not to come: %q", s.NoSeason)
	}

	o.Renewal = facts.Renewal{Status: model.StatusCanceled}
	if s := Summarize(o); s.NoSeason != "There will be no season 8." || len(s.Unknown) != 0 {
		t.Errorf("canceled: no-season %q, still unknown %q", s.NoSeason, s.Unknown)
	}
	o.Renewal = facts.Renewal{Status: model.StatusAwaitingDecision}
	if s := Summarize(o); !strings.HasPrefix(s.Unknown[0], "Whether there will be a season 8") {
		t.Errorf("awaited: the first unknown is %q", s.Unknown[0])
	}
}
