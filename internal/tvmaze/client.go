package tvmaze

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/url"
	"strconv"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// DefaultBaseURL is the public TVmaze API.
const DefaultBaseURL = "https://api.tvmaze.com"

// TVmaze allows at least 20 calls every 10 seconds per IP. The client
// never sends more than that in any 10-second window, whatever its rate.
const (
	windowCalls = 20
	window      = 10 * time.Second
	// windowMargin allows for requests that reach the server later than
	// they left, closer together than they were sent.
	windowMargin = 250 * time.Millisecond
)

// ErrNotModified is returned when a conditional request finds the
// resource unchanged since it was last fetched.
var ErrNotModified = errors.New("not modified")

// ErrNotFound is returned for a 404: a page past the end, a deleted show.
var ErrNotFound = errors.New("not found on TVmaze")

// Options configure a Client.
type Options struct {
	BaseURL   string        // default DefaultBaseURL
	PerSecond float64       // calls per second, at most 2; default 2
	Timeout   time.Duration // per request, default 30 s
	UserAgent string        // names the project and its version
	// MaxRetries bounds retries of one call after 429s and server
	// errors; default 8.
	MaxRetries int
	// RetryBase is the first retry's delay, doubling each time (with
	// jitter) unless the server says how long to wait; default 1 s.
	RetryBase time.Duration
	// Unlimited turns the rate limit off. Only for a local server:
	// benchmarks against the fake TVmaze.
	Unlimited bool
	Logger    *slog.Logger
	HTTP      *http.Client // default: one with Timeout
	// Budget, when set, paces calls together with every other client on
	// it (instances sharing a database), instead of this client alone.
	Budget Budget
}

// Budget hands out turns to call TVmaze, shared by everyone who calls
// from one address: ReserveTurn says how long to wait for the next.
type Budget interface {
	ReserveTurn(ctx context.Context, key string, every time.Duration) (time.Duration, error)
}

// budgetKey names TVmaze's turns in a shared Budget.
const budgetKey = "tvmaze"

// Client calls the TVmaze API politely: rate-limited, conditional,
// retrying 429s and server errors with backoff.
type Client struct {
	base       *url.URL
	http       *http.Client
	limiter    *rate.Limiter
	budget     Budget
	every      time.Duration // between calls, with a budget
	userAgent  string
	maxRetries int
	retryBase  time.Duration
	log        *slog.Logger

	mu         sync.Mutex
	recent     []time.Time // send times of the last windowCalls calls
	validators map[string]validator
}

type validator struct{ etag, lastModified string }

