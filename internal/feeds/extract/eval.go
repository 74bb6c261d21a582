package extract

import (
	"fmt"
	"slices"
	"strings"

	"github.com/nextseason/nextseason/internal/match"
)

// Labelled is an item with the claims a person found in it: the format of
// shared/data/news (labels, plus extra_labels whose evidence is the
// excerpt).
type Labelled struct {
	Item
	Kind        string      `json:"kind"` // news or distractor
	Labels      GoldClaim   `json:"labels"`
	ExtraLabels []GoldClaim `json:"extra_labels"`
}

// GoldClaim is a labelled claim.
type GoldClaim struct {
	Show         string `json:"show"`
	Network      string `json:"network"`
	Season       int    `json:"season"`
	Claim        string `json:"claim"`
	PremiereDate string `json:"premiere_date"`
	PremierePrec string `json:"premiere_precision"`
	Evidence     string `json:"evidence"`
}

// Gold lists the claims an item should yield: its label unless "none",
// and the extra labels evidenced by the excerpt.
func (l Labelled) Gold() []GoldClaim {
	var out []GoldClaim
	if l.Labels.Claim != "" && l.Labels.Claim != "none" && l.Labels.Show != "" {
		out = append(out, l.Labels)
	}
	for _, e := range l.ExtraLabels {
		if e.Evidence == "excerpt" && e.Claim != "none" && e.Show != "" {
			out = append(out, e)
		}
	}
	return out
}

// Score counts matches.
type Score struct {
	TP, FP, FN int
}

