package notify_test

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/nextseason/nextseason/internal/notify"
)

// verify checks a delivery as a receiver would, written from the Standard
// Webhooks specification and not from the signer: the timestamp within
// five minutes of now, and one of the space-separated "v1,<base64>"
// signatures equal to HMAC-SHA256(base64-decoded secret without "whsec_",
// "id.timestamp.body").
func verify(secret string, h http.Header, body []byte, now time.Time) error {
	id, ts, sigs := h.Get("webhook-id"), h.Get("webhook-timestamp"), h.Get("webhook-signature")
	if id == "" || ts == "" || sigs == "" {
		return errors.New("missing headers")
	}
	sec, err := strconv.ParseInt(ts, 10, 64)
	if err != nil {
		return errors.New("bad timestamp")
	}
	if d := now.Sub(time.Unix(sec, 0)); d > 5*time.Minute || d < -5*time.Minute {
		return errors.New("timestamp too far from now")
	}
	key, err := base64.StdEncoding.DecodeString(secret[len("whsec_"):])
	if err != nil {
		return err
	}
	mac := hmac.New(sha256.New, key)
	mac.Write([]byte(id + "." + ts + "." + string(body)))
	want := mac.Sum(nil)
	for _, s := range strings.Fields(sigs) {
		version, b64, ok := strings.Cut(s, ",")
		got, err := base64.StdEncoding.DecodeString(b64)
		if ok && version == "v1" && err == nil && hmac.Equal(got, want) {
			return nil
		}
	}
	return errors.New("no signature matches")
}

func TestSignMatchesTheSpecificationsExample(t *testing.T) {
	// The example of the Standard Webhooks specification and its
	// reference libraries.
	got, err := notify.Sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", time.Unix(1614265330, 0), []byte(`{"test": 2432232314}`))
	if err != nil || got != "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=" {
		t.Errorf("signature %q, %v", got, err)
	}
	if _, err := notify.Sign("whsec_!!!", "id", time.Unix(0, 0), nil); err == nil {
		t.Error("a secret that is not base64 was accepted")
	}
}

func TestSignedRequestsVerify(t *testing.T) {
	secret := notify.NewSecret()
	if !strings.HasPrefix(secret, "whsec_") || secret == notify.NewSecret() {
		t.Fatalf("secret %q", secret)
	}
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	body := []byte(`{"type": "renewed", "show": "harbor-lights"}`)
	req, _ := http.NewRequest("POST", "http://127.0.0.1/hook", bytes.NewReader(body))
	if err := notify.SignRequest(req, secret, "evt_42", now, body); err != nil {
		t.Fatal(err)
	}
	if err := verify(secret, req.Header, body, now.Add(time.Minute)); err != nil {
		t.Errorf("a signed request does not verify: %v", err)
	}
	if req.Header.Get("webhook-id") != "evt_42" {
		t.Errorf("webhook-id %q", req.Header.Get("webhook-id"))
	}
	// Tampering with anything breaks it.
	if err := verify(secret, req.Header, []byte(`{"type": "canceled", "show": "harbor-lights"}`), now); err == nil {
		t.Error("a changed body verified")
	}
	if err := verify(notify.NewSecret(), req.Header, body, now); err == nil {
		t.Error("another secret verified")
	}
	if err := verify(secret, req.Header, body, now.Add(10*time.Minute)); err == nil {
		t.Error("a stale delivery verified")
	}
}
