package cli_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/nextseason/nextseason/internal/dbtest"
	"github.com/nextseason/nextseason/internal/sharedtest"
)

// TestOddsBacktestFromImports: after importing the global Top 10 and
// Wikipedia's lists, the back-test trains as of each cut-off on the
// outcomes known by then, counts where they came from, and sets the
// figures with every outcome treated as known beside them; before the
// lists were read it says there were too few. Importing the lists again
// changes nothing. Odds are then served from the fitted models: only
// while a decision is awaited, marked preliminary until four weeks are
// published, and a clear answer otherwise.
func TestOddsBacktestFromImports(t *testing.T) {
	top10 := sharedtest.Path(t, "netflix-top10/all-weeks-global.tsv")
	lists := []string{sharedtest.Path(t, "netflix-originals-wikipedia/ended_netflix_original_programming_merged.csv"),
		sharedtest.Path(t, "netflix-originals-wikipedia/current_netflix_original_programming_nf_ori_shows.csv")}
	db := dbtest.URL(t)
	mustRun(t, db, "migrate")
	if code, _, errs := run(t, db, "odds", "backtest"); code != 1 || !strings.Contains(errs, "import top10") {
		t.Errorf("a back-test on an empty database: exit %d, %q", code, errs)
	}
	mustRun(t, db, "import", "top10", top10)
	if code, _, _ := run(t, db, append([]string{"import", "netflix-originals"}, lists...)...); code != 2 {
		t.Errorf("without --listed: exit %d, want 2 (usage)", code)
	}
	first := mustRun(t, db, append([]string{"import", "netflix-originals", "--listed", "2023-11-06"}, lists...)...)
	again := mustRun(t, db, append([]string{"import", "netflix-originals", "--listed", "2023-11-06"}, lists...)...)
	if !strings.Contains(again, "(0 new,") {
		t.Errorf("second import: %q (first: %q)", again, first)
	}
	type report struct {
		Cutoff       string         `json:"cutoff"`
		TrainSeasons int            `json:"train_seasons"`
		TestSeasons  int            `json:"test_seasons"`
		LabelSources map[string]int `json:"label_sources"`
		BrierSkill   float64        `json:"brier_skill"`
		BrierSkill95 [2]float64     `json:"brier_skill_95"`
		AUC          float64        `json:"auc"`
		AUC95        [2]float64     `json:"auc_95"`
		Calibration  []struct {
			Count int `json:"count"`
		} `json:"calibration"`
		LookAhead *report `json:"look_ahead"`
		Error     string  `json:"error"`
	}
	var got []report
	out := mustRun(t, db, "odds", "backtest", "--json", "--cutoff", "2023-12-01,2023-06-01")
	if err := json.Unmarshal([]byte(out), &got); err != nil || len(got) != 2 {
		t.Fatalf("odds backtest --json: %v\n%s", err, out)
	}
	r := got[0]
	binned := 0
	for _, b := range r.Calibration {
		binned += b.Count
	}
	if r.Cutoff != "2023-12-01" || r.Error != "" || r.TrainSeasons < 150 || r.TestSeasons < 20 || binned != r.TestSeasons ||
		r.LabelSources["list of ended shows"] == 0 || r.LabelSources["next season charted"] == 0 {
		t.Errorf("back-test as of 2023-12-01: %+v", r)
	}
	if !(r.BrierSkill95[0] < r.BrierSkill && r.BrierSkill < r.BrierSkill95[1]) || !(r.AUC95[0] < r.AUC && r.AUC < r.AUC95[1]) {
		t.Errorf("the intervals do not hold the figures: %+v", r)
	}
	if r.LookAhead == nil || r.LookAhead.TrainSeasons <= r.TrainSeasons {
		t.Errorf("the look-ahead back-test: %+v", r.LookAhead)
	}
	if !strings.Contains(got[1].Error, "not enough decided seasons") {
		t.Errorf("as of 2023-06-01, before the lists were read: %+v", got[1])
	}

	// No model yet: odds say so; then the models are fitted.
	if code, _, errs := run(t, db, "odds", "show", "The Gentlemen", "--as-of", "2024-05-06"); code != 1 || !strings.Contains(errs, "odds fit") {
		t.Errorf("before any fit: exit %d, %q", code, errs)
	}
	if fit := mustRun(t, db, "odds", "fit"); !strings.HasPrefix(fit, "fitted ") {
		t.Errorf("odds fit: %q", fit)
	}
	type answer struct {
		Status  string `json:"status"`
		Decided string `json:"decided"`
		Odds    *struct {
			Probability  float64   `json:"probability"`
			Summary      string    `json:"summary"`
			Preliminary  bool      `json:"preliminary"`
			MissingWeeks []int     `json:"missing_weeks"`
			Hours        []float64 `json:"weekly_hours"`
			ModelCutoff  string    `json:"model_cutoff"`
		} `json:"odds"`
	}
	show := func(args ...string) answer {
		t.Helper()
		var a answer
		out := mustRun(t, db, append([]string{"odds", "show", "--json"}, args...)...)
		if err := json.Unmarshal([]byte(out), &a); err != nil {
			t.Fatalf("%v: %v\n%s", args, err, out)
		}
		return a
	}
	// The Gentlemen's first season charted from the week ending
	// 2024-03-10: two weeks published by 2024-03-20, four by May.
	early := show("The Gentlemen", "--season", "2", "--as-of", "2024-03-20")
	if early.Status != "awaiting_decision" || early.Odds == nil || !early.Odds.Preliminary || len(early.Odds.Hours) != 2 ||
		len(early.Odds.MissingWeeks) != 2 || !strings.Contains(early.Odds.Summary, "Preliminary: week 3 and 4") || !strings.HasPrefix(early.Odds.ModelCutoff, "2024-03-01") {
		t.Errorf("The Gentlemen as of 2024-03-20: %+v %+v", early, early.Odds)
	}
	later := show("The Gentlemen", "--season", "2", "--as-of", "2024-05-06")
	if later.Odds == nil || later.Odds.Preliminary || len(later.Odds.Hours) != 4 || !strings.HasPrefix(later.Odds.Summary, "Of ") {
		t.Errorf("The Gentlemen as of 2024-05-06: %+v %+v", later, later.Odds)
	}
	// Decided: the answer, not odds.
	if done := show("Partner Track", "--season", "2"); done.Odds != nil || done.Status != "canceled" || !strings.Contains(done.Decided, "list of ended shows") {
		t.Errorf("Partner Track season 2 today: %+v", done)
	}
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"Partner Track", "--season", "2", "--as-of", "2022-09-20"}, "not enough decided seasons"},
		{[]string{"The Gentlemen", "--season", "2", "--as-of", "2024-03-05"}, "not in the Netflix global Top 10"},
		{[]string{"Nope"}, "no show matches"},
	} {
		if code, _, errs := run(t, db, append([]string{"odds", "show"}, tt.args...)...); code != 1 || !strings.Contains(errs, tt.want) {
			t.Errorf("odds show %v: exit %d, %q; want %q", tt.args, code, errs, tt.want)
		}
	}
}

