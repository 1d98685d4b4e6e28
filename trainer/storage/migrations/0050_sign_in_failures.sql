-- Wrong passwords given for names that are not accounts: counted and locked out exactly
-- like an account's, so that a lockout does not tell which names exist.
CREATE TABLE sign_in_failures (
    name TEXT PRIMARY KEY COLLATE NOCASE,
    failed_count INTEGER NOT NULL DEFAULT 0,
    locked_until TEXT,
    last_failed_at TEXT NOT NULL
);
