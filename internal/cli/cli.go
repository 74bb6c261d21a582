// Package cli is nextseason's command line: one file per subcommand, each
// with its own flag.FlagSet. It reads the configuration once and wires
// the database, store and servers together.
package cli

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"net/http"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/nextseason/nextseason/internal/api"
	"github.com/nextseason/nextseason/internal/config"
	"github.com/nextseason/nextseason/internal/db"
	"github.com/nextseason/nextseason/internal/jobs"
	"github.com/nextseason/nextseason/internal/store"
)

// Version is nextseason's version, printed by "nextseason version".
const Version = "0.1.0"

// Env is what a command may touch of the outside world.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	Getenv         func(string) string
	Now            func() time.Time
	// Ready, when set, is told the address the server listens on.
	Ready func(addr string)
}

// Main runs nextseason with the process's environment and returns the
// exit status.
func Main(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	return Run(ctx, args, Env{Stdin: os.Stdin, Stdout: stdout, Stderr: stderr, Getenv: os.Getenv, Now: time.Now})
}

// errUsage marks errors whose message is the whole story (flag errors
// already printed their usage).
var errUsage = errors.New("usage")

// command is a subcommand.
type command struct {
	name, summary string
	run           func(ctx context.Context, a *app, args []string) error
}

func commands() []command {
	return []command{
		{"demo", "migrate, import the demo data and serve it", runDemo},
		{"serve", "serve the web pages and the API", runServe},
		{"migrate", "bring the database schema up to date", runMigrate},
		{"import", "import TVmaze responses, a claims file, Netflix Top 10 weeks, the demo data; follows from Sonarr, Trakt or an export", runImport},
		{"export", "print an account's follows, people, webhooks and settings as JSON (import export reads it back)", runExport},
		{"show", "print what is known about a show's season", runShow},
		{"search", "find shows by title, alias, network or cast", runSearch},
		{"sync", "bring the catalog up to date from TVmaze", runSync},
		{"extract", "find claims in news items or an article; score the extraction", runExtract},
		{"feeds", "subscribe to news feeds, list them, poll them", runFeeds},
		{"claims", "review claims proposed from news: list, accept, reject", runClaims},
		{"recommend", "recommend shows to a user; evaluate the recommenders on MovieLens data", runRecommend},
		{"odds", "back-test the renewal odds on the imported Top 10 and lists of originals", runOdds},
		{"users", "add, list, disable, enable accounts; reset a password", runUsers},
		{"tokens", "make, list and revoke API tokens", runTokens},
		{"openapi", "print the API's OpenAPI 3.1 document (served at /api/v1/openapi.json)", runOpenAPI},
		{"healthcheck", "ask a running nextseason on --addr for /healthz: exit 0 when it answers ok (for container health checks)", runHealthcheck},
		{"version", "print the version", runVersion},
	}
}

// app is the state one invocation shares across its command.
type app struct {
	env   Env
	cfg   config.Config
	dbSet bool // --db or NEXTSEASON_DB was given
	log   *slog.Logger
	// wrapFeeds, when set, wraps the transport feeds are fetched with:
	// the demo answers its bundled feed so.
	wrapFeeds func(http.RoundTripper) http.RoundTripper
	// closers close what the command opened (its database), when it ends.
	closers []func()
}

