-- Trainees, attempts, the questions of each attempt as shown, and the append-only steps.
CREATE TABLE workstation (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    uid TEXT NOT NULL,
    name TEXT NOT NULL
);

CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE trainees (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    institution TEXT NOT NULL
        CHECK (institution IN ('police', 'prosecution', 'judiciary', 'other')),
    service_number TEXT,
    gender TEXT,
    province TEXT,
    workstation_uid TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX trainees_name ON trainees (name COLLATE NOCASE);

CREATE TABLE attempts (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    trainee_id INTEGER NOT NULL REFERENCES trainees (id),
    bank_id TEXT NOT NULL,
    bank_version TEXT NOT NULL,
    bank_hash TEXT NOT NULL,
    module_id TEXT NOT NULL,
    module_title TEXT NOT NULL,
    audiences TEXT NOT NULL,
    behaviour TEXT NOT NULL CHECK (behaviour IN ('practice', 'exam')),
    language TEXT NOT NULL,
    seed INTEGER NOT NULL,
    pass_mark REAL NOT NULL,
    review TEXT NOT NULL,
    training_hours REAL NOT NULL DEFAULT 0,
    started_at TEXT NOT NULL,
    deadline TEXT,
    finished_at TEXT,
    state TEXT NOT NULL CHECK (state IN ('in_progress', 'finished')),
    score REAL,
    max_score REAL NOT NULL,
    percent REAL,
    passed INTEGER,
    workstation_uid TEXT NOT NULL
);
CREATE INDEX attempts_trainee ON attempts (trainee_id, started_at);
CREATE INDEX attempts_module ON attempts (module_id, state);
CREATE INDEX attempts_started ON attempts (started_at);

-- One row per question slot; snapshot is the question as shown (JSON), so a
-- review years later shows what the trainee saw, whatever became of the bank.
CREATE TABLE attempt_questions (
    attempt_id INTEGER NOT NULL REFERENCES attempts (id) ON DELETE CASCADE,
    slot INTEGER NOT NULL,
    question_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    topic TEXT NOT NULL,
    max_mark REAL NOT NULL,
    snapshot TEXT NOT NULL,
    response TEXT,
    fraction REAL,
    mark REAL,
    flagged INTEGER NOT NULL DEFAULT 0,
    first_shown_at TEXT,
    answered_at TEXT,
    seconds_spent REAL NOT NULL DEFAULT 0,
    PRIMARY KEY (attempt_id, slot)
);
CREATE INDEX attempt_questions_question ON attempt_questions (question_id);

-- Append-only record of what happened, in order (never updated or deleted).
CREATE TABLE steps (
    id INTEGER PRIMARY KEY,
    attempt_id INTEGER NOT NULL REFERENCES attempts (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    slot INTEGER,
    action TEXT NOT NULL
        CHECK (action IN ('start', 'answer', 'flag', 'unflag', 'check', 'retry', 'finish')),
    response TEXT,
    fraction REAL,
    created_at TEXT NOT NULL,
    UNIQUE (attempt_id, seq)
);

CREATE TRIGGER steps_no_update BEFORE UPDATE ON steps
BEGIN
    SELECT RAISE(ABORT, 'steps are append-only');
END;
