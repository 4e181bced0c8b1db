"""Small articles the output tests share: one violation at each severity."""

from __future__ import annotations

from pathlib import Path

DISCLAIMER = "本文仅供参考，不能替代医生诊断；如有不适请及时就医。"

# MED401 (error) at 3:11, MED404 (warning) at 5:7, MED413 (info) at 7:1
THREE_SEVERITIES = (
    "# 颈椎保健\n\n"
    "每天坚持，颈椎病就能彻底治愈。\n\n"
    "我院使用国际顶级品牌。\n\n"
    "权威研究表明，这种方法有效。\n\n"
    f"{DISCLAIMER}\n"
)
WARNING_ONLY = f"# 标题\n\n我院使用国际顶级品牌。\n\n{DISCLAIMER}\n"
INFO_ONLY = f"# 标题\n\n权威研究表明，这种方法有效。\n\n{DISCLAIMER}\n"
CLEAN = f"# 标题\n\n多喝水，规律作息。\n\n{DISCLAIMER}\n"


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
