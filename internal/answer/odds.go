package answer

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/nextseason/nextseason/internal/facts"
	"github.com/nextseason/nextseason/internal/model"
	"github.com/nextseason/nextseason/internal/odds"
	"github.com/nextseason/nextseason/internal/store"
)

// OddsAnswer answers "will there be season N?" with odds only while the
// decision is awaited: otherwise with the decision, when and on what it
// rests.
type OddsAnswer struct {
	Show   string              `json:"show"`
	Season int                 `json:"season"`
	AsOf   string              `json:"as_of"`
	Status model.RenewalStatus `json:"status"`
	// Decided says, when the decision is known, what it was, since when
	// and on what it rests.
	Decided string         `json:"decided,omitempty"`
	Odds    *odds.Estimate `json:"odds,omitempty"`
}

// Odds answers a season's renewal odds as of a day: 404-worthy errors for
// no such show, a season that never charted, or no model for the day;
// the decision, when the day knew it; else the estimate.
func Odds(ctx context.Context, st *store.Store, svc *odds.Service, req Request, today time.Time) (OddsAnswer, error) {
	asOf, err := ParseAsOf(req.AsOf, today)
	if err != nil {
		return OddsAnswer{}, err
	}
	n, err := strconv.Atoi(req.Season)
	if err != nil || n < 2 {
		return OddsAnswer{}, badRequest("season %q: odds are of a season after the first, 2 or more", req.Season)
	}
	a := OddsAnswer{Show: req.Show, Season: n, AsOf: asOf.String(), Status: model.StatusAwaitingDecision}
	q := odds.Query{Title: req.Show, Season: n, AsOf: asOf.Start()}
	sh, err := FindShow(ctx, st, req.Show)
	var noShow *NoShowError
	switch {
	case err == nil:
		d, err := st.ShowData(ctx, sh)
		if err != nil {
			return a, err
		}
		o, err := facts.ComposeOutlook(d, n, asOf)
		if errors.Is(err, facts.ErrNoSuchSeason) {
			// A season past the catalog's list: only the show's status
			// can have decided it.
			o, err = facts.Outlook{Season: n, Renewal: facts.Renewal{Status: model.StatusUnknown}}, nil
		}
		if err != nil {
			return a, err
		}
		return OddsFor(ctx, svc, sh, o, asOf.Start())
	case errors.As(err, &noShow):
		// A show only the chart knows (its weeks imported, the catalog
		// not synced) is answered from the chart and the lists.
		data, derr := svc.Data(ctx)
		if derr != nil || !data.Charted(req.Show) {
			return a, err
		}
		if e, ok := data.Decided(req.Show, n-1, asOf.Start()); ok {
			a.Status = model.StatusCanceled
			if e.Renewed {
				a.Status = model.StatusRenewed
			}
			a.Decided = fmt.Sprintf("%s: %s by %s (%s)", e.Title, map[bool]string{true: "renewed", false: "not renewed"}[e.Renewed], e.Known.Format(time.DateOnly), e.Source)
			return a, nil
		}
	default:
		return a, err
	}
	e, err := svc.Estimate(ctx, q)
	if err != nil {
		return a, err
	}
	a.Odds = &e
	return a, nil
}

// ErrNotNetflix says a show's renewals are another network's decisions,
// which odds learned from Netflix's own say nothing of.
var ErrNotNetflix = errors.New("its renewals are not Netflix's decisions; the odds learn from Netflix originals")

// OddsFor answers for a catalog show, from its outlook for the season as
// composed for the day: the decision when there is one (the outlook's,
// or the show's end), no odds for another network's show, else the
// estimate. The outlook page and Odds both answer through it.
func OddsFor(ctx context.Context, svc *odds.Service, sh model.Show, o facts.Outlook, asOf time.Time) (OddsAnswer, error) {
	a := OddsAnswer{Show: sh.Title, Season: o.Season, AsOf: asOf.Format(time.DateOnly), Status: o.Renewal.Status}
	switch {
	case Decided(o.Renewal.Status) && !o.Renewal.Disputed:
		a.Decided = decision(o.Renewal)
		return a, nil
	case sh.ProviderStatus == facts.TVmazeEnded:
		a.Status, a.Decided = model.StatusEndedFinalSeason, "Ended (TVmaze lists the show as ended)"
		return a, nil
	case sh.Network != "" && !strings.EqualFold(sh.Network, "Netflix"):
		return a, fmt.Errorf("%s (%s): %w", sh.Title, sh.Network, ErrNotNetflix)
	}
	if a.Status == model.StatusUnknown {
		a.Status = model.StatusAwaitingDecision
	}
	e, err := svc.Estimate(ctx, odds.Query{ShowID: sh.ID, Title: sh.Title, Season: o.Season, AsOf: asOf})
	if err != nil {
		return a, err
	}
	a.Odds = &e
	return a, nil
}

// Decided reports whether a renewal status is a decision: renewed,
// canceled or ended. Odds are given only for seasons not decided.
func Decided(s model.RenewalStatus) bool {
	return s == model.StatusRenewed || s == model.StatusCanceled || s == model.StatusEndedFinalSeason
}

// decision says what was decided, since when and on whose word.
func decision(r facts.Renewal) string {
	out := r.Status.Label()
	if r.Since != nil {
		out += " since " + r.Since.String()
	}
	for _, e := range r.Evidence {
		if e.Role != facts.RoleDecides {
			continue
		}
		if who := e.Source.Publisher; who != "" {
			out += " (" + who + ")"
		} else if e.Speaker != "" {
			out += " (" + e.Speaker + ")"
		}
		break
	}
	return out
}
