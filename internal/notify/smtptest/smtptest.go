// Package smtptest runs a real SMTP server in the test's process
// (emersion/go-smtp), keeping what it receives, so mail is tested the way
// it is sent.
package smtptest

import (
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"net"
	"net/mail"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/emersion/go-smtp"
)

// Server is an SMTP server on loopback that keeps every message.
type Server struct {
	// Addr is host:port; URL is the NEXTSEASON_SMTP_URL that reaches it.
	Addr, URL string
	// Refuse makes the server answer every message with a temporary
	// failure, as a server that is down would.
	Refuse atomic.Bool

	mu       sync.Mutex
	messages []Message
	arrived  chan struct{}
}

// Message is one received mail.
type Message struct {
	From string
	To   []string
	Data []byte
}

// Start runs a server until t ends.
func Start(t testing.TB) *Server {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := &Server{Addr: ln.Addr().String(), arrived: make(chan struct{}, 1<<16)}
	s.URL = "smtp://" + s.Addr + "?tls=none"
	srv := smtp.NewServer(backend{s})
	srv.Domain = "localhost"
	srv.AllowInsecureAuth = true
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return s
}

// Messages returns what has arrived so far.
func (s *Server) Messages() []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Message(nil), s.messages...)
}

// Arrived is signalled once per message received.
func (s *Server) Arrived() <-chan struct{} { return s.arrived }

type backend struct{ s *Server }

func (b backend) NewSession(*smtp.Conn) (smtp.Session, error) { return &session{s: b.s}, nil }

type session struct {
	s   *Server
	msg Message
}

func (ss *session) Reset()        { ss.msg = Message{} }
func (ss *session) Logout() error { return nil }

func (ss *session) Mail(from string, _ *smtp.MailOptions) error {
	ss.msg.From = from
	return nil
}

func (ss *session) Rcpt(to string, _ *smtp.RcptOptions) error {
	ss.msg.To = append(ss.msg.To, to)
	return nil
}

func (ss *session) Data(r io.Reader) error {
	data, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	if ss.s.Refuse.Load() {
		return &smtp.SMTPError{Code: 451, EnhancedCode: smtp.EnhancedCode{4, 3, 0}, Message: "try again later"}
	}
	ss.msg.Data = data
	ss.s.mu.Lock()
	ss.s.messages = append(ss.s.messages, ss.msg)
	ss.s.mu.Unlock()
	ss.s.arrived <- struct{}{}
	return nil
}

// Parsed is a message read back: its headers, and its text and HTML
// parts.
type Parsed struct {
	Header     mail.Header
	Subject    string
	Text, HTML string
}

// Parse reads a message the way a mail client would.
func (m Message) Parse() (Parsed, error) {
	msg, err := mail.ReadMessage(strings.NewReader(string(m.Data)))
	if err != nil {
		return Parsed{}, err
	}
	p := Parsed{Header: msg.Header}
	dec := new(mime.WordDecoder)
	if p.Subject, err = dec.DecodeHeader(msg.Header.Get("Subject")); err != nil {
		return p, err
	}
	media, params, err := mime.ParseMediaType(msg.Header.Get("Content-Type"))
	if err != nil {
		return p, err
	}
	if !strings.HasPrefix(media, "multipart/") {
		return p, errors.New("not a multipart message: " + media)
	}
	mr := multipart.NewReader(msg.Body, params["boundary"])
	for {
		part, err := mr.NextPart() // decodes quoted-printable
		if errors.Is(err, io.EOF) {
			return p, nil
		}
		if err != nil {
			return p, err
		}
		body, err := io.ReadAll(part)
		if err != nil {
			return p, err
		}
		switch t, _, _ := mime.ParseMediaType(part.Header.Get("Content-Type")); t {
		case "text/plain":
			p.Text = string(body)
		case "text/html":
			p.HTML = string(body)
		}
	}
}
