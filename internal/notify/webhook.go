// Package notify tells followers of events: signed webhooks (Standard
// Webhooks), mail and daily digests, a private Atom feed and an ICS
// calendar of premieres.
package notify

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/nextseason/nextseason/internal/httpx"
	"github.com/nextseason/nextseason/internal/store"
)

// SecretPrefix starts every webhook secret, as Standard Webhooks has it.
const SecretPrefix = "whsec_"

// NewSecret returns a new webhook signing secret: "whsec_" and 24
// random bytes in base64.
func NewSecret() string {
	b := make([]byte, 24)
	rand.Read(b)
	return SecretPrefix + base64.StdEncoding.EncodeToString(b)
}

// Sign computes the Standard Webhooks signature of a delivery:
// "v1," and the base64 HMAC-SHA256, keyed with the secret's bytes, of
// "id.timestamp.body".
func Sign(secret, id string, at time.Time, body []byte) (string, error) {
	key, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(secret, SecretPrefix))
	if err != nil || len(key) == 0 {
		return "", errors.New("webhook secret: want whsec_ and base64")
	}
	mac := hmac.New(sha256.New, key)
	mac.Write([]byte(id + "." + strconv.FormatInt(at.Unix(), 10) + "."))
	mac.Write(body)
	return "v1," + base64.StdEncoding.EncodeToString(mac.Sum(nil)), nil
}

// SignRequest sets a delivery's Standard Webhooks headers: webhook-id
// (the event's id, the same on every retry, so receivers can drop
// duplicates), webhook-timestamp and webhook-signature.
func SignRequest(req *http.Request, secret, id string, at time.Time, body []byte) error {
	sig, err := Sign(secret, id, at, body)
	if err != nil {
		return err
	}
	req.Header.Set("webhook-id", id)
	req.Header.Set("webhook-timestamp", strconv.FormatInt(at.Unix(), 10))
	req.Header.Set("webhook-signature", sig)
	req.Header.Set("Content-Type", "application/json")
	return nil
}

// ErrBadURL says a webhook's URL is not one nextseason posts to.
var ErrBadURL = errors.New("bad webhook URL")

// AddWebhook registers one of a user's endpoints with a new signing
// secret, to be shown to them once. A URL that is not absolute http(s)
// is ErrBadURL; one the user has already, store.ErrConflict.
func AddWebhook(ctx context.Context, st *store.Store, userID int64, rawURL string) (store.Webhook, error) {
	u, err := httpx.CheckURL(rawURL)
	if err != nil {
		return store.Webhook{}, fmt.Errorf("%w: %v", ErrBadURL, err)
	}
	return st.AddWebhook(ctx, userID, u, NewSecret())
}
