"""The ``medlint lsp`` and ``medlint serve`` commands."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..documents.files import DEFAULT_MAX_FILE_SIZE
from ..run.deadline import DEFAULT_TIMEOUT


def _selectors(value: str | None) -> tuple[str, ...]:
    return tuple(s.strip() for s in (value or "").split(",") if s.strip())


def _settings_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", metavar="FILE", type=Path,
                        help="use this configuration file for every file")
    parser.add_argument("--isolated", action="store_true",
                        help="ignore every configuration file")
    parser.add_argument("--select", metavar="RULES", help="only these rules")
    parser.add_argument("--ignore", metavar="RULES", help="do not run these rules")
    parser.add_argument("--rules", action="append", default=[], metavar="DIR", type=Path,
                        help="an extra folder of YAML rules (repeatable)")


def add_commands(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``lsp`` and ``serve`` to the command line's subcommands."""
    from ..cli import _seconds, _size  # the same option syntax as ``check``

    lsp = commands.add_parser("lsp", help="run the language server (stdio) for editors")
    _settings_options(lsp)
    lsp.add_argument("--debounce", type=float, default=250, metavar="MS",
                     help="wait this long after an edit before checking (default 250)")
    lsp.add_argument("--stdio", action="store_true", help="talk over stdio (the default)")
    serve = commands.add_parser("serve", help="open the local review page")
    _settings_options(serve)
    serve.add_argument("--host", default="127.0.0.1",
                       help="address to listen on (default 127.0.0.1: this machine only)")
    serve.add_argument("--port", type=int, default=8765, help="port (default 8765; 0: any)")
    serve.add_argument("--max-file-size", type=_size, default=DEFAULT_MAX_FILE_SIZE,
                       metavar="SIZE",
                       help="largest article accepted (e.g. 500K, 4M; 0: no limit; default 1M)")
    serve.add_argument("--timeout", type=_seconds, default=DEFAULT_TIMEOUT, metavar="SECONDS",
                       help=f"give up on an article after this long (default {DEFAULT_TIMEOUT:g})")
    serve.add_argument("--open", action="store_true", help="open the page in a browser")


def cmd_lsp(args: argparse.Namespace) -> int:
    import sys

    from .checking import make_workspace

    try:
        from .lsp import Options, serve_stdio
    except ImportError as error:
        print(f"medlint: error: medlint lsp needs pygls ({error.name} is missing): "
              "pip install 'medlint[lsp]'", file=sys.stderr)
        return 2

    select = _selectors(args.select) if args.select is not None else None
    make_workspace(args.config, isolated=args.isolated, select=select,
                   ignore=_selectors(args.ignore), rules=args.rules).prepare(["."])
    options = Options(args.config, args.isolated, select, _selectors(args.ignore),
                      tuple(args.rules), max(0.0, args.debounce) / 1000)
    return serve_stdio(options)


def cmd_serve(args: argparse.Namespace) -> int:
    from .checking import make_workspace
    from .serve import run_server

    select = _selectors(args.select) if args.select is not None else None
    workspace = make_workspace(args.config, isolated=args.isolated, select=select,
                               ignore=_selectors(args.ignore), rules=args.rules)
    workspace.prepare(["."])  # a bad configuration or selector fails now, in one line
    return run_server(workspace, args.host, args.port, args.max_file_size or None, args.open,
                      timeout=args.timeout or None)
