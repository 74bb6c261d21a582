package model

import "fmt"

// RenewalStatus is the answer to "will there be season N?".
type RenewalStatus string

// The renewal statuses, as they appear in the outlook JSON.
const (
	StatusRenewed          RenewalStatus = "renewed"
	StatusCanceled         RenewalStatus = "canceled"
	StatusEndedFinalSeason RenewalStatus = "ended_final_season"
	StatusAwaitingDecision RenewalStatus = "awaiting_decision"
	StatusInDevelopment    RenewalStatus = "in_development"
	StatusUnknown          RenewalStatus = "unknown"
)

// ParseRenewalStatus validates s as a RenewalStatus.
func ParseRenewalStatus(s string) (RenewalStatus, error) {
	switch v := RenewalStatus(s); v {
	case StatusRenewed, StatusCanceled, StatusEndedFinalSeason, StatusAwaitingDecision, StatusInDevelopment, StatusUnknown:
		return v, nil
	}
	return "", fmt.Errorf("unknown renewal status %q (want renewed, canceled, ended_final_season, awaiting_decision, in_development or unknown)", s)
}

// Decisive reports whether the status is a network's decision rather than
// the absence of one. A later decision outranks an earlier "no decision yet".
func (s RenewalStatus) Decisive() bool {
	return s == StatusRenewed || s == StatusCanceled || s == StatusEndedFinalSeason
}

// Label is the human wording of a status.
func (s RenewalStatus) Label() string {
	switch s {
	case StatusRenewed:
		return "Renewed"
	case StatusCanceled:
		return "Canceled"
	case StatusEndedFinalSeason:
		return "Ended (final season)"
	case StatusAwaitingDecision:
		return "Awaiting decision"
	case StatusInDevelopment:
		return "In development"
	}
	return "Unknown"
}

// Tier ranks how authoritative a source is. Higher wins.
type Tier string

// The source tiers, from most to least authoritative.
const (
	TierOfficial  Tier = "official"
	TierTrade     Tier = "trade"
	TierInterview Tier = "interview"
	TierReport    Tier = "report"
	TierProvider  Tier = "provider"
	TierRumor     Tier = "rumor"
)

// ParseTier validates s as a Tier.
func ParseTier(s string) (Tier, error) {
	if Tier(s).Rank() == 0 {
		return "", fmt.Errorf("unknown source tier %q (want official, trade, interview, report, provider or rumor)", s)
	}
	return Tier(s), nil
}

// Rank orders tiers: official is 6, rumor 1, anything unknown 0.
func (t Tier) Rank() int {
	switch t {
	case TierOfficial:
		return 6
	case TierTrade:
		return 5
	case TierInterview:
		return 4
	case TierReport:
		return 3
	case TierProvider:
		return 2
	case TierRumor:
		return 1
	}
	return 0
}

// ClaimKind says what a claim is about and which value field it carries.
type ClaimKind string

// The claim kinds.
const (
	// KindRenewal carries a RenewalStatus for a season.
	KindRenewal ClaimKind = "renewal"
	// KindPremiere carries a partial date: when a season premieres (or premiered).
	KindPremiere ClaimKind = "premiere"
	// KindCast carries a cast change: an actor as a character in a season.
	KindCast ClaimKind = "cast"
	// KindPlot carries text about what a season will be about.
	KindPlot ClaimKind = "plot"
	// KindFactor carries text about what a renewal decision depends on.
	KindFactor ClaimKind = "factor"
)

// ParseClaimKind validates s as a ClaimKind.
func ParseClaimKind(s string) (ClaimKind, error) {
	switch k := ClaimKind(s); k {
	case KindRenewal, KindPremiere, KindCast, KindPlot, KindFactor:
		return k, nil
	}
	return "", fmt.Errorf("unknown claim kind %q (want renewal, premiere, cast, plot or factor)", s)
}

// CastChange says how an actor relates to a season.
type CastChange string

// The cast changes.
const (
	CastReturning CastChange = "returning"
	CastNew       CastChange = "new"
	CastExpected  CastChange = "expected"
	CastDeparting CastChange = "departing"
)

// ParseCastChange validates s as a CastChange.
func ParseCastChange(s string) (CastChange, error) {
	switch c := CastChange(s); c {
	case CastReturning, CastNew, CastExpected, CastDeparting:
		return c, nil
	}
	return "", fmt.Errorf("unknown cast change %q (want returning, new, expected or departing)", s)
}

// ClaimState is where a claim stands in review.
type ClaimState string

// The claim states.
const (
	StateProposed   ClaimState = "proposed"
	StateAccepted   ClaimState = "accepted"
	StateRejected   ClaimState = "rejected"
	StateSuperseded ClaimState = "superseded"
)

// ParseClaimState validates s as a ClaimState.
func ParseClaimState(s string) (ClaimState, error) {
	switch st := ClaimState(s); st {
	case StateProposed, StateAccepted, StateRejected, StateSuperseded:
		return st, nil
	}
	return "", fmt.Errorf("unknown claim state %q (want proposed, accepted, rejected or superseded)", s)
}

// Origin says how a claim entered the system.
type Origin string

// The claim origins.
const (
	OriginEditor   Origin = "editor"
	OriginFeed     Origin = "feed"
	OriginProvider Origin = "provider"
)

// ParseOrigin validates s as an Origin.
func ParseOrigin(s string) (Origin, error) {
	switch o := Origin(s); o {
	case OriginEditor, OriginFeed, OriginProvider:
		return o, nil
	}
	return "", fmt.Errorf("unknown claim origin %q (want editor, feed or provider)", s)
}

// CreditRole is how a person appears in a show.
type CreditRole string

// The credit roles. Crew credits carry a job instead of a character.
const (
	RoleMain      CreditRole = "main"
	RoleRecurring CreditRole = "recurring"
	RoleGuest     CreditRole = "guest"
	RoleCrew      CreditRole = "crew"
)

// ParseCreditRole validates s as a CreditRole.
func ParseCreditRole(s string) (CreditRole, error) {
	switch r := CreditRole(s); r {
	case RoleMain, RoleRecurring, RoleGuest, RoleCrew:
		return r, nil
	}
	return "", fmt.Errorf("unknown credit role %q (want main, recurring, guest or crew)", s)
}
