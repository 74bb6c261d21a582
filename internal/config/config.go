// Package config holds nextseason's settings: defaults, then NEXTSEASON_*
// environment variables, then command-line flags. It is read once in the
// CLI and passed down.
package config

import (
	"errors"
	"flag"
	"fmt"
	"net"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/nextseason/nextseason/internal/feeds/extract"
	"github.com/nextseason/nextseason/internal/model"
)

// Config is every setting nextseason has.
type Config struct {
	// DB is a SQLite file path or a postgres:// URL.
	DB string
	// Addr is the address the web server listens on.
	Addr string
	// Migrate lets serve apply pending migrations at start.
	Migrate bool
	// TVmazeURL is the TVmaze API's base URL.
	TVmazeURL string
	// TVmazeRate is how many TVmaze calls a second to make, at most 2.
	TVmazeRate float64
	// TVmazeDetails says whose cast, crew, seasons, episodes and akas a
	// sync fetches: "all" shows (one call each) or "followed" ones.
	TVmazeDetails string
	// AllowPrivateNetworks lets feeds and webhooks reach loopback and
	// private addresses; off by default, so that a URL a user gives
	// cannot reach the server's own network.
	AllowPrivateNetworks bool
	// EditorToken is a password editors may share, beside their own
	// accounts; empty turns it off.
	EditorToken string
	// BaseURL is where users reach this nextseason ("https://tv.example"),
	// for links in notifications; empty leaves them relative.
	BaseURL string
	// SMTPURL is the mail server, smtp://user:password@host:587 or
	// smtps://…; empty sends no mail.
	SMTPURL string
	// MailFrom is the sender of mails; default nextseason@ the host of
	// BaseURL.
	MailFrom string
	// AtRiskDays is how many days after a season's finale without a
	// renewal decision followers are told it is at risk.
	AtRiskDays int
	// DeliveryLease is how long a sender holds the webhook deliveries and
	// mails it sends; after a crash they go again once it ends. Zero is
	// notify.DefaultLease (two minutes).
	DeliveryLease time.Duration
	// AutoAccept holds, per source tier, the confidence from which claims
	// extracted from a feed are accepted without review.
	AutoAccept map[model.Tier]float64
	// MetricsToken, when set, is the bearer token /metrics asks for.
	MetricsToken string
	// LogJSON writes the log as JSON lines rather than text.
	LogJSON bool
}

// Default database files and listen address.
const (
	DefaultDB     = "./nextseason.db"
	DefaultDemoDB = "./nextseason-demo.db"
	DefaultAddr   = "127.0.0.1:8080"
	// DefaultTVmazeURL is the public TVmaze API.
	DefaultTVmazeURL = "https://api.tvmaze.com"
)

// FromEnv starts from the defaults and applies the environment.
func FromEnv(getenv func(string) string) (Config, error) {
	c := Config{DB: DefaultDB, Addr: DefaultAddr, AtRiskDays: 60, TVmazeURL: DefaultTVmazeURL, TVmazeRate: 2, TVmazeDetails: "followed"}
	if v := getenv("NEXTSEASON_TVMAZE_URL"); v != "" {
		c.TVmazeURL = v
	}
	if v := getenv("NEXTSEASON_TVMAZE_RATE"); v != "" {
		r, err := strconv.ParseFloat(v, 64)
		if err != nil {
			return c, fmt.Errorf("NEXTSEASON_TVMAZE_RATE=%q: want calls per second, such as 1.5", v)
		}
		c.TVmazeRate = r
	}
	if v := getenv("NEXTSEASON_TVMAZE_DETAILS"); v != "" {
		c.TVmazeDetails = v
	}
	if v := getenv("NEXTSEASON_ALLOW_PRIVATE_NETWORKS"); v != "" {
		b, err := strconv.ParseBool(v)
		if err != nil {
			return c, fmt.Errorf("NEXTSEASON_ALLOW_PRIVATE_NETWORKS=%q: want 1 or 0", v)
		}
		c.AllowPrivateNetworks = b
	}
	c.EditorToken = getenv("NEXTSEASON_EDITOR_TOKEN")
	if v := getenv("NEXTSEASON_BASE_URL"); v != "" {
		u, err := url.Parse(v)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return c, fmt.Errorf("NEXTSEASON_BASE_URL=%q: want an absolute http(s) URL", v)
		}
		c.BaseURL = strings.TrimRight(v, "/")
	}
	c.SMTPURL, c.MailFrom = getenv("NEXTSEASON_SMTP_URL"), getenv("NEXTSEASON_MAIL_FROM")
	if c.SMTPURL != "" && c.BaseURL == "" {
		return c, errors.New("NEXTSEASON_SMTP_URL is set but NEXTSEASON_BASE_URL is not: mails link to pages and need it")
	}
	if c.MailFrom == "" && c.BaseURL != "" {
		u, _ := url.Parse(c.BaseURL)
		c.MailFrom = "nextseason <nextseason@" + u.Hostname() + ">"
	}
	if v := getenv("NEXTSEASON_AT_RISK_DAYS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			return c, fmt.Errorf("NEXTSEASON_AT_RISK_DAYS=%q: want a whole number of days, 1 or more", v)
		}
		c.AtRiskDays = n
	}
	if v := getenv("NEXTSEASON_DELIVERY_LEASE"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d < time.Second {
			return c, fmt.Errorf("NEXTSEASON_DELIVERY_LEASE=%q: want a duration of a second or more, such as 2m", v)
		}
		c.DeliveryLease = d
	}
	if v := getenv("NEXTSEASON_AUTO_ACCEPT"); v != "" {
		aa, err := ParseAutoAccept(v)
		if err != nil {
			return c, fmt.Errorf("NEXTSEASON_AUTO_ACCEPT: %w", err)
		}
		c.AutoAccept = aa
	}
	if v := getenv("NEXTSEASON_DB"); v != "" {
		c.DB = v
	}
	if v := getenv("NEXTSEASON_ADDR"); v != "" {
		c.Addr = v
	}
	if v := getenv("NEXTSEASON_MIGRATE"); v != "" {
		b, err := strconv.ParseBool(v)
		if err != nil {
			return c, fmt.Errorf("NEXTSEASON_MIGRATE=%q: want true or false", v)
		}
		c.Migrate = b
	}
	c.MetricsToken = getenv("NEXTSEASON_METRICS_TOKEN")
	switch v := getenv("NEXTSEASON_LOG_FORMAT"); v {
	case "", "text":
	case "json":
		c.LogJSON = true
	default:
		return c, fmt.Errorf("NEXTSEASON_LOG_FORMAT=%q: want text or json", v)
	}
	return c, nil
}

