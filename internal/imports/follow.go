// Package imports brings in the shows people already track elsewhere
// (Sonarr, a Trakt export, nextseason's own export) as follows, and
// writes that export. A show is matched by its TVmaze, IMDb or TheTVDB
// id, then by title (and year, when given); what matches nothing is
// listed, never dropped. Importing the same thing again changes nothing.
package imports

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/nextseason/nextseason/internal/model"
	"github.com/nextseason/nextseason/internal/store"
)

// Wanted is a show someone tracks elsewhere.
type Wanted struct {
	Title     string `json:"title"`
	Year      int    `json:"year,omitempty"`
	TVmazeID  int64  `json:"tvmaze_id,omitempty"`
	IMDbID    string `json:"imdb_id,omitempty"`
	TheTVDBID int64  `json:"thetvdb_id,omitempty"`
	// Watched and Rating (1–5; 0: none) are set on the follow when given.
	Watched bool `json:"watched,omitempty"`
	Rating  int  `json:"rating,omitempty"`
	// Events and Delivery, when given (nextseason's export), are the
	// follow's; else it takes every event, at once.
	Events   []model.EventKind `json:"events,omitempty"`
	Delivery model.Delivery    `json:"delivery,omitempty"`
}

// Unmatched is a wanted show the catalog has no match for, and why.
type Unmatched struct {
	Wanted
	Why string `json:"why"`
}

// Report says what an import did (or, dry, would do).
type Report struct {
	DryRun bool `json:"dry_run"`
	// Followed are shows newly followed; Updated, followed already and
	// now marked watched or rated; Unchanged, followed already as given.
	Followed  []string    `json:"followed"`
	Updated   []string    `json:"updated"`
	Unchanged []string    `json:"unchanged"`
	Unmatched []Unmatched `json:"unmatched"`
	// Skipped counts entries that are not shows (movies, episodes).
	Skipped int `json:"skipped"`
	// From nextseason's export: people newly followed and those matching
	// no one (or several), webhook endpoints added (with new secrets).
	People          []string `json:"people,omitempty"`
	UnmatchedPeople []string `json:"unmatched_people,omitempty"`
	Webhooks        []string `json:"webhooks,omitempty"`
}

func (r Report) String() string {
	verb := "followed"
	if r.DryRun {
		verb = "would follow"
	}
	s := fmt.Sprintf("%s %d shows, updated %d, %d unchanged, %d unmatched", verb, len(r.Followed), len(r.Updated), len(r.Unchanged), len(r.Unmatched))
	if r.Skipped > 0 {
		s += fmt.Sprintf(", %d entries skipped (not shows)", r.Skipped)
	}
	return s
}

// Follow makes userID follow each wanted show the catalog matches, in one
// transaction; dry, it only reports what it would do.
func Follow(ctx context.Context, st *store.Store, userID int64, wanted []Wanted, dryRun bool) (Report, error) {
	rep := Report{DryRun: dryRun, Followed: []string{}, Updated: []string{}, Unchanged: []string{}, Unmatched: []Unmatched{}}
	err := st.InTx(ctx, func(tx *store.Store) error {
		rep.Followed, rep.Updated, rep.Unchanged, rep.Unmatched = rep.Followed[:0], rep.Updated[:0], rep.Unchanged[:0], rep.Unmatched[:0]
		have, err := tx.Follows(ctx, userID)
		if err != nil {
			return err
		}
		following := map[int64]store.FollowedShow{}
		for _, f := range have {
			following[f.ShowID] = f
		}
		for _, w := range merge(wanted) {
			sh, why, err := match(ctx, tx, w)
			if err != nil {
				return err
			}
			if why != "" {
				rep.Unmatched = append(rep.Unmatched, Unmatched{Wanted: w, Why: why})
				continue
			}
			f, followed := following[sh.ID]
			switch {
			case !followed:
				rep.Followed = append(rep.Followed, sh.Slug)
			case (w.Watched && !f.Watched) || (w.Rating != 0 && w.Rating != f.Rating):
				rep.Updated = append(rep.Updated, sh.Slug)
			default:
				rep.Unchanged = append(rep.Unchanged, sh.Slug)
				continue
			}
			if dryRun {
				continue
			}
			if !followed {
				nf := model.Follow{UserID: userID, ShowID: sh.ID, Events: w.Events, Delivery: w.Delivery}
				if len(nf.Events) == 0 {
					nf.Events = model.EventKinds
				}
				if nf.Delivery == "" {
					nf.Delivery = model.DeliveryImmediate
				}
				if err := tx.SaveFollow(ctx, &nf); err != nil {
					return err
				}
				following[sh.ID] = store.FollowedShow{}
			}
			var watched *bool
			if w.Watched {
				watched = &w.Watched
			}
			var rating *int
			if w.Rating != 0 {
				rating = &w.Rating
			}
			if watched != nil || rating != nil {
				if err := tx.SetWatched(ctx, userID, sh.ID, watched, rating); err != nil {
					return err
				}
			}
		}
		return nil
	})
	return rep, err
}

