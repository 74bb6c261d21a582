package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/nextseason/nextseason/internal/claimsfile"
	"github.com/nextseason/nextseason/internal/demo"
	"github.com/nextseason/nextseason/internal/model"
	"github.com/nextseason/nextseason/internal/odds"
	"github.com/nextseason/nextseason/internal/tvmaze"
	"github.com/nextseason/nextseason/internal/viewership"
)

func runImport(ctx context.Context, a *app, args []string) error {
	return a.subcommand(ctx, "import", "tvmaze|claims|top10|engagement|netflix-originals|demo|sonarr|trakt|export ...", args,
		map[string]func(context.Context, *app, []string) error{"tvmaze": importTVmaze, "claims": importClaims, "top10": importTop10,
			"engagement": importEngagement, "netflix-originals": importOriginals, "demo": importDemo,
			"sonarr": importSonarr, "trakt": importTrakt, "export": importExport})
}

func importTVmaze(ctx context.Context, a *app, args []string) error {
	fs := a.flags("import tvmaze", "[--show TVMAZE_ID] FILE...")
	show := fs.Int64("show", 0, "TVmaze id of the show that bare cast, crew, seasons, episodes or akas files belong to")
	if err := a.parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errUsage
	}
	st, err := a.store(ctx, writeSchema)
	if err != nil {
		return err
	}
	for _, name := range fs.Args() {
		doc, err := readFile(name, tvmaze.Decode)
		if err != nil {
			return err
		}
		rep, err := tvmaze.Import(ctx, st, doc, *show)
		if err != nil {
			return fmt.Errorf("%s: %w (nothing imported from it)", name, err)
		}
		fmt.Fprintf(a.env.Stdout, "%s: %s\n", name, rep)
	}
	return nil
}

func importClaims(ctx context.Context, a *app, args []string) error {
	fs := a.flags("import claims", "[--reviewer NAME] FILE")
	reviewer := fs.String("reviewer", "", "who is recorded as accepting the file's claims (default: the file's name)")
	name, err := a.oneWord(fs, args)
	if err != nil {
		return err
	}
	file, err := readFile(name, claimsfile.Parse)
	if err != nil {
		return err
	}
	st, err := a.store(ctx, writeSchema)
	if err != nil {
		return err
	}
	if *reviewer == "" {
		*reviewer = "import " + name
	}
	rep, err := claimsfile.Apply(ctx, st, file, *reviewer)
	if err != nil {
		return fmt.Errorf("%s: nothing imported: %w", name, err)
	}
	fmt.Fprintf(a.env.Stdout, "%s: %s\n", name, rep)
	return nil
}

func importTop10(ctx context.Context, a *app, args []string) error {
	fs := a.flags("import top10", "[--unlinked] FILE.tsv")
	unlinked := fs.Bool("unlinked", false, "list the titles that matched no catalog show")
	name, err := a.oneWord(fs, args)
	if err != nil {
		return err
	}
	weeks, err := readFile(name, viewership.ParseTop10)
	if err != nil {
		return err
	}
	st, err := a.store(ctx, writeSchema)
	if err != nil {
		return err
	}
	rep, err := viewership.Import(ctx, st, weeks)
	if err != nil {
		return fmt.Errorf("%s: nothing imported: %w", name, err)
	}
	fmt.Fprintf(a.env.Stdout, "%s: %s\n", name, rep)
	printUnlinked(a, rep, *unlinked)
	return nil
}

// readFile parses the file name; its errors say nothing was imported.
func readFile[T any](name string, parse func(io.Reader) (T, error)) (T, error) {
	f, err := os.Open(name)
	if err != nil {
		var none T
		return none, fmt.Errorf("nothing imported: %w", err)
	}
	defer f.Close()
	v, err := parse(f)
	if err != nil {
		return v, fmt.Errorf("%s: nothing imported: %w", name, err)
	}
	return v, nil
}

// printUnlinked lists the titles an import could not link, when asked.
func printUnlinked(a *app, rep viewership.Report, asked bool) {
	if !asked {
		return
	}
	for _, t := range rep.Unlinked {
		fmt.Fprintf(a.env.Stdout, "  not in the catalog: %s\n", t)
	}
}

