// Package jobs runs nextseason's background work on River, with one code
// path for both databases: riversqlite on SQLite, riverdatabasesql on
// PostgreSQL, both over database/sql.
package jobs

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver"
	"github.com/riverqueue/river/riverdriver/riverdatabasesql"
	"github.com/riverqueue/river/riverdriver/riversqlite"
	"github.com/riverqueue/river/rivermigrate"
	"github.com/riverqueue/river/rivertype"

	"github.com/nextseason/nextseason/internal/db"
	"github.com/nextseason/nextseason/internal/feeds"
	"github.com/nextseason/nextseason/internal/metrics"
	"github.com/nextseason/nextseason/internal/notify"
	"github.com/nextseason/nextseason/internal/odds"
	"github.com/nextseason/nextseason/internal/recommend"
	"github.com/nextseason/nextseason/internal/store"
	"github.com/nextseason/nextseason/internal/tvmaze"
)

// driver picks River's driver for the database's dialect.
func driver(d *db.DB) riverdriver.Driver[*sql.Tx] {
	if d.Dialect == db.Postgres {
		return riverdatabasesql.New(d.DB)
	}
	return riversqlite.New(d.DB)
}

// Migrate brings River's own tables up to date.
func Migrate(ctx context.Context, d *db.DB) error {
	m, err := rivermigrate.New(driver(d), nil)
	if err != nil {
		return fmt.Errorf("river migrations: %w", err)
	}
	if _, err := m.Migrate(ctx, rivermigrate.DirectionUp, nil); err != nil {
		return fmt.Errorf("river migrations: %w", err)
	}
	return nil
}

// Pending reports whether River's tables lack migrations.
func Pending(ctx context.Context, d *db.DB) (bool, error) {
	m, err := rivermigrate.New(driver(d), nil)
	if err != nil {
		return false, fmt.Errorf("river migrations: %w", err)
	}
	res, err := m.Validate(ctx, nil)
	if err != nil {
		return false, fmt.Errorf("river migrations: %w", err)
	}
	return !res.OK, nil
}

// Config is what the jobs need.
type Config struct {
	// DBURL is the database; on SQLite, River gets a handle of its own
	// with one connection, as riversqlite advises.
	DBURL string
	// Syncer keeps the catalog in step with TVmaze; nil runs no sync
	// (the demo's catalog is a snapshot).
	Syncer *tvmaze.Syncer
	Poller *feeds.Poller
	// Deliverer sends webhook deliveries; nil sends none.
	Deliverer *notify.Deliverer
	// Store, when set, runs the hourly job that stores time-driven
	// events (season released, at risk) for followed shows.
	Store *store.Store
	// AtRiskDays is how long after a finale with no renewal decision a
	// season is at risk; default 60.
	AtRiskDays int
	// Recommender, when set, has its models refitted every hour.
	Recommender *recommend.Service
	// Odds give at-risk events their renewal odds (with Store); default
	// a service of their own.
	Odds *odds.Service
	// Mailer sends mails and daily digests; nil sends none.
	Mailer *notify.Mailer
	// DeliverEvery is how often due deliveries and mails are looked for;
	// default five seconds.
	DeliverEvery time.Duration
	Log          *slog.Logger
	// Metrics counts the jobs worked, by kind and outcome, and feed
	// polls; nil counts nothing.
	Metrics *metrics.Metrics
	// Work runs workers and periodic jobs; without it the client only
	// inserts jobs (a web-only instance).
	Work bool
	// UpdatesEvery is how often the incremental TVmaze sync runs;
	// default one hour.
	UpdatesEvery time.Duration
}

// Jobs is the River client and the database handle it runs on.
type Jobs struct {
	client *river.Client[*sql.Tx]
	db     *db.DB
	work   bool
}

