package cli_test

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/nextseason/nextseason/internal/dbtest"
	"github.com/nextseason/nextseason/internal/model"
	"github.com/nextseason/nextseason/internal/notify"
	"github.com/nextseason/nextseason/internal/notify/webhooktest"
)

// TestThreeInstancesDeliverDespiteAKill runs nextseason as three
// processes on one database, as a deployment would: two worker instances
// and one web-only instance (--no-workers). An editor accepts a renewal
// on the web instance; 3,000 followers' webhooks answer after a second
// each; the worker that started the fan-out is killed with SIGKILL
// part-way, while the other sends too. Every follower is reached, every
// delivery signed, and the duplicates the kill causes are at most a
// batch.
func TestThreeInstancesDeliverDespiteAKill(t *testing.T) {
	const followers, secondAt, killAt = 3000, 300, 1000
	dbURL, st := demoStore(t, dbtest.Clock())
	sink := webhooktest.NewSink(t)
	second, kill := make(chan struct{}), make(chan struct{})
	sink.OnReceive = func(n int) {
		switch n {
		case secondAt:
			close(second)
		case killAt:
			close(kill)
		}
		time.Sleep(time.Second)
	}
	sh, err := st.FindShow(t.Context(), "silicon-valley")
	if err != nil {
		t.Fatal(err)
	}
	secret := notify.NewSecret()
	if err := webhooktest.AddFollowers(t.Context(), st, sh.ID, followers, func(i int) string { return fmt.Sprintf("%s/hook/%d", sink.URL, i) }, secret); err != nil {
		t.Fatal(err)
	}
	c, err := webhooktest.ProposeRenewal(t.Context(), st, sh.ID, 7, model.DayDate(dbtest.Clock()), "https://trade.example/silicon-valley-s7-instances")
	if err != nil {
		t.Fatal(err)
	}
	// A 20 s lease: what the killed worker held goes again soon.
	env := []string{"NEXTSEASON_ALLOW_PRIVATE_NETWORKS=1", "NEXTSEASON_DELIVERY_LEASE=20s", "NEXTSEASON_EDITOR_TOKEN=instances-token"}
	// The first worker starts the fan-out alone, so that it is surely
	// sending when it is killed; the second joins part-way.
	workers := []*server{startServer(t, dbURL, nil, env...)}
	web := startServer(t, dbURL, []string{"--no-workers"}, env...)
	req, _ := http.NewRequest("POST", web.url(t)+"/api/v1/claims/"+strconv.FormatInt(c.ID, 10)+"/accept", strings.NewReader(`{"reviewer": "ed@example.com"}`))
	req.Header.Set("Authorization", "Bearer instances-token")
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("accepting on the web instance: %d", resp.StatusCode)
	}
	select {
	case <-second:
		workers = append(workers, startServer(t, dbURL, nil, env...))
	case <-time.After(3 * time.Minute):
		t.Fatalf("%d of %d deliveries in three minutes:\n%s", sink.Count(), followers, workers[0].logs())
	}
	select {
	case <-kill:
		workers[0].cmd.Process.Signal(syscall.SIGKILL)
	case <-time.After(3 * time.Minute):
		t.Fatalf("%d of %d deliveries in three minutes, before the kill:\n%s", sink.Count(), followers, workers[1].logs())
	}
	<-workers[0].exited
	deadline := make(chan struct{})
	timer := time.AfterFunc(4*time.Minute, func() { close(deadline) })
	defer timer.Stop()
	distinct := func(all []webhooktest.Received) int {
		paths := map[string]bool{}
		for _, r := range all {
			paths[r.Path] = true
		}
		return len(paths)
	}
	if !sink.WaitFor(deadline, func(all []webhooktest.Received) bool { return distinct(all) == followers }) {
		t.Fatalf("four minutes after the kill, %d of %d followers reached:\n%s", distinct(sink.All()), followers, workers[1].logs())
	}
	all := sink.All()
	for _, r := range all {
		if err := webhooktest.Verify(secret, r.Header, r.Body, time.Now()); err != nil {
			t.Fatalf("a delivery to %s does not verify: %v", r.Path, err)
		}
	}
	if dup := len(all) - followers; dup > 500 {
		t.Errorf("%d duplicates after killing a worker, more than a batch", dup)
	}
	t.Logf("a worker killed after %d of %d deliveries; every follower reached, with %d duplicates", killAt, followers, len(all)-followers)
}