// Precision, Recall and F1 of a score (1 when there is nothing to find
// and nothing was found).
func (s Score) Precision() float64 { return ratio(s.TP, s.TP+s.FP) }
func (s Score) Recall() float64    { return ratio(s.TP, s.TP+s.FN) }
func (s Score) F1() float64 {
	p, r := s.Precision(), s.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// DefaultAutoAccept is the probability from which claims are accepted
// without review when NEXTSEASON_AUTO_ACCEPT names a tier without one.
const DefaultAutoAccept = 0.9

// ThresholdScore is how the extractor does when only claims of at least
// a probability count.
type ThresholdScore struct {
	Threshold             float64
	Score                 Score
	DistractorsWithClaims int
}

// Report is how the extractor did on labelled items.
type Report struct {
	Method                                    string // how the claims were made: cross-validated or not
	AtThresholds                              []ThresholdScore
	Items, Distractors, DistractorsWithClaims int
	Overall                                   Score
	ByKind                                    map[string]*Score
	PremiereMatched, PremiereExact            int
	SeasonMatched, SeasonRight                int
	Misses, Extras                            []string
}

// Evaluate scores claims found (one list per item, in order) against the
// items' labels. A claim matches a gold claim of the same kind whose show
// is the same title, compared without case and punctuation.
func Evaluate(items []Labelled, found [][]Claim) Report {
	r := Report{ByKind: map[string]*Score{}}
	kind := func(k string) *Score {
		if r.ByKind[k] == nil {
			r.ByKind[k] = &Score{}
		}
		return r.ByKind[k]
	}
	for i, it := range items {
		r.Items++
		claims := found[i]
		if it.Kind == "distractor" {
			r.Distractors++
			if len(claims) > 0 {
				r.DistractorsWithClaims++
			}
		}
		gold := it.Gold()
		used := make([]bool, len(claims))
		for _, g := range gold {
			j := slices.IndexFunc(claims, func(c Claim) bool { return c.Kind == g.Claim && sameShow(c.Show, g.Show) })
			for j >= 0 && used[j] {
				k := slices.IndexFunc(claims[j+1:], func(c Claim) bool { return c.Kind == g.Claim && sameShow(c.Show, g.Show) })
				if k < 0 {
					j = -1
				} else {
					j += 1 + k
				}
			}
			if j < 0 {
				r.Overall.FN++
				kind(g.Claim).FN++
				r.Misses = append(r.Misses, fmt.Sprintf("%s: missed %s %q", it.ID, g.Claim, g.Show))
				continue
			}
			used[j] = true
			r.Overall.TP++
			kind(g.Claim).TP++
			c := claims[j]
			if g.Season != 0 {
				r.SeasonMatched++
				if c.Season == g.Season {
					r.SeasonRight++
				}
			}
			if g.Claim == KindPremiereDate && g.PremiereDate != "" {
				r.PremiereMatched++
				if c.PremiereDate == g.PremiereDate {
					r.PremiereExact++
				}
			}
		}
		for j, c := range claims {
			if !used[j] {
				r.Overall.FP++
				kind(c.Kind).FP++
				r.Extras = append(r.Extras, fmt.Sprintf("%s: extra %s %q (%s)", it.ID, c.Kind, c.Show, c.Rule))
			}
		}
	}
	return r
}

func sameShow(a, b string) bool { return match.Normalize(a) == match.Normalize(b) && a != "" }

// String prints the report for people.
func (r Report) String() string {
	var b strings.Builder
	if r.Method != "" {
		fmt.Fprintf(&b, "%s\n", r.Method)
	}
	fmt.Fprintf(&b, "%d items (%d distractors, %d of them with claims)\n", r.Items, r.Distractors, r.DistractorsWithClaims)
	fmt.Fprintf(&b, "%-20s %9s %9s %9s %5s %5s %5s\n", "kind", "precision", "recall", "F1", "tp", "fp", "fn")
	kinds := make([]string, 0, len(r.ByKind))
	for k := range r.ByKind {
		kinds = append(kinds, k)
	}
	slices.Sort(kinds)
	row := func(name string, s Score) {
		fmt.Fprintf(&b, "%-20s %9.3f %9.3f %9.3f %5d %5d %5d\n", name, s.Precision(), s.Recall(), s.F1(), s.TP, s.FP, s.FN)
	}
	for _, k := range kinds {
		row(k, *r.ByKind[k])
	}
	row("overall", r.Overall)
	fmt.Fprintf(&b, "premiere dates exact: %d of %d matched (%.3f)\n", r.PremiereExact, r.PremiereMatched, ratio(r.PremiereExact, r.PremiereMatched))
	fmt.Fprintf(&b, "season right: %d of %d matched (%.3f)\n", r.SeasonRight, r.SeasonMatched, ratio(r.SeasonRight, r.SeasonMatched))
	if len(r.AtThresholds) > 0 {
		fmt.Fprintf(&b, "claims of at least a probability (what auto-accept at that threshold costs; default %.2f):\n", DefaultAutoAccept)
		fmt.Fprintf(&b, "%9s %9s %9s %9s %6s %11s\n", "threshold", "precision", "recall", "F1", "claims", "distractors")
		for _, t := range r.AtThresholds {
			fmt.Fprintf(&b, "%9.2f %9.3f %9.3f %9.3f %6d %11d\n", t.Threshold, t.Score.Precision(), t.Score.Recall(), t.Score.F1(), t.Score.TP+t.Score.FP, t.DistractorsWithClaims)
		}
	}
	return b.String()
}

// JSON is the report as data: precision, recall and F1 per kind and
// overall, premiere-date exact matches and season accuracy.
func (r Report) JSON() map[string]any {
	score := func(s Score) map[string]any {
		return map[string]any{"precision": s.Precision(), "recall": s.Recall(), "f1": s.F1(), "tp": s.TP, "fp": s.FP, "fn": s.FN}
	}
	kinds := map[string]any{}
	for k, s := range r.ByKind {
		kinds[k] = score(*s)
	}
	var at []map[string]any
	for _, t := range r.AtThresholds {
		row := score(t.Score)
		row["threshold"], row["claims"], row["distractors_with_claims"] = t.Threshold, t.Score.TP+t.Score.FP, t.DistractorsWithClaims
		at = append(at, row)
	}
	return map[string]any{
		"method": r.Method, "at_thresholds": at, "default_auto_accept": DefaultAutoAccept,
		"distractor_claim_rate": ratio(r.DistractorsWithClaims, r.Distractors),
		"items":                 r.Items, "distractors": r.Distractors, "distractors_with_claims": r.DistractorsWithClaims,
		"overall": score(r.Overall), "kinds": kinds,
		"premiere_date_exact": ratio(r.PremiereExact, r.PremiereMatched), "premiere_dates_matched": r.PremiereMatched,
		"season_accuracy": ratio(r.SeasonRight, r.SeasonMatched), "seasons_matched": r.SeasonMatched,
	}
}
