package facts

import "testing"

func TestWithBaseMakesArchivePathsAbsolute(t *testing.T) {
	archive := SourceRef{URL: "/archive/partner-track-season-2.txt", Publisher: "Archived fan article"}
	trade := SourceRef{URL: "https://deadline.com/x", Publisher: "Deadline"}
	o := Outlook{
		Renewal:  Renewal{Evidence: []Evidence{{Source: archive}}},
		Premiere: &Premiere{Evidence: []Evidence{{Source: trade}}},
		Cast:     []CastMember{{Actor: "Arden Cho", Evidence: []Evidence{{Source: archive}}}},
		Sources:  []SourceRef{archive, trade, {URL: "//evil.example/x"}},
		Timeline: []TimelineEntry{{Evidence: Evidence{Source: archive}}},
	}
	got := o.WithBase("https://tv.example/")
	const want = "https://tv.example/archive/partner-track-season-2.txt"
	if got.Renewal.Evidence[0].Source.URL != want || got.Cast[0].Evidence[0].Source.URL != want || got.Sources[0].URL != want ||
		got.Timeline[0].Evidence.Source.URL != want {
		t.Errorf("archive paths not made absolute: %+v", got)
	}
	if got.Premiere.Evidence[0].Source.URL != trade.URL || got.Sources[1].URL != trade.URL || got.Sources[2].URL != "//evil.example/x" {
		t.Errorf("absolute URLs changed: %+v", got.Sources)
	}
	if o.Sources[0].URL != archive.URL || o.Cast[0].Evidence[0].Source.URL != archive.URL {
		t.Errorf("the outlook given was changed")
	}
	if same := o.WithBase(""); same.Sources[0].URL != archive.URL {
		t.Errorf("no base: %q", same.Sources[0].URL)
	}
}
