package facts

import (
	"strings"
	"testing"

	"github.com/nextseason/nextseason/internal/model"
)

func TestChanges(t *testing.T) {
	awaiting := Outlook{Renewal: Renewal{Status: model.StatusAwaitingDecision}}
	tests := []struct {
		name          string
		before, after Outlook
		want          []model.EventKind
		wantNew       string
	}{
		{"nothing changed", awaiting, awaiting, nil, ""},
		{"renewed", awaiting, Outlook{Renewal: Renewal{Status: model.StatusRenewed}}, []model.EventKind{model.EventRenewed}, "renewed"},
		{"canceled after a renewal", Outlook{Renewal: Renewal{Status: model.StatusRenewed}}, Outlook{Renewal: Renewal{Status: model.StatusCanceled}}, []model.EventKind{model.EventCanceled}, "canceled"},
		{"a dispute is an answer", awaiting, Outlook{Renewal: Renewal{Status: model.StatusCanceled, Disputed: true}}, []model.EventKind{model.EventCanceled}, "disputed: "},
		{"back to awaiting is no event", Outlook{Renewal: Renewal{Status: model.StatusRenewed}}, awaiting, nil, ""},
		{"first date", awaiting, Outlook{Renewal: awaiting.Renewal, Premiere: &Premiere{Date: day("2026-summer")}}, []model.EventKind{model.EventPremiereDated}, "2026-summer"},
		{"narrowed", Outlook{Renewal: awaiting.Renewal, Premiere: &Premiere{Date: day("2026-summer")}}, Outlook{Renewal: awaiting.Renewal, Premiere: &Premiere{Date: day("2026-07-10")}}, []model.EventKind{model.EventPremiereDated}, "2026-07-10"},
		{"moved", Outlook{Renewal: awaiting.Renewal, Premiere: &Premiere{Date: day("2026-07-10")}}, Outlook{Renewal: awaiting.Renewal, Premiere: &Premiere{Date: day("2026-09-04")}}, []model.EventKind{model.EventPremiereMoved}, "2026-09-04"},
		{"cast", awaiting, Outlook{Renewal: awaiting.Renewal, Cast: []CastMember{{Actor: "Arden Cho", Character: "Ingrid Yun", State: "expected"}}}, []model.EventKind{model.EventCastNews}, "Arden Cho as Ingrid Yun: expected"},
	}
	for _, tt := range tests {
		got := Changes(tt.before, tt.after)
		if len(got) != len(tt.want) {
			t.Errorf("%s: %+v, want %v", tt.name, got, tt.want)
			continue
		}
		for i, c := range got {
			if c.Kind != tt.want[i] || (i == 0 && c.New != tt.wantNew && !(tt.wantNew == "disputed: " && strings.HasPrefix(c.New, tt.wantNew))) {
				t.Errorf("%s: %+v, want %v %q", tt.name, got, tt.want, tt.wantNew)
			}
		}
	}
}

// TestDisputesAndCorrections: Silicon Valley season 5, as two trade
// sources of one day have it: "canceled" is told; the rival "renewed" puts
// it in dispute, told as a correction under the kind the first was told
// under, with who says what; a later settlement is told too. Black
// Mirror season 8's premiere, told as summer 2027, then disputed by
// early 2028, is corrected likewise.
func TestDisputesAndCorrections(t *testing.T) {
	side := func(role string, publisher string, status model.RenewalStatus, date string) Evidence {
		e := Evidence{Role: role, Status: status, Source: SourceRef{Publisher: publisher}}
		if date != "" {
			e.Date = day(date)
		}
		return e
	}
	awaiting := Outlook{Renewal: Renewal{Status: model.StatusAwaitingDecision}}
	canceled := Outlook{Renewal: Renewal{Status: model.StatusCanceled, Evidence: []Evidence{side(RoleDecides, "TVLine", model.StatusCanceled, "")}}}
	disputed := Outlook{Renewal: Renewal{Status: model.StatusRenewed, Disputed: true, Evidence: []Evidence{
		side(RoleDecides, "Deadline", model.StatusRenewed, ""), side(RoleDisputes, "TVLine", model.StatusCanceled, "")}}}
	settled := Outlook{Renewal: Renewal{Status: model.StatusRenewed, Evidence: []Evidence{side(RoleDecides, "HBO", model.StatusRenewed, "")}}}
	steps := []struct {
		before, after Outlook
		kind          model.EventKind
		old, new      string
	}{
		{awaiting, canceled, model.EventCanceled, "awaiting_decision", "canceled"},
		{canceled, disputed, model.EventCanceled, "canceled", "disputed: Deadline says renewed; TVLine says canceled"},
		{disputed, settled, model.EventRenewed, "disputed", "renewed"},
	}
	for i, s := range steps {
		got := Changes(s.before, s.after)
		if len(got) != 1 || got[0].Kind != s.kind || got[0].Old != s.old || got[0].New != s.new {
			t.Errorf("step %d: %+v, want %s %q -> %q", i+1, got, s.kind, s.old, s.new)
		}
	}
	if got := Changes(disputed, disputed); len(got) != 0 {
		t.Errorf("a dispute going on: %+v", got)
	}

	summer := Outlook{Renewal: settled.Renewal, Premiere: &Premiere{Date: day("2027-summer"), Evidence: []Evidence{side(RoleDecides, "Netflix", "", "2027-summer")}}}
	rival := Outlook{Renewal: settled.Renewal, Premiere: &Premiere{Date: day("2028-early"), Disputed: true, Evidence: []Evidence{
		side(RoleDecides, "Variety", "", "2028-early"), side(RoleDisputes, "Netflix", "", "2027-summer")}}}
	got := Changes(summer, rival)
	if len(got) != 1 || got[0].Kind != model.EventPremiereMoved || got[0].Old != "2027-summer" || got[0].New != "disputed: Variety says early 2028; Netflix says summer 2027" {
		t.Errorf("premiere put in dispute: %+v", got)
	}
}
