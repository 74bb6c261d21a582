package httpx

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"syscall"
	"time"
)

// ErrForbiddenAddress is returned when a URL leads to an address the
// server must not reach on a user's behalf.
var ErrForbiddenAddress = errors.New("address not allowed")

// maxRedirects bounds how many redirects a fetch follows.
const maxRedirects = 5

// SafeClient makes an HTTP client for user-supplied URLs (feeds,
// webhooks). It checks every address it connects to — after DNS, after
// each redirect — and refuses loopback, private, link-local (cloud
// metadata at 169.254.169.254), multicast and unspecified addresses
// unless allowPrivate is set; it follows at most five redirects, to http
// or https only.
func SafeClient(allowPrivate bool, timeout time.Duration) *http.Client {
	dialer := &net.Dialer{
		Timeout: 10 * time.Second,
		Control: func(network, address string, _ syscall.RawConn) error {
			host, _, err := net.SplitHostPort(address)
			if err != nil {
				return err
			}
			ip, err := netip.ParseAddr(host)
			if err != nil {
				return fmt.Errorf("%w: %s is not an IP address", ErrForbiddenAddress, host)
			}
			if !allowPrivate && !Public(ip) {
				return fmt.Errorf("%w: %s is a private, loopback or link-local address (set NEXTSEASON_ALLOW_PRIVATE_NETWORKS=1 to allow it)", ErrForbiddenAddress, ip)
			}
			return nil
		},
	}
	transport := &http.Transport{
		Proxy: nil, // a proxy would hide the address checked
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			return dialer.DialContext(ctx, network, addr)
		},
		TLSHandshakeTimeout:   10 * time.Second,
		ResponseHeaderTimeout: timeout,
		MaxIdleConns:          100,
		// Deliveries send 16 requests at once to what is often one host (a
		// user's webhooks, a relay): with Go's default of 2 idle
		// connections per host, most would be dialled anew each time.
		MaxIdleConnsPerHost: 32,
		IdleConnTimeout:     90 * time.Second,
	}
	return &http.Client{
		Transport: transport,
		Timeout:   timeout,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) >= maxRedirects {
				return fmt.Errorf("stopped after %d redirects", maxRedirects)
			}
			if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
				return fmt.Errorf("redirect to %s: only http and https are followed", req.URL.Scheme)
			}
			return nil
		},
	}
}

// Public reports whether ip is an address on the public internet.
func Public(ip netip.Addr) bool {
	ip = ip.Unmap()
	if ip.IsLoopback() || ip.IsPrivate() || ip.IsLinkLocalUnicast() || ip.IsLinkLocalMulticast() ||
		ip.IsInterfaceLocalMulticast() || ip.IsMulticast() || ip.IsUnspecified() || !ip.IsValid() {
		return false
	}
	for _, p := range nonPublic() {
		if p.Contains(ip) {
			return false
		}
	}
	return true
}

// nonPublic lists ranges Go's predicates miss: carrier-grade NAT, the
// "this network" block, benchmarking, documentation and reserved ranges.
func nonPublic() []netip.Prefix {
	return []netip.Prefix{
		netip.MustParsePrefix("0.0.0.0/8"),
		netip.MustParsePrefix("100.64.0.0/10"),
		netip.MustParsePrefix("192.0.0.0/24"),
		netip.MustParsePrefix("192.0.2.0/24"),
		netip.MustParsePrefix("198.18.0.0/15"),
		netip.MustParsePrefix("198.51.100.0/24"),
		netip.MustParsePrefix("203.0.113.0/24"),
		netip.MustParsePrefix("240.0.0.0/4"),
		netip.MustParsePrefix("64:ff9b::/96"),
		netip.MustParsePrefix("2001:db8::/32"),
	}
}
