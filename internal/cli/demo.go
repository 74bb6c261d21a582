package cli

import (
	"context"
	"fmt"

	"github.com/nextseason/nextseason/internal/config"
	"github.com/nextseason/nextseason/internal/demo"
	"github.com/nextseason/nextseason/internal/recommend"
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
	fmt.Fprintf(a.env.Stdout, "Demo database: %s\n", a.cfg.DB)
	// The demo runs no jobs: its recommendations are fitted on first use.
	return a.serve(ctx, st, "/shows/partner-track/seasons/2", &recommend.Service{Store: st, Now: a.env.Now})
}
