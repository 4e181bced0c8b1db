"""Frames compiled by one start and stored beside the cached pack: the next start takes
them instead of compiling, and matches exactly as a start that compiled them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

PROBE = """
import json, sys
from medlint.checks import frames
from medlint.checks.forbidden import ForbiddenCheck
from medlint.run.engine import load_linter
linter = load_linter().compile()
text = sys.argv[1]
found = {}
for check in linter.checks:
    if isinstance(check, ForbiddenCheck):
        compiled = [
            [sorted(sorted(w) for w in c.words), list(c.gaps), [sorted(s) for s in c.stops],
             list(c.repeats), c.lead, c.within]
            for c in check.frames.compiled
        ]
        found[check.rule.code] = [compiled, sorted(check.frames.words),
                                  sorted(check.frames.finditer(text))]
print(json.dumps({"restored": bool(frames._RESTORED), "found": found}, ensure_ascii=False))
"""

TEXT = "这款药保证治好您的鼻炎，一定能把多年的老胃病给调理好。我妈喝了三个月，血压就正常了。"


def _start(cache: Path) -> dict:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    done = subprocess.run([sys.executable, "-c", PROBE, TEXT], capture_output=True,
                          text=True, env=env, timeout=300, check=True)
    return json.loads(done.stdout)


def test_stored_frames_match_as_compiled_ones(tmp_path):
    first = _start(tmp_path)  # compiles the frames and stores them
    (stored,) = (tmp_path / "medlint").glob("frames-*.json")
    second = _start(tmp_path)  # takes them
    assert not first["restored"] and second["restored"]
    assert second["found"] == first["found"]
    assert any(matches for _, _, matches in first["found"].values())
    stored.write_bytes(stored.read_bytes().replace(b"[", b"(", 1))  # damaged: compiled again
    third = _start(tmp_path)
    assert not third["restored"] and third["found"] == first["found"]


def test_frames_entry_of_another_shape_is_not_taken():
    from medlint.checks import frames

    assert not frames.restore_compiled({"literals": [], "sets": "x"}, {})
    if frames.fresh():  # only a process that has compiled nothing can take an entry
        entry = {"literals": ["能"], "sets": frames._pack_sets([frozenset({0})]),
                 "common": [30.0], "marked": [False],
                 "frames": [[["能"], 8, [[[0], [0], [False], [True], 1]]]]}  # lead too far
        assert not frames.restore_compiled(entry, {})
        assert frames.fresh()


def test_slot_sets_stored_as_arrays():
    from medlint.checks import frames

    sets = [frozenset({3, 1, 2}), frozenset({0}), frozenset({70_000, 5})]
    packed = frames._pack_sets(sets)
    assert frames._unpack_sets(packed, 70_001) == sets
    assert frames._unpack_sets(frames._pack_sets([]), 0) == []
    assert frames._unpack_sets(packed, 70_000) is None  # an id out of range
    assert frames._unpack_sets(frames._pack_sets([frozenset()]), 1) is None  # an empty set
    twice = {"sizes": frames._pack_sets([frozenset({1, 2})])["sizes"],
             "ids": frames._pack_sets([frozenset({1}), frozenset({1})])["ids"]}
    assert frames._unpack_sets(twice, 5) is None  # a word twice in one set
    short = {"sizes": packed["sizes"], "ids": frames._pack_sets([frozenset({1})])["ids"]}
    assert frames._unpack_sets(short, 70_001) is None  # sizes that do not add up
    assert frames._unpack_sets({"sizes": "AAA", "ids": ""}, 1) is None  # not whole numbers
    assert frames._unpack_sets({"sizes": packed["sizes"]}, 70_001) is None
    assert frames._unpack_sets([[1, 2]], 5) is None
