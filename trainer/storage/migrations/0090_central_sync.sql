-- What this workstation still has to send to the central database (trainer/central/sync.py).
-- Triggers fill the outboxes when a record of this workstation is made or changes (an
-- attempt when it finishes, never on each answer); a sync empties them only after the
-- central server has committed the rows, so an interrupted sync sends them again.
CREATE TABLE central_outbox_attempts (
    attempt_id INTEGER PRIMARY KEY REFERENCES attempts (id) ON DELETE CASCADE,
    answers INTEGER NOT NULL
);
CREATE TABLE central_outbox_trainees (
    trainee_id INTEGER PRIMARY KEY REFERENCES trainees (id) ON DELETE CASCADE
);
CREATE TABLE central_outbox_certificates (
    certificate_id INTEGER PRIMARY KEY REFERENCES certificates (id) ON DELETE CASCADE
);
-- High-water marks (the audit log is append-only: its ids only grow).
CREATE TABLE central_marks (
    kind TEXT PRIMARY KEY,
    last_id INTEGER NOT NULL
);
-- Banks published to the centre that this workstation took (added, or refused and why).
CREATE TABLE central_banks (
    content_hash TEXT PRIMARY KEY,
    taken_at TEXT NOT NULL,
    outcome TEXT NOT NULL
);
-- The last sync: when it succeeded, and the last error (the status bar reads this row).
CREATE TABLE central_status (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    last_success_at TEXT,
    last_attempt_at TEXT,
    last_error_code TEXT,
    last_error TEXT,
    station INTEGER,
    server TEXT
);
INSERT INTO central_status (id) VALUES (1);

CREATE TRIGGER central_attempt_finished AFTER UPDATE OF state ON attempts
WHEN NEW.state = 'finished' AND OLD.state != 'finished'
    AND NEW.workstation_uid = (SELECT uid FROM workstation WHERE id = 1)
BEGIN
    INSERT OR IGNORE INTO central_outbox_attempts (attempt_id, answers)
    VALUES (NEW.id, (SELECT count(*) FROM attempt_questions
                     WHERE attempt_id = NEW.id AND response IS NOT NULL));
END;

CREATE TRIGGER central_attempt_added AFTER INSERT ON attempts
WHEN NEW.state = 'finished' AND NEW.workstation_uid = (SELECT uid FROM workstation WHERE id = 1)
BEGIN
    INSERT OR IGNORE INTO central_outbox_attempts (attempt_id, answers) VALUES (NEW.id, 0);
END;

CREATE TRIGGER central_trainee_added AFTER INSERT ON trainees
WHEN NEW.workstation_uid = (SELECT uid FROM workstation WHERE id = 1)
BEGIN
    INSERT OR IGNORE INTO central_outbox_trainees (trainee_id) VALUES (NEW.id);
END;

CREATE TRIGGER central_trainee_changed AFTER UPDATE ON trainees
WHEN NEW.workstation_uid = (SELECT uid FROM workstation WHERE id = 1)
BEGIN
    INSERT OR IGNORE INTO central_outbox_trainees (trainee_id) VALUES (NEW.id);
END;

CREATE TRIGGER central_certificate_added AFTER INSERT ON certificates
WHEN NEW.issuer_key_id IN (SELECT key_id FROM trusted_keys WHERE own = 1)
BEGIN
    INSERT OR IGNORE INTO central_outbox_certificates (certificate_id) VALUES (NEW.id);
END;

CREATE TRIGGER central_certificate_changed AFTER UPDATE OF status ON certificates
WHEN NEW.issuer_key_id IN (SELECT key_id FROM trusted_keys WHERE own = 1)
BEGIN
    INSERT OR IGNORE INTO central_outbox_certificates (certificate_id) VALUES (NEW.id);
END;

-- What this workstation recorded before it could sync goes out with the first sync.
INSERT INTO central_outbox_trainees (trainee_id)
    SELECT id FROM trainees WHERE workstation_uid = (SELECT uid FROM workstation WHERE id = 1);
INSERT INTO central_outbox_attempts (attempt_id, answers)
    SELECT a.id, (SELECT count(*) FROM attempt_questions q
                  WHERE q.attempt_id = a.id AND q.response IS NOT NULL)
    FROM attempts a WHERE a.state = 'finished'
        AND a.workstation_uid = (SELECT uid FROM workstation WHERE id = 1);
INSERT INTO central_outbox_certificates (certificate_id)
    SELECT id FROM certificates WHERE issuer_key_id IN (SELECT key_id FROM trusted_keys WHERE own = 1);
