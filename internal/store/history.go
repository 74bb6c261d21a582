package store

import (
	"context"
	"database/sql"
	"slices"
	"time"
)

// Sent is one message to a user on its way or gone, as their delivery
// history shows it: a webhook delivery or a mail.
type Sent struct {
	Channel   string // "webhook" or "email"
	To        string // the endpoint's URL, or the address
	Event     *FollowedEvent
	DigestDay string // a digest's day
	State     string // pending, sent or failed
	Attempts  int
	// Sends counts the times it was sent: more than one when a sender
	// lost its lease and another sent it too.
	Sends     int
	LastError string
	// At is when it was sent, or, until then, when it is next tried.
	At time.Time
}

// UserSent lists userID's latest deliveries and mails, newest first, up
// to limit of each.
func (s *Store) UserSent(ctx context.Context, userID int64, limit int) ([]Sent, error) {
	var (
		out    []Sent
		events []int64 // out's events, 0 for none
	)
	for _, q := range []struct{ channel, query string }{
		{"webhook", `SELECT w.url, d.event_id, NULL, d.state, d.attempts, d.sends, d.last_error, d.sent_at, d.next_attempt_at
			FROM deliveries d JOIN webhooks w ON w.id = d.webhook_id WHERE w.user_id = $1 ORDER BY d.id DESC LIMIT $2`},
		{"email", `SELECT u.email, m.event_id, m.digest_day, m.state, m.attempts, m.sends, m.last_error, m.sent_at, m.next_attempt_at
			FROM mails m JOIN users u ON u.id = m.user_id WHERE m.user_id = $1 ORDER BY m.id DESC LIMIT $2`},
	} {
		rows, err := s.query(ctx, q.query, userID, limit)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			x := Sent{Channel: q.channel}
			var (
				event  sql.NullInt64
				day    sql.NullString
				sentAt sql.NullTime
				next   time.Time
			)
			if err := rows.Scan(&x.To, &event, &day, &x.State, &x.Attempts, &x.Sends, &x.LastError, &sentAt, &next); err != nil {
				rows.Close()
				return nil, err
			}
			x.DigestDay, x.At = day.String, next.UTC()
			if sentAt.Valid {
				x.At = sentAt.Time.UTC()
			}
			events = append(events, event.Int64)
			out = append(out, x)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	byID, err := s.events(ctx, events)
	if err != nil {
		return nil, err
	}
	for i, id := range events {
		if e, ok := byID[id]; ok {
			out[i].Event = &e
		}
	}
	slices.SortStableFunc(out, func(a, b Sent) int { return b.At.Compare(a.At) })
	return out, nil
}
