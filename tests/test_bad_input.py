"""Bad input, through the real CLI: one-line errors, the right exit status, no traceback.

Each case builds its files in a temporary folder and says what the run must do.
Exit status: 0 clean, 1 violations, 2 usage/configuration errors *or* a file that
could not be checked (the other files are still checked and reported).
"""

from __future__ import annotations

import codecs
import os
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ARTICLE = "# 标题\n\n肉毒素可以根治多汗症。\n"  # MED401 at 3:4-3:7 (可以根治)
CLAIM = {"line": 3, "column": 4, "end_line": 3, "end_column": 7, "text": "可以根治"}
ONE_LINE_ERROR = re.compile(r"^(medlint: (error|internal error): .+|.+: error: .+)$")


@dataclass
class Case:
    build: Callable[[Path], list[str]]  # makes files in tmp_path, returns CLI arguments
    code: int
    err: str = ""  # a fragment stderr must contain
    claims: list[dict] = field(default_factory=list)  # MED401 findings expected (JSON)
    stdin: bytes | None = None


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def claim_json(tmp: Path, name: str, data: bytes | str) -> list[str]:
    return ["--format", "json", "--select", "MED401", str(write(tmp / name, data))]


def rules_dir(tmp: Path, text: str, name: str = "extra.yaml") -> list[str]:
    write(tmp / "rules" / name, text)
    return ["--rules", str(tmp / "rules"), str(write(tmp / "a.md", ARTICLE))]


RULE = """rules:
  - code: XYZ001
    name: extra
    kind: forbidden
    category: overclaim
    severity: error
    message: m
    patterns: [{pattern}]
    examples: {{bad: [x], good: [y]}}
"""


