"""Small articles for configuration and suppression tests, and a helper to write them."""

from __future__ import annotations

from pathlib import Path

DISCLAIMER = "本文仅供参考，不能替代医生诊断。"
# line 3: MED404 (最好) and MED401 (彻底治愈); line 5: MED402 (治愈率)
CLAIMS = (
    f"# 颈椎保健\n\n这套操效果最好，颈椎病就能彻底治愈。\n\n治愈率高达95%。\n\n{DISCLAIMER}\n"
)
CLEAN = f"# 颈椎保健\n\n每天活动颈部十分钟，有助于缓解僵硬。\n\n{DISCLAIMER}\n"
NO_DISCLAIMER = "# 颈椎保健\n\n每天活动颈部十分钟，有助于缓解僵硬。\n"


def write(root: Path, files: dict[str, str]) -> Path:
    """Create ``files`` (relative path -> text) below ``root``; return ``root``."""
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def found(run) -> list[tuple[str, str, int]]:
    """(file name, rule, line) of each violation in a JSON run, sorted."""
    return sorted((Path(v["path"]).name, v["rule"], v["line"]) for v in run.json())
