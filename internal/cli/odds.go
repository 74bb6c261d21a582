package cli

import (
	"context"
	"fmt"
	"time"

	"github.com/nextseason/nextseason/internal/odds"
)

func runOdds(ctx context.Context, a *app, args []string) error {
	return a.subcommand(ctx, "odds", "backtest|show ...", args,
		map[string]func(context.Context, *app, []string) error{"backtest": oddsBacktest, "show": oddsShow})
}

// backtestJSON is odds backtest --json.
type backtestJSON struct {
	TrainSeasons  int                `json:"train_seasons"`
	TestSeasons   int                `json:"test_seasons"`
	Cutoff        string             `json:"cutoff"`
	BaseRate      float64            `json:"base_rate"`
	Lambda        float64            `json:"lambda"`
	Trend         bool               `json:"trend"`
	HalfLife      float64            `json:"half_life_years"`
	Brier         float64            `json:"brier"`
	BrierBaseRate float64            `json:"brier_base_rate"`
	BrierRule     float64            `json:"brier_rule"`
	BrierSkill    float64            `json:"brier_skill"`
	BrierSkill95  [2]float64         `json:"brier_skill_95"`
	LogLoss       float64            `json:"log_loss"`
	LogLossBase   float64            `json:"log_loss_base_rate"`
	AUC           float64            `json:"auc"`
	AUC95         [2]float64         `json:"auc_95"`
	AUCRule       float64            `json:"auc_rule"`
	Calibration   []odds.Bin         `json:"calibration"`
	Weights       map[string]float64 `json:"weights"`
	OtherCutoffs  []cutoffJSON       `json:"other_cutoffs"`
}

// cutoffJSON is the same back-test with another share held out.
type cutoffJSON struct {
	TestShare    float64    `json:"test_share"`
	Cutoff       string     `json:"cutoff"`
	TrainSeasons int        `json:"train_seasons"`
	TestSeasons  int        `json:"test_seasons"`
	BrierSkill   float64    `json:"brier_skill"`
	BrierSkill95 [2]float64 `json:"brier_skill_95"`
	AUC          float64    `json:"auc"`
}

// otherShares are the held-out shares the back-test is repeated with, to
// show how much its figures depend on where the cut-off falls.
var otherShares = []float64{0.2, 0.4, 0.5}

