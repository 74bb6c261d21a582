package store

import (
	"context"
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

func scanUser(row interface{ Scan(...any) error }) (model.User, error) {
	var u model.User
	var role string
	var created time.Time
	if err := row.Scan(&u.ID, &u.Email, &role, &created); err != nil {
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

// UserByToken finds the user an API token (by its hash) belongs to, and
// notes when it was used.
func (s *Store) UserByToken(ctx context.Context, tokenHash string) (model.User, error) {
	u, err := scanUser(s.queryRow(ctx, `SELECT u.id, u.email, u.role, u.created_at FROM users u
		JOIN api_tokens t ON t.user_id = u.id WHERE t.token_hash = $1`, tokenHash))
	if err != nil {
		return model.User{}, fmt.Errorf("token: %w", err)
	}
	if _, err := s.exec(ctx, `UPDATE api_tokens SET last_used_at = $2 WHERE token_hash = $1`, tokenHash, s.now().UTC()); err != nil {
		return model.User{}, fmt.Errorf("token: %w", mapErr(err))
	}
	return u, nil
}
