package cli

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/nextseason/nextseason/internal/feeds"
	"github.com/nextseason/nextseason/internal/httpx"
	"github.com/nextseason/nextseason/internal/store"
)

// feedTimeout bounds one feed fetch.
const feedTimeout = 30 * time.Second

// poller makes a feed poller from the settings.
func (a *app) poller(st *store.Store) *feeds.Poller {
	client := httpx.SafeClient(a.cfg.AllowPrivateNetworks, feedTimeout)
	if a.wrapFeeds != nil {
		client.Transport = a.wrapFeeds(client.Transport)
	}
	return &feeds.Poller{
		Store: st, Client: client, Log: a.log,
		UserAgent: userAgent, AutoAccept: a.cfg.AutoAccept,
	}
}

func runFeeds(ctx context.Context, a *app, args []string) error {
	return a.subcommand(ctx, "feeds", "add URL [--tier trade] | list | poll [ID...]", args,
		map[string]func(context.Context, *app, []string) error{"add": feedsAdd, "list": feedsList, "poll": feedsPoll})
}

func feedsAdd(ctx context.Context, a *app, args []string) error {
	fs := a.flags("feeds add", "URL [--tier official|trade|interview|report|rumor]")
	tier := fs.String("tier", "report", "how much weight the feed's claims carry")
	word, err := a.oneWord(fs, args)
	if err != nil {
		return err
	}
	st, err := a.store(ctx, writeSchema)
	if err != nil {
		return err
	}
	f, err := feeds.Subscribe(ctx, st, word, *tier)
	if err != nil {
		return err
	}
	fmt.Fprintf(a.env.Stdout, "Feed %d: %s (tier %s), first poll due now.\n", f.ID, f.URL, f.Tier)
	return nil
}

func feedsList(ctx context.Context, a *app, args []string) error {
	fs := a.flags("feeds list", "")
	if err := a.parse(fs, args); err != nil {
		return err
	}
	st, err := a.store(ctx, readSchema)
	if err != nil {
		return err
	}
	all, err := st.Feeds(ctx, false)
	if err != nil {
		return err
	}
	for _, f := range all {
		status := "ok"
		if f.Failures > 0 {
			status = fmt.Sprintf("%d failures: %s", f.Failures, f.LastError)
		}
		fmt.Fprintf(a.env.Stdout, "%4d  %-9s every %-8s next %s  %s  %s\n", f.ID, f.Tier, f.Interval, f.NextPollAt.Format(time.RFC3339), f.URL, status)
	}
	return nil
}

func feedsPoll(ctx context.Context, a *app, args []string) error {
	fs := a.flags("feeds poll", "[ID...] (default: every feed)")
	words, err := a.parseWords(fs, args)
	if err != nil {
		return err
	}
	st, err := a.store(ctx, writeSchema)
	if err != nil {
		return err
	}
	var list []store.Feed
	if len(words) == 0 {
		if list, err = st.Feeds(ctx, false); err != nil {
			return err
		}
	}
	for _, w := range words {
		id, err := strconv.ParseInt(w, 10, 64)
		if err != nil {
			return fmt.Errorf("feed id %q: want a number (see feeds list)", w)
		}
		f, err := st.Feed(ctx, id)
		if err != nil {
			return err
		}
		list = append(list, f)
	}
	p := a.poller(st)
	failed := 0
	for _, f := range list {
		rep, err := p.Poll(ctx, f)
		if err != nil {
			if ctx.Err() != nil {
				return err
			}
			failed++
			fmt.Fprintf(a.env.Stdout, "%s: failed: %v\n", f.URL, err)
			continue
		}
		fmt.Fprintf(a.env.Stdout, "%s: %s\n", f.URL, rep)
	}
	if failed > 0 {
		return fmt.Errorf("%d of %d feeds failed; they will be retried later", failed, len(list))
	}
	return nil
}
