package store

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/nextseason/nextseason/internal/model"
)

// Delivery is an event on its way to one webhook endpoint, with what
// sending it needs.
type Delivery struct {
	ID       int64
	Attempts int
	Event    FollowedEvent
	URL      string
	Secret   string
}

// QueueDeliveries queues an event for every webhook endpoint of every
// user to be told at once (toldAtOnce): one statement, whatever the
// number of followers. Call it in the event's
// transaction.
func (s *Store) QueueDeliveries(ctx context.Context, e model.Event) (int64, error) {
	res, err := s.exec(ctx, `
		INSERT INTO deliveries (event_id, webhook_id, state, attempts, next_attempt_at)
		SELECT $1, w.id, 'pending', 0, $2
		FROM webhooks w WHERE w.user_id IN (`+toldAtOnce()+`)
		ON CONFLICT (event_id, webhook_id) DO NOTHING`,
		e.ID, s.now().UTC(), e.ShowID, string(e.Kind), e.PersonID)
	if err != nil {
		return 0, fmt.Errorf("queue deliveries of event %d: %w", e.ID, err)
	}
	return res.RowsAffected()
}

// DueDeliveries takes up to limit pending deliveries whose time has come,
// oldest first, for lease (see claim), and says when the lease ends: the
// sender must be done by then, and names it when marking them.
func (s *Store) DueDeliveries(ctx context.Context, limit int, lease time.Duration) ([]Delivery, time.Time, error) {
	ids, until, err := s.claim(ctx, "deliveries", limit, lease)
	if err != nil || len(ids) == 0 {
		return nil, until, err
	}
	in, list := s.inIDs("d.id", 1, ids)
	rows, err := s.query(ctx, `
		SELECT d.id, d.attempts, d.event_id, w.url, w.secret
		FROM deliveries d JOIN webhooks w ON w.id = d.webhook_id
		WHERE `+in+` ORDER BY d.id`, list)
	if err != nil {
		return nil, until, err
	}
	defer rows.Close()
	var (
		out    []Delivery
		events []int64
	)
	for rows.Next() {
		var d Delivery
		if err := rows.Scan(&d.ID, &d.Attempts, &d.Event.ID, &d.URL, &d.Secret); err != nil {
			return nil, until, err
		}
		out = append(out, d)
		events = append(events, d.Event.ID)
	}
	if err := rows.Err(); err != nil {
		return nil, until, err
	}
	// A batch is mostly one event's deliveries: each event is read once.
	slices.Sort(events)
	byID, err := s.events(ctx, slices.Compact(events))
	if err != nil {
		return nil, until, err
	}
	kept := out[:0]
	for _, d := range out {
		if e, ok := byID[d.Event.ID]; ok {
			d.Event = e
			kept = append(kept, d)
		}
	}
	return kept, until, nil
}

// DeliveriesSent records deliveries their endpoints accepted, those still
// leased until held, and says how many: fewer means a lease ran out
// before its delivery was marked, and it may be sent again.
func (s *Store) DeliveriesSent(ctx context.Context, ids []int64, held time.Time) (int, error) {
	return s.markSent(ctx, "deliveries", ids, held)
}

// DeliveryFailed records a failed attempt of a delivery leased until
// held: tried again at next, or, when next is zero, given up on (the
// user sees it failed).
func (s *Store) DeliveryFailed(ctx context.Context, id int64, reason string, next, held time.Time) error {
	return s.markFailed(ctx, "deliveries", id, reason, next, held)
}

// RenewDeliveries extends to lease from now the hold on those of ids
// still leased until held, and returns them (the others were sent,
// failed, or taken by another sender) and when the new lease ends.
func (s *Store) RenewDeliveries(ctx context.Context, ids []int64, held time.Time, lease time.Duration) ([]int64, time.Time, error) {
	return s.renew(ctx, "deliveries", ids, held, lease)
}

// ReleaseDeliveries gives back deliveries leased until held that were
// not tried, due again at once.
func (s *Store) ReleaseDeliveries(ctx context.Context, ids []int64, held time.Time) error {
	return s.release(ctx, "deliveries", ids, held)
}

// CountDueDeliveries counts the pending deliveries whose time has come
// (not held by a sender's lease).
func (s *Store) CountDueDeliveries(ctx context.Context) (int, error) {
	var n int
	err := s.queryRow(ctx, `SELECT COUNT(*) FROM deliveries WHERE state = 'pending' AND next_attempt_at <= $1`, s.now().UTC()).Scan(&n)
	return n, err
}
