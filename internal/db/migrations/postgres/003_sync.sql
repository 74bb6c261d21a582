-- Catalog sync: resume points and the shows to fetch again.
CREATE TABLE sync_state (
    key        TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE sync_retries (
    provider     TEXT NOT NULL,
    external_id  BIGINT NOT NULL,
    attempts     BIGINT NOT NULL,
    last_error   TEXT NOT NULL,
    next_attempt TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (provider, external_id)
);
