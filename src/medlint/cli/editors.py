"""``medlint lsp`` (the language server for editors) and ``medlint serve`` (the local
review page): both check with the settings ``check`` would use (see :mod:`medlint.editors`)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ..documents.files import DEFAULT_MAX_FILE_SIZE
from ..run.deadline import DEFAULT_TIMEOUT
from .errors import EXIT_USAGE
from .options import rules_option, seconds, selection_options, size, workspace


def add_parsers(commands: Any) -> None:
    lsp = commands.add_parser("lsp", help="run the language server (stdio) for editors")
    rules_option(lsp)
    selection_options(lsp)
    lsp.add_argument("--debounce", type=float, default=250, metavar="MS",
                     help="wait this long after an edit before checking (default 250)")
    lsp.add_argument("--stdio", action="store_true", help="talk over stdio (the default)")
    serve = commands.add_parser("serve", help="open the local review page in a browser")
    rules_option(serve)
    selection_options(serve)
    serve.add_argument("--host", default="127.0.0.1",
                       help="address to listen on (default 127.0.0.1: this machine only)")
    serve.add_argument("--port", type=int, default=8765, help="port (default 8765; 0: any)")
    serve.add_argument("--max-file-size", type=size, default=DEFAULT_MAX_FILE_SIZE,
                       metavar="SIZE",
                       help="largest article accepted (e.g. 500K, 4M; 0: no limit; default 1M)")
    serve.add_argument("--timeout", type=seconds, default=DEFAULT_TIMEOUT, metavar="SECONDS",
                       help=f"give up on an article after this long (default {DEFAULT_TIMEOUT:g})")
    serve.add_argument("--open", action="store_true", help="open the page in a browser")


def cmd_lsp(args: argparse.Namespace) -> int:
    workspace(args).prepare(["."])  # a bad configuration or selector fails now, in one line
    try:
        from ..editors.lsp import Options, serve_stdio
    except ImportError as error:
        print(
            f"medlint: error: medlint lsp needs pygls ({error.name} is missing): "
            "install medlint-zh with its lsp extra (pip install 'medlint-zh[lsp]')",
            file=sys.stderr,
        )
        return EXIT_USAGE
    return serve_stdio(Options(lambda: workspace(args), max(0.0, args.debounce) / 1000))


def cmd_serve(args: argparse.Namespace) -> int:
    from ..editors.serve import run_server

    settings = workspace(args)
    settings.prepare(["."])
    return run_server(settings, args.host, args.port, args.max_file_size or None, args.open,
                      timeout=args.timeout or None)
