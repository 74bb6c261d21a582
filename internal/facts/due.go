package facts

import (
	"fmt"
	"time"

	"github.com/nextseason/nextseason/internal/model"
)

// dueFor is how long after it becomes true a time-driven event is still
// told: a job that runs hourly catches it, and a show first followed
// years after its finale does not announce old news.
const dueFor = 30 * 24 * time.Hour

// SeasonChange is a change about one season of a show.
type SeasonChange struct {
	Season int
	Change
}

// DueChanges lists the changes that time, not news, brings about as of
// today: the latest season has finished airing (season_released), and,
// atRiskDays after that finale, the next season's renewal is still
// undecided (at_risk). Each is listed for a month after it became true;
// storing it once is the caller's part.
func DueChanges(d ShowData, today model.PartialDate, atRiskDays int) []SeasonChange {
	season, finale, ok := lastFinale(d)
	if !ok {
		return nil
	}
	now := today.Start()
	var out []SeasonChange
	if since := now.Sub(finale); since >= 0 && since < dueFor {
		out = append(out, SeasonChange{season, Change{Kind: model.EventSeasonReleased, New: finale.Format(time.DateOnly)}})
	}
	due := finale.AddDate(0, 0, atRiskDays)
	if since := now.Sub(due); since >= 0 && since < dueFor {
		next, err := ComposeOutlook(d, season+1, today)
		if err == nil && !next.Renewal.Status.Decisive() {
			out = append(out, SeasonChange{season + 1, Change{Kind: model.EventAtRisk, Old: string(next.Renewal.Status),
				New: fmt.Sprintf("%d days after the season %d finale (%s)", atRiskDays, season, finale.Format(time.DateOnly))}})
		}
	}
	return out
}

// lastFinale is the latest season known to have finished airing, and the
// day its last episode aired: the catalog's end date, or, when the
// catalog gives the number of episodes, the day the last of them aired.
func lastFinale(d ShowData) (season int, finale time.Time, ok bool) {
	aired := map[int]int{}
	last := map[int]time.Time{}
	for _, e := range d.Episodes {
		if e.Number == 0 || e.Airdate.Precision != model.PrecisionDay {
			continue
		}
		aired[e.Season]++
		if t := e.Airdate.Start(); t.After(last[e.Season]) {
			last[e.Season] = t
		}
	}
	for _, s := range d.Seasons {
		var end time.Time
		switch {
		case s.End.Precision == model.PrecisionDay:
			end = s.End.Start()
		case s.EpisodeOrder > 0 && aired[s.Number] >= s.EpisodeOrder:
			end = last[s.Number]
		default:
			continue
		}
		if s.Number > season {
			season, finale, ok = s.Number, end, true
		}
	}
	return season, finale, ok
}
