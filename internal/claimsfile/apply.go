package claimsfile

import (
	"context"
	"errors"
	"fmt"

	"github.com/nextseason/nextseason/internal/events"
	"github.com/nextseason/nextseason/internal/model"
	"github.com/nextseason/nextseason/internal/store"
)

// Report counts what applying a file did.
type Report struct {
	Shows, ShowsCreated, ShowsUpdated int
	Claims, ClaimsCreated             int
}

func (r Report) String() string {
	return fmt.Sprintf("%d shows (%d new, %d updated), %d claims (%d new, %d already held)",
		r.Shows, r.ShowsCreated, r.ShowsUpdated, r.Claims, r.ClaimsCreated, r.Claims-r.ClaimsCreated)
}

// Apply writes a parsed file in one transaction: every line lands, or
// none does. reviewer is recorded as having accepted the file's claims.
func Apply(ctx context.Context, st *store.Store, f File, reviewer string) (Report, error) {
	var rep Report
	err := st.InTx(ctx, func(tx *store.Store) error {
		slugs := map[string]int64{}
		for _, s := range f.Shows {
			id, change, err := saveShow(ctx, tx, s)
			if err != nil {
				return LineError{Line: s.Line, Err: err}
			}
			slugs[s.Slug], slugs[s.Title] = id, id
			rep.Shows++
			rep.ShowsCreated += boolInt(change == store.Created)
			rep.ShowsUpdated += boolInt(change == store.Updated)
		}
		for _, c := range f.Claims {
			v := c.Value
			v.ShowID = slugs[c.Show]
			if v.ShowID == 0 {
				sh, err := tx.FindShow(ctx, c.Show)
				if errors.Is(err, store.ErrNotFound) {
					return LineError{Line: c.Line, Err: fmt.Errorf("no show %q in the catalog or in this file", c.Show)}
				} else if err != nil {
					return err
				}
				v.ShowID = sh.ID
			}
			if v.State != model.StateProposed {
				v.Reviewer = reviewer
			}
			change, err := events.AddClaim(ctx, tx, &v)
			if err != nil {
				return LineError{Line: c.Line, Err: err}
			}
			rep.Claims++
			rep.ClaimsCreated += boolInt(change == store.Created)
		}
		return nil
	})
	return rep, err
}

func saveShow(ctx context.Context, tx *store.Store, s Show) (int64, store.Change, error) {
	sh := model.Show{
		Slug: s.Slug, Title: s.Title, Network: s.Network, Country: s.Country, Language: s.Language,
		Genres: s.Genres, Summary: s.Summary,
	}
	if sh.Slug == "" {
		sh.Slug = store.Slugify(s.Title)
	}
	sh.Premiered, _ = optionalDate(s.Premiered) // validated by Parse
	sh.Ended, _ = optionalDate(s.Ended)
	for _, a := range s.Aliases {
		sh.Aliases = append(sh.Aliases, model.Alias{Name: a})
	}
	change, err := tx.SaveShow(ctx, &sh)
	if err != nil {
		return 0, change, err
	}
	for _, se := range s.Seasons {
		prem, _ := optionalDate(se.Premiere)
		if _, err := tx.SaveSeason(ctx, model.Season{ShowID: sh.ID, Number: se.Number, EpisodeOrder: se.Episodes, Premiere: prem}); err != nil {
			return 0, change, err
		}
	}
	added := false
	for _, c := range s.Crew {
		credit := model.Credit{ShowID: sh.ID, Person: model.Person{Name: c.Person}, Role: model.RoleCrew, Job: c.Job}
		cc, _, err := tx.SaveCredit(ctx, credit)
		if err != nil {
			return 0, change, err
		}
		added = added || cc == store.Created
	}
	if added {
		// People are searchable too.
		if err := tx.IndexShow(ctx, sh.ID); err != nil {
			return 0, change, err
		}
	}
	return sh.ID, change, nil
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
