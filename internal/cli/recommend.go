package cli

import (
	"context"
	"fmt"
	"text/tabwriter"

	"github.com/nextseason/nextseason/internal/recommend"
)

func runRecommend(ctx context.Context, a *app, args []string) error {
	if len(args) > 0 && args[0] == "eval" {
		return recommendEval(a, args[1:])
	}
	fs := a.flags("recommend", "--user EMAIL [--limit N] [--complete-only] [--no-one-season-cancels] [--boost-renewed] [--json] | eval --movielens DIR [--json]")
	email := fs.String("user", "", "whom to recommend to")
	var o recommend.Options
	fs.IntVar(&o.Limit, "limit", 10, "how many shows")
	fs.BoolVar(&o.CompleteOnly, "complete-only", false, "only shows that ended as planned")
	fs.BoolVar(&o.NoOneSeasonCancels, "no-one-season-cancels", false, "leave out shows canceled after one season")
	fs.BoolVar(&o.BoostRenewed, "boost-renewed", false, "favour shows already renewed")
	asJSON := fs.Bool("json", false, "print JSON, as GET /api/v1/me/recommendations")
	if err := a.parse(fs, args); err != nil {
		return err
	}
	if *email == "" || o.Limit < 1 {
		fs.Usage()
		return errUsage
	}
	st, err := a.store(ctx, readSchema)
	if err != nil {
		return err
	}
	u, err := st.UserByEmail(ctx, *email)
	if err != nil {
		return err
	}
	recs, err := recommend.ForUser(ctx, &recommend.Service{Store: st, Now: a.env.Now}, st, u.ID, o)
	if err != nil {
		return err
	}
	if *asJSON {
		return printJSON(a.env.Stdout, recs)
	}
	if len(recs) == 0 {
		fmt.Fprintln(a.env.Stdout, "Nothing to recommend: follow a few shows, or loosen the filters.")
	}
	for n, r := range recs {
		fmt.Fprintf(a.env.Stdout, "%2d. %s (%s) — %s\n", n+1, r.Title, r.Slug, r.Fate)
		for _, why := range r.Reasons {
			fmt.Fprintf(a.env.Stdout, "      %s\n", why)
		}
	}
	return nil
}

// recommendEval runs the offline evaluation on MovieLens-format data.
func recommendEval(a *app, args []string) error {
	fs := a.flags("recommend eval", "--movielens DIR [--json]")
	dir := fs.String("movielens", "", "a MovieLens directory with ratings.csv (ml-latest) or ratings.dat (ml-1m)")
	asJSON := fs.Bool("json", false, `print {"models": {"popular": {...}, "itemknn": {...}, "als": {...}, "blend": {...}}, ...}`)
	if err := a.parse(fs, args); err != nil {
		return err
	}
	if *dir == "" {
		fs.Usage()
		return errUsage
	}
	d, err := recommend.ReadMovieLens(*dir)
	if err != nil {
		return err
	}
	o := recommend.DefaultOffline()
	o.Progress = func(what string) { a.log.Info("recommend eval", "step", what) }
	rep := o.Run(d.Matrix)
	if *asJSON {
		return printJSON(a.env.Stdout, rep)
	}
	fmt.Fprintf(a.env.Stdout, "%d users, %d items, %d interactions; %d users tested (80/20 per user, seed %d)\n\n",
		rep.Users, rep.Items, rep.Interactions, rep.TestUsers, o.Seed)
	tw := tabwriter.NewWriter(a.env.Stdout, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "model\tprecision@10\trecall@10\tndcg@10\tmap@10\tcoverage\ttrain s\t")
	for _, name := range []string{"popular", "itemknn", "als", "blend"} {
		m := rep.Models[name]
		fmt.Fprintf(tw, "%s\t%.4f\t%.4f\t%.4f\t%.4f\t%.4f\t%.2f\t\n", name, m.Precision, m.Recall, m.NDCG, m.MAP, m.Coverage, m.TrainSeconds)
	}
	tw.Flush()
	c := rep.Chosen
	fmt.Fprintf(a.env.Stdout, "\nchosen on validation: item-kNN %d neighbours; ALS %d factors, lambda %g, alpha %g, %d iterations; blend als %.1f, itemknn %.1f, popular %.1f\n",
		c.Neighbours, c.ALS.Factors, c.ALS.Lambda, c.ALS.Alpha, c.ALS.Iterations, c.Weights["als"], c.Weights["itemknn"], c.Weights["popular"])
	return nil
}
