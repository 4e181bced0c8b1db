"""The ``medlint`` command: its parser, its commands, and one-line errors."""

from __future__ import annotations

import argparse
import atexit
import gc
import os
import sys
import threading
from collections.abc import Callable

from ..config import ConfigError
from ..rules import RulesError
from ..version import __version__
from . import check, clean, config, editors, rule_tests, rules
from .errors import EXIT_OK, EXIT_USAGE, UsageError
from .options import Parser
from .output import silence_stdout, tolerant_streams

COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "check": check.cmd_check,
    "clean": clean.cmd_clean,
    "rules": rules.cmd_rules,
    "explain": rules.cmd_explain,
    "config": config.cmd_config,
    "test-rules": rule_tests.cmd_test_rules,
    "lsp": editors.cmd_lsp,
    "serve": editors.cmd_serve,
}


# a process that ran the command line ends without a last cyclic garbage collection over
# every object of the compiled rules (a few per cent of a one-file check); files, caches
# and workers are closed by the commands themselves
atexit.register(gc.disable)


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="medlint", description="Compliance linter for Chinese medical and health articles."
    )
    parser.add_argument("--version", action="version", version=f"medlint {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    check.add_parser(commands)
    clean.add_parser(commands)
    rules.add_parsers(commands)
    config.add_parser(commands)
    rule_tests.add_parser(commands)
    editors.add_parsers(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line and return its exit status; every failure is one line on
    stderr, never a traceback. A ``check`` that is the process's own command line ends
    the process (see :func:`_end`)."""
    ending: list[bool] = []
    code = _main(argv, ending)
    if ending:
        _end(code)
    return code


def _end(code: int) -> None:
    """End the process with ``code`` now, as an exit would, less its last step: freeing
    every object of the compiled rules one by one (tens of ms of a one-file check). The
    exit handlers run and the output streams are flushed first; if another thread still
    runs or a stream cannot be flushed, the interpreter ends as usual instead."""
    if threading.active_count() > 1:
        return
    atexit._run_exitfuncs()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        return
    os._exit(code)


def _main(argv: list[str] | None, ending: list[bool]) -> int:
    tolerant_streams()
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        if args.command is None:
            parser.print_help()
            return EXIT_USAGE
        if argv is None and args.command == "check":  # the process ends with the check
            from ..run.engine import keep_compiled
            from ..run.runner import LONG_RUN_GC

            keep_compiled()
            # reading the rules and the article's first sentences make many objects and
            # next to no cycles: young objects are collected as in a long run
            threshold, *older = gc.get_threshold()
            gc.set_threshold(max(threshold, LONG_RUN_GC), *older)
            ending.append(True)
        return COMMANDS[args.command](args)
    except (UsageError, RulesError, ConfigError) as error:
        print(f"medlint: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except SystemExit as done:  # --help, --version: main(argv) returns, never exits
        return done.code if isinstance(done.code, int) else EXIT_OK if done.code is None else 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        silence_stdout()
        return EXIT_OK
    except Exception as error:  # a bug: say so in one line, never a traceback
        message = " ".join(str(error).split())[:300]
        print(
            f"medlint: internal error: {type(error).__name__}: {message} "
            "(please report this, with the command and the file that caused it)",
            file=sys.stderr,
        )
        return EXIT_USAGE
