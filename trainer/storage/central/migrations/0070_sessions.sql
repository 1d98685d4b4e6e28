-- Training sessions and the trainee's function reach the centre, so the coordinator's
-- reports over every workstation group by session and function and leave a session's
-- pre-test out of the exam figures, as a workstation's own reports do.
-- Participants and attendance stay on the workstation: no report reads them (a
-- certificate of attendance travels as a certificate).

-- The trainee's function or rank (optional, as on the workstation).
ALTER TABLE trainees ADD COLUMN function text CHECK (length(function) <= 200);
GRANT UPDATE (function) ON trainees TO tip_workstation;

-- A training session, as the workstation that created it last edited it (deleted ones are
-- kept with deleted_at: their tests still count).
CREATE TABLE training_sessions (
    uid text PRIMARY KEY CHECK (uid ~ '^[0-9a-f]{32}$'),
    workstation_uid text NOT NULL REFERENCES workstations (uid),
    title text NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
    institution text NOT NULL
        CHECK (institution IN ('police', 'prosecution', 'judiciary', 'other')),
    venue text NOT NULL,
    province text NOT NULL,
    start_date date NOT NULL,
    end_date date NOT NULL CHECK (end_date >= start_date),
    trainers text NOT NULL,
    audiences text NOT NULL,
    modules text NOT NULL,
    planned_hours double precision NOT NULL CHECK (planned_hours >= 0),
    pre_test text,
    post_test text,
    same_questions boolean NOT NULL,
    open_test text CHECK (open_test IN ('pre', 'post')),
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    deleted_at timestamptz,
    received_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX training_sessions_workstation ON training_sessions (workstation_uid);

-- Attempts taken as a session's pre-test or post-test, sent by the workstation that
-- recorded the attempt (the session may have come to it in a bundle).
CREATE TABLE session_tests (
    attempt_uid text PRIMARY KEY CHECK (attempt_uid ~ '^[0-9a-f]{32}$'),
    workstation_uid text NOT NULL REFERENCES workstations (uid),
    session_uid text NOT NULL CHECK (session_uid ~ '^[0-9a-f]{32}$'),
    phase text NOT NULL CHECK (phase IN ('pre', 'post')),
    received_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX session_tests_session ON session_tests (session_uid, phase);
CREATE INDEX session_tests_phase ON session_tests (phase, attempt_uid);

GRANT SELECT ON training_sessions, session_tests TO tip_workstation, tip_coordinator;
GRANT INSERT ON training_sessions, session_tests TO tip_workstation;
GRANT UPDATE (title, institution, venue, province, start_date, end_date, trainers, audiences,
    modules, planned_hours, pre_test, post_test, same_questions, open_test, updated_at,
    deleted_at) ON training_sessions TO tip_workstation;

ALTER TABLE training_sessions ENABLE ROW LEVEL SECURITY;
CREATE POLICY training_sessions_read ON training_sessions FOR SELECT USING (true);
CREATE POLICY training_sessions_insert ON training_sessions FOR INSERT TO tip_workstation
    WITH CHECK (workstation_uid = (SELECT tip_own_uid()));
CREATE POLICY training_sessions_update ON training_sessions FOR UPDATE TO tip_workstation
    USING (workstation_uid = (SELECT tip_own_uid()))
    WITH CHECK (workstation_uid = (SELECT tip_own_uid()));

ALTER TABLE session_tests ENABLE ROW LEVEL SECURITY;
CREATE POLICY session_tests_read ON session_tests FOR SELECT USING (true);
CREATE POLICY session_tests_insert ON session_tests FOR INSERT TO tip_workstation
    WITH CHECK (workstation_uid = (SELECT tip_own_uid()));
