package extract

import "math"

// Output is a claim in the shape of shared/data/README.md's labels:
// absent values are null.
type Output struct {
	Show              *string  `json:"show"`
	Network           *string  `json:"network"`
	Season            *int     `json:"season"`
	Kind              string   `json:"kind"`
	PremiereDate      *string  `json:"premiere_date"`
	PremierePrecision *string  `json:"premiere_precision"`
	Cast              []Person `json:"cast"`
	Quote             string   `json:"quote"`
	Speaker           *string  `json:"speaker"`
	Rule              string   `json:"rule"`
	Confidence        float64  `json:"confidence"`
}

// Outputs converts claims for printing.
func Outputs(claims []Claim) []Output {
	str := func(s string) *string {
		if s == "" {
			return nil
		}
		return &s
	}
	out := []Output{}
	for _, c := range claims {
		o := Output{Show: str(c.Show), Network: str(c.Network), Kind: c.Kind, PremiereDate: str(c.PremiereDate),
			PremierePrecision: str(c.PremierePrecision), Cast: c.Cast, Quote: c.Quote, Speaker: str(c.Speaker), Rule: c.Rule,
			Confidence: math.Round(c.Confidence*1000) / 1000}
		if c.Season > 0 {
			season := c.Season
			o.Season = &season
		}
		if o.Cast == nil {
			o.Cast = []Person{}
		}
		out = append(out, o)
	}
	return out
}
