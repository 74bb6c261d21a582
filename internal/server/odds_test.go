package server_test

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/nextseason/nextseason/internal/odds"
	"github.com/nextseason/nextseason/internal/store"
	"github.com/nextseason/nextseason/internal/viewership"
)

const sharedData = "../../../shared/data/"

// withOddsData imports the global Top 10 and Wikipedia's lists into st,
// or skips without the shared data.
func withOddsData(t *testing.T, st *store.Store) {
	t.Helper()
	f, err := os.Open(sharedData + "netflix-top10/all-weeks-global.tsv")
	if err != nil {
		t.Skipf("shared data absent: %v", err)
	}
	defer f.Close()
	weeks, err := viewership.ParseTop10(f)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := viewership.Import(t.Context(), st, weeks); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"ended_netflix_original_programming_merged.csv", "current_netflix_original_programming_nf_ori_shows.csv"} {
		g, err := os.Open(sharedData + "netflix-originals-wikipedia/" + name)
		if err != nil {
			t.Fatal(err)
		}
		rows, err := odds.ParseOriginals(g)
		g.Close()
		if err != nil {
			t.Fatal(err)
		}
		for i := range rows {
			rows[i].Listed = time.Date(2023, 11, 6, 0, 0, 0, 0, time.UTC)
		}
		if _, err := st.SaveOriginals(t.Context(), rows); err != nil {
			t.Fatal(err)
		}
	}
}

// TestOddsOnTheOutlookPage: Partner Track season 2 as of 2022-09-20, while
// the decision was awaited, shows its odds, the inputs, the chart, the
// model's back-test and the caveat; today, canceled, it shows the outcome
// and no odds. The API gives the same estimate.
func TestOddsOnTheOutlookPage(t *testing.T) {
	srv, st := setup(t)
	withOddsData(t, st)
	_, then, _ := get(t, srv, "/shows/partner-track/seasons/2?as_of=2022-09-20")
	for _, want := range []string{`id="odds-value"`, "From 3 weeks in the Top 10, peak #4, 31.1M hours in week 2.", "<svg", "back-tested on later seasons: Brier", "not a decision"} {
		if !strings.Contains(then, want) {
			t.Errorf("as of 2022-09-20 the page lacks %q", want)
		}
	}
	if _, now, _ := get(t, srv, "/shows/partner-track/seasons/2"); strings.Contains(now, `id="odds"`) || !strings.Contains(now, "Canceled") {
		t.Errorf("today the page shows odds, or not the outcome")
	}
	code, body, _ := get(t, srv, "/api/v1/shows/partner-track/seasons/2/odds?as_of=2022-09-20")
	var e odds.Estimate
	if err := json.Unmarshal([]byte(body), &e); err != nil || code != 200 || e.Inputs != "3 weeks in the Top 10, peak #4, 31.1M hours in week 2" ||
		!strings.Contains(then, fmt.Sprintf(">%d%%<", int(e.Probability*100+0.5))) {
		t.Errorf("API: %d %s", code, body)
	}
	for _, bad := range []string{"/api/v1/shows/partner-track/seasons/1/odds", "/api/v1/shows/partner-track/seasons/2/odds?as_of=2022-08-01"} {
		if code, _, _ := get(t, srv, bad); code != 400 && code != 404 {
			t.Errorf("%s: %d", bad, code)
		}
	}
}

// TestOddsChartInABrowser renders the odds chart in Chromium and keeps a
// screenshot.
func TestOddsChartInABrowser(t *testing.T) {
	ctx := browser(t)
	srv, st := setup(t)
	withOddsData(t, st)
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/shows/partner-track/seasons/2?as_of=2022-09-20"), chromedp.WaitVisible(`#odds svg`)); err != nil {
		t.Fatal(err)
	}
	width, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`document.querySelector("#odds svg polyline.this-season").getBoundingClientRect().width`))
	if err != nil {
		t.Fatal(err)
	}
	if width < 50 {
		t.Errorf("the season's line is %.0f px wide", width)
	}
	if err := chromedp.Do(ctx, chromedp.ScrollIntoView(`#odds`)); err != nil {
		t.Fatal(err)
	}
	shot, err := chromedp.Run(ctx, chromedp.Screenshot(`#odds`, chromedp.NodeVisible))
	if err != nil {
		t.Fatal(err)
	}
	file := screenshotDir(t) + "/odds-partner-track-s2-2022-09-20.png"
	if err := os.WriteFile(file, shot, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", file)
}
