package web

import (
	"errors"
	"net/http"

	"github.com/nextseason/nextseason/internal/store"
)

type unsubscribeView struct {
	Email, Token string
	Done         bool
}

// unsubscribe asks, from a mail's link, whether to stop all mails.
func (w *Web) unsubscribe(rw http.ResponseWriter, r *http.Request) {
	token := r.URL.Query().Get("token")
	u, err := w.store.UserByUnsubscribeToken(r.Context(), token)
	if errors.Is(err, store.ErrNotFound) {
		w.renderError(rw, r, http.StatusNotFound, "Link not valid", "This unsubscribe link is not (or no longer) valid.", nil)
		return
	}
	if err != nil {
		w.fail(rw, r, err)
		return
	}
	w.render(rw, r, http.StatusOK, "unsubscribe", unsubscribeView{Email: u.Email, Token: token, Done: !u.EmailAlerts})
}

// stopMails turns a user's mail off: the page's button, or a mail
// client's one-click POST (RFC 8058), with the token in the URL or form.
func (w *Web) stopMails(rw http.ResponseWriter, r *http.Request) {
	token := r.URL.Query().Get("token")
	if token == "" {
		token = r.PostFormValue("token")
	}
	u, err := w.store.UserByUnsubscribeToken(r.Context(), token)
	if errors.Is(err, store.ErrNotFound) {
		w.renderError(rw, r, http.StatusNotFound, "Link not valid", "This unsubscribe link is not (or no longer) valid.", nil)
		return
	}
	if err == nil {
		err = w.store.SetEmailAlerts(r.Context(), u.ID, false)
	}
	if err != nil {
		w.fail(rw, r, err)
		return
	}
	w.render(rw, r, http.StatusOK, "unsubscribe", unsubscribeView{Email: u.Email, Done: true})
}
