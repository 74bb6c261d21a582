// Package webhooktest is the receiving end of webhooks, for tests: a
// sink that records deliveries, and a verifier written from the Standard
// Webhooks specification, not from nextseason's signer.
package webhooktest

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/nextseason/nextseason/internal/model"
	"github.com/nextseason/nextseason/internal/review"
	"github.com/nextseason/nextseason/internal/store"
)

// Verify checks a delivery as a receiver would: the timestamp within five
// minutes of now, and one of the space-separated "v1,<base64>" signatures
// equal to HMAC-SHA256(base64-decoded secret without "whsec_",
// "id.timestamp.body").
func Verify(secret string, h http.Header, body []byte, now time.Time) error {
	id, ts, sigs := h.Get("webhook-id"), h.Get("webhook-timestamp"), h.Get("webhook-signature")
	if id == "" || ts == "" || sigs == "" {
		return errors.New("missing headers")
	}
	sec, err := strconv.ParseInt(ts, 10, 64)
	if err != nil {
		return errors.New("bad timestamp")
	}
	if d := now.Sub(time.Unix(sec, 0)); d > 5*time.Minute || d < -5*time.Minute {
		return errors.New("timestamp too far from now")
	}
	key, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(secret, "whsec_"))
	if err != nil {
		return err
	}
	mac := hmac.New(sha256.New, key)
	mac.Write([]byte(id + "." + ts + "." + string(body)))
	want := mac.Sum(nil)
	for _, s := range strings.Fields(sigs) {
		version, b64, ok := strings.Cut(s, ",")
		got, err := base64.StdEncoding.DecodeString(b64)
		if ok && version == "v1" && err == nil && hmac.Equal(got, want) {
			return nil
		}
	}
	return errors.New("no signature matches")
}

// Received is one request a sink got.
type Received struct {
	Path   string
	Header http.Header
	Body   []byte
}

// Sink is a webhook endpoint that records what it receives and answers
// with Status (200 unless set).
type Sink struct {
	URL    string
	Status atomic.Int32
	// OnReceive, when set, is called with the number received so far,
	// after each request is recorded.
	OnReceive func(n int)

	mu      sync.Mutex
	got     []Received
	arrived chan struct{}
}

// NewSink starts a sink until t ends.
func NewSink(t testing.TB) *Sink {
	s := &Sink{arrived: make(chan struct{}, 1)}
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	s.URL = srv.URL
	return s
}

func (s *Sink) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	b, _ := io.ReadAll(r.Body)
	s.mu.Lock()
	s.got = append(s.got, Received{Path: r.URL.Path, Header: r.Header.Clone(), Body: b})
	n := len(s.got)
	s.mu.Unlock()
	select {
	case s.arrived <- struct{}{}:
	default:
	}
	if s.OnReceive != nil {
		s.OnReceive(n)
	}
	status := int(s.Status.Load())
	if status == 0 {
		status = http.StatusOK
	}
	w.WriteHeader(status)
}

// All returns what has arrived so far.
func (s *Sink) All() []Received {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Received(nil), s.got...)
}

// Count is how many requests have arrived.
func (s *Sink) Count() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.got)
}

// WaitFor blocks until done reports true of what has arrived, checking
// after each arrival; it gives up when stop is closed.
func (s *Sink) WaitFor(stop <-chan struct{}, done func([]Received) bool) bool {
	for {
		if done(s.All()) {
			return true
		}
		select {
		case <-s.arrived:
		case <-stop:
			return done(s.All())
		}
	}
}

// AddFollowers adds n users, in one transaction, each following the show
// for every event at once with a webhook at url(i) signed with secret.
func AddFollowers(ctx context.Context, st *store.Store, showID int64, n int, url func(i int) string, secret string) error {
	return st.InTx(ctx, func(tx *store.Store) error {
		for i := range n {
			u, err := tx.AddUser(ctx, fmt.Sprintf("fan%d@example.com", i), model.RoleViewer, "")
			if err != nil {
				return err
			}
			if _, err := tx.AddWebhook(ctx, u.ID, url(i), secret); err != nil {
				return err
			}
			if err := tx.SaveFollow(ctx, &model.Follow{UserID: u.ID, ShowID: showID, Events: model.EventKinds, Delivery: model.DeliveryImmediate}); err != nil {
				return err
			}
		}
		return nil
	})
}

// ProposeRenewal records, as a trade feed would, a claim that the show's
// season is renewed, stated on day and waiting for an editor; accepting
// it tells the followers. source names the article, so that claims of
// one test differ.
func ProposeRenewal(ctx context.Context, st *store.Store, showID int64, season int, day model.PartialDate, source string) (model.Claim, error) {
	c := model.Claim{ShowID: showID, Season: season, Kind: model.KindRenewal, Status: model.StatusRenewed, Quote: fmt.Sprintf("Renewed for season %d.", season),
		Source:   model.Source{URL: source, Publisher: "Example Trade", Published: day, Tier: model.TierTrade},
		StatedAt: day, Confidence: 0.9, Origin: model.OriginFeed, Rule: "renewed", State: model.StateProposed}
	_, err := st.AddClaim(ctx, &c)
	return c, err
}

// AcceptRenewal proposes the renewal (ProposeRenewal) and has an editor
// accept it: its event is recorded, and the followers' deliveries queued.
func AcceptRenewal(ctx context.Context, st *store.Store, showID int64, season int, day model.PartialDate, source string) error {
	c, err := ProposeRenewal(ctx, st, showID, season, day, source)
	if err != nil {
		return err
	}
	_, err = review.Accept(ctx, st, c.ID, "", model.Reviewer{Name: "ed"})
	return err
}
