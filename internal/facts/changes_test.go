package facts

import (
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
		{"a disputed answer is no news", awaiting, Outlook{Renewal: Renewal{Status: model.StatusCanceled, Disputed: true}}, nil, ""},
		{"back to awaiting is no event", Outlook{Renewal: Renewal{Status: model.StatusRenewed}}, awaiting, nil, ""},
		{"first date", awaiting, Outlook{Renewal: awaiting.Renewal, Premiere: &Premiere{Date: "2026-summer"}}, []model.EventKind{model.EventPremiereDated}, "2026-summer"},
		{"narrowed", Outlook{Renewal: awaiting.Renewal, Premiere: &Premiere{Date: "2026-summer"}}, Outlook{Renewal: awaiting.Renewal, Premiere: &Premiere{Date: "2026-07-10"}}, []model.EventKind{model.EventPremiereDated}, "2026-07-10"},
		{"moved", Outlook{Renewal: awaiting.Renewal, Premiere: &Premiere{Date: "2026-07-10"}}, Outlook{Renewal: awaiting.Renewal, Premiere: &Premiere{Date: "2026-09-04"}}, []model.EventKind{model.EventPremiereMoved}, "2026-09-04"},
		{"cast", awaiting, Outlook{Renewal: awaiting.Renewal, Cast: []CastMember{{Actor: "Arden Cho", Character: "Ingrid Yun", State: "expected"}}}, []model.EventKind{model.EventCastNews}, "Arden Cho as Ingrid Yun: expected"},
	}
	for _, tt := range tests {
		got := Changes(tt.before, tt.after)
		if len(got) != len(tt.want) {
			t.Errorf("%s: %+v, want %v", tt.name, got, tt.want)
			continue
		}
		for i, c := range got {
			if c.Kind != tt.want[i] || (i == 0 && c.New != tt.wantNew) {
				t.Errorf("%s: %+v, want %v %q", tt.name, got, tt.want, tt.wantNew)
			}
		}
	}
}
