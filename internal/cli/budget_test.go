package cli_test

import (
	"os/exec"
	"strings"
	"testing"

	"github.com/nextseason/nextseason/internal/dbtest"
	"github.com/nextseason/nextseason/internal/tvmaze/tvmazetest"
)

// TestCommandsShareTheTVmazeBudget: two syncs run at once as separate
// processes on one database, each allowed 1.5 calls a second. TVmaze
// (the fake enforces its real limit: 20 calls in 10 s per address) sees
// them call no faster together than one would: none is throttled, where
// each keeping only its own pace would call 3 a second together.
func TestCommandsShareTheTVmazeBudget(t *testing.T) {
	fake := tvmazetest.New()
	defer fake.Close()
	if err := fake.LoadRecorded(); err != nil {
		t.Fatal(err)
	}
	const updated = 16
	for _, id := range fake.IDs()[:updated] {
		if err := fake.SetStatus(id, "Ended"); err != nil {
			t.Fatal(err)
		}
	}
	dbURL := dbtest.URL(t)
	mustRun(t, dbURL, "migrate")
	args := []string{"--db", dbURL, "sync", "tvmaze", "--updates", "--since", "day", "--tvmaze-url", fake.URL,
		"--tvmaze-details", "all", "--tvmaze-rate", "1.5"}
	var outs [2]strings.Builder
	var cmds [2]*exec.Cmd
	for i := range cmds {
		cmds[i] = nextseason(t, args...)
		w := &syncWriter{w: &outs[i]}
		cmds[i].Stdout, cmds[i].Stderr = w, w
		if err := cmds[i].Start(); err != nil {
			t.Fatal(err)
		}
	}
	for i, cmd := range cmds {
		if err := cmd.Wait(); err != nil {
			t.Fatalf("sync %d: %v\n%s", i+1, err, outs[i].String())
		}
	}
	// Each fetches the changed shows the other has not saved yet: more
	// than 25 calls together, which at each one's own pace would pass 20
	// within 10 s.
	if n := fake.Requests.Load(); n <= 25 {
		t.Fatalf("TVmaze saw %d calls; the two syncs should make more than 25, enough to exceed its limit if each kept its own pace", n)
	}
	if n := fake.Throttled.Load(); n != 0 {
		t.Errorf("TVmaze throttled %d of %d calls from two syncs sharing one budget, want none", n, fake.Requests.Load())
	}
}
