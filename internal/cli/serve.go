package cli

import (
	"context"
	"errors"
	"fmt"
	"net"
	"time"

	"github.com/nextseason/nextseason/internal/demo"
	"github.com/nextseason/nextseason/internal/httpx"
	"github.com/nextseason/nextseason/internal/jobs"
	"github.com/nextseason/nextseason/internal/metrics"
	"github.com/nextseason/nextseason/internal/notify"
	"github.com/nextseason/nextseason/internal/odds"
	"github.com/nextseason/nextseason/internal/recommend"
	"github.com/nextseason/nextseason/internal/server"
	"github.com/nextseason/nextseason/internal/store"
	"github.com/nextseason/nextseason/internal/tvmaze"
)

func runServe(ctx context.Context, a *app, args []string) error {
	fs := a.flags("serve", "[--addr HOST:PORT] [--migrate] [--no-workers]")
	a.cfg.AddrFlag(fs)
	a.cfg.TVmazeFlags(fs)
	noWorkers := fs.Bool("no-workers", false, "serve pages and the API only; leave background jobs (TVmaze sync) to other instances")
	if err := a.parse(fs, args); err != nil {
		return err
	}
	st, err := a.store(ctx, readSchema)
	if err != nil {
		return err
	}
	sy, err := a.syncer(st)
	if err != nil {
		return err
	}
	mailer, err := a.mailer(st)
	if err != nil {
		return err
	}
	if *noWorkers {
		a.log.Info("background jobs are off on this instance (--no-workers)")
	}
	return a.serveWithJobs(ctx, st, "", sy, mailer, !*noWorkers)
}

// serveWithJobs starts the background jobs (their workers when work is
// set; else they are only inserted), serves until ctx is done, then
// stops the jobs.
func (a *app) serveWithJobs(ctx context.Context, st *store.Store, path string, sy *tvmaze.Syncer, mailer *notify.Mailer, work bool) error {
	// The jobs and the pages share the models and what the odds loaded.
	// So do the metrics: /metrics counts this instance's jobs too.
	recs, renewalOdds, m := &recommend.Service{Store: st, Now: a.env.Now}, &odds.Service{Store: st}, metrics.New(st)
	j, err := jobs.New(ctx, jobs.Config{DBURL: a.cfg.DB, Syncer: sy, Poller: a.poller(st), Deliverer: a.deliverer(st), Mailer: mailer, Recommender: recs,
		Odds: renewalOdds, Store: st, AtRiskDays: a.cfg.AtRiskDays, Log: a.log, Work: work, Metrics: m})
	if err != nil {
		return err
	}
	if err := j.Start(ctx); err != nil {
		j.Stop(context.WithoutCancel(ctx))
		return fmt.Errorf("start background jobs: %w", err)
	}
	serveErr := a.serve(ctx, st, path, recs, renewalOdds, m)
	stopCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
	defer cancel()
	return errors.Join(serveErr, j.Stop(stopCtx))
}

// serve listens on the configured address and serves until ctx is done.
// It prints the URL of path as the place to start.
func (a *app) serve(ctx context.Context, st *store.Store, path string, recs *recommend.Service, renewalOdds *odds.Service, m *metrics.Metrics) error {
	h, err := server.Handler(server.Config{Store: st, Log: a.log, Now: a.env.Now, Archive: demo.Archive(), EditorToken: a.cfg.EditorToken, BaseURL: a.cfg.BaseURL,
		Mail: a.cfg.SMTPURL != "", Recommender: recs, Odds: renewalOdds, Metrics: m, MetricsToken: a.cfg.MetricsToken})
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

// deliverer makes the webhook sender from the settings.
func (a *app) deliverer(st *store.Store) *notify.Deliverer {
	return &notify.Deliverer{Store: st, Client: httpx.SafeClient(a.cfg.AllowPrivateNetworks, feedTimeout), Log: a.log, BaseURL: a.cfg.BaseURL,
		Lease: a.cfg.DeliveryLease}
}

// mailer makes the mail sender from the settings; nil when no SMTP server
// is set.
func (a *app) mailer(st *store.Store) (*notify.Mailer, error) {
	if a.cfg.SMTPURL == "" {
		return nil, nil
	}
	client, err := notify.NewMailClient(a.cfg.SMTPURL)
	if err != nil {
		return nil, fmt.Errorf("NEXTSEASON_SMTP_URL: %w", err)
	}
	return notify.NewMailer(notify.Mailer{Store: st, Client: client, Log: a.log, From: a.cfg.MailFrom, BaseURL: a.cfg.BaseURL,
		Lease: a.cfg.DeliveryLease})
}
