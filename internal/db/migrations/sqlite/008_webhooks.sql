-- Webhook endpoints: where a user's events are POSTed, with the secret
-- that signs them (kept as is: signing needs it).
CREATE TABLE webhooks (
    id         INTEGER PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    url        TEXT NOT NULL,
    secret     TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    UNIQUE (user_id, url)
);