// ParseAutoAccept reads "official=0.8,trade=0.9": per tier, the
// probability from which extracted claims are accepted without review.
// A tier alone ("official") takes extract.DefaultAutoAccept.
func ParseAutoAccept(s string) (map[model.Tier]float64, error) {
	out := map[model.Tier]float64{}
	for _, part := range strings.Split(s, ",") {
		name, value, ok := strings.Cut(strings.TrimSpace(part), "=")
		tier, err := model.ParseTier(strings.TrimSpace(name))
		if err != nil {
			return nil, err
		}
		if !ok {
			out[tier] = extract.DefaultAutoAccept
			continue
		}
		conf, err := strconv.ParseFloat(strings.TrimSpace(value), 64)
		if err != nil || conf < 0 || conf > 1 {
			return nil, fmt.Errorf("%q: confidence must be from 0 to 1", part)
		}
		out[tier] = conf
	}
	return out, nil
}

// DBFlag registers --db on fs, bound to c.DB.
func (c *Config) DBFlag(fs *flag.FlagSet) {
	fs.StringVar(&c.DB, "db", c.DB, "database: a SQLite file or a postgres:// URL (env NEXTSEASON_DB)")
}

// AddrFlag registers --addr on fs, bound to c.Addr.
func (c *Config) AddrFlag(fs *flag.FlagSet) {
	fs.StringVar(&c.Addr, "addr", c.Addr, "address to listen on (env NEXTSEASON_ADDR)")
}

// TVmazeFlags registers the TVmaze settings on fs.
func (c *Config) TVmazeFlags(fs *flag.FlagSet) {
	fs.StringVar(&c.TVmazeURL, "tvmaze-url", c.TVmazeURL, "TVmaze API base URL (env NEXTSEASON_TVMAZE_URL)")
	fs.Float64Var(&c.TVmazeRate, "tvmaze-rate", c.TVmazeRate, "TVmaze calls per second, at most 2 (env NEXTSEASON_TVMAZE_RATE)")
	fs.StringVar(&c.TVmazeDetails, "tvmaze-details", c.TVmazeDetails, "fetch cast, seasons and episodes of: all, or followed shows (env NEXTSEASON_TVMAZE_DETAILS)")
}

// Validate checks the settings once, before anything uses them.
func (c Config) Validate() error {
	if c.TVmazeRate <= 0 || c.TVmazeRate > 2 {
		return fmt.Errorf("TVmaze rate %v: want more than 0 and at most 2 calls a second (TVmaze allows 20 calls in 10 s)", c.TVmazeRate)
	}
	if c.TVmazeDetails != "all" && c.TVmazeDetails != "followed" {
		return fmt.Errorf("TVmaze details %q: want all or followed", c.TVmazeDetails)
	}
	if c.DB == "" {
		return errors.New("--db is empty: give a SQLite file or a postgres:// URL")
	}
	if _, _, err := net.SplitHostPort(c.Addr); err != nil {
		return fmt.Errorf("--addr %q: want host:port, such as 127.0.0.1:8080", c.Addr)
	}
	return nil
}
