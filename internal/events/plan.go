package events

import (
	"cmp"
	"context"
	"slices"

	"github.com/nextseason/nextseason/internal/facts"
	"github.com/nextseason/nextseason/internal/model"
	"github.com/nextseason/nextseason/internal/store"
)

// Plan adds claims about one show, telling the events accepted ones
// cause from the show's data read before the transaction, so that the
// transaction writes and hardly reads: it checks, in one statement, that
// the show's claims are still those read, and only when they are not
// reads the show again as AddClaim does. The catalog's records of the
// show (seasons, episodes, credits, chart weeks) are taken as read.
type Plan struct {
	data  facts.ShowData
	stale bool
}

// NewPlan plans claims about the show d is the data of.
func NewPlan(d facts.ShowData) *Plan {
	d.Claims = slices.Clone(d.Claims)
	return &Plan{data: d}
}

// Data is the show's data as the plan has it: as read, with the claims
// added through it since.
func (p *Plan) Data() facts.ShowData { return p.data }

// Stale reports whether the show's claims were found changed by another
// writer: the plan tells events afresh from then on, and its data is out
// of date.
func (p *Plan) Stale() bool { return p.stale }

// AddClaim adds c in tx, as events.AddClaim does.
func (p *Plan) AddClaim(ctx context.Context, tx *store.Store, c *model.Claim) (store.Change, error) {
	if p.stale || c.ShowID != p.data.Show.ID || c.Supersedes != 0 {
		p.stale = true
		return AddClaim(ctx, tx, c)
	}
	if c.State != model.StateAccepted {
		change, err := tx.AddClaim(ctx, c)
		if err == nil && change == store.Created {
			p.data.Claims = append(p.data.Claims, *c)
		}
		return change, err
	}
	have, err := tx.ClaimStates(ctx, c.ShowID)
	if err != nil {
		return store.Unchanged, err
	}
	if !p.holds(have) {
		p.stale = true
		return AddClaim(ctx, tx, c)
	}
	change, err := tx.AddClaim(ctx, c)
	if err != nil || change != store.Created {
		return change, err
	}
	after := p.data
	after.Claims = append(slices.Clone(p.data.Claims), *c)
	if _, err := recordSeason(ctx, tx, c.ShowID, c.Season, p.data, after, nil); err != nil {
		return change, err
	}
	p.data = after
	return change, nil
}

// holds reports whether the show's claims, as tx has them, are those
// the plan was made from.
func (p *Plan) holds(have []store.ClaimState) bool {
	if len(have) != len(p.data.Claims) {
		return false
	}
	for _, c := range p.data.Claims {
		i, ok := slices.BinarySearchFunc(have, c.ID, func(h store.ClaimState, id int64) int { return cmp.Compare(h.ID, id) })
		if !ok || have[i].State != c.State {
			return false
		}
	}
	return true
}
