-- The event kinds a follow asks for, one bit each (store/follow.go's
-- eventBits: renewed 1, canceled 2, ended_final_season 4, premiere_dated 8,
-- premiere_moved 16, cast_news 32, season_released 64, at_risk 128),
-- instead of comma-separated names matched with LIKE.
ALTER TABLE follows ADD COLUMN event_mask BIGINT NOT NULL DEFAULT 0;
UPDATE follows SET event_mask =
    (CASE WHEN ',' || events || ',' LIKE '%,renewed,%' THEN 1 ELSE 0 END) +
    (CASE WHEN ',' || events || ',' LIKE '%,canceled,%' THEN 2 ELSE 0 END) +
    (CASE WHEN ',' || events || ',' LIKE '%,ended_final_season,%' THEN 4 ELSE 0 END) +
    (CASE WHEN ',' || events || ',' LIKE '%,premiere_dated,%' THEN 8 ELSE 0 END) +
    (CASE WHEN ',' || events || ',' LIKE '%,premiere_moved,%' THEN 16 ELSE 0 END) +
    (CASE WHEN ',' || events || ',' LIKE '%,cast_news,%' THEN 32 ELSE 0 END) +
    (CASE WHEN ',' || events || ',' LIKE '%,season_released,%' THEN 64 ELSE 0 END) +
    (CASE WHEN ',' || events || ',' LIKE '%,at_risk,%' THEN 128 ELSE 0 END);
ALTER TABLE follows DROP COLUMN events;
