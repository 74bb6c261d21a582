package httpx

import (
	"fmt"
	"net/http"
	"net/url"
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
