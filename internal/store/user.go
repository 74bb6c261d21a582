package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/nextseason/nextseason/internal/auth"
	"github.com/nextseason/nextseason/internal/model"
)

// AddUser creates an account. The email is kept lower-case, so it is
// unique whatever case it is typed in; passwordHash may be empty (an
// account that signs in with tokens only).
func (s *Store) AddUser(ctx context.Context, email string, role model.Role, passwordHash string) (model.User, error) {
	email = strings.ToLower(strings.TrimSpace(email))
	var id int64
	err := s.queryRow(ctx, `INSERT INTO users (email, role, password_hash, created_at, feed_token, unsubscribe_token)
		VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
		email, string(role), passwordHash, s.now().UTC(), auth.Random(FeedTokenPrefix), auth.Random(UnsubscribeTokenPrefix)).Scan(&id)
	if errors.Is(err, ErrConflict) {
		return model.User{}, fmt.Errorf("%w: %s has an account already", ErrConflict, email)
	}
	if err != nil {
		return model.User{}, fmt.Errorf("add user %s: %w", email, err)
	}
	return s.User(ctx, id)
}

// Prefixes of a user's capability tokens, so a leaked one is easy to
// recognise.
const (
	FeedTokenPrefix        = "nsf_"
	UnsubscribeTokenPrefix = "nsu_"
)

const userColumns = `u.id, u.email, u.role, u.created_at, u.email_alerts, u.feed_token, u.unsubscribe_token, u.disabled_at`

// activeUser is the condition that u is not disabled: every way of
// signing in (password, session, API token, feed link) asks it.
const activeUser = `u.disabled_at IS NULL`

// scanUser reads a row of userColumns, then the columns into extra.
func scanUser(row interface{ Scan(...any) error }, extra ...any) (model.User, error) {
	var u model.User
	var role string
	var created time.Time
	var disabled sql.NullTime
	if err := row.Scan(append([]any{&u.ID, &u.Email, &role, &created, &u.EmailAlerts, &u.FeedToken, &u.UnsubscribeToken, &disabled}, extra...)...); err != nil {
		return model.User{}, err
	}
	u.Role, u.CreatedAt = model.Role(role), created.UTC()
	if disabled.Valid {
		u.DisabledAt = disabled.Time.UTC()
	}
	return u, nil
}

// User loads an account.
func (s *Store) User(ctx context.Context, id int64) (model.User, error) {
	u, err := scanUser(s.queryRow(ctx, `SELECT `+userColumns+` FROM users u WHERE id = $1`, id))
	if err != nil {
		return model.User{}, fmt.Errorf("user %d: %w", id, err)
	}
	return u, nil
}

// UserByEmail loads an account by its email, in any case.
func (s *Store) UserByEmail(ctx context.Context, email string) (model.User, error) {
	email = strings.ToLower(strings.TrimSpace(email))
	u, err := scanUser(s.queryRow(ctx, `SELECT `+userColumns+` FROM users u WHERE email = $1`, email))
	if err != nil {
		return model.User{}, fmt.Errorf("user %s: %w", email, err)
	}
	return u, nil
}

// AddToken stores the hash of a new API token of a user.
func (s *Store) AddToken(ctx context.Context, userID int64, tokenHash string) error {
	_, err := s.exec(ctx, `INSERT INTO api_tokens (user_id, token_hash, created_at) VALUES ($1, $2, $3)`,
		userID, tokenHash, s.now().UTC())
	if err != nil {
		return fmt.Errorf("add token for user %d: %w", userID, err)
	}
	return nil
}

// tokenUseStep is how precisely a token's last use is kept: finer would
// make every API request a write.
const tokenUseStep = time.Minute

// UserByToken finds the user an API token (by its hash) belongs to, and
// notes when it was used, to the minute.
func (s *Store) UserByToken(ctx context.Context, tokenHash string) (model.User, error) {
	var last sql.NullTime
	u, err := scanUser(s.queryRow(ctx, `SELECT `+userColumns+`, t.last_used_at FROM users u
		JOIN api_tokens t ON t.user_id = u.id WHERE t.token_hash = $1 AND `+activeUser, tokenHash), &last)
	if err != nil {
		return model.User{}, fmt.Errorf("token: %w", err)
	}
	if now := s.now().UTC(); !last.Valid || now.Sub(last.Time) >= tokenUseStep {
		if _, err := s.exec(ctx, `UPDATE api_tokens SET last_used_at = $2 WHERE token_hash = $1`, tokenHash, now); err != nil {
			return model.User{}, fmt.Errorf("token: %w", err)
		}
	}
	return u, nil
}

// UserByFeedToken finds the user whose private feed a token opens.
func (s *Store) UserByFeedToken(ctx context.Context, token string) (model.User, error) {
	return s.userByCapability(ctx, "feed_token", FeedTokenPrefix, token)
}

// UserByUnsubscribeToken finds the user an unsubscribe link is for.
func (s *Store) UserByUnsubscribeToken(ctx context.Context, token string) (model.User, error) {
	return s.userByCapability(ctx, "unsubscribe_token", UnsubscribeTokenPrefix, token)
}

// userByCapability looks a user up by one of their capability tokens; a
// token without its prefix is not looked for.
func (s *Store) userByCapability(ctx context.Context, column, prefix, token string) (model.User, error) {
	if !strings.HasPrefix(token, prefix) {
		return model.User{}, fmt.Errorf("%w: not a %s", ErrNotFound, strings.ReplaceAll(column, "_", " "))
	}
	u, err := scanUser(s.queryRow(ctx, `SELECT `+userColumns+` FROM users u WHERE `+column+` = $1 AND `+activeUser, token))
	if err != nil {
		return model.User{}, fmt.Errorf("%s: %w", strings.ReplaceAll(column, "_", " "), err)
	}
	return u, nil
}

// SetEmailAlerts turns a user's mail on or off.
func (s *Store) SetEmailAlerts(ctx context.Context, userID int64, on bool) error {
	_, err := s.exec(ctx, `UPDATE users SET email_alerts = $2 WHERE id = $1`, userID, on)
	return err
}

// NewFeedToken replaces a user's feed token, so the old feed and calendar
// URLs stop working, and returns the new one.
func (s *Store) NewFeedToken(ctx context.Context, userID int64) (string, error) {
	token := auth.Random(FeedTokenPrefix)
	_, err := s.exec(ctx, `UPDATE users SET feed_token = $2 WHERE id = $1`, userID, token)
	return token, err
}
