package server_test

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/nextseason/nextseason/internal/dbtest"
	"github.com/nextseason/nextseason/internal/model"
	"github.com/nextseason/nextseason/internal/odds"
	"github.com/nextseason/nextseason/internal/store"
)

// gentlemen adds The Gentlemen, whose eight-episode first season dropped
// on 2024-03-07 and charted from the week ending 2024-03-10, to the
// demo's catalog: its season 2 was awaited in the spring of 2024.
func gentlemen(t testing.TB, st *store.Store) {
	t.Helper()
	dropped := model.DayDate(time.Date(2024, 3, 7, 0, 0, 0, 0, time.UTC))
	sh := model.Show{Title: "The Gentlemen", Network: "Netflix", TVmazeID: 990401, Premiered: dropped, ProviderStatus: "Running"}
	if _, err := st.SaveShow(t.Context(), &sh); err != nil {
		t.Fatal(err)
	}
	if _, err := st.SaveSeason(t.Context(), model.Season{ShowID: sh.ID, Number: 1, EpisodeOrder: 8, Premiere: dropped, End: dropped}); err != nil {
		t.Fatal(err)
	}
}

// TestOddsOnTheOutlookPage: The Gentlemen season 2 as of 2024-05-06,
// awaited, shows its odds in words first (how similar seasons fared),
// then the inputs, the chart and the model's figures; the API gives the
// same estimate. Partner Track season 2 as of 2022-09-20, awaited too,
// says no odds could be estimated then (too few seasons decided by that
// day); today, canceled, it shows the outcome and no odds, and the API
// the decision.
func TestOddsOnTheOutlookPage(t *testing.T) {
	srv, st := setup(t)
	gentlemen(t, st)
	_, page, _ := get(t, srv, "/shows/the-gentlemen/seasons/2?as_of=2024-05-06")
	for _, want := range []string{`id="odds-value"`, "Of ", "Netflix seasons decided by 1 May 2024", "spent 4 weeks of their first 4 weeks in the Top 10",
		"Season 1: 4 weeks in the Top 10, peak #1", "<svg", "not a decision", "Brier skill"} {
		if !strings.Contains(page, want) {
			t.Errorf("The Gentlemen as of 2024-05-06: the page lacks %q", want)
		}
	}
	code, body, _ := get(t, srv, "/api/v1/shows/the-gentlemen/seasons/2/odds?as_of=2024-05-06")
	var ans struct {
		Status string         `json:"status"`
		Odds   *odds.Estimate `json:"odds"`
	}
	if err := json.Unmarshal([]byte(body), &ans); err != nil || code != 200 || ans.Status != "awaiting_decision" || ans.Odds == nil ||
		!strings.Contains(page, fmt.Sprintf(">%d%%<", int(ans.Odds.Probability*100+0.5))) {
		t.Errorf("API: %d %s", code, body)
	}

	_, then, _ := get(t, srv, "/shows/partner-track/seasons/2?as_of=2022-09-20")
	if strings.Contains(then, `id="odds-value"`) || !strings.Contains(then, "not enough Netflix seasons had been decided by this day") {
		t.Errorf("as of 2022-09-20 the page gives odds, or does not say why it has none")
	}
	if _, now, _ := get(t, srv, "/shows/partner-track/seasons/2"); strings.Contains(now, `id="odds"`) || !strings.Contains(now, "Canceled") {
		t.Errorf("today the page shows odds, or not the outcome")
	}
	code, body, _ = get(t, srv, "/api/v1/shows/partner-track/seasons/2/odds")
	if code != 200 || !strings.Contains(body, `"status": "canceled"`) || strings.Contains(body, `"odds"`) {
		t.Errorf("API, Partner Track season 2 today: %d %s", code, body)
	}
	// Peaky Blinders ended (TVmaze): its season 7 is decided, no odds,
	// though its season 6 charted. Another network's show gets none
	// either: its renewals are not Netflix's decisions.
	code, body, _ = get(t, srv, "/api/v1/shows/peaky-blinders/seasons/7/odds")
	if code != 200 || !strings.Contains(body, `"status": "ended_final_season"`) || strings.Contains(body, `"odds"`) {
		t.Errorf("API, Peaky Blinders season 7: %d %s", code, body)
	}
	other := model.Show{Title: "Harbour Watch", Network: "BBC One", TVmazeID: 990402, ProviderStatus: "Running"}
	if _, err := st.SaveShow(t.Context(), &other); err != nil {
		t.Fatal(err)
	}
	if code, body, _ := get(t, srv, "/api/v1/shows/harbour-watch/seasons/2/odds"); code != 404 || !strings.Contains(body, "not Netflix's decisions") {
		t.Errorf("API, a BBC One show: %d %s", code, body)
	}
	for path, want := range map[string]int{
		"/api/v1/shows/partner-track/seasons/1/odds":                  400,
		"/api/v1/shows/partner-track/seasons/2/odds?as_of=2022-09-20": 404,
		"/api/v1/shows/no-such-show/seasons/2/odds":                   404,
		"/api/v1/shows/the-gentlemen/seasons/2/odds?as_of=2024-03-05": 404,
		"/api/v1/shows/the-gentlemen/seasons/2/odds?as_of=not-a-day":  400,
	} {
		if code, body, _ := get(t, srv, path); code != want {
			t.Errorf("%s: %d, want %d: %s", path, code, want, body)
		}
	}
}

