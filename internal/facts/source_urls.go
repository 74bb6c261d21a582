package facts

import "strings"

// WithBase makes the outlook's source URLs that are paths on this
// nextseason (its archive copies, "/archive/…") absolute under base
// ("https://tv.example"), for readers outside a page: the API's JSON and
// the CLI. Other URLs, and every URL when base is "", are left as they
// are.
func (o Outlook) WithBase(base string) Outlook {
	base = strings.TrimRight(base, "/")
	if base == "" {
		return o
	}
	abs := func(u string) string {
		if strings.HasPrefix(u, "/") && !strings.HasPrefix(u, "//") {
			return base + u
		}
		return u
	}
	evidence := func(ev []Evidence) []Evidence {
		if ev == nil {
			return nil
		}
		out := make([]Evidence, len(ev))
		for i, e := range ev {
			e.Source.URL = abs(e.Source.URL)
			out[i] = e
		}
		return out
	}
	points := func(ps []PlotPoint) []PlotPoint {
		if ps == nil {
			return nil
		}
		out := make([]PlotPoint, len(ps))
		for i, p := range ps {
			p.Evidence = evidence(p.Evidence)
			out[i] = p
		}
		return out
	}
	cast := func(cs []CastMember) []CastMember {
		if cs == nil {
			return nil
		}
		out := make([]CastMember, len(cs))
		for i, c := range cs {
			c.Evidence = evidence(c.Evidence)
			out[i] = c
		}
		return out
	}
	premiere := func(p *Premiere) *Premiere {
		if p == nil {
			return nil
		}
		c := *p
		c.Evidence = evidence(p.Evidence)
		return &c
	}
	o.Renewal.Evidence = evidence(o.Renewal.Evidence)
	o.Renewal.Factors = points(o.Renewal.Factors)
	o.Premiere, o.PreviousPremiere = premiere(o.Premiere), premiere(o.PreviousPremiere)
	if o.Episodes != nil {
		e := *o.Episodes
		e.Evidence = evidence(e.Evidence)
		o.Episodes = &e
	}
	o.Cast, o.PreviousCast, o.Plot = cast(o.Cast), cast(o.PreviousCast), points(o.Plot)
	if o.Sources != nil {
		sources := make([]SourceRef, len(o.Sources))
		for i, s := range o.Sources {
			s.URL = abs(s.URL)
			sources[i] = s
		}
		o.Sources = sources
	}
	if o.Timeline != nil {
		timeline := make([]TimelineEntry, len(o.Timeline))
		for i, t := range o.Timeline {
			t.Evidence.Source.URL = abs(t.Evidence.Source.URL)
			timeline[i] = t
		}
		o.Timeline = timeline
	}
	return o
}
