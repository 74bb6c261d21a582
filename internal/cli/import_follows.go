package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/nextseason/nextseason/internal/imports"
)

// followsFlags are the flags of the imports that make follows.
type followsFlags struct {
	user   *string
	dryRun *bool
}

func addFollowsFlags(fs *flag.FlagSet) followsFlags {
	return followsFlags{user: fs.String("user", "", "the account whose follows these become (required)"),
		dryRun: fs.Bool("dry-run", false, "say what would be followed and what matches nothing; change nothing")}
}

// importTrakt follows the shows of a file of Trakt's data export.
func importTrakt(ctx context.Context, a *app, args []string) error {
	fs := a.flags("import trakt", "FILE.json --user EMAIL [--dry-run]")
	ff := addFollowsFlags(fs)
	name, err := a.oneWord(fs, args)
	if err != nil {
		return err
	}
	file, err := readFile(name, func(r io.Reader) (imports.File, error) {
		wanted, skipped, err := imports.ParseTrakt(r)
		return imports.File{Wanted: wanted, Skipped: skipped}, err
	})
	if err != nil {
		return err
	}
	return a.applyImport(ctx, ff, file)
}

// importExport reads back nextseason's own export.
func importExport(ctx context.Context, a *app, args []string) error {
	fs := a.flags("import export", "FILE.json --user EMAIL [--dry-run]")
	ff := addFollowsFlags(fs)
	name, err := a.oneWord(fs, args)
	if err != nil {
		return err
	}
	file, err := readFile(name, func(r io.Reader) (imports.File, error) {
		data, err := io.ReadAll(io.LimitReader(r, imports.MaxFile+1)) // one byte over: Read says it is too large
		if err != nil {
			return imports.File{}, err
		}
		return imports.Read(data)
	})
	if err != nil {
		return err
	}
	return a.applyImport(ctx, ff, file)
}

// importSonarr follows every series a Sonarr instance tracks.
func importSonarr(ctx context.Context, a *app, args []string) error {
	fs := a.flags("import sonarr", "--url URL --api-key KEY --user EMAIL [--dry-run]")
	ff := addFollowsFlags(fs)
	sonarrURL := fs.String("url", "", "the Sonarr instance, such as http://localhost:8989 (required)")
	key := fs.String("api-key", "", "Sonarr's API key (Settings → General); or NEXTSEASON_SONARR_API_KEY, which other users of the machine cannot see")
	if err := a.noWords(fs, args); err != nil {
		return err
	}
	if *key == "" {
		*key = a.env.Getenv("NEXTSEASON_SONARR_API_KEY")
	}
	if *sonarrURL == "" || *key == "" {
		return errors.New("import sonarr: give --url and --api-key (or NEXTSEASON_SONARR_API_KEY)")
	}
	// The operator names Sonarr, often on the local network: no
	// private-address guard, as for users' feeds and webhooks.
	wanted, err := imports.FetchSonarr(ctx, &http.Client{Timeout: time.Minute}, *sonarrURL, *key)
	if err != nil {
		return fmt.Errorf("nothing imported: %w", err)
	}
	return a.applyImport(ctx, ff, imports.File{Wanted: wanted})
}

// applyImport makes the file's follows for the --user account and
// prints the report, listing what matched nothing.
func (a *app) applyImport(ctx context.Context, ff followsFlags, file imports.File) error {
	if *ff.user == "" {
		return errors.New("name the account whose follows these become, with --user EMAIL")
	}
	st, u, err := a.user(ctx, *ff.user, writeSchema)
	if err != nil {
		return err
	}
	rep, err := imports.Apply(ctx, st, u.ID, file, *ff.dryRun)
	if err != nil {
		return fmt.Errorf("nothing imported: %w", err)
	}
	printImport(a.env.Stdout, u.Email, rep)
	return nil
}

func printImport(w io.Writer, email string, rep imports.Report) {
	fmt.Fprintf(w, "%s: %s.\n", email, rep)
	for _, slug := range rep.Followed {
		fmt.Fprintf(w, "  follow  %s\n", slug)
	}
	for _, slug := range rep.Updated {
		fmt.Fprintf(w, "  update  %s (watched or rated)\n", slug)
	}
	for _, u := range rep.Unmatched {
		fmt.Fprintf(w, "  no match: %s (%s)\n", describeWanted(u.Wanted), u.Why)
	}
	for _, p := range rep.People {
		fmt.Fprintf(w, "  follow person %s\n", p)
	}
	for _, p := range rep.UnmatchedPeople {
		fmt.Fprintf(w, "  no match: person %s\n", p)
	}
	for _, h := range rep.Webhooks {
		fmt.Fprintf(w, "  webhook %s (a new secret: see My shows)\n", h)
	}
}

func describeWanted(w imports.Wanted) string {
	s := fmt.Sprintf("%q", w.Title)
	if w.Year != 0 {
		s += fmt.Sprintf(" (%d)", w.Year)
	}
	return s
}

// runExport prints an account's export, which import export reads back.
func runExport(ctx context.Context, a *app, args []string) error {
	fs := a.flags("export", "--user EMAIL")
	user := fs.String("user", "", "the account to export (required)")
	if err := a.noWords(fs, args); err != nil {
		return err
	}
	if *user == "" {
		return errors.New("export: name the account with --user EMAIL")
	}
	st, u, err := a.user(ctx, *user, readSchema)
	if err != nil {
		return err
	}
	e, err := imports.Build(ctx, st, u.ID)
	if err != nil {
		return err
	}
	return printJSON(a.env.Stdout, e)
}
