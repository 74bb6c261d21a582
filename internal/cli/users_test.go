package cli_test

import (
	"bytes"
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
	withStdin := func(stdin string, args ...string) (int, string, string) {
		var out, errb bytes.Buffer
		code := cli.Run(t.Context(), append([]string{"--db", db}, args...), cli.Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb,
			Getenv: func(string) string { return "" }, Now: dbtest.Clock})
		return code, out.String(), errb.String()
	}
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
