// Package server assembles nextseason's HTTP handler (pages, API, probes)
// and runs it with a graceful shutdown.
package server

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/nextseason/nextseason/internal/answer"
	"github.com/nextseason/nextseason/internal/api"
	"github.com/nextseason/nextseason/internal/auth"
	"github.com/nextseason/nextseason/internal/httpx"
	"github.com/nextseason/nextseason/internal/metrics"
	"github.com/nextseason/nextseason/internal/odds"
	"github.com/nextseason/nextseason/internal/recommend"
	"github.com/nextseason/nextseason/internal/web"
)

// Config is what the HTTP surface needs: the pages and the API need the
// same.
type Config = web.Config

// Handler is nextseason's whole HTTP surface.
func Handler(cfg Config) (http.Handler, error) {
	st, log, now := cfg.Store, cfg.Log, cfg.Now
	if cfg.Recommender == nil {
		cfg.Recommender = &recommend.Service{Store: st, Now: now}
	}
	if cfg.Odds == nil {
		cfg.Odds = &odds.Service{Store: st}
	}
	if cfg.Outlooks == nil {
		cfg.Outlooks = &answer.Outlooks{Store: st}
	}
	if cfg.Logins == nil {
		// One limiter for the pages and the API: an address's guesses
		// of the editors' token count once whichever it tries.
		cfg.Logins = auth.NewLoginLimiter(st, 4)
	}
	if cfg.Metrics == nil {
		cfg.Metrics = metrics.New(st)
	}
	pages, err := web.New(cfg)
	if err != nil {
		return nil, err
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("ok\n"))
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
		defer cancel()
		if err := st.CheckWrite(ctx); err != nil {
			// A database that answers reads but cannot commit a write
			// (a full disk) is not ready either.
			log.Warn("not ready", "err", err)
			http.Error(w, "database unavailable: a write cannot commit", http.StatusServiceUnavailable)
			return
		}
		w.Write([]byte("ready\n"))
	})
	mux.Handle("GET /metrics", cfg.Metrics.Handler(cfg.MetricsToken))
	(&api.API{Store: st, Log: log, Now: now, EditorToken: cfg.EditorToken, BaseURL: cfg.BaseURL, Mail: cfg.Mail, Recommender: cfg.Recommender, Odds: cfg.Odds,
		Outlooks: cfg.Outlooks, Logins: cfg.Logins}).Register(mux)
	pages.Register(mux)
	return httpx.Middleware(log, cfg.Metrics.ObserveRequest, http.NewCrossOriginProtection().Handler(mux)), nil
}

// Serve answers on ln until ctx is done, then lets requests in flight
// finish for up to ten seconds.
func Serve(ctx context.Context, ln net.Listener, h http.Handler, log *slog.Logger) error {
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("shut down: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
