package cli

import (
	"context"
	"fmt"
	"strconv"
	"text/tabwriter"
	"time"

	"github.com/nextseason/nextseason/internal/auth"
)

func runTokens(ctx context.Context, a *app, args []string) error {
	return a.subcommand(ctx, "tokens", "add EMAIL | list [EMAIL] | revoke ID", args,
		map[string]func(context.Context, *app, []string) error{"add": tokensAdd, "list": tokensList, "revoke": tokensRevoke})
}

// tokensList prints the API tokens of one account, or of all: id, owner,
// when made and last used (to the minute). The tokens themselves are not
// kept, so they cannot be shown.
func tokensList(ctx context.Context, a *app, args []string) error {
	fs := a.flags("tokens list", "[EMAIL]")
	words, err := a.parseWords(fs, args)
	if err != nil {
		return err
	}
	if len(words) > 1 {
		fs.Usage()
		return errUsage
	}
	st, err := a.store(ctx, readSchema)
	if err != nil {
		return err
	}
	var userID int64
	if len(words) == 1 {
		u, err := st.UserByEmail(ctx, words[0])
		if err != nil {
			return err
		}
		userID = u.ID
	}
	tokens, err := st.Tokens(ctx, userID)
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(a.env.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tEMAIL\tCREATED\tLAST USED")
	for _, t := range tokens {
		last := "never"
		if !t.LastUsed.IsZero() {
			last = t.LastUsed.Format(time.DateTime)
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\n", t.ID, t.Email, t.CreatedAt.Format(time.DateTime), last)
	}
	return tw.Flush()
}

// tokensRevoke deletes an API token by the id tokens list shows.
func tokensRevoke(ctx context.Context, a *app, args []string) error {
	fs := a.flags("tokens revoke", "ID")
	word, err := a.oneWord(fs, args)
	if err != nil {
		return err
	}
	id, err := strconv.ParseInt(word, 10, 64)
	if err != nil || id <= 0 {
		return fmt.Errorf("tokens revoke: %q is not a token id (see tokens list)", word)
	}
	st, err := a.store(ctx, writeSchema)
	if err != nil {
		return err
	}
	if err := st.RevokeToken(ctx, id); err != nil {
		return err
	}
	fmt.Fprintf(a.env.Stdout, "Token %d is revoked.\n", id)
	return nil
}

// tokensAdd makes an API token for a user and prints it, once: only its
// hash is stored.
func tokensAdd(ctx context.Context, a *app, args []string) error {
	fs := a.flags("tokens add", "EMAIL")
	email, err := a.oneWord(fs, args)
	if err != nil {
		return err
	}
	st, u, err := a.user(ctx, email, writeSchema)
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
