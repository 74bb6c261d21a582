package feeds

import (
	"context"
	"sync"
	"time"

	"github.com/nextseason/nextseason/internal/feeds/extract"
)

// catalogMaxAge is how long the poller's catalog of known titles serves
// before it is read from the database again: shows a sync or an editor
// added meanwhile are then found by title too.
const catalogMaxAge = 10 * time.Minute

// extractors keeps the poller's extractor over the database's catalog,
// read again once older than catalogMaxAge.
type extractors struct {
	mu     sync.Mutex
	x      *extract.Extractor
	loaded time.Time
}

// extractor is the extractor over the catalog as it stands: the titles,
// aliases and networks of the database's shows and its people's names.
func (p *Poller) extractor(ctx context.Context) (*extract.Extractor, error) {
	p.extract.mu.Lock()
	defer p.extract.mu.Unlock()
	now := p.Store.Now()
	if p.extract.x != nil && now.Sub(p.extract.loaded) < catalogMaxAge {
		return p.extract.x, nil
	}
	m := p.Model
	if m == nil {
		var err error
		if m, err = extract.DefaultModel(); err != nil {
			return nil, err
		}
		p.Model = m
	}
	titles, people, err := p.Store.KnownNames(ctx)
	if err != nil {
		return nil, err
	}
	shows := make([]extract.CatalogShow, len(titles))
	for i, t := range titles {
		shows[i] = extract.CatalogShow{Title: t.Title, Network: t.Network}
	}
	p.extract.x, p.extract.loaded = extract.New(extract.NewCatalog(shows, people), m), now
	return p.extract.x, nil
}
