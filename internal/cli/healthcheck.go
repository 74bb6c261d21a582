package cli

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"time"
)

// runHealthcheck asks the nextseason listening on the configured address
// for /healthz, as a container's health check does: an image without a
// shell or curl has only this binary.
func runHealthcheck(ctx context.Context, a *app, args []string) error {
	fs := a.flags("healthcheck", "[--addr HOST:PORT]")
	a.cfg.AddrFlag(fs)
	if err := a.noWords(fs, args); err != nil {
		return err
	}
	host, port, err := net.SplitHostPort(a.cfg.Addr)
	if err != nil {
		return fmt.Errorf("healthcheck: address %q: %w", a.cfg.Addr, err)
	}
	if host == "" || host == "0.0.0.0" || host == "::" {
		host = "127.0.0.1" // listening on every interface: ask on loopback
	}
	ctx, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://"+net.JoinHostPort(host, port)+"/healthz", nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("healthcheck: %w", err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<10))
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("healthcheck: /healthz answered %s: %s", resp.Status, body)
	}
	fmt.Fprintf(a.env.Stdout, "healthy: %s", body)
	return nil
}
