-- Staff accounts (trainers and coordinators): scrypt password hashes, lockout state.
CREATE TABLE accounts (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
    role TEXT NOT NULL CHECK (role IN ('trainer', 'coordinator')),
    password_hash BLOB NOT NULL,
    salt BLOB NOT NULL,
    kdf TEXT NOT NULL,
    failed_count INTEGER NOT NULL DEFAULT 0,
    locked_until TEXT,
    disabled INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    last_sign_in TEXT
);
