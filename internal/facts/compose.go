package facts

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"

	"github.com/nextseason/nextseason/internal/model"
)

// composer builds one outlook and collects the sources it cites, in the
// order they are first cited, so footnote numbers follow the page.
type composer struct {
	data    ShowData
	known   []model.Claim
	season  int
	asOf    model.PartialDate
	sources []SourceRef
	notes   []string
}

func (c *composer) claims(kind model.ClaimKind, season int) []model.Claim {
	var out []model.Claim
	for _, cl := range c.known {
		if cl.Kind == kind && cl.Season == season {
			out = append(out, cl)
		}
	}
	return out
}

// cite numbers a source, once per URL.
func (c *composer) cite(s SourceRef) int {
	for i, have := range c.sources {
		if have.URL == s.URL {
			return i + 1
		}
	}
	c.sources = append(c.sources, s)
	return len(c.sources)
}

// SourceOf is how an answer cites a source.
func SourceOf(s model.Source) SourceRef {
	return SourceRef{URL: s.URL, Publisher: s.Publisher, Title: s.Title, Published: s.Published, Tier: s.Tier}
}

func (c *composer) evidence(cl model.Claim, role string) Evidence {
	src := SourceOf(cl.Source)
	return Evidence{
		ID: cl.ID, Role: role, Kind: cl.Kind, Status: cl.Status, Date: cl.Date, Quote: cl.Quote, Speaker: cl.Speaker,
		StatedAt: cl.StatedAt, State: cl.State, Origin: cl.Origin,
		Source: src, Footnote: c.cite(src),
	}
}

func (c *composer) evidenceOf(r Resolution) []Evidence {
	ev := []Evidence{c.evidence(r.Winner, RoleDecides)}
	for _, d := range r.Disputed {
		ev = append(ev, c.evidence(d, RoleDisputes))
	}
	for _, s := range r.Supporting {
		ev = append(ev, c.evidence(s, RoleSupports))
	}
	return ev
}

// providerKnown reports whether the provider's record was current by asOf.
func (c *composer) providerKnown() bool {
	seen := c.data.Show.ProviderSeenAt
	return c.data.Show.ProviderStatus != "" && !seen.IsZero() && model.DayDate(seen).Compare(c.asOf) <= 0
}

// providerEvidence cites the provider's record of the show.
func (c *composer) providerEvidence(kind model.ClaimKind, quote string) Evidence {
	show := c.data.Show
	src := SourceRef{
		URL:       "https://www.tvmaze.com/shows/" + strconv.FormatInt(show.TVmazeID, 10),
		Publisher: "TVmaze",
		Title:     show.Title + " on TVmaze",
		Published: model.DayDate(show.ProviderSeenAt),
		Tier:      model.TierProvider,
	}
	return Evidence{
		Role: RoleDecides, Kind: kind, Quote: quote, StatedAt: src.Published, State: model.StateAccepted,
		Origin: model.OriginProvider, Source: src, Footnote: c.cite(src),
	}
}

func (c *composer) catalogSeason(n int) (model.Season, bool) {
	for _, s := range c.data.Seasons {
		if s.Number == n {
			return s, true
		}
	}
	return model.Season{}, false
}

func (c *composer) renewal() Renewal {
	r := Renewal{Status: model.StatusUnknown, Evidence: []Evidence{}}
	if res, ok := ResolveRenewal(c.claims(model.KindRenewal, c.season)); ok {
		since := res.Winner.StatedAt
		r.Status, r.Since, r.Disputed = res.Winner.Status, &since, len(res.Disputed) > 0
		r.Evidence = c.evidenceOf(res)
	} else if p := c.premiere(c.season); p.AiredBy(c.asOf) {
		// A season that has premiered was, self-evidently, made.
		r.Status, r.Evidence = model.StatusRenewed, p.Evidence
	} else if ev, ok := c.airedLater(); ok {
		// A later season was in the chart: this one was made.
		r.Status, r.Evidence = model.StatusRenewed, []Evidence{ev}
		r.Since = &ev.StatedAt
	} else if r.Status, r.Evidence = c.providerRenewal(); r.Status != model.StatusUnknown {
		since := r.Evidence[0].StatedAt
		r.Since = &since
	}
	r.Factors = []PlotPoint{}
	if !r.Status.Decisive() || r.Disputed {
		// What a decision depends on matters only while none is made.
		r.Factors = c.texts(model.KindFactor)
	}
	return r
}

