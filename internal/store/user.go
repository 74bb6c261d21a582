package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/nextseason/nextseason/internal/model"
)

// AddUser creates an account. The email is kept lower-case, so it is
// unique whatever case it is typed in; passwordHash may be empty (an
// account that signs in with tokens only).
func (s *Store) AddUser(ctx context.Context, email string, role model.Role, passwordHash string) (model.User, error) {
	email = strings.ToLower(strings.TrimSpace(email))
	var id int64
	err := s.queryRow(ctx, `INSERT INTO users (email, role, password_hash, created_at) VALUES ($1, $2, $3, $4) RETURNING id`,
		email, string(role), passwordHash, s.now().UTC()).Scan(&id)
	if err = mapErr(err); errors.Is(err, ErrConflict) {
		return model.User{}, fmt.Errorf("%w: %s has an account already", ErrConflict, email)
	}
	if err != nil {
		return model.User{}, fmt.Errorf("add user %s: %w", email, err)
	}
	return s.User(ctx, id)
}

const userColumns = `id, email, role, created_at`

// scanUser reads a row of userColumns, then the columns into extra.
func scanUser(row interface{ Scan(...any) error }, extra ...any) (model.User, error) {
	var u model.User
	var role string
	var created time.Time
	if err := row.Scan(append([]any{&u.ID, &u.Email, &role, &created}, extra...)...); err != nil {
		return model.User{}, mapErr(err)
	}
	u.Role, u.CreatedAt = model.Role(role), created.UTC()
	return u, nil
}

// User loads an account.
func (s *Store) User(ctx context.Context, id int64) (model.User, error) {
	u, err := scanUser(s.queryRow(ctx, `SELECT `+userColumns+` FROM users WHERE id = $1`, id))
	if err != nil {
		return model.User{}, fmt.Errorf("user %d: %w", id, err)
	}
	return u, nil
}

// UserByEmail loads an account by its email, in any case.
func (s *Store) UserByEmail(ctx context.Context, email string) (model.User, error) {
	email = strings.ToLower(strings.TrimSpace(email))
	u, err := scanUser(s.queryRow(ctx, `SELECT `+userColumns+` FROM users WHERE email = $1`, email))
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
		return fmt.Errorf("add token for user %d: %w", userID, mapErr(err))
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
	u, err := scanUser(s.queryRow(ctx, `SELECT u.id, u.email, u.role, u.created_at, t.last_used_at FROM users u
		JOIN api_tokens t ON t.user_id = u.id WHERE t.token_hash = $1`, tokenHash), &last)
	if err != nil {
		return model.User{}, fmt.Errorf("token: %w", err)
	}
	if now := s.now().UTC(); !last.Valid || now.Sub(last.Time) >= tokenUseStep {
		if _, err := s.exec(ctx, `UPDATE api_tokens SET last_used_at = $2 WHERE token_hash = $1`, tokenHash, now); err != nil {
			return model.User{}, fmt.Errorf("token: %w", mapErr(err))
		}
	}
	return u, nil
}
