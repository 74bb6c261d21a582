-- Imports from Sonarr and Trakt match shows by their IMDb and TheTVDB ids.
CREATE INDEX shows_imdb ON shows (imdb_id) WHERE imdb_id <> '';
CREATE INDEX shows_thetvdb ON shows (thetvdb_id) WHERE thetvdb_id <> 0;
