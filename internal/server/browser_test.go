package server_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/nextseason/nextseason/internal/auth"
	"github.com/nextseason/nextseason/internal/model"
)

// browser starts headless Chromium for t, or skips when there is none,
// unless NEXTSEASON_TEST_BROWSER=1 demands it.
func browser(t *testing.T) context.Context {
	t.Helper()
	path := ""
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			path = p
			break
		}
	}
	if path == "" {
		if os.Getenv("NEXTSEASON_TEST_BROWSER") == "1" {
			t.Fatal("NEXTSEASON_TEST_BROWSER=1 but no Chromium on PATH: apt-get install -y chromium")
		}
		t.Skip("browser tests skipped: no Chromium on PATH (apt-get install -y chromium, or set NEXTSEASON_TEST_BROWSER=1 to make this an error)")
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(412, 915), // a phone
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	ctx, cancelTimeout := context.WithTimeout(ctx, 60*time.Second)
	t.Cleanup(func() { cancelTimeout(); cancelCtx(); cancelAlloc() })
	return ctx
}

// screenshotDir is where screenshots are kept: NEXTSEASON_ARTIFACTS, or
// the test's temporary directory.
func screenshotDir(t *testing.T) string {
	if dir := os.Getenv("NEXTSEASON_ARTIFACTS"); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		return dir
	}
	return t.TempDir()
}

func TestOutlookPageInABrowser(t *testing.T) {
	ctx := browser(t)
	srv, _ := setup(t)

	if _, err := chromedp.Run(ctx, chromedp.Navigate(srv.URL+"/shows/partner-track/seasons/2?as_of=2022-09-20")); err != nil {
		t.Fatal(err)
	}
	text := func(sel string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Text(sel))
		if err != nil {
			t.Fatalf("text of %s: %v", sel, err)
		}
		return s
	}
	status, cast, footnote := text("#renewal-status"), text("#cast ul.cast"), text("#renewal a.fn")
	attr, err := chromedp.Run(ctx, chromedp.AttributeValue("#renewal a.fn", "href"))
	if err != nil {
		t.Fatal(err)
	}
	href := attr.Value
	shot, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}
	if strings.TrimSpace(status) != "Awaiting decision" {
		t.Errorf("renewal shows %q, want Awaiting decision", status)
	}
	if !strings.Contains(cast, "Arden Cho as Ingrid Yun") {
		t.Errorf("cast shows %q", cast)
	}
	if !strings.HasPrefix(footnote, "[") || !strings.HasPrefix(href, "#source-") {
		t.Errorf("footnote %q → %q, want [n] → #source-n", footnote, href)
	}
	file := filepath.Join(screenshotDir(t), "outlook-partner-track-s2-2022-09-20.png")
	if err := os.WriteFile(file, shot, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", file)

	// Following the footnote lands on a visible source with a link out.
	if _, err := chromedp.Run(ctx, chromedp.Click("#renewal a.fn")); err != nil {
		t.Fatal(err)
	}
	source := text(href)
	visible, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(() => { const r = document.querySelector("`+href+`").getBoundingClientRect(); return r.top >= 0 && r.top < window.innerHeight; })()`))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(source, "Deadline") || !visible {
		t.Errorf("after the footnote click: source %q, in view %v", source, visible)
	}
}

// TestFollowInABrowser: in Chromium, a fan signs in (the Secure session
// cookie works on a loopback address), follows Partner Track with its
// button, and finds it under "My shows" with its status.
func TestFollowInABrowser(t *testing.T) {
	ctx := browser(t)
	srv, st := setup(t)
	hash, err := auth.HashPassword("correct horse battery")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.AddUser(t.Context(), "fan@example.com", model.RoleViewer, hash); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/shows/partner-track"),
		chromedp.Click(`p.follow a`),
		chromedp.WaitVisible(`input[name=email]`),
		chromedp.SendKeys(`input[name=email]`, "fan@example.com"),
		chromedp.SendKeys(`input[name=password]`, "correct horse battery"),
		chromedp.Click(`#sign-in`),
		chromedp.WaitVisible(`#follow`),
		chromedp.Click(`#follow`),
		chromedp.WaitVisible(`#unfollow`),
		chromedp.Click(`#me`),
		chromedp.WaitVisible(`#show-partner-track`),
	); err != nil {
		t.Fatal(err)
	}
	row, err := chromedp.Run(ctx, chromedp.Text(`#show-partner-track`))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(row, "Partner Track") || !strings.Contains(row, "Season 2") || !strings.Contains(row, "Canceled") {
		t.Errorf("My shows row: %q", row)
	}
	shot, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(screenshotDir(t), "my-shows.png")
	if err := os.WriteFile(file, shot, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", file)
}
