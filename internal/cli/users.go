package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/nextseason/nextseason/internal/auth"
	"github.com/nextseason/nextseason/internal/model"
	"github.com/nextseason/nextseason/internal/store"
)

func runUsers(ctx context.Context, a *app, args []string) error {
	return a.subcommand(ctx, "users", "add|list|disable|enable|reset-password ...", args,
		map[string]func(context.Context, *app, []string) error{"add": usersAdd, "list": usersList,
			"disable": usersDisable(true), "enable": usersDisable(false), "reset-password": usersResetPassword})
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
		if hash, err = a.passwordFromStdin(); err != nil {
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

// passwordFromStdin reads a password from the first line of standard
// input and returns its hash.
func (a *app) passwordFromStdin() (string, error) {
	line, err := bufio.NewReader(a.env.Stdin).ReadString('\n')
	if err != nil && line == "" {
		return "", errors.New("--password-stdin: no password on standard input")
	}
	return auth.HashPassword(strings.TrimRight(line, "\r\n"))
}

// usersList prints every account: id, email, role, when it was made and
// whether it is disabled.
func usersList(ctx context.Context, a *app, args []string) error {
	fs := a.flags("users list", "")
	if err := a.noWords(fs, args); err != nil {
		return err
	}
	st, err := a.store(ctx, readSchema)
	if err != nil {
		return err
	}
	users, err := st.Users(ctx)
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(a.env.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tEMAIL\tROLE\tCREATED\tSTATE")
	for _, u := range users {
		state := "active"
		if !u.DisabledAt.IsZero() {
			state = "disabled " + u.DisabledAt.Format(time.DateTime)
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\n", u.ID, u.Email, u.Role, u.CreatedAt.Format(time.DateTime), state)
	}
	return tw.Flush()
}

// usersDisable disables an account (its sessions, tokens and feed links
// stop working at once, on every instance, and nothing new is sent to
// it) or enables it again.
func usersDisable(disable bool) func(context.Context, *app, []string) error {
	name := map[bool]string{true: "disable", false: "enable"}[disable]
	return func(ctx context.Context, a *app, args []string) error {
		fs := a.flags("users "+name, "EMAIL")
		email, err := a.oneWord(fs, args)
		if err != nil {
			return err
		}
		st, u, err := a.user(ctx, email, writeSchema)
		if err != nil {
			return err
		}
		if err := st.SetUserDisabled(ctx, u.ID, disable); err != nil {
			return err
		}
		if disable {
			fmt.Fprintf(a.env.Stdout, "User %d (%s) is disabled: signed out everywhere; API tokens and feed links refused.\n", u.ID, u.Email)
		} else {
			fmt.Fprintf(a.env.Stdout, "User %d (%s) is enabled.\n", u.ID, u.Email)
		}
		return nil
	}
}

// usersResetPassword sets an account's password from standard input and
// signs it out everywhere.
func usersResetPassword(ctx context.Context, a *app, args []string) error {
	fs := a.flags("users reset-password", "EMAIL --password-stdin")
	fromStdin := fs.Bool("password-stdin", false, "read the new password from the first line of standard input (required)")
	email, err := a.oneWord(fs, args)
	if err != nil {
		return err
	}
	if !*fromStdin {
		return errors.New("users reset-password: give the new password on standard input, with --password-stdin (never on the command line)")
	}
	hash, err := a.passwordFromStdin()
	if err != nil {
		return err
	}
	st, u, err := a.user(ctx, email, writeSchema)
	if err != nil {
		return err
	}
	if err := st.SetPassword(ctx, u.ID, hash); err != nil {
		return err
	}
	fmt.Fprintf(a.env.Stdout, "User %d (%s) has a new password and is signed out everywhere.\n", u.ID, u.Email)
	return nil
}

// user opens the database for use and finds the account of email.
func (a *app) user(ctx context.Context, email string, use schemaUse) (*store.Store, model.User, error) {
	st, err := a.store(ctx, use)
	if err != nil {
		return nil, model.User{}, err
	}
	u, err := st.UserByEmail(ctx, email)
	return st, u, err
}
