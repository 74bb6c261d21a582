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

// Engine is the latest fitted models.
func (s *Service) Engine(ctx context.Context) (*Engine, error) {
	s.mu.Lock()
	e := s.engine
	s.mu.Unlock()
	if e != nil {
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
