package odds

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"
)

// Example is one season with its features and what became of it.
type Example struct {
	Title    string
	Key      string // the title, normalised
	Season   int
	First    time.Time
	Features []float64
	Renewed  bool
	// Known is the day the outcome became known (or a conservative bound
	// on it), and Source the evidence it rests on.
	Known  time.Time
	Source Source
	Weeks  int // in the Top 10 in its first four weeks
	// Hours viewed in each of the first four weeks.
	Hours [window]float64
}

// FeatureNames name Example.Features, in order.
var FeatureNames = []string{"weeks in top 10", "log hours (4 weeks)", "log hours (week 1)", "log views (4 weeks)", "peak rank",
	"week-2/week-1 hours (log)", "English", "season number", "drama", "comedy", "crime or thriller", "fantasy or science fiction", "animation or kids",
	"hours against the previous season's (log)", "previous season charted", "years since July 2021 (trend)"}

// The columns of the features the settings may leave out (zeroed, so
// the regression gives them no weight).
const (
	prevColumns = 2 // before the trend: the previous season's
	trendColumn = 1 // the last
)

// trendOrigin is when Netflix's Top 10 archive begins: the trend feature
// counts years from it.
var trendOrigin = time.Date(2021, 7, 1, 0, 0, 0, 0, time.UTC)

// genreBuckets map words of Wikipedia's genres to the model's few.
var genreBuckets = [][]string{{"drama"}, {"comedy", "sitcom"}, {"crime", "thriller", "mystery", "police"}, {"fantasy", "science", "supernatural", "horror", "superhero"}, {"animat", "anime", "kids", "children", "family", "preschool"}}

// features are what is known 28 days after the season first charted;
// prev is the show's previous season, when it charted before.
func features(s Season, prev *Season, genre string) []float64 {
	total, views := s.total(), 0.0
	for _, v := range s.Views {
		views += v
	}
	english := 0.0
	if s.English {
		english = 1
	}
	f := []float64{float64(s.WeeksIn()), math.Log1p(total), math.Log1p(s.Hours[0]), math.Log1p(views), float64(s.PeakRank()),
		math.Log((s.Hours[1] + 1) / (s.Hours[0] + 1)), english, math.Log(float64(s.Season))}
	for _, words := range genreBuckets {
		in := 0.0
		for _, w := range words {
			if strings.Contains(genre, w) {
				in = 1
			}
		}
		f = append(f, in)
	}
	against, charted := 0.0, 0.0
	if prev != nil && prev.First.Before(s.First) {
		against, charted = math.Log((total+1)/(prev.total()+1)), 1
	}
	return append(f, against, charted, s.First.Sub(trendOrigin).Hours()/(24*365))
}

// total is a season's hours viewed in its first four weeks.
func (s Season) total() float64 {
	t := 0.0
	for _, h := range s.Hours {
		t += h
	}
	return t
}

// Bin is one row of a reliability table: the seasons whose predicted
// odds fell in [Low, High), how many, their mean prediction and how many
// were renewed.
type Bin struct {
	Low       float64 `json:"low"`
	High      float64 `json:"high"`
	Count     int     `json:"count"`
	Predicted float64 `json:"predicted"`
	Observed  float64 `json:"observed"`
}

// Scores are how good probabilities were on the test seasons.
type Scores struct {
	Brier, LogLoss, AUC float64
	Calibration         []Bin
}

// Score compares predictions p with outcomes y.
func Score(p []float64, y []bool) Scores {
	var s Scores
	for i := range p {
		t := 0.0
		if y[i] {
			t = 1
		}
		q := math.Min(math.Max(p[i], 1e-9), 1-1e-9)
		s.LogLoss -= t*math.Log(q) + (1-t)*math.Log(1-q)
	}
	n := float64(len(p))
	s.Brier, s.LogLoss = brier(p, y), s.LogLoss/n
	s.AUC = auc(p, y)
	s.Calibration = make([]Bin, 10)
	for b := range s.Calibration {
		s.Calibration[b].Low, s.Calibration[b].High = float64(b)/10, float64(b+1)/10
	}
	for i := range p {
		b := min(int(p[i]*10), 9)
		s.Calibration[b].Count++
		s.Calibration[b].Predicted += p[i]
		if y[i] {
			s.Calibration[b].Observed++
		}
	}
	for b := range s.Calibration {
		if c := float64(s.Calibration[b].Count); c > 0 {
			s.Calibration[b].Predicted /= c
			s.Calibration[b].Observed /= c
		}
	}
	return s
}

// auc is the chance a renewed season scores above one that was not
// (ties count half).
func auc(p []float64, y []bool) float64 {
	idx := make([]int, len(p))
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(a, b int) int { return cmp.Compare(p[a], p[b]) })
	var rankSum, pos float64
	for i := 0; i < len(idx); {
		j := i
		for j < len(idx) && p[idx[j]] == p[idx[i]] {
			j++
		}
		mid := float64(i+j+1) / 2 // ranks i+1 … j, averaged
		for k := i; k < j; k++ {
			if y[idx[k]] {
				rankSum += mid
				pos++
			}
		}
		i = j
	}
	neg := float64(len(p)) - pos
	if pos == 0 || neg == 0 {
		return math.NaN()
	}
	return (rankSum - pos*(pos+1)/2) / (pos * neg)
}

