// Package answer answers what people ask of nextseason — a season's
// outlook, a show by name, a search — by reading the request, loading
// from the store and composing with facts. The CLI, the pages and the API
// all ask through it, so they give the same answers.
package answer

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/nextseason/nextseason/internal/facts"
	"github.com/nextseason/nextseason/internal/model"
	"github.com/nextseason/nextseason/internal/odds"
	"github.com/nextseason/nextseason/internal/search"
	"github.com/nextseason/nextseason/internal/store"
	"golang.org/x/sync/singleflight"
)

// Failure is what sort of failure an error from this package is, for
// whoever shows it to a person (a page, the API, the CLI).
type Failure int

// The failures.
const (
	// Internal: something went wrong on our side.
	Internal Failure = iota
	// NotFound: the show or season asked for does not exist (or has no
	// odds to give).
	NotFound
	// Invalid: the request makes no sense (ErrBadRequest).
	Invalid
)

// FailureOf says what sort of failure err is.
func FailureOf(err error) Failure {
	var noShow *NoShowError
	switch {
	case errors.As(err, &noShow), errors.Is(err, store.ErrNotFound), errors.Is(err, facts.ErrNoSuchSeason), odds.Unavailable(err), errors.Is(err, ErrNotNetflix):
		return NotFound
	case errors.Is(err, ErrBadRequest):
		return Invalid
	}
	return Internal
}

// ErrBadRequest marks what is wrong with a season or date as asked for:
// errors.Is(err, ErrBadRequest) holds for them, and their message is
// only what is wrong.
var ErrBadRequest = errors.New("bad request")

// badRequest is an error that is ErrBadRequest, worded by format.
func badRequest(format string, args ...any) error {
	return badRequestError{fmt.Sprintf(format, args...)}
}

type badRequestError struct{ msg string }

func (e badRequestError) Error() string        { return e.msg }
func (e badRequestError) Is(target error) bool { return target == ErrBadRequest }

// NoShowError says no show matched, with the nearest titles.
type NoShowError struct {
	Query   string
	Nearest []model.Show
}

func (e *NoShowError) Error() string {
	msg := fmt.Sprintf("no show matches %q", e.Query)
	for i, sh := range e.Nearest {
		if i == 0 {
			msg += "; nearest: "
		} else {
			msg += ", "
		}
		msg += fmt.Sprintf("%q", sh.Title)
	}
	return msg
}

// Request names a season and a day. Season and AsOf are as typed: empty
// means the next season and today.
type Request struct {
	Show   string // slug or title
	Season string
	AsOf   string
}

// ParseAsOf reads an as-of date: a day, YYYY-MM-DD; empty is today.
func ParseAsOf(s string, today time.Time) (model.PartialDate, error) {
	if s == "" {
		return model.DayDate(today), nil
	}
	d, err := model.ParsePartialDate(s)
	if err != nil {
		return d, badRequest("as_of %q: want a day, YYYY-MM-DD", s)
	}
	if d.Precision != model.PrecisionDay {
		return d, badRequest("as_of %q: want a day, YYYY-MM-DD", s)
	}
	return d, nil
}

// Outlook answers the request as known on AsOf.
func Outlook(ctx context.Context, st *store.Store, req Request, today time.Time) (facts.Outlook, error) {
	a, err := showOutlook(ctx, st, req, today, st.ShowData)
	return a.Outlook, err
}

// ShowOutlook is an outlook with the catalog's show it is about.
type ShowOutlook struct {
	Show    model.Show
	Outlook facts.Outlook
}

// showOutlook answers req, loading the show's data with load.
func showOutlook(ctx context.Context, st *store.Store, req Request, today time.Time, load func(context.Context, model.Show) (facts.ShowData, error)) (ShowOutlook, error) {
	asOf, err := ParseAsOf(req.AsOf, today)
	if err != nil {
		return ShowOutlook{}, err
	}
	sh, err := FindShow(ctx, st, req.Show)
	if err != nil {
		return ShowOutlook{}, err
	}
	d, err := load(ctx, sh)
	if err != nil {
		return ShowOutlook{}, err
	}
	season := facts.NextSeason(d, asOf)
	if req.Season != "" {
		n, err := strconv.Atoi(req.Season)
		if err != nil || n < 1 {
			return ShowOutlook{}, badRequest("season %q: want a whole number, 1 or more", req.Season)
		}
		season = n
	}
	o, err := facts.ComposeOutlook(d, season, asOf)
	return ShowOutlook{Show: sh, Outlook: o}, err
}

// FindShow resolves a slug or title, or says which titles come nearest.
// A show news proposed is private until an editor accepts a claim about
// it: to the public it does not exist.
func FindShow(ctx context.Context, st *store.Store, ref string) (model.Show, error) {
	sh, err := st.FindShow(ctx, ref)
	if err == nil && sh.Proposed {
		sh, err = model.Show{}, fmt.Errorf("show %q: %w", ref, store.ErrNotFound)
	}
	if !errors.Is(err, store.ErrNotFound) {
		return sh, err
	}
	nearest, serr := search.Shows(ctx, st, ref, 3)
	if serr != nil {
		return sh, serr
	}
	nf := &NoShowError{Query: ref}
	for _, r := range nearest {
		nf.Nearest = append(nf.Nearest, r.Show)
	}
	return sh, nf
}

// Outlooks answers outlook requests as Outlook does, for the pages and
// the API. It keeps each show's data while the show's data version
// (read with the show, one statement) stands; any change to what the
// show's answers rest on raises it in the change's own transaction, so
// an instance sees every instance's change at once. Identical requests
// in flight at the same moment share one answer: a page many fans open
// at once, as after a renewal, is composed once for all of them.
type Outlooks struct {
	Store *store.Store
	group singleflight.Group

	mu   sync.Mutex
	data map[int64]facts.ShowData // by show, as of d.Show.DataVersion
}

// maxKeptShows bounds the shows whose data is kept.
const maxKeptShows = 512

// outlookTimeout bounds a shared composition, which outlives the request
// that started it when that one goes away.
const outlookTimeout = 30 * time.Second

// Outlook answers req as known on AsOf (today when empty), with the show.
func (s *Outlooks) Outlook(ctx context.Context, req Request, today time.Time) (ShowOutlook, error) {
	key := strings.Join([]string{req.Show, req.Season, req.AsOf, today.UTC().Format(time.DateOnly)}, "\x00")
	ch := s.group.DoChan(key, func() (any, error) {
		ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), outlookTimeout)
		defer cancel()
		return showOutlook(ctx, s.Store, req, today, s.showData)
	})
	select {
	case <-ctx.Done():
		return ShowOutlook{}, ctx.Err()
	case r := <-ch:
		a, _ := r.Val.(ShowOutlook)
		return a, r.Err
	}
}

// showData is the show's data, kept while sh's data version stands.
// What is kept is shared by the answers composed from it, which only
// read it.
func (s *Outlooks) showData(ctx context.Context, sh model.Show) (facts.ShowData, error) {
	s.mu.Lock()
	d, ok := s.data[sh.ID]
	s.mu.Unlock()
	if ok && d.Show.DataVersion == sh.DataVersion {
		return d, nil
	}
	d, err := s.Store.ShowData(ctx, sh)
	if err != nil {
		return d, err
	}
	s.mu.Lock()
	if s.data == nil {
		s.data = map[int64]facts.ShowData{}
	}
	if _, have := s.data[sh.ID]; !have && len(s.data) >= maxKeptShows {
		for id := range s.data { // one show out, any one
			delete(s.data, id)
			break
		}
	}
	s.data[sh.ID] = d
	s.mu.Unlock()
	return d, nil
}
