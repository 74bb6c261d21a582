-- News feeds, their items, and shows proposed by news the catalog lacks.
CREATE TABLE feeds (
    id               INTEGER PRIMARY KEY,
    url              TEXT NOT NULL UNIQUE,
    title            TEXT NOT NULL DEFAULT '',
    tier             TEXT NOT NULL CHECK (tier IN ('official', 'trade', 'interview', 'report', 'provider', 'rumor')),
    etag             TEXT NOT NULL DEFAULT '',
    last_modified    TEXT NOT NULL DEFAULT '',
    interval_seconds INTEGER NOT NULL DEFAULT 3600,
    failures         INTEGER NOT NULL DEFAULT 0,
    last_error       TEXT NOT NULL DEFAULT '',
    last_polled_at   TIMESTAMP,
    next_poll_at     TIMESTAMP NOT NULL
);
CREATE INDEX feeds_due ON feeds (next_poll_at);

CREATE TABLE feed_items (
    id           INTEGER PRIMARY KEY,
    feed_id      INTEGER NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
    guid         TEXT NOT NULL,
    link         TEXT NOT NULL DEFAULT '',
    hash         TEXT NOT NULL,
    title        TEXT NOT NULL DEFAULT '',
    summary      TEXT NOT NULL DEFAULT '',
    published_at TIMESTAMP,
    fetched_at   TIMESTAMP NOT NULL,
    UNIQUE (feed_id, guid)
);
CREATE INDEX feed_items_link ON feed_items (feed_id, link);
CREATE INDEX feed_items_hash ON feed_items (feed_id, hash);

ALTER TABLE shows ADD COLUMN proposed INTEGER NOT NULL DEFAULT 0;
