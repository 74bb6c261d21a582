package model

import (
	"strings"
	"testing"
)

// TestWordsNotEnums: every event kind, renewal status and date precision
// a person reads has words, not the stored value; counts agree with
// their nouns.
func TestWordsNotEnums(t *testing.T) {
	for _, k := range EventKinds {
		if l := k.Label(); l == string(k) || strings.Contains(l, "_") {
			t.Errorf("event kind %s reads %q", k, l)
		}
	}
	for _, p := range []DatePrecision{PrecisionDay, PrecisionMonth, PrecisionQuarter, PrecisionSeason, PrecisionPart, PrecisionYear} {
		if l := p.Label(); l == string(p) {
			t.Errorf("precision %s reads %q", p, l)
		}
	}
	for in, want := range map[string]string{"awaiting_decision": "Awaiting decision", "ended_final_season": "Ended (final season)", "2027-summer": "summer 2027", "Netflix": "Netflix"} {
		if got := DisplayValue(in); got != want {
			t.Errorf("DisplayValue(%q) = %q, want %q", in, got, want)
		}
	}
	if Plural(1, "week") != "1 week" || Plural(3, "week") != "3 weeks" || Plural(0, "week") != "0 weeks" {
		t.Errorf("plurals: %q %q %q", Plural(1, "week"), Plural(3, "week"), Plural(0, "week"))
	}
}
