package api

import (
	"errors"
	"net/http"
	"strconv"
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
	// The last "send test": pending until the delivery job sends it.
	TestPending   bool       `json:"test_pending"`
	LastTestAt    *time.Time `json:"last_test_at"`
	LastTestError string     `json:"last_test_error,omitempty"`
}

func webhookView(h store.Webhook) WebhookView {
	v := WebhookView{ID: h.ID, URL: h.URL, CreatedAt: h.CreatedAt, TestPending: h.TestPending, LastTestError: h.LastTestError}
	if !h.LastTestAt.IsZero() {
		v.LastTestAt = &h.LastTestAt
	}
	return v
}

// addWebhook registers an endpoint, {"url"}, and answers with its signing
// secret, shown this once.
// WebhookRequest is the body of POST /api/v1/me/webhooks.
type WebhookRequest struct {
	URL string `json:"url"`
}

// Queued answers a request whose work is done by a background job.
type Queued struct {
	Queued bool `json:"Queued"`
}

func (a *API) addWebhook(w http.ResponseWriter, r *http.Request) {
	u, _ := currentUser(r.Context())
	var body WebhookRequest
	if !readBody(w, r, &body) {
		return
	}
	h, err := notify.AddWebhook(r.Context(), a.Store, u.ID, body.URL)
	switch {
	case errors.Is(err, notify.ErrBadURL):
		httpx.WriteError(w, http.StatusBadRequest, "bad_request", err.Error())
	case errors.Is(err, store.ErrConflict):
		httpx.WriteError(w, http.StatusConflict, "conflict", err.Error())
	case err != nil:
		a.fail(w, r, err)
	default:
		v := webhookView(h)
		v.Secret = h.Secret
		httpx.WriteJSON(w, http.StatusCreated, v)
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
		out = append(out, webhookView(h))
	}
	httpx.WriteJSON(w, http.StatusOK, out)
}

// webhookID reads the {id} of a webhook path.
func webhookID(w http.ResponseWriter, r *http.Request) (int64, bool) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id < 1 {
		httpx.WriteError(w, http.StatusBadRequest, "bad_request", "webhook id "+strconv.Quote(r.PathValue("id"))+": want a whole number")
		return 0, false
	}
	return id, true
}

// deleteWebhook removes one of the user's endpoints.
func (a *API) deleteWebhook(w http.ResponseWriter, r *http.Request) {
	u, _ := currentUser(r.Context())
	id, ok := webhookID(w, r)
	if !ok {
		return
	}
	if err := a.Store.DeleteWebhook(r.Context(), u.ID, id); err != nil {
		a.fail(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// testWebhook asks for a signed test delivery to one of the user's
// endpoints; the delivery job sends it, and GET /api/v1/me/webhooks
// shows how it went.
func (a *API) testWebhook(w http.ResponseWriter, r *http.Request) {
	u, _ := currentUser(r.Context())
	id, ok := webhookID(w, r)
	if !ok {
		return
	}
	if err := a.Store.RequestWebhookTest(r.Context(), u.ID, id); err != nil {
		a.fail(w, r, err)
		return
	}
	httpx.WriteJSON(w, http.StatusAccepted, Queued{Queued: true})
}
