-- Deliveries: one row per event and webhook endpoint, written in the same
-- transaction as the event, so a crash loses none; a job sends the due ones.
CREATE TABLE deliveries (
    id              INTEGER PRIMARY KEY,
    event_id        INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    webhook_id      INTEGER NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
    state           TEXT NOT NULL CHECK (state IN ('pending', 'sent', 'failed')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP NOT NULL,
    last_error      TEXT NOT NULL DEFAULT '',
    sent_at         TIMESTAMP,
    UNIQUE (event_id, webhook_id)
);
CREATE INDEX deliveries_due ON deliveries (state, next_attempt_at);