// airedLater is the chart's evidence that the season was made: a chart
// week, published by the as-of day, of it or of a later season.
func (c *composer) airedLater() (Evidence, bool) {
	var best *model.Viewership
	for i, v := range c.data.Viewership {
		published := ChartPublished(v.WeekEnding.Start())
		if v.Season >= c.season && !published.After(c.asOf.Start()) && (best == nil || v.WeekEnding.Compare(best.WeekEnding) < 0) {
			best = &c.data.Viewership[i]
		}
	}
	if best == nil {
		return Evidence{}, false
	}
	published := model.DayDate(ChartPublished(best.WeekEnding.Start()))
	src := netflixTop10(published)
	return Evidence{Role: RoleDecides, Kind: model.KindRenewal, Quote: fmt.Sprintf("Season %d was in the Netflix Top 10 in the week ending %s.", best.Season, best.WeekEnding.Display()),
		StatedAt: published, State: model.StateAccepted, Origin: model.OriginProvider, Source: src, Footnote: c.cite(src)}, true
}

// providerRenewal falls back on the catalog: a season TVmaze lists exists;
// the show's status speaks for the season after the last one.
func (c *composer) providerRenewal() (model.RenewalStatus, []Evidence) {
	if !c.providerKnown() {
		return model.StatusUnknown, []Evidence{}
	}
	if _, ok := c.catalogSeason(c.season); ok {
		return model.StatusRenewed, []Evidence{c.providerEvidence(model.KindRenewal, fmt.Sprintf("TVmaze lists season %d", c.season))}
	}
	if c.season != LastSeason(c.data, c.known)+1 {
		return model.StatusUnknown, []Evidence{}
	}
	status := ProviderStatus(c.data.Show.ProviderStatus)
	if status == model.StatusUnknown {
		return status, []Evidence{}
	}
	quote := fmt.Sprintf("TVmaze status: %s", c.data.Show.ProviderStatus)
	if c.data.Show.ProviderStatus == TVmazeEnded {
		quote += " (TVmaze does not say whether the show was canceled or concluded)"
	}
	if !SeasonListKnown(c.data) {
		c.notes = append(c.notes, fmt.Sprintf("The catalog has no season list for %s yet, so season %d is a lower bound for its next season.", c.data.Show.Title, c.season))
	}
	return status, []Evidence{c.providerEvidence(model.KindRenewal, quote)}
}

func (c *composer) premiere(season int) *Premiere {
	if res, ok := ResolvePremiere(c.claims(model.KindPremiere, season)); ok {
		d := res.Winner.Date
		return &Premiere{Date: d, Disputed: len(res.Disputed) > 0, Evidence: c.evidenceOf(res)}
	}
	d := c.catalogPremiere(season)
	if d.IsZero() || c.data.Show.ProviderSeenAt.IsZero() {
		return nil // nothing to cite
	}
	if !c.providerKnown() && d.End().After(c.asOf.Start()) {
		// A date still ahead on asOf counts only once the provider had published it.
		return nil
	}
	ev := c.providerEvidence(model.KindPremiere, fmt.Sprintf("TVmaze: season %d premiered %s", season, d.Display()))
	return &Premiere{Date: d, Evidence: []Evidence{ev}}
}

func (c *composer) episodes() *EpisodeCount {
	if res, ok := ResolveEpisodes(c.claims(model.KindEpisodes, c.season)); ok {
		return &EpisodeCount{Count: res.Winner.Episodes, Disputed: len(res.Disputed) > 0, Evidence: c.evidenceOf(res)}
	}
	s, ok := c.catalogSeason(c.season)
	if !ok || s.EpisodeOrder == 0 || !c.providerKnown() {
		return nil
	}
	ev := c.providerEvidence(model.KindEpisodes, fmt.Sprintf("TVmaze: season %d has %d episodes", c.season, s.EpisodeOrder))
	return &EpisodeCount{Count: s.EpisodeOrder, Evidence: []Evidence{ev}}
}

func (c *composer) catalogPremiere(season int) model.PartialDate {
	if s, ok := c.catalogSeason(season); ok && !s.Premiere.IsZero() {
		return s.Premiere
	}
	var first model.PartialDate
	for _, e := range c.data.Episodes {
		if e.Season == season && !e.Airdate.IsZero() && (first.IsZero() || e.Airdate.Compare(first) < 0) {
			first = e.Airdate
		}
	}
	if first.IsZero() && season == 1 {
		return c.data.Show.Premiered
	}
	return first
}

