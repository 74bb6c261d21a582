-- A user's other channels. feed_token opens their private Atom feed and
-- calendar (apps that fetch those cannot send headers); unsubscribe_token
-- is in every mail's unsubscribe link. Both are capabilities to read a
-- feed or to turn mail off, nothing more, so they are kept as they are:
-- the URLs are shown again on every GET /api/v1/me.
ALTER TABLE users ADD COLUMN email_alerts BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE users ADD COLUMN feed_token TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN unsubscribe_token TEXT NOT NULL DEFAULT '';
UPDATE users SET feed_token = 'nsf_' || lower(hex(randomblob(32))), unsubscribe_token = 'nsu_' || lower(hex(randomblob(32)));
CREATE UNIQUE INDEX users_feed_token ON users (feed_token);
CREATE UNIQUE INDEX users_unsubscribe_token ON users (unsubscribe_token);

-- Mails: the mail outbox, written in the event's transaction like
-- deliveries. A row is one event's mail (event_id), one day's digest
-- (digest_day, YYYY-MM-DD) or a test (neither).
CREATE TABLE mails (
    id              INTEGER PRIMARY KEY,
    user_id         INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    event_id        INTEGER REFERENCES events (id) ON DELETE CASCADE,
    digest_day      TEXT,
    state           TEXT NOT NULL CHECK (state IN ('pending', 'sent', 'failed')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP NOT NULL,
    last_error      TEXT NOT NULL DEFAULT '',
    sent_at         TIMESTAMP,
    UNIQUE (user_id, event_id),
    UNIQUE (user_id, digest_day)
);
CREATE INDEX mails_due ON mails (state, next_attempt_at);

-- A "send test" asked for on a webhook (test_requested_at), sent by the
-- delivery job, and how the last one went.
ALTER TABLE webhooks ADD COLUMN test_requested_at TIMESTAMP;
ALTER TABLE webhooks ADD COLUMN last_test_at TIMESTAMP;
ALTER TABLE webhooks ADD COLUMN last_test_error TEXT NOT NULL DEFAULT '';
-- The delivery job looks for asked-for tests on every run.
CREATE INDEX webhooks_test_requested ON webhooks (test_requested_at) WHERE test_requested_at IS NOT NULL;
