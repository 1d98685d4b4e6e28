-- Training sessions: a course of one to five days for a group of officials, its participants,
-- the attendance of each day, and which attempts were the session's pre-test or post-test.
-- A trainee's function or rank is recorded with the profile (optional).
ALTER TABLE trainees ADD COLUMN function TEXT;

CREATE TABLE training_sessions (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL CHECK (length(trim(title)) > 0),
    institution TEXT NOT NULL
        CHECK (institution IN ('police', 'prosecution', 'judiciary', 'other')),
    venue TEXT NOT NULL DEFAULT '',
    province TEXT NOT NULL DEFAULT '',
    start_date TEXT NOT NULL,         -- YYYY-MM-DD
    end_date TEXT NOT NULL CHECK (end_date >= start_date),
    trainers TEXT NOT NULL DEFAULT '', -- names, one per line
    audiences TEXT NOT NULL DEFAULT '', -- audience tracks, comma-separated
    modules TEXT NOT NULL DEFAULT '[]', -- JSON: [{"bank", "id"}] the modules taught
    planned_hours REAL NOT NULL DEFAULT 0 CHECK (planned_hours >= 0),
    pre_test TEXT,                    -- JSON {"bank", "id"}: the pre-test's module
    post_test TEXT,                   -- JSON {"bank", "id"}: the post-test's module
    same_questions INTEGER NOT NULL DEFAULT 0, -- the post-test repeats the pre-test's questions
    open_test TEXT CHECK (open_test IN ('pre', 'post')), -- the test participants may take now
    workstation_uid TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT                   -- deleted sessions are hidden, never erased
);
CREATE INDEX training_sessions_dates ON training_sessions (start_date);

CREATE TABLE session_participants (
    session_id INTEGER NOT NULL REFERENCES training_sessions (id),
    trainee_id INTEGER NOT NULL REFERENCES trainees (id),
    enrolled_at TEXT NOT NULL,
    PRIMARY KEY (session_id, trainee_id)
);
CREATE INDEX session_participants_trainee ON session_participants (trainee_id);

-- One row per participant and day marked; a day not marked is not yet taken.
CREATE TABLE session_attendance (
    session_id INTEGER NOT NULL REFERENCES training_sessions (id),
    trainee_id INTEGER NOT NULL REFERENCES trainees (id),
    day TEXT NOT NULL,                -- YYYY-MM-DD
    present INTEGER NOT NULL CHECK (present IN (0, 1)),
    recorded_at TEXT NOT NULL,
    PRIMARY KEY (session_id, trainee_id, day)
);

-- Attempts taken as a session's pre-test or post-test (by uid: they travel in bundles).
CREATE TABLE session_tests (
    attempt_uid TEXT PRIMARY KEY,
    session_uid TEXT NOT NULL,
    phase TEXT NOT NULL CHECK (phase IN ('pre', 'post'))
);
CREATE INDEX session_tests_session ON session_tests (session_uid, phase);
CREATE INDEX session_tests_phase ON session_tests (phase, attempt_uid);
