"""SQLite storage: one repository per table family (no Qt)."""