// NewClient makes a client.
func NewClient(o Options) (*Client, error) {
	if o.BaseURL == "" {
		o.BaseURL = DefaultBaseURL
	}
	base, err := url.Parse(o.BaseURL)
	if err != nil || (base.Scheme != "http" && base.Scheme != "https") || base.Host == "" {
		return nil, fmt.Errorf("TVmaze base URL %q: want http(s)://host", o.BaseURL)
	}
	if o.PerSecond == 0 {
		o.PerSecond = 2
	}
	if o.PerSecond < 0 || o.PerSecond > 2 {
		return nil, fmt.Errorf("TVmaze rate %v calls per second: want more than 0 and at most 2", o.PerSecond)
	}
	if o.Timeout == 0 {
		o.Timeout = 30 * time.Second
	}
	if o.MaxRetries == 0 {
		o.MaxRetries = 8
	}
	if o.RetryBase == 0 {
		o.RetryBase = time.Second
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	if o.HTTP == nil {
		o.HTTP = &http.Client{Timeout: o.Timeout}
	}
	c := &Client{base: base, http: o.HTTP, userAgent: o.UserAgent, maxRetries: o.MaxRetries, retryBase: o.RetryBase, log: o.Logger, validators: map[string]validator{}}
	switch {
	case o.Unlimited:
	case o.Budget != nil:
		c.budget, c.every = o.Budget, time.Duration(float64(time.Second)/o.PerSecond)
	default:
		c.limiter = rate.NewLimiter(rate.Limit(o.PerSecond), 1)
	}
	return c, nil
}

// Get fetches path (with its query) and returns the body. It returns
// ErrNotModified when the server says the resource is unchanged since
// this client last fetched it, and ErrNotFound for a 404.
func (c *Client) Get(ctx context.Context, pathAndQuery string) ([]byte, error) {
	return c.get(ctx, pathAndQuery, true)
}

func (c *Client) get(ctx context.Context, pathAndQuery string, conditional bool) ([]byte, error) {
	u, err := c.base.Parse(pathAndQuery)
	if err != nil {
		return nil, fmt.Errorf("TVmaze path %q: %w", pathAndQuery, err)
	}
	target := u.String()
	for attempt := 0; ; attempt++ {
		if err := c.wait(ctx); err != nil {
			return nil, err
		}
		body, retryAfter, err := c.do(ctx, target, conditional)
		if retryAfter < 0 || attempt >= c.maxRetries {
			return body, err
		}
		delay := max(retryAfter, backoff(c.retryBase, attempt))
		// Being asked to wait is routine; a failure is what an operator
		// should see at once (TVmaze unreachable leaves a sync waiting
		// for minutes otherwise without a word).
		level, msg := slog.LevelWarn, "TVmaze call failed; trying again"
		if se := (statusError{}); errors.As(err, &se) && se.code == http.StatusTooManyRequests {
			level, msg = slog.LevelDebug, "TVmaze asked us to wait"
		}
		c.log.Log(ctx, level, msg, "url", target, "attempt", attempt+1, "of", c.maxRetries+1, "delay", delay.Round(time.Millisecond), "reason", err)
		if err := sleep(ctx, delay); err != nil {
			return nil, err
		}
	}
}

// statusError is an answer worth retrying: 429 or a server error.
type statusError struct {
	code int
	msg  string
}

func (e statusError) Error() string { return e.msg }

// do makes one request. retryAfter is negative when the outcome is final,
// else how long the server asked us to wait (0 when it did not say).
func (c *Client) do(ctx context.Context, target string, conditional bool) (body []byte, retryAfter time.Duration, err error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, target, nil)
	if err != nil {
		return nil, -1, err
	}
	req.Header.Set("User-Agent", c.userAgent)
	req.Header.Set("Accept", "application/json")
	c.mu.Lock()
	v, known := c.validators[target]
	c.mu.Unlock()
	if known && conditional {
		if v.etag != "" {
			req.Header.Set("If-None-Match", v.etag)
		}
		if v.lastModified != "" {
			req.Header.Set("If-Modified-Since", v.lastModified)
		}
	}
	resp, err := c.http.Do(req)
	if err != nil {
		if ctx.Err() != nil {
			return nil, -1, ctx.Err()
		}
		return nil, 0, fmt.Errorf("GET %s: %w", target, err) // timeouts and resets are worth a retry
	}
	defer resp.Body.Close()
	switch {
	case resp.StatusCode == http.StatusOK:
		body, err := io.ReadAll(io.LimitReader(resp.Body, MaxDocumentSize+1))
		if err != nil {
			return nil, 0, fmt.Errorf("GET %s: reading the body: %w", target, err)
		}
		if len(body) > MaxDocumentSize {
			return nil, -1, fmt.Errorf("GET %s: response larger than %d MB", target, MaxDocumentSize>>20)
		}
		if etag, lm := resp.Header.Get("ETag"), resp.Header.Get("Last-Modified"); conditional && (etag != "" || lm != "") {
			c.mu.Lock()
			c.validators[target] = validator{etag: etag, lastModified: lm}
			c.mu.Unlock()
		}
		return body, -1, nil
	case resp.StatusCode == http.StatusNotModified:
		return nil, -1, ErrNotModified
	case resp.StatusCode == http.StatusNotFound:
		return nil, -1, fmt.Errorf("GET %s: %w", target, ErrNotFound)
	case resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500:
		io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		return nil, parseRetryAfter(resp.Header.Get("Retry-After"), time.Now()), statusError{resp.StatusCode, fmt.Sprintf("GET %s: %s", target, resp.Status)}
	}
	return nil, -1, fmt.Errorf("GET %s: %s", target, resp.Status)
}

// wait blocks until a call may be sent: the rate limiter allows it, and
// fewer than windowCalls calls were sent in the last window.
func (c *Client) wait(ctx context.Context) error {
	switch {
	case c.budget != nil:
		d, err := c.budget.ReserveTurn(ctx, budgetKey, c.every)
		if err != nil {
			return fmt.Errorf("TVmaze call budget: %w", err)
		}
		if err := sleep(ctx, d); err != nil {
			return err
		}
	case c.limiter == nil:
		return nil
	default:
		if err := c.limiter.Wait(ctx); err != nil {
			return err
		}
	}
	for {
		c.mu.Lock()
		now := time.Now()
		if len(c.recent) < windowCalls {
			c.recent = append(c.recent, now)
			c.mu.Unlock()
			return nil
		}
		if free := c.recent[0].Add(window + windowMargin); !now.Before(free) {
			c.recent = append(c.recent[1:], now)
			c.mu.Unlock()
			return nil
		} else {
			c.mu.Unlock()
			if err := sleep(ctx, free.Sub(now)); err != nil {
				return err
			}
		}
	}
}

// parseRetryAfter reads a Retry-After header: seconds, or an HTTP date.
func parseRetryAfter(h string, now time.Time) time.Duration {
	if h == "" {
		return 0
	}
	if s, err := strconv.Atoi(h); err == nil && s >= 0 {
		return min(time.Duration(s)*time.Second, 10*time.Minute)
	}
	if t, err := http.ParseTime(h); err == nil {
		return min(max(t.Sub(now), 0), 10*time.Minute)
	}
	return 0
}

// backoff is the exponential delay before retry attempt+1 (base, twice
// that, … up to 64 times base), with up to 50 % jitter so that many
// clients do not retry in step.
func backoff(base time.Duration, attempt int) time.Duration {
	d := base << min(attempt, 6)
	return d + rand.N(d/2+1)
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
