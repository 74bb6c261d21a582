-- The foundation: catalog, sources, claims (append-only) and chart weeks.
CREATE TABLE shows (
    id               INTEGER PRIMARY KEY,
    slug             TEXT NOT NULL UNIQUE,
    title            TEXT NOT NULL,
    title_key        TEXT NOT NULL DEFAULT '', -- normalised, leading article dropped: for prefix search
    network          TEXT NOT NULL DEFAULT '',
    country          TEXT NOT NULL DEFAULT '',
    language         TEXT NOT NULL DEFAULT '',
    genres           TEXT NOT NULL DEFAULT '[]', -- JSON array of strings
    summary          TEXT NOT NULL DEFAULT '',
    premiered        TEXT NOT NULL DEFAULT '',   -- partial date
    ended            TEXT NOT NULL DEFAULT '',   -- partial date
    provider_status  TEXT NOT NULL DEFAULT '',
    provider_seen_at TIMESTAMP,
    runtime          INTEGER NOT NULL DEFAULT 0,
    popularity       INTEGER NOT NULL DEFAULT 0,
    tvmaze_id        INTEGER UNIQUE,
    imdb_id          TEXT NOT NULL DEFAULT '',
    thetvdb_id       INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX shows_title ON shows (lower(title));
CREATE INDEX shows_title_key ON shows (title_key, popularity);

CREATE TABLE show_aliases (
    show_id INTEGER NOT NULL REFERENCES shows (id) ON DELETE CASCADE,
    name    TEXT NOT NULL,
    country TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (show_id, name, country)
);

CREATE TABLE seasons (
    show_id       INTEGER NOT NULL REFERENCES shows (id) ON DELETE CASCADE,
    number        INTEGER NOT NULL,
    name          TEXT NOT NULL DEFAULT '',
    episode_order INTEGER NOT NULL DEFAULT 0,
    premiere      TEXT NOT NULL DEFAULT '',
    end_date      TEXT NOT NULL DEFAULT '',
    tvmaze_id     INTEGER UNIQUE,
    PRIMARY KEY (show_id, number)
);

CREATE TABLE episodes (
    id        INTEGER PRIMARY KEY,
    show_id   INTEGER NOT NULL REFERENCES shows (id) ON DELETE CASCADE,
    season    INTEGER NOT NULL,
    number    INTEGER NOT NULL DEFAULT 0,
    name      TEXT NOT NULL DEFAULT '',
    airdate   TEXT NOT NULL DEFAULT '',
    runtime   INTEGER NOT NULL DEFAULT 0,
    tvmaze_id INTEGER NOT NULL UNIQUE
);
CREATE INDEX episodes_show ON episodes (show_id, season, number);

CREATE TABLE people (
    id        INTEGER PRIMARY KEY,
    name      TEXT NOT NULL,
    tvmaze_id INTEGER UNIQUE
);
CREATE INDEX people_name ON people (lower(name));

CREATE TABLE credits (
    show_id   INTEGER NOT NULL REFERENCES shows (id) ON DELETE CASCADE,
    season    INTEGER NOT NULL DEFAULT 0, -- 0: the whole show
    person_id INTEGER NOT NULL REFERENCES people (id),
    character TEXT NOT NULL DEFAULT '',
    role      TEXT NOT NULL CHECK (role IN ('main', 'recurring', 'guest', 'crew')),
    job       TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (show_id, season, person_id, character, job)
);

CREATE TABLE sources (
    id        INTEGER PRIMARY KEY,
    url       TEXT NOT NULL UNIQUE,
    publisher TEXT NOT NULL,
    title     TEXT NOT NULL DEFAULT '',
    published TEXT NOT NULL,  -- partial date
    tier      TEXT NOT NULL CHECK (tier IN ('official', 'trade', 'interview', 'report', 'provider', 'rumor'))
);

-- Claims are never updated: a correction is a new claim that supersedes
-- the old one, and review decisions go to claim_reviews.
CREATE TABLE claims (
    id          INTEGER PRIMARY KEY,
    fingerprint TEXT NOT NULL UNIQUE, -- content hash: re-imports change nothing
    show_id     INTEGER NOT NULL REFERENCES shows (id) ON DELETE CASCADE,
    season      INTEGER NOT NULL DEFAULT 0,
    person_id   INTEGER REFERENCES people (id),
    kind        TEXT NOT NULL CHECK (kind IN ('renewal', 'premiere', 'episodes', 'cast', 'plot', 'factor')),
    status      TEXT NOT NULL DEFAULT '',
    date_value  TEXT NOT NULL DEFAULT '',  -- partial date
    episodes    INTEGER NOT NULL DEFAULT 0,
    actor       TEXT NOT NULL DEFAULT '',
    character   TEXT NOT NULL DEFAULT '',
    cast_change TEXT NOT NULL DEFAULT '',
    text_value  TEXT NOT NULL DEFAULT '',
    quote       TEXT NOT NULL DEFAULT '',
    speaker     TEXT NOT NULL DEFAULT '',
    source_id   INTEGER NOT NULL REFERENCES sources (id),
    stated_at   TEXT NOT NULL,             -- YYYY-MM-DD
    recorded_at TIMESTAMP NOT NULL,
    confidence  REAL NOT NULL DEFAULT 1 CHECK (confidence >= 0 AND confidence <= 1),
    origin      TEXT NOT NULL CHECK (origin IN ('editor', 'feed', 'provider')),
    rule        TEXT NOT NULL DEFAULT '', -- for extracted claims: the rule that found it
    supersedes  INTEGER REFERENCES claims (id)
);
CREATE INDEX claims_show ON claims (show_id, season, kind);

CREATE TABLE claim_reviews (
    id         INTEGER PRIMARY KEY,
    claim_id   INTEGER NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
    state      TEXT NOT NULL CHECK (state IN ('proposed', 'accepted', 'rejected', 'superseded')),
    reviewer   TEXT NOT NULL DEFAULT '',
    decided_at TIMESTAMP NOT NULL
);
CREATE INDEX claim_reviews_claim ON claim_reviews (claim_id, id);

CREATE TABLE viewership (
    chart            TEXT NOT NULL,
    week_ending      TEXT NOT NULL,
    category         TEXT NOT NULL,
    rank             INTEGER NOT NULL,
    show_title       TEXT NOT NULL,
    season_title     TEXT NOT NULL,
    hours_viewed     INTEGER NOT NULL DEFAULT 0,
    views            INTEGER NOT NULL DEFAULT 0,
    cumulative_weeks INTEGER NOT NULL DEFAULT 0,
    show_id          INTEGER REFERENCES shows (id) ON DELETE SET NULL,
    season           INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (chart, week_ending, category, rank)
);
CREATE INDEX viewership_show ON viewership (show_id, season);
