package facts

import (
	"fmt"
	"strings"

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
	if c, ok := renewalChange(before.Renewal, after.Renewal); ok {
		out = append(out, c)
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

// Disputed is the Old or New of a renewal change whose answer is, or
// was, disputed.
const Disputed = model.AnswerDisputed

// renewalChange tells a decision reached or reversed, a decision put in
// dispute (told under the kind of the decision it disputes, so that
// whoever was told it hears of the correction), and a dispute settled.
// A dispute is an answer: its New says who says what.
func renewalChange(before, after Renewal) (Change, bool) {
	old := string(before.Status)
	if before.Disputed {
		old = Disputed
	}
	switch {
	case after.Disputed && !before.Disputed:
		kind, ok := decisionEvents[before.Status]
		if !ok {
			kind, ok = decisionEvents[after.Status]
		}
		return Change{Kind: kind, Old: old, New: model.DisputedValue(Sides(after.Evidence, RenewalSays)), Evidence: after.Evidence}, ok
	case after.Disputed:
		return Change{}, false // still disputed
	case after.Status != before.Status || before.Disputed:
		kind, ok := decisionEvents[after.Status]
		return Change{Kind: kind, Old: old, New: string(after.Status), Evidence: after.Evidence}, ok
	}
	return Change{}, false
}

// Sides says who says what in a disputed answer: "Deadline says
// renewed; TVLine says canceled", each side's words by say ("" leaves
// a claim out). Alerts and the outlook's lead both tell a dispute so.
func Sides(evidence []Evidence, say func(Evidence) string) string {
	var parts []string
	for _, e := range evidence {
		what := say(e)
		if e.Role != RoleDecides && e.Role != RoleDisputes || what == "" {
			continue
		}
		who := e.Source.Publisher
		if who == "" {
			who = e.Speaker
		}
		parts = append(parts, who+" says "+what)
	}
	return strings.Join(parts, "; ")
}

// RenewalSays and dateSays are what a renewal or premiere claim says.
func RenewalSays(e Evidence) string {
	if e.Status == "" {
		return ""
	}
	return strings.ToLower(e.Status.Label())
}

func dateSays(e Evidence) string {
	return e.Date.Display()
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
	if after != nil && after.Disputed {
		// A date put in dispute corrects the one told; a dispute still
		// going on is no news.
		if before == nil || before.Disputed {
			return Change{}, false
		}
		return Change{Kind: model.EventPremiereMoved, Old: before.Date.String(), New: model.DisputedValue(Sides(after.Evidence, dateSays)), Evidence: after.Evidence}, true
	}
	if after == nil || (before != nil && before.Date == after.Date && !before.Disputed) {
		return Change{}, false
	}
	if before == nil {
		return Change{Kind: model.EventPremiereDated, New: after.Date.String(), Evidence: after.Evidence}, true
	}
	kind := model.EventPremiereMoved
	if before.Date.Contains(after.Date) {
		kind = model.EventPremiereDated
	}
	return Change{Kind: kind, Old: before.Date.String(), New: after.Date.String(), Evidence: after.Evidence}, true
}
