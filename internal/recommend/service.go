package recommend

import (
	"context"
	"sync"
	"time"

	"github.com/nextseason/nextseason/internal/store"
)

// Service keeps the fitted models of one instance: a periodic job
// refits them (Refit); pages and the API read the latest (Engine), fitting
// once on first use.
type Service struct {
	Store *store.Store
	Now   func() time.Time

	mu     sync.Mutex
	engine *Engine
}

// maxAge is when models are refitted on use, for instances that run no
// jobs (serve --no-workers); the job refits them every hour.
const maxAge = 2 * time.Hour

// Engine is the latest fitted models.
func (s *Service) Engine(ctx context.Context) (*Engine, error) {
	s.mu.Lock()
	e := s.engine
	s.mu.Unlock()
	if e != nil && s.Now().Sub(e.BuiltAt) < maxAge {
		return e, nil
	}
	return s.Refit(ctx)
}

// Refit fits the models on what the store holds now and serves them from
// then on.
func (s *Service) Refit(ctx context.Context) (*Engine, error) {
	e, err := Build(ctx, s.Store, s.Now())
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	s.engine = e
	s.mu.Unlock()
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
