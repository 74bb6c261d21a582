-- /readyz proves that a write can commit by stamping this one row.
CREATE TABLE health (
    id         INTEGER PRIMARY KEY,
    checked_at TIMESTAMP NOT NULL
);
