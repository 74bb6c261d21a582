package recommend

import (
	"bytes"
	"compress/gzip"
	"encoding/gob"
	"fmt"
	"time"

	"github.com/nextseason/nextseason/internal/store"
)

// storedEngine is what a fitted engine keeps in the database: the signals
// it was fitted on, the fates, the ALS factors and the blend's weights.
// Content similarity and neighbours are refitted on load: they are quick.
type storedEngine struct {
	BuiltAt time.Time
	Shows   []store.ShowSignal
	Follows []store.FollowSignal
	Fates   []Fate
	K       int
	X, Y    []float64
	Weights []float64
}

// Encode is the engine as stored.
func (e *Engine) Encode() ([]byte, error) {
	als := e.parts[0].(*ALS)
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	err := gob.NewEncoder(zw).Encode(storedEngine{BuiltAt: e.BuiltAt, Shows: e.shows, Follows: e.follows, Fates: e.fates,
		K: als.K, X: als.X, Y: als.Y, Weights: e.weights})
	if err == nil {
		err = zw.Close()
	}
	return buf.Bytes(), err
}

// Decode rebuilds an engine from Encode's bytes.
func Decode(b []byte) (*Engine, error) {
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("stored recommendation model: %w", err)
	}
	var s storedEngine
	if err := gob.NewDecoder(zr).Decode(&s); err != nil {
		return nil, fmt.Errorf("stored recommendation model: %w", err)
	}
	e := assemble(s.Shows, s.Follows, s.BuiltAt)
	if len(s.Fates) != len(e.shows) || len(s.X) != e.m.Users*s.K || len(s.Y) != e.m.Items*s.K || len(s.Weights) != len(e.parts) {
		return nil, fmt.Errorf("stored recommendation model: its parts do not fit together")
	}
	e.fates, e.weights = s.Fates, s.Weights
	e.parts[0] = &ALS{K: s.K, X: s.X, Y: s.Y}
	return e, nil
}