// TestImportEngagement: an engagement report imports
// once (again changes nothing), its rows link to the demo's shows (such
// as "Partner Track: Season 1"), and the titles the catalog lacks are
// counted; the workbook as published reads the same rows.
func TestImportEngagement(t *testing.T) {
	report := sharedtest.Path(t, "netflix-engagement-reports/engagement_2024H1_tv.csv")
	db := dbtest.URL(t)
	mustRun(t, db, "import", "demo")
	first := mustRun(t, db, "import", "engagement", report)
	if !strings.HasPrefix(first, "6801 report rows (") || strings.Contains(first, "(0 linked") {
		t.Errorf("first import: %q", first)
	}
	again := mustRun(t, db, "import", "engagement", "--unlinked", report)
	if !strings.Contains(again, ", 0 new or changed)") || !strings.Contains(again, "\n  not in the catalog: Bridgerton\n") {
		t.Errorf("second import: %.300q", again)
	}
	// The workbook as Netflix publishes it: its TV sheet is the CSV's rows,
	// unchanged; its Film sheet is new.
	xlsx := mustRun(t, db, "import", "engagement", sharedtest.Path(t, "netflix-engagement-reports/What_We_Watched_A_Netflix_Engagement_Report_2024Jan-Jun.xlsx"))
	if !strings.HasPrefix(xlsx, "16161 report rows (") || !strings.Contains(xlsx, ", 9360 new or changed)") {
		t.Errorf("xlsx: %q", xlsx)
	}
}
