-- Events: each change in a resolved answer, stored once, for followers.
CREATE TABLE events (
    id          INTEGER PRIMARY KEY,
    show_id     INTEGER NOT NULL REFERENCES shows (id) ON DELETE CASCADE,
    season      INTEGER NOT NULL,
    kind        TEXT NOT NULL,
    old_value   TEXT NOT NULL DEFAULT '',
    new_value   TEXT NOT NULL,
    claim_id    INTEGER REFERENCES claims (id),
    source_url  TEXT NOT NULL DEFAULT '',
    happened_at TIMESTAMP NOT NULL,
    UNIQUE (show_id, season, kind, old_value, new_value)
);
CREATE INDEX events_time ON events (happened_at);
