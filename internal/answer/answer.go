// Package answer answers what people ask of nextseason — a season's
// outlook, a show by name, a search — by reading the request, loading
// from the store and composing with facts. The CLI, the pages and the API
// all ask through it, so they give the same answers.
package answer

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/nextseason/nextseason/internal/facts"
	"github.com/nextseason/nextseason/internal/match"
	"github.com/nextseason/nextseason/internal/model"
	"github.com/nextseason/nextseason/internal/store"
)

// Status is the HTTP status an error from this package deserves: 404 for
// a show or season that does not exist, 400 for a request that makes no
// sense, 500 for anything else.
func Status(err error) int {
	var noShow *NoShowError
	switch {
	case errors.As(err, &noShow), errors.Is(err, store.ErrNotFound):
		return http.StatusNotFound
	case errors.Is(err, ErrBadRequest):
		return http.StatusBadRequest
	}
	return http.StatusInternalServerError
}

// ErrBadRequest wraps what is wrong with a season or date as asked for.
var ErrBadRequest = errors.New("bad request")

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
		return d, fmt.Errorf("%w: as_of: %v", ErrBadRequest, err)
	}
	if d.Precision != model.PrecisionDay {
		return d, fmt.Errorf("%w: as_of %q: want a day, YYYY-MM-DD", ErrBadRequest, s)
	}
	return d, nil
}

// Outlook answers the request as known on AsOf.
func Outlook(ctx context.Context, st *store.Store, req Request, today time.Time) (facts.Outlook, error) {
	asOf, err := ParseAsOf(req.AsOf, today)
	if err != nil {
		return facts.Outlook{}, err
	}
	sh, err := FindShow(ctx, st, req.Show)
	if err != nil {
		return facts.Outlook{}, err
	}
	d, err := st.ShowData(ctx, sh)
	if err != nil {
		return facts.Outlook{}, err
	}
	season := facts.NextSeason(d, asOf)
	if req.Season != "" {
		n, err := strconv.Atoi(req.Season)
		if err != nil || n < 1 {
			return facts.Outlook{}, fmt.Errorf("%w: season %q: want a whole number, 1 or more", ErrBadRequest, req.Season)
		}
		season = n
	}
	o, err := facts.ComposeOutlook(d, season, asOf)
	if errors.Is(err, facts.ErrNoSuchSeason) {
		return o, fmt.Errorf("%w: %v", ErrBadRequest, err)
	}
	return o, err
}

// FindShow resolves a slug or title, or says which titles come nearest.
func FindShow(ctx context.Context, st *store.Store, ref string) (model.Show, error) {
	sh, err := st.FindShow(ctx, ref)
	if !errors.Is(err, store.ErrNotFound) {
		return sh, err
	}
	nearest, serr := Search(ctx, st, ref, 3)
	if serr != nil {
		return sh, serr
	}
	nf := &NoShowError{Query: ref}
	for _, r := range nearest {
		nf.Nearest = append(nf.Nearest, r.Show)
	}
	return sh, nf
}

// Search ranks the catalog's shows against what a person typed.
func Search(ctx context.Context, st *store.Store, q string, limit int) ([]match.Result, error) {
	all, err := st.ShowTitles(ctx)
	if err != nil {
		return nil, err
	}
	return match.Rank(q, all, limit), nil
}
