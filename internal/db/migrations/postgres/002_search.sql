-- Full-text search over titles, aliases, networks and people (tsvector),
-- and the vocabulary it was built from, which typo correction searches.
CREATE TABLE show_search (
    show_id BIGINT PRIMARY KEY REFERENCES shows (id) ON DELETE CASCADE,
    doc     TSVECTOR NOT NULL
);
-- fastupdate off: a pending list of unmerged entries makes every search
-- scan it, which after a bulk sync costs milliseconds.
CREATE INDEX show_search_doc ON show_search USING GIN (doc) WITH (fastupdate = off);

CREATE TABLE search_terms (
    term TEXT COLLATE "C" PRIMARY KEY
);
