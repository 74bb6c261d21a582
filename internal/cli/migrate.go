package cli

import (
	"context"
	"fmt"

	"github.com/nextseason/nextseason/internal/db"
	"github.com/nextseason/nextseason/internal/jobs"
)

func runMigrate(ctx context.Context, a *app, args []string) error {
	fs := a.flags("migrate", "")
	if err := a.parse(fs, args); err != nil {
		return err
	}
	d, err := db.Open(ctx, a.cfg.DB)
	if err != nil {
		return err
	}
	defer d.Close()
	n, err := d.Migrate(ctx, a.env.Now())
	if err != nil {
		return err
	}
	if err := jobs.Migrate(ctx, d); err != nil {
		return err
	}
	v, err := d.SchemaVersion(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(a.env.Stdout, "%s: applied %d migration(s); schema version %d\n", db.Redact(a.cfg.DB), n, v)
	return nil
}
