package tvmaze

import (
	"fmt"
	"strconv"
	"time"

	"github.com/nextseason/nextseason/internal/facts"
	"github.com/nextseason/nextseason/internal/model"
)

// syncReviewer is recorded as accepting the claims a sync derives.
const syncReviewer = "tvmaze sync"

// Snapshot is what the catalog held about a show at one time.
type Snapshot struct {
	Show    model.Show
	Seasons []model.Season
}

// Changes turns the differences between what the catalog held and what
// TVmaze now says into claims, stated on the day they were seen: a status
// change (about the season after the last), a new season (renewed), and a
// premiere date or episode count that appears or moves. A show seen for
// the first time yields none: its provider data answers as it is.
func Changes(before, after Snapshot, seen time.Time) []model.Claim {
	if before.Show.ID == 0 {
		return nil
	}
	src := model.Source{
		// One source per sighting: the API resource, at TVmaze's update time.
		URL:       fmt.Sprintf("https://api.tvmaze.com/shows/%d#updated=%d", after.Show.TVmazeID, after.Show.ProviderSeenAt.Unix()),
		Publisher: "TVmaze",
		Title:     after.Show.Title + " on TVmaze",
		Published: model.DayDate(seen),
		Tier:      model.TierProvider,
	}
	claim := func(season int, kind model.ClaimKind, quote string) model.Claim {
		return model.Claim{
			ShowID: after.Show.ID, Season: season, Kind: kind, Quote: quote, Source: src,
			StatedAt: model.DayDate(seen), Confidence: 1, Origin: model.OriginProvider,
			State: model.StateAccepted, Reviewer: syncReviewer,
		}
	}
	var out []model.Claim
	if old, now := before.Show.ProviderStatus, after.Show.ProviderStatus; old != "" && now != old {
		if status := facts.ProviderStatus(now); status != model.StatusUnknown {
			next := facts.LastSeason(facts.ShowData{Show: after.Show, Seasons: after.Seasons}, nil) + 1
			c := claim(next, model.KindRenewal, fmt.Sprintf("TVmaze status changed from %q to %q", old, now))
			c.Status = status
			out = append(out, c)
		}
	}
	if len(before.Seasons) == 0 {
		// The season list is new to us, not new on TVmaze.
		return out
	}
	had := map[int]model.Season{}
	for _, s := range before.Seasons {
		had[s.Number] = s
	}
	for _, s := range after.Seasons {
		old, known := had[s.Number]
		if !known {
			c := claim(s.Number, model.KindRenewal, fmt.Sprintf("TVmaze lists season %d", s.Number))
			c.Status = model.StatusRenewed
			out = append(out, c)
		}
		if !s.Premiere.IsZero() && s.Premiere != old.Premiere {
			c := claim(s.Number, model.KindPremiere, fmt.Sprintf("TVmaze: season %d premieres %s", s.Number, s.Premiere.Display()))
			if !old.Premiere.IsZero() {
				c.Quote += " (was " + old.Premiere.Display() + ")"
			}
			c.Date = s.Premiere
			out = append(out, c)
		}
		if s.EpisodeOrder != 0 && s.EpisodeOrder != old.EpisodeOrder {
			c := claim(s.Number, model.KindEpisodes, "TVmaze: season "+strconv.Itoa(s.Number)+" has "+strconv.Itoa(s.EpisodeOrder)+" episodes")
			if old.EpisodeOrder != 0 {
				c.Quote += " (was " + strconv.Itoa(old.EpisodeOrder) + ")"
			}
			c.Episodes = s.EpisodeOrder
			out = append(out, c)
		}
	}
	return out
}
