"""Running a check: which files, each file's settings and linter, workers, cache, fixes."""
