package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/nextseason/nextseason/internal/model"
)

// What an operator does to accounts: list them, disable and enable them,
// set a password, list and revoke API tokens. Disabling or setting a
// password ends the account's sessions; every sign-in checks the account
// is not disabled (activeUser), on every instance at once.

// Users lists every account, oldest first.
func (s *Store) Users(ctx context.Context) ([]model.User, error) {
	rows, err := s.query(ctx, `SELECT `+userColumns+` FROM users u ORDER BY u.id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.User
	for rows.Next() {
		u, err := scanUser(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// SetUserDisabled disables an account (ending its sessions) or enables it
// again. Disabling a disabled account keeps when it was first disabled.
func (s *Store) SetUserDisabled(ctx context.Context, userID int64, disabled bool) error {
	return s.InTx(ctx, func(tx *Store) error {
		var at any // NULL: enabled
		if disabled {
			at = tx.now().UTC()
		}
		res, err := tx.exec(ctx, `UPDATE users SET disabled_at = CASE WHEN $2 THEN COALESCE(disabled_at, $3) END WHERE id = $1`, userID, disabled, at)
		if err != nil {
			return fmt.Errorf("user %d: %w", userID, err)
		}
		if err := mustChange(res, fmt.Sprintf("user %d", userID)); err != nil {
			return err
		}
		if !disabled {
			return nil
		}
		_, err = tx.exec(ctx, `DELETE FROM sessions WHERE user_id = $1`, userID)
		return err
	})
}

// SetPassword replaces an account's password hash and ends its sessions,
// so that whoever knew the old password is signed out everywhere.
func (s *Store) SetPassword(ctx context.Context, userID int64, passwordHash string) error {
	return s.InTx(ctx, func(tx *Store) error {
		res, err := tx.exec(ctx, `UPDATE users SET password_hash = $2 WHERE id = $1`, userID, passwordHash)
		if err != nil {
			return fmt.Errorf("user %d: %w", userID, err)
		}
		if err := mustChange(res, fmt.Sprintf("user %d", userID)); err != nil {
			return err
		}
		_, err = tx.exec(ctx, `DELETE FROM sessions WHERE user_id = $1`, userID)
		return err
	})
}

// Token is an API token as an operator sees it: never the token itself.
type Token struct {
	ID        int64
	UserID    int64
	Email     string
	CreatedAt time.Time
	LastUsed  time.Time // zero: never used
}

// Tokens lists the API tokens of userID, or of every account when it is
// 0, oldest first.
func (s *Store) Tokens(ctx context.Context, userID int64) ([]Token, error) {
	rows, err := s.query(ctx, `SELECT t.id, t.user_id, u.email, t.created_at, t.last_used_at
		FROM api_tokens t JOIN users u ON u.id = t.user_id
		WHERE $1 = 0 OR t.user_id = $1 ORDER BY t.id`, userID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Token
	for rows.Next() {
		var (
			t    Token
			last sql.NullTime
		)
		if err := rows.Scan(&t.ID, &t.UserID, &t.Email, &t.CreatedAt, &last); err != nil {
			return nil, err
		}
		t.CreatedAt = t.CreatedAt.UTC()
		if last.Valid {
			t.LastUsed = last.Time.UTC()
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// RevokeToken deletes an API token: the next request with it is refused.
func (s *Store) RevokeToken(ctx context.Context, id int64) error {
	res, err := s.exec(ctx, `DELETE FROM api_tokens WHERE id = $1`, id)
	if err != nil {
		return fmt.Errorf("token %d: %w", id, err)
	}
	return mustChange(res, fmt.Sprintf("token %d", id))
}

// mustChange is ErrNotFound, naming what, when res changed no row.
func mustChange(res sql.Result, what string) error {
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return fmt.Errorf("%s: %w", what, ErrNotFound)
	}
	return nil
}
