-- What a follower has watched, and how they rated it (1–5): signals for
-- recommendations, and what they hide.
ALTER TABLE follows ADD COLUMN watched BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE follows ADD COLUMN rating INTEGER CHECK (rating BETWEEN 1 AND 5);
