-- A count per kind of data that instances keep in memory (the renewal
-- odds' inputs, the recommendation models), raised in the transaction of
-- every change: an instance that reads a count other than the one it
-- loaded at knows at once that what it keeps is stale.
CREATE TABLE generations (
    name TEXT PRIMARY KEY,
    n    BIGINT NOT NULL
);
