-- A decision names the account that made it: the signed-in user (a
-- session or an API token). NULL when it came another way (the editors'
-- shared token or password, the command line, a sync), which reviewer
-- names.
ALTER TABLE claim_reviews ADD COLUMN reviewer_id INTEGER REFERENCES users (id);
