package config

import (
	"flag"
	"testing"
)

func TestPrecedence(t *testing.T) {
	env := map[string]string{"NEXTSEASON_DB": "env.db", "NEXTSEASON_ADDR": "127.0.0.1:9000"}
	c, err := FromEnv(func(k string) string { return env[k] })
	if err != nil {
		t.Fatal(err)
	}
	if c.DB != "env.db" || c.Addr != "127.0.0.1:9000" {
		t.Errorf("environment not applied: %+v", c)
	}
	fs := flag.NewFlagSet("x", flag.ContinueOnError)
	c.DBFlag(fs)
	c.AddrFlag(fs)
	if err := fs.Parse([]string{"--db", "flag.db"}); err != nil {
		t.Fatal(err)
	}
	if c.DB != "flag.db" || c.Addr != "127.0.0.1:9000" {
		t.Errorf("flags should win over the environment, which wins over defaults: %+v", c)
	}
	if d, _ := FromEnv(func(string) string { return "" }); d.DB != DefaultDB || d.Addr != DefaultAddr {
		t.Errorf("defaults %+v", d)
	}
}

func TestValidate(t *testing.T) {
	if err := (Config{DB: "x.db", Addr: "nonsense"}).Validate(); err == nil {
		t.Error("an address without a port should be refused")
	}
	if err := (Config{Addr: DefaultAddr}).Validate(); err == nil {
		t.Error("an empty database should be refused")
	}
	if _, err := FromEnv(func(k string) string { return map[string]string{"NEXTSEASON_MIGRATE": "perhaps"}[k] }); err == nil {
		t.Error("NEXTSEASON_MIGRATE=perhaps should be refused")
	}
}

func TestAutoAccept(t *testing.T) {
	aa, err := ParseAutoAccept("official=0.8, trade=0.95")
	if err != nil || aa["official"] != 0.8 || aa["trade"] != 0.95 || len(aa) != 2 {
		t.Errorf("ParseAutoAccept = %v, %v", aa, err)
	}
	// A tier alone takes the default probability, the one extract eval
	// states the cost of.
	if aa, err := ParseAutoAccept("official"); err != nil || aa["official"] != 0.9 || len(aa) != 1 {
		t.Errorf("ParseAutoAccept(official) = %v, %v; want official at 0.9", aa, err)
	}
	for _, bad := range []string{"gossip", "gossip=0.5", "trade=2", "trade=high", "=0.5"} {
		if _, err := ParseAutoAccept(bad); err == nil {
			t.Errorf("ParseAutoAccept(%q) accepted", bad)
		}
	}
}
