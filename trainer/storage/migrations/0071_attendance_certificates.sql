-- Certificates of attendance (of a training session) join the register beside the
-- certificates of competence: the kind check is widened (SQLite rebuilds the table).
CREATE TABLE certificates_with_attendance (
    id INTEGER PRIMARY KEY,
    number TEXT NOT NULL UNIQUE,
    year INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('module', 'programme', 'attendance')),
    trainee_id INTEGER NOT NULL REFERENCES trainees (id),
    trainee_name TEXT NOT NULL,
    institution TEXT NOT NULL,
    attempt_id INTEGER REFERENCES attempts (id),
    programme_id INTEGER REFERENCES programmes (id),
    subject TEXT NOT NULL,            -- the module id, 'programme:<id>' or 'session:<uid>'
    modules TEXT NOT NULL,            -- JSON: [{"id", "title": {lang: text}}]
    programme_name TEXT,              -- for a certificate of attendance: the session's title
    audiences TEXT NOT NULL,          -- comma-separated audience tracks
    score REAL NOT NULL,              -- for a certificate of attendance: the share of hours attended
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
INSERT INTO certificates_with_attendance SELECT * FROM certificates;
DROP TABLE certificates;
ALTER TABLE certificates_with_attendance RENAME TO certificates;
CREATE INDEX certificates_trainee ON certificates (trainee_id);
CREATE INDEX certificates_certified ON certificates (certified_on);
-- One valid certificate per trainee and module, programme or session: issuing is idempotent.
CREATE UNIQUE INDEX certificates_one_valid
    ON certificates (trainee_id, subject) WHERE status = 'valid';
