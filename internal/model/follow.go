package model

import (
	"slices"
	"time"
)

// EventKind is a change a follower may be told about.
type EventKind string

const (
	EventRenewed          EventKind = "renewed"
	EventCanceled         EventKind = "canceled"
	EventEndedFinalSeason EventKind = "ended_final_season"
	// EventPremiereDated: a premiere date announced, or narrowed to a
	// better precision.
	EventPremiereDated EventKind = "premiere_dated"
	EventPremiereMoved EventKind = "premiere_moved"
	EventCastNews      EventKind = "cast_news"
	// EventSeasonReleased: every episode of a season has aired.
	EventSeasonReleased EventKind = "season_released"
	// EventAtRisk: the finale aired and no decision came within the
	// days allowed.
	EventAtRisk EventKind = "at_risk"
)

// EventKinds lists every kind, in the order pages show them.
var EventKinds = []EventKind{EventRenewed, EventCanceled, EventEndedFinalSeason, EventPremiereDated, EventPremiereMoved,
	EventCastNews, EventSeasonReleased, EventAtRisk}

// ParseEventKinds validates a follow's events; none means all of them.
// The result is in EventKinds' order, without repeats.
func ParseEventKinds(names []string) ([]EventKind, error) {
	if len(names) == 0 {
		return slices.Clone(EventKinds), nil
	}
	var out []EventKind
	for _, n := range names {
		k, err := parseEnum("event", n, EventKinds...)
		if err != nil {
			return nil, err
		}
		out = append(out, k)
	}
	slices.SortFunc(out, func(a, b EventKind) int { return slices.Index(EventKinds, a) - slices.Index(EventKinds, b) })
	return slices.Compact(out), nil
}

// Delivery is when a follow's events are sent: at once, or in a daily
// digest.
type Delivery string

const (
	DeliveryImmediate Delivery = "immediate"
	DeliveryDigest    Delivery = "digest"
)

// ParseDelivery validates s as a Delivery; "" is immediate.
func ParseDelivery(s string) (Delivery, error) {
	if s == "" {
		return DeliveryImmediate, nil
	}
	return parseEnum("delivery", s, DeliveryImmediate, DeliveryDigest)
}

// Follow is a user following a show.
type Follow struct {
	ID       int64
	UserID   int64
	ShowID   int64
	Events   []EventKind
	Delivery Delivery
	// Watched and Rating (1–5, 0 for none) are the follower's own:
	// recommendations learn from them and hide what was watched.
	Watched bool
	Rating  int
}

// Event is a change in a resolved answer about a show's season, stored
// once, with what it rests on.
type Event struct {
	ID        int64
	ShowID    int64
	Season    int
	Kind      EventKind
	Old, New  string
	ClaimID   int64 // 0 when no claim carries it
	SourceURL string
	// PersonID is the person cast news is about, when known: followers
	// of the person are told too.
	PersonID   int64
	HappenedAt time.Time
}
