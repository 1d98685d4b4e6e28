-- Coordinator work: indexes for the results browser and item analysis, and what
-- workstation bundles have carried out of and into this installation.
CREATE INDEX attempts_finished ON attempts (finished_at);
CREATE INDEX attempts_module_exam ON attempts (module_id, behaviour, state, finished_at);
CREATE INDEX attempts_workstation ON attempts (workstation_uid);
CREATE INDEX trainees_service_number ON trainees (service_number);

-- Attempts and trainee profiles already put in a bundle by this workstation.
CREATE TABLE bundle_exported_attempts (
    attempt_uid TEXT PRIMARY KEY,
    bundle_uid TEXT NOT NULL,
    exported_at TEXT NOT NULL
);

CREATE TABLE bundle_exported_trainees (
    trainee_uid TEXT PRIMARY KEY,
    updated_at TEXT NOT NULL,
    bundle_uid TEXT NOT NULL
);

-- Bundles imported here, with the report of what each one added.
CREATE TABLE bundle_imports (
    bundle_uid TEXT PRIMARY KEY,
    key_id TEXT NOT NULL,
    workstation_uid TEXT NOT NULL,
    workstation_name TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    report TEXT NOT NULL
);

-- A trainee uid from another workstation merged into a trainee of this one.
CREATE TABLE trainee_aliases (
    uid TEXT PRIMARY KEY,
    trainee_id INTEGER NOT NULL REFERENCES trainees (id),
    reason TEXT NOT NULL,
    created_at TEXT NOT NULL
);

-- Distinct answers per question, read from the index alone (exports, item analysis).
CREATE INDEX attempt_questions_answers
    ON attempt_questions (question_id, response, fraction, mark, max_mark);
