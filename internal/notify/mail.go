package notify

import (
	"bytes"
	"cmp"
	"context"
	"embed"
	"errors"
	"fmt"
	htmltemplate "html/template"
	"log/slog"
	"net/url"
	"strconv"
	texttemplate "text/template"
	"time"

	"github.com/wneessen/go-mail"

	"github.com/nextseason/nextseason/internal/store"
	"github.com/nextseason/nextseason/internal/tell"
)

//go:embed templates/mail.txt templates/mail.html
var mailTemplates embed.FS

// Mailer sends due mails: events of immediate follows, daily digests and
// tests, each with a text and an HTML part and an unsubscribe link.
type Mailer struct {
	Store  *store.Store
	Client *mail.Client // from NewMailClient
	Log    *slog.Logger
	// From is the sender, "nextseason <alerts@tv.example>".
	From string
	// BaseURL is where users reach this nextseason; links in mails need
	// it absolute.
	BaseURL string
	// Retries are the waits after each failed attempt; default, as for
	// webhooks, about a day.
	Retries []time.Duration
	// Batch is how many mails one run sends over one connection;
	// default 100.
	Batch int
	// Lease is how long a run holds the batch it sends: no other run
	// takes it meanwhile, and after a crash it is sent again once the
	// lease ends. Default DefaultLease.
	Lease time.Duration

	text *texttemplate.Template
	html *htmltemplate.Template
}

// NewMailer checks the settings and parses the templates.
func NewMailer(m Mailer) (*Mailer, error) {
	if m.Client == nil || m.From == "" || m.BaseURL == "" {
		return nil, errors.New("mail needs an SMTP server, a From address and the base URL (NEXTSEASON_BASE_URL) for its links")
	}
	var err error
	if m.text, err = texttemplate.ParseFS(mailTemplates, "templates/mail.txt"); err != nil {
		return nil, err
	}
	if m.html, err = htmltemplate.ParseFS(mailTemplates, "templates/mail.html"); err != nil {
		return nil, err
	}
	return &m, nil
}

// NewMailClient makes the SMTP client of a URL:
// smtp://user:password@host:587 (STARTTLS required),
// smtps://…@host:465 (TLS from the start), or ?tls=none for a relay on
// a trusted network, such as a local one.
func NewMailClient(rawURL string) (*mail.Client, error) {
	u, err := url.Parse(rawURL)
	if err != nil || u.Hostname() == "" {
		return nil, fmt.Errorf("SMTP URL %q: want smtp://[user:password@]host[:port] or smtps://…", rawURL)
	}
	opts := []mail.Option{mail.WithTimeout(30 * time.Second)}
	port := 587
	switch u.Scheme {
	case "smtp":
		switch tls := u.Query().Get("tls"); tls {
		case "", "starttls":
			opts = append(opts, mail.WithTLSPolicy(mail.TLSMandatory))
		case "none":
			opts = append(opts, mail.WithTLSPolicy(mail.NoTLS))
		default:
			return nil, fmt.Errorf("SMTP URL: tls=%q: want starttls or none", tls)
		}
	case "smtps":
		port = 465
		opts = append(opts, mail.WithSSL())
	default:
		return nil, fmt.Errorf("SMTP URL %q: the scheme is smtp or smtps", rawURL)
	}
	if p := u.Port(); p != "" {
		if port, err = strconv.Atoi(p); err != nil {
			return nil, fmt.Errorf("SMTP URL: port %q", p)
		}
	}
	opts = append(opts, mail.WithPort(port))
	if user := u.User.Username(); user != "" {
		pass, _ := u.User.Password()
		opts = append(opts, mail.WithSMTPAuth(mail.SMTPAuthAutoDiscover), mail.WithUsername(user), mail.WithPassword(pass))
	}
	return mail.NewClient(u.Hostname(), opts...)
}

// mailItem is one change in a mail.
type mailItem struct{ Headline, Detail, Link string }

// mailView is what the templates show.
type mailView struct {
	mailItem
	Day         string
	Items       []mailItem
	Unsubscribe string
}

