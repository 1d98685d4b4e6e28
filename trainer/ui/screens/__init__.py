"""Full-window screens."""
