-- Sign-in and editor-token attempt limits, shared by every instance on
-- the database: one row per key ("addr 1.2.3.4", "email a@b.c"), its
-- generic cell rate algorithm's theoretical arrival time in Unix
-- milliseconds. A row whose time has passed is a full bucket, and is
-- deleted.
CREATE TABLE login_limits (
    key TEXT PRIMARY KEY,
    tat INTEGER NOT NULL,
    ok  INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX login_limits_tat ON login_limits (tat);
