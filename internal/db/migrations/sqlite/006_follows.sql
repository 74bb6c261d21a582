-- Follows: which shows a user follows, for which events, delivered how.
CREATE TABLE follows (
    id         INTEGER PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    show_id    INTEGER NOT NULL REFERENCES shows (id) ON DELETE CASCADE,
    events     TEXT NOT NULL,  -- comma-separated event kinds
    delivery   TEXT NOT NULL CHECK (delivery IN ('immediate', 'digest')),
    created_at TIMESTAMP NOT NULL,
    UNIQUE (user_id, show_id)
);
CREATE INDEX follows_show ON follows (show_id);
