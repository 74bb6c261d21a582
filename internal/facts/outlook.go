package facts

import (
	"errors"
	"fmt"
	"slices"

	"github.com/nextseason/nextseason/internal/model"
)

// ShowData is everything known about one show that an outlook is composed
// from: the catalog records, every claim (in any state) and chart weeks.
type ShowData struct {
	Show       model.Show
	Seasons    []model.Season
	Episodes   []model.Episode
	Credits    []model.Credit
	Claims     []model.Claim
	Viewership []model.Viewership
}

// Outlook is the answer to the fan's four questions about one season, as
// known on one day: will it happen, when, who is in it, what is it about.
// The CLI's --json and the API print it as it is.
type Outlook struct {
	Show   ShowRef           `json:"show"`
	Season int               `json:"season"`
	AsOf   model.PartialDate `json:"as_of"`
	// LastAired is the last season that had aired by AsOf, 0 if none;
	// without a season list in the catalog it is a lower bound.
	LastAired        int              `json:"last_aired"`
	SeasonList       bool             `json:"season_list"`
	Renewal          Renewal          `json:"renewal"`
	Premiere         *Premiere        `json:"premiere"`
	PreviousPremiere *Premiere        `json:"previous_premiere"`
	Episodes         *EpisodeCount    `json:"episodes"`
	Cast             []CastMember     `json:"cast"`
	PreviousCast     []CastMember     `json:"previous_cast"`
	Plot             []PlotPoint      `json:"plot"`
	Viewership       *ViewershipTrend `json:"viewership"`
	Sources          []SourceRef      `json:"sources"`
	// Notes are caveats a reader should see, such as a missing season list.
	Notes    []string        `json:"notes"`
	Timeline []TimelineEntry `json:"timeline"`
}

// ShowRef names the show an outlook is about.
type ShowRef struct {
	Slug    string `json:"slug"`
	Title   string `json:"title"`
	Network string `json:"network"`
	// Image is the show's poster URL, "" when the catalog has none.
	Image string `json:"image,omitempty"`
}

// Renewal is the resolved renewal status of a season. Since is the day
// the deciding claim was stated, nil when nothing decides it.
type Renewal struct {
	Status   model.RenewalStatus `json:"status"`
	Since    *model.PartialDate  `json:"since"`
	Disputed bool                `json:"disputed"`
	Evidence []Evidence          `json:"evidence"`
	// Factors are what the decision is said to depend on.
	Factors []PlotPoint `json:"factors"`
}

// Premiere is a resolved premiere date; the date carries its precision.
type Premiere struct {
	Date     model.PartialDate `json:"date"`
	Disputed bool              `json:"disputed"`
	Evidence []Evidence        `json:"evidence"`
}

// AiredBy reports whether the premiere is a day no later than day: the
// season had begun airing then.
func (p *Premiere) AiredBy(day model.PartialDate) bool {
	return p != nil && p.Date.Precision == model.PrecisionDay && p.Date.Compare(day) <= 0
}

// EpisodeCount is how many episodes a season has or is to have.
type EpisodeCount struct {
	Count    int        `json:"count"`
	Disputed bool       `json:"disputed"`
	Evidence []Evidence `json:"evidence"`
}

// CastMember is an actor as a character in a season.
type CastMember struct {
	Actor     string `json:"actor"`
	Character string `json:"character"`
	// State is returning, new, expected or departing for the season asked
	// about; for the previous season's cast it is the credit's role.
	State    string     `json:"state"`
	Disputed bool       `json:"disputed,omitempty"`
	Evidence []Evidence `json:"evidence"`
}

// PlotPoint is a statement about what a season will be about, or what a
// decision depends on.
type PlotPoint struct {
	Text     string     `json:"text"`
	Quote    string     `json:"quote"`
	Speaker  string     `json:"speaker"`
	Evidence []Evidence `json:"evidence"`
}

// Evidence is a claim as cited by an answer. Footnote numbers the source
// in the outlook's Sources, from 1.
type Evidence struct {
	ID   int64           `json:"id"`
	Role string          `json:"role"`
	Kind model.ClaimKind `json:"kind"`
	// Status is what a renewal claim says, Date what a premiere claim
	// says.
	Status   model.RenewalStatus `json:"status,omitempty"`
	Date     model.PartialDate   `json:"date,omitzero"`
	Quote    string              `json:"quote"`
	Speaker  string              `json:"speaker"`
	StatedAt model.PartialDate   `json:"stated_at"`
	State    model.ClaimState    `json:"state"`
	Origin   model.Origin        `json:"origin"`
	Source   SourceRef           `json:"source"`
	Footnote int                 `json:"footnote"`
}

// SourceRef is a cited source.
type SourceRef struct {
	URL       string            `json:"url"`
	Publisher string            `json:"publisher"`
	Title     string            `json:"title,omitempty"`
	Published model.PartialDate `json:"published"`
	Tier      model.Tier        `json:"tier"`
}

// TimelineEntry is one claim in the order claims became known.
type TimelineEntry struct {
	Date     model.PartialDate `json:"date"`
	Summary  string            `json:"summary"`
	Evidence Evidence          `json:"evidence"`
}

