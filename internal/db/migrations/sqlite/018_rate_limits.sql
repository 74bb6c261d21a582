-- Rate limits shared by every instance on the database: sign-in and
-- editor-token attempts ("addr 1.2.3.4", "email a@b.c") and the TVmaze
-- call budget ("tvmaze"). One row per key: its generic cell rate
-- algorithm's theoretical arrival time in Unix milliseconds. A row whose
-- time has passed is a full bucket, and is deleted.
CREATE TABLE rate_limits (
    key TEXT PRIMARY KEY,
    tat INTEGER NOT NULL,
    ok  INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX rate_limits_tat ON rate_limits (tat);