// oddsBacktest trains on the seasons that first charted before a cut-off
// and scores the later 30%.
func oddsBacktest(ctx context.Context, a *app, args []string) error {
	fs := a.flags("odds backtest", "[--json]")
	asJSON := fs.Bool("json", false, `print {"test_seasons", "brier", "brier_base_rate", "auc", "calibration": [...], ...}`)
	if err := a.parse(fs, args); err != nil {
		return err
	}
	st, closeDB, err := a.openStore(ctx, false)
	if err != nil {
		return err
	}
	defer closeDB()
	ex, err := odds.Load(ctx, st)
	if err != nil {
		return err
	}
	bt := odds.RunBacktest(ex, 0.3)
	out := backtestJSON{TrainSeasons: bt.TrainSeasons, TestSeasons: bt.TestSeasons, Cutoff: bt.Cutoff.Format("2006-01-02"), BaseRate: bt.BaseRate,
		Lambda: bt.Lambda, Trend: bt.Trend, HalfLife: bt.HalfLife, Brier: bt.Scores.Brier, BrierBaseRate: bt.BaseScores.Brier, BrierRule: bt.RuleScores.Brier, BrierSkill: bt.BrierSkill, BrierSkill95: bt.SkillInterval,
		LogLoss: bt.Scores.LogLoss, LogLossBase: bt.BaseScores.LogLoss, AUC: bt.Scores.AUC, AUC95: bt.AUCInterval, AUCRule: bt.RuleScores.AUC,
		Calibration: bt.Scores.Calibration, Weights: map[string]float64{}}
	for j, n := range odds.FeatureNames {
		out.Weights[n] = bt.Model.Weights[j]
	}
	for _, share := range otherShares {
		o := odds.RunBacktest(ex, share)
		out.OtherCutoffs = append(out.OtherCutoffs, cutoffJSON{TestShare: share, Cutoff: o.Cutoff.Format(time.DateOnly), TrainSeasons: o.TrainSeasons,
			TestSeasons: o.TestSeasons, BrierSkill: o.BrierSkill, BrierSkill95: o.SkillInterval, AUC: o.Scores.AUC})
	}
	if *asJSON {
		return printJSON(a.env.Stdout, out)
	}
	w := a.env.Stdout
	weights := "all seasons weighed alike"
	if out.HalfLife > 0 {
		weights = fmt.Sprintf("seasons weighed by age, half-life %g year(s)", out.HalfLife)
	}
	fmt.Fprintf(w, "Trained on %d seasons that first charted before %s, tested on the %d after (base rate %.3f; chosen on the training seasons: lambda %g, trend %v, %s).\n\n",
		out.TrainSeasons, out.Cutoff, out.TestSeasons, out.BaseRate, out.Lambda, out.Trend, weights)
	fmt.Fprintf(w, "%-34s %7s %9s %6s\n", "", "Brier", "log loss", "AUC")
	fmt.Fprintf(w, "%-34s %7.4f %9.4f %6.3f\n", "model", out.Brier, out.LogLoss, out.AUC)
	fmt.Fprintf(w, "%-34s %7.4f %9.4f %6s\n", "base rate", out.BrierBaseRate, out.LogLossBase, "–")
	fmt.Fprintf(w, "%-34s %7.4f %9s %6.3f\n", "rule: 3+ weeks in the Top 10", out.BrierRule, "", out.AUCRule)
	fmt.Fprintf(w, "\nBrier skill against the base rate: %.3f (95%% bootstrap interval %.3f to %.3f)\n", out.BrierSkill, out.BrierSkill95[0], out.BrierSkill95[1])
	fmt.Fprintf(w, "AUC: %.3f (95%% bootstrap interval %.3f to %.3f)\n\nReliability (test seasons):\n", out.AUC, out.AUC95[0], out.AUC95[1])
	for _, b := range out.Calibration {
		fmt.Fprintf(w, "  %.1f–%.1f  %3d seasons  predicted %.2f  renewed %.2f\n", b.Low, b.High, b.Count, b.Predicted, b.Observed)
	}
	fmt.Fprintf(w, "\nThe same back-test with other cut-offs:\n")
	for _, o := range out.OtherCutoffs {
		fmt.Fprintf(w, "  latest %2.0f%% held out (from %s, %3d seasons): Brier skill %.3f (%.3f to %.3f), AUC %.3f\n",
			100*o.TestShare, o.Cutoff, o.TestSeasons, o.BrierSkill, o.BrierSkill95[0], o.BrierSkill95[1], o.AUC)
	}
	return nil
}

// oddsShow prints a season's renewal odds as known on a day.
func oddsShow(ctx context.Context, a *app, args []string) error {
	fs := a.flags("odds show", "TITLE [--season N] [--as-of YYYY-MM-DD] [--json]")
	season := fs.Int("season", 2, "the season in question: will there be season N (from how season N-1 did)")
	asOf := fs.String("as-of", "", "compute from the data up to this day (default today)")
	asJSON := fs.Bool("json", false, "print JSON")
	title, err := a.oneWord(fs, args)
	if err != nil {
		return err
	}
	day := a.env.Now().UTC()
	if *asOf != "" {
		if day, err = time.Parse(time.DateOnly, *asOf); err != nil {
			return fmt.Errorf("--as-of %q: want YYYY-MM-DD", *asOf)
		}
	}
	st, closeDB, err := a.openStore(ctx, false)
	if err != nil {
		return err
	}
	defer closeDB()
	e, err := odds.EstimateSeason(ctx, st, title, *season, day)
	if err != nil {
		return err
	}
	if *asJSON {
		return printJSON(a.env.Stdout, e)
	}
	fmt.Fprintf(a.env.Stdout, "%s season %d, as of %s: odds %.0f%%\nInputs: %s\nModel: %s, trained on %d seasons; back-test Brier %.3f, AUC %.3f\n%s\n",
		e.Title, e.Season, e.AsOf.Format(time.DateOnly), 100*e.Probability, e.Inputs, e.Model, e.TrainSeasons, e.BacktestBrier, e.BacktestAUC, e.Caveat)
	return nil
}
