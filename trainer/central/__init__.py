"""Syncing this workstation with a central PostgreSQL (no Qt): config, sync engine."""
