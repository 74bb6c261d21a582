package tell

import (
	"testing"

	"github.com/nextseason/nextseason/internal/model"
	"github.com/nextseason/nextseason/internal/store"
)

// TestCorrectionsReadAsCorrections: what followers read when an answer
// they were told is put in dispute, settled or reversed.
func TestCorrectionsReadAsCorrections(t *testing.T) {
	ev := func(kind model.EventKind, old, now string) store.FollowedEvent {
		var e store.FollowedEvent
		e.Title, e.Season, e.Kind, e.Old, e.New = "Silicon Valley", 5, kind, old, now
		return e
	}
	for _, tt := range []struct {
		e    store.FollowedEvent
		want string
	}{
		{ev(model.EventCanceled, "awaiting_decision", "canceled"), "Silicon Valley season 5 is canceled"},
		{ev(model.EventCanceled, "canceled", "disputed: Deadline says renewed; TVLine says canceled"),
			"Correction: Silicon Valley season 5 is now disputed, not canceled — Deadline says renewed; TVLine says canceled"},
		{ev(model.EventRenewed, "disputed", "renewed"), "Silicon Valley season 5 is renewed: the dispute is settled"},
		{ev(model.EventRenewed, "canceled", "renewed"), "Silicon Valley season 5 is renewed"},
		{ev(model.EventPremiereMoved, "2027-summer", "disputed: Variety says early 2028; Netflix says summer 2027"),
			"Correction: Silicon Valley season 5 premiere is now disputed, not summer 2027 — Variety says early 2028; Netflix says summer 2027"},
		{ev(model.EventCastNews, "expected", "Zach Woods as Jared Dunn: departing"), "Silicon Valley season 5 cast: Zach Woods as Jared Dunn: not returning"},
		{ev(model.EventCastNews, "", "Arden Cho as Mara: new role"), "Silicon Valley season 5 cast: Arden Cho as Mara: new role"},
	} {
		if got := Headline(tt.e); got != tt.want {
			t.Errorf("Headline = %q\n         want %q", got, tt.want)
		}
	}
	if got := Detail(ev(model.EventRenewed, "disputed", "renewed")); got != "Before: Disputed." {
		t.Errorf("Detail = %q", got)
	}
}
