package tvmaze

import (
	"context"
	"errors"
	"fmt"

	"github.com/nextseason/nextseason/internal/events"
	"github.com/nextseason/nextseason/internal/store"
)

// Report counts what an import did.
type Report struct {
	Shows, ShowsCreated, ShowsUpdated int
	Seasons, Episodes, Credits        int
	// Claims counts the changes recorded as provider claims.
	Claims int
}

func (r Report) String() string {
	return fmt.Sprintf("%d shows (%d new, %d updated, %d unchanged), %d seasons, %d episodes, %d credits, %d changes recorded as claims",
		r.Shows, r.ShowsCreated, r.ShowsUpdated, r.Shows-r.ShowsCreated-r.ShowsUpdated, r.Seasons, r.Episodes, r.Credits, r.Claims)
}

// add sums reports.
func (r *Report) add(o Report) {
	r.Shows += o.Shows
	r.ShowsCreated += o.ShowsCreated
	r.ShowsUpdated += o.ShowsUpdated
	r.Seasons += o.Seasons
	r.Episodes += o.Episodes
	r.Credits += o.Credits
	r.Claims += o.Claims
}

// ImportBatch is how many shows one transaction of an import saves: a
// few hundred milliseconds of SQLite's one write lock, between which
// other writers get their turn (store.WriteTurns), so a server on the
// same database keeps answering while 40,000 shows go in.
const ImportBatch = 250

// Import saves a decoded (so already validated) document, its shows in
// transactions of ImportBatch each. A show that fails stops the import,
// saying how many were saved; each show lands whole or not at all, and
// running the import again finishes it (saved shows are unchanged).
// Bare lists (a show's cast, seasons, episodes...) belong to the show
// with TVmaze id showID, which must be in the catalog; they land in one
// transaction.
func Import(ctx context.Context, st *store.Store, doc Document, showID int64) (Report, error) {
	rep, err := importShows(ctx, st, doc.Shows, ImportBatch, st.WriteTurns())
	if err != nil {
		return rep, err
	}
	err = st.InTx(ctx, func(tx *store.Store) error {
		bare := len(doc.Episodes) + len(doc.Seasons) + len(doc.Cast) + len(doc.Crew) + len(doc.Akas)
		if bare == 0 {
			return nil
		}
		if showID == 0 {
			return errors.New("this response lists a show's cast, crew, seasons, episodes or akas without the show: name it with --show TVMAZE_ID")
		}
		show, err := tx.ShowByTVmazeID(ctx, showID)
		if err != nil {
			return fmt.Errorf("--show %d: %w (import the show first)", showID, err)
		}
		if len(doc.Akas) > 0 {
			show.Aliases = append(show.Aliases, ToAliases(doc.Akas)...)
			if _, err := tx.SaveShow(ctx, &show); err != nil {
				return err
			}
		}
		_, err = events.RecordShow(ctx, tx, show.ID, func() ([]int, error) {
			before, err := snapshot(ctx, tx, showID)
			if err != nil {
				return nil, err
			}
			if err := saveParts(ctx, tx, show.ID, &Embedded{Cast: doc.Cast, Crew: doc.Crew, Seasons: doc.Seasons, Episodes: doc.Episodes}, &rep); err != nil {
				return nil, err
			}
			after, err := snapshot(ctx, tx, showID)
			if err != nil {
				return nil, err
			}
			return recordChanges(ctx, tx, before, after, &rep)
		})
		return err
	})
	return rep, err
}

// importShows saves shows in transactions of batch each, yielding to
// other writers between them (turns may be nil: never).
func importShows(ctx context.Context, st *store.Store, shows []Show, batch int, turns *store.WriteTurns) (Report, error) {
	var rep Report
	for start := 0; start < len(shows); start += batch {
		if turns != nil {
			if err := turns.Yield(ctx); err != nil {
				return rep, err
			}
		}
		part := shows[start:min(start+batch, len(shows))]
		var got Report
		err := st.InTx(ctx, func(tx *store.Store) error {
			for _, s := range part {
				if err := importShow(ctx, tx, s, &got); err != nil {
					return fmt.Errorf("show %d %q: %w", s.ID, s.Name, err)
				}
			}
			return nil
		})
		if err != nil {
			return rep, fmt.Errorf("%w (%d of %d shows saved before it; run the import again to finish)", err, start, len(shows))
		}
		rep.add(got)
	}
	return rep, nil
}

