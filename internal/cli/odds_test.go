package cli_test

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/nextseason/nextseason/internal/dbtest"
)

const sharedData = "../../../shared/data/"

// TestOddsBacktestFromImports: after importing the global Top 10 and
// Wikipedia's lists, the back-test runs on what the database holds, and
// the model orders the later seasons better than chance and than the
// one-line rule, and beats the base rate's Brier score. Importing the
// lists again changes nothing.
func TestOddsBacktestFromImports(t *testing.T) {
	top10 := sharedData + "netflix-top10/all-weeks-global.tsv"
	lists := []string{sharedData + "netflix-originals-wikipedia/ended_netflix_original_programming_merged.csv",
		sharedData + "netflix-originals-wikipedia/current_netflix_original_programming_nf_ori_shows.csv"}
	if _, err := os.Stat(top10); err != nil {
		t.Skipf("shared data absent: %v", err)
	}
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
	var got struct {
		TestSeasons   int        `json:"test_seasons"`
		Brier         float64    `json:"brier"`
		BrierBaseRate float64    `json:"brier_base_rate"`
		AUC           float64    `json:"auc"`
		AUCRule       float64    `json:"auc_rule"`
		BrierSkill    float64    `json:"brier_skill"`
		BrierSkill95  [2]float64 `json:"brier_skill_95"`
		AUC95         [2]float64 `json:"auc_95"`
		Calibration   []struct {
			Count int `json:"count"`
		} `json:"calibration"`
		OtherCutoffs []struct {
			TestSeasons int `json:"test_seasons"`
		} `json:"other_cutoffs"`
	}
	out := mustRun(t, db, "odds", "backtest", "--json")
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("odds backtest --json: %v\n%s", err, out)
	}
	binned := 0
	for _, b := range got.Calibration {
		binned += b.Count
	}
	if got.TestSeasons < 50 || len(got.Calibration) != 10 || binned != got.TestSeasons || got.AUC < 0.70 || got.AUC <= got.AUCRule || got.Brier >= got.BrierBaseRate {
		t.Errorf("back-test: %+v", got)
	}
	// The intervals hold the figures; more held out, more test seasons.
	if !(got.BrierSkill95[0] < got.BrierSkill && got.BrierSkill < got.BrierSkill95[1]) || !(got.AUC95[0] < got.AUC && got.AUC < got.AUC95[1]) ||
		len(got.OtherCutoffs) != 3 || got.OtherCutoffs[0].TestSeasons >= got.TestSeasons || got.OtherCutoffs[2].TestSeasons <= got.TestSeasons {
		t.Errorf("intervals and other cut-offs: %+v", got)
	}

	// Partner Track season 2 as of 2022-09-20, from its first season's
	// weeks so far; as of a day before it charted, no odds.
	var est struct {
		Probability  float64   `json:"probability"`
		Inputs       string    `json:"inputs"`
		TrainSeasons int       `json:"train_seasons"`
		Hours        []float64 `json:"weekly_hours"`
	}
	out = mustRun(t, db, "odds", "show", "Partner Track", "--season", "2", "--as-of", "2022-09-20", "--json")
	if err := json.Unmarshal([]byte(out), &est); err != nil {
		t.Fatal(err)
	}
	if est.Inputs != "3 weeks in the Top 10, peak #4, 31.1M hours in week 2" || est.Probability <= 0 || est.Probability >= 1 || len(est.Hours) != 3 || est.TrainSeasons < 50 {
		t.Errorf("Partner Track season 2 as of 2022-09-20: %+v", est)
	}
	out = mustRun(t, db, "odds", "show", "Partner Track", "--as-of", "2022-09-05", "--json")
	if err := json.Unmarshal([]byte(out), &est); err != nil || !strings.HasPrefix(est.Inputs, "2 weeks in the Top 10") || len(est.Hours) != 2 {
		t.Errorf("as of 2022-09-05, only the weeks charted by then count: %+v", est)
	}
	if code, _, errs := run(t, db, "odds", "show", "Partner Track", "--as-of", "2022-08-01"); code != 1 || !strings.Contains(errs, "not in the Netflix global Top 10") {
		t.Errorf("before it charted: exit %d, %q", code, errs)
	}
}

// TestImportEngagement: an engagement report imports
// once (again changes nothing), its rows link to the demo's shows (such
// as "Partner Track: Season 1"), and the titles the catalog lacks are
// counted; the workbook as published reads the same rows.
func TestImportEngagement(t *testing.T) {
	report := sharedData + "netflix-engagement-reports/engagement_2024H1_tv.csv"
	if _, err := os.Stat(report); err != nil {
		t.Skipf("shared data absent: %v", err)
	}
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
	xlsx := mustRun(t, db, "import", "engagement", sharedData+"netflix-engagement-reports/What_We_Watched_A_Netflix_Engagement_Report_2024Jan-Jun.xlsx")
	if !strings.HasPrefix(xlsx, "16161 report rows (") || !strings.Contains(xlsx, ", 9360 new or changed)") {
		t.Errorf("xlsx: %q", xlsx)
	}
}
