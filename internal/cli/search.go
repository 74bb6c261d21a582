package cli

import (
	"context"
	"fmt"
	"strings"

	"github.com/nextseason/nextseason/internal/api"
	"github.com/nextseason/nextseason/internal/search"
)

func runSearch(ctx context.Context, a *app, args []string) error {
	fs := a.flags("search", "QUERY [--limit N] [--json]")
	limit := fs.Int("limit", 10, "how many shows to list")
	asJSON := fs.Bool("json", false, `print [{"slug", "title", "network", "score"}], best first`)
	words, err := a.parseWords(fs, args)
	if err != nil {
		return err
	}
	if len(words) == 0 || *limit < 1 {
		fs.Usage()
		return errUsage
	}
	st, err := a.store(ctx, readSchema)
	if err != nil {
		return err
	}
	results, err := search.Shows(ctx, st, strings.Join(words, " "), *limit)
	if err != nil {
		return err
	}
	hits := api.Hits(results)
	if *asJSON {
		return printJSON(a.env.Stdout, hits)
	}
	if len(hits) == 0 {
		fmt.Fprintf(a.env.Stdout, "No show matches %q.\n", strings.Join(words, " "))
	}
	for _, h := range hits {
		fmt.Fprintf(a.env.Stdout, "%-40s %-20s %s\n", h.Title, h.Network, h.Slug)
	}
	return nil
}
