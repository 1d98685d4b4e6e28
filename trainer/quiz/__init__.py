"""The quiz engine: how questions are graded and when feedback is given (no Qt)."""
