-- A show's data version goes up in the same transaction as any change to
-- what its answers are composed from: the show, its aliases, seasons,
-- episodes, credits (and their people's names), claims, their reviews and
-- chart weeks. An instance keeps a show's data while the version it was
-- read at stands, so every instance sees a change as soon as it commits.
ALTER TABLE shows ADD COLUMN data_version INTEGER NOT NULL DEFAULT 0;

CREATE TRIGGER shows_data_version AFTER UPDATE ON shows WHEN NEW.data_version = OLD.data_version
BEGIN UPDATE shows SET data_version = OLD.data_version + 1 WHERE id = NEW.id; END;

CREATE TRIGGER show_aliases_insert AFTER INSERT ON show_aliases BEGIN UPDATE shows SET data_version = data_version + 1 WHERE id = NEW.show_id; END;
CREATE TRIGGER show_aliases_update AFTER UPDATE ON show_aliases BEGIN UPDATE shows SET data_version = data_version + 1 WHERE id IN (OLD.show_id, NEW.show_id); END;
CREATE TRIGGER show_aliases_delete AFTER DELETE ON show_aliases BEGIN UPDATE shows SET data_version = data_version + 1 WHERE id = OLD.show_id; END;

CREATE TRIGGER seasons_insert AFTER INSERT ON seasons BEGIN UPDATE shows SET data_version = data_version + 1 WHERE id = NEW.show_id; END;
CREATE TRIGGER seasons_update AFTER UPDATE ON seasons BEGIN UPDATE shows SET data_version = data_version + 1 WHERE id IN (OLD.show_id, NEW.show_id); END;
CREATE TRIGGER seasons_delete AFTER DELETE ON seasons BEGIN UPDATE shows SET data_version = data_version + 1 WHERE id = OLD.show_id; END;

CREATE TRIGGER episodes_insert AFTER INSERT ON episodes BEGIN UPDATE shows SET data_version = data_version + 1 WHERE id = NEW.show_id; END;
CREATE TRIGGER episodes_update AFTER UPDATE ON episodes BEGIN UPDATE shows SET data_version = data_version + 1 WHERE id IN (OLD.show_id, NEW.show_id); END;
CREATE TRIGGER episodes_delete AFTER DELETE ON episodes BEGIN UPDATE shows SET data_version = data_version + 1 WHERE id = OLD.show_id; END;

CREATE TRIGGER credits_insert AFTER INSERT ON credits BEGIN UPDATE shows SET data_version = data_version + 1 WHERE id = NEW.show_id; END;
CREATE TRIGGER credits_update AFTER UPDATE ON credits BEGIN UPDATE shows SET data_version = data_version + 1 WHERE id IN (OLD.show_id, NEW.show_id); END;
CREATE TRIGGER credits_delete AFTER DELETE ON credits BEGIN UPDATE shows SET data_version = data_version + 1 WHERE id = OLD.show_id; END;

CREATE TRIGGER people_update AFTER UPDATE ON people
BEGIN UPDATE shows SET data_version = data_version + 1 WHERE id IN (SELECT show_id FROM credits WHERE person_id = NEW.id); END;

CREATE TRIGGER claims_insert AFTER INSERT ON claims BEGIN UPDATE shows SET data_version = data_version + 1 WHERE id = NEW.show_id; END;
CREATE TRIGGER claims_update AFTER UPDATE ON claims BEGIN UPDATE shows SET data_version = data_version + 1 WHERE id IN (OLD.show_id, NEW.show_id); END;
CREATE TRIGGER claims_delete AFTER DELETE ON claims BEGIN UPDATE shows SET data_version = data_version + 1 WHERE id = OLD.show_id; END;

CREATE TRIGGER claim_reviews_insert AFTER INSERT ON claim_reviews
BEGIN UPDATE shows SET data_version = data_version + 1 WHERE id = (SELECT show_id FROM claims WHERE id = NEW.claim_id); END;

CREATE TRIGGER viewership_insert AFTER INSERT ON viewership WHEN NEW.show_id IS NOT NULL
BEGIN UPDATE shows SET data_version = data_version + 1 WHERE id = NEW.show_id; END;
CREATE TRIGGER viewership_update AFTER UPDATE ON viewership
BEGIN UPDATE shows SET data_version = data_version + 1 WHERE id IN (OLD.show_id, NEW.show_id); END;
CREATE TRIGGER viewership_delete AFTER DELETE ON viewership WHEN OLD.show_id IS NOT NULL
BEGIN UPDATE shows SET data_version = data_version + 1 WHERE id = OLD.show_id; END;
