package odds

import (
	"errors"
	"math"
	"os"
	"slices"
	"testing"
	"time"

	"github.com/nextseason/nextseason/internal/sharedtest"
	"github.com/nextseason/nextseason/internal/viewership"
)

// sharedData reads the shared Top 10 weeks and Wikipedia's lists, read
// on 2023-11-06.
func sharedData(t testing.TB) *Data {
	t.Helper()
	f, err := os.Open(sharedtest.Path(t, "netflix-top10/all-weeks-global.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	weeks, err := viewership.ParseTop10(f)
	if err != nil {
		t.Fatal(err)
	}
	listed := time.Date(2023, 11, 6, 0, 0, 0, 0, time.UTC)
	var originals []Original
	for _, name := range []string{"ended_netflix_original_programming_merged.csv", "current_netflix_original_programming_nf_ori_shows.csv"} {
		g, err := os.Open(sharedtest.Path(t, "netflix-originals-wikipedia/"+name))
		if err != nil {
			t.Fatal(err)
		}
		o, err := ParseOriginals(g)
		g.Close()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for i := range o {
			o[i].Listed = listed
		}
		originals = append(originals, o...)
	}
	return newData(weeks, originals)
}

// TestBacktestLearnsOnlyWhatWasKnown: as of each cut-off, every training
// season's outcome and four weeks were known by then, every test season
// charted after it, and the figures are reported with the sources of the
// labels. Before the lists were read, too few outcomes are dated to
// learn from, and the back-test says so.
func TestBacktestLearnsOnlyWhatWasKnown(t *testing.T) {
	d := sharedData(t)
	day := func(s string) time.Time { v, _ := time.Parse(time.DateOnly, s); return v }
	for _, cutoff := range []time.Time{day("2023-11-07"), day("2023-12-01")} {
		train := d.TrainingSet(cutoff)
		for _, e := range train {
			if e.Known.After(cutoff) || ready(e.First).After(cutoff) {
				t.Fatalf("as of %s the training set holds %s season %d, known %s, ready %s", cutoff.Format(time.DateOnly), e.Title, e.Season, e.Known.Format(time.DateOnly), ready(e.First).Format(time.DateOnly))
			}
		}
		bt, err := d.RunBacktest(cutoff)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("as of %s: train %d %v, test %d; Brier skill %.3f %v, AUC %.3f %v", cutoff.Format(time.DateOnly), bt.TrainSeasons, bt.Sources, bt.TestSeasons, bt.BrierSkill, bt.SkillInterval, bt.Scores.AUC, bt.AUCInterval)
		total := 0
		for _, n := range bt.Sources {
			total += n
		}
		if bt.TrainSeasons != len(train) || total != len(train) || bt.Sources[SourceListEnded] == 0 || bt.Sources[SourceNextCharted] == 0 {
			t.Errorf("as of %s: %d training seasons, sources %v", cutoff.Format(time.DateOnly), bt.TrainSeasons, bt.Sources)
		}
		for _, e := range d.testSet(cutoff) {
			if !e.First.After(cutoff) {
				t.Errorf("test season %s %d charted %s, before the cut-off", e.Title, e.Season, e.First.Format(time.DateOnly))
			}
		}
		la, err := d.RunLookAhead(cutoff)
		if err != nil {
			t.Fatal(err)
		}
		if la.TrainSeasons <= bt.TrainSeasons {
			t.Errorf("as of %s the look-ahead learns from %d seasons, the dated %d: the lists' later outcomes should add some", cutoff.Format(time.DateOnly), la.TrainSeasons, bt.TrainSeasons)
		}
	}
	if _, err := d.RunBacktest(day("2023-06-01")); !errors.Is(err, ErrTooFew) {
		t.Errorf("as of 2023-06-01, before the lists were read: %v, want too few decided seasons", err)
	}
}

// TestLogisticAndScores: the regression learns a clear signal, and the
// scores are right on cases worked by hand.
func TestLogisticAndScores(t *testing.T) {
	var x [][]float64
	var y []float64
	for i := range 200 {
		v := float64(i%20) - 9.5
		x = append(x, []float64{v, float64(i % 3)})
		if v > 0 {
			y = append(y, 1)
		} else {
			y = append(y, 0)
		}
	}
	m := FitLogistic(x, y, nil, 0.1)
	if p := m.Predict([]float64{8, 1}); p < 0.95 {
		t.Errorf("p(high) = %.3f", p)
	}
	if p := m.Predict([]float64{-8, 1}); p > 0.05 {
		t.Errorf("p(low) = %.3f", p)
	}
	s := Score([]float64{0.9, 0.8, 0.3, 0.1}, []bool{true, false, true, false})
	// Brier: (0.01 + 0.64 + 0.49 + 0.01) / 4; AUC: of the 4 pairs
	// (renewed, not), 3 are ordered right.
	if math.Abs(s.Brier-0.2875) > 1e-9 || math.Abs(s.AUC-0.75) > 1e-9 || s.Calibration[9].Count != 1 || s.Calibration[8].Count != 1 {
		t.Errorf("scores %+v", s)
	}
}

// TestCatalogSettlesWhatTheListsCannot: a running show's last season,
// too recent for the two-year rule, is left out, unless the catalog and
// claims say what became of it, from the day they say it.
func TestCatalogSettlesWhatTheListsCannot(t *testing.T) {
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	seasons := []Season{
		{Title: "Early Bird", Key: "early bird", Season: 1, First: day("2021-07-04"), Rank: [4]int{3}}, // the chart's first week
		{Title: "Harbor Lights", Key: "harbor lights", Season: 1, First: day("2023-03-05"), Rank: [4]int{2, 4}, Hours: [4]float64{2e7, 1e7}},
		{Title: "Late Show", Key: "late show", Season: 1, First: day("2024-01-07"), Rank: [4]int{5}},
	}
	ev := Evidence{Originals: []Original{{Title: "Harbor Lights", Premiere: day("2023-03-01"), Seasons: 1}}, Listed: day("2023-11-06")}
	if got := Examples(seasons, ev, time.Time{}); len(got) != 0 {
		t.Errorf("without the catalog: %+v", got)
	}
	canceled := day("2023-05-02")
	ev.Known = func(key string, season int, asOf time.Time) (bool, time.Time, bool) {
		if key != "harbor lights" || season != 1 || !asOf.IsZero() && asOf.Before(canceled) {
			return false, time.Time{}, false
		}
		return false, canceled, true
	}
	got := Examples(seasons, ev, time.Time{})
	if len(got) != 1 || got[0].Title != "Harbor Lights" || got[0].Renewed || got[0].Weeks != 2 || got[0].Source != SourceClaims || !got[0].Known.Equal(canceled) {
		t.Errorf("with the catalog: %+v", got)
	}
	if got := Examples(seasons, ev, canceled.AddDate(0, 0, -1)); len(got) != 0 {
		t.Errorf("the day before the claim: %+v", got)
	}
}

// TestBootstrapIntervals: perfect forecasts have skill 1 and AUC 1 on
// every draw, the base rate itself has skill 0, and a noisy forecast's
// interval holds its own figures.
func TestBootstrapIntervals(t *testing.T) {
	y := []bool{true, false, true, false, false, true, false, false}
	perfect := []float64{1, 0, 1, 0, 0, 1, 0, 0}
	base := []float64{0.4, 0.4, 0.4, 0.4, 0.4, 0.4, 0.4, 0.4}
	if skill, area := bootstrap(perfect, base, y); skill != [2]float64{1, 1} || area != [2]float64{1, 1} {
		t.Errorf("perfect: skill %v, AUC %v", skill, area)
	}
	if skill, _ := bootstrap(base, base, y); skill != [2]float64{0, 0} {
		t.Errorf("base rate against itself: skill %v", skill)
	}
	noisy := []float64{0.7, 0.5, 0.4, 0.2, 0.6, 0.8, 0.1, 0.3}
	skill, area := bootstrap(noisy, base, y)
	s := Score(noisy, y)
	point := 1 - s.Brier/Score(base, y).Brier
	if !(skill[0] < point && point < skill[1]) || !(area[0] < s.AUC && s.AUC <= area[1]) {
		t.Errorf("noisy: skill %.3f in %v, AUC %.3f in %v", point, skill, s.AUC, area)
	}
	if again, _ := bootstrap(noisy, base, y); again != skill {
		t.Errorf("not repeatable: %v then %v", skill, again)
	}
}

// TestRowWeights: a row weighed twice fits as two copies of it, a row
// weighed 0 as no row; and with a one-year half-life, seasons of the
// last year outweigh older ones that say the opposite.
func TestRowWeights(t *testing.T) {
	x := [][]float64{{1}, {2}, {3}, {4}, {5}, {2.5}}
	y := []float64{0, 0, 1, 0, 1, 1}
	twice := FitLogistic(x, y, []float64{1, 1, 1, 1, 2, 1}, 0.1)
	copied := FitLogistic(append(slices.Clone(x), []float64{5}), append(slices.Clone(y), 1), nil, 0.1)
	if math.Abs(twice.Predict([]float64{3})-copied.Predict([]float64{3})) > 1e-6 {
		t.Errorf("weight 2: %.6f, a copy: %.6f", twice.Predict([]float64{3}), copied.Predict([]float64{3}))
	}
	none := FitLogistic(x, y, []float64{1, 1, 1, 1, 1, 0}, 0.1)
	without := FitLogistic(x[:5], y[:5], nil, 0.1)
	if math.Abs(none.Predict([]float64{3})-without.Predict([]float64{3})) > 1e-6 {
		t.Errorf("weight 0: %.6f, left out: %.6f", none.Predict([]float64{3}), without.Predict([]float64{3}))
	}

	// Two years of seasons where many weeks meant renewal, then a year
	// where they meant the opposite.
	start := time.Date(2021, 7, 4, 0, 0, 0, 0, time.UTC)
	var ex []Example
	for i := range 160 {
		weeks := float64(i%4 + 1)
		renewed := weeks >= 3
		if i >= 100 {
			renewed = !renewed
		}
		f := make([]float64, len(FeatureNames))
		f[0] = weeks
		ex = append(ex, Example{First: start.AddDate(0, 0, 7*i), Features: f, Renewed: renewed})
	}
	many := slices.Clone(ex[0].Features)
	many[0] = 4
	if flat, recent := fit(ex, Settings{Lambda: 1}), fit(ex, Settings{Lambda: 1, HalfLife: 1}); !(flat.Predict(many) > 0.5 && recent.Predict(many) < 0.5) {
		t.Errorf("four weeks: all alike %.2f, by age %.2f", flat.Predict(many), recent.Predict(many))
	}
}
