package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/nextseason/nextseason/internal/auth"
	"github.com/nextseason/nextseason/internal/model"
)

func runUsers(ctx context.Context, a *app, args []string) error {
	return a.subcommand(ctx, "users", "add EMAIL [--role viewer|editor|admin] [--password-stdin]", args,
		map[string]func(context.Context, *app, []string) error{"add": usersAdd})
}

// usersAdd creates an account; the first admin is made this way. The
// password is read from standard input, never from the command line,
// where other users of the machine could see it.
func usersAdd(ctx context.Context, a *app, args []string) error {
	fs := a.flags("users add", "EMAIL [--role viewer|editor|admin] [--password-stdin]")
	roleName := fs.String("role", "viewer", "what the user may do")
	fromStdin := fs.Bool("password-stdin", false, "read the password from the first line of standard input")
	email, err := a.oneWord(fs, args)
	if err != nil {
		return err
	}
	role, err := model.ParseRole(*roleName)
	if err != nil {
		return err
	}
	if !strings.Contains(email, "@") || strings.ContainsAny(email, " \t\r\n") {
		return fmt.Errorf("%q is not an email address", email)
	}
	var hash string
	if *fromStdin {
		line, err := bufio.NewReader(a.env.Stdin).ReadString('\n')
		if err != nil && line == "" {
			return errors.New("--password-stdin: no password on standard input")
		}
		if hash, err = auth.HashPassword(strings.TrimRight(line, "\r\n")); err != nil {
			return err
		}
	}
	st, err := a.store(ctx, writeSchema)
	if err != nil {
		return err
	}
	u, err := st.AddUser(ctx, email, role, hash)
	if err != nil {
		return err
	}
	how := "no password (API tokens only)"
	if hash != "" {
		how = "a password"
	}
	fmt.Fprintf(a.env.Stdout, "User %d: %s, %s, with %s.\n", u.ID, u.Email, u.Role, how)
	return nil
}