def folder_with_binary(tmp: Path) -> list[str]:
    write(tmp / "docs" / "a.md", ARTICLE)
    write(tmp / "docs" / "b.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    return ["--format", "json", "--select", "MED401", str(tmp / "docs")]


def symlink_loop(tmp: Path) -> list[str]:
    os.symlink(tmp / "b.md", tmp / "a.md")
    os.symlink(tmp / "a.md", tmp / "b.md")
    return [str(tmp / "a.md")]


def folder_symlink_loop(tmp: Path) -> list[str]:
    write(tmp / "docs" / "a.md", ARTICLE)
    os.symlink(tmp / "docs", tmp / "docs" / "again")
    os.symlink(tmp / "docs" / "x.md", tmp / "docs" / "x.md.tmp")
    return ["--format", "json", "--select", "MED401", str(tmp / "docs")]


def fifo(tmp: Path) -> list[str]:
    os.mkfifo(tmp / "pipe.md")
    return [str(tmp / "pipe.md")]


def sparse_50mb(tmp: Path) -> list[str]:
    with open(tmp / "big.md", "wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    return [str(tmp / "big.md")]


def long_line(tmp: Path) -> list[str]:
    write(tmp / "line.txt", "肉毒素可以根治多汗症，效果很好，" * (5 * 1024 * 1024 // 48))
    return [str(tmp / "line.txt")]


def slow_file(tmp: Path) -> list[str]:
    write(tmp / "line.txt", "肉毒素可以根治多汗症，效果很好，" * 250_000)
    return ["--max-file-size", "0", "--timeout", "0.2", str(tmp / "line.txt")]


def unreadable(tmp: Path) -> list[str]:
    if os.geteuid() == 0:
        pytest.skip("root reads files whatever their mode")
    path = write(tmp / "secret.md", ARTICLE)
    path.chmod(0)
    return [str(path)]


CASES: dict[str, Case] = {
    # files that are not text
    "binary file given": Case(
        lambda t: [str(write(t / "a.md", b"abc\x00def"))], 2, "a.md: error: binary file"
    ),
    "binary file in a folder, others still checked": Case(
        folder_with_binary, 2, "b.md: error: binary file", [CLAIM]
    ),
    "invalid UTF-8 that is no GB18030 text": Case(
        lambda t: [str(write(t / "a.md", b"caf\xe9 \xff\xfe au lait\n"))],
        2,
        "a.md: error: unsupported encoding",
    ),
    "UTF-16 without a byte-order mark": Case(
        lambda t: [str(write(t / "a.md", ARTICLE.encode("utf-16-le")))], 2, "binary file"
    ),
    "truncated UTF-16 after its BOM": Case(
        lambda t: [str(write(t / "a.md", codecs.BOM_UTF16_LE + b"a\x00b"))], 2, "invalid UTF-16"
    ),
    # encodings read correctly, positions right
    "GBK": Case(lambda t: claim_json(t, "a.md", ARTICLE.encode("gbk")), 1, claims=[CLAIM]),
    "GB18030": Case(
        lambda t: claim_json(t, "a.md", ("㐀" + ARTICLE).encode("gb18030")),
        1,
        claims=[CLAIM],
    ),
    "UTF-16 LE with BOM": Case(
        lambda t: claim_json(t, "a.md", codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le")),
        1,
        claims=[CLAIM],
    ),
    "UTF-16 BE with BOM": Case(
        lambda t: claim_json(t, "a.md", codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be")),
        1,
        claims=[CLAIM],
    ),
    "UTF-8 BOM, claim on the first line": Case(
        lambda t: claim_json(t, "a.txt", codecs.BOM_UTF8 + "根治多汗症。\n".encode()),
        1,
        claims=[{"line": 1, "column": 1, "end_column": 2, "text": "根治"}],
    ),
    # empty articles have nothing to check
    "empty file": Case(lambda t: claim_json(t, "a.md", b""), 0),
    "whitespace only": Case(lambda t: claim_json(t, "a.md", " \n\t\r\n\u3000\n"), 0),
    "invisible characters only": Case(
        lambda t: ["--format", "json", str(write(t / "a.md", "\ufeff\ufeff\u200b\n"))], 0
    ),
    # size and time
    "50 MB file": Case(sparse_50mb, 2, "big.md: error: file too large"),
    "5 MB single line": Case(long_line, 2, "line.txt: error: file too large"),
    "a file too slow to check": Case(slow_file, 2, "line.txt: error: gave up after 0.2 s"),
    "size limit option": Case(
        lambda t: ["--max-file-size", "10", str(write(t / "a.md", ARTICLE))], 2, "too large"
    ),
    # line endings, invisible characters, tabs
    "CRLF, CR and LF mixed": Case(
        lambda t: claim_json(t, "a.txt", "可以根治。\r\n\r其次\n\t能根治。\r\n"),
        1,
        claims=[
            {"line": 1, "column": 1, "end_column": 4, "text": "可以根治"},
            {"line": 4, "column": 2, "end_column": 4, "text": "能根治"},
        ],
    ),
    "zero-width space inside a claim": Case(
        lambda t: claim_json(t, "a.md", "# 标题\n\n肉毒素可以根\u200b治多汗症。\n"),
        1,
        claims=[{"line": 3, "column": 4, "end_column": 8, "text": "可以根治"}],
    ),
    "zero-width joiner and soft hyphen in HTML": Case(
        lambda t: claim_json(t, "a.html", "<p>\t可以根\u200d\u00ad治。</p>\n"),
        1,
        claims=[{"line": 1, "column": 5, "end_column": 10, "text": "可以根治"}],
    ),
    # paths
    "missing path": Case(lambda t: [str(t / "nope.md")], 2, "nope.md: error: no such file"),
    "unreadable file": Case(unreadable, 2, "secret.md: error: permission denied"),
    "symlink loop given": Case(symlink_loop, 2, "a.md: error: too many levels of symbolic"),
    "symlink loops inside a folder": Case(folder_symlink_loop, 1, claims=[CLAIM]),
    "named pipe": Case(fifo, 2, "pipe.md: error: not a regular file"),
    "folder given as the output file": Case(
        lambda t: ["-o", str(t), str(write(t / "a.md", ARTICLE))], 2, "medlint: error: cannot"
    ),
    "file given as a rules folder": Case(
        lambda t: ["--rules", str(write(t / "r.yaml", "")), str(t)], 2, "rule folder not found"
    ),
    # standard input
    "stdin in GBK": Case(
        lambda t: ["--format", "json", "--select", "MED401", "--stdin-filename", "p.md", "-"],
        1,
        claims=[CLAIM],
        stdin=ARTICLE.encode("gbk"),
    ),
    "stdin binary": Case(lambda t: ["-"], 2, "-: error: binary file", stdin=b"\x00\x01"),
    # markup that nests deeply
    "deeply nested Markdown": Case(
        lambda t: [str(write(t / "a.md", "> " * 3000 + "可以根治\n" + "- " * 3000 + "x\n"))],
        1,
    ),
    "deeply nested HTML": Case(
        lambda t: [str(write(t / "a.html", "<div>" * 20000 + "可以根治" + "</div>" * 20000))], 1
    ),
    # rules
    "malformed YAML rule file": Case(
        lambda t: rules_dir(t, "rules: [\n  - code: X\n"), 2, "extra.yaml:2: invalid YAML"
    ),
    "rule with an unknown key": Case(
        lambda t: rules_dir(t, RULE.format(pattern="x") + "    colour: red\n"),
        2,
        "extra.yaml: rule XYZ001: colour: Extra inputs are not permitted",
    ),
    "duplicate key in a rule": Case(
        lambda t: rules_dir(t, RULE.format(pattern="x") + "    message: again\n"),
        2,
        "duplicate key 'message'",
    ),
    "duplicate rule code": Case(
        lambda t: rules_dir(t, RULE.format(pattern="x").replace("XYZ001", "MED401")),
        2,
        "rule MED401: code: duplicate code",
    ),
    "invalid regular expression": Case(
        lambda t: rules_dir(t, RULE.format(pattern="'根治('")),
        2,
        "rule XYZ001: patterns: invalid regular expression '根治('",
    ),
    "catastrophic backtracking": Case(
        lambda t: rules_dir(t, RULE.format(pattern="'(根+)+治'")),
        2,
        "rule XYZ001: patterns: regular expression '(根+)+治' nests",
    ),
    "replacement that is flagged itself": Case(
        lambda t: rules_dir(t, RULE.format(pattern="根治") + "    replacements: {根治: 可根治}\n"),
        2,
        "'可根治' (for '根治') is itself flagged",
    ),
    "rule file in another encoding": Case(
        lambda t: rules_dir(t, "rules: []\n# 注释\n".encode("gbk")), 2, "extra.yaml: cannot read"
    ),
    "rule file that is a list": Case(lambda t: rules_dir(t, "- a\n"), 2, "must be a mapping"),
    # options and rule codes
    "unknown option": Case(lambda t: ["--frobnicate", str(t)], 2, "unrecognized arguments"),
    "unknown rule code": Case(lambda t: ["--select", "XYZ999", str(t)], 2, "unknown rule code"),
    "unknown format": Case(lambda t: ["--format", "yaml", str(t)], 2, "unknown format"),
    "bad size": Case(lambda t: ["--max-file-size", "lots", str(t)], 2, "not a size"),
    "negative timeout": Case(lambda t: ["--timeout", "-1", str(t)], 2, "not a number"),
    "no paths": Case(lambda t: [], 2, "no paths given"),
    "unsafe fixes without --fix": Case(lambda t: ["--unsafe-fixes", str(t)], 2, "needs --fix"),
    "--fix with stdin and files": Case(lambda t: ["--fix", "-", str(t)], 2, "only on its own"),
    "disclaimer text that does not comply": Case(
        lambda t: ["--fix", "--disclaimer-text", "仅供参考", str(t)], 2, "lacks 咨询专业人士"
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_bad_input(cli, tmp_path, name):
    case = CASES[name]
    args = case.build(tmp_path)
    run = run_bytes(cli, ["check", *args], case.stdin)
    assert "Traceback" not in run.err, run.err
    assert run.code == case.code, run.out + run.err
    assert case.err in run.err
    for line in run.err.splitlines():
        assert ONE_LINE_ERROR.match(line), line
    if case.claims:
        found = [v for v in run.json() if v["rule"] == "MED401"]
        assert len(found) == len(case.claims), found
        pairs = zip(case.claims, found, strict=True)
        assert [{k: v[k] for k in claim} for claim, v in pairs] == case.claims


def run_bytes(cli, args: list[str], stdin: bytes | None):
    """The CLI with binary standard input (the ``cli`` fixture sends text)."""
    if stdin is None:
        return cli(*args)
    import subprocess

    from conftest import Run

    done = subprocess.run(
        [sys.executable, "-m", "medlint", *args], input=stdin, capture_output=True, timeout=300
    )
    return Run(done.returncode, done.stdout.decode(), done.stderr.decode())


def test_file_name_that_is_not_utf8(cli, tmp_path):
    name = os.fsdecode(b"\xff\xfe-article.md")
    write(tmp_path / name, ARTICLE)
    run = cli("check", "--select", "MED401", str(tmp_path))
    assert "Traceback" not in run.err
    assert run.code == 1
    assert "-article.md:3:4: MED401" in run.out


def test_unexpected_error_is_one_line(tmp_path):
    """A bug anywhere in a command becomes ``medlint: internal error: …``, exit 2."""
    import subprocess

    code = (
        "import sys, medlint.cli as c\n"
        "def boom(args): raise RuntimeError('unexpected\\nstate')\n"
        "c.COMMANDS['check'] = boom\n"
        "sys.exit(c.main(['check', '.']))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 2
    assert done.stderr.startswith("medlint: internal error: RuntimeError: unexpected state")
    assert "please report" in done.stderr
    assert len(done.stderr.splitlines()) == 1
