"""``medlint serve``: the local review page, a WSGI application on the standard library.

- ``GET /`` and ``/static/…``: the page (HTML, CSS, JavaScript shipped in the package).
- ``POST /api/decode``: a dropped file's bytes (``X-Filename`` header) decoded as the
  CLI decodes files (BOMs, UTF-8, GB18030), with the same size limit.
- ``POST /api/check`` and ``/api/fix``: ``{"text", "name"}`` checked (or fixed) as the
  file ``name`` in the folder the server runs in, with that folder's configuration.

Nothing is stored and nothing is fetched: every answer is computed from the request.
Requests must come to a local host name (no DNS rebinding) and from the page itself.
Connections are served in threads; checks run one at a time in the main thread, where
the per-article time limit (``--timeout``) applies.
"""

from __future__ import annotations

import json
import os
import queue
import socket
import sys
import threading
from collections import Counter
from collections.abc import Callable, Iterable
from concurrent.futures import Future
from importlib import resources
from socketserver import ThreadingMixIn
from typing import Any, TypeVar
from urllib.parse import unquote
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from ..documents.files import DEFAULT_MAX_FILE_SIZE, InputError, decode_bytes
from ..documents.reader import SUFFIXES
from ..run.deadline import DEFAULT_TIMEOUT
from ..run.workspace import Workspace
from ..violation import Violation
from .checking import check_as, fix_as
from .explain import explain
from .positions import LineIndex

T = TypeVar("T")
StartResponse = Callable[[str, list[tuple[str, str]]], Any]
STATIC = {
    "index.html": "text/html; charset=utf-8",
    "app.js": "text/javascript; charset=utf-8",
    "style.css": "text/css; charset=utf-8",
}
HEADERS = [
    ("Cache-Control", "no-store"),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    ("X-Frame-Options", "DENY"),
    (
        "Content-Security-Policy",
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'",
    ),
]
LOCAL_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1"}


class HTTPError(Exception):
    def __init__(self, status: str, message: str) -> None:
        super().__init__(message)
        self.status = status


def article_name(name: object) -> str:
    """A safe file name for the article: its base name, with a suffix medlint reads."""
    base = os.path.basename(str(name or "").replace("\\", "/")).strip() or "article.md"
    if os.path.splitext(base)[1].lower() not in SUFFIXES:
        base += ".md"
    return base


def describe(violation: Violation, index: LineIndex) -> dict[str, Any]:
    """A violation for the page, with code-point offsets of its span in the text."""
    start, end = index.span(
        violation.line, violation.column, violation.end_line, violation.end_column
    )
    found = violation.model_dump(mode="json")
    found["path"] = os.path.basename(violation.path)
    return {**found, "start": start, "end": end}


