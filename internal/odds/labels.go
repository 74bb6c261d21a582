package odds

import (
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/nextseason/nextseason/internal/facts"
	"github.com/nextseason/nextseason/internal/match"
)

// Source is the evidence a season's outcome rests on.
type Source string

// The sources of outcomes, each dated by the day it became known.
const (
	// SourceNextCharted: the next season reached the Top 10, known the
	// day that week's chart was published.
	SourceNextCharted Source = "next season charted"
	// SourceListLater: Wikipedia's list, read on its Listed day, counts
	// a later season.
	SourceListLater Source = "list shows a later season"
	// SourceListEnded: the list of ended programming has it last, known
	// the day the list was read.
	SourceListEnded Source = "list of ended shows"
	// SourceClaims: the catalog and accepted claims, on the day their
	// answer became so.
	SourceClaims Source = "claims and catalog"
	// SourceTwoYears: the chart went on two years without the next
	// season, known the day the two years passed.
	SourceTwoYears Source = "two years without a next season"
)

// Sources lists them in the order they are tried.
var Sources = []Source{SourceNextCharted, SourceListLater, SourceListEnded, SourceClaims, SourceTwoYears}

// Evidence is what seasons' outcomes are read from.
type Evidence struct {
	Originals []Original
	// Listed is the day the lists were read: no list row is known
	// before it.
	Listed time.Time
	// Known, when set, answers from the catalog and accepted claims.
	Known Known
}

// Known says, as of a day (the zero time: today), whether a season was
// followed by another and since when; ok is false when that was not
// known on the day.
type Known func(key string, season int, asOf time.Time) (renewed bool, since time.Time, ok bool)

// premiereWindow is how long after its premiere a season must first
// chart for that week to stand for its premiere.
const premiereWindow = 14 * 24 * time.Hour

// quietYears is how long the chart must go on without a show's next
// season for a running show's last season to count as not renewed.
const quietYears = 2

// Ready is the day a season's four weeks were all published: before it,
// its features are not all known.
func (s Season) Ready() time.Time { return facts.ChartPublished(s.First.AddDate(0, 0, 7*(window-1))) }

// Examples links seasons in the Top 10 with what became of them as known
// on asOf (the zero time: all the evidence there is), each outcome dated
// by the day it became known. A season was renewed when its next season
// charted or the lists count a later one; it was not when the list of
// ended shows has it last, when the catalog and accepted claims say so,
// or when the chart went on two years without its next season. Evidence
// dated after asOf is not read, so a model trained on these examples
// learns nothing that was not known that day. A season whose outcome was
// not yet known is left out.
//
// A show not in the lists (a limited series, a show that came later)
// counts only when claims settle it: two quiet years say nothing of a
// show that may never have meant to go on, and counting its seasons only
// when the next one charted would count only the renewed.
//
// Left out too: seasons whose first week in the chart is not their
// premiere — a first season that charted
// more than two weeks after the show premiered, any season first seen in
// the chart's first fortnight (it may have premiered before the chart
// began), and a season first seen no earlier than the next one (an old
// season pulled up by a new one).
func Examples(seasons []Season, ev Evidence, asOf time.Time) []Example {
	type show struct {
		genre    string
		premiere time.Time
		seasons  int
		ended    bool
	}
	shows := map[string]show{}
	for _, o := range ev.Originals {
		if o.Excluded == "" {
			shows[match.Key(o.Title)] = show{strings.ToLower(o.Genre), o.Premiere, o.Seasons, o.Ended}
		}
	}
	known := func(t time.Time) bool { return asOf.IsZero() || !t.After(asOf) }
	listKnown := !ev.Listed.IsZero() && known(ev.Listed)
	var chartStart, chartEnd time.Time
	firstSeen := map[string]time.Time{}
	bySeason := map[string]*Season{}
	for i, s := range seasons {
		bySeason[seasonKey(s.Key, s.Season)] = &seasons[i]
		if chartStart.IsZero() || s.First.Before(chartStart) {
			chartStart = s.First
		}
		if facts.ChartPublished(s.First).After(chartEnd) && known(facts.ChartPublished(s.First)) {
			chartEnd = facts.ChartPublished(s.First)
		}
		firstSeen[seasonKey(s.Key, s.Season)] = s.First
	}
	var out []Example
	for _, s := range seasons {
		sh, listed := shows[s.Key]
		if !known(facts.ChartPublished(s.First)) || s.First.Sub(chartStart) < premiereWindow {
			continue
		}
		// A list that counts fewer seasons than charted before it was
		// read does not describe this show.
		if listed && s.Season > sh.seasons && !s.First.After(ev.Listed) {
			continue
		}
		next, nextCharted := firstSeen[seasonKey(s.Key, s.Season+1)]
		if nextCharted && !next.After(s.First) {
			continue
		}
		if listed && s.Season == 1 && (sh.premiere.IsZero() || s.First.Before(sh.premiere) || s.First.Sub(sh.premiere) > premiereWindow) {
			continue
		}
		nextKnown := nextCharted && known(facts.ChartPublished(next))
		e := Example{Title: s.Title, Key: s.Key, Season: s.Season, First: s.First, Features: features(s, bySeason[seasonKey(s.Key, s.Season-1)], sh.genre),
			Weeks: s.WeeksIn(), Hours: s.Hours}
		switch {
		case !listed && !(ev.Known != nil && knows(ev.Known, s.Key, s.Season, asOf, &e)):
			continue // a show not in the lists counts only when claims settle it
		case !listed:
		case nextKnown && !(listKnown && s.Season < sh.seasons && ev.Listed.Before(facts.ChartPublished(next))):
			e.Renewed, e.Known, e.Source = true, facts.ChartPublished(next), SourceNextCharted
		case listed && listKnown && s.Season < sh.seasons:
			e.Renewed, e.Known, e.Source = true, ev.Listed, SourceListLater
		case listed && listKnown && sh.ended && s.Season == sh.seasons:
			e.Renewed, e.Known, e.Source = false, ev.Listed, SourceListEnded
		case ev.Known != nil && knows(ev.Known, s.Key, s.Season, asOf, &e):
		case listed && !nextKnown && chartEnd.Sub(s.First) >= quietYears*365*24*time.Hour:
			e.Renewed, e.Known, e.Source = false, s.First.AddDate(quietYears, 0, 0), SourceTwoYears
		default:
			continue // not known yet
		}
		out = append(out, e)
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].First.Before(out[b].First) })
	return out
}

// knows asks known, filling e's outcome when it was known on asOf.
func knows(known Known, key string, season int, asOf time.Time, e *Example) bool {
	renewed, since, ok := known(key, season, asOf)
	if ok {
		e.Renewed, e.Known, e.Source = renewed, since, SourceClaims
	}
	return ok
}

// CountSources counts the examples by the evidence of their outcome.
func CountSources(ex []Example) map[Source]int {
	out := map[Source]int{}
	for _, e := range ex {
		out[e.Source]++
	}
	return out
}

func seasonKey(key string, season int) string {
	return key + "#" + strconv.Itoa(season)
}
