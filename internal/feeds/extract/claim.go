// Package extract turns news text — a headline with its lead, or a whole
// article — into claims: renewals, cancellations, final seasons, "no
// decision yet", premiere dates and castings, each with the sentence that
// carries it and a calibrated probability. Shows are found from a
// catalog of known titles in one pass (and, with lower confidence, from
// the text alone); which claims an item makes about each is decided by a
// model learned from labelled news (train.go), built into the binary.
// It is deterministic and local: no network, nothing downloaded.
package extract

// The kinds of claim the extractor yields, as in shared/data/README.md.
const (
	KindRenewed          = "renewed"
	KindCanceled         = "canceled"
	KindEndedFinalSeason = "ended_final_season"
	KindAwaitingDecision = "awaiting_decision"
	KindPremiereDate     = "premiere_date"
	KindCastAdded        = "cast_added"
	KindCastReturning    = "cast_returning"
)

// Item is a piece of news: a headline and its lead (or a whole article).
type Item struct {
	ID        string `json:"id"`
	Headline  string `json:"headline"`
	Text      string `json:"excerpt"`
	Published string `json:"published"` // YYYY-MM-DD, YYYY-MM, YYYY, or empty
	URL       string `json:"url"`
	Site      string `json:"site"`
}

// Claim is one statement found in an item.
type Claim struct {
	Show    string `json:"show"`    // as printed
	Network string `json:"network"` // normalised: "Netflix", "Apple TV+", "The CW" …
	Season  int    `json:"season"`  // 0 when unknown; for canceled, the last completed season
	Kind    string `json:"kind"`
	// PremiereDate is YYYY-MM-DD, YYYY-MM, YYYY or YYYY-spring|summer|fall|winter,
	// with XXXX for a year neither printed nor inferable.
	PremiereDate      string   `json:"premiere_date,omitempty"`
	PremierePrecision string   `json:"premiere_precision,omitempty"`
	Cast              []Person `json:"cast"`
	Quote             string   `json:"quote"`
	Speaker           string   `json:"speaker,omitempty"`
	Rule              string   `json:"rule"` // the model's version
	// Confidence is the probability that the item makes this claim about
	// this show, calibrated on held-out labelled news.
	Confidence float64 `json:"confidence"`
}

// Person is an actor, and the character when the text names one.
type Person struct {
	Actor     string `json:"actor"`
	Character string `json:"character,omitempty"`
}
