// Package events turns changes in resolved answers into stored events:
// whatever writes claims about a season runs the write through Record.
package events

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/nextseason/nextseason/internal/facts"
	"github.com/nextseason/nextseason/internal/model"
	"github.com/nextseason/nextseason/internal/store"
)

// Record runs write, which may change what is known about a show's
// season, inside tx, and stores once each event the change causes.
func Record(ctx context.Context, tx *store.Store, showID int64, season int, write func() error) ([]model.Event, error) {
	return RecordShow(ctx, tx, showID, func() ([]int, error) { return []int{season}, write() })
}

// RecordShow runs write, which changes what is known about a show and
// reports the seasons it touched, inside tx; then it compares each
// season's outlook today, from the show's data before and after, with
// facts.Changes, and stores each change once as an event.
func RecordShow(ctx context.Context, tx *store.Store, showID int64, write func() (seasons []int, err error)) ([]model.Event, error) {
	before, err := showData(ctx, tx, showID)
	if err != nil {
		return nil, err
	}
	seasons, err := write()
	if err != nil {
		return nil, err
	}
	after, err := showData(ctx, tx, showID)
	if err != nil {
		return nil, err
	}
	var out []model.Event
	for _, season := range slices.Compact(slices.Sorted(slices.Values(seasons))) {
		if out, err = recordSeason(ctx, tx, showID, season, before, after, out); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// recordSeason compares a season's outlook today from the show's data
// before and after a change, and stores each difference once as an
// event; new events are appended to out.
func recordSeason(ctx context.Context, tx *store.Store, showID int64, season int, before, after facts.ShowData, out []model.Event) ([]model.Event, error) {
	today := model.DayDate(tx.Now())
	was, err := outlook(before, season, today)
	if err != nil {
		return out, err
	}
	is, err := outlook(after, season, today)
	if err != nil {
		return out, err
	}
	for _, c := range facts.Changes(was, is) {
		if out, err = addChange(ctx, tx, showID, season, c, out); err != nil {
			return out, err
		}
	}
	return out, nil
}

// addChange stores a change as an event, with the claim, source and
// person it is about, unless it is stored already; new events are
// appended to out.
func addChange(ctx context.Context, tx *store.Store, showID int64, season int, c facts.Change, out []model.Event) ([]model.Event, error) {
	e := model.Event{ShowID: showID, Season: season, Kind: c.Kind, Old: c.Old, New: c.New}
	if len(c.Evidence) > 0 {
		e.ClaimID, e.SourceURL = c.Evidence[0].ID, c.Evidence[0].Source.URL
	}
	var err error
	if e.PersonID, err = personNamed(ctx, tx, c.Actor); err != nil {
		return out, err
	}
	isNew, err := add(ctx, tx, &e)
	if isNew {
		out = append(out, e)
	}
	return out, err
}

func showData(ctx context.Context, tx *store.Store, showID int64) (facts.ShowData, error) {
	sh, err := tx.Show(ctx, showID)
	if err != nil {
		return facts.ShowData{}, err
	}
	return tx.ShowData(ctx, sh)
}

// outlook is a season's outlook; a season the show cannot have (none, or
// beyond the next) has an empty one, and so no events.
func outlook(d facts.ShowData, season int, today model.PartialDate) (facts.Outlook, error) {
	if season < 1 {
		return facts.Outlook{}, nil
	}
	o, err := facts.ComposeOutlook(d, season, today)
	if errors.Is(err, facts.ErrNoSuchSeason) {
		return facts.Outlook{}, nil
	}
	return o, err
}

// AddClaim adds a claim in tx; an accepted one goes through Record, so
// the events it causes are stored with it. A proposed claim changes no
// answer until an editor accepts it.
func AddClaim(ctx context.Context, tx *store.Store, c *model.Claim) (store.Change, error) {
	if c.State != model.StateAccepted {
		return tx.AddClaim(ctx, c)
	}
	var change store.Change
	_, err := Record(ctx, tx, c.ShowID, c.Season, func() error {
		var err error
		change, err = tx.AddClaim(ctx, c)
		return err
	})
	return change, err
}

// add stores an event unless it is stored already, and queues its
// webhook deliveries and mails in the same transaction, so a crash loses
// none.
func add(ctx context.Context, tx *store.Store, e *model.Event) (bool, error) {
	isNew, err := tx.AddEvent(ctx, e)
	if err != nil || !isNew {
		return false, err
	}
	if _, err := tx.QueueDeliveries(ctx, *e); err != nil {
		return false, err
	}
	if _, err := tx.QueueMails(ctx, *e); err != nil {
		return false, err
	}
	return true, nil
}

// Odds gives a season's renewal odds (0–1) as of a day, for an at-risk
// event's text; ok is false when there are none to give (the season was
// not in the Netflix Top 10, no model is fitted yet). odds.Service's
// RenewalOdds is one.
type Odds func(ctx context.Context, title string, season int, asOf time.Time) (p float64, ok bool, err error)

// RecordDue stores, once, the events time brings about for a show as of
// today (facts.DueChanges): a season released, a decision overdue
// atRiskDays after a finale, with the season's renewal odds when odds is
// given. What they say is worked out first, reading; then one
// transaction writes them, so it holds the write lock (SQLite has one)
// only for the writes.
func RecordDue(ctx context.Context, st *store.Store, showID int64, atRiskDays int, odds Odds) ([]model.Event, error) {
	d, err := showData(ctx, st, showID)
	if err != nil {
		return nil, err
	}
	type due struct {
		season int
		change facts.Change
	}
	var changes []due
	for _, c := range facts.DueChanges(d, model.DayDate(st.Now()), atRiskDays) {
		if c.Kind == model.EventAtRisk {
			told, err := st.HasEvent(ctx, showID, c.Season, c.Kind)
			if err != nil {
				return nil, err
			}
			if told {
				continue
			}
			if odds != nil {
				p, ok, err := odds(ctx, d.Show.Title, c.Season, st.Now())
				if err != nil {
					return nil, err
				}
				if ok {
					c.New = fmt.Sprintf("%s; estimated renewal odds %.0f%%", c.New, 100*p)
				}
			}
		}
		changes = append(changes, due{c.Season, c.Change})
	}
	if len(changes) == 0 {
		return nil, nil
	}
	var out []model.Event
	err = st.InTx(ctx, func(tx *store.Store) error {
		out = out[:0]
		for _, c := range changes {
			if c.change.Kind == model.EventAtRisk {
				// Told meanwhile (with other odds, so not caught as the
				// same event)?
				if told, err := tx.HasEvent(ctx, showID, c.season, c.change.Kind); err != nil || told {
					if err != nil {
						return err
					}
					continue
				}
			}
			var err error
			if out, err = addChange(ctx, tx, showID, c.season, c.change, out); err != nil {
				return err
			}
		}
		return nil
	})
	return out, err
}

// personNamed is the one person in the catalog of that name, or 0 (none,
// or several: the news cannot say which).
func personNamed(ctx context.Context, tx *store.Store, name string) (int64, error) {
	if name == "" {
		return 0, nil
	}
	people, err := tx.PeopleNamed(ctx, name)
	if err != nil || len(people) != 1 {
		return 0, err
	}
	return people[0].ID, nil
}

// NewRole stores, once, that a followed person has a new credit in a
// show (season 0: the whole show), for their followers and the show's.
func NewRole(ctx context.Context, tx *store.Store, c model.Credit, personID int64) error {
	followed, err := tx.PersonFollowed(ctx, personID)
	if err != nil || !followed {
		return err
	}
	who := c.Person.Name
	switch {
	case c.Character != "":
		who += " as " + c.Character
	case c.Job != "":
		who += ", " + c.Job
	}
	_, err = add(ctx, tx, &model.Event{ShowID: c.ShowID, Season: c.Season, Kind: model.EventCastNews, New: who + ": new role", PersonID: personID})
	return err
}
