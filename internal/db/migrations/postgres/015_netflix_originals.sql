-- Wikipedia's lists of Netflix original programming, as imported: the
-- outcomes renewal odds learn from. One row per show and list (ended or
-- current); importing a list again replaces its rows.
CREATE TABLE netflix_originals (
    title_key  TEXT NOT NULL,
    ended      BOOLEAN NOT NULL,
    title      TEXT NOT NULL,
    premiere   TEXT NOT NULL DEFAULT '',
    finale     TEXT NOT NULL DEFAULT '',
    seasons    INTEGER NOT NULL DEFAULT 0,
    genre      TEXT NOT NULL DEFAULT '',
    language   TEXT NOT NULL DEFAULT '',
    miniseries BOOLEAN NOT NULL DEFAULT FALSE,
    excluded   TEXT NOT NULL DEFAULT '',
    listed     TEXT NOT NULL,
    PRIMARY KEY (title_key, ended)
);