// merge joins entries about the same show (a Trakt export lists a show
// in the watchlist, the watched list and the ratings alike).
func merge(wanted []Wanted) []Wanted {
	var out []Wanted
	at := map[string]int{}
	for _, w := range wanted {
		keys := w.keys()
		i, seen := -1, false
		for _, k := range keys {
			if j, ok := at[k]; ok {
				i, seen = j, true
				break
			}
		}
		if !seen {
			out = append(out, w)
			i = len(out) - 1
		} else {
			m := &out[i]
			m.Watched = m.Watched || w.Watched
			m.Rating = max(m.Rating, w.Rating)
			m.TVmazeID, m.IMDbID, m.TheTVDBID = first(m.TVmazeID, w.TVmazeID), first(m.IMDbID, w.IMDbID), first(m.TheTVDBID, w.TheTVDBID)
		}
		for _, k := range keys {
			at[k] = i
		}
	}
	return out
}

func first[T comparable](a, b T) T {
	var zero T
	if a != zero {
		return a
	}
	return b
}

// keys are what identify the show: its ids, else its title and year.
func (w Wanted) keys() []string {
	var keys []string
	if w.TVmazeID != 0 {
		keys = append(keys, fmt.Sprint("tvmaze:", w.TVmazeID))
	}
	if w.IMDbID != "" {
		keys = append(keys, "imdb:"+w.IMDbID)
	}
	if w.TheTVDBID != 0 {
		keys = append(keys, fmt.Sprint("tvdb:", w.TheTVDBID))
	}
	if len(keys) == 0 {
		keys = append(keys, fmt.Sprint("title:", strings.ToLower(w.Title), ":", w.Year))
	}
	return keys
}

// match finds the wanted show in the catalog: by id, then by title (and
// year). why says what went wrong when nothing matches.
func match(ctx context.Context, st *store.Store, w Wanted) (model.Show, string, error) {
	if w.TVmazeID != 0 || w.IMDbID != "" || w.TheTVDBID != 0 {
		sh, err := st.ShowByExternalID(ctx, w.TVmazeID, w.IMDbID, w.TheTVDBID)
		if err == nil {
			return sh, "", nil
		}
		if !errors.Is(err, store.ErrNotFound) {
			return sh, "", err
		}
	}
	if strings.TrimSpace(w.Title) == "" {
		return model.Show{}, "no show in the catalog has its ids, and it has no title", nil
	}
	titled, err := st.ShowsTitled(ctx, w.Title)
	if err != nil {
		return model.Show{}, "", err
	}
	if w.Year != 0 {
		var that []model.Show
		for _, sh := range titled {
			if sh.Premiered.Year == w.Year {
				that = append(that, sh)
			}
		}
		if len(that) == 0 && len(titled) > 0 {
			return model.Show{}, fmt.Sprintf("the catalog's shows titled %q did not premiere in %d", w.Title, w.Year), nil
		}
		titled = that
	}
	switch len(titled) {
	case 0:
		return model.Show{}, fmt.Sprintf("no show in the catalog is titled %q or has its ids", w.Title), nil
	case 1:
		return titled[0], "", nil
	}
	return model.Show{}, fmt.Sprintf("%d shows in the catalog are titled %q: give its year or an id", len(titled), w.Title), nil
}
