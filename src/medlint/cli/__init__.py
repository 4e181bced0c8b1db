"""The ``medlint`` command line: one module per command, shared options and output.

``main.py`` builds the parser and dispatches; ``check.py``, ``fix.py`` (``check --fix``
and ``--diff``), ``rules.py`` (``rules``, ``explain``), ``config.py``, ``clean.py`` and
``rule_tests.py`` (``test-rules``) are the commands; ``options.py``, ``output.py`` and
``errors.py`` are shared. Nothing outside this package imports it.
"""

from .. import regex_store

# before the commands' modules compile their regexes: those an earlier check stored
regex_store.prime()

from .errors import EXIT_OK, EXIT_USAGE, EXIT_VIOLATIONS, UsageError  # noqa: E402
from .main import COMMANDS, build_parser, main  # noqa: E402

__all__ = ["COMMANDS", "EXIT_OK", "EXIT_USAGE", "EXIT_VIOLATIONS", "UsageError", "build_parser",
           "main"]
