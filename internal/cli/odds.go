package cli

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/nextseason/nextseason/internal/answer"
	"github.com/nextseason/nextseason/internal/odds"
)

func runOdds(ctx context.Context, a *app, args []string) error {
	return a.subcommand(ctx, "odds", "backtest|fit|show ...", args,
		map[string]func(context.Context, *app, []string) error{"backtest": oddsBacktest, "fit": oddsFit, "show": oddsShow})
}

// backtestJSON is one cut-off of odds backtest --json.
type backtestJSON struct {
	Cutoff        string             `json:"cutoff"`
	TrainSeasons  int                `json:"train_seasons"`
	TestSeasons   int                `json:"test_seasons"`
	LabelSources  map[string]int     `json:"label_sources"`
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
	Calibration   []odds.Bin         `json:"calibration,omitempty"`
	Weights       map[string]float64 `json:"weights,omitempty"`
	// LookAhead is the same cut-off with every outcome treated as known
	// on it: the gap is what dating the labels costs, or hides.
	LookAhead *backtestJSON `json:"look_ahead,omitempty"`
	Error     string        `json:"error,omitempty"`
}

// backtestCutoffs are the days the back-test is run as of: the first of
// the month after the Wikipedia lists were read (2023-11-06), so that
// their rows are known; the day after they were read and a month later,
// to show how much the figures owe to the day; and one before, when too
// few outcomes were dated to learn from. Later cut-offs leave too few
// test seasons: those of the chart's last two years cannot have both
// outcomes known.
var backtestCutoffs = []string{"2023-12-01", "2023-11-07", "2024-01-01", "2023-06-01"}

// oddsBacktest trains as of each cut-off on the outcomes known that day
// and scores the seasons that charted after it.
func oddsBacktest(ctx context.Context, a *app, args []string) error {
	fs := a.flags("odds backtest", "[--cutoff YYYY-MM-DD,...] [--json]")
	asJSON := fs.Bool("json", false, `print [{"cutoff", "train_seasons", "test_seasons", "label_sources", "brier_skill", "auc", ..., "look_ahead": {...}}, ...]`)
	cutoffs := fs.String("cutoff", strings.Join(backtestCutoffs, ","), "the days to back-test as of, the first one in full")
	if err := a.parse(fs, args); err != nil {
		return err
	}
	var days []time.Time
	for _, c := range strings.Split(*cutoffs, ",") {
		d, err := time.Parse(time.DateOnly, strings.TrimSpace(c))
		if err != nil {
			return fmt.Errorf("--cutoff %q: want YYYY-MM-DD", c)
		}
		days = append(days, d)
	}
	st, err := a.store(ctx, readSchema)
	if err != nil {
		return err
	}
	d, err := odds.Load(ctx, st)
	if err != nil {
		return err
	}
	var out []backtestJSON
	for i, day := range days {
		bt, err := d.RunBacktest(day)
		r := backtestReport(day, bt, err, i == 0)
		la, err := d.RunLookAhead(day)
		r.LookAhead = new(backtestReport(day, la, err, false))
		out = append(out, r)
	}
	if *asJSON {
		return printJSON(a.env.Stdout, out)
	}
	printBacktest(a.env.Stdout, out)
	return nil
}

func backtestReport(day time.Time, bt odds.Backtest, err error, full bool) backtestJSON {
	r := backtestJSON{Cutoff: day.Format(time.DateOnly)}
	if err != nil {
		r.Error = err.Error()
		return r
	}
	r = backtestJSON{Cutoff: r.Cutoff, TrainSeasons: bt.TrainSeasons, TestSeasons: bt.TestSeasons, LabelSources: map[string]int{}, BaseRate: bt.BaseRate,
		Lambda: bt.Lambda, Trend: bt.Trend, HalfLife: bt.HalfLife, Brier: bt.Scores.Brier, BrierBaseRate: bt.BaseScores.Brier, BrierRule: bt.RuleScores.Brier,
		BrierSkill: bt.BrierSkill, BrierSkill95: bt.SkillInterval, LogLoss: bt.Scores.LogLoss, LogLossBase: bt.BaseScores.LogLoss,
		AUC: bt.Scores.AUC, AUC95: bt.AUCInterval, AUCRule: bt.RuleScores.AUC}
	for s, n := range bt.Sources {
		r.LabelSources[string(s)] = n
	}
	if full {
		r.Calibration, r.Weights = bt.Scores.Calibration, map[string]float64{}
		for j, n := range odds.FeatureNames {
			r.Weights[n] = bt.Model.Weights[j]
		}
	}
	return r
}

