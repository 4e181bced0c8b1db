"""Run a check on a Dask cluster (the ``dask`` extra, ``--scheduler ADDRESS``).

The client reads the files and keeps the cache, exactly as on one machine; the rule pack
is sent to the workers once and compiled once per worker process, then batches of
(path, text) follow. The output is the single-machine output: same violations, same order.
"""

from __future__ import annotations

from ..rules import RulePack
from .engine import Linter
from .runner import FileResult, check_batch

TASKS_PER_WORKER = 4

_linters: dict[str, object] = {}  # per worker process: compiled once per rule pack


class DaskUnavailable(Exception):
    """dask.distributed is missing or the scheduler cannot be reached."""


def check_on_worker(
    key: str,
    pack: RulePack,
    codes: frozenset[str] | None,
    batch: list[tuple[str, str]],
    configured: tuple | None = None,
) -> list[FileResult]:
    """Runs on a Dask worker: the pack sent by the client is compiled once per process.

    ``configured`` is (settings, selection) of the client's configuration, so per-file
    ignores and suppression comments apply as on one machine.
    """
    linter = _linters.get(key)
    if linter is None:
        if configured is not None:
            from .workspace import ConfiguredLinter

            settings, selection = configured
            linter = ConfiguredLinter(Linter(pack, selection), settings, selection)
        else:
            linter = Linter(pack, set(codes) if codes is not None else None)
        _linters[key] = linter
    return check_batch(linter, batch)


class _Pending:
    def __init__(self, future) -> None:
        self.future = future

    def get(self) -> list[FileResult]:
        return self.future.result()


class DaskExecutor:
    """Sends the rule pack once and batches of articles to a Dask scheduler's workers,
    which need medlint installed but neither the rule files nor the articles."""

    def __init__(self, address: str, linter: Linter, key: str) -> None:
        try:
            from distributed import Client
        except ImportError:
            raise DaskUnavailable(
                "--scheduler needs Dask: install medlint with its dask extra (see README)"
            ) from None
        try:
            self.client = Client(address, timeout="10s", set_as_default=False)
        except OSError as error:
            raise DaskUnavailable(f"cannot reach Dask scheduler {address}: {error}") from None
        self.key = key
        self.codes = frozenset(check.rule.code for check in linter.checks)
        self.pack = self.client.scatter(linter.pack, broadcast=True)
        settings = getattr(linter, "settings", None)
        self.configured = (settings, linter.selection) if settings is not None else None
        threads = sum(self.client.nthreads().values())
        self.workers = max(1, threads) * TASKS_PER_WORKER // 2

    def submit(self, batch: list[tuple[str, str]]) -> _Pending:
        return _Pending(
            self.client.submit(
                check_on_worker, self.key, self.pack, self.codes, batch, self.configured,
                pure=False,
            )
        )

    def close(self) -> None:
        self.client.close()
