package httpx

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"testing"
	"time"
)

func TestPublic(t *testing.T) {
	for addr, want := range map[string]bool{
		"8.8.8.8": true, "2606:4700::1111": true,
		"127.0.0.1": false, "10.1.2.3": false, "172.16.0.1": false, "192.168.1.1": false, "169.254.169.254": false,
		"100.64.0.1": false, "0.0.0.0": false, "::1": false, "fe80::1": false, "fc00::1": false, "::ffff:127.0.0.1": false,
		"224.0.0.1": false,
	} {
		if got := Public(netip.MustParseAddr(addr)); got != want {
			t.Errorf("Public(%s) = %v, want %v", addr, got, want)
		}
	}
}

func TestSafeClientRefusesLoopbackAndRedirectLoops(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, r.URL.Path, http.StatusFound) // forever
	}))
	defer srv.Close()
	if _, err := SafeClient(false, 5*time.Second).Get(srv.URL); !errors.Is(err, ErrForbiddenAddress) {
		t.Errorf("loopback: %v, want ErrForbiddenAddress", err)
	}
	if _, err := SafeClient(false, 5*time.Second).Get("http://169.254.169.254/latest/meta-data/"); !errors.Is(err, ErrForbiddenAddress) {
		t.Errorf("cloud metadata: %v, want ErrForbiddenAddress", err)
	}
	_, err := SafeClient(true, 5*time.Second).Get(srv.URL)
	if err == nil || errors.Is(err, ErrForbiddenAddress) {
		t.Errorf("a redirect loop with private networks allowed: %v, want a redirect error", err)
	}
}