// Run runs one command line.
func Run(ctx context.Context, args []string, env Env) int {
	cfg, err := config.FromEnv(env.Getenv)
	if err != nil {
		fmt.Fprintln(env.Stderr, "nextseason:", err)
		return 2
	}
	a := &app{env: env, cfg: cfg, dbSet: env.Getenv("NEXTSEASON_DB") != ""}
	defer func() {
		for _, c := range a.closers {
			c()
		}
	}()
	if cfg.LogJSON {
		a.log = slog.New(slog.NewJSONHandler(env.Stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
	} else {
		a.log = slog.New(slog.NewTextHandler(env.Stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
	}

	global := flag.NewFlagSet("nextseason", flag.ContinueOnError)
	global.SetOutput(env.Stderr)
	a.cfg.DBFlag(global)
	global.Usage = func() { a.usage() }
	if err := global.Parse(args); err != nil {
		return 2
	}
	global.Visit(func(f *flag.Flag) { a.dbSet = a.dbSet || f.Name == "db" })
	rest := global.Args()
	if len(rest) == 0 {
		a.usage()
		return 2
	}
	for _, c := range commands() {
		if c.name == rest[0] {
			err := c.run(ctx, a, rest[1:])
			switch {
			case err == nil:
				return 0
			case errors.Is(err, flag.ErrHelp):
				return 0
			case errors.Is(err, errUsage):
				return 2
			}
			fmt.Fprintln(env.Stderr, "nextseason:", err)
			return 1
		}
	}
	if rest[0] == "help" || rest[0] == "-h" {
		a.usage()
		return 0
	}
	fmt.Fprintf(env.Stderr, "nextseason: unknown command %q\n", rest[0])
	a.usage()
	return 2
}

func (a *app) usage() {
	w := a.env.Stderr
	fmt.Fprintln(w, "Usage: nextseason [--db FILE|URL] COMMAND [flags] [args]")
	fmt.Fprintln(w, "\nCommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun nextseason COMMAND -h for a command's flags.")
}

// flags makes a subcommand's FlagSet; every subcommand accepts --db too.
func (a *app) flags(name, usage string) *flag.FlagSet {
	fs := flag.NewFlagSet("nextseason "+name, flag.ContinueOnError)
	fs.SetOutput(a.env.Stderr)
	a.cfg.DBFlag(fs)
	fs.BoolVar(&a.cfg.Migrate, "migrate", a.cfg.Migrate, "apply pending migrations first (env NEXTSEASON_MIGRATE); a new, empty database is set up by any command that writes")
	fs.Usage = func() {
		fmt.Fprintf(a.env.Stderr, "Usage: nextseason %s %s\n", name, usage)
		fs.PrintDefaults()
	}
	return fs
}

// parse parses a subcommand's flags and notes whether --db was given.
func (a *app) parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return errUsage
	}
	fs.Visit(func(f *flag.Flag) { a.dbSet = a.dbSet || f.Name == "db" })
	return a.cfg.Validate()
}

// parseWords parses flags that may come before, between or after the
// words of a command line ("show Partner Track --json"), and returns the
// words.
func (a *app) parseWords(fs *flag.FlagSet, args []string) ([]string, error) {
	var words []string
	for len(args) > 0 {
		if err := a.parse(fs, args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) > 0 {
			words, args = append(words, args[0]), args[1:]
		}
	}
	return words, nil
}

// oneWord parses flags around exactly one word, which it returns.
func (a *app) oneWord(fs *flag.FlagSet, args []string) (string, error) {
	words, err := a.parseWords(fs, args)
	if err != nil {
		return "", err
	}
	if len(words) != 1 {
		fs.Usage()
		return "", errUsage
	}
	return words[0], nil
}

// noWords parses a command line that takes flags only.
func (a *app) noWords(fs *flag.FlagSet, args []string) error {
	words, err := a.parseWords(fs, args)
	if err == nil && len(words) > 0 {
		fs.Usage()
		return errUsage
	}
	return err
}

// subcommand runs the subcommand args[0] names: "feeds add", "claims review".
func (a *app) subcommand(ctx context.Context, group, usage string, args []string, subs map[string]func(context.Context, *app, []string) error) error {
	if len(args) == 0 {
		fmt.Fprintf(a.env.Stderr, "Usage: nextseason %s %s\n", group, usage)
		return errUsage
	}
	run, ok := subs[args[0]]
	if !ok {
		names := slices.Sorted(maps.Keys(subs))
		return fmt.Errorf("%s %q: want %s", group, args[0], strings.Join(names, ", "))
	}
	return run(ctx, a, args[1:])
}

// printJSON writes v as indented JSON.
func printJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// schemaUse says what a command may do to the database's schema.
type schemaUse int

const (
	// readSchema refuses a schema that is behind, unless --migrate.
	readSchema schemaUse = iota
	// writeSchema sets up a new, empty database (no instance can be
	// running on it), and migrates one that is behind only with
	// --migrate: on a shared PostgreSQL that would change the schema
	// under instances still running the older version.
	writeSchema
	// ownSchema migrates: the demo's own database.
	ownSchema
)

// store opens the configured database (by openStore's rule) for the rest
// of the command: Run closes it when the command ends.
func (a *app) store(ctx context.Context, use schemaUse) (*store.Store, error) {
	st, closeDB, err := a.openStore(ctx, use)
	if err != nil {
		return nil, err
	}
	a.closers = append(a.closers, closeDB)
	return st, nil
}

// openStore opens the configured database for a command that uses its
// schema as use says. Every command follows this one rule.
func (a *app) openStore(ctx context.Context, use schemaUse) (*store.Store, func(), error) {
	d, err := db.Open(ctx, a.cfg.DB)
	if err != nil {
		return nil, nil, err
	}
	closeDB := func() { d.Close() }
	migrate := use == ownSchema || a.cfg.Migrate
	if !migrate && use == writeSchema {
		v, err := d.SchemaVersion(ctx)
		if err != nil {
			closeDB()
			return nil, nil, err
		}
		migrate = v == 0
	}
	if migrate {
		if n, err := d.Migrate(ctx, a.env.Now()); err != nil {
			closeDB()
			return nil, nil, err
		} else if n > 0 {
			a.log.Info("migrated database", "db", db.Redact(a.cfg.DB), "migrations", n)
		}
		if err := jobs.Migrate(ctx, d); err != nil {
			closeDB()
			return nil, nil, err
		}
		st := store.New(d, a.env.Now)
		if n, err := st.IndexMissing(ctx); err != nil {
			closeDB()
			return nil, nil, err
		} else if n > 0 {
			a.log.Info("indexed shows for search", "shows", n)
		}
	} else if n, err := d.Pending(ctx); err != nil {
		closeDB()
		return nil, nil, err
	} else if pendingJobs, err := jobs.Pending(ctx, d); err != nil || n > 0 || pendingJobs {
		closeDB()
		if err != nil {
			return nil, nil, err
		}
		return nil, nil, fmt.Errorf("database %s is not up to date (%d migration(s) pending): run `nextseason --db %s migrate`, or add --migrate, once every instance sharing it runs this version",
			db.Redact(a.cfg.DB), n, db.Redact(a.cfg.DB))
	}
	return store.New(d, a.env.Now), closeDB, nil
}

func runOpenAPI(ctx context.Context, a *app, args []string) error {
	if err := a.noWords(a.flags("openapi", ""), args); err != nil {
		return err
	}
	return printJSON(a.env.Stdout, (&api.API{}).OpenAPI())
}

func runVersion(ctx context.Context, a *app, args []string) error {
	fmt.Fprintln(a.env.Stdout, "nextseason", Version)
	return nil
}
