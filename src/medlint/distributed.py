"""Run a check on a Dask cluster (``pip install 'medlint[dask]'``, ``--scheduler ADDRESS``).

The client reads the files and keeps the cache, exactly as on one machine; batches of
(path, text) go to the cluster's workers, each of which loads the rule pack once. The
output is the single-machine output: same violations, same order.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .violation import Violation

TASKS_PER_WORKER = 4


class DaskUnavailable(Exception):
    """dask.distributed is missing or the scheduler cannot be reached."""


@lru_cache(maxsize=4)
def _linter(folders: tuple[Path, ...], select: str | None):
    from .engine import load_linter

    codes = None
    if select:
        codes = frozenset(c.strip() for c in select.split(",") if c.strip())
    return load_linter(folders, codes)


def check_on_worker(
    folders: tuple[Path, ...], select: str | None, batch: list[tuple[str, str]]
) -> list[list[Violation]]:
    """Runs on a Dask worker: the rules are loaded once per worker process."""
    from .runner import check_batch

    return check_batch(_linter(folders, select), batch)


class _Pending:
    def __init__(self, future) -> None:
        self.future = future

    def get(self) -> list[list[Violation]]:
        return self.future.result()


class DaskExecutor:
    """Sends batches to a Dask scheduler; sized by the cluster's worker threads."""

    def __init__(self, address: str, folders: tuple[Path, ...], select: str | None) -> None:
        try:
            from distributed import Client
        except ImportError:
            raise DaskUnavailable(
                "--scheduler needs Dask: pip install 'medlint[dask]'"
            ) from None
        try:
            self.client = Client(address, timeout="10s", set_as_default=False)
        except OSError as error:
            raise DaskUnavailable(f"cannot reach Dask scheduler {address}: {error}") from None
        self.folders = tuple(Path(f).resolve() for f in folders)
        self.select = select
        threads = sum(self.client.nthreads().values())
        self.workers = max(1, threads) * TASKS_PER_WORKER // 2

    def submit(self, batch: list[tuple[str, str]]) -> _Pending:
        return _Pending(
            self.client.submit(check_on_worker, self.folders, self.select, batch, pure=False)
        )

    def close(self) -> None:
        self.client.close()
