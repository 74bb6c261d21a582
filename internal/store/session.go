package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/nextseason/nextseason/internal/model"
)

// UserForLogin loads an account and its password hash ("" when it signs
// in with tokens only).
func (s *Store) UserForLogin(ctx context.Context, email string) (model.User, string, error) {
	var hash string
	u, err := scanUser(s.queryRow(ctx, `SELECT `+userColumns+`, u.password_hash FROM users u WHERE u.email = $1 AND `+activeUser,
		strings.ToLower(strings.TrimSpace(email))), &hash)
	if err != nil {
		return model.User{}, "", fmt.Errorf("user %s: %w", email, err)
	}
	return u, hash, nil
}

// AddSession stores a signed-in browser's session, by its token's hash,
// until expires.
func (s *Store) AddSession(ctx context.Context, userID int64, tokenHash string, expires time.Time) error {
	_, err := s.exec(ctx, `INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)`,
		tokenHash, userID, s.now().UTC(), expires.UTC())
	return err
}

// UserBySession finds the user of a session that has not expired.
func (s *Store) UserBySession(ctx context.Context, tokenHash string) (model.User, error) {
	u, err := scanUser(s.queryRow(ctx, `SELECT `+userColumns+` FROM users u JOIN sessions se ON se.user_id = u.id
		WHERE se.token_hash = $1 AND se.expires_at > $2 AND `+activeUser, tokenHash, s.now().UTC()))
	if err != nil {
		return model.User{}, fmt.Errorf("session: %w", err)
	}
	return u, nil
}

// DeleteSession ends a session (signing out), and any expired ones.
func (s *Store) DeleteSession(ctx context.Context, tokenHash string) error {
	_, err := s.exec(ctx, `DELETE FROM sessions WHERE token_hash = $1 OR expires_at <= $2`, tokenHash, s.now().UTC())
	return err
}