// SendDue sends one batch of due mails over one connection, and reports
// how many went. A mail is marked sent only after the server accepted
// it: a crash in between sends it again (with the same Message-ID).
func (m *Mailer) SendDue(ctx context.Context) (DeliverReport, error) {
	var rep DeliverReport
	batch := m.Batch
	if batch == 0 {
		batch = 100
	}
	due, err := m.Store.DueMails(ctx, batch, cmp.Or(m.Lease, DefaultLease))
	if err != nil || len(due) == 0 {
		return rep, err
	}
	var msgs []*mail.Msg
	var sending []store.Mail
	for _, ml := range due {
		msg, err := m.compose(ctx, ml)
		if err != nil {
			// Nothing to send (mail turned off, or the digest emptied by
			// unfollows): record why, once, and do not try again.
			m.Log.Info("mail not sent", "mail", ml.ID, "to", ml.User.Email, "why", err)
			if err := m.Store.MailFailed(ctx, ml.ID, err.Error(), time.Time{}); err != nil {
				return rep, err
			}
			rep.Failed++
			continue
		}
		msgs, sending = append(msgs, msg), append(sending, ml)
	}
	if len(msgs) == 0 {
		return rep, nil
	}
	sendErr := m.Client.DialAndSendWithContext(ctx, msgs...)
	if ctx.Err() != nil {
		return rep, ctx.Err()
	}
	var sent []int64
	for i, ml := range sending {
		err := msgs[i].SendError()
		if err == nil && !msgs[i].IsDelivered() {
			err = sendErr // the connection failed before this one was tried
		}
		if err == nil {
			sent = append(sent, ml.ID)
			continue
		}
		next := rep.failure(m.Retries, ml.Attempts, m.Store.Now())
		m.Log.Info("mail failed", "mail", ml.ID, "to", ml.User.Email, "attempt", ml.Attempts+1, "err", err)
		if err := m.Store.MailFailed(ctx, ml.ID, err.Error(), next); err != nil {
			return rep, err
		}
	}
	rep.Sent = len(sent)
	return rep, m.Store.MailsSent(ctx, sent)
}

// compose builds a mail's message, or says why there is nothing to send.
func (m *Mailer) compose(ctx context.Context, ml store.Mail) (*mail.Msg, error) {
	view := mailView{Unsubscribe: m.BaseURL + "/unsubscribe?token=" + url.QueryEscape(ml.User.UnsubscribeToken)}
	var subject, tmpl string
	if (ml.EventID != 0 || ml.DigestDay != "") && !ml.User.EmailAlerts {
		return nil, errors.New("mail was turned off before it was sent")
	}
	switch {
	case ml.EventID != 0:
		e, err := m.Store.Event(ctx, ml.EventID)
		if err != nil {
			return nil, err
		}
		view.mailItem = m.item(e)
		subject, tmpl = view.Headline, "event"
	case ml.DigestDay != "":
		events, err := m.Store.DigestEvents(ctx, ml.User.ID, ml.DigestDay)
		if err != nil {
			return nil, err
		}
		if len(events) == 0 {
			return nil, errors.New("no changes left in the digest: the shows were unfollowed")
		}
		for _, e := range events {
			view.Items = append(view.Items, m.item(e))
		}
		view.Day = ml.DigestDay
		subject, tmpl = fmt.Sprintf("nextseason digest for %s: %d change(s)", ml.DigestDay, len(events)), "digest"
	default:
		subject, tmpl = "nextseason test mail", "test"
	}
	var text, html bytes.Buffer
	if err := m.text.ExecuteTemplate(&text, tmpl, view); err != nil {
		return nil, err
	}
	if err := m.html.ExecuteTemplate(&html, tmpl, view); err != nil {
		return nil, err
	}
	msg := mail.NewMsg()
	if err := msg.From(m.From); err != nil {
		return nil, fmt.Errorf("From %q: %w", m.From, err)
	}
	if err := msg.To(ml.User.Email); err != nil {
		return nil, fmt.Errorf("To %q: %w", ml.User.Email, err)
	}
	msg.Subject(subject)
	// The same id on a retry, so a mail sent twice reads as one.
	msg.SetMessageIDWithValue(fmt.Sprintf("nextseason.mail.%d@%s", ml.ID, tell.Host(m.BaseURL)))
	msg.SetDate()
	msg.SetListUnsubscribe(view.Unsubscribe)
	msg.SetListUnsubscribePost()
	msg.SetBodyString(mail.TypeTextPlain, text.String())
	msg.AddAlternativeString(mail.TypeTextHTML, html.String())
	return msg, nil
}

func (m *Mailer) item(e store.FollowedEvent) mailItem {
	return mailItem{Headline: tell.Headline(e), Detail: tell.Detail(e), Link: m.BaseURL + tell.OutlookPath(e.Slug, e.Season)}
}
