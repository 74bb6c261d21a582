package answer

import (
	"context"
	"fmt"
	"time"

	"github.com/nextseason/nextseason/internal/facts"
	"github.com/nextseason/nextseason/internal/model"
	"github.com/nextseason/nextseason/internal/store"
)

// Followed is a show a user follows, with today's outlooks of the seasons
// a follower waits for: the catalog's last season (it may not have
// premiered yet) through the next one.
type Followed struct {
	store.FollowedShow
	Seasons []facts.Outlook
	next    int // the next season, by facts.NextSeason
}

// FollowedShows answers, for each show userID follows, for the seasons a
// follower waits for: what "My shows" and the calendar show.
func FollowedShows(ctx context.Context, st *store.Store, userID int64, now time.Time) ([]Followed, error) {
	follows, err := st.Follows(ctx, userID)
	if err != nil {
		return nil, err
	}
	today := model.DayDate(now)
	ids := make([]int64, len(follows))
	for i, f := range follows {
		ids[i] = f.ShowID
	}
	data, err := st.ShowsData(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make([]Followed, 0, len(follows))
	for _, f := range follows {
		d, ok := data[f.ShowID]
		if !ok {
			return nil, fmt.Errorf("followed show %d: %w", f.ShowID, store.ErrNotFound)
		}
		// From the last season the catalog lists (its release is news)
		// or the next one, to the latest any claim known today names.
		next := facts.NextSeason(d, today)
		fw := Followed{FollowedShow: f, next: next}
		for season := max(1, min(facts.LastSeason(d, nil), next)); season <= max(next, facts.LastSeason(d, facts.Known(d.Claims, today))); season++ {
			o, err := facts.ComposeOutlook(d, season, today)
			if err != nil {
				return nil, err
			}
			fw.Seasons = append(fw.Seasons, o)
		}
		out = append(out, fw)
	}
	return out, nil
}

// Next is the season the follower waits for: the next season, by the
// rule every surface uses (facts.NextSeason).
func (f Followed) Next() facts.Outlook {
	for _, o := range f.Seasons {
		if o.Season == f.next {
			return o
		}
	}
	return f.Seasons[len(f.Seasons)-1]
}
