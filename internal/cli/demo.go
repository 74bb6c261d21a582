package cli

import (
	"context"
	"fmt"

	"github.com/nextseason/nextseason/internal/config"
	"github.com/nextseason/nextseason/internal/demo"
)

// demoReviewer is recorded as having accepted the demo's claims.
const demoReviewer = "nextseason demo"

func runDemo(ctx context.Context, a *app, args []string) error {
	fs := a.flags("demo", "[--addr HOST:PORT]")
	a.cfg.AddrFlag(fs)
	if err := a.parse(fs, args); err != nil {
		return err
	}
	if !a.dbSet {
		a.cfg.DB = config.DefaultDemoDB
	}
	st, err := a.store(ctx, ownSchema)
	if err != nil {
		return err
	}
	lines, err := demo.Load(ctx, st, demoReviewer)
	if err != nil {
		return err
	}
	feed, err := demo.SubscribeFeed(ctx, st)
	if err != nil {
		return err
	}
	a.wrapFeeds = demo.FeedTransport
	for _, l := range append(lines, feed) {
		a.log.Info("imported demo data", "file", l)
	}
	mailer, err := a.mailer(st)
	if err != nil {
		return err
	}
	fmt.Fprintf(a.env.Stdout, "Demo database: %s\n", a.cfg.DB)
	mail := "; no mail (set NEXTSEASON_SMTP_URL)"
	if mailer != nil {
		mail = ", mail sent"
	}
	fmt.Fprintf(a.env.Stdout, "Background jobs run as in serve: feeds are polled (a bundled feed of real news items first: its claims wait at /review for an editor: echo PASSWORD | nextseason users add EMAIL --role editor --password-stdin --db %s makes one), webhooks and test sends delivered, followers' events recorded, odds and recommendations refitted%s. The catalog is a snapshot: TVmaze sync is off (nextseason sync runs it).\n", a.cfg.DB, mail)
	return a.serveWithJobs(ctx, st, "/shows/partner-track/seasons/2", nil, mailer, true)
}
