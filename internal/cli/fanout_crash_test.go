package cli_test

import (
	"fmt"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/nextseason/nextseason/internal/dbtest"
	"github.com/nextseason/nextseason/internal/model"
	"github.com/nextseason/nextseason/internal/notify"
	"github.com/nextseason/nextseason/internal/notify/webhooktest"
	"github.com/nextseason/nextseason/internal/review"
)

// TestFanOutSurvivesSIGKILL kills the server with SIGKILL while it fans
// one event out to 10,000 followers' webhooks, and starts it again: within
// three minutes every follower's endpoint receives the event, every
// delivery signed. Duplicates (sent before the kill, not yet marked sent)
// may come, at most a batch of them; they carry the event's webhook-id,
// and the test reports how many there were.
func TestFanOutSurvivesSIGKILL(t *testing.T) {
	const followers, killAt = 10_000, 2_250 // mid-batch: batches are 500
	dbURL, st := demoStore(t, dbtest.Clock())
	sink := webhooktest.NewSink(t)
	kill := make(chan struct{})
	sink.OnReceive = func(n int) {
		if n == killAt {
			close(kill)
		}
	}
	sh, err := st.FindShow(t.Context(), "silicon-valley")
	if err != nil {
		t.Fatal(err)
	}
	secret := notify.NewSecret()
	err = webhooktest.AddFollowers(t.Context(), st, sh.ID, followers, func(i int) string { return fmt.Sprintf("%s/hook/%d", sink.URL, i) }, secret)
	if err != nil {
		t.Fatal(err)
	}
	day := model.DayDate(dbtest.Clock())
	c := model.Claim{ShowID: sh.ID, Season: 7, Kind: model.KindRenewal, Status: model.StatusRenewed, Quote: "Silicon Valley is back for a seventh season.",
		Source:   model.Source{URL: "https://trade.example/silicon-valley-s7", Publisher: "Example Trade", Published: day, Tier: model.TierTrade},
		StatedAt: day, Confidence: 0.9, Origin: model.OriginFeed, Rule: "renewed", State: model.StateProposed}
	if _, err := st.AddClaim(t.Context(), &c); err != nil {
		t.Fatal(err)
	}
	if _, err := review.Accept(t.Context(), st, c.ID, "", "ed"); err != nil {
		t.Fatal(err)
	}
	events, err := st.ShowEvents(t.Context(), sh.ID)
	if err != nil || len(events) == 0 || events[len(events)-1].Kind != model.EventRenewed {
		t.Fatalf("events %+v, %v; want the renewal last", events, err)
	}
	eventID := fmt.Sprintf("evt_%d", events[len(events)-1].ID)

	// The first server is killed mid fan-out.
	first := startServer(t, dbURL, "NEXTSEASON_ALLOW_PRIVATE_NETWORKS=1", "NEXTSEASON_DELIVERY_LEASE=1s")
	select {
	case <-kill:
		first.cmd.Process.Signal(syscall.SIGKILL)
	case <-first.exited:
		t.Fatalf("the server exited before the kill:\n%s", first.logs())
	}
	<-first.exited
	before := sink.Count()
	if before >= followers {
		t.Fatalf("%d deliveries before the kill; the test wants it killed part-way", before)
	}

	// The second sends the rest, and what the first held once its lease
	// ends.
	second := startServer(t, dbURL, "NEXTSEASON_ALLOW_PRIVATE_NETWORKS=1", "NEXTSEASON_DELIVERY_LEASE=1s")
	distinct := func(all []webhooktest.Received) int {
		paths := map[string]bool{}
		for _, r := range all {
			paths[r.Path] = true
		}
		return len(paths)
	}
	deadline := make(chan struct{})
	timer := time.AfterFunc(3*time.Minute, func() { close(deadline) })
	defer timer.Stop()
	stop := make(chan struct{})
	go func() {
		select {
		case <-second.exited:
		case <-deadline:
		}
		close(stop)
	}()
	if !sink.WaitFor(stop, func(all []webhooktest.Received) bool { return distinct(all) == followers }) {
		t.Fatalf("three minutes after the restart (or at its exit), %d of %d followers reached:\n%s", distinct(sink.All()), followers, second.logs())
	}
	second.cmd.Process.Signal(syscall.SIGTERM)
	<-second.exited

	all := sink.All()
	for _, r := range all {
		if got := r.Header.Get("webhook-id"); got != eventID {
			t.Fatalf("a delivery to %s has webhook-id %q, want %q", r.Path, got, eventID)
		}
		if err := webhooktest.Verify(secret, r.Header, r.Body, time.Now()); err != nil {
			t.Fatalf("a delivery to %s does not verify: %v", r.Path, err)
		}
	}
	// A batch is 500; successes are marked 50 at a time, so the kill can
	// leave at most a batch sent but unmarked.
	if dup := len(all) - followers; dup > 500 {
		t.Errorf("%d duplicates after the kill, more than a batch", dup)
	}
	if left, _, err := st.DueDeliveries(t.Context(), 1, time.Second); err != nil || len(left) != 0 {
		t.Errorf("deliveries still due after the restart: %v, %v", left, err)
	}
	t.Logf("killed after %d of %d deliveries; after the restart every follower was reached, with %d duplicates (same webhook-id)",
		before, followers, len(all)-followers)
}

// server is nextseason serve running as a child process.
type server struct {
	cmd    *exec.Cmd
	exited chan struct{}
	out    *strings.Builder
	mu     *syncWriter
}

// startServer runs nextseason serve on dbURL with the extra environment,
// killed when t ends if still running.
func startServer(t *testing.T, dbURL string, env ...string) *server {
	t.Helper()
	var out strings.Builder
	s := &server{cmd: nextseason(t, "--db", dbURL, "serve", "--addr", "127.0.0.1:0"), exited: make(chan struct{}), out: &out}
	s.mu = &syncWriter{w: &out}
	s.cmd.Env = append(s.cmd.Env, env...)
	s.cmd.Stdout, s.cmd.Stderr = s.mu, s.mu
	if err := s.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { s.cmd.Wait(); close(s.exited) }()
	t.Cleanup(func() { s.cmd.Process.Kill(); <-s.exited })
	return s
}

// logs is what the server printed.
func (s *server) logs() string {
	s.mu.mu.Lock()
	defer s.mu.mu.Unlock()
	return s.out.String()
}
