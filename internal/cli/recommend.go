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
	fs := a.flags("recommend", "eval --movielens DIR [--json]")
	fs.Usage()
	return errUsage
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
