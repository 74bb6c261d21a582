package cli

import (
	"context"
	"fmt"

	"github.com/nextseason/nextseason/internal/auth"
)

func runTokens(ctx context.Context, a *app, args []string) error {
	return a.subcommand(ctx, "tokens", "add EMAIL", args,
		map[string]func(context.Context, *app, []string) error{"add": tokensAdd})
}

// tokensAdd makes an API token for a user and prints it, once: only its
// hash is stored.
func tokensAdd(ctx context.Context, a *app, args []string) error {
	fs := a.flags("tokens add", "EMAIL")
	email, err := a.oneWord(fs, args)
	if err != nil {
		return err
	}
	st, err := a.store(ctx, writeSchema)
	if err != nil {
		return err
	}
	u, err := st.UserByEmail(ctx, email)
	if err != nil {
		return err
	}
	token, hash := auth.NewToken()
	if err := st.AddToken(ctx, u.ID, hash); err != nil {
		return err
	}
	fmt.Fprintf(a.env.Stdout, "%s\n", token)
	fmt.Fprintf(a.env.Stderr, "API token for %s (%s). It is shown only this once; send it as Authorization: Bearer TOKEN.\n", u.Email, u.Role)
	return nil
}
