package cli

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/nextseason/nextseason/internal/answer"
	"github.com/nextseason/nextseason/internal/facts"
	"github.com/nextseason/nextseason/internal/model"
)

func runShow(ctx context.Context, a *app, args []string) error {
	fs := a.flags("show", "TITLE [--season N] [--as-of YYYY-MM-DD] [--json]")
	season := fs.String("season", "", "season number, 1 or more (default: the next season)")
	asOf := fs.String("as-of", "", "answer as known on this day, YYYY-MM-DD (default: today)")
	asJSON := fs.Bool("json", false, "print the outlook as JSON")
	title, err := a.parseWords(fs, args)
	if err != nil {
		return err
	}
	if len(title) == 0 {
		fs.Usage()
		return errUsage
	}
	st, err := a.store(ctx, readSchema)
	if err != nil {
		return err
	}
	req := answer.Request{Show: strings.Join(title, " "), Season: *season, AsOf: *asOf}
	o, err := answer.Outlook(ctx, st, req, a.env.Now())
	if err != nil {
		return err
	}
	// Archive copies are served by nextseason itself: at the base URL,
	// else where serve listens by default.
	base := a.cfg.BaseURL
	if base == "" {
		base = "http://" + a.cfg.Addr
	}
	o = o.WithBase(base)
	if *asJSON {
		return printJSON(a.env.Stdout, o)
	}
	printOutlook(a.env.Stdout, o)
	return nil
}

// printOutlook writes an outlook for a terminal.
func printOutlook(w io.Writer, o facts.Outlook) {
	fn := func(ev []facts.Evidence) string {
		var b strings.Builder
		for _, n := range facts.Footnotes(ev...) {
			fmt.Fprintf(&b, " [%d]", n)
		}
		return b.String()
	}
	fmt.Fprintf(w, "%s season %d", o.Show.Title, o.Season)
	if o.Show.Network != "" {
		fmt.Fprintf(w, " (%s)", o.Show.Network)
	}
	fmt.Fprintf(w, ", as known on %s\n\n", o.AsOf.Display())
	for _, n := range o.Notes {
		fmt.Fprintf(w, "Note: %s\n\n", n)
	}
	sum := answer.Summarize(o)
	fmt.Fprintf(w, "%s\n", sum.Lead)
	if len(sum.Known) > 0 {
		fmt.Fprintln(w, "\nWhat we know:")
		for _, p := range sum.Known {
			fmt.Fprintf(w, "  - %s%s\n", p.Text, fn(p.Evidence))
		}
	}
	if len(sum.Unknown) > 0 {
		fmt.Fprintln(w, "\nWhat we don't know yet:")
		for _, u := range sum.Unknown {
			fmt.Fprintf(w, "  - %s\n", u)
		}
	}
	fmt.Fprintln(w)
	fmt.Fprintf(w, "Will there be a season %d?  %s", o.Season, o.Renewal.Status.Label())
	if o.Renewal.Since != nil {
		fmt.Fprintf(w, " (since %s)", o.Renewal.Since.Display())
	}
	fmt.Fprintln(w, fn(o.Renewal.Evidence))
	if o.Renewal.Disputed {
		fmt.Fprintln(w, "  Disputed: sources of equal weight disagree.")
	}
	for _, f := range o.Renewal.Factors {
		fmt.Fprintf(w, "  Depends on: %s%s\n", f.Text, fn(f.Evidence))
	}
	if v := o.Viewership; v != nil {
		fmt.Fprintf(w, "  Season %d: %s in the Netflix Top 10, peak #%d, %.1fM hours in its best week [%d]\n",
			v.Season, model.Plural(v.WeeksInChart, "week"), v.PeakRank, float64(v.PeakHours)/1e6, v.Footnote)
	}
	fmt.Fprint(w, "\nWhen?  ")
	if p := o.Premiere; p != nil {
		fmt.Fprintf(w, "%s (%s)%s\n", p.Date.Display(), p.Date.Precision.Label(), fn(p.Evidence))
		if p.Disputed {
			fmt.Fprintln(w, "  Disputed: sources of equal weight give other dates:")
			for _, e := range p.Evidence {
				if e.Role == facts.RoleDecides || e.Role == facts.RoleDisputes {
					fmt.Fprintf(w, "    %s: %s, %s%s\n", e.Date.Display(), e.Source.Publisher, e.StatedAt.Display(), fn([]facts.Evidence{e}))
				}
			}
		}
	} else {
		fmt.Fprintln(w, "No date announced yet.")
	}
	if e := o.Episodes; e != nil {
		fmt.Fprintf(w, "  %d episodes%s\n", e.Count, fn(e.Evidence))
	}
	if p := o.PreviousPremiere; p != nil {
		fmt.Fprintf(w, "  Season %d premiered %s%s\n", o.Season-1, p.Date.Display(), fn(p.Evidence))
	}
	fmt.Fprintln(w, "\nWho is in it?")
	if len(o.Cast) == 0 {
		fmt.Fprintln(w, "  No cast news yet.")
	}
	for _, c := range o.Cast {
		fmt.Fprintf(w, "  %s as %s (%s)%s\n", c.Actor, c.Character, model.CastChange(c.State).Label(), fn(c.Evidence))
	}
	if len(o.PreviousCast) > 0 {
		fmt.Fprintf(w, "  Season %d also starred:\n", o.Season-1)
		for _, c := range o.PreviousCast {
			fmt.Fprintf(w, "    %s as %s%s\n", c.Actor, c.Character, fn(c.Evidence))
		}
	}
	fmt.Fprintln(w, "\nWhat will it be about?")
	if len(o.Plot) == 0 {
		fmt.Fprintln(w, "  Nothing said yet.")
	}
	for _, p := range o.Plot {
		fmt.Fprintf(w, "  %s%s\n    “%s”", p.Text, fn(p.Evidence), p.Quote)
		if p.Speaker != "" {
			fmt.Fprintf(w, " — %s", p.Speaker)
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintln(w, "\nSources:")
	for i, s := range o.Sources {
		fmt.Fprintf(w, "  [%d] %s, %s, %s (%s)\n", i+1, s.Publisher, s.Published.Display(), s.URL, s.Tier)
	}
}
