package facts

import (
	"cmp"
	"slices"

	"github.com/nextseason/nextseason/internal/model"
)

// Known keeps the accepted claims that had been stated by asOf.
// Proposed, rejected and superseded claims never count.
func Known(claims []model.Claim, asOf model.PartialDate) []model.Claim {
	var out []model.Claim
	for _, c := range claims {
		if c.State == model.StateAccepted && c.StatedAt.Compare(asOf) <= 0 {
			out = append(out, c)
		}
	}
	return out
}

// Resolution is the claim that wins among candidates answering one question.
type Resolution struct {
	Winner model.Claim
	// Disputed holds the claims of the same rank as the winner that say
	// something else. Empty when the answer is undisputed.
	Disputed []model.Claim
	// Supporting holds the other claims that agree with the winner.
	Supporting []model.Claim
}

// Resolve picks the winning claim: the highest tier wins, then the newest
// statement. Claims of the same tier stated on the same day that disagree
// (as judged by same) make the answer disputed. It reports false when
// there are no candidates.
func Resolve(candidates []model.Claim, same func(a, b model.Claim) bool) (Resolution, bool) {
	if len(candidates) == 0 {
		return Resolution{}, false
	}
	ranked := slices.Clone(candidates)
	slices.SortStableFunc(ranked, compareRank)
	r := Resolution{Winner: ranked[0]}
	for _, c := range ranked[1:] {
		switch {
		case same(c, r.Winner):
			r.Supporting = append(r.Supporting, c)
		case sameRank(c, r.Winner):
			r.Disputed = append(r.Disputed, c)
		}
	}
	return r, true
}

// compareRank orders claims best first: tier, then stated_at, then the
// most recently recorded, so the order is total and stable.
func compareRank(a, b model.Claim) int {
	if c := cmp.Compare(b.Source.Tier.Rank(), a.Source.Tier.Rank()); c != 0 {
		return c
	}
	if c := b.StatedAt.Compare(a.StatedAt); c != 0 {
		return c
	}
	return cmp.Compare(b.ID, a.ID)
}

func sameRank(a, b model.Claim) bool {
	return a.Source.Tier.Rank() == b.Source.Tier.Rank() && a.StatedAt.Compare(b.StatedAt) == 0
}

// ResolveRenewal answers "will there be this season?" from renewal claims
// about it. A "no decision yet" claim (awaiting_decision, in_development)
// stated before a decision is dropped first: it does not contradict a
// decision taken later, whatever the tiers.
func ResolveRenewal(candidates []model.Claim) (Resolution, bool) {
	var lastDecision model.PartialDate
	for _, c := range candidates {
		if c.Status.Decisive() && (lastDecision.IsZero() || c.StatedAt.Compare(lastDecision) > 0) {
			lastDecision = c.StatedAt
		}
	}
	live := candidates
	if !lastDecision.IsZero() {
		live = nil
		for _, c := range candidates {
			if c.Status.Decisive() || c.StatedAt.Compare(lastDecision) >= 0 {
				live = append(live, c)
			}
		}
	}
	return Resolve(live, func(a, b model.Claim) bool { return a.Status == b.Status })
}

// ResolvePremiere answers "when does this season premiere?". Two dates
// agree when one contains the other: "2023-08-26" does not dispute
// "summer 2023", it narrows it.
func ResolvePremiere(candidates []model.Claim) (Resolution, bool) {
	return Resolve(candidates, func(a, b model.Claim) bool {
		return a.Date.Contains(b.Date) || b.Date.Contains(a.Date)
	})
}

// ResolveEpisodes answers "how many episodes?".
func ResolveEpisodes(candidates []model.Claim) (Resolution, bool) {
	return Resolve(candidates, func(a, b model.Claim) bool { return a.Episodes == b.Episodes })
}

// ResolveCast answers "is this actor in this season, and as whom?" from
// the cast claims about one actor.
func ResolveCast(candidates []model.Claim) (Resolution, bool) {
	return Resolve(candidates, func(a, b model.Claim) bool {
		return a.CastChange == b.CastChange || (a.CastChange != model.CastDeparting && b.CastChange != model.CastDeparting)
	})
}
