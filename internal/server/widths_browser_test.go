package server_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/nextseason/nextseason/internal/auth"
	"github.com/nextseason/nextseason/internal/model"
)

// TestPagesAtTwoWidths: in Chromium at 1280 and 390 px, the pages a
// reader meets say what they should and nothing sideways-scrolls at
// 390: the anonymous home page, a decided outlook, an awaited one with
// odds, a disputed one, search results, and, signed in as an editor,
// "My shows" and the review queue. Screenshots are kept.
func TestPagesAtTwoWidths(t *testing.T) {
	ctx := browser(t)
	srv, st := setup(t)
	gentlemen(t, st)
	disputed(t, st)
	hash, err := auth.HashPassword("correct horse battery")
	if err != nil {
		t.Fatal(err)
	}
	ed, err := st.AddUser(t.Context(), "ed@example.com", model.RoleEditor, hash)
	if err != nil {
		t.Fatal(err)
	}
	sv, err := st.FindShow(t.Context(), "silicon-valley")
	if err != nil {
		t.Fatal(err)
	}
	if err := st.SaveFollow(t.Context(), &model.Follow{UserID: ed.ID, ShowID: sv.ID, Events: model.EventKinds, Delivery: model.DeliveryImmediate}); err != nil {
		t.Fatal(err)
	}
	pages := []struct {
		name, path string
		want, not  []string
	}{
		{"home", "/", []string{"Sign in", "Latest decisions", "Lately in the Netflix Top 10", "Black Mirror"}, []string{"Sign out", "My shows"}},
		{"decided", "/shows/partner-track/seasons/2", []string{"Canceled", "There will be no season 2"}, []string{"No date announced yet", "What the decision depends on"}},
		{"odds", "/shows/the-gentlemen/seasons/2?as_of=2024-05-06", []string{"Renewal odds", "Netflix seasons decided by"}, []string{"ended_final_season", "awaiting_decision"}},
		{"disputed", "/shows/harbor-lights/seasons/2", []string{"Disputed", "Deadline", "TVLine"}, nil},
		{"renewed", "/shows/silicon-valley/seasons/5", []string{"Silicon Valley has been renewed for season 5", "What we don't know yet"}, nil},
		{"search", "/search?q=silicon", []string{"Silicon Valley", "2014 · HBO"}, nil},
	}
	// posters checks that the page shows the posters named, each in a box
	// sized before it loads (offline, as here, the box holds its alt text).
	posters := func(name string, width int64, alts ...string) {
		t.Helper()
		got, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll('img.poster')).map(i => i.alt + (i.getBoundingClientRect().height > 20 ? '' : ' (no box)'))`))
		if err != nil {
			t.Fatal(err)
		}
		for _, alt := range alts {
			if !slices.Contains(got, alt) {
				t.Errorf("%s at %d px: posters %q, want %q with a box", name, width, got, alt)
			}
		}
	}
	text := func() string {
		body, err := chromedp.Run(ctx, chromedp.Text("body"))
		if err != nil {
			t.Fatal(err)
		}
		return body
	}
	check := func(width int64, name string, want, not []string) {
		t.Helper()
		body := text()
		for _, w := range want {
			if !strings.Contains(body, w) {
				t.Errorf("%s at %d px lacks %q", name, width, w)
			}
		}
		for _, n := range not {
			if strings.Contains(body, n) {
				t.Errorf("%s at %d px shows %q", name, width, n)
			}
		}
		if width <= 400 {
			wide, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth + 1`))
			if err != nil {
				t.Fatal(err)
			}
			if wide {
				t.Errorf("%s scrolls sideways at %d px", name, width)
			}
		}
		shot, err := chromedp.Run(ctx, chromedp.FullScreenshot(100)) // 100: PNG; less is JPEG
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(screenshotDir(t), fmt.Sprintf("%s-%d.png", name, width)), shot, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, width := range []int64{1280, 390} {
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, 900)); err != nil {
			t.Fatal(err)
		}
		for _, p := range pages {
			if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+p.path), chromedp.WaitVisible("main")); err != nil {
				t.Fatal(err)
			}
			check(width, p.name, p.want, p.not)
			if p.name == "search" || p.name == "renewed" {
				posters(p.name, width, "Poster of Silicon Valley")
			}
		}
	}
	// Signed in as an editor: the header has Review and Feeds; "My shows"
	// and the queue read at both widths.
	if err := chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/login"),
		chromedp.WaitVisible(`input[name=email]`),
		chromedp.SendKeys(`input[name=email]`, "ed@example.com"),
		chromedp.SendKeys(`input[name=password]`, "correct horse battery"),
		chromedp.Click(`#sign-in`),
		chromedp.WaitVisible(`#logout`),
	); err != nil {
		t.Fatal(err)
	}
	for _, width := range []int64{1280, 390} {
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, 900)); err != nil {
			t.Fatal(err)
		}
		for _, p := range []struct {
			name, path string
			want       []string
		}{{"review", "/review", []string{"Review", "Feeds", "Sign out"}}, {"me", "/me", []string{"My shows", "Sign out", "Silicon Valley"}}} {
			if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+p.path), chromedp.WaitVisible("main")); err != nil {
				t.Fatal(err)
			}
			check(width, p.name, p.want, []string{"Sign in"})
		}
		posters("me", width, "Poster of Silicon Valley")
	}
}
