package cli_test

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/nextseason/nextseason/internal/auth"
	"github.com/nextseason/nextseason/internal/cli"
	dbpkg "github.com/nextseason/nextseason/internal/db"
	"github.com/nextseason/nextseason/internal/dbtest"
	"github.com/nextseason/nextseason/internal/store"
)

func TestUsersAndTokens(t *testing.T) {
	db := dbtest.URL(t)
	withStdin := func(stdin string, args ...string) (int, string, string) { return runWithStdin(t, db, stdin, args...) }
	if code, out, errs := withStdin("a long enough password\n", "users", "add", "Admin@Example.com", "--role", "admin", "--password-stdin"); code != 0 || !strings.Contains(out, "admin@example.com, admin, with a password") {
		t.Fatalf("users add: %d %s %s", code, out, errs)
	}
	for _, bad := range []struct {
		stdin string
		args  []string
		why   string
	}{
		{"", []string{"users", "add", "admin@example.com"}, "conflict"},
		{"", []string{"users", "add", "ed@example.com", "--role", "owner"}, "owner"},
		{"short\n", []string{"users", "add", "ed@example.com", "--password-stdin"}, "characters"},
		{"", []string{"users", "add", "ed@example.com", "--password-stdin"}, "no password"},
		{"", []string{"users", "add", "not-an-email"}, "not an email"},
		{"", []string{"tokens", "add", "nobody@example.com"}, "not found"},
	} {
		if code, _, errs := withStdin(bad.stdin, bad.args...); code == 0 || !strings.Contains(errs, bad.why) {
			t.Errorf("%v: exit %d, %q; want the reason %q", bad.args, code, errs, bad.why)
		}
	}
	code, out, errs := withStdin("", "tokens", "add", "ADMIN@example.com")
	token := strings.TrimSpace(out)
	if code != 0 || !strings.HasPrefix(token, auth.TokenPrefix) || !strings.Contains(errs, "only this once") {
		t.Fatalf("tokens add: %d %q %q", code, out, errs)
	}

	// The token is stored hashed, and finds its user.
	d, err := dbpkg.Open(t.Context(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	st := store.New(d, dbtest.Clock)
	u, err := st.UserByToken(t.Context(), auth.HashToken(token))
	if err != nil || u.Email != "admin@example.com" {
		t.Errorf("the token's user: %+v, %v", u, err)
	}
	if _, err := st.UserByToken(t.Context(), token); err == nil {
		t.Error("the plain token is stored")
	}
	// Only the usersAdd test's users exist: failed commands saved nothing.
	if _, err := st.UserByEmail(t.Context(), "ed@example.com"); err == nil {
		t.Error("a refused users add saved a user")
	}
}

// TestOperatorCommands: an operator lists accounts, disables and enables
// one, resets its password from standard input, and lists and revokes
// its API tokens; each command says what it did, and a mistake (no such
// account or token, a password on the command line) changes nothing.
func TestOperatorCommands(t *testing.T) {
	db := dbtest.URL(t)
	withStdin := func(stdin string, args ...string) (int, string, string) { return runWithStdin(t, db, stdin, args...) }
	must := func(stdin string, args ...string) string {
		t.Helper()
		code, out, errs := withStdin(stdin, args...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errs)
		}
		return out
	}
	must("first password\n", "users", "add", "ann@example.com", "--password-stdin")
	must("", "users", "add", "ed@example.com", "--role", "editor")
	token := strings.TrimSpace(must("", "tokens", "add", "ann@example.com"))
	must("", "tokens", "add", "ed@example.com")

	if out := must("", "users", "list"); !regexp.MustCompile(`(?m)^1\s+ann@example\.com\s+viewer\s+\S+ \S+\s+active$`).MatchString(out) ||
		!regexp.MustCompile(`(?m)^2\s+ed@example\.com\s+editor\s+\S+ \S+\s+active$`).MatchString(out) {
		t.Errorf("users list:\n%s", out)
	}
	if out := must("", "users", "disable", "ANN@example.com"); !strings.Contains(out, "ann@example.com) is disabled") {
		t.Errorf("users disable: %s", out)
	}
	if out := must("", "users", "list"); !regexp.MustCompile(`(?m)^1\s+ann@example\.com\s+viewer\s+\S+ \S+\s+disabled \S+ \S+$`).MatchString(out) {
		t.Errorf("users list after disabling ann:\n%s", out)
	}

	d, err := dbpkg.Open(t.Context(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	st := store.New(d, dbtest.Clock)
	if _, err := st.UserByToken(t.Context(), auth.HashToken(token)); err == nil {
		t.Error("a disabled account's token finds it")
	}
	if _, _, err := st.UserForLogin(t.Context(), "ann@example.com"); err == nil {
		t.Error("a disabled account can sign in")
	}
	must("", "users", "enable", "ann@example.com")
	if _, err := st.UserByToken(t.Context(), auth.HashToken(token)); err != nil {
		t.Errorf("an enabled account's token: %v", err)
	}

	must("a second password\n", "users", "reset-password", "ann@example.com", "--password-stdin")
	_, hash, err := st.UserForLogin(t.Context(), "ann@example.com")
	if err != nil || auth.CheckPassword(hash, "a second password") != nil || auth.CheckPassword(hash, "first password") == nil {
		t.Errorf("after reset-password the stored hash does not match the new password only: %v", err)
	}

	out := must("", "tokens", "list")
	if !regexp.MustCompile(`(?m)^1\s+ann@example\.com\s+\S+ \S+\s+\S+ \S+$`).MatchString(out) || !regexp.MustCompile(`(?m)^2\s+ed@example\.com\s+\S+ \S+\s+never$`).MatchString(out) || strings.Contains(out, token) {
		t.Errorf("tokens list:\n%s", out)
	}
	if out := must("", "tokens", "list", "ed@example.com"); strings.Contains(out, "ann@") || !strings.Contains(out, "ed@example.com") {
		t.Errorf("tokens list ed@example.com:\n%s", out)
	}
	if out := must("", "tokens", "revoke", "1"); !strings.Contains(out, "Token 1 is revoked") {
		t.Errorf("tokens revoke: %s", out)
	}
	if _, err := st.UserByToken(t.Context(), auth.HashToken(token)); err == nil {
		t.Error("a revoked token still finds its user")
	}

	for _, bad := range []struct {
		stdin string
		args  []string
		why   string
	}{
		{"", []string{"users", "disable", "nobody@example.com"}, "not found"},
		{"", []string{"users", "reset-password", "ann@example.com"}, "--password-stdin"},
		{"", []string{"users", "reset-password", "ann@example.com", "--password-stdin"}, "no password"},
		{"short\n", []string{"users", "reset-password", "ann@example.com", "--password-stdin"}, "characters"},
		{"", []string{"users", "list", "extra"}, "Usage"},
		{"", []string{"tokens", "revoke", "1"}, "not found"},
		{"", []string{"tokens", "revoke", "one"}, "not a token id"},
		{"", []string{"tokens", "list", "nobody@example.com"}, "not found"},
	} {
		if code, _, errs := withStdin(bad.stdin, bad.args...); code == 0 || !strings.Contains(errs, bad.why) {
			t.Errorf("%v: exit %d, %q; want the reason %q", bad.args, code, errs, bad.why)
		}
	}
	if _, hash, _ := st.UserForLogin(t.Context(), "ann@example.com"); auth.CheckPassword(hash, "a second password") != nil {
		t.Error("a refused reset-password changed the password")
	}
}

// runWithStdin runs a command line with stdin as its standard input.
func runWithStdin(t *testing.T, db, stdin string, args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := cli.Run(t.Context(), append([]string{"--db", db}, args...), cli.Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb,
		Getenv: func(string) string { return "" }, Now: dbtest.Clock})
	return code, out.String(), errb.String()
}
