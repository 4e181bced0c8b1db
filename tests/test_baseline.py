"""--write-baseline / --baseline: old violations stay quiet, new ones are reported."""

from __future__ import annotations

import json

from articles import DISCLAIMER, write

OLD = "# 颈椎保健\n\n每天坚持，颈椎病就能彻底治愈。\n\n我院使用国际顶级品牌。\n"  # no disclaimer


def codes(run) -> list[tuple[str, int]]:
    return [(v["rule"], v["line"]) for v in run.json()]


def record(cli, folder) -> dict:
    run = cli("check", "--write-baseline", "baseline.json", ".", cwd=folder)
    assert run.code == 0, run.err
    return json.loads((folder / "baseline.json").read_text(encoding="utf-8"))


def check(cli, folder):
    return cli("check", "--format", "json", "--baseline", "baseline.json", ".", cwd=folder)


def test_write_baseline_is_sorted_and_stable(cli, tmp_path):
    write(tmp_path, "b.md", OLD)
    write(tmp_path, "a.md", OLD)
    first = record(cli, tmp_path)
    text = (tmp_path / "baseline.json").read_text(encoding="utf-8")
    assert record(cli, tmp_path) == first
    assert (tmp_path / "baseline.json").read_text(encoding="utf-8") == text
    entries = first["violations"]
    assert entries == sorted(entries, key=lambda e: (e["rule"], e["path"], e["text"], e["index"]))
    assert {"rule": "MED401", "path": "a.md", "text": "彻底治愈", "index": 0} in entries
    assert {"rule": "MED101", "path": "a.md", "text": "", "index": 0} in entries
    assert "line" not in entries[0]


def test_edits_above_do_not_resurrect(cli, tmp_path):
    write(tmp_path, "a.md", OLD)
    record(cli, tmp_path)
    assert check(cli, tmp_path).json() == []
    # new lines above move every old violation down, and the disclaimer is still missing
    write(tmp_path, "a.md", "# 颈椎保健\n\n前言一段。\n\n另一段。\n" + OLD.split("\n", 1)[1])
    run = check(cli, tmp_path)
    assert (run.code, run.json()) == (0, [])


def test_new_claim_is_reported(cli, tmp_path):
    write(tmp_path, "a.md", OLD)
    record(cli, tmp_path)
    write(tmp_path, "a.md", OLD + "\n本品无副作用。\n")
    run = check(cli, tmp_path)
    assert run.code == 1
    assert codes(run) == [("MED403", 7)]


def test_second_identical_claim_is_new(cli, tmp_path):
    write(tmp_path, "a.md", OLD)
    record(cli, tmp_path)
    write(tmp_path, "a.md", OLD + "\n坚持下去就能彻底治愈。\n")
    assert codes(check(cli, tmp_path)) == [("MED401", 7)]


def test_fixed_then_other_file_reported(cli, tmp_path):
    write(tmp_path, "a.md", OLD)
    record(cli, tmp_path)
    write(tmp_path, "b.md", OLD)
    write(tmp_path, "a.md", OLD + f"\n{DISCLAIMER}\n")
    found = check(cli, tmp_path).json()
    assert {v["path"].removeprefix("./") for v in found} == {"b.md"}
    assert {v["rule"] for v in found} == {"MED101", "MED401", "MED404"}


def test_baseline_errors_are_usage_errors(cli, tmp_path):
    write(tmp_path, "a.md", OLD)
    missing = cli("check", "--baseline", "nope.json", "a.md", cwd=tmp_path)
    assert missing.code == 2 and "nope.json" in missing.err
    write(tmp_path, "bad.json", "[1, 2]")
    bad = cli("check", "--baseline", "bad.json", "a.md", cwd=tmp_path)
    assert bad.code == 2 and "not a medlint baseline" in bad.err
    both = cli(
        "check", "--baseline", "bad.json", "--write-baseline", "x.json", "a.md", cwd=tmp_path
    )
    assert both.code == 2 and len(both.err.splitlines()) == 1