// importShow saves a show with its embeds and records what changed since
// the catalog last had it as claims, seen now.
func importShow(ctx context.Context, tx *store.Store, s Show, rep *Report) error {
	before, err := snapshot(ctx, tx, s.ID)
	if err != nil {
		return err
	}
	if before.Show.ID == 0 {
		// First sight: nothing changed, so no claims and no events.
		_, err := saveShow(ctx, tx, s, before, rep)
		return err
	}
	_, err = events.RecordShow(ctx, tx, before.Show.ID, func() ([]int, error) { return saveShow(ctx, tx, s, before, rep) })
	return err
}

// saveShow saves a show with its embeds and records, as claims, what
// changed since before; it returns the seasons the claims are about.
func saveShow(ctx context.Context, tx *store.Store, s Show, before Snapshot, rep *Report) ([]int, error) {
	sh := ToShow(s)
	if before.Show.ID != 0 && (s.Embedded == nil || len(s.Embedded.Akas) == 0) {
		// A response without akas says nothing about them: keep ours.
		sh.Aliases = before.Show.Aliases
	}
	change, err := tx.SaveShow(ctx, &sh)
	if err != nil {
		return nil, err
	}
	rep.Shows++
	switch change {
	case store.Created:
		rep.ShowsCreated++
	case store.Updated:
		rep.ShowsUpdated++
	}
	if err := saveParts(ctx, tx, sh.ID, s.Embedded, rep); err != nil {
		return nil, err
	}
	if before.Show.ID == 0 {
		return nil, nil // first sight: nothing changed
	}
	// What the catalog holds now is what was just saved; no need to read it back.
	after := Snapshot{Show: sh, Seasons: before.Seasons}
	if s.Embedded != nil && len(s.Embedded.Seasons) > 0 {
		after.Seasons = nil
		for _, se := range s.Embedded.Seasons {
			after.Seasons = append(after.Seasons, ToSeason(sh.ID, se))
		}
	}
	return recordChanges(ctx, tx, before, after, rep)
}

// recordChanges records, as claims seen now, what differs between before
// and after.
// It returns the seasons the claims are about; the caller runs it inside
// events.RecordShow, so the events they cause are stored too.
func recordChanges(ctx context.Context, tx *store.Store, before, after Snapshot, rep *Report) ([]int, error) {
	var seasons []int
	for _, c := range Changes(before, after, tx.Now()) {
		if _, err := tx.AddClaim(ctx, &c); err != nil {
			return nil, fmt.Errorf("record change: %w", err)
		}
		rep.Claims++
		seasons = append(seasons, c.Season)
	}
	return seasons, nil
}

// snapshot reads what the catalog holds about a TVmaze show; the zero
// Snapshot when it holds nothing.
func snapshot(ctx context.Context, tx *store.Store, tvmazeID int64) (Snapshot, error) {
	sh, err := tx.ShowByTVmazeID(ctx, tvmazeID)
	if errors.Is(err, store.ErrNotFound) {
		return Snapshot{}, nil
	} else if err != nil {
		return Snapshot{}, err
	}
	seasons, err := tx.Seasons(ctx, sh.ID)
	return Snapshot{Show: sh, Seasons: seasons}, err
}

func saveParts(ctx context.Context, tx *store.Store, showID int64, e *Embedded, rep *Report) error {
	if e == nil {
		return nil
	}
	for _, se := range e.Seasons {
		if _, err := tx.SaveSeason(ctx, ToSeason(showID, se)); err != nil {
			return err
		}
		rep.Seasons++
	}
	for _, ep := range e.Episodes {
		if _, err := tx.SaveEpisode(ctx, ToEpisode(showID, ep)); err != nil {
			return err
		}
		rep.Episodes++
	}
	added := false
	for _, c := range ToCredits(showID, e.Cast, e.Crew) {
		change, personID, err := tx.SaveCredit(ctx, c)
		if err != nil {
			return err
		}
		if change == store.Created {
			added = true
			if err := events.NewRole(ctx, tx, c, personID); err != nil {
				return err
			}
		}
		rep.Credits++
	}
	if added {
		// People are searchable too.
		return tx.IndexShow(ctx, showID)
	}
	return nil
}
