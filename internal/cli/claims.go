package cli

import (
	"context"
	"fmt"
	"strconv"

	"github.com/nextseason/nextseason/internal/facts"
	"github.com/nextseason/nextseason/internal/model"
	"github.com/nextseason/nextseason/internal/review"
)

func runClaims(ctx context.Context, a *app, args []string) error {
	return a.subcommand(ctx, "claims", "review | accept ID [--show SLUG] [--as NAME] | reject ID [--as NAME]", args,
		map[string]func(context.Context, *app, []string) error{
			"review": claimsReview,
			"accept": func(ctx context.Context, a *app, args []string) error { return claimsDecide(ctx, a, "accept", args) },
			"reject": func(ctx context.Context, a *app, args []string) error { return claimsDecide(ctx, a, "reject", args) },
		})
}

func claimsReview(ctx context.Context, a *app, args []string) error {
	fs := a.flags("claims review", "[--limit N]")
	limit := fs.Int("limit", 50, "how many claims to list")
	if err := a.parse(fs, args); err != nil {
		return err
	}
	st, err := a.store(ctx, readSchema)
	if err != nil {
		return err
	}
	queue, err := st.ClaimsInState(ctx, model.StateProposed, *limit)
	if err != nil {
		return err
	}
	if len(queue) == 0 {
		fmt.Fprintln(a.env.Stdout, "Nothing to review.")
	}
	for _, c := range queue {
		fmt.Fprintf(a.env.Stdout, "#%d  %s: %s  (confidence %.2f, rule %s)\n     “%s”\n     %s — %s, %s (%s)\n",
			c.ID, c.ShowTitle, facts.Summarize(c.Claim), c.Confidence, c.Rule, c.Quote, c.Source.Publisher, c.Source.URL, c.StatedAt, c.Source.Tier)
	}
	return nil
}

func claimsDecide(ctx context.Context, a *app, verb string, args []string) error {
	fs := a.flags("claims "+verb, "ID [--show SLUG] [--as EMAIL]")
	show := fs.String("show", "", "with accept: link the claim to this show instead (slug or title)")
	who := fs.String("as", "", "the editor account the decision is recorded under (default: none, recorded as the command line)")
	word, err := a.oneWord(fs, args)
	if err != nil {
		return err
	}
	id, err := strconv.ParseInt(word, 10, 64)
	if err != nil {
		return fmt.Errorf("claim id %q: want a number (see claims review)", word)
	}
	st, err := a.store(ctx, readSchema)
	if err != nil {
		return err
	}
	by := model.Reviewer{Name: "command line"}
	if *who != "" {
		u, err := st.UserByEmail(ctx, *who)
		if err != nil {
			return fmt.Errorf("--as %s: %w", *who, err)
		}
		if !u.Role.CanEdit() {
			return fmt.Errorf("--as %s: a %s cannot decide on claims; make them an editor (users add %s --role editor)", *who, u.Role, *who)
		}
		by = model.Reviewer{UserID: u.ID, Name: u.Email}
	}
	var c model.Claim
	if verb == "accept" {
		c, err = review.Accept(ctx, st, id, *show, by)
	} else {
		c, err = review.Reject(ctx, st, id, by)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(a.env.Stdout, "Claim #%d %s: %s\n", c.ID, c.State, facts.Summarize(c))
	return nil
}
