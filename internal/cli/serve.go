package cli

import (
	"context"
	"fmt"
	"net"

	"github.com/nextseason/nextseason/internal/demo"
	"github.com/nextseason/nextseason/internal/server"
	"github.com/nextseason/nextseason/internal/store"
)

func runServe(ctx context.Context, a *app, args []string) error {
	fs := a.flags("serve", "[--addr HOST:PORT] [--migrate]")
	a.cfg.AddrFlag(fs)
	fs.BoolVar(&a.cfg.Migrate, "migrate", a.cfg.Migrate, "apply pending migrations before serving (env NEXTSEASON_MIGRATE)")
	if err := a.parse(fs, args); err != nil {
		return err
	}
	st, closeDB, err := a.openStore(ctx, a.cfg.Migrate)
	if err != nil {
		return err
	}
	defer closeDB()
	return a.serve(ctx, st, "")
}

// serve listens on the configured address and serves until ctx is done.
// It prints the URL of path as the place to start.
func (a *app) serve(ctx context.Context, st *store.Store, path string) error {
	h, err := server.Handler(st, a.log, a.env.Now, demo.Archive())
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", a.cfg.Addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w (choose another with --addr)", a.cfg.Addr, err)
	}
	addr := ln.Addr().String()
	fmt.Fprintf(a.env.Stdout, "nextseason is serving %s on http://%s%s\nPress Ctrl-C to stop.\n", st.Dialect(), addr, path)
	if a.env.Ready != nil {
		a.env.Ready(addr)
	}
	return server.Serve(ctx, ln, h, a.log)
}
