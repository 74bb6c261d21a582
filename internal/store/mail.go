package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/nextseason/nextseason/internal/model"
)

// Mail is a mail on its way to a user: one event's (EventID), one day's
// digest (DigestDay), or a test (neither).
type Mail struct {
	ID        int64
	Attempts  int
	User      model.User
	EventID   int64
	DigestDay string // YYYY-MM-DD
}

// QueueMails queues an event's mail for every user with mail on who is
// to be told at once (toldAtOnce). Call it in the
// event's transaction.
func (s *Store) QueueMails(ctx context.Context, e model.Event) (int64, error) {
	res, err := s.exec(ctx, `
		INSERT INTO mails (user_id, event_id, state, attempts, next_attempt_at)
		SELECT u.id, $1, 'pending', 0, $2
		FROM users u WHERE u.email_alerts AND u.id IN (`+toldAtOnce()+`)
		ON CONFLICT DO NOTHING`,
		e.ID, s.now().UTC(), e.ShowID, string(e.Kind), e.PersonID)
	if err != nil {
		return 0, fmt.Errorf("queue mails of event %d: %w", e.ID, err)
	}
	return res.RowsAffected()
}

// QueueDigests queues the digest of day (UTC) for every user with mail on
// who has digest follows with events that day. Queuing a day twice adds
// nothing.
func (s *Store) QueueDigests(ctx context.Context, day time.Time) (int64, error) {
	start := time.Date(day.Year(), day.Month(), day.Day(), 0, 0, 0, 0, time.UTC)
	res, err := s.exec(ctx, `
		INSERT INTO mails (user_id, digest_day, state, attempts, next_attempt_at)
		SELECT u.id, $1, 'pending', 0, $2
		FROM users u
		WHERE u.email_alerts AND `+activeUser+` AND EXISTS (
			SELECT 1 FROM follows f JOIN events e ON e.show_id = f.show_id
			WHERE f.user_id = u.id AND f.delivery = 'digest' AND `+followWants("f", "e.kind")+`
			AND e.happened_at >= $3 AND e.happened_at < $4)
		ON CONFLICT DO NOTHING`,
		start.Format(time.DateOnly), s.now().UTC(), start, start.AddDate(0, 0, 1))
	if err != nil {
		return 0, fmt.Errorf("queue digests of %s: %w", start.Format(time.DateOnly), err)
	}
	return res.RowsAffected()
}

// QueueTestMail queues a test mail to a user.
func (s *Store) QueueTestMail(ctx context.Context, userID int64) error {
	_, err := s.exec(ctx, `INSERT INTO mails (user_id, state, attempts, next_attempt_at) VALUES ($1, 'pending', 0, $2)`, userID, s.now().UTC())
	return err
}

// DueMails takes up to limit pending mails whose time has come, oldest
// first, with their users, for lease (see claim).
func (s *Store) DueMails(ctx context.Context, limit int, lease time.Duration) ([]Mail, error) {
	ids, _, err := s.claim(ctx, "mails", limit, lease)
	if err != nil || len(ids) == 0 {
		return nil, err
	}
	in, list := s.inIDs("m.id", 1, ids)
	rows, err := s.query(ctx, `
		SELECT `+userColumns+`, m.id, m.attempts, m.event_id, m.digest_day
		FROM mails m JOIN users u ON u.id = m.user_id
		WHERE `+in+` ORDER BY m.id`, list)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Mail
	for rows.Next() {
		var (
			m     Mail
			event sql.NullInt64
			day   sql.NullString
		)
		if m.User, err = scanUser(rows, &m.ID, &m.Attempts, &event, &day); err != nil {
			return nil, err
		}
		m.EventID, m.DigestDay = event.Int64, day.String
		out = append(out, m)
	}
	return out, rows.Err()
}

// Event loads an event with its show's slug and title.
func (s *Store) Event(ctx context.Context, id int64) (FollowedEvent, error) {
	byID, err := s.events(ctx, []int64{id})
	if err != nil {
		return FollowedEvent{}, err
	}
	e, ok := byID[id]
	if !ok {
		return FollowedEvent{}, fmt.Errorf("event %d: %w", id, ErrNotFound)
	}
	return e, nil
}

// events loads, in one statement, the events of ids (0s ignored) with
// their shows' slugs and titles.
func (s *Store) events(ctx context.Context, ids []int64) (map[int64]FollowedEvent, error) {
	var want []int64
	for _, id := range ids {
		if id != 0 {
			want = append(want, id)
		}
	}
	out := map[int64]FollowedEvent{}
	if len(want) == 0 {
		return out, nil
	}
	in, list := s.inIDs("e.id", 1, want)
	rows, err := s.query(ctx, `SELECT `+eventColumns+`, sh.slug, sh.title FROM events e JOIN shows sh ON sh.id = e.show_id
		WHERE `+in, list)
	if err != nil {
		return nil, err
	}
	all, err := scanEvents(rows)
	for _, e := range all {
		out[e.ID] = e
	}
	return out, err
}

// DigestEvents lists, oldest first, the events of day (UTC) that userID's
// digest follows ask for.
func (s *Store) DigestEvents(ctx context.Context, userID int64, day string) ([]FollowedEvent, error) {
	start, err := time.Parse(time.DateOnly, day)
	if err != nil {
		return nil, fmt.Errorf("digest day %q: %w", day, err)
	}
	rows, err := s.query(ctx, `
		SELECT `+eventColumns+`, sh.slug, sh.title
		FROM events e
		JOIN follows f ON f.show_id = e.show_id AND f.user_id = $1 AND f.delivery = 'digest'
		JOIN shows sh ON sh.id = e.show_id
		WHERE `+followWants("f", "e.kind")+` AND e.happened_at >= $2 AND e.happened_at < $3
		ORDER BY e.id`, userID, start, start.AddDate(0, 0, 1))
	if err != nil {
		return nil, err
	}
	return scanEvents(rows)
}

// MailsSent records mails the SMTP server accepted.
func (s *Store) MailsSent(ctx context.Context, ids []int64) error {
	_, err := s.markSent(ctx, "mails", ids, time.Time{})
	return err
}

// MailFailed records a failed attempt: tried again at next, or, when next
// is zero, given up on.
func (s *Store) MailFailed(ctx context.Context, id int64, reason string, next time.Time) error {
	return s.markFailed(ctx, "mails", id, reason, next, time.Time{})
}