func importDemo(ctx context.Context, a *app, args []string) error {
	fs := a.flags("import demo", "")
	if err := a.parse(fs, args); err != nil {
		return err
	}
	st, err := a.store(ctx, writeSchema)
	if err != nil {
		return err
	}
	lines, err := demo.Load(ctx, st, demoReviewer)
	for _, l := range lines {
		fmt.Fprintln(a.env.Stdout, l)
	}
	return err
}

// importOriginals reads Wikipedia's lists of ended and current Netflix
// originals (CSV), all files or none.
func importOriginals(ctx context.Context, a *app, args []string) error {
	fs := a.flags("import netflix-originals", "--listed YYYY-MM-DD FILE.csv...")
	listed := fs.String("listed", "", "the day the lists were read (outcomes after it are not in them); required")
	if err := a.parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 || *listed == "" {
		fs.Usage()
		return errUsage
	}
	day, err := time.Parse(time.DateOnly, *listed)
	if err != nil {
		return fmt.Errorf("--listed %q: want YYYY-MM-DD", *listed)
	}
	var rows []model.NetflixOriginal
	excluded := 0
	for _, name := range fs.Args() {
		got, err := readFile(name, odds.ParseOriginals)
		if err != nil {
			return err
		}
		for i := range got {
			got[i].Listed = day
			if got[i].Excluded != "" {
				excluded++
			}
		}
		rows = append(rows, got...)
	}
	st, err := a.store(ctx, writeSchema)
	if err != nil {
		return err
	}
	added, err := st.SaveOriginals(ctx, rows)
	if err != nil {
		return fmt.Errorf("nothing imported: %w", err)
	}
	fmt.Fprintf(a.env.Stdout, "%d rows (%d new, %d updated); %d left out of training (limited series, docuseries, reality, specials, shows continued from other networks)\n",
		len(rows), added, len(rows)-added, excluded)
	return nil
}

// importEngagement reads Netflix's "What We Watched" engagement reports
// (xlsx as published, or CSV), each for the half-year its name or --period-end gives; all files
// or none.
func importEngagement(ctx context.Context, a *app, args []string) error {
	fs := a.flags("import engagement", "[--period-end YYYY-MM-DD] [--unlinked] FILE.xlsx|FILE.csv...")
	periodEnd := fs.String("period-end", "", "the last day of the half-year reported (default: from the file name, such as 2024Jan-Jun)")
	unlinked := fs.Bool("unlinked", false, "list the titles that matched no catalog show")
	if err := a.parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errUsage
	}
	var rows []model.Viewership
	for _, name := range fs.Args() {
		end, err := viewership.PeriodEnd(name)
		if *periodEnd != "" {
			end, err = model.ParsePartialDate(*periodEnd)
		}
		if err != nil {
			return fmt.Errorf("nothing imported: %w", err)
		}
		got, err := readEngagement(ctx, name, end)
		if err != nil {
			return fmt.Errorf("%s: nothing imported: %w", name, err)
		}
		rows = append(rows, got...)
	}
	st, err := a.store(ctx, writeSchema)
	if err != nil {
		return err
	}
	rep, err := viewership.Import(ctx, st, rows)
	if err != nil {
		return fmt.Errorf("nothing imported: %w", err)
	}
	fmt.Fprintf(a.env.Stdout, "%s\n", strings.Replace(rep.String(), "chart weeks", "report rows", 1))
	printUnlinked(a, rep, *unlinked)
	return nil
}

// maxWorkbook bounds an xlsx report read whole into memory.
const maxWorkbook = 64 << 20

// readEngagement reads one report: an xlsx workbook, or CSV.
func readEngagement(ctx context.Context, name string, end model.PartialDate) ([]model.Viewership, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if !strings.HasSuffix(strings.ToLower(name), ".xlsx") {
		return viewership.ParseEngagement(f, end)
	}
	b, err := io.ReadAll(io.LimitReader(f, maxWorkbook+1))
	if err != nil {
		return nil, err
	}
	if len(b) > maxWorkbook {
		return nil, fmt.Errorf("larger than %d MB: not a report", maxWorkbook>>20)
	}
	return viewership.ParseEngagementXLSX(ctx, b, end)
}
