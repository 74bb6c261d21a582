package model

import (
	"fmt"
	"slices"
	"strings"
)

// parseEnum returns s as a T if it is one of values, or an error that
// lists them.
func parseEnum[T ~string](what, s string, values ...T) (T, error) {
	if slices.Contains(values, T(s)) {
		return T(s), nil
	}
	names := make([]string, len(values))
	for i, v := range values {
		names[i] = string(v)
	}
	return "", fmt.Errorf("unknown %s %q (want %s)", what, s, strings.Join(names, ", "))
}

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
	return parseEnum("renewal status", s, StatusRenewed, StatusCanceled, StatusEndedFinalSeason, StatusAwaitingDecision, StatusInDevelopment, StatusUnknown)
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
	return parseEnum("source tier", s, TierOfficial, TierTrade, TierInterview, TierReport, TierProvider, TierRumor)
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
	// KindEpisodes carries how many episodes a season has or will have.
	KindEpisodes ClaimKind = "episodes"
	// KindCast carries a cast change: an actor as a character in a season.
	KindCast ClaimKind = "cast"
	// KindPlot carries text about what a season will be about.
	KindPlot ClaimKind = "plot"
	// KindFactor carries text about what a renewal decision depends on.
	KindFactor ClaimKind = "factor"
)

// ParseClaimKind validates s as a ClaimKind.
func ParseClaimKind(s string) (ClaimKind, error) {
	return parseEnum("claim kind", s, KindRenewal, KindPremiere, KindEpisodes, KindCast, KindPlot, KindFactor)
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
	return parseEnum("cast change", s, CastReturning, CastNew, CastExpected, CastDeparting)
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
	return parseEnum("claim state", s, StateProposed, StateAccepted, StateRejected, StateSuperseded)
}

// Origin says how a claim entered the system.
type Origin string

// The claim origins.
const (
	OriginEditor   Origin = "editor"
	OriginFeed     Origin = "feed"
	OriginProvider Origin = "provider"
)

// CreditRole is how a person appears in a show.
type CreditRole string

// The credit roles. Crew credits carry a job instead of a character.
const (
	RoleMain      CreditRole = "main"
	RoleRecurring CreditRole = "recurring"
	RoleGuest     CreditRole = "guest"
	RoleCrew      CreditRole = "crew"
)
