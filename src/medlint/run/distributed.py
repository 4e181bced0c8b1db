"""Run a check on a Dask cluster (``pip install 'medlint[dask]'``, ``--scheduler ADDRESS``).

The client finds and reads the files and keeps the cache, exactly as on one machine;
each file goes to the workers with the settings that apply to it (its configuration and
rule selection), so a sub-folder's ``medlint.toml`` is obeyed as with ``-j 1``. A rule
pack is sent once and each (pack, settings) is compiled once per worker process. The
output is the single-machine output: same violations, same order.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from ..config import Settings
from ..config.selection import Selection
from ..rules import RulePack
from .deadline import DEFAULT_TIMEOUT
from .engine import Linter
from .runner import FileResult, check_batch
from .workspace import ConfiguredLinter, Workspace

TASKS_PER_WORKER = 4

_linters: dict[str, ConfiguredLinter] = {}  # per worker process: compiled once per settings


class DaskUnavailable(Exception):
    """dask.distributed is missing or the scheduler cannot be reached."""


def check_on_worker(
    key: str,
    pack: RulePack,
    settings: Settings,
    selection: Selection,
    batch: list[tuple[str, str]],
    timeout: float | None = DEFAULT_TIMEOUT,
) -> list[FileResult]:
    """Runs on a Dask worker: check ``batch`` with the settings it was sent with."""
    linter = _linters.get(key)
    if linter is None:
        linter = _linters[key] = ConfiguredLinter(Linter(pack, selection), settings, selection)
    return check_batch(linter, batch, timeout)


def _reachable(address: str) -> None:
    """Fail at once, not after the client's timeout, when nothing listens at a TCP address."""
    import socket
    from urllib.parse import urlsplit

    if not address.startswith("tcp://"):
        return
    try:
        parts = urlsplit(address)
        host, port = parts.hostname, parts.port
    except ValueError as error:
        raise DaskUnavailable(f"not a scheduler address: {address} ({error})") from None
    if not host or not port:
        return
    try:
        socket.create_connection((host, port), timeout=5).close()
    except OSError as error:
        reason = error.strerror or str(error) or type(error).__name__
        raise DaskUnavailable(f"cannot reach Dask scheduler {address}: {reason}") from None


class _Pending:
    """The results of one batch, sent as one task per settings, in the batch's order."""

    def __init__(self, size: int, parts: list[tuple[list[int], Any]]) -> None:
        self.size = size
        self.parts = parts

    def get(self) -> list[FileResult]:
        results: list[FileResult | None] = [None] * self.size
        for indices, future in self.parts:
            for index, result in zip(indices, future.result(), strict=True):
                results[index] = result
        return [result for result in results if result is not None]


class DaskExecutor:
    """Sends rule packs once and batches of articles, with their settings, to a Dask
    scheduler's workers, which need medlint installed but neither the rule files, the
    configuration files nor the articles."""

    def __init__(
        self,
        address: str,
        workspace: Workspace,
        fingerprint: str,
        timeout: float | None = DEFAULT_TIMEOUT,
    ) -> None:
        try:
            from distributed import Client
        except ImportError:
            raise DaskUnavailable("--scheduler needs Dask: pip install 'medlint[dask]'") from None
        _reachable(address)
        try:
            self.client = Client(address, timeout="10s", set_as_default=False)
        except OSError as error:
            raise DaskUnavailable(f"cannot reach Dask scheduler {address}: {error}") from None
        self.workspace = workspace
        self.fingerprint = fingerprint
        self.timeout = timeout
        self.packs: dict[Hashable, Any] = {}
        threads = sum(self.client.nthreads().values())
        self.workers = max(1, threads) * TASKS_PER_WORKER // 2

    def _pack(self, linter: ConfiguredLinter) -> Any:
        folders = linter.settings.rule_folders
        if folders not in self.packs:
            self.packs[folders] = self.client.scatter(linter.pack, broadcast=True)
        return self.packs[folders]

    def submit(self, batch: list[tuple[str, str]]) -> _Pending:
        groups: dict[int, tuple[ConfiguredLinter, list[int]]] = {}
        for index, (path, _) in enumerate(batch):
            linter = self.workspace.linter_for(path)
            groups.setdefault(id(linter), (linter, []))[1].append(index)
        parts = []
        for linter, indices in groups.values():
            settings = linter.settings
            key = f"{self.fingerprint}:{settings.file.path}:{settings.fingerprint}"
            future = self.client.submit(
                check_on_worker,
                key,
                self._pack(linter),
                settings,
                linter.selection,
                [batch[i] for i in indices],
                self.timeout,
                pure=False,
            )
            parts.append((indices, future))
        return _Pending(len(batch), parts)

    def close(self) -> None:
        self.client.close()
