-- Catalog sync: resume points and the shows to fetch again.
CREATE TABLE sync_state (
    key        TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE sync_retries (
    provider     TEXT NOT NULL,
    external_id  INTEGER NOT NULL,
    attempts     INTEGER NOT NULL,
    last_error   TEXT NOT NULL,
    next_attempt TIMESTAMP NOT NULL,
    PRIMARY KEY (provider, external_id)
);
