package api

import (
	"errors"
	"net/http"
	"time"

	"github.com/nextseason/nextseason/internal/httpx"
	"github.com/nextseason/nextseason/internal/notify"
	"github.com/nextseason/nextseason/internal/store"
)

// WebhookView is a webhook endpoint as the API shows it; the secret only
// in the answer to its creation.
type WebhookView struct {
	ID        int64     `json:"id"`
	URL       string    `json:"url"`
	Secret    string    `json:"secret,omitempty"`
	CreatedAt time.Time `json:"created_at"`
}

// addWebhook registers an endpoint, {"url"}, and answers with its signing
// secret, shown this once.
func (a *API) addWebhook(w http.ResponseWriter, r *http.Request) {
	u, _ := currentUser(r.Context())
	var body struct {
		URL string `json:"url"`
	}
	if err := decodeOptional(r, &body); err != nil {
		httpx.WriteError(w, http.StatusBadRequest, "bad_request", err.Error())
		return
	}
	url, err := httpx.CheckURL(body.URL)
	if err != nil {
		httpx.WriteError(w, http.StatusBadRequest, "bad_request", err.Error())
		return
	}
	h, err := a.Store.AddWebhook(r.Context(), u.ID, url, notify.NewSecret())
	switch {
	case errors.Is(err, store.ErrConflict):
		httpx.WriteError(w, http.StatusConflict, "conflict", err.Error())
	case err != nil:
		a.fail(w, r, err)
	default:
		httpx.WriteJSON(w, http.StatusCreated, WebhookView{ID: h.ID, URL: h.URL, Secret: h.Secret, CreatedAt: h.CreatedAt})
	}
}

// listWebhooks lists the signed-in user's endpoints, without secrets.
func (a *API) listWebhooks(w http.ResponseWriter, r *http.Request) {
	u, _ := currentUser(r.Context())
	all, err := a.Store.UserWebhooks(r.Context(), u.ID)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	out := make([]WebhookView, 0, len(all))
	for _, h := range all {
		out = append(out, WebhookView{ID: h.ID, URL: h.URL, CreatedAt: h.CreatedAt})
	}
	httpx.WriteJSON(w, http.StatusOK, out)
}
