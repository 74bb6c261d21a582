package answer

import (
	"context"
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
}

// FollowedShows answers, for each show userID follows, for the seasons a
// follower waits for: what "My shows" and the calendar show.
func FollowedShows(ctx context.Context, st *store.Store, userID int64, now time.Time) ([]Followed, error) {
	follows, err := st.Follows(ctx, userID)
	if err != nil {
		return nil, err
	}
	today := model.DayDate(now)
	out := make([]Followed, 0, len(follows))
	for _, f := range follows {
		sh, err := st.Show(ctx, f.ShowID)
		if err != nil {
			return nil, err
		}
		d, err := st.ShowData(ctx, sh)
		if err != nil {
			return nil, err
		}
		fw := Followed{FollowedShow: f}
		for season := max(1, facts.LastSeason(d, nil)); season <= facts.NextSeason(d, today); season++ {
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

// Next is the season the follower waits for: the first whose premiere is
// not behind today (or not known), else the last.
func (f Followed) Next(now time.Time) facts.Outlook {
	today := model.DayDate(now).Start()
	for _, o := range f.Seasons {
		if o.Premiere == nil {
			return o
		}
		if d, err := model.ParsePartialDate(o.Premiere.Date); err == nil && !d.End().Before(today) {
			return o
		}
	}
	return f.Seasons[len(f.Seasons)-1]
}
