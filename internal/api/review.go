package api

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/nextseason/nextseason/internal/feeds"
	"github.com/nextseason/nextseason/internal/httpx"
	"github.com/nextseason/nextseason/internal/model"
	"github.com/nextseason/nextseason/internal/review"
	"github.com/nextseason/nextseason/internal/store"
)

// QueuedClaim is a claim waiting for review, with what an editor needs
// to judge it.
type QueuedClaim struct {
	Claim
	Show struct {
		Slug     string `json:"slug"`
		Title    string `json:"title"`
		Proposed bool   `json:"proposed"`
	} `json:"show"`
	Rule string `json:"rule"`
}

func (a *API) listReview(w http.ResponseWriter, r *http.Request) {
	queue, err := a.Store.ClaimsInState(r.Context(), model.StateProposed, 200)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	out := []QueuedClaim{}
	for _, c := range queue {
		q := QueuedClaim{Claim: claimView(c.Claim), Rule: c.Rule}
		q.Show.Slug, q.Show.Title, q.Show.Proposed = c.ShowSlug, c.ShowTitle, c.ShowProposed
		out = append(out, q)
	}
	httpx.WriteJSON(w, http.StatusOK, out)
}

// Decision is the optional body of accept and reject. Who decides is
// not in it: it is whoever the request signed in as.
type Decision struct {
	Show     string  `json:"show"` // accept: link to this show instead
	Reviewer *string `json:"reviewer"`
}

// editorsToken names decisions made with the shared editors' token,
// which has no account.
const editorsToken = "editors' token"

func (a *API) acceptClaim(w http.ResponseWriter, r *http.Request) { a.decide(w, r, true) }
func (a *API) rejectClaim(w http.ResponseWriter, r *http.Request) { a.decide(w, r, false) }

func (a *API) decide(w http.ResponseWriter, r *http.Request, accept bool) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id < 1 {
		httpx.WriteError(w, http.StatusBadRequest, "bad_request", "claim id: want a whole number")
		return
	}
	var d Decision
	if !readBody(w, r, &d) {
		return
	}
	if d.Reviewer != nil {
		httpx.WriteError(w, http.StatusBadRequest, "bad_request", `"reviewer": a decision is recorded under the account whose token sent it; leave the field out`)
		return
	}
	by := model.Reviewer{Name: editorsToken}
	if u, ok := currentUser(r.Context()); ok {
		by = model.Reviewer{UserID: u.ID, Name: u.Email}
	}
	var c model.Claim
	if accept {
		c, err = review.Accept(r.Context(), a.Store, id, d.Show, by)
	} else {
		c, err = review.Reject(r.Context(), a.Store, id, by)
	}
	switch {
	case errors.Is(err, review.ErrDecided):
		httpx.WriteError(w, http.StatusConflict, "conflict", err.Error())
	case err != nil:
		a.fail(w, r, err)
	default:
		httpx.WriteJSON(w, http.StatusOK, claimView(c))
	}
}

// Feed is a subscription as the API shows it.
type Feed struct {
	ID         int64      `json:"id"`
	URL        string     `json:"url"`
	Title      string     `json:"title"`
	Tier       model.Tier `json:"tier"`
	Interval   string     `json:"interval"`
	Failures   int        `json:"failures"`
	LastError  string     `json:"last_error"`
	NextPollAt string     `json:"next_poll_at"`
}

func feedView(f store.Feed) Feed {
	return Feed{ID: f.ID, URL: f.URL, Title: f.Title, Tier: f.Tier, Interval: f.Interval.String(), Failures: f.Failures,
		LastError: f.LastError, NextPollAt: f.NextPollAt.Format("2006-01-02T15:04:05Z")}
}

func (a *API) listFeeds(w http.ResponseWriter, r *http.Request) {
	all, err := a.Store.Feeds(r.Context(), false)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	out := []Feed{}
	for _, f := range all {
		out = append(out, feedView(f))
	}
	httpx.WriteJSON(w, http.StatusOK, out)
}

// FeedRequest is the body of POST /api/v1/feeds.
type FeedRequest struct {
	URL  string `json:"url"`
	Tier string `json:"tier"`
}

func (a *API) addFeed(w http.ResponseWriter, r *http.Request) {
	var body FeedRequest
	if !readBody(w, r, &body) {
		return
	}
	f, err := feeds.Subscribe(r.Context(), a.Store, body.URL, body.Tier)
	switch {
	case errors.Is(err, feeds.ErrSubscribed):
		httpx.WriteError(w, http.StatusConflict, "conflict", err.Error())
		return
	case errors.Is(err, feeds.ErrBadFeed):
		httpx.WriteError(w, http.StatusBadRequest, "bad_request", err.Error())
		return
	case err != nil:
		a.fail(w, r, err)
		return
	}
	httpx.WriteJSON(w, http.StatusCreated, feedView(f))
}
