package httpx

import (
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
)

// CheckURL validates a URL a user gives for nextseason to fetch or post
// to: absolute http or https. Where it may point is checked when it is
// dialled (SafeClient).
func CheckURL(raw string) (string, error) {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", fmt.Errorf("URL %q: want an absolute http(s) URL", raw)
	}
	return u.String(), nil
}

// BaseURL is where users reach this server: configured, or else the
// scheme and host the request came to.
func BaseURL(configured string, r *http.Request) string {
	if configured != "" {
		return configured
	}
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

// ClientAddr is the address a request came from, without its port.
func ClientAddr(r *http.Request) string {
	if host, _, err := net.SplitHostPort(r.RemoteAddr); err == nil {
		return host
	}
	return r.RemoteAddr
}

// Bearer is the token of an Authorization header's Bearer scheme, whose
// name is case-insensitive (RFC 9110 §11.1).
func Bearer(r *http.Request) (string, bool) {
	scheme, token, ok := strings.Cut(strings.TrimSpace(r.Header.Get("Authorization")), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return "", false
	}
	return strings.TrimSpace(token), true
}
