// Package metrics is what /metrics tells Prometheus. This instance's own
// work is counted as it happens: HTTP requests by route and status with
// their latency, background jobs by kind and outcome with their
// duration (the model fits among them), feed polls by outcome. What
// every instance sharing the database sees alike is read from it at each
// scrape: deliveries and mails by state with the age of the oldest due,
// and claims by review state.
package metrics

import (
	"context"
	"crypto/subtle"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/nextseason/nextseason/internal/store"
)

// Metrics holds the instance's registry and counters. A nil *Metrics
// counts nothing, so code that counts need not ask whether it is on.
type Metrics struct {
	registry *prometheus.Registry
	requests *prometheus.CounterVec
	latency  *prometheus.HistogramVec
	jobs     *prometheus.CounterVec
	jobTime  *prometheus.HistogramVec
	polls    *prometheus.CounterVec
}

// New makes the metrics of an instance on st.
func New(st *store.Store) *Metrics {
	m := &Metrics{
		registry: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "nextseason_http_requests_total",
			Help: "HTTP requests answered, by route (the pattern that matched, or \"unmatched\"), method and status code."},
			[]string{"route", "method", "code"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "nextseason_http_request_duration_seconds",
			Help: "Time to answer an HTTP request, by route and method.", Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5}},
			[]string{"route", "method"}),
		jobs: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "nextseason_jobs_total",
			Help: "Background jobs this instance worked, by kind (odds_fit, recommend_fit, feed_poll, webhooks_due …) and outcome (ok, error)."},
			[]string{"kind", "outcome"}),
		jobTime: prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "nextseason_job_duration_seconds",
			Help: "Time a background job took, by kind; odds_fit and recommend_fit are the model fits.", Buckets: prometheus.ExponentialBuckets(0.005, 4, 9)},
			[]string{"kind"}),
		polls: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "nextseason_feed_polls_total",
			Help: "News feeds this instance polled, by outcome (ok, failed: unreachable, refused or unreadable)."},
			[]string{"outcome"}),
	}
	m.registry.MustRegister(m.requests, m.latency, m.jobs, m.jobTime, m.polls,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
		&databaseCollector{store: st})
	return m
}

// Handler serves the metrics in Prometheus's text format; with a token,
// only to requests that send it as "Authorization: Bearer TOKEN".
func (m *Metrics) Handler(token string) http.Handler {
	h := promhttp.HandlerFor(m.registry, promhttp.HandlerOpts{ErrorHandling: promhttp.ContinueOnError})
	if token == "" {
		return h
	}
	want := []byte("Bearer " + token)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if subtle.ConstantTimeCompare([]byte(r.Header.Get("Authorization")), want) != 1 {
			w.Header().Set("WWW-Authenticate", `Bearer realm="metrics"`)
			http.Error(w, "metrics need Authorization: Bearer NEXTSEASON_METRICS_TOKEN", http.StatusUnauthorized)
			return
		}
		h.ServeHTTP(w, r)
	})
}

// ObserveRequest counts and times a request answered (an
// httpx.Observer). The route is the ServeMux pattern that matched, so the
// labels stay few whatever the paths asked for.
func (m *Metrics) ObserveRequest(r *http.Request, status int, took time.Duration) {
	if m == nil {
		return
	}
	route := r.Pattern
	if route == "" {
		route = "unmatched"
	}
	m.requests.WithLabelValues(route, r.Method, strconv.Itoa(status)).Inc()
	m.latency.WithLabelValues(route, r.Method).Observe(took.Seconds())
}

// JobWorked counts a background job of kind that took took and ended
// with err.
func (m *Metrics) JobWorked(kind string, took time.Duration, err error) {
	if m == nil {
		return
	}
	m.jobs.WithLabelValues(kind, outcome(err, "error")).Inc()
	m.jobTime.WithLabelValues(kind).Observe(took.Seconds())
}

// FeedPolled counts a poll of a feed that ended with err.
func (m *Metrics) FeedPolled(err error) {
	if m == nil {
		return
	}
	m.polls.WithLabelValues(outcome(err, "failed")).Inc()
}

func outcome(err error, failed string) string {
	if err != nil {
		return failed
	}
	return "ok"
}

// databaseCollector reads, at each scrape, what the database holds: the
// same on every instance.
type databaseCollector struct{ store *store.Store }

var (
	outboxDesc = prometheus.NewDesc("nextseason_outbox_messages",
		"Webhook deliveries and mails by channel (webhook, email) and state (pending, sent, failed).", []string{"channel", "state"}, nil)
	oldestDesc = prometheus.NewDesc("nextseason_outbox_oldest_due_seconds",
		"Age of the oldest pending delivery or mail whose time has come, by channel; 0 when none waits.", []string{"channel"}, nil)
	claimsDesc = prometheus.NewDesc("nextseason_claims",
		"Claims by their latest review state (proposed, accepted, rejected …).", []string{"state"}, nil)
)

func (c *databaseCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- outboxDesc
	ch <- oldestDesc
	ch <- claimsDesc
}

func (c *databaseCollector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	stats, err := c.store.OutboxStats(ctx)
	if err != nil {
		ch <- prometheus.NewInvalidMetric(outboxDesc, err)
	}
	oldest := map[string]float64{"webhook": 0, "email": 0}
	for _, s := range stats {
		ch <- prometheus.MustNewConstMetric(outboxDesc, prometheus.GaugeValue, float64(s.Count), s.Channel, s.State)
		if !s.OldestDue.IsZero() {
			oldest[s.Channel] = max(0, c.store.Now().Sub(s.OldestDue).Seconds())
		}
	}
	if err == nil {
		for channel, age := range oldest {
			ch <- prometheus.MustNewConstMetric(oldestDesc, prometheus.GaugeValue, age, channel)
		}
	}
	claims, err := c.store.ClaimStateCounts(ctx)
	if err != nil {
		ch <- prometheus.NewInvalidMetric(claimsDesc, fmt.Errorf("claims: %w", err))
		return
	}
	for state, n := range claims {
		ch <- prometheus.MustNewConstMetric(claimsDesc, prometheus.GaugeValue, float64(n), state)
	}
}