// cast resolves, actor by actor, who is in the season.
func (c *composer) cast(season int) []CastMember {
	byActor := map[string][]model.Claim{}
	var order []string
	for _, cl := range c.claims(model.KindCast, season) {
		if _, seen := byActor[cl.Actor]; !seen {
			order = append(order, cl.Actor)
		}
		byActor[cl.Actor] = append(byActor[cl.Actor], cl)
	}
	out := []CastMember{}
	for _, actor := range order {
		res, _ := ResolveCast(byActor[actor])
		out = append(out, CastMember{
			Actor: actor, Character: res.Winner.Character, State: string(res.Winner.CastChange),
			Disputed: len(res.Disputed) > 0, Evidence: c.evidenceOf(res),
		})
	}
	return out
}

// previousCast lists the cast of the season before, from claims and the
// catalog's credits, leaving out actors already in the season's cast.
func (c *composer) previousCast(current []CastMember) []CastMember {
	out := []CastMember{}
	if c.season < 2 {
		return out
	}
	listed := map[string]bool{}
	for _, m := range current {
		listed[m.Actor] = true
	}
	for _, m := range c.cast(c.season - 1) {
		if !listed[m.Actor] && m.State != string(model.CastDeparting) {
			listed[m.Actor] = true
			out = append(out, m)
		}
	}
	for _, cr := range c.data.Credits {
		if cr.Role == model.RoleCrew || (cr.Season != 0 && cr.Season != c.season-1) || listed[cr.Person.Name] || !c.providerKnown() {
			continue
		}
		listed[cr.Person.Name] = true
		out = append(out, CastMember{
			Actor: cr.Person.Name, Character: cr.Character, State: string(cr.Role),
			Evidence: []Evidence{c.providerEvidence(model.KindCast, fmt.Sprintf("TVmaze cast: %s as %s", cr.Person.Name, cr.Character))},
		})
	}
	return out
}

func (c *composer) texts(kind model.ClaimKind) []PlotPoint {
	out := []PlotPoint{}
	for _, cl := range c.claims(kind, c.season) {
		out = append(out, PlotPoint{Text: cl.Text, Quote: cl.Quote, Speaker: cl.Speaker, Evidence: []Evidence{c.evidence(cl, RoleDecides)}})
	}
	return out
}

// timeline lists the claims about the show, the season and the season
// before, in the order they became known.
func (c *composer) timeline() []TimelineEntry {
	var cls []model.Claim
	for _, cl := range c.known {
		if cl.Season == 0 || cl.Season == c.season || cl.Season == c.season-1 {
			cls = append(cls, cl)
		}
	}
	slices.SortStableFunc(cls, func(a, b model.Claim) int {
		if x := a.StatedAt.Compare(b.StatedAt); x != 0 {
			return x
		}
		if x := a.RecordedAt.Compare(b.RecordedAt); x != 0 {
			return x
		}
		return cmp.Compare(a.ID, b.ID)
	})
	out := []TimelineEntry{}
	for _, cl := range cls {
		out = append(out, TimelineEntry{Date: cl.StatedAt, Summary: Summarize(cl), Evidence: c.evidence(cl, RoleDecides)})
	}
	return out
}

// Summarize says in a few words what a claim states.
func Summarize(cl model.Claim) string {
	season := "the show"
	if cl.Season > 0 {
		season = "season " + strconv.Itoa(cl.Season)
	}
	switch cl.Kind {
	case model.KindRenewal:
		return fmt.Sprintf("%s: %s", season, cl.Status.Label())
	case model.KindPremiere:
		return fmt.Sprintf("%s premiere: %s", season, cl.Date.Display())
	case model.KindEpisodes:
		return fmt.Sprintf("%s: %d episodes", season, cl.Episodes)
	case model.KindCast:
		return fmt.Sprintf("%s as %s in %s (%s)", cl.Actor, cl.Character, season, cl.CastChange)
	case model.KindPlot:
		return fmt.Sprintf("%s plot: %s", season, cl.Text)
	case model.KindFactor:
		return fmt.Sprintf("%s decision factor: %s", season, cl.Text)
	}
	return string(cl.Kind)
}
