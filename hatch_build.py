"""Build hook: after a compiled build (the ``mypyc`` hook, see pyproject.toml), remove the
extension modules it left beside the sources, so that a working tree (and an editable
install of it) keeps running the Python sources it shows. Enabled with the mypyc hook by
``HATCH_BUILD_HOOKS_ENABLE=true``; a plain build loads neither."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CustomBuildHook(BuildHookInterface):  # type: ignore[type-arg]
    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        for path in Path(self.root, "src").rglob("*.so"):
            path.unlink()
