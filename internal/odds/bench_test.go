package odds

import (
	"os"
	"testing"
	"time"

	"github.com/nextseason/nextseason/internal/dbtest"
	"github.com/nextseason/nextseason/internal/viewership"
)

// BenchmarkImportAndScore imports the whole global Top 10 TSV into a
// database (rows per second), then scores every season in it with the
// back-tested model (total time).
func BenchmarkImportAndScore(b *testing.B) {
	f, err := os.Open(shared + "netflix-top10/all-weeks-global.tsv")
	if err != nil {
		b.Skipf("shared data absent: %v", err)
	}
	defer f.Close()
	var rows int
	var importTime, scoreTime time.Duration
	var seasons int
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
		importTime, rows = time.Since(start), len(weeks)

		b.StopTimer()
		var originals []Original
		for _, name := range []string{"ended_netflix_original_programming_merged.csv", "current_netflix_original_programming_nf_ori_shows.csv"} {
			g, err := os.Open(shared + "netflix-originals-wikipedia/" + name)
			if err != nil {
				b.Fatal(err)
			}
			o, err := ParseOriginals(g)
			g.Close()
			if err != nil {
				b.Fatal(err)
			}
			originals = append(originals, o...)
		}
		b.StartTimer()
		start = time.Now()
		all, err := st.AllViewership(b.Context(), viewership.ChartNetflixTop10)
		if err != nil {
			b.Fatal(err)
		}
		ss := Seasons(all)
		ex := Examples(ss, originals, time.Date(2023, 11, 6, 0, 0, 0, 0, time.UTC), nil)
		bt := RunBacktest(ex, 0.3)
		for _, s := range ss {
			bt.Model.Predict(features(s, ""))
		}
		scoreTime, seasons = time.Since(start), len(ss)
	}
	b.ReportMetric(float64(rows)/importTime.Seconds(), "rows/s")
	b.ReportMetric(importTime.Seconds(), "import-s")
	b.ReportMetric(float64(seasons), "seasons")
	b.ReportMetric(scoreTime.Seconds(), "score-all-s")
}
