package recommend

import (
	"context"
	"sync"
	"time"

	"github.com/nextseason/nextseason/internal/store"
)

// Service serves the latest fitted models. The hourly job fits them and
// stores them in the database (Refit); every instance asks the store on
// each use when the latest stored was fitted (one small read), loads it
// when it is newer than its own, and fits and stores them itself when
// there are none or they are older than maxAge (an instance that runs no
// jobs). So all instances recommend from the same models from the moment
// any of them stores new ones.
type Service struct {
	Store *store.Store
	Now   func() time.Time

	mu     sync.Mutex
	engine *Engine
}

// maxAge is when models are refitted on use; the job refits them every
// hour.
const maxAge = 2 * time.Hour

// Engine is the latest fitted models.
func (s *Service) Engine(ctx context.Context) (*Engine, error) {
	fitted, err := s.Store.RecommendModelTime(ctx)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.Now()
	if !fitted.IsZero() && (s.engine == nil || fitted.After(s.engine.BuiltAt)) {
		b, err := s.Store.RecommendModel(ctx)
		if err != nil {
			return nil, err
		}
		e, err := Decode(b)
		if err != nil {
			return nil, err
		}
		s.engine = e
	}
	if s.engine == nil || now.Sub(s.engine.BuiltAt) >= maxAge {
		return s.refit(ctx)
	}
	return s.engine, nil
}

// Refit fits the models on what the store holds now, stores them, and
// serves them from then on.
func (s *Service) Refit(ctx context.Context) (*Engine, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.refit(ctx)
}

func (s *Service) refit(ctx context.Context) (*Engine, error) {
	e, err := Build(ctx, s.Store, s.Now())
	if err != nil {
		return nil, err
	}
	b, err := e.Encode()
	if err != nil {
		return nil, err
	}
	if err := s.Store.SaveRecommendModel(ctx, e.BuiltAt, b); err != nil {
		return nil, err
	}
	s.engine = e
	return e, nil
}

// ForUser recommends to a user from the latest models, hiding the shows
// they follow now.
func ForUser(ctx context.Context, s *Service, st *store.Store, userID int64, o Options) ([]Recommendation, error) {
	e, err := s.Engine(ctx)
	if err != nil {
		return nil, err
	}
	follows, err := st.Follows(ctx, userID)
	if err != nil {
		return nil, err
	}
	ids := make([]int64, len(follows))
	for i, f := range follows {
		ids[i] = f.ShowID
	}
	return e.ForUser(userID, ids, o), nil
}
