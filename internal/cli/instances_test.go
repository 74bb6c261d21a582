package cli_test

import (
	"fmt"
	"net/http"
	"net/url"
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

// instancesFollowers is how many followers' webhooks the fan-out reaches;
// each answers after a second.
const instancesFollowers = 3000

// deployment is nextseason run as processes on one database, as a
// deployment would: worker instances and one web-only instance
// (--no-workers), with a renewal proposed to 3,000 followers of Silicon
// Valley whose webhooks answer after a second each.
type deployment struct {
	dbURL   string
	env     []string
	sink    *webhooktest.Sink
	secret  string
	claimID int64
	web     *server
}

// editorToken of the deployment's instances.
const instancesToken = "instances-token"

func newDeployment(t *testing.T, onReceive func(n int)) *deployment {
	t.Helper()
	dbURL, st := demoStore(t, dbtest.Clock())
	d := &deployment{dbURL: dbURL, sink: webhooktest.NewSink(t), secret: notify.NewSecret()}
	d.sink.OnReceive = func(n int) {
		onReceive(n)
		time.Sleep(time.Second)
	}
	sh, err := st.FindShow(t.Context(), "silicon-valley")
	if err != nil {
		t.Fatal(err)
	}
	if err := webhooktest.AddFollowers(t.Context(), st, sh.ID, instancesFollowers, func(i int) string { return fmt.Sprintf("%s/hook/%d", d.sink.URL, i) }, d.secret); err != nil {
		t.Fatal(err)
	}
	c, err := webhooktest.ProposeRenewal(t.Context(), st, sh.ID, 7, model.DayDate(dbtest.Clock()), "https://trade.example/silicon-valley-s7-instances")
	if err != nil {
		t.Fatal(err)
	}
	d.claimID = c.ID
	// A 20 s lease: what a killed worker held goes again soon.
	d.env = []string{"NEXTSEASON_ALLOW_PRIVATE_NETWORKS=1", "NEXTSEASON_DELIVERY_LEASE=20s", "NEXTSEASON_EDITOR_TOKEN=" + instancesToken}
	d.web = startServer(t, dbURL, []string{"--no-workers"}, d.env...)
	return d
}

// worker starts a worker instance.
func (d *deployment) worker(t *testing.T) *server { return startServer(t, d.dbURL, nil, d.env...) }

// accept has an editor accept the renewal on the web instance.
func (d *deployment) accept(t *testing.T) {
	t.Helper()
	req, _ := http.NewRequest("POST", d.web.url(t)+"/api/v1/claims/"+strconv.FormatInt(d.claimID, 10)+"/accept", strings.NewReader(`{}`))
	req.Header.Set("Authorization", "Bearer "+instancesToken)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("accepting on the web instance: %d", resp.StatusCode)
	}
}

// reachAll waits, up to wait, until every follower has a delivery, then
// checks every delivery's signature and returns them all.
func (d *deployment) reachAll(t *testing.T, wait time.Duration, logs func() string) []webhooktest.Received {
	t.Helper()
	deadline := make(chan struct{})
	timer := time.AfterFunc(wait, func() { close(deadline) })
	defer timer.Stop()
	if !d.sink.WaitFor(deadline, func(all []webhooktest.Received) bool { return distinctPaths(all) == instancesFollowers }) {
		t.Fatalf("after %v, %d of %d followers reached:\n%s", wait, distinctPaths(d.sink.All()), instancesFollowers, logs())
	}
	all := d.sink.All()
	for _, r := range all {
		if err := webhooktest.Verify(d.secret, r.Header, r.Body, time.Now()); err != nil {
			t.Fatalf("a delivery to %s does not verify: %v", r.Path, err)
		}
	}
	return all
}

func distinctPaths(all []webhooktest.Received) int {
	paths := map[string]bool{}
	for _, r := range all {
		paths[r.Path] = true
	}
	return len(paths)
}

