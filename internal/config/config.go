// Package config holds nextseason's settings: defaults, then NEXTSEASON_*
// environment variables, then command-line flags. It is read once in the
// CLI and passed down.
package config

import (
	"errors"
	"flag"
	"fmt"
	"net"
	"strconv"
)

// Config is every setting nextseason has.
type Config struct {
	// DB is a SQLite file path or a postgres:// URL.
	DB string
	// Addr is the address the web server listens on.
	Addr string
	// Migrate lets serve apply pending migrations at start.
	Migrate bool
}

// Default database files and listen address.
const (
	DefaultDB     = "./nextseason.db"
	DefaultDemoDB = "./nextseason-demo.db"
	DefaultAddr   = "127.0.0.1:8080"
)

// FromEnv starts from the defaults and applies the environment.
func FromEnv(getenv func(string) string) (Config, error) {
	c := Config{DB: DefaultDB, Addr: DefaultAddr}
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
	return c, nil
}

// DBFlag registers --db on fs, bound to c.DB.
func (c *Config) DBFlag(fs *flag.FlagSet) {
	fs.StringVar(&c.DB, "db", c.DB, "database: a SQLite file or a postgres:// URL (env NEXTSEASON_DB)")
}

// AddrFlag registers --addr on fs, bound to c.Addr.
func (c *Config) AddrFlag(fs *flag.FlagSet) {
	fs.StringVar(&c.Addr, "addr", c.Addr, "address to listen on (env NEXTSEASON_ADDR)")
}

// Validate checks the settings once, before anything uses them.
func (c Config) Validate() error {
	if c.DB == "" {
		return errors.New("--db is empty: give a SQLite file or a postgres:// URL")
	}
	if _, _, err := net.SplitHostPort(c.Addr); err != nil {
		return fmt.Errorf("--addr %q: want host:port, such as 127.0.0.1:8080", c.Addr)
	}
	return nil
}
