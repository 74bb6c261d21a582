package auth

import (
	"context"
	"crypto/subtle"
	"errors"
	"sync"
	"time"
)

// Attempts keeps attempt limits where every instance shares them (the
// database): TakeAttempt spends one of a key's attempts if it has one
// left, AttemptsLeft looks without spending.
type Attempts interface {
	TakeAttempt(ctx context.Context, key string, every time.Duration, burst int) (bool, error)
	AttemptsLeft(ctx context.Context, key string, every time.Duration, burst int) (bool, error)
}

// LoginLimiter slows password guessing: each client address and each
// account may try a few sign-ins, then one every few seconds, and wrong
// guesses of the shared editors' token are limited alike; the limits are
// kept in the database, so several instances allow no more than one.
// Only a few password checks (64 MiB each) run at once per process.
type LoginLimiter struct {
	attempts Attempts
	checks   chan struct{}
	once     sync.Once
	standIn  string
}

// Attempts allowed: per account, a burst of five, then one every twelve
// seconds; per address (which many people may share behind one router),
// a burst of twenty, then one every three seconds. Wrong guesses of the
// editors' token: the account's limit per address, and the address's
// limit over all addresses together.
const (
	emailBurst = 5
	emailEvery = 12 * time.Second
	addrBurst  = 20
	addrEvery  = 3 * time.Second
)

// NewLoginLimiter keeps limits in attempts and allows concurrent
// password checks at once.
func NewLoginLimiter(attempts Attempts, concurrent int) *LoginLimiter {
	return &LoginLimiter{attempts: attempts, checks: make(chan struct{}, concurrent)}
}

// Allow reports whether a sign-in from addr to email may be tried now,
// spending an attempt of each. The address is asked first: an attempt
// it refuses spends none of the account's, so a spray of made-up
// accounts from one address creates no keys past its limit, and
// guessing one account from many addresses still meets the account's.
func (l *LoginLimiter) Allow(ctx context.Context, addr, email string) (bool, error) {
	ok, err := l.attempts.TakeAttempt(ctx, "addr "+addr, addrEvery, addrBurst)
	if err != nil || !ok {
		return false, err
	}
	return l.attempts.TakeAttempt(ctx, "email "+email, emailEvery, emailBurst)
}

// ErrTooMany says an address (or everyone) has no attempts left for now.
var ErrTooMany = errors.New("too many attempts; wait a minute")

// CheckToken compares guess with the editors' token, within the limits:
// ErrTooMany, without comparing, when addr or all addresses together
// have no wrong guesses left; ErrMismatch, spending one, when wrong.
func (l *LoginLimiter) CheckToken(ctx context.Context, addr, token, guess string) error {
	ok, err := l.tokenAllowed(ctx, addr)
	switch {
	case err != nil:
		return err
	case !ok:
		return ErrTooMany
	case subtle.ConstantTimeCompare([]byte(guess), []byte(token)) == 1:
		return nil
	}
	if err := l.tokenFailed(ctx, addr); err != nil {
		return err
	}
	return ErrMismatch
}

// tokenAllowed reports whether addr may try the editors' token now: it
// has wrong guesses left, and so have all addresses together.
func (l *LoginLimiter) tokenAllowed(ctx context.Context, addr string) (bool, error) {
	ok, err := l.attempts.AttemptsLeft(ctx, "token-addr "+addr, emailEvery, emailBurst)
	if err != nil || !ok {
		return false, err
	}
	return l.attempts.AttemptsLeft(ctx, "token", addrEvery, addrBurst)
}

// tokenFailed spends one of addr's wrong guesses of the editors' token,
// and one of all addresses'.
func (l *LoginLimiter) tokenFailed(ctx context.Context, addr string) error {
	if _, err := l.attempts.TakeAttempt(ctx, "token-addr "+addr, emailEvery, emailBurst); err != nil {
		return err
	}
	_, err := l.attempts.TakeAttempt(ctx, "token", addrEvery, addrBurst)
	return err
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
