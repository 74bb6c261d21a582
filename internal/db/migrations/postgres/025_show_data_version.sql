-- A show's data version goes up in the same transaction as any change to
-- what its answers are composed from: the show, its aliases, seasons,
-- episodes, credits (and their people's names), claims, their reviews and
-- chart weeks. An instance keeps a show's data while the version it was
-- read at stands, so every instance sees a change as soon as it commits.
-- Child tables bump once a statement (transition tables), so a bulk write
-- of a show's episodes is one update of the show.
ALTER TABLE shows ADD COLUMN data_version BIGINT NOT NULL DEFAULT 0;

CREATE FUNCTION shows_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.data_version = OLD.data_version THEN
        NEW.data_version := OLD.data_version + 1;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER shows_data_version BEFORE UPDATE ON shows FOR EACH ROW EXECUTE FUNCTION shows_data_version();

-- The shows named by a child table's changed rows (show_id).
CREATE FUNCTION bump_inserted_shows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE shows SET data_version = data_version + 1 WHERE id IN (SELECT show_id FROM new_rows);
    RETURN NULL;
END $$;
CREATE FUNCTION bump_deleted_shows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE shows SET data_version = data_version + 1 WHERE id IN (SELECT show_id FROM old_rows);
    RETURN NULL;
END $$;
CREATE FUNCTION bump_updated_shows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE shows SET data_version = data_version + 1
    WHERE id IN (SELECT show_id FROM new_rows UNION SELECT show_id FROM old_rows);
    RETURN NULL;
END $$;

CREATE TRIGGER show_aliases_insert AFTER INSERT ON show_aliases REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_inserted_shows();
CREATE TRIGGER show_aliases_update AFTER UPDATE ON show_aliases REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_updated_shows();
CREATE TRIGGER show_aliases_delete AFTER DELETE ON show_aliases REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_deleted_shows();

CREATE TRIGGER seasons_insert AFTER INSERT ON seasons REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_inserted_shows();
CREATE TRIGGER seasons_update AFTER UPDATE ON seasons REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_updated_shows();
CREATE TRIGGER seasons_delete AFTER DELETE ON seasons REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_deleted_shows();

CREATE TRIGGER episodes_insert AFTER INSERT ON episodes REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_inserted_shows();
CREATE TRIGGER episodes_update AFTER UPDATE ON episodes REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_updated_shows();
CREATE TRIGGER episodes_delete AFTER DELETE ON episodes REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_deleted_shows();

CREATE TRIGGER credits_insert AFTER INSERT ON credits REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_inserted_shows();
CREATE TRIGGER credits_update AFTER UPDATE ON credits REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_updated_shows();
CREATE TRIGGER credits_delete AFTER DELETE ON credits REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_deleted_shows();

CREATE TRIGGER claims_insert AFTER INSERT ON claims REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_inserted_shows();
CREATE TRIGGER claims_update AFTER UPDATE ON claims REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_updated_shows();
CREATE TRIGGER claims_delete AFTER DELETE ON claims REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_deleted_shows();

CREATE TRIGGER viewership_insert AFTER INSERT ON viewership REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_inserted_shows();
CREATE TRIGGER viewership_update AFTER UPDATE ON viewership REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_updated_shows();
CREATE TRIGGER viewership_delete AFTER DELETE ON viewership REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_deleted_shows();

CREATE FUNCTION bump_reviewed_shows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE shows SET data_version = data_version + 1
    WHERE id IN (SELECT c.show_id FROM claims c JOIN new_rows r ON r.claim_id = c.id);
    RETURN NULL;
END $$;
CREATE TRIGGER claim_reviews_insert AFTER INSERT ON claim_reviews REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_reviewed_shows();

CREATE FUNCTION bump_people_shows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE shows SET data_version = data_version + 1
    WHERE id IN (SELECT c.show_id FROM credits c JOIN new_rows p ON p.id = c.person_id);
    RETURN NULL;
END $$;
CREATE TRIGGER people_update AFTER UPDATE ON people REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_people_shows();
