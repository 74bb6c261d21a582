-- FindShow looks aliases up by their lower-cased name: an index, rather
-- than a scan of every alias.
CREATE INDEX show_aliases_name ON show_aliases (lower(name));
