-- The certificate register, programmes (sets of modules) and revocations known here.
CREATE TABLE programmes (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    modules TEXT NOT NULL,            -- module ids, comma-separated, in order
    training_hours REAL NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
);

CREATE TABLE certificates (
    id INTEGER PRIMARY KEY,
    number TEXT NOT NULL UNIQUE,
    year INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('module', 'programme')),
    trainee_id INTEGER NOT NULL REFERENCES trainees (id),
    trainee_name TEXT NOT NULL,
    institution TEXT NOT NULL,
    attempt_id INTEGER REFERENCES attempts (id),
    programme_id INTEGER REFERENCES programmes (id),
    subject TEXT NOT NULL,            -- the module id, or 'programme:<id>'
    modules TEXT NOT NULL,            -- JSON: [{"id", "title": {lang: text}}]
    programme_name TEXT,
    audiences TEXT NOT NULL,          -- comma-separated audience tracks
    score REAL NOT NULL,
    training_hours REAL NOT NULL,
    certified_on TEXT NOT NULL,       -- the date certified (YYYY-MM-DD)
    issued_at TEXT NOT NULL,          -- when recorded (UTC)
    issuer_key_id TEXT NOT NULL,
    issuer_name TEXT NOT NULL,
    code TEXT NOT NULL,               -- the signed code (trainer/certificates/document.py)
    status TEXT NOT NULL DEFAULT 'valid' CHECK (status IN ('valid', 'revoked')),
    revoked_at TEXT,
    revoked_reason TEXT,
    pdf_count INTEGER NOT NULL DEFAULT 0,
    last_pdf_at TEXT,
    UNIQUE (year, seq)
);
CREATE INDEX certificates_trainee ON certificates (trainee_id);
CREATE INDEX certificates_certified ON certificates (certified_on);
-- One valid certificate per trainee and module (or programme): issuing is idempotent.
CREATE UNIQUE INDEX certificates_one_valid
    ON certificates (trainee_id, subject) WHERE status = 'valid';

-- Revoked certificates, ours and those of trusted issuers (from imported lists).
CREATE TABLE revocations (
    issuer_key_id TEXT NOT NULL,
    number TEXT NOT NULL,
    reason TEXT NOT NULL,
    revoked_at TEXT NOT NULL,
    received_at TEXT NOT NULL,
    PRIMARY KEY (issuer_key_id, number)
);
