package odds

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/nextseason/nextseason/internal/match"
	"github.com/nextseason/nextseason/internal/store"
)

// ErrNoModel says no model has been fitted yet: the odds_fit job (or
// nextseason odds fit) has not run.
var ErrNoModel = errors.New("no renewal-odds model fitted yet: serve fits them daily, or run nextseason odds fit")

// Query asks the odds of a season: the show (its catalog id, 0 for a
// title only in the chart, and its title), the season and the day.
type Query struct {
	ShowID int64
	Title  string
	Season int
	AsOf   time.Time
}

// Service answers odds for pages, the API and the CLI from the stored
// models: it loads them and the chart weeks, scores, and never fits.
// Every instance reading one database answers alike.
type Service struct {
	Store *store.Store
	Now   func() time.Time

	mu     sync.Mutex
	data   *Data
	loaded time.Time
	models map[string]decoded // by cut-off
	cache  map[cacheKey]cached
}

// decoded is a stored model as read, and the bytes it was read from: the
// job refits today's cut-off, so a model is reused only while the store
// holds the same bytes.
type decoded struct {
	stored []byte
	f      *Fitted
}

type cacheKey struct {
	show   string // the catalog id, else the title's normal form
	season int
	day    string
}

type cached struct {
	at  time.Time
	e   Estimate
	err error
}

// How long loaded chart weeks and answers are kept, and how many answers.
const (
	keep      = 10 * time.Minute
	maxCached = 1000
)

// Estimate answers q from the model fitted as of the latest cut-off no
// later than q.AsOf.
func (s *Service) Estimate(ctx context.Context, q Query) (Estimate, error) {
	key := cacheKey{show: fmt.Sprint(q.ShowID), season: q.Season, day: q.AsOf.Format(time.DateOnly)}
	if q.ShowID == 0 {
		key.show = match.Key(q.Title)
	}
	now := s.Now()
	s.mu.Lock()
	c, ok := s.cache[key]
	s.mu.Unlock()
	if ok && now.Sub(c.at) < keep {
		return c.e, c.err
	}
	e, err := s.estimate(ctx, q)
	s.mu.Lock()
	if s.cache == nil || len(s.cache) > maxCached {
		s.cache = map[cacheKey]cached{}
	}
	s.cache[key] = cached{now, e, err}
	s.mu.Unlock()
	return e, err
}

func (s *Service) estimate(ctx context.Context, q Query) (Estimate, error) {
	d, err := s.Data(ctx)
	if err != nil {
		return Estimate{}, err
	}
	cutoff, b, err := loadModel(ctx, s.Store, q.AsOf)
	if err != nil {
		return Estimate{}, err
	}
	s.mu.Lock()
	m := s.models[cutoff]
	s.mu.Unlock()
	f := m.f
	if f == nil || !bytes.Equal(m.stored, b) {
		if f, err = DecodeFitted(b); err != nil {
			return Estimate{}, err
		}
		s.mu.Lock()
		if s.models == nil {
			s.models = map[string]decoded{}
		}
		s.models[cutoff] = decoded{b, f}
		s.mu.Unlock()
	}
	return d.Estimate(f, d.ChartTitle(q.ShowID, q.Title), q.Season, q.AsOf)
}

// Data is the chart weeks and lists, loaded at most every keep.
func (s *Service) Data(ctx context.Context) (*Data, error) {
	now := s.Now()
	s.mu.Lock()
	d, at := s.data, s.loaded
	s.mu.Unlock()
	if d != nil && now.Sub(at) < keep {
		return d, nil
	}
	d, err := Load(ctx, s.Store)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	s.data, s.loaded = d, now
	s.mu.Unlock()
	return d, nil
}

// loadModel reads the stored model for a day: the one with the latest
// cut-off no later than it.
func loadModel(ctx context.Context, st *store.Store, day time.Time) (string, []byte, error) {
	cutoff, b, err := st.OddsModel(ctx, ModelVersion, day.Format(time.DateOnly))
	if errors.Is(err, store.ErrNotFound) {
		cutoffs, cerr := st.OddsModelCutoffs(ctx, ModelVersion)
		if cerr != nil {
			return "", nil, cerr
		}
		if len(cutoffs) == 0 {
			return "", nil, ErrNoModel
		}
		return "", nil, fmt.Errorf("%w (%s; the earliest model is of %s)", ErrTooFew, day.Format(time.DateOnly), cutoffs[0])
	}
	return cutoff, b, err
}

// EstimateStored answers q from the stored models, loading what it needs
// from st (which may be a transaction) and fitting nothing.
func EstimateStored(ctx context.Context, st *store.Store, q Query) (Estimate, error) {
	d, err := Load(ctx, st)
	if err != nil {
		return Estimate{}, err
	}
	_, b, err := loadModel(ctx, st, q.AsOf)
	if err != nil {
		return Estimate{}, err
	}
	f, err := DecodeFitted(b)
	if err != nil {
		return Estimate{}, err
	}
	return d.Estimate(f, d.ChartTitle(q.ShowID, q.Title), q.Season, q.AsOf)
}
