package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/nextseason/nextseason/internal/model"
)

// Feed is a subscribed news feed and where its polling stands.
type Feed struct {
	ID           int64
	URL          string
	Title        string
	Tier         model.Tier
	ETag         string
	LastModified string
	Interval     time.Duration
	Failures     int
	LastError    string
	LastPolledAt time.Time
	NextPollAt   time.Time
}

// FeedItem is an item read from a feed.
type FeedItem struct {
	FeedID    int64
	GUID      string
	Link      string
	Hash      string
	Title     string
	Summary   string
	Published time.Time
}

const feedColumns = `id, url, title, tier, etag, last_modified, interval_seconds, failures, last_error, last_polled_at, next_poll_at`

func scanFeed(row interface{ Scan(...any) error }) (Feed, error) {
	var (
		f       Feed
		tier    string
		seconds int64
		last    sql.NullTime
	)
	if err := row.Scan(&f.ID, &f.URL, &f.Title, &tier, &f.ETag, &f.LastModified, &seconds, &f.Failures, &f.LastError, &last, &f.NextPollAt); err != nil {
		return Feed{}, err
	}
	f.Tier, f.Interval = model.Tier(tier), time.Duration(seconds)*time.Second
	if last.Valid {
		f.LastPolledAt = last.Time.UTC()
	}
	f.NextPollAt = f.NextPollAt.UTC()
	return f, nil
}

// AddFeed subscribes to a feed, due for polling now. Adding a URL already
// subscribed is a conflict.
func (s *Store) AddFeed(ctx context.Context, url string, tier model.Tier) (Feed, error) {
	var id int64
	err := s.queryRow(ctx, `INSERT INTO feeds (url, tier, next_poll_at) VALUES ($1, $2, $3) RETURNING id`, url, string(tier), s.now().UTC()).Scan(&id)
	if err != nil {
		return Feed{}, fmt.Errorf("subscribe to %s: %w", url, err)
	}
	return s.Feed(ctx, id)
}

// Feed loads a feed.
func (s *Store) Feed(ctx context.Context, id int64) (Feed, error) {
	f, err := scanFeed(s.queryRow(ctx, `SELECT `+feedColumns+` FROM feeds WHERE id = $1`, id))
	if err != nil {
		return Feed{}, fmt.Errorf("feed %d: %w", id, err)
	}
	return f, nil
}

// Feeds lists the feeds; with dueOnly, those whose time to poll has come.
func (s *Store) Feeds(ctx context.Context, dueOnly bool) ([]Feed, error) {
	until := time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)
	if dueOnly {
		until = s.now().UTC()
	}
	rows, err := s.query(ctx, `SELECT `+feedColumns+` FROM feeds WHERE next_poll_at <= $1 ORDER BY next_poll_at, id`, until)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Feed
	for rows.Next() {
		f, err := scanFeed(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	return out, rows.Err()
}

// RecordPoll saves how a poll went: the validators for the next
// conditional request, the interval, the failure count and error, and
// when to poll next.
func (s *Store) RecordPoll(ctx context.Context, f Feed) error {
	_, err := s.exec(ctx, `
		UPDATE feeds SET title = $2, etag = $3, last_modified = $4, interval_seconds = $5, failures = $6, last_error = $7,
			last_polled_at = $8, next_poll_at = $9
		WHERE id = $1`,
		f.ID, f.Title, f.ETag, f.LastModified, int64(f.Interval/time.Second), f.Failures, f.LastError, f.LastPolledAt.UTC(), f.NextPollAt.UTC())
	if err != nil {
		return fmt.Errorf("record poll of feed %d: %w", f.ID, err)
	}
	return nil
}

// feedItemSeen selects a feed's items that are the item $1 (feed), $2
// (GUID), $3 (link), $4 (content hash): the same GUID, or the same link,
// or the same content.
const feedItemSeen = `SELECT 1 FROM feed_items WHERE feed_id = $1 AND (guid = $2 OR (link <> '' AND link = $3) OR hash = $4)`

// HasFeedItem reports whether the feed has the item already (see
// feedItemSeen).
func (s *Store) HasFeedItem(ctx context.Context, it FeedItem) (bool, error) {
	var n int
	err := s.queryRow(ctx, `SELECT COUNT(*) FROM (`+feedItemSeen+`) AS seen`,
		it.FeedID, it.GUID, it.Link, it.Hash).Scan(&n)
	return n > 0, err
}

// AddFeedItem saves an item unless the feed has it already (see
// HasFeedItem) and reports whether it was new: one statement, which
// checks and inserts.
func (s *Store) AddFeedItem(ctx context.Context, it FeedItem) (bool, error) {
	// ON CONFLICT DO NOTHING: the same feed polled twice at once saves the
	// item once, and no error aborts a PostgreSQL transaction.
	res, err := s.exec(ctx, `
		INSERT INTO feed_items (feed_id, guid, link, hash, title, summary, published_at, fetched_at)
		SELECT $1, $2, $3, $4, $5, $6, $7, $8
		WHERE NOT EXISTS (`+feedItemSeen+`)
		ON CONFLICT (feed_id, guid) DO NOTHING`,
		it.FeedID, it.GUID, it.Link, it.Hash, it.Title, it.Summary, nullTime(it.Published), s.now().UTC())
	if err != nil {
		return false, fmt.Errorf("save feed item %q: %w", it.GUID, err)
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// CountFeedItems counts a feed's items.
func (s *Store) CountFeedItems(ctx context.Context, feedID int64) (int, error) {
	var n int
	err := s.queryRow(ctx, `SELECT COUNT(*) FROM feed_items WHERE feed_id = $1`, feedID).Scan(&n)
	return n, err
}
