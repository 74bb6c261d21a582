package cli_test

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"os/exec"
	"os/signal"
	"strings"
	"sync"
	"syscall"
	"testing"

	"github.com/nextseason/nextseason/internal/cli"
	"github.com/nextseason/nextseason/internal/db"
	"github.com/nextseason/nextseason/internal/dbtest"
	"github.com/nextseason/nextseason/internal/store"
	"github.com/nextseason/nextseason/internal/tvmaze/tvmazetest"
)

// mainEnv makes the test binary act as nextseason itself, so that tests
// can run it as a process and kill it.
const mainEnv = "NEXTSEASON_TEST_RUN_MAIN"

func TestMain(m *testing.M) {
	if os.Getenv(mainEnv) == "1" {
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		code := cli.Main(ctx, os.Args[1:], os.Stdout, os.Stderr)
		stop()
		os.Exit(code)
	}
	os.Exit(m.Run())
}

// nextseason starts nextseason as a child process.
func nextseason(t *testing.T, args ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), mainEnv+"=1")
	return cmd
}

func TestSyncSurvivesSIGKILL(t *testing.T) {
	fake := tvmazetest.New() // TVmaze's real rate limit
	defer fake.Close()
	const shows = 2500
	if err := fake.Generate(shows, 3); err != nil {
		t.Fatal(err)
	}
	dbURL := dbtest.URL(t)
	args := []string{"--db", dbURL, "sync", "tvmaze", "--full", "--tvmaze-url", fake.URL}

	// Kill the first sync once it has saved a few pages.
	first := nextseason(t, args...)
	stderr, err := first.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := first.Start(); err != nil {
		t.Fatal(err)
	}
	lines := bufio.NewScanner(stderr)
	for lines.Scan() {
		if strings.Contains(lines.Text(), "msg=\"full sync\" page=3 ") {
			break
		}
	}
	if err := first.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	first.Wait()

	d, err := db.Open(t.Context(), dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	st := store.New(d, dbtest.Clock)
	partial, _ := st.CountShows(t.Context())
	if partial == 0 || partial >= shows {
		t.Fatalf("%d shows after the kill; the test wants it killed part-way", partial)
	}

	out, err := nextseason(t, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("second sync: %v\n%s", err, out)
	}
	if n, _ := st.CountShows(t.Context()); n != shows {
		t.Errorf("%d shows after the restart, want %d", n, shows)
	}
	for _, id := range fake.IDs() {
		if _, err := st.ShowByTVmazeID(t.Context(), id); err != nil {
			t.Fatalf("show %d lost: %v", id, err)
		}
	}
	// The restart may meet TVmaze's limit, its calls so soon after the
	// killed ones: that must slow it down, not fail it.
	if strings.Contains(string(out), "level=ERROR") || strings.Contains(string(out), "level=WARN") {
		t.Errorf("the restarted sync logged problems:\n%s", out)
	}
}

func TestSyncFlags(t *testing.T) {
	db := dbtest.URL(t)
	for _, args := range [][]string{
		{"sync"}, {"sync", "tvmaze"}, {"sync", "tvmaze", "--full", "--updates"}, {"sync", "tvmaze", "--updates", "--show", "3"},
	} {
		if code, _, _ := run(t, db, args...); code != 2 {
			t.Errorf("%v: exit %d, want 2 (usage)", args, code)
		}
	}
	if code, _, errs := run(t, db, "sync", "tvmaze", "--full", "--tvmaze-rate", "5"); code != 1 || !strings.Contains(errs, "at most 2") {
		t.Errorf("a rate above TVmaze's limit: exit %d, %q", code, errs)
	}
}

func TestServeRunsJobsAndStopsCleanly(t *testing.T) {
	fake := tvmazetest.New()
	defer fake.Close()
	if err := fake.LoadRecorded(); err != nil {
		t.Fatal(err)
	}
	dbURL := dbtest.URL(t)
	mustRun(t, dbURL, "migrate")
	for _, workers := range [][]string{nil, {"--no-workers"}} {
		ctx, cancel := context.WithCancel(t.Context())
		addrs := make(chan string, 1)
		var logs strings.Builder
		env := cli.Env{Stdout: io.Discard, Stderr: &syncWriter{w: &logs}, Getenv: func(string) string { return "" }, Now: dbtest.Clock,
			Ready: func(addr string) { addrs <- addr }}
		done := make(chan int)
		args := append([]string{"--db", dbURL, "serve", "--addr", "127.0.0.1:0", "--tvmaze-url", fake.URL}, workers...)
		go func() { done <- cli.Run(ctx, args, env) }()
		select {
		case addr := <-addrs:
			resp, err := http.Get("http://" + addr + "/readyz")
			if err != nil || resp.StatusCode != 200 {
				t.Errorf("%v: readyz %v %v", workers, resp, err)
			}
			if resp != nil {
				resp.Body.Close()
			}
		case code := <-done:
			t.Fatalf("%v: serve exited with %d:\n%s", workers, code, logs.String())
		}
		cancel()
		if code := <-done; code != 0 {
			t.Errorf("%v: serve exited with %d after Ctrl-C:\n%s", workers, code, logs.String())
		}
	}
}

// syncWriter lets goroutines share a log buffer.
type syncWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (s *syncWriter) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.Write(p)
}

func TestSyncUpdatesFromTheCommandLine(t *testing.T) {
	fake := tvmazetest.New()
	defer fake.Close()
	if err := fake.LoadRecorded(); err != nil {
		t.Fatal(err)
	}
	dbURL := dbtest.URL(t)
	mustRun(t, dbURL, "sync", "tvmaze", "--show", "143", "--tvmaze-url", fake.URL)
	if err := fake.SetStatus(143, "Ended"); err != nil {
		t.Fatal(err)
	}
	out := mustRun(t, dbURL, "sync", "tvmaze", "--updates", "--since", "week", "--tvmaze-url", fake.URL)
	if !strings.Contains(out, "1 shows (0 new, 1 updated") {
		t.Errorf("updates printed %q; want Silicon Valley updated", out)
	}
	var o struct {
		Renewal struct{ Status string }
	}
	if err := json.Unmarshal([]byte(mustRun(t, dbURL, "show", "Silicon Valley", "--season", "5", "--json")), &o); err != nil || o.Renewal.Status != "ended_final_season" {
		t.Errorf("season 5 after TVmaze ended the show: %+v, %v", o, err)
	}
	if code, _, errs := run(t, dbURL, "sync", "tvmaze", "--updates", "--since", "year", "--tvmaze-url", fake.URL); code != 1 || !strings.Contains(errs, "day, week or month") {
		t.Errorf("--since year: exit %d, %q", code, errs)
	}
}