class ReviewApp:
    """The WSGI application; ``folder`` is where pasted articles are taken to live."""

    def __init__(
        self,
        workspace: Workspace,
        folder: str | None = None,
        max_size: int | None = DEFAULT_MAX_FILE_SIZE,
        any_host: bool = False,
        timeout: float | None = DEFAULT_TIMEOUT,
        run: Callable[..., Any] | None = None,
    ) -> None:
        self.workspace = workspace
        self.timeout = timeout
        self.run: Callable[..., Any] = run or (lambda function, *args: function(*args))
        self.any_host = any_host  # served on another address on purpose (--host)
        self.folder = os.path.abspath(folder or os.getcwd())
        self.max_size = max_size

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        try:
            self.guard(environ)
            status, kind, body = self.route(environ)
        except HTTPError as error:
            status, kind, body = error.status, "application/json", _json({"error": str(error)})
        except Exception as error:  # a bug: one line, never a traceback in the page
            message = f"internal error: {type(error).__name__}: {error}"
            status, kind, body = "500 Internal Server Error", "application/json", _json(
                {"error": " ".join(message.split())[:300]}
            )
        start_response(status, [("Content-Type", kind), ("Content-Length", str(len(body))),
                                *HEADERS])
        return [body]

    def guard(self, environ: dict[str, Any]) -> None:
        """Only this machine's host names, and no request made by another site."""
        host = str(environ.get("HTTP_HOST", "")).lower()
        name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
        if name not in LOCAL_HOSTS and not self.any_host:
            raise HTTPError("403 Forbidden", f"unexpected host {host!r}")
        origin = environ.get("HTTP_ORIGIN")
        if environ.get("REQUEST_METHOD") == "POST" and origin is not None and (
            origin.split("://", 1)[-1].lower() != host
        ):
            raise HTTPError("403 Forbidden", "requests from other sites are refused")

    def route(self, environ: dict[str, Any]) -> tuple[str, str, bytes]:
        method, path = environ.get("REQUEST_METHOD", "GET"), environ.get("PATH_INFO", "/")
        if method in ("GET", "HEAD"):
            name = "index.html" if path == "/" else path.removeprefix("/static/")
            if name not in STATIC or (path != "/" and not path.startswith("/static/")):
                raise HTTPError("404 Not Found", "no such page")
            data = resources.files(__package__).joinpath("static", name).read_bytes()
            return "200 OK", STATIC[name], data
        if method != "POST":
            raise HTTPError("405 Method Not Allowed", "use GET or POST")
        handlers = {"/api/decode": self.decode, "/api/check": self.check, "/api/fix": self.fix}
        handler = handlers.get(path)
        if handler is None:
            raise HTTPError("404 Not Found", "no such action")
        return "200 OK", "application/json", _json(handler(environ))

    def body(self, environ: dict[str, Any], limit: int | None) -> bytes:
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            raise HTTPError("400 Bad Request", "bad Content-Length") from None
        if limit and length > limit:
            raise HTTPError(
                "413 Payload Too Large",
                f"file too large ({length} bytes; the limit is {limit}, see --max-file-size)",
            )
        data: bytes = environ["wsgi.input"].read(length)
        return data

    def request(self, environ: dict[str, Any]) -> tuple[str, str]:
        """The article's text and name from a JSON request."""
        if not str(environ.get("CONTENT_TYPE", "")).startswith("application/json"):
            raise HTTPError("415 Unsupported Media Type", "send JSON")
        limit = self.max_size * 6 + 4096 if self.max_size else None  # JSON escapes
        try:
            data = json.loads(self.body(environ, limit))
        except (ValueError, UnicodeDecodeError):
            raise HTTPError("400 Bad Request", "the request is not valid JSON") from None
        if not isinstance(data, dict) or not isinstance(data.get("text"), str):
            raise HTTPError("400 Bad Request", "the request has no text")
        return data["text"], article_name(data.get("name"))

    def decode(self, environ: dict[str, Any]) -> dict[str, Any]:
        name = article_name(unquote(str(environ.get("HTTP_X_FILENAME", ""))))
        data = self.body(environ, self.max_size)
        try:
            text = decode_bytes(data).text
        except InputError as error:
            return {"name": name, "error": f"{name}: {error}"}
        return {"name": name, "text": text}

    def check(self, environ: dict[str, Any]) -> dict[str, Any]:
        text, name = self.request(environ)
        path = os.path.join(self.folder, name)
        def work() -> dict[str, Any]:
            checked = check_as(
                self.workspace, path, text, max_size=self.max_size, timeout=self.timeout
            )
            return self.report(name, path, text, checked.violations, checked.error)

        result: dict[str, Any] = self.run(work)
        return result

    def fix(self, environ: dict[str, Any]) -> dict[str, Any]:
        text, name = self.request(environ)
        path = os.path.join(self.folder, name)
        def work() -> dict[str, Any]:
            fixed = fix_as(
                self.workspace, path, text, max_size=self.max_size, timeout=self.timeout
            )
            report = self.report(name, path, fixed.text, fixed.remaining, fixed.error)
            return {**report, "fixed_rules": fixed.fixed_rules, "changed": fixed.text != text}

        result: dict[str, Any] = self.run(work)
        return result

    def report(
        self, name: str, path: str, text: str, violations: list[Violation], error: str | None
    ) -> dict[str, Any]:
        index = LineIndex(text)
        explanations = {}
        for code in sorted({v.rule for v in violations}):
            found = explain(self.workspace, path, code)
            if found is not None:
                explanations[code] = found.as_dict()
        return {
            "name": name,
            "text": text,
            "error": f"{name}: {error}" if error else None,
            "violations": [describe(v, index) for v in violations],
            "counts": dict(Counter(v.category for v in violations)),
            "explanations": explanations,
        }


def _json(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False).encode("utf-8")


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


class _Server(ThreadingMixIn, WSGIServer):
    """Connections in threads, so that a browser's idle spare connection blocks nothing."""

    daemon_threads = True


class _Server6(_Server):
    address_family = socket.AF_INET6


class MainThread:
    """Runs calls in the main thread, one at a time, for request threads: checks then
    keep their time limit (a signal timer, main thread only) and never run at once."""

    def __init__(self) -> None:
        self.jobs: queue.Queue[tuple[Future[Any], Callable[..., Any], tuple[Any, ...]]]
        self.jobs = queue.Queue()

    def __call__(self, function: Callable[..., T], *args: Any) -> T:
        if threading.current_thread() is threading.main_thread():
            return function(*args)
        future: Future[T] = Future()
        self.jobs.put((future, function, args))
        return future.result()

    def work(self) -> None:
        """Run the calls as they come, until interrupted."""
        while True:
            try:
                future, function, args = self.jobs.get(timeout=0.5)
            except queue.Empty:
                continue
            try:
                future.set_result(function(*args))
            except BaseException as error:  # handed to the request, which reports it
                future.set_exception(error)
                if isinstance(error, KeyboardInterrupt):
                    raise


def run_server(
    workspace: Workspace,
    host: str = "127.0.0.1",
    port: int = 8765,
    max_size: int | None = DEFAULT_MAX_FILE_SIZE,
    open_browser: bool = False,
    timeout: float | None = DEFAULT_TIMEOUT,
) -> int:
    """Serve the page until interrupted; prints its address first."""
    main = MainThread()
    app = ReviewApp(workspace, max_size=max_size, any_host=host not in LOCAL_HOSTS,
                    timeout=timeout, run=main)
    server_class = _Server6 if ":" in host else _Server
    try:
        server = make_server(host, port, app, server_class=server_class,
                             handler_class=_QuietHandler)
    except OSError as error:
        print(f"medlint: error: cannot listen on {host}:{port}: {error.strerror}",
              file=sys.stderr)
        return 2
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{shown}:{server.server_port}/"
    print(f"medlint: review page at {url} (Ctrl-C to stop)", flush=True)
    if host not in LOCAL_HOSTS:
        print("medlint: warning: the page is reachable from other machines", file=sys.stderr)
    if open_browser:
        import webbrowser

        webbrowser.open(url)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        main.work()
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
        server.server_close()
    return 0
