package facts

import (
	"slices"
	"strings"
)

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
	abs := func(u *string) {
		if strings.HasPrefix(*u, "/") && !strings.HasPrefix(*u, "//") {
			*u = base + *u
		}
	}
	evidence := func(ev []Evidence) []Evidence { return edited(ev, func(e *Evidence) { abs(&e.Source.URL) }) }
	premiere := func(p *Premiere) *Premiere {
		if p == nil {
			return nil
		}
		c := *p
		c.Evidence = evidence(p.Evidence)
		return &c
	}
	points := func(ps []PlotPoint) []PlotPoint {
		return edited(ps, func(p *PlotPoint) { p.Evidence = evidence(p.Evidence) })
	}
	cast := func(cs []CastMember) []CastMember {
		return edited(cs, func(c *CastMember) { c.Evidence = evidence(c.Evidence) })
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
	o.Sources = edited(o.Sources, func(s *SourceRef) { abs(&s.URL) })
	o.Timeline = edited(o.Timeline, func(t *TimelineEntry) { abs(&t.Evidence.Source.URL) })
	return o
}

// edited is a copy of xs with edit applied to each element; nil stays
// nil, and xs is left as it was.
func edited[T any](xs []T, edit func(*T)) []T {
	out := slices.Clone(xs)
	for i := range out {
		edit(&out[i])
	}
	return out
}
