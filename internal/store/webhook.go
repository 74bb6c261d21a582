package store

import (
	"context"
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
}

// AddWebhook saves a user's endpoint with its signing secret.
func (s *Store) AddWebhook(ctx context.Context, userID int64, url, secret string) (Webhook, error) {
	h := Webhook{UserID: userID, URL: url, Secret: secret, CreatedAt: s.now().UTC()}
	err := mapErr(s.queryRow(ctx, `INSERT INTO webhooks (user_id, url, secret, created_at) VALUES ($1, $2, $3, $4) RETURNING id`,
		userID, url, secret, h.CreatedAt).Scan(&h.ID))
	if errors.Is(err, ErrConflict) {
		return Webhook{}, fmt.Errorf("%w: a webhook for %s exists already", ErrConflict, url)
	}
	if err != nil {
		return Webhook{}, fmt.Errorf("add webhook: %w", err)
	}
	return h, nil
}

// UserWebhooks lists a user's endpoints, oldest first.
func (s *Store) UserWebhooks(ctx context.Context, userID int64) ([]Webhook, error) {
	rows, err := s.query(ctx, `SELECT id, user_id, url, secret, created_at FROM webhooks WHERE user_id = $1 ORDER BY id`, userID)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	var out []Webhook
	for rows.Next() {
		var h Webhook
		if err := rows.Scan(&h.ID, &h.UserID, &h.URL, &h.Secret, &h.CreatedAt); err != nil {
			return nil, mapErr(err)
		}
		h.CreatedAt = h.CreatedAt.UTC()
		out = append(out, h)
	}
	return out, mapErr(rows.Err())
}