// The roles evidence plays in an answer.
const (
	RoleDecides  = "decides"  // the claim the answer comes from
	RoleDisputes = "disputes" // a claim of the same rank that says otherwise
	RoleSupports = "supports" // another claim that says the same
)

// Footnotes lists the distinct footnote numbers of some evidence, in order.
func Footnotes(ev ...Evidence) []int {
	var out []int
	for _, e := range ev {
		if e.Footnote > 0 && !slices.Contains(out, e.Footnote) {
			out = append(out, e.Footnote)
		}
	}
	slices.Sort(out)
	return out
}

// ErrNoSuchSeason is returned for a season an outlook cannot be given for.
var ErrNoSuchSeason = errors.New("no such season")

// Accepted keeps the accepted claims, whenever they were stated.
func Accepted(claims []model.Claim) []model.Claim {
	var out []model.Claim
	for _, c := range claims {
		if c.State == model.StateAccepted {
			out = append(out, c)
		}
	}
	return out
}

// LastSeason is the highest season number known from the catalog or from
// the given claims; 0 when none is known. A show that has premiered has at
// least one season even when the catalog holds no season list for it.
func LastSeason(d ShowData, claims []model.Claim) int {
	last := 0
	if !d.Show.Premiered.IsZero() {
		last = 1
	}
	for _, s := range d.Seasons {
		last = max(last, s.Number)
	}
	for _, e := range d.Episodes {
		last = max(last, e.Season)
	}
	for _, v := range d.Viewership {
		last = max(last, v.Season) // a season in the chart exists
	}
	for _, c := range claims {
		// A season exists once it is renewed or dated. Cast news, plot
		// teases, cancellations and "no decision yet" are about a season
		// that may never be made.
		if c.Kind == model.KindPremiere || (c.Kind == model.KindRenewal && c.Status == model.StatusRenewed) {
			last = max(last, c.Season)
		}
	}
	return last
}

// NextSeason is the season a fan means when they name none, on every
// surface: the one after the last that had aired by asOf (see
// LastAired), whatever was decided of it — a renewed season yet to air
// is next, and so is a canceled one.
func NextSeason(d ShowData, asOf model.PartialDate) int {
	return LastAired(d, asOf) + 1
}

// LastAired is the last season that had begun airing by asOf, by any
// evidence of it: a catalog season that premiered by then, an episode
// aired by then, a chart week of it ended by then, a premiere date an
// accepted claim gave, and season 1 once the show premiered. 0 before
// anything aired.
func LastAired(d ShowData, asOf model.PartialDate) int {
	day := asOf.Start()
	aired := func(p model.PartialDate) bool {
		return !p.IsZero() && p.Precision == model.PrecisionDay && !p.Start().After(day)
	}
	last := 0
	if aired(d.Show.Premiered) {
		last = 1
	}
	for _, s := range d.Seasons {
		if aired(s.Premiere) {
			last = max(last, s.Number)
		}
	}
	for _, e := range d.Episodes {
		if aired(e.Airdate) {
			last = max(last, e.Season)
		}
	}
	for _, v := range d.Viewership {
		// A chart week is known from its publication, the Tuesday after.
		if v.Season > 0 && !ChartPublished(v.WeekEnding.Start()).After(day) {
			last = max(last, v.Season)
		}
	}
	for _, c := range Known(d.Claims, asOf) {
		if c.Kind == model.KindPremiere && aired(c.Date) {
			last = max(last, c.Season)
		}
	}
	return last
}

// SeasonListKnown reports whether the catalog lists the show's seasons.
// Without a list, season numbers past the first are a lower bound.
func SeasonListKnown(d ShowData) bool {
	return len(d.Seasons) > 0 || len(d.Episodes) > 0
}

// ComposeOutlook answers the four questions about one season as known on
// asOf. Outlooks exist for every known season and for the next one.
func ComposeOutlook(d ShowData, season int, asOf model.PartialDate) (Outlook, error) {
	if asOf.Precision != model.PrecisionDay {
		return Outlook{}, fmt.Errorf("as-of date %q: want a day (YYYY-MM-DD)", asOf)
	}
	limit := LastSeason(d, Accepted(d.Claims)) + 1
	if season < 1 || season > limit {
		return Outlook{}, fmt.Errorf("%w: %s has outlooks for seasons 1 to %d, not %d", ErrNoSuchSeason, d.Show.Title, limit, season)
	}
	known := Known(d.Claims, asOf)
	c := composer{data: d, known: known, season: season, asOf: asOf}
	o := Outlook{
		Show:       ShowRef{Slug: d.Show.Slug, Title: d.Show.Title, Network: d.Show.Network, Image: d.Show.Image},
		Season:     season,
		AsOf:       asOf,
		LastAired:  LastAired(d, asOf),
		SeasonList: SeasonListKnown(d),
	}
	o.Renewal = c.renewal()
	o.Premiere = c.premiere(season)
	if season > 1 {
		o.PreviousPremiere = c.premiere(season - 1)
	}
	o.Episodes = c.episodes()
	o.Cast = c.cast(season)
	o.PreviousCast = c.previousCast(o.Cast)
	o.Plot = c.texts(model.KindPlot)
	o.Viewership = c.viewership()
	o.Timeline = c.timeline()
	o.Sources = c.sources
	o.Notes = c.notes
	return o, nil
}
