package server_test

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/nextseason/nextseason/internal/odds"
)

// TestOddsOnTheOutlookPage: Partner Track season 2 as of 2022-09-20, while
// the decision was awaited, shows its odds, the inputs, the chart, the
// model's back-test and the caveat; today, canceled, it shows the outcome
// and no odds. The API gives the same estimate.
func TestOddsOnTheOutlookPage(t *testing.T) {
	srv, _ := setup(t)
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
	srv, _ := setup(t)
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
