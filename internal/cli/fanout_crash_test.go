package cli_test

import (
	"fmt"
	"net/http"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	dbpkg "github.com/nextseason/nextseason/internal/db"
	"github.com/nextseason/nextseason/internal/dbtest"
	"github.com/nextseason/nextseason/internal/model"
	"github.com/nextseason/nextseason/internal/notify"
	"github.com/nextseason/nextseason/internal/notify/webhooktest"
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
	if err := webhooktest.AcceptRenewal(t.Context(), st, sh.ID, 7, model.DayDate(dbtest.Clock()), "https://trade.example/silicon-valley-s7"); err != nil {
		t.Fatal(err)
	}
	events, err := st.ShowEvents(t.Context(), sh.ID)
	if err != nil || len(events) == 0 || events[len(events)-1].Kind != model.EventRenewed {
		t.Fatalf("events %+v, %v; want the renewal last", events, err)
	}
	eventID := fmt.Sprintf("evt_%d", events[len(events)-1].ID)

	// The first server is killed mid fan-out.
	first := startServer(t, dbURL, nil, "NEXTSEASON_ALLOW_PRIVATE_NETWORKS=1", "NEXTSEASON_DELIVERY_LEASE=1s")
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
	second := startServer(t, dbURL, nil, "NEXTSEASON_ALLOW_PRIVATE_NETWORKS=1", "NEXTSEASON_DELIVERY_LEASE=1s")
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

// startServer runs nextseason serve on dbURL with the extra flags and
// environment, killed when t ends if still running.
func startServer(t *testing.T, dbURL string, flags []string, env ...string) *server {
	t.Helper()
	var out strings.Builder
	s := &server{cmd: nextseason(t, append([]string{"--db", dbURL, "serve", "--addr", "127.0.0.1:0"}, flags...)...), exited: make(chan struct{}), out: &out}
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

// url waits for the server to say where it serves and returns that
// address, failing after a minute.
func (s *server) url(t *testing.T) string {
	t.Helper()
	deadline := time.Now().Add(time.Minute)
	for time.Now().Before(deadline) {
		if _, rest, ok := strings.Cut(s.logs(), " on http://"); ok {
			if addr, _, ok := strings.Cut(rest, "\n"); ok {
				return "http://" + strings.TrimSuffix(strings.TrimSpace(addr), "/")
			}
		}
		select {
		case <-s.exited:
			t.Fatalf("the server exited before serving:\n%s", s.logs())
		case <-time.After(50 * time.Millisecond):
		}
	}
	t.Fatalf("the server did not say where it serves in a minute:\n%s", s.logs())
	return ""
}

// TestFanOutWriteSurvivesSIGKILL kills the server with SIGKILL while it
// accepts a renewal that 10,000 followers are to be told of, at several
// points through writing the event and its deliveries: after each kill
// the claim is accepted with its event and every delivery, or none of
// them, never part; accepting again then queues every delivery once.
func TestFanOutWriteSurvivesSIGKILL(t *testing.T) {
	const followers = 10_000
	dbURL, st := demoStore(t, dbtest.Clock())
	sink := webhooktest.NewSink(t)
	sh, err := st.FindShow(t.Context(), "silicon-valley")
	if err != nil {
		t.Fatal(err)
	}
	if err := webhooktest.AddFollowers(t.Context(), st, sh.ID, followers, func(i int) string { return fmt.Sprintf("%s/hook/%d", sink.URL, i) }, notify.NewSecret()); err != nil {
		t.Fatal(err)
	}
	c, err := webhooktest.ProposeRenewal(t.Context(), st, sh.ID, 7, model.DayDate(dbtest.Clock()), "https://trade.example/silicon-valley-s7")
	if err != nil {
		t.Fatal(err)
	}
	d, err := dbpkg.Open(t.Context(), dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	count := func(query string) int {
		var n int
		if err := d.QueryRowContext(t.Context(), query, c.ID).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	state := func() (accepted bool, events, deliveries int) {
		accepted = count(`SELECT COUNT(*) FROM claim_reviews WHERE claim_id = $1 AND state = 'accepted'`) > 0
		events = count(`SELECT COUNT(*) FROM events WHERE claim_id = $1`)
		deliveries = count(`SELECT COUNT(*) FROM deliveries WHERE event_id IN (SELECT id FROM events WHERE claim_id = $1)`)
		return
	}
	accept := func(base string) (int, error) {
		req, _ := http.NewRequest("POST", base+"/api/v1/claims/"+strconv.FormatInt(c.ID, 10)+"/accept", strings.NewReader(`{}`))
		req.Header.Set("Authorization", "Bearer crash-test-token")
		req.Header.Set("Content-Type", "application/json")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			return 0, err
		}
		resp.Body.Close()
		return resp.StatusCode, nil
	}
	// No workers: nothing is sent, so every delivery written stays to
	// count. The kill comes later each time, through the write (which
	// takes some 170 ms on SQLite and 380 ms on PostgreSQL here), until
	// one lands after the commit.
	for _, delay := range []time.Duration{20, 60, 100, 140, 200, 300, 500, 1000} {
		delay *= time.Millisecond
		srv := startServer(t, dbURL, []string{"--no-workers"}, "NEXTSEASON_EDITOR_TOKEN=crash-test-token")
		go accept(srv.url(t)) // the connection dies with the server
		time.Sleep(delay)
		srv.cmd.Process.Signal(syscall.SIGKILL)
		<-srv.exited
		accepted, events, deliveries := state()
		if !accepted && events == 0 && deliveries == 0 {
			t.Logf("killed %v after the accept was sent, before it committed: nothing of it is stored", delay)
			continue
		}
		if !accepted || events != 1 || deliveries != followers {
			t.Fatalf("killed %v after the accept was sent: accepted %v, %d events, %d deliveries; want all of the accept or none", delay, accepted, events, deliveries)
		}
		t.Logf("killed %v after the accept was sent, after it committed: the event and all %d deliveries are stored", delay, followers)
		break
	}
	srv := startServer(t, dbURL, []string{"--no-workers"}, "NEXTSEASON_EDITOR_TOKEN=crash-test-token")
	if code, err := accept(srv.url(t)); err != nil || (code != http.StatusOK && code != http.StatusConflict) {
		t.Fatalf("accepting again after the kills: %d, %v", code, err)
	}
	if accepted, events, deliveries := state(); !accepted || events != 1 || deliveries != followers {
		t.Errorf("after accepting again: accepted %v, %d events, %d deliveries; want one event and %d deliveries", accepted, events, deliveries, followers)
	}
}
