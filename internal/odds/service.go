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
// What it loads and the answers it gives are kept until the store's
// generation of the odds' inputs (store.GenOdds: chart weeks, lists,
// models, and the events that settle a season) moves, which any
// instance's change does at once: every instance reading one database
// answers alike.
type Service struct {
	Store *store.Store

	mu     sync.Mutex
	gen    int64 // the generation what follows was loaded at
	data   *Data
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
	e   Estimate
	err error
}

// maxCached bounds the answers kept.
const maxCached = 1000

// Estimate answers q from the model fitted as of the latest cut-off no
// later than q.AsOf.
func (s *Service) Estimate(ctx context.Context, q Query) (Estimate, error) {
	key := cacheKey{show: fmt.Sprint(q.ShowID), season: q.Season, day: q.AsOf.Format(time.DateOnly)}
	if q.ShowID == 0 {
		key.show = match.Key(q.Title)
	}
	if err := s.current(ctx); err != nil {
		return Estimate{}, err
	}
	s.mu.Lock()
	c, ok := s.cache[key]
	gen := s.gen
	s.mu.Unlock()
	if ok {
		return c.e, c.err
	}
	e, err := s.estimate(ctx, q)
	if err != nil && !settled(err) {
		return e, err // a failed read: asked again next time
	}
	s.mu.Lock()
	if s.gen == gen {
		if s.cache == nil || len(s.cache) >= maxCached {
			s.cache = map[cacheKey]cached{}
		}
		s.cache[key] = cached{e, err}
	}
	s.mu.Unlock()
	return e, err
}

// settled tells an answer the data gives (no model, too few seasons, not
// charted …), which holds as long as the data, from a failure to read it.
func settled(err error) bool {
	for _, e := range []error{ErrNoModel, ErrTooFew, ErrNoData, ErrNotCharted} {
		if errors.Is(err, e) {
			return true
		}
	}
	return false
}

// current drops what the service keeps when the store's generation of
// the odds' inputs has moved since it was loaded.
func (s *Service) current(ctx context.Context) error {
	gen, err := s.Store.Generation(ctx, store.GenOdds)
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if gen != s.gen {
		s.gen, s.data, s.models, s.cache = gen, nil, nil, nil
	}
	return nil
}

func (s *Service) estimate(ctx context.Context, q Query) (Estimate, error) {
	d, err := s.loadData(ctx)
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

// Data is the chart weeks and lists, loaded once per generation of the
// odds' inputs.
func (s *Service) Data(ctx context.Context) (*Data, error) {
	if err := s.current(ctx); err != nil {
		return nil, err
	}
	return s.loadData(ctx)
}

// loadData is the chart weeks and lists of the generation current last.
func (s *Service) loadData(ctx context.Context) (*Data, error) {
	s.mu.Lock()
	d, gen := s.data, s.gen
	s.mu.Unlock()
	if d != nil {
		return d, nil
	}
	d, err := Load(ctx, s.Store)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	if s.gen == gen {
		s.data = d
	}
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

// RenewalOdds is the probability that a season (by its show's title) is
// renewed, as of a day, for an event's text: ok is false when there are
// none to give (Unavailable: not charted, no model yet). It is an
// events.Odds.
func (s *Service) RenewalOdds(ctx context.Context, title string, season int, asOf time.Time) (float64, bool, error) {
	e, err := s.Estimate(ctx, Query{Title: title, Season: season, AsOf: asOf})
	switch {
	case Unavailable(err):
		return 0, false, nil
	case err != nil:
		return 0, false, err
	}
	return e.Probability, true, nil
}
