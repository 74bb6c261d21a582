package cli_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/nextseason/nextseason/internal/cli"
	"github.com/nextseason/nextseason/internal/db"
	"github.com/nextseason/nextseason/internal/dbtest"
	"github.com/nextseason/nextseason/internal/demo"
	"github.com/nextseason/nextseason/internal/model"
	"github.com/nextseason/nextseason/internal/notify/smtptest"
	"github.com/nextseason/nextseason/internal/notify/webhooktest"
	"github.com/nextseason/nextseason/internal/store"
)

// demoStore is a migrated database holding the demo, and a store over it
// whose clock reads now.
func demoStore(t *testing.T, now time.Time) (string, *store.Store) {
	t.Helper()
	dbURL := dbtest.URL(t)
	mustRun(t, dbURL, "migrate")
	d, err := db.Open(t.Context(), dbURL)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	st := store.New(d, func() time.Time { return now })
	if _, err := demo.Load(t.Context(), st, "test"); err != nil {
		t.Fatal(err)
	}
	return dbURL, st
}

// bearer adds a user with an API token and returns its header.
func bearer(t *testing.T, st *store.Store, email string, role model.Role) string {
	t.Helper()
	return "Bearer " + dbtest.UserToken(t, st, email, role)
}

// call makes one API request and decodes a JSON answer into out.
func call(t *testing.T, method, u, authz, body string, out any) {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), method, u, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", authz)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode/100 != 2 {
		t.Fatalf("%s %s: %s %s", method, u, resp.Status, b)
	}
	if out != nil {
		if err := json.Unmarshal(b, out); err != nil {
			t.Fatalf("%s %s: %v in %s", method, u, err, b)
		}
	}
}

