package odds

import (
	"os"
	"slices"
	"testing"
	"time"

	"github.com/nextseason/nextseason/internal/dbtest"
	"github.com/nextseason/nextseason/internal/sharedtest"
	"github.com/nextseason/nextseason/internal/viewership"
)

// BenchmarkImport imports the whole global Top 10 TSV into a database
// (rows per second).
func BenchmarkImport(b *testing.B) {
	f, err := os.Open(sharedtest.Path(b, "netflix-top10/all-weeks-global.tsv"))
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	var rows int
	var took time.Duration
	for b.Loop() {
		b.StopTimer()
		st := dbtest.Store(b)
		f.Seek(0, 0)
		b.StartTimer()
		start := time.Now()
		weeks, err := viewership.ParseTop10(f)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := viewership.Import(b.Context(), st, weeks); err != nil {
			b.Fatal(err)
		}
		took, rows = time.Since(start), len(weeks)
	}
	b.ReportMetric(float64(rows)/took.Seconds(), "rows/s")
	b.ReportMetric(took.Seconds(), "import-s")
}

// BenchmarkScoreVsFit, in one run on the shared data in a database: the
// job's fit of every cut-off's model (what serve does once, then a model
// a day); scoring one season from the stored models as a page does on a
// never-seen day (p50, p99: the stored model looked up, decoded the first
// time, the season's weeks read, nothing fitted); and fitting one model,
// which is what each such request cost before models were stored.
func BenchmarkScoreVsFit(b *testing.B) {
	d := sharedData(b)
	st := dbtest.Store(b)
	if _, err := viewership.Import(b.Context(), st, d.Weeks); err != nil {
		b.Fatal(err)
	}
	if _, err := st.SaveOriginals(b.Context(), d.Evidence.Originals); err != nil {
		b.Fatal(err)
	}
	today := time.Date(2026, 7, 22, 0, 0, 0, 0, time.UTC)
	var job FitReport
	var score, fitOne []time.Duration
	for b.Loop() {
		var err error
		if job, err = FitStored(b.Context(), st, today, true); err != nil {
			b.Fatal(err)
		}
		// As a page asks: one service (its chart weeks loaded, as they
		// are every ten minutes), each request a day never asked before.
		svc := &Service{Store: st}
		if _, err := svc.Data(b.Context()); err != nil {
			b.Fatal(err)
		}
		day := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
		for i := range 300 {
			start := time.Now()
			if _, err := svc.Estimate(b.Context(), Query{Title: "The Gentlemen", Season: 2, AsOf: day.AddDate(0, 0, 100+i)}); err != nil {
				b.Fatal(err)
			}
			score = append(score, time.Since(start))
		}
		full, err := Load(b.Context(), st)
		if err != nil {
			b.Fatal(err)
		}
		for i := range 10 {
			start := time.Now()
			if _, err := full.Fit(day.AddDate(0, 0, 100+i), today); err != nil {
				b.Fatal(err)
			}
			fitOne = append(fitOne, time.Since(start))
		}
	}
	ms := func(v []time.Duration, q float64) float64 {
		v = slices.Clone(v)
		slices.Sort(v)
		return float64(v[int(q*float64(len(v)-1))].Microseconds()) / 1000
	}
	b.ReportMetric(ms(score, 0.5), "score-p50-ms")
	b.ReportMetric(ms(score, 0.99), "score-p99-ms")
	b.ReportMetric(ms(fitOne, 0.5), "fit-one-p50-ms")
	b.ReportMetric(job.Took.Seconds(), "fit-all-cutoffs-s")
	b.ReportMetric(float64(job.Fitted), "cutoffs-fitted")
}
