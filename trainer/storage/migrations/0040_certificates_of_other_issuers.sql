-- Certificates issued at other workstations arrive with their result bundles: numbers
-- run per issuer, so (year, seq) is unique for each issuer key, not across the register.
CREATE TABLE certificates_by_issuer (
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
    subject TEXT NOT NULL,            -- the module id, or 'programme:<id>' ('programme@<key>:<id>' from elsewhere)
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
    UNIQUE (issuer_key_id, year, seq)
);
INSERT INTO certificates_by_issuer SELECT * FROM certificates;
DROP TABLE certificates;
ALTER TABLE certificates_by_issuer RENAME TO certificates;
CREATE INDEX certificates_trainee ON certificates (trainee_id);
CREATE INDEX certificates_certified ON certificates (certified_on);
-- One valid certificate per trainee and module (or programme): issuing is idempotent.
CREATE UNIQUE INDEX certificates_one_valid
    ON certificates (trainee_id, subject) WHERE status = 'valid';
