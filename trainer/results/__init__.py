"""Coordinator work on results: exports, item analysis, workstation bundles (no Qt)."""
