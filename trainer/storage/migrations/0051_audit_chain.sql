-- The audit log becomes a hash chain: each entry carries the hash of the one before it
-- and its own (trainer/storage/audit.py), so removing or changing an entry, even with
-- the triggers dropped, shows as a break. The entries already recorded are chained
-- once, right after this migration; after that a chained entry can never be updated.
ALTER TABLE audit_log ADD COLUMN prev_hash TEXT;
ALTER TABLE audit_log ADD COLUMN hash TEXT;

DROP TRIGGER audit_log_no_update;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
WHEN NOT (
    OLD.hash IS NULL AND NEW.hash IS NOT NULL
    AND NEW.id = OLD.id AND NEW.at = OLD.at AND NEW.actor = OLD.actor
    AND NEW.action = OLD.action AND NEW.detail = OLD.detail
)
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
