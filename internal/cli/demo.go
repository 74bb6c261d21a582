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
	st, closeDB, err := a.openStore(ctx, true)
	if err != nil {
		return err
	}
	defer closeDB()
	lines, err := demo.Load(ctx, st, demoReviewer)
	if err != nil {
		return err
	}
	for _, l := range lines {
		a.log.Info("imported demo data", "file", l)
	}
	mailer, err := a.mailer(st)
	if err != nil {
		return err
	}
	fmt.Fprintf(a.env.Stdout, "Demo database: %s\n", a.cfg.DB)
	fmt.Fprintf(a.env.Stdout, "Background jobs run as in serve: feeds you add are polled, webhooks and test sends delivered, followers' events recorded, odds and recommendations refitted%s. The catalog is a snapshot: TVmaze sync is off (nextseason sync runs it).\n",
		map[bool]string{true: ", mail sent", false: "; no mail (set NEXTSEASON_SMTP_URL)"}[mailer != nil])
	return a.serveWithJobs(ctx, st, "/shows/partner-track/seasons/2", nil, mailer, true)
}
