package notify_test

import (
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/nextseason/nextseason/internal/dbtest"
	"github.com/nextseason/nextseason/internal/model"
	"github.com/nextseason/nextseason/internal/notify"
	"github.com/nextseason/nextseason/internal/notify/smtptest"
	"github.com/nextseason/nextseason/internal/review"
	"github.com/nextseason/nextseason/internal/store"
)

// TestMails: an accepted renewal is mailed, once, with text and HTML
// parts and an unsubscribe link, to the follower who asked for it at
// once and has mail on; the follower on a digest gets it in the next
// day's digest, once; one with mail off gets nothing; a server that
// refuses is tried again later.
func TestMails(t *testing.T) {
	now := dbtest.Clock()
	st := store.New(dbtest.Open(t), func() time.Time { return now })
	ctx := t.Context()
	sh := model.Show{Title: "Harbor Lights", Network: "Netflix", TVmazeID: 990004}
	if _, err := st.SaveShow(ctx, &sh); err != nil {
		t.Fatal(err)
	}
	users := map[string]model.User{}
	follower := func(email string, mailOn bool, delivery model.Delivery) {
		u, err := st.AddUser(ctx, email, model.RoleViewer, "")
		if err != nil {
			t.Fatal(err)
		}
		if err := st.SetEmailAlerts(ctx, u.ID, mailOn); err != nil {
			t.Fatal(err)
		}
		if err := st.SaveFollow(ctx, &model.Follow{UserID: u.ID, ShowID: sh.ID, Delivery: delivery, Events: model.EventKinds}); err != nil {
			t.Fatal(err)
		}
		users[email] = u
	}
	follower("ann@example.com", true, model.DeliveryImmediate)
	follower("bob@example.com", true, model.DeliveryDigest)
	follower("cat@example.com", false, model.DeliveryImmediate)

	smtpd := smtptest.Start(t)
	client, err := notify.NewMailClient(smtpd.URL)
	if err != nil {
		t.Fatal(err)
	}
	m, err := notify.NewMailer(notify.Mailer{Store: st, Client: client, Log: slog.New(slog.DiscardHandler),
		From: "nextseason <alerts@tv.example>", BaseURL: "https://tv.example", Retries: []time.Duration{time.Minute}})
	if err != nil {
		t.Fatal(err)
	}

	day := model.DayDate(now)
	c := model.Claim{ShowID: sh.ID, Season: 2, Kind: model.KindRenewal, Status: model.StatusRenewed, Quote: "Harbor Lights is back.",
		Source:   model.Source{URL: "https://trade.example/harbor-lights-s2", Publisher: "Example Trade", Published: day, Tier: model.TierTrade},
		StatedAt: day, Confidence: 0.8, Origin: model.OriginFeed, Rule: "renewed", State: model.StateProposed}
	if _, err := st.AddClaim(ctx, &c); err != nil {
		t.Fatal(err)
	}
	if _, err := review.Accept(ctx, st, c.ID, "", model.Reviewer{Name: "ed"}); err != nil {
		t.Fatal(err)
	}
	if rep, err := m.SendDue(ctx); err != nil || rep.Sent != 1 {
		t.Fatalf("send: %+v, %v; want one mail", rep, err)
	}
	got := smtpd.Messages()
	if len(got) != 1 || len(got[0].To) != 1 || got[0].To[0] != "ann@example.com" || got[0].From != "alerts@tv.example" {
		t.Fatalf("mails: %+v", got)
	}
	p, err := got[0].Parse()
	if err != nil {
		t.Fatal(err)
	}
	unsubscribe := "https://tv.example/unsubscribe?token=" + users["ann@example.com"].UnsubscribeToken
	if p.Subject != "Harbor Lights season 2 is renewed" {
		t.Errorf("subject %q", p.Subject)
	}
	for name, part := range map[string]string{"text": p.Text, "html": p.HTML} {
		for _, want := range []string{"Harbor Lights season 2 is renewed", "https://tv.example/shows/harbor-lights/seasons/2",
			"https://trade.example/harbor-lights-s2", unsubscribe} {
			if !strings.Contains(part, want) {
				t.Errorf("%s part lacks %q:\n%s", name, want, part)
			}
		}
	}
	if h := p.Header.Get("List-Unsubscribe"); h != "<"+unsubscribe+">" || p.Header.Get("List-Unsubscribe-Post") != "List-Unsubscribe=One-Click" {
		t.Errorf("List-Unsubscribe %q, List-Unsubscribe-Post %q", h, p.Header.Get("List-Unsubscribe-Post"))
	}
	if rep, _ := m.SendDue(ctx); rep != (notify.DeliverReport{}) || len(smtpd.Messages()) != 1 {
		t.Errorf("a second run sent more: %+v", rep)
	}

	// The next day, yesterday's digest goes to bob, once.
	now = now.Add(24 * time.Hour)
	for range 2 {
		if _, err := st.QueueDigests(ctx, now.AddDate(0, 0, -1)); err != nil {
			t.Fatal(err)
		}
	}
	smtpd.Refuse.Store(true)
	if rep, err := m.SendDue(ctx); err != nil || rep.Retrying != 1 || len(smtpd.Messages()) != 1 {
		t.Fatalf("with the server refusing: %+v, %v", rep, err)
	}
	smtpd.Refuse.Store(false)
	if rep, _ := m.SendDue(ctx); rep != (notify.DeliverReport{}) {
		t.Errorf("retried before its time: %+v", rep)
	}
	now = now.Add(2 * time.Minute)
	if rep, err := m.SendDue(ctx); err != nil || rep.Sent != 1 {
		t.Fatalf("retry: %+v, %v", rep, err)
	}
	got = smtpd.Messages()
	if len(got) != 2 || got[1].To[0] != "bob@example.com" {
		t.Fatalf("mails: %+v", got)
	}
	if p, err := got[1].Parse(); err != nil || p.Subject != "nextseason digest for 2026-11-25: 1 change(s)" ||
		!strings.Contains(p.Text, "- Harbor Lights season 2 is renewed") || !strings.Contains(p.HTML, "Harbor Lights season 2 is renewed") {
		t.Errorf("digest: %+v %v", p, err)
	}
	for _, msg := range got {
		if msg.To[0] == "cat@example.com" {
			t.Error("cat has mail off and got a mail")
		}
	}
}
