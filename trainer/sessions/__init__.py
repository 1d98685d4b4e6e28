"""Training sessions: cohorts, attendance, pre-test and post-test, reports and figures (no Qt)."""
