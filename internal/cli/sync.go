package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"golang.org/x/term"

	"github.com/nextseason/nextseason/internal/store"
	"github.com/nextseason/nextseason/internal/tvmaze"
)

// userAgent names nextseason to TVmaze, as its API terms ask.
const userAgent = "nextseason/" + Version + " (+https://github.com/nextseason/nextseason)"

func runSync(ctx context.Context, a *app, args []string) error {
	if len(args) == 0 || args[0] != "tvmaze" {
		fmt.Fprintln(a.env.Stderr, "Usage: nextseason sync tvmaze [--full | --updates [--since day|week|month] | --show ID]")
		return errUsage
	}
	fs := a.flags("sync tvmaze", "[--full | --updates [--since day|week|month] | --show ID]")
	a.cfg.TVmazeFlags(fs)
	full := fs.Bool("full", false, "walk TVmaze's whole show index, resuming where the last full sync stopped")
	updates := fs.Bool("updates", false, "refresh the shows TVmaze changed lately (see --since)")
	since := fs.String("since", "day", "with --updates: the shows changed within the last day, week or month")
	show := fs.Int64("show", 0, "refresh one show, by TVmaze id, with its cast, crew, seasons, episodes and akas")
	if err := a.parse(fs, args[1:]); err != nil {
		return err
	}
	modes := 0
	for _, on := range []bool{*full, *updates, *show != 0} {
		if on {
			modes++
		}
	}
	if modes != 1 || fs.NArg() > 0 {
		fs.Usage()
		return errUsage
	}
	st, err := a.store(ctx, writeSchema)
	if err != nil {
		return err
	}
	sy, err := a.syncer(st)
	if err != nil {
		return err
	}
	var rep tvmaze.SyncReport
	switch {
	case *full:
		rep, err = sy.Full(ctx, a.progress("full sync"))
	case *updates:
		rep, err = sy.Updates(ctx, *since, a.progress("updates"))
	default:
		rep, err = sy.Show(ctx, *show)
	}
	a.endProgress()
	if errors.Is(err, context.Canceled) {
		fmt.Fprintf(a.env.Stdout, "Stopped: %s.\n%s\n", rep, resumeHint(ctx, st, *full))
		return nil
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(a.env.Stdout, "Done: %s.\n", rep)
	return nil
}

// syncer makes a TVmaze syncer from the settings.
func (a *app) syncer(st *store.Store) (*tvmaze.Syncer, error) {
	// The call budget is kept in the database: instances sharing it
	// call TVmaze no faster together than one would.
	client, err := tvmaze.NewClient(tvmaze.Options{BaseURL: a.cfg.TVmazeURL, PerSecond: a.cfg.TVmazeRate, UserAgent: userAgent, Logger: a.log, Budget: st})
	if err != nil {
		return nil, err
	}
	return &tvmaze.Syncer{Client: client, Store: st, Log: a.log, Details: a.cfg.TVmazeDetails == "all"}, nil
}

func resumeHint(ctx context.Context, st *store.Store, full bool) string {
	if !full {
		return "Run it again to go on."
	}
	next, _ := st.SyncState(context.WithoutCancel(ctx), "tvmaze.full.next_page")
	return fmt.Sprintf("The next full sync resumes at index page %s.", next)
}

// progress reports a sync: a bar redrawn in place on a terminal, a log
// line per step otherwise.
func (a *app) progress(what string) func(tvmaze.Progress) {
	if isTerminal(a.env.Stdout) {
		return func(p tvmaze.Progress) {
			a.env.Stdout.Write([]byte("\r" + progressBar(what, p, time.Now()) + "\x1b[K"))
		}
	}
	return func(p tvmaze.Progress) {
		a.log.Info(what, "page", p.Page, "done", p.Done, "total", p.Total, "failed", p.Failed,
			"new", p.Report.ShowsCreated, "updated", p.Report.ShowsUpdated, "claims", p.Report.Claims)
	}
}

func (a *app) endProgress() {
	if isTerminal(a.env.Stdout) {
		fmt.Fprintln(a.env.Stdout)
	}
}

// progressBar draws one line: a bar, the count, the rate and an ETA.
func progressBar(what string, p tvmaze.Progress, now time.Time) string {
	done, total, unit := p.Done, p.Total, "shows"
	if p.LastPage > 0 {
		done, total, unit = p.Page+1, p.LastPage+1, "pages"
	}
	elapsed := now.Sub(p.StartedAt).Seconds()
	rate := 0.0
	if elapsed > 0 {
		rate = float64(p.Done) / elapsed
	}
	const width = 30
	bar, eta := strings.Repeat("·", width), "?"
	if total > 0 {
		filled := min(width, width*done/total)
		bar = strings.Repeat("█", filled) + strings.Repeat("·", width-filled)
		if done > 0 && elapsed > 0 {
			left := time.Duration(float64(total-done) * elapsed / float64(done) * float64(time.Second))
			eta = left.Round(time.Second).String()
		}
	}
	return fmt.Sprintf("%s [%s] %d/%d %s  %d shows  %.1f shows/s  %d failed  ETA %s", what, bar, done, total, unit, p.Done, rate, p.Failed, eta)
}

// isTerminal reports whether w is a terminal (not a pipe, a file or
// /dev/null, which is a character device too).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
