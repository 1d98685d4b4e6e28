-- Training sessions and session tests go to the central database too, and a record the
-- central server refuses is held back here instead of stopping every later sync.

-- A session of this workstation waits here when it is made or changes (title, dates,
-- open test, deletion): the centre takes the newer edit, as a bundle's merge does.
CREATE TABLE central_outbox_sessions (
    session_id INTEGER PRIMARY KEY REFERENCES training_sessions (id) ON DELETE CASCADE
);
-- An attempt of this workstation marked as a session's pre-test or post-test.
CREATE TABLE central_outbox_session_tests (
    attempt_uid TEXT PRIMARY KEY REFERENCES session_tests (attempt_uid) ON DELETE CASCADE
);

-- Records the central server refused (a check, a permission, bad data): out of the outbox,
-- with the server's reason, until a coordinator sends them again. ``record`` is the
-- outbox's key (an id, or the attempt uid of a session test); ``label`` says which record
-- it is in words a coordinator knows.
CREATE TABLE central_held (
    kind TEXT NOT NULL
        CHECK (kind IN ('trainee', 'session', 'session_test', 'attempt', 'certificate', 'audit')),
    record TEXT NOT NULL,
    label TEXT NOT NULL,
    reason TEXT NOT NULL,
    held_at TEXT NOT NULL,
    PRIMARY KEY (kind, record)
);

CREATE TRIGGER central_session_added AFTER INSERT ON training_sessions
WHEN NEW.workstation_uid = (SELECT uid FROM workstation WHERE id = 1)
BEGIN
    INSERT OR IGNORE INTO central_outbox_sessions (session_id) VALUES (NEW.id);
END;

CREATE TRIGGER central_session_changed AFTER UPDATE ON training_sessions
WHEN NEW.workstation_uid = (SELECT uid FROM workstation WHERE id = 1)
BEGIN
    INSERT OR IGNORE INTO central_outbox_sessions (session_id) VALUES (NEW.id);
END;

CREATE TRIGGER central_session_test_added AFTER INSERT ON session_tests
WHEN EXISTS (SELECT 1 FROM attempts WHERE uid = NEW.attempt_uid
             AND workstation_uid = (SELECT uid FROM workstation WHERE id = 1))
BEGIN
    INSERT OR IGNORE INTO central_outbox_session_tests (attempt_uid) VALUES (NEW.attempt_uid);
END;

-- What was recorded before this version goes out with the next sync: the sessions, their
-- tests, and the profiles that have a function (the centre did not keep it before).
INSERT OR IGNORE INTO central_outbox_sessions (session_id)
    SELECT id FROM training_sessions
    WHERE workstation_uid = (SELECT uid FROM workstation WHERE id = 1);
INSERT OR IGNORE INTO central_outbox_session_tests (attempt_uid)
    SELECT st.attempt_uid FROM session_tests st JOIN attempts a ON a.uid = st.attempt_uid
    WHERE a.workstation_uid = (SELECT uid FROM workstation WHERE id = 1);
INSERT OR IGNORE INTO central_outbox_trainees (trainee_id)
    SELECT id FROM trainees WHERE function IS NOT NULL
        AND workstation_uid = (SELECT uid FROM workstation WHERE id = 1);
