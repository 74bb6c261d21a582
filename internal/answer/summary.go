package answer

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/nextseason/nextseason/internal/facts"
	"github.com/nextseason/nextseason/internal/model"
)

// Summary is an outlook told the way the best "everything we know"
// articles open: a one-paragraph lead, then what is known (each point
// with its sources) and what is not known yet. The page and the CLI print
// it above the sections, so both open with the same words.
type Summary struct {
	Lead    string
	Known   []Point
	Unknown []string
	// NoSeason, when the season will not come, says so for the sections
	// that would otherwise describe it; "" while it may come.
	NoSeason string
	// After is "after N seasons" for a season that will not come, when
	// the catalog's season list says how many aired; else "".
	After string
}

// Point is one thing known, with the evidence that says it.
type Point struct {
	Text     string
	Evidence []facts.Evidence
}

// Summarize tells an outlook in a reader's words.
func Summarize(o facts.Outlook) Summary {
	s := Summary{Lead: lead(o)}
	r := o.Renewal
	gone := r.Status.WillNotHappen() && !r.Disputed
	season := "season " + strconv.Itoa(o.Season)
	if gone {
		s.After = afterSeasons(o)
		s.NoSeason = fmt.Sprintf("There will be no %s.", season)
		if !o.SeasonList {
			s.NoSeason = "The show has ended: no new season is coming."
		}
	}
	aired := r.Status == model.StatusRenewed && o.Premiere.AiredBy(o.AsOf)
	switch {
	case aired:
		// The premiere below says it; "renewed" of an aired season is noise.
	case r.Disputed:
		s.Unknown = append(s.Unknown, fmt.Sprintf("Whether there will be a %s: sources of equal weight disagree.", season))
	case r.Status.Decisive():
		text := fmt.Sprintf("%s: %s", capitalize(season), strings.ToLower(r.Status.Label()))
		if r.Since != nil {
			text += ", since " + r.Since.Display()
		}
		s.Known = append(s.Known, Point{Text: text + ".", Evidence: r.Evidence})
	default:
		s.Unknown = append(s.Unknown, fmt.Sprintf("Whether there will be a %s: no renewal or cancellation has been announced.", season))
	}
	if gone {
		return s
	}
	switch p := o.Premiere; {
	case p == nil:
		s.Unknown = append(s.Unknown, "When it premieres: no date has been announced.")
	case p.Disputed:
		s.Unknown = append(s.Unknown, "The premiere date: sources of equal weight give different dates.")
	case p.Date.Precision != model.PrecisionDay:
		s.Known = append(s.Known, Point{Text: fmt.Sprintf("It is expected %s.", p.Date.Display()), Evidence: p.Evidence})
		s.Unknown = append(s.Unknown, "The exact premiere date.")
	case p.AiredBy(o.AsOf):
		s.Known = append(s.Known, Point{Text: fmt.Sprintf("It premiered %s.", p.Date.Display()), Evidence: p.Evidence})
	default:
		s.Known = append(s.Known, Point{Text: fmt.Sprintf("It premieres %s.", p.Date.Display()), Evidence: p.Evidence})
	}
	if e := o.Episodes; e != nil && !e.Disputed {
		s.Known = append(s.Known, Point{Text: fmt.Sprintf("It has %s.", model.Plural(e.Count, "episode")), Evidence: e.Evidence})
	}
	if p := castPoint(o.Cast); p.Text != "" {
		s.Known = append(s.Known, p)
	} else if !aired {
		s.Unknown = append(s.Unknown, "Who is in the cast: no one has been announced.")
	}
	if len(o.Plot) > 0 {
		s.Known = append(s.Known, Point{Text: "The story: " + o.Plot[0].Text, Evidence: o.Plot[0].Evidence})
	} else if !aired {
		s.Unknown = append(s.Unknown, "What it will be about.")
	}
	return s
}

