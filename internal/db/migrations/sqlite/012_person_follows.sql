-- Following people, for their new roles: cast news that names them, and
-- new credits in the catalog. An event about a person records who.
CREATE TABLE person_follows (
    id INTEGER PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    person_id  INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    created_at TIMESTAMP NOT NULL,
    UNIQUE (user_id, person_id)
);
CREATE INDEX person_follows_person ON person_follows (person_id);

ALTER TABLE events ADD COLUMN person_id INTEGER REFERENCES people (id);
