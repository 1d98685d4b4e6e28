"""Import and export of other question formats (GIFT, Moodle XML)."""
