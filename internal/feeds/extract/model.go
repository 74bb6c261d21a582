package extract

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"math"
)

// Kinds are the claims the model decides, in the order of its weights.
var Kinds = []string{KindRenewed, KindCanceled, KindEndedFinalSeason, KindAwaitingDecision, KindPremiereDate, KindCastAdded, KindCastReturning}

// Model weighs a show's features into the probability that the item
// makes each kind of claim about it: one logistic regression for whether
// the item makes any claim about the show, one per kind for which (learnt
// from the shows claims are about), their product, then one calibration
// (Platt scaling fitted on cross-validated scores) that turns it into a
// probability.
type Model struct {
	Version string    `json:"version"`
	Kinds   []string  `json:"kinds"`
	Bias    []float64 `json:"bias"`
	// Weights maps a feature to its weight for each kind, then for
	// whether any claim is made.
	Weights map[string][]float64 `json:"weights"`
	// PlattA and PlattB calibrate: p = 1 / (1 + exp(-(A·score + B))).
	PlattA float64 `json:"platt_a"`
	PlattB float64 `json:"platt_b"`
	// Threshold is the probability from which a claim is made, chosen by
	// cross-validation on the training items for the best F1.
	Threshold float64 `json:"threshold"`
	// Trained says what the model learned from and how.
	Trained TrainInfo `json:"trained"`
}

// TrainInfo records how a model was trained.
type TrainInfo struct {
	Items    int      `json:"items"`
	Files    []string `json:"files,omitempty"`
	Catalog  string   `json:"catalog,omitempty"`
	Lambda   float64  `json:"lambda"`
	Seed     uint64   `json:"seed"`
	Features int      `json:"features"`
}

//go:embed model.json
var embeddedModel []byte

// DefaultModel is the model trained on the shared labelled news, built
// into the binary so that a fresh clone needs no training step.
func DefaultModel() (*Model, error) { return ParseModel(embeddedModel) }

// ParseModel reads a model written by Model.MarshalJSON (extract train).
func ParseModel(b []byte) (*Model, error) {
	var m Model
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("reading the extraction model: %w", err)
	}
	if len(m.Kinds) == 0 || len(m.Bias) != len(m.Kinds)+1 {
		return nil, fmt.Errorf("reading the extraction model: %d kinds with %d biases", len(m.Kinds), len(m.Bias))
	}
	for f, w := range m.Weights {
		if len(w) != len(m.Kinds)+1 {
			return nil, fmt.Errorf("reading the extraction model: feature %q has %d weights for %d kinds and the claim", f, len(w), len(m.Kinds))
		}
	}
	if m.PlattA == 0 {
		return nil, fmt.Errorf("reading the extraction model: no calibration")
	}
	return &m, nil
}

// scores are the raw scores of each kind for a feature set: the log-odds
// that the item makes some claim about the show, times the chance that
// it is of this kind.
func (m *Model) scores(feats []string) []float64 {
	z := make([]float64, len(m.Bias))
	copy(z, m.Bias)
	for _, f := range feats {
		if w, ok := m.Weights[f]; ok {
			for k := range z {
				z[k] += w[k]
			}
		}
	}
	claimed := sigmoid(z[len(m.Kinds)])
	out := z[:len(m.Kinds)]
	for k, zk := range out {
		q := min(max(claimed*sigmoid(zk), 1e-12), 1-1e-12)
		out[k] = math.Log(q / (1 - q))
	}
	return out
}

// probability calibrates a raw score.
func (m *Model) probability(score float64) float64 { return sigmoid(m.PlattA*score + m.PlattB) }

func sigmoid(x float64) float64 {
	if x >= 0 {
		return 1 / (1 + math.Exp(-x))
	}
	e := math.Exp(x)
	return e / (1 + e)
}
