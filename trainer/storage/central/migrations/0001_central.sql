-- The central database that workstations sync with (trainer/central/sync.py).
-- Every pushed row carries the uid of the workstation that owns it; a workstation signs
-- in as its own role, and row-level security lets it insert and change only its rows
-- (reading is open to every workstation and coordinator role).
-- Runs as the database owner (python -m trainer central init-server), in one transaction.

CREATE TABLE IF NOT EXISTS central_meta (
    key text PRIMARY KEY,
    value text NOT NULL
);

-- One row per workstation, made by `central add-workstation`: its role and its station
-- number, which certificate numbers carry so that two workstations never give one number.
CREATE TABLE workstations (
    uid text PRIMARY KEY CHECK (uid ~ '^[0-9a-f]{32}$'),
    role_name text NOT NULL UNIQUE,
    name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    station integer NOT NULL UNIQUE CHECK (station BETWEEN 1 AND 999),
    added_at timestamptz NOT NULL DEFAULT now(),
    last_sync_at timestamptz,
    app_version text
);

CREATE TABLE trainees (
    uid text PRIMARY KEY CHECK (uid ~ '^[0-9a-f]{32}$'),
    workstation_uid text NOT NULL REFERENCES workstations (uid),
    -- the person this profile is (the uid of the first profile seen for that person),
    -- found by the bundles' rule: same service number, else same name, per institution
    person_uid text NOT NULL,
    person_reason text NOT NULL DEFAULT '',
    name text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
    institution text NOT NULL
        CHECK (institution IN ('police', 'prosecution', 'judiciary', 'other')),
    service_number text,
    service_key text,
    name_key text NOT NULL,
    gender text,
    province text,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX trainees_person ON trainees (person_uid);
CREATE INDEX trainees_service_key ON trainees (institution, service_key);
CREATE INDEX trainees_name_key ON trainees (institution, name_key);

CREATE TABLE attempts (
    uid text PRIMARY KEY CHECK (uid ~ '^[0-9a-f]{32}$'),
    workstation_uid text NOT NULL REFERENCES workstations (uid),
    trainee_uid text NOT NULL,
    bank_id text NOT NULL,
    bank_version text NOT NULL,
    bank_hash text NOT NULL,
    module_id text NOT NULL,
    module_title text NOT NULL,
    audiences text NOT NULL,
    behaviour text NOT NULL CHECK (behaviour IN ('practice', 'exam')),
    language text NOT NULL,
    seed bigint NOT NULL,
    pass_mark double precision NOT NULL,
    review text NOT NULL,
    training_hours double precision NOT NULL,
    started_at timestamptz NOT NULL,
    deadline timestamptz,
    finished_at timestamptz,
    state text NOT NULL CHECK (state IN ('in_progress', 'finished')),
    score double precision,
    max_score double precision NOT NULL,
    percent double precision,
    passed boolean,
    received_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (uid, workstation_uid)
);
CREATE INDEX attempts_trainee ON attempts (trainee_uid);
CREATE INDEX attempts_module ON attempts (module_id, behaviour, state, finished_at);
CREATE INDEX attempts_workstation ON attempts (workstation_uid);

-- The questions of each attempt as shown, with the answer given (one row per slot).
CREATE TABLE attempt_questions (
    attempt_uid text NOT NULL,
    slot integer NOT NULL,
    workstation_uid text NOT NULL,
    question_id text NOT NULL,
    kind text NOT NULL,
    topic text NOT NULL,
    max_mark double precision NOT NULL,
    snapshot text NOT NULL,
    response text,
    fraction double precision,
    mark double precision,
    flagged boolean NOT NULL,
    first_shown_at timestamptz,
    answered_at timestamptz,
    seconds_spent double precision NOT NULL,
    PRIMARY KEY (attempt_uid, slot),
    FOREIGN KEY (attempt_uid, workstation_uid) REFERENCES attempts (uid, workstation_uid)
);
CREATE INDEX attempt_questions_question ON attempt_questions (question_id);

-- The append-only steps of each attempt (every answer given, in order).
CREATE TABLE steps (
    attempt_uid text NOT NULL,
    seq integer NOT NULL,
    workstation_uid text NOT NULL,
    slot integer,
    action text NOT NULL,
    response text,
    fraction double precision,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (attempt_uid, seq),
    FOREIGN KEY (attempt_uid, workstation_uid) REFERENCES attempts (uid, workstation_uid)
);

CREATE TABLE certificates (
    issuer_key_id text NOT NULL,
    number text NOT NULL,
    workstation_uid text NOT NULL REFERENCES workstations (uid),
    year integer NOT NULL,
    seq integer NOT NULL,
    kind text NOT NULL,
    trainee_uid text NOT NULL,
    trainee_name text NOT NULL,
    institution text NOT NULL,
    attempt_uid text,
    subject text NOT NULL,
    modules text NOT NULL,
    programme_name text,
    audiences text NOT NULL,
    score double precision NOT NULL,
    training_hours double precision NOT NULL,
    certified_on date NOT NULL,
    issued_at timestamptz NOT NULL,
    issuer_name text NOT NULL,
    code text NOT NULL,
    status text NOT NULL CHECK (status IN ('valid', 'revoked')),
    revoked_at timestamptz,
    revoked_reason text,
    received_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (issuer_key_id, number)
);
CREATE INDEX certificates_trainee ON certificates (trainee_uid);
CREATE INDEX certificates_number ON certificates (number);
-- A number with a station (3F9A-W007-2026-00017) is unique across the programme; numbers
-- given before a workstation first synced keep their older form (unique per issuer key).
CREATE UNIQUE INDEX certificates_station_number ON certificates (number)
    WHERE number ~ '^[0-9A-F]{4}-W[0-9]{3}-';

-- Revocations published by the workstation whose key issued the certificate.
CREATE TABLE revocations (
    issuer_key_id text NOT NULL,
    number text NOT NULL,
    workstation_uid text NOT NULL REFERENCES workstations (uid),
    reason text NOT NULL,
    revoked_at timestamptz NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (issuer_key_id, number)
);

-- Each workstation's own public signing key, trusted by the others when they pull.
CREATE TABLE trusted_keys (
    key_id text PRIMARY KEY,
    workstation_uid text NOT NULL REFERENCES workstations (uid),
    public_key bytea NOT NULL CHECK (length(public_key) = 32),
    name text NOT NULL,
    added_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE audit_log (
    workstation_uid text NOT NULL REFERENCES workstations (uid),
    local_id bigint NOT NULL,
    at timestamptz NOT NULL,
    actor text NOT NULL,
    action text NOT NULL,
    detail text NOT NULL,
    prev_hash text,
    hash text,
    PRIMARY KEY (workstation_uid, local_id)
);

-- Staff accounts published by a coordinator: every workstation takes them when it pulls.
CREATE TABLE accounts (
    name text PRIMARY KEY CHECK (length(name) BETWEEN 1 AND 100),
    role text NOT NULL CHECK (role IN ('trainer', 'coordinator')),
    password_hash bytea NOT NULL,
    salt bytea NOT NULL,
    kdf text NOT NULL,
    disabled boolean NOT NULL DEFAULT false,
    updated_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX accounts_name_folded ON accounts (lower(name));

-- Question banks published to the centre: every workstation adds them to its library.
CREATE TABLE banks (
    content_hash text PRIMARY KEY CHECK (content_hash ~ '^[0-9a-f]{64}$'),
    bank_id text NOT NULL,
    version text NOT NULL,
    file_name text NOT NULL CHECK (file_name ~ '^[A-Za-z0-9_.-]{1,120}\.yaml$'),
    content bytea NOT NULL CHECK (length(content) <= 8388608),
    published_at timestamptz NOT NULL DEFAULT now(),
    published_by text NOT NULL
);

-- Roles: tip_workstation (every workstation's login role is a member) and
-- tip_coordinator (reading everything, publishing accounts and banks).
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'tip_workstation') THEN
        CREATE ROLE tip_workstation NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'tip_coordinator') THEN
        CREATE ROLE tip_coordinator NOLOGIN;
    END IF;
END
$$;

GRANT SELECT ON central_meta, workstations, trainees, attempts, attempt_questions, steps,
    certificates, revocations, trusted_keys, audit_log, accounts, banks
    TO tip_workstation, tip_coordinator;
GRANT INSERT ON trainees, attempts, attempt_questions, steps, certificates, revocations,
    trusted_keys, audit_log TO tip_workstation;
GRANT UPDATE (name, institution, service_number, service_key, name_key, gender, province,
    updated_at, person_uid, person_reason) ON trainees TO tip_workstation;
GRANT UPDATE (status, revoked_at, revoked_reason) ON certificates TO tip_workstation;
GRANT UPDATE (last_sync_at, app_version) ON workstations TO tip_workstation;
GRANT INSERT, UPDATE, DELETE ON accounts, banks TO tip_coordinator;

-- Ownership: a workstation writes only rows that carry its own uid.
CREATE FUNCTION tip_own_uid() RETURNS text
    LANGUAGE sql STABLE
    AS $$ SELECT uid FROM workstations WHERE role_name = current_user $$;

ALTER TABLE workstations ENABLE ROW LEVEL SECURITY;
CREATE POLICY workstations_read ON workstations FOR SELECT USING (true);
CREATE POLICY workstations_own ON workstations FOR UPDATE TO tip_workstation
    USING (role_name = current_user) WITH CHECK (role_name = current_user);

ALTER TABLE trainees ENABLE ROW LEVEL SECURITY;
CREATE POLICY trainees_read ON trainees FOR SELECT USING (true);
CREATE POLICY trainees_insert ON trainees FOR INSERT TO tip_workstation
    WITH CHECK (workstation_uid = (SELECT tip_own_uid()));
CREATE POLICY trainees_update ON trainees FOR UPDATE TO tip_workstation
    USING (workstation_uid = (SELECT tip_own_uid()))
    WITH CHECK (workstation_uid = (SELECT tip_own_uid()));

ALTER TABLE attempts ENABLE ROW LEVEL SECURITY;
CREATE POLICY attempts_read ON attempts FOR SELECT USING (true);
CREATE POLICY attempts_insert ON attempts FOR INSERT TO tip_workstation
    WITH CHECK (workstation_uid = (SELECT tip_own_uid()));

ALTER TABLE attempt_questions ENABLE ROW LEVEL SECURITY;
CREATE POLICY attempt_questions_read ON attempt_questions FOR SELECT USING (true);
CREATE POLICY attempt_questions_insert ON attempt_questions FOR INSERT TO tip_workstation
    WITH CHECK (workstation_uid = (SELECT tip_own_uid()));

ALTER TABLE steps ENABLE ROW LEVEL SECURITY;
CREATE POLICY steps_read ON steps FOR SELECT USING (true);
CREATE POLICY steps_insert ON steps FOR INSERT TO tip_workstation
    WITH CHECK (workstation_uid = (SELECT tip_own_uid()));

ALTER TABLE certificates ENABLE ROW LEVEL SECURITY;
CREATE POLICY certificates_read ON certificates FOR SELECT USING (true);
-- ... and a workstation gives only numbers of its own station.
CREATE FUNCTION tip_own_station() RETURNS text
    LANGUAGE sql STABLE
    AS $$ SELECT 'W' || lpad(station::text, 3, '0') FROM workstations WHERE role_name = current_user $$;
CREATE POLICY certificates_insert ON certificates FOR INSERT TO tip_workstation
    WITH CHECK (
        workstation_uid = (SELECT tip_own_uid())
        AND (number !~ '^[0-9A-F]{4}-W[0-9]{3}-' OR substr(number, 6, 4) = (SELECT tip_own_station()))
    );
CREATE POLICY certificates_update ON certificates FOR UPDATE TO tip_workstation
    USING (workstation_uid = (SELECT tip_own_uid()))
    WITH CHECK (workstation_uid = (SELECT tip_own_uid()));

ALTER TABLE revocations ENABLE ROW LEVEL SECURITY;
CREATE POLICY revocations_read ON revocations FOR SELECT USING (true);
CREATE POLICY revocations_insert ON revocations FOR INSERT TO tip_workstation
    WITH CHECK (workstation_uid = (SELECT tip_own_uid()));

ALTER TABLE trusted_keys ENABLE ROW LEVEL SECURITY;
CREATE POLICY trusted_keys_read ON trusted_keys FOR SELECT USING (true);
CREATE POLICY trusted_keys_insert ON trusted_keys FOR INSERT TO tip_workstation
    WITH CHECK (workstation_uid = (SELECT tip_own_uid()));

ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
CREATE POLICY audit_log_read ON audit_log FOR SELECT USING (true);
CREATE POLICY audit_log_insert ON audit_log FOR INSERT TO tip_workstation
    WITH CHECK (workstation_uid = (SELECT tip_own_uid()));
