package web

import (
	"errors"
	"net/http"
	"net/url"

	"github.com/nextseason/nextseason/internal/feeds"
	"github.com/nextseason/nextseason/internal/model"
	"github.com/nextseason/nextseason/internal/store"
)

type feedsView struct {
	Feeds []store.Feed
	Tiers []model.Tier
	// Added is the URL just subscribed to; Problem what was wrong with
	// the form, kept with what the editor typed.
	Added, Problem, URL, Tier string
}

// feedTiers are the tiers an editor may give a feed: "provider" is the
// catalog's own.
var feedTiers = []model.Tier{model.TierOfficial, model.TierTrade, model.TierInterview, model.TierReport, model.TierRumor}

func (w *Web) feedsPage(rw http.ResponseWriter, r *http.Request) {
	w.renderFeeds(rw, r, http.StatusOK, feedsView{Added: r.URL.Query().Get("added"), Tier: string(model.TierReport)})
}

func (w *Web) renderFeeds(rw http.ResponseWriter, r *http.Request, status int, v feedsView) {
	all, err := w.store.Feeds(r.Context(), false)
	if err != nil {
		w.fail(rw, r, err)
		return
	}
	v.Feeds, v.Tiers = all, feedTiers
	w.render(rw, r, status, "feeds", v)
}

// subscribe adds a feed from the feeds page's form.
func (w *Web) subscribe(rw http.ResponseWriter, r *http.Request) {
	rawURL, tier := r.FormValue("url"), r.FormValue("tier")
	f, err := feeds.Subscribe(r.Context(), w.store, rawURL, tier)
	switch {
	case errors.Is(err, feeds.ErrBadFeed):
		w.renderFeeds(rw, r, http.StatusBadRequest, feedsView{Problem: err.Error(), URL: rawURL, Tier: tier})
	case errors.Is(err, feeds.ErrSubscribed):
		w.renderFeeds(rw, r, http.StatusConflict, feedsView{Problem: err.Error() + ".", URL: rawURL, Tier: tier})
	case err != nil:
		w.fail(rw, r, err)
	default:
		http.Redirect(rw, r, "/feeds?added="+url.QueryEscape(f.URL), http.StatusSeeOther)
	}
}
