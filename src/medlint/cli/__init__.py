"""The ``medlint`` command line: one module per command, shared options and output.

``main.py`` builds the parser and dispatches; ``check.py``, ``fix.py`` (``check --fix``
and ``--diff``), ``rules.py`` (``rules``, ``explain``), ``config.py``, ``clean.py`` and
``rule_tests.py`` (``test-rules``) are the commands; ``options.py``, ``output.py`` and
``errors.py`` are shared. Nothing outside this package imports it.
"""

import gc

from .. import regex_store

# before the commands' modules compile their regexes: those an earlier check stored
regex_store.prime()

# the commands' modules make many objects and next to no garbage: young objects are
# collected as in a long run (runner.LONG_RUN_GC) while they load, then as before
_threshold = gc.get_threshold()
gc.set_threshold(max(_threshold[0], 20_000), *_threshold[1:])
try:
    from .errors import EXIT_OK, EXIT_USAGE, EXIT_VIOLATIONS, UsageError
    from .main import COMMANDS, build_parser, main
finally:
    gc.set_threshold(*_threshold)

__all__ = ["COMMANDS", "EXIT_OK", "EXIT_USAGE", "EXIT_VIOLATIONS", "UsageError", "build_parser",
           "main"]