// TestPagesScoreStoredModelsAndFitNothing: a page asking about a day no
// one asked about before is scored by the stored model of the latest
// cut-off no later than it. Here that model is one written by hand,
// giving every season 77%; the page says 77%, which no fitted model
// would: serving fitted nothing.
func TestPagesScoreStoredModelsAndFitNothing(t *testing.T) {
	srv, st := setup(t)
	gentlemen(t, st)
	zeros, ones := make([]float64, len(odds.FeatureNames)), make([]float64, len(odds.FeatureNames))
	for i := range ones {
		ones[i] = 1
	}
	cutoff := time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)
	f := odds.Fitted{Version: odds.ModelVersion, Cutoff: cutoff, FittedAt: dbtest.Clock(), TrainSeasons: 100, BaseRate: 0.5,
		Model: odds.Model{Logistic: &odds.Logistic{Bias: math.Log(0.77 / 0.23), Weights: zeros, Mean: zeros, Scale: ones}}}
	b, err := f.Encode()
	if err != nil {
		t.Fatal(err)
	}
	if err := st.SaveOddsModel(t.Context(), odds.ModelVersion, "2024-05-01", dbtest.Clock(), b); err != nil {
		t.Fatal(err)
	}
	before, err := st.OddsModelCutoffs(t.Context(), odds.ModelVersion)
	if err != nil {
		t.Fatal(err)
	}
	for _, day := range []string{"2024-05-06", "2024-05-17", "2024-05-31"} {
		_, page, _ := get(t, srv, "/shows/the-gentlemen/seasons/2?as_of="+day)
		if !strings.Contains(page, `<span id="odds-value">77%</span>`) {
			t.Errorf("as of %s the page does not give the stored model's 77%%", day)
		}
	}
	if after, err := st.OddsModelCutoffs(t.Context(), odds.ModelVersion); err != nil || len(after) != len(before) {
		t.Errorf("serving pages stored models: %d cut-offs before, %d after (%v)", len(before), len(after), err)
	}
}

// TestOddsChartInABrowser renders the odds chart in Chromium and keeps a
// screenshot.
func TestOddsChartInABrowser(t *testing.T) {
	ctx := browser(t)
	srv, st := setup(t)
	gentlemen(t, st)
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/shows/the-gentlemen/seasons/2?as_of=2024-05-06"), chromedp.WaitVisible(`#odds svg`)); err != nil {
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
	file := screenshotDir(t) + "/odds-the-gentlemen-s2-2024-05-06.png"
	if err := os.WriteFile(file, shot, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", file)
}
