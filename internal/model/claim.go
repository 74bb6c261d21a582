package model

import "time"

// Source is where a claim was published.
type Source struct {
	ID        int64
	URL       string
	Publisher string
	Title     string
	Published PartialDate
	Tier      Tier
}

// Claim is one sourced statement about a show, a season or a person.
// Claims are never edited: a correction is a new claim that supersedes the
// old one, and each review decision is recorded beside the claim.
type Claim struct {
	ID       int64
	ShowID   int64
	Season   int   // 0 when the claim is about the whole show
	PersonID int64 // 0 unless the claim is about a person
	Kind     ClaimKind

	// The value; which fields are set depends on Kind.
	Status     RenewalStatus // KindRenewal
	Date       PartialDate   // KindPremiere
	Episodes   int           // KindEpisodes
	Actor      string        // KindCast
	Character  string        // KindCast
	CastChange CastChange    // KindCast
	Text       string        // KindPlot, KindFactor

	Quote      string
	Speaker    string
	Source     Source
	StatedAt   PartialDate // when the source said it, to the day
	RecordedAt time.Time   // when nextseason learned it
	Confidence float64     // 0–1
	Origin     Origin
	Rule       string // for extracted claims, the rule that found it
	Supersedes int64  // the claim this one corrects, or 0

	// The latest review decision: who made it (ReviewerID, the account,
	// 0 when none; Reviewer, its address or the way in) and when.
	State      ClaimState
	Reviewer   string
	ReviewerID int64
	ReviewedAt time.Time
}

// Reviewer is who decides on a claim, as the decision records it: a
// signed-in account (its id and address), or, with no account, the way
// the decision came in ("editors' token", "command line", a sync).
type Reviewer struct {
	UserID int64
	Name   string
}

// DecidedBy is who made the claim's latest decision.
func (c Claim) DecidedBy() Reviewer { return Reviewer{UserID: c.ReviewerID, Name: c.Reviewer} }

// Decide records a decision on the claim.
func (c *Claim) Decide(state ClaimState, by Reviewer) {
	c.State, c.Reviewer, c.ReviewerID = state, by.Name, by.UserID
}

// Viewership is one week of a season in a published chart, such as
// Netflix's global Top 10.
type Viewership struct {
	Chart           string // "netflix-top10"
	WeekEnding      PartialDate
	Category        string // "TV (English)"
	Rank            int
	ShowTitle       string
	SeasonTitle     string
	HoursViewed     int64
	Views           int64
	CumulativeWeeks int
	ShowID          int64 // 0 when not linked to the catalog
	Season          int
}