// lead is the opening paragraph: the answer to "will there be one, and
// when", with its date.
func lead(o facts.Outlook) string {
	r := o.Renewal
	title, season := o.Show.Title, "season "+strconv.Itoa(o.Season)
	since := ""
	if r.Since != nil {
		since = " on " + r.Since.Display()
	}
	if r.Disputed {
		return fmt.Sprintf("Sources disagree on whether %s will have a %s: %s.", title, season, facts.Sides(r.Evidence, renewalSaysWhen))
	}
	var b strings.Builder
	if r.Status.WillNotHappen() && !o.SeasonList {
		// Without a season list, which season was the last is not known:
		// say what is, not "season N will not happen".
		fmt.Fprintf(&b, "%s has ended%s: no new season is coming. The catalog has no season list for it, so how many seasons it had is not known here.", title, since)
		return b.String()
	}
	switch r.Status {
	case model.StatusCanceled:
		who := title + " was canceled"
		if o.Show.Network != "" {
			who = o.Show.Network + " canceled " + title
		}
		fmt.Fprintf(&b, "%s%s%s; %s will not happen.", who, since, comma(afterSeasons(o)), season)
	case model.StatusEndedFinalSeason:
		fmt.Fprintf(&b, "%s ended with its final season%s; %s will not happen.", title, comma(afterSeasons(o)), season)
	case model.StatusRenewed:
		if p := o.Premiere; p.AiredBy(o.AsOf) {
			fmt.Fprintf(&b, "%s of %s premiered %s.", capitalize(season), title, p.Date.Display())
			return b.String()
		}
		fmt.Fprintf(&b, "%s has been renewed for %s", title, season)
		if r.Since != nil {
			b.WriteString(" (known since " + r.Since.Display() + ")")
		}
		b.WriteString(". ")
		switch p := o.Premiere; {
		case p == nil:
			b.WriteString("No premiere date has been announced yet.")
		case p.Disputed:
			fmt.Fprintf(&b, "Its premiere date is disputed; the likeliest is %s.", p.Date.Display())
		case p.Date.Precision == model.PrecisionDay:
			fmt.Fprintf(&b, "It premieres %s.", p.Date.Display())
		default:
			fmt.Fprintf(&b, "It is expected %s.", p.Date.Display())
		}
	case model.StatusInDevelopment:
		fmt.Fprintf(&b, "%s of %s is in development; it has not been ordered yet.", capitalize(season), title)
	default:
		fmt.Fprintf(&b, "%s has not been renewed or canceled for %s yet.", title, season)
		if v := o.Viewership; v != nil {
			fmt.Fprintf(&b, " Season %d spent %s in the Netflix Top 10, peaking at #%d.", v.Season, model.Plural(v.WeeksInChart, "week"), v.PeakRank)
		}
	}
	return b.String()
}

// afterSeasons is "after N seasons" when the season list says how many
// aired; else nothing, rather than a count the catalog cannot back.
func afterSeasons(o facts.Outlook) string {
	prev := o.Season - 1
	if !o.SeasonList || prev < 1 || o.LastAired != prev {
		return ""
	}
	return "after " + model.Plural(prev, "season")
}

// comma puts a clause after a comma, or is "" for none.
func comma(clause string) string {
	if clause == "" {
		return ""
	}
	return ", " + clause
}

// renewalSaysWhen is what a renewal claim says, and when: "renewed
// (March 4, 2025)".
func renewalSaysWhen(e facts.Evidence) string {
	what := facts.RenewalSays(e)
	if what != "" && !e.StatedAt.IsZero() {
		what += " (" + e.StatedAt.Display() + ")"
	}
	return what
}

// castPoint names who is announced for the season, or nothing.
func castPoint(cast []facts.CastMember) Point {
	var names []string
	var ev []facts.Evidence
	for _, c := range cast {
		if c.State == string(model.CastDeparting) || c.Disputed {
			continue
		}
		names = append(names, c.Actor)
		ev = append(ev, c.Evidence...)
	}
	if len(names) == 0 {
		return Point{}
	}
	const shown = 4
	list := strings.Join(names[:min(len(names), shown)], ", ")
	if len(names) > shown {
		list += fmt.Sprintf(" and %d more", len(names)-shown)
	}
	return Point{Text: "Cast: " + list + ".", Evidence: ev}
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