func printBacktest(w io.Writer, out []backtestJSON) {
	for i, r := range out {
		if r.Error != "" {
			fmt.Fprintf(w, "As of %s: %s\n\n", r.Cutoff, r.Error)
			continue
		}
		fmt.Fprintf(w, "As of %s: trained on the %d seasons decided by then (base rate %.3f), tested on the %d that first charted after it.\n", r.Cutoff, r.TrainSeasons, r.BaseRate, r.TestSeasons)
		var sources []string
		for s, n := range r.LabelSources {
			sources = append(sources, fmt.Sprintf("%s %d", s, n))
		}
		sort.Strings(sources)
		fmt.Fprintf(w, "  What the training outcomes rest on: %s.\n", strings.Join(sources, ", "))
		fmt.Fprintf(w, "  Brier skill against the base rate %.3f (95%% bootstrap %.3f to %.3f); AUC %.3f (%.3f to %.3f); rule \"3+ weeks\" AUC %.3f.\n",
			r.BrierSkill, r.BrierSkill95[0], r.BrierSkill95[1], r.AUC, r.AUC95[0], r.AUC95[1], r.AUCRule)
		if la := r.LookAhead; la != nil && la.Error == "" {
			fmt.Fprintf(w, "  With every outcome treated as known that day (look-ahead): %d training seasons, Brier skill %.3f, AUC %.3f.\n", la.TrainSeasons, la.BrierSkill, la.AUC)
		}
		if i == 0 && len(r.Calibration) > 0 {
			fmt.Fprintf(w, "  Reliability (test seasons):\n")
			for _, b := range r.Calibration {
				fmt.Fprintf(w, "    %.1f–%.1f  %3d seasons  predicted %.2f  renewed %.2f\n", b.Low, b.High, b.Count, b.Predicted, b.Observed)
			}
		}
		fmt.Fprintln(w)
	}
}

// oddsFit fits and stores the models the odds are served from: as of
// the first of every month and of today (what serve's hourly job does).
func oddsFit(ctx context.Context, a *app, args []string) error {
	fs := a.flags("odds fit", "[--all]")
	all := fs.Bool("all", false, "refit every cut-off, not only those without a model")
	if err := a.parse(fs, args); err != nil {
		return err
	}
	st, err := a.store(ctx, readSchema)
	if err != nil {
		return err
	}
	r, err := odds.FitStored(ctx, st, a.env.Now(), *all)
	if err != nil {
		return err
	}
	fmt.Fprintf(a.env.Stdout, "fitted %d models in %s (%d kept, %d cut-offs with too few decided seasons)\n", r.Fitted, r.Took.Round(time.Millisecond), r.Kept, r.TooFew)
	return nil
}

// oddsShow answers whether a season will come, as known on a day: the
// decision if it was made, else the odds.
func oddsShow(ctx context.Context, a *app, args []string) error {
	fs := a.flags("odds show", "TITLE [--season N] [--as-of YYYY-MM-DD] [--json]")
	season := fs.Int("season", 2, "the season in question: will there be season N (from how season N-1 did)")
	asOf := fs.String("as-of", "", "answer as known on this day (default today)")
	asJSON := fs.Bool("json", false, "print JSON")
	title, err := a.oneWord(fs, args)
	if err != nil {
		return err
	}
	st, err := a.store(ctx, readSchema)
	if err != nil {
		return err
	}
	svc := &odds.Service{Store: st}
	ans, err := answer.Odds(ctx, st, svc, answer.Request{Show: title, Season: fmt.Sprint(*season), AsOf: *asOf}, a.env.Now())
	if err != nil {
		return err
	}
	if *asJSON {
		return printJSON(a.env.Stdout, ans)
	}
	w := a.env.Stdout
	if ans.Odds == nil {
		fmt.Fprintf(w, "%s season %d, as of %s: decided — %s. Odds are given only while the decision is awaited.\n", ans.Show, ans.Season, ans.AsOf, ans.Decided)
		return nil
	}
	e := ans.Odds
	fmt.Fprintf(w, "%s season %d, as of %s: renewal odds %.0f%%%s\n%s\n", ans.Show, ans.Season, ans.AsOf, 100*e.Probability,
		map[bool]string{true: " (preliminary)", false: ""}[e.Preliminary], e.Summary)
	fmt.Fprintf(w, "What season %d did: %s.\n", ans.Season-1, e.Inputs)
	fmt.Fprintf(w, "For those who want them: model %s fitted as of %s on %d seasons; checked on its latest seasons, Brier skill %.2f, AUC %.2f.\n%s\n",
		e.Model, e.ModelCutoff.Format(time.DateOnly), e.TrainSeasons, e.Check.BrierSkill, e.Check.AUC, e.Caveat)
	return nil
}