// New prepares the jobs; Start runs them.
func New(ctx context.Context, cfg Config) (*Jobs, error) {
	d, err := db.Open(ctx, cfg.DBURL)
	if err != nil {
		return nil, err
	}
	if d.Dialect == db.SQLite {
		d.SetMaxOpenConns(1)
	}
	if cfg.UpdatesEvery == 0 {
		cfg.UpdatesEvery = time.Hour
	}
	// River reports its producers' counts at Info every few seconds;
	// only its warnings and errors belong in an operator's log.
	rc := &river.Config{Logger: slog.New(minLevel{Handler: cfg.Log.Handler(), min: slog.LevelWarn}), Workers: river.NewWorkers(),
		Middleware: []rivertype.Middleware{river.WorkerMiddlewareFunc(func(ctx context.Context, job *rivertype.JobRow, work func(context.Context) error) error {
			start := time.Now()
			err := work(ctx)
			cfg.Metrics.JobWorked(job.Kind, time.Since(start), err)
			return err
		})}}
	if cfg.Syncer != nil {
		river.AddWorker(rc.Workers, &refreshShowWorker{syncer: cfg.Syncer})
		river.AddWorker(rc.Workers, &updatesWorker{syncer: cfg.Syncer})
	}
	river.AddWorker(rc.Workers, &pollFeedWorker{poller: cfg.Poller, metrics: cfg.Metrics})
	river.AddWorker(rc.Workers, &dueFeedsWorker{poller: cfg.Poller})
	if cfg.DeliverEvery == 0 {
		cfg.DeliverEvery = 5 * time.Second
	}
	if cfg.Deliverer != nil {
		river.AddWorker(rc.Workers, &dueWebhooksWorker{deliverer: cfg.Deliverer})
		river.AddWorker(rc.Workers, &webhooksHelpWorker{deliverer: cfg.Deliverer})
	}
	if cfg.AtRiskDays == 0 {
		cfg.AtRiskDays = 60
	}
	if cfg.Store != nil {
		if cfg.Odds == nil {
			cfg.Odds = &odds.Service{Store: cfg.Store}
		}
		river.AddWorker(rc.Workers, &dueEventsWorker{store: cfg.Store, atRiskDays: cfg.AtRiskDays, odds: cfg.Odds.RenewalOdds, log: cfg.Log})
		river.AddWorker(rc.Workers, &oddsFitWorker{store: cfg.Store})
	}
	if cfg.Recommender != nil {
		river.AddWorker(rc.Workers, &recommendFitWorker{service: cfg.Recommender})
	}
	if cfg.Mailer != nil {
		river.AddWorker(rc.Workers, &dueMailsWorker{mailer: cfg.Mailer})
		river.AddWorker(rc.Workers, &digestsWorker{mailer: cfg.Mailer})
	}
	if cfg.Work {
		rc.Queues = map[string]river.QueueConfig{river.QueueDefault: {MaxWorkers: 2}, sendingQueue: {MaxWorkers: 2}}
		rc.PeriodicJobs = []*river.PeriodicJob{
			river.NewPeriodicJob(river.PeriodicInterval(time.Minute),
				func() (river.JobArgs, *river.InsertOpts) { return DueFeedsArgs{}, oncePer(time.Minute) },
				&river.PeriodicJobOpts{RunOnStart: true, ID: "feeds_due"}),
		}
		if cfg.Syncer != nil {
			rc.PeriodicJobs = append(rc.PeriodicJobs, river.NewPeriodicJob(river.PeriodicInterval(cfg.UpdatesEvery),
				func() (river.JobArgs, *river.InsertOpts) { return UpdatesArgs{Since: "day"}, oncePer(cfg.UpdatesEvery) },
				&river.PeriodicJobOpts{RunOnStart: true, ID: "tvmaze_updates"}))
		}
		if cfg.Deliverer != nil {
			rc.PeriodicJobs = append(rc.PeriodicJobs, river.NewPeriodicJob(river.PeriodicInterval(cfg.DeliverEvery),
				func() (river.JobArgs, *river.InsertOpts) { return DueWebhooksArgs{}, oncePer(cfg.DeliverEvery) },
				&river.PeriodicJobOpts{RunOnStart: true, ID: "webhooks_due"}))
		}
		if cfg.Store != nil {
			rc.PeriodicJobs = append(rc.PeriodicJobs, river.NewPeriodicJob(river.PeriodicInterval(time.Hour),
				func() (river.JobArgs, *river.InsertOpts) { return DueEventsArgs{}, oncePer(time.Hour) },
				&river.PeriodicJobOpts{RunOnStart: true, ID: "due_events"}),
				river.NewPeriodicJob(river.PeriodicInterval(time.Hour),
					func() (river.JobArgs, *river.InsertOpts) { return OddsFitArgs{}, oncePer(time.Hour) },
					&river.PeriodicJobOpts{RunOnStart: true, ID: "odds_fit"}))
		}
		if cfg.Recommender != nil {
			rc.PeriodicJobs = append(rc.PeriodicJobs, river.NewPeriodicJob(river.PeriodicInterval(time.Hour),
				func() (river.JobArgs, *river.InsertOpts) { return RecommendFitArgs{}, oncePer(time.Hour) },
				&river.PeriodicJobOpts{RunOnStart: true, ID: "recommend_fit"}))
		}
		if cfg.Mailer != nil {
			rc.PeriodicJobs = append(rc.PeriodicJobs,
				river.NewPeriodicJob(river.PeriodicInterval(cfg.DeliverEvery),
					func() (river.JobArgs, *river.InsertOpts) { return DueMailsArgs{}, oncePer(cfg.DeliverEvery) },
					&river.PeriodicJobOpts{RunOnStart: true, ID: "mails_due"}),
				river.NewPeriodicJob(river.PeriodicInterval(time.Hour),
					func() (river.JobArgs, *river.InsertOpts) { return DigestsArgs{}, oncePer(time.Hour) },
					&river.PeriodicJobOpts{RunOnStart: true, ID: "digests"}))
		}
	}
	client, err := river.NewClient(driver(d), rc)
	if err != nil {
		d.Close()
		return nil, fmt.Errorf("river client: %w", err)
	}
	return &Jobs{client: client, db: d, work: cfg.Work}, nil
}

// Start runs the workers and periodic jobs, if this instance works jobs.
func (j *Jobs) Start(ctx context.Context) error {
	if !j.work {
		return nil
	}
	return j.client.Start(ctx)
}

// Stop lets running jobs finish (for up to the context's deadline) and
// closes River's database handle.
func (j *Jobs) Stop(ctx context.Context) error {
	var err error
	if j.work {
		err = j.client.Stop(ctx)
	}
	return errors.Join(err, j.db.Close())
}

// Subscribe reports finished jobs, for tests and progress.
func (j *Jobs) Subscribe() (<-chan *river.Event, func()) {
	return j.client.Subscribe(river.EventKindJobCompleted, river.EventKindJobFailed)
}

// minLevel passes on only records at or above min.
type minLevel struct {
	slog.Handler
	min slog.Level
}

func (h minLevel) Enabled(ctx context.Context, l slog.Level) bool {
	return l >= h.min && h.Handler.Enabled(ctx, l)
}

func (h minLevel) WithAttrs(attrs []slog.Attr) slog.Handler {
	return minLevel{Handler: h.Handler.WithAttrs(attrs), min: h.min}
}

func (h minLevel) WithGroup(name string) slog.Handler {
	return minLevel{Handler: h.Handler.WithGroup(name), min: h.min}
}
