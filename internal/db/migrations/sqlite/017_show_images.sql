-- A show's poster: the URL of TVmaze's medium-sized portrait image
-- (https), or '' when the catalog has none.
ALTER TABLE shows ADD COLUMN image_url TEXT NOT NULL DEFAULT '';