// Backtest is a time-based back-test: trained as of Cutoff on the
// outcomes known that day, scored on the seasons that first charted
// after it, with what became of them by the end of the data.
type Backtest struct {
	Cutoff       time.Time
	TrainSeasons int
	TestSeasons  int
	// Sources counts the training seasons by the evidence of their
	// outcome.
	Sources map[Source]int
	// BaseRate is the training seasons' share renewed: the forecast
	// that knows nothing else.
	BaseRate float64
	// Settings are chosen on the training seasons alone (see choose),
	// never on the test.
	Settings
	Model Model
	// Scores of the model, of the base rate, and of the one-line rule
	// "3 or more weeks in the Top 10 means renewed" (as the training
	// rates of renewal with and without it).
	Scores, BaseScores, RuleScores Scores
	// BrierSkill is 1 - Brier / base-rate Brier.
	BrierSkill float64
	// SkillInterval and AUCInterval are 95% bootstrap intervals: how
	// far the figures could move on another draw of as many test
	// seasons.
	SkillInterval, AUCInterval [2]float64
}

// RunBacktest trains as of cutoff, on the outcomes known that day (see
// Data.Fit), and scores the seasons that first charted after it.
func (d *Data) RunBacktest(cutoff time.Time) (Backtest, error) {
	return d.backtest(cutoff, d.TrainingSet(cutoff))
}

// RunLookAhead is RunBacktest with every outcome treated as known on the
// cut-off (what the odds did before their labels were dated): trained
// on the seasons that first charted 90 days before it, whatever became
// known later. The gap between the two is the look-ahead.
func (d *Data) RunLookAhead(cutoff time.Time) (Backtest, error) {
	var train []Example
	for _, e := range Examples(d.Seasons, d.Evidence, time.Time{}) {
		if e.First.Before(cutoff.Add(-lookAheadLag)) {
			train = append(train, e)
		}
	}
	return d.backtest(cutoff, train)
}

// minTest is the fewest test seasons a back-test is scored on.
const minTest = 20

// lookAheadLag is how long before the cut-off a season had to chart to
// teach the undated model.
const lookAheadLag = 90 * 24 * time.Hour

// testSet is what a back-test at cutoff is scored on: the seasons that
// first charted after it, and at least two years before the chart data
// ends, so that either outcome could be known (later ones would be
// scored only if renewed quickly).
func (d *Data) testSet(cutoff time.Time) []Example {
	var end time.Time
	for _, s := range d.Seasons {
		if s.First.After(end) {
			end = s.First
		}
	}
	var test []Example
	for _, e := range Examples(d.Seasons, d.Evidence, time.Time{}) {
		if e.First.After(cutoff) && !e.First.After(end.AddDate(-quietYears, 0, 0)) {
			test = append(test, e)
		}
	}
	return test
}

func (d *Data) backtest(cutoff time.Time, train []Example) (Backtest, error) {
	test := d.testSet(cutoff)
	if len(train) < minTrain || len(test) < minTest {
		return Backtest{}, fmt.Errorf("%w (%s): %d seasons to train on, %d to test", ErrTooFew, cutoff.Format(time.DateOnly), len(train), len(test))
	}
	if renewed := countRenewed(train); renewed == 0 || renewed == len(train) {
		return Backtest{}, fmt.Errorf("%w (%s): all %d training seasons had one outcome", ErrTooFew, cutoff.Format(time.DateOnly), len(train))
	}
	bt := backtestSplit(train, test)
	bt.Cutoff = cutoff
	return bt, nil
}

// backtestSplit trains on train (choosing the settings on it alone) and
// scores test.
func backtestSplit(train, test []Example) Backtest {
	bt := Backtest{TrainSeasons: len(train), TestSeasons: len(test), Sources: CountSources(train)}
	bt.Settings = choose(train)
	bt.Model = fit(train, bt.Settings)
	bt.Scores = Score(predict(bt.Model, test), outcomes(test))

	bt.BaseRate = float64(countRenewed(train)) / float64(len(train))
	base := make([]float64, len(test))
	for i := range base {
		base[i] = bt.BaseRate
	}
	bt.BaseScores = Score(base, outcomes(test))
	bt.BrierSkill = 1 - bt.Scores.Brier/bt.BaseScores.Brier

	// The rule, as probabilities learned on the training seasons.
	var with, withN, without, withoutN float64
	for _, e := range train {
		if e.Weeks >= 3 {
			withN++
			if e.Renewed {
				with++
			}
		} else {
			withoutN++
			if e.Renewed {
				without++
			}
		}
	}
	rule := make([]float64, len(test))
	for i, e := range test {
		rule[i] = without / max(withoutN, 1)
		if e.Weeks >= 3 {
			rule[i] = with / max(withN, 1)
		}
	}
	bt.RuleScores = Score(rule, outcomes(test))
	bt.SkillInterval, bt.AUCInterval = bootstrap(predict(bt.Model, test), base, outcomes(test))
	return bt
}

func labels(ex []Example) []float64 {
	out := make([]float64, len(ex))
	for i, e := range ex {
		if e.Renewed {
			out[i] = 1
		}
	}
	return out
}

func outcomes(ex []Example) []bool {
	out := make([]bool, len(ex))
	for i, e := range ex {
		out[i] = e.Renewed
	}
	return out
}

func predict(m Model, ex []Example) []float64 {
	out := make([]float64, len(ex))
	for i, e := range ex {
		out[i] = m.Predict(e.Features)
	}
	return out
}

// Trajectories are the median hours viewed, week by week, of the renewed
// seasons and of the others: what a season's weeks are drawn against.
func Trajectories(ex []Example) (renewed, notRenewed []float64) {
	median := func(want bool) []float64 {
		out := make([]float64, window)
		for w := range window {
			var v []float64
			for _, e := range ex {
				if e.Renewed == want {
					v = append(v, e.Hours[w])
				}
			}
			if len(v) > 0 {
				slices.Sort(v)
				out[w] = v[len(v)/2]
			}
		}
		return out
	}
	return median(true), median(false)
}
