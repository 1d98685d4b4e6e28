"""Question banks: the YAML format, its validation and the library of banks."""
