package feeds

import (
	"context"
	"errors"
	"fmt"

	"github.com/nextseason/nextseason/internal/httpx"
	"github.com/nextseason/nextseason/internal/model"
	"github.com/nextseason/nextseason/internal/store"
)

var (
	// ErrSubscribed says a feed is subscribed to already.
	ErrSubscribed = errors.New("already subscribed")
	// ErrBadFeed marks what a user gave wrong: the URL or the tier.
	ErrBadFeed = errors.New("bad feed")
)

// badFeed is a user's mistake: its message is the error's own, and it is
// ErrBadFeed.
type badFeed struct{ error }

func (b badFeed) Is(target error) bool { return target == ErrBadFeed }
func (b badFeed) Unwrap() error        { return b.error }

// Subscribe adds the feed a user gives, due for its first poll now: an
// absolute http(s) URL and a tier name ("" for report). The command line,
// the API and the editors' page all subscribe through it.
func Subscribe(ctx context.Context, st *store.Store, rawURL, tier string) (store.Feed, error) {
	if tier == "" {
		tier = string(model.TierReport)
	}
	t, err := model.ParseTier(tier)
	if err != nil {
		return store.Feed{}, badFeed{err}
	}
	u, err := httpx.CheckURL(rawURL)
	if err != nil {
		return store.Feed{}, badFeed{err}
	}
	f, err := st.AddFeed(ctx, u, t)
	if errors.Is(err, store.ErrConflict) {
		return store.Feed{}, fmt.Errorf("%w to %s", ErrSubscribed, u)
	}
	return f, err
}
