"""Exit statuses and the one error a command raises for a usage problem."""

from __future__ import annotations

EXIT_OK, EXIT_VIOLATIONS, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """A problem with how medlint was called or configured (exit 2)."""
