package auth

import (
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// LoginLimiter slows password guessing: each client address and each
// account may try a few sign-ins, then one every few seconds; and only a
// few password checks (64 MiB each) run at once. It is per process: with
// several instances, each allows as much.
type LoginLimiter struct {
	mu       sync.Mutex
	limiters map[string]*rate.Limiter
	checks   chan struct{}
	once     sync.Once
	standIn  string
}

// Login attempts allowed: per account, a burst of five, then one every
// twelve seconds; per address (which many people may share behind one
// router), a burst of twenty, then one every three seconds.
const (
	emailBurst = 5
	emailEvery = 12 * time.Second
	addrBurst  = 20
	addrEvery  = 3 * time.Second
	// maxKeys bounds the limiter's memory; when full it starts afresh.
	maxKeys = 100_000
)

// NewLoginLimiter allows concurrent password checks at once.
func NewLoginLimiter(concurrent int) *LoginLimiter {
	return &LoginLimiter{limiters: map[string]*rate.Limiter{}, checks: make(chan struct{}, concurrent)}
}

// Allow reports whether a sign-in from addr to email may be tried now;
// both must have attempts left.
func (l *LoginLimiter) Allow(addr, email string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.limiters) > maxKeys {
		l.limiters = map[string]*rate.Limiter{}
	}
	ok := true
	for _, k := range []struct {
		key   string
		every time.Duration
		burst int
	}{{"addr " + addr, addrEvery, addrBurst}, {"email " + email, emailEvery, emailBurst}} {
		lim := l.limiters[k.key]
		if lim == nil {
			lim = rate.NewLimiter(rate.Every(k.every), k.burst)
			l.limiters[k.key] = lim
		}
		// Both are charged, so guessing many accounts from one address
		// and one account from many addresses are both slowed.
		ok = lim.Allow() && ok
	}
	return ok
}

// Check runs a password check when a slot is free. An account without a
// password (hash "") is checked against a stand-in, so that a sign-in
// takes as long whether or not the account exists.
func (l *LoginLimiter) Check(hash, password string) error {
	l.checks <- struct{}{}
	defer func() { <-l.checks }()
	if hash == "" {
		l.once.Do(func() { l.standIn, _ = HashPassword(Random("stand-in ")) })
		CheckPassword(l.standIn, password)
		return ErrMismatch
	}
	return CheckPassword(hash, password)
}
