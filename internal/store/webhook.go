package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// Webhook is an endpoint a user's events are POSTed to.
type Webhook struct {
	ID        int64
	UserID    int64
	URL       string
	Secret    string
	CreatedAt time.Time
	// TestPending: a test was asked for and not sent yet. LastTestAt and
	// LastTestError say how the last one went.
	TestPending   bool
	LastTestAt    time.Time
	LastTestError string
}

// AddWebhook saves a user's endpoint with its signing secret.
func (s *Store) AddWebhook(ctx context.Context, userID int64, url, secret string) (Webhook, error) {
	h := Webhook{UserID: userID, URL: url, Secret: secret, CreatedAt: s.now().UTC()}
	err := s.queryRow(ctx, `INSERT INTO webhooks (user_id, url, secret, created_at) VALUES ($1, $2, $3, $4) RETURNING id`,
		userID, url, secret, h.CreatedAt).Scan(&h.ID)
	if errors.Is(err, ErrConflict) {
		return Webhook{}, fmt.Errorf("%w: a webhook for %s exists already", ErrConflict, url)
	}
	if err != nil {
		return Webhook{}, fmt.Errorf("add webhook: %w", err)
	}
	return h, nil
}

const webhookColumns = `id, user_id, url, secret, created_at, test_requested_at, last_test_at, last_test_error`

func scanWebhooks(rows *mappedRows) ([]Webhook, error) {
	defer rows.Close()
	var out []Webhook
	for rows.Next() {
		var h Webhook
		var requested, tested sql.NullTime
		if err := rows.Scan(&h.ID, &h.UserID, &h.URL, &h.Secret, &h.CreatedAt, &requested, &tested, &h.LastTestError); err != nil {
			return nil, err
		}
		h.CreatedAt, h.TestPending = h.CreatedAt.UTC(), requested.Valid
		if tested.Valid {
			h.LastTestAt = tested.Time.UTC()
		}
		out = append(out, h)
	}
	return out, rows.Err()
}

// UserWebhooks lists a user's endpoints, oldest first.
func (s *Store) UserWebhooks(ctx context.Context, userID int64) ([]Webhook, error) {
	rows, err := s.query(ctx, `SELECT `+webhookColumns+` FROM webhooks WHERE user_id = $1 ORDER BY id`, userID)
	if err != nil {
		return nil, err
	}
	return scanWebhooks(rows)
}

// DeleteWebhook removes one of userID's endpoints, with its pending
// deliveries; only the owner's: the user is part of the key.
func (s *Store) DeleteWebhook(ctx context.Context, userID, id int64) error {
	return s.ownWebhook(ctx, `DELETE FROM webhooks WHERE id = $1 AND user_id = $2`, id, userID)
}

// RequestWebhookTest asks the delivery job to send a test to one of
// userID's endpoints.
func (s *Store) RequestWebhookTest(ctx context.Context, userID, id int64) error {
	return s.ownWebhook(ctx, `UPDATE webhooks SET test_requested_at = $3 WHERE id = $1 AND user_id = $2`, id, userID, s.now().UTC())
}

// ownWebhook runs a statement on webhook id of userID, and says ErrNotFound
// when it touched none (no such webhook, or another user's).
func (s *Store) ownWebhook(ctx context.Context, query string, id, userID int64, more ...any) error {
	res, err := s.exec(ctx, query, append([]any{id, userID}, more...)...)
	if err != nil {
		return fmt.Errorf("webhook %d: %w", id, err)
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return fmt.Errorf("%w: you have no webhook %d", ErrNotFound, id)
	}
	return nil
}

// ClaimWebhookTests takes up to limit asked-for tests. A test is sent at
// most once: one lost in a crash can be asked for again.
func (s *Store) ClaimWebhookTests(ctx context.Context, limit int) ([]Webhook, error) {
	rows, err := s.query(ctx, `UPDATE webhooks SET test_requested_at = NULL
		WHERE test_requested_at IS NOT NULL AND id IN (SELECT id FROM webhooks WHERE test_requested_at IS NOT NULL ORDER BY test_requested_at LIMIT $1)
		RETURNING `+webhookColumns, limit)
	if err != nil {
		return nil, err
	}
	return scanWebhooks(rows)
}

// WebhookTested records how a test went; problem is empty when the
// endpoint accepted it.
func (s *Store) WebhookTested(ctx context.Context, id int64, problem string) error {
	_, err := s.exec(ctx, `UPDATE webhooks SET last_test_at = $2, last_test_error = $3 WHERE id = $1`, id, s.now().UTC(), problem)
	return err
}
