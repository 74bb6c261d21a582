package odds

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/nextseason/nextseason/internal/store"
)

// Service answers odds for pages and the API, keeping each answer for an
// hour: an estimate trains a model, which a page view should not repeat.
type Service struct {
	Store *store.Store
	Now   func() time.Time

	mu    sync.Mutex
	cache map[string]cached
}

type cached struct {
	at  time.Time
	e   Estimate
	err error
}

// keep is how long an answer is kept; maxCached bounds how many.
const (
	keep      = time.Hour
	maxCached = 1000
)

// Estimate is EstimateSeason, kept for an hour.
func (s *Service) Estimate(ctx context.Context, title string, next int, asOf time.Time) (Estimate, error) {
	key := fmt.Sprintf("%s\x00%s\x00%d", title, asOf.Format(time.DateOnly), next)
	s.mu.Lock()
	c, ok := s.cache[key]
	s.mu.Unlock()
	if ok && s.Now().Sub(c.at) < keep {
		return c.e, c.err
	}
	e, err := EstimateSeason(ctx, s.Store, title, next, asOf)
	s.mu.Lock()
	if s.cache == nil || len(s.cache) > maxCached {
		s.cache = map[string]cached{}
	}
	s.cache[key] = cached{s.Now(), e, err}
	s.mu.Unlock()
	return e, err
}
