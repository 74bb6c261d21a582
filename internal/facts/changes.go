package facts

import (
	"fmt"

	"github.com/nextseason/nextseason/internal/model"
)

// Change is a difference between two outlooks of one season that a
// follower may be told about.
type Change struct {
	Kind     model.EventKind
	Old, New string
	// Evidence is what the new answer rests on, when it rests on claims.
	Evidence []Evidence
	// Actor is who cast news is about.
	Actor string
}

// Changes lists how after differs from before, for the same season: a
// decision reached or reversed, a premiere dated, narrowed or moved, and
// cast news. It is pure, so "what changed" is decided in one place
// whatever changed it (an editor, a feed, a provider sync).
func Changes(before, after Outlook) []Change {
	var out []Change
	if b, a := before.Renewal.Status, after.Renewal.Status; a != b && !after.Renewal.Disputed {
		if kind, ok := decisionEvents[a]; ok {
			out = append(out, Change{Kind: kind, Old: string(b), New: string(a), Evidence: after.Renewal.Evidence})
		}
	}
	if c, ok := premiereChange(before.Premiere, after.Premiere); ok {
		out = append(out, c)
	}
	known := map[string]string{}
	for _, m := range before.Cast {
		known[m.Actor] = m.State
	}
	for _, m := range after.Cast {
		if state, ok := known[m.Actor]; (!ok || state != m.State) && !m.Disputed {
			who := m.Actor
			if m.Character != "" {
				who += " as " + m.Character
			}
			out = append(out, Change{Kind: model.EventCastNews, Old: state, New: fmt.Sprintf("%s: %s", who, m.State), Evidence: m.Evidence, Actor: m.Actor})
		}
	}
	return out
}

// decisionEvents are the renewal statuses followers are told of, with the
// event each is.
var decisionEvents = map[model.RenewalStatus]model.EventKind{
	model.StatusRenewed:          model.EventRenewed,
	model.StatusCanceled:         model.EventCanceled,
	model.StatusEndedFinalSeason: model.EventEndedFinalSeason,
}

// premiereChange tells a premiere dated (first announced, or narrowed
// within what was known) from one moved.
func premiereChange(before, after *Premiere) (Change, bool) {
	if after == nil || after.Disputed || (before != nil && before.Date == after.Date) {
		return Change{}, false
	}
	if before == nil {
		return Change{Kind: model.EventPremiereDated, New: after.Date, Evidence: after.Evidence}, true
	}
	b, errB := model.ParsePartialDate(before.Date)
	a, errA := model.ParsePartialDate(after.Date)
	if errA == nil && errB == nil && b.Contains(a) {
		return Change{Kind: model.EventPremiereDated, Old: before.Date, New: after.Date, Evidence: after.Evidence}, true
	}
	return Change{Kind: model.EventPremiereMoved, Old: before.Date, New: after.Date, Evidence: after.Evidence}, true
}
