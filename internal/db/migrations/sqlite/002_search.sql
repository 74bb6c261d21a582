-- Full-text search over titles, aliases, networks and people (FTS5), and the
-- vocabulary it was built from, which typo correction searches.
CREATE VIRTUAL TABLE show_fts USING fts5 (
    title, aliases, network, people,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
);

-- Titles alone, searched first: a smaller index than the one above.
CREATE VIRTUAL TABLE show_title_fts USING fts5 (
    title,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
);

CREATE TABLE search_terms (
    term TEXT PRIMARY KEY
) WITHOUT ROWID;
