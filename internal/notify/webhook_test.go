package notify_test

import (
	"bytes"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/nextseason/nextseason/internal/notify"
	"github.com/nextseason/nextseason/internal/notify/webhooktest"
)

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
	if err := webhooktest.Verify(secret, req.Header, body, now.Add(time.Minute)); err != nil {
		t.Errorf("a signed request does not verify: %v", err)
	}
	if req.Header.Get("webhook-id") != "evt_42" {
		t.Errorf("webhook-id %q", req.Header.Get("webhook-id"))
	}
	// Tampering with anything breaks it.
	if err := webhooktest.Verify(secret, req.Header, []byte(`{"type": "canceled", "show": "harbor-lights"}`), now); err == nil {
		t.Error("a changed body verified")
	}
	if err := webhooktest.Verify(notify.NewSecret(), req.Header, body, now); err == nil {
		t.Error("another secret verified")
	}
	if err := webhooktest.Verify(secret, req.Header, body, now.Add(10*time.Minute)); err == nil {
		t.Error("a stale delivery verified")
	}
}