// TestAlertsEndToEnd is the whole path, through a running nextseason: a
// fan follows Partner Track with a webhook and mail on; an editor accepts
// a claim that dates season 2's premiere; the webhook endpoint receives
// exactly one correctly signed delivery, the SMTP server one mail, and
// the fan's Atom feed and calendar show the change.
func TestAlertsEndToEnd(t *testing.T) {
	now := time.Date(2022, 9, 20, 12, 0, 0, 0, time.UTC) // season 2 awaits a decision
	dbURL, st := demoStore(t, now)
	fan, editor := bearer(t, st, "fan@example.com", model.RoleViewer), bearer(t, st, "ed@example.com", model.RoleEditor)
	smtpd, sink := smtptest.Start(t), webhooktest.NewSink(t)

	ctx, cancel := context.WithCancel(t.Context())
	addrs, done := make(chan string, 1), make(chan int, 1)
	var logs strings.Builder
	settings := map[string]string{"NEXTSEASON_ALLOW_PRIVATE_NETWORKS": "1", "NEXTSEASON_SMTP_URL": smtpd.URL,
		"NEXTSEASON_BASE_URL": "https://tv.example"}
	env := cli.Env{Stdout: io.Discard, Stderr: &syncWriter{w: &logs}, Getenv: func(k string) string { return settings[k] },
		Now: func() time.Time { return now }, Ready: func(addr string) { addrs <- addr }}
	go func() { done <- cli.Run(ctx, []string{"--db", dbURL, "serve", "--addr", "127.0.0.1:0"}, env) }()
	var api string
	select {
	case addr := <-addrs:
		api = "http://" + addr + "/api/v1"
	case code := <-done:
		t.Fatalf("serve exited with %d:\n%s", code, logs.String())
	}
	t.Cleanup(func() {
		cancel()
		if code := <-done; code != 0 {
			t.Errorf("serve exited with %d:\n%s", code, logs.String())
		}
	})

	// 1. The fan follows Partner Track, with a webhook and mail.
	call(t, "POST", api+"/me/follows", fan, `{"show": "partner-track"}`, nil)
	var hook struct{ Secret string }
	call(t, "POST", api+"/me/webhooks", fan, `{"url": "`+sink.URL+`/hook"}`, &hook)
	var me struct {
		EmailAlerts bool   `json:"email_alerts"`
		CalendarURL string `json:"calendar_url"`
		FeedURL     string `json:"feed_url"`
	}
	call(t, "PATCH", api+"/me", fan, `{"email_alerts": true}`, &me)
	if !me.EmailAlerts {
		t.Fatalf("mail is not on: %+v", me)
	}

	// 2. An editor accepts a claim that changes the outlook.
	sh, err := st.FindShow(t.Context(), "partner-track")
	if err != nil {
		t.Fatal(err)
	}
	day := model.DayDate(now)
	summer, _ := model.ParsePartialDate("summer 2023")
	c := model.Claim{ShowID: sh.ID, Season: 2, Kind: model.KindPremiere, Date: summer, Quote: "Partner Track returns next summer.",
		Source:   model.Source{URL: "https://trade.example/partner-track-summer", Publisher: "Example Trade", Published: day, Tier: model.TierTrade},
		StatedAt: day, Confidence: 0.9, Origin: model.OriginFeed, Rule: "premiere", State: model.StateProposed}
	if _, err := st.AddClaim(t.Context(), &c); err != nil {
		t.Fatal(err)
	}
	call(t, "POST", api+"/claims/"+strconv.FormatInt(c.ID, 10)+"/accept", editor, "", nil)

	// 3. One signed delivery, one mail.
	sink.WaitFor(ctx.Done(), func(r []webhooktest.Received) bool { return len(r) >= 1 })
	select {
	case <-smtpd.Arrived():
	case <-ctx.Done():
	}
	got := sink.All()
	if len(got) != 1 {
		t.Fatalf("the webhook received %d deliveries, want 1", len(got))
	}
	if err := webhooktest.Verify(hook.Secret, got[0].Header, got[0].Body, now); err != nil {
		t.Errorf("the delivery does not verify: %v", err)
	}
	var p struct {
		Type string
		Data struct{ Show, New, Outlook string }
	}
	if err := json.Unmarshal(got[0].Body, &p); err != nil || p.Type != "premiere_dated" || p.Data.Show != "partner-track" ||
		p.Data.New != "2023-summer" || p.Data.Outlook != "https://tv.example/shows/partner-track/seasons/2" {
		t.Errorf("delivery %s (%v)", got[0].Body, err)
	}
	mails := smtpd.Messages()
	if len(mails) != 1 || mails[0].To[0] != "fan@example.com" {
		t.Fatalf("mails: %+v", mails)
	}
	if m, err := mails[0].Parse(); err != nil || m.Subject != "Partner Track season 2 premieres summer 2023" {
		t.Errorf("mail: %+v, %v", m, err)
	}

	// The feed and the calendar show it.
	local := func(u string) string {
		t.Helper()
		parsed, err := url.Parse(u)
		if err != nil {
			t.Fatal(err)
		}
		resp, err := http.Get(strings.TrimSuffix(api, "/api/v1") + parsed.RequestURI())
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != 200 {
			t.Fatalf("GET %s: %s %s", u, resp.Status, b)
		}
		return string(b)
	}
	if feed := local(me.FeedURL); !strings.Contains(feed, "<title>Partner Track season 2 premieres summer 2023</title>") {
		t.Errorf("the feed lacks the change:\n%s", feed)
	}
	if cal := local(me.CalendarURL); !strings.Contains(cal, "STATUS:TENTATIVE") || !strings.Contains(cal, "DTSTART;VALUE=DATE:20230601") {
		t.Errorf("the calendar lacks the premiere window:\n%s", cal)
	}

	// The event is the newest of the show's; nothing more was sent.
	var events []struct{ Kind string }
	call(t, "GET", api+"/me/events", fan, "", &events)
	if len(events) == 0 || events[0].Kind != "premiere_dated" || sink.Count() != 1 || len(smtpd.Messages()) != 1 {
		t.Errorf("events %+v, deliveries %d, mails %d; want the premiere first, one delivery, one mail", events, sink.Count(), len(smtpd.Messages()))
	}
}