// TestThreeInstancesDeliverExactlyOnce: two worker instances and a web
// instance; nothing is killed. Every follower gets the renewal exactly
// once, signed. Meanwhile the limits shared
// through the database hold across the three processes in total: a spray
// of sign-ins from one address, spread over the instances, gets the one
// address's tries, and wrong guesses of the editors' token five.
func TestThreeInstancesDeliverExactlyOnce(t *testing.T) {
	d := newDeployment(t, func(int) {})
	workers := []*server{d.worker(t), d.worker(t)}
	instances := []*server{workers[0], workers[1], d.web}
	urls := make([]string, len(instances))
	for i, s := range instances {
		urls[i] = s.url(t)
	}
	d.accept(t)

	// The sign-in spray, while the fan-out runs.
	start := time.Now()
	tried := 0
	for i := range 60 {
		resp, err := http.PostForm(urls[i%3]+"/login", url.Values{"email": {fmt.Sprintf("spray%d@example.com", i)}, "password": {"guess"}})
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		switch resp.StatusCode {
		case http.StatusUnauthorized:
			tried++
		case http.StatusTooManyRequests:
		default:
			t.Fatalf("sign-in %d on instance %d: %d", i, i%3+1, resp.StatusCode)
		}
	}
	// 20 at once, then one every 3 s: the spray's own time may earn a few.
	if most := 20 + int(time.Since(start)/(3*time.Second)) + 1; tried > most || tried < 20 {
		t.Errorf("a spray of 60 accounts from one address over three instances: %d checked; want 20, and no more than %d in %v", tried, most, time.Since(start).Round(time.Millisecond))
	}
	var codes []int
	for i := range 7 {
		req, _ := http.NewRequest("GET", urls[i%3]+"/api/v1/review", nil)
		req.Header.Set("Authorization", "Bearer wrong-"+strconv.Itoa(i))
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		codes = append(codes, resp.StatusCode)
	}
	if want := []int{401, 401, 401, 401, 401, 429, 429}; fmt.Sprint(codes) != fmt.Sprint(want) {
		t.Errorf("seven wrong editor tokens over three instances: %v, want %v", codes, want)
	}

	all := d.reachAll(t, 5*time.Minute, func() string { return workers[0].logs() + workers[1].logs() })
	// A duplicate would come from a lease running out: give one time to.
	time.Sleep(25 * time.Second)
	if all = d.sink.All(); len(all) != instancesFollowers {
		t.Errorf("%d deliveries to %d followers with nothing killed, want each exactly once", len(all), instancesFollowers)
	}
}

// TestThreeInstancesDeliverDespiteAKill: an editor accepts a renewal on
// the web instance; the worker that started the fan-out is killed with
// SIGKILL part-way, while the other sends too. Every follower is
// reached, every delivery signed, and the duplicates the kill causes are
// at most a batch.
func TestThreeInstancesDeliverDespiteAKill(t *testing.T) {
	const secondAt, killAt = 300, 1000
	second, kill := make(chan struct{}), make(chan struct{})
	d := newDeployment(t, func(n int) {
		switch n {
		case secondAt:
			close(second)
		case killAt:
			close(kill)
		}
	})
	// The first worker starts the fan-out alone, so that it is surely
	// sending when it is killed; the second joins part-way.
	workers := []*server{d.worker(t)}
	d.accept(t)
	select {
	case <-second:
		workers = append(workers, d.worker(t))
	case <-time.After(3 * time.Minute):
		t.Fatalf("%d of %d deliveries in three minutes:\n%s", d.sink.Count(), instancesFollowers, workers[0].logs())
	}
	select {
	case <-kill:
		workers[0].cmd.Process.Signal(syscall.SIGKILL)
	case <-time.After(3 * time.Minute):
		t.Fatalf("%d of %d deliveries in three minutes, before the kill:\n%s", d.sink.Count(), instancesFollowers, workers[1].logs())
	}
	<-workers[0].exited
	all := d.reachAll(t, 4*time.Minute, workers[1].logs)
	if dup := len(all) - instancesFollowers; dup > 500 {
		t.Errorf("%d duplicates after killing a worker, more than a batch", dup)
	}
	t.Logf("a worker killed after %d of %d deliveries; every follower reached, with %d duplicates", killAt, instancesFollowers, len(all)-instancesFollowers)
}
