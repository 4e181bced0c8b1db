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


# ---------------------------------------------------------------------------------------
# Hostile repositories: nothing from a checked folder may run code, escape its folder or
# hide a violation. Each case reproduces one way it was attempted; most run in-process.
# ---------------------------------------------------------------------------------------


def run_main(args: list[str], capsys) -> tuple[int, str, str]:
    """The CLI in this process: (exit status, stdout, stderr)."""
    from medlint.cli import main

    capsys.readouterr()
    code = main(args)
    out, err = capsys.readouterr()
    assert "Traceback" not in err, err
    return code, out, err


class Planted:
    """A pickle that, if ever unpickled, leaves a marker file behind."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (open, (str(self.marker), "w"))


def plant(folder: Path, marker: Path) -> None:
    """A pickled payload under every name a rule-pack cache could have in ``folder``."""
    import pickle

    from medlint.rules import default_rules_dir, pack_cache

    folder.mkdir(parents=True, exist_ok=True)
    key = pack_cache._key([default_rules_dir()])
    for name in (f"pack-{key}.pickle", f"pack-{key}.json"):
        (folder / name).write_bytes(pickle.dumps(Planted(marker)))


def no_cache_env(monkeypatch, tmp_path: Path, *, home: str | None = None) -> None:
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    if home is None:
        monkeypatch.delenv("HOME", raising=False)
    else:
        monkeypatch.setenv("HOME", home)
    import pwd

    def no_entry(uid):
        raise KeyError(uid)

    monkeypatch.setattr(pwd, "getpwuid", no_entry)
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir(exist_ok=True)


def test_2_pack_cache_never_under_the_checked_folder(tmp_path, monkeypatch):
    """HOME unset, no passwd entry: a committed ``~/.cache/medlint`` is never used."""
    from medlint.rules import default_rules_dir, pack_cache
    from medlint.userdata import user_cache_dir

    repo = tmp_path / "repo"
    marker = tmp_path / "code-ran"
    plant(repo / "~" / ".cache" / "medlint", marker)
    monkeypatch.chdir(repo)
    no_cache_env(monkeypatch, tmp_path)
    folder = user_cache_dir()
    assert folder is not None and folder.is_absolute()
    assert repo not in folder.parents
    pack = pack_cache.load_pack_cached([default_rules_dir()])
    assert pack.rules and not marker.exists()


def test_2_pack_cache_is_data_not_code(tmp_path, monkeypatch):
    """A pickle planted in the cache folder itself is never loaded: the cache is JSON."""
    from medlint.rules import default_rules_dir, load_pack, pack_cache

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    marker = tmp_path / "code-ran"
    plant(tmp_path / "xdg" / "medlint", marker)
    pack = pack_cache.load_pack_cached([default_rules_dir()])
    assert not marker.exists()
    assert pack.rules == load_pack([default_rules_dir()]).rules
    stored = pack_cache.load_pack_cached([default_rules_dir()])  # now from the JSON entry
    assert stored.rules == pack.rules and stored.topics == pack.topics
    assert stored.lexicon == pack.lexicon and stored.lexicons == pack.lexicons
    assert (stored.names is None) == (pack.names is None)
    if pack.names is not None:
        assert stored.names.kind == pack.names.kind and stored.names.index == pack.names.index
    assert not marker.exists()


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs chown")
def test_2_shared_temporary_fallback_owned_by_another_user(tmp_path, monkeypatch):
    """``/tmp/medlint-<uid>`` made by someone else (with a pickle in it) is not used."""
    from medlint.userdata import user_cache_dir

    no_cache_env(monkeypatch, tmp_path)
    foreign = tmp_path / "tmp" / f"medlint-{os.getuid()}"
    plant(foreign, tmp_path / "code-ran")
    os.chown(foreign, 4242, 4242)
    assert user_cache_dir() is None
    code = check_here(tmp_path, monkeypatch)
    assert code == 1 and not (tmp_path / "code-ran").exists()


def check_here(tmp_path: Path, monkeypatch) -> int:
    """A check of a fresh process: caches come from the current environment."""
    import subprocess

    write(tmp_path / "w" / "a.md", ARTICLE)
    done = subprocess.run(
        [sys.executable, "-m", "medlint", "check", "--select", "MED401", str(tmp_path / "w")],
        capture_output=True, text=True, timeout=300,
    )
    assert "Traceback" not in done.stderr, done.stderr
    return done.returncode


def test_2_cache_folder_writable_by_others_is_not_used(tmp_path, monkeypatch):
    from medlint.userdata import user_cache_dir

    no_cache_env(monkeypatch, tmp_path, home=str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    shared = tmp_path / "xdg" / "medlint"
    shared.mkdir(parents=True)
    shared.chmod(0o777)
    assert user_cache_dir() == tmp_path / "home" / ".cache" / "medlint"
    (tmp_path / "home" / ".cache" / "medlint").rmdir()
    (tmp_path / "home" / ".cache" / "medlint").symlink_to(shared)
    assert user_cache_dir() == tmp_path / "tmp" / f"medlint-{os.getuid()}"


def test_3_result_cache_keeps_per_file_ignores_apart(tmp_path, monkeypatch, capsys):
    """Identical files, one under an ignored folder: the other must still fail."""
    repo = tmp_path / "repo"
    write(repo / "medlint.toml", '[per-file-ignores]\n"legacy/**" = ["MED401"]\n')
    write(repo / "legacy" / "a.md", ARTICLE)
    write(repo / "docs" / "a.md", ARTICLE)
    monkeypatch.chdir(repo)
    cache = ["--cache-dir", str(tmp_path / "cache"), "--select", "MED401", "--format", "json"]
    assert run_main(["check", *cache, "legacy/a.md"], capsys)[0] == 0
    code, out, _ = run_main(["check", *cache, "docs/a.md"], capsys)
    assert code == 1 and '"MED401"' in out
    assert run_main(["check", *cache, "legacy/a.md"], capsys)[0] == 0


def test_7_damaged_pack_cache_is_rebuilt_and_cleaned(tmp_path, monkeypatch, capsys):
    from medlint.rules import default_rules_dir, pack_cache

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    folder = tmp_path / "xdg" / "medlint"
    pack_cache.load_pack_cached([default_rules_dir()])
    (entry,) = folder.glob("pack-*.json")
    for damage in (b"", b"{", entry.read_bytes()[:-40], entry.read_bytes().replace(b"MED", b"XED")):
        entry.write_bytes(damage)
        assert pack_cache.load_pack_cached([default_rules_dir()]).rule("MED401") is not None
    assert entry.read_bytes().startswith(b'{"key"')
    code, out, _ = run_main(["clean", "--cache-dir", str(tmp_path / "results")], capsys)
    assert code == 0 and "removed 1 stored rule pack" in out
    assert not list(folder.glob("pack-*"))


def test_7_full_disk_leaves_no_temporary_files(tmp_path, monkeypatch):
    from medlint.rules import default_rules_dir, pack_cache

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))

    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(pack_cache.os, "replace", full)
    assert pack_cache.load_pack_cached([default_rules_dir()]).rules
    assert [p.name for p in (tmp_path / "xdg" / "medlint").iterdir()] == []


@pytest.mark.parametrize("damage", ["garbage", "folder is a file"])
def test_7_unusable_result_cache_means_checking_without_it(tmp_path, capsys, damage):
    cache = tmp_path / "cache"
    if damage == "garbage":
        write(cache / "results.sqlite", b"SQLite format 3\x00" + b"\xff" * 5000)
    else:
        write(cache, "not a folder")
    article = write(tmp_path / "a.md", ARTICLE)
    code, out, err = run_main(["check", "--cache-dir", str(cache), "--select", "MED401",
                               "--format", "json", str(article)], capsys)
    assert code == 1 and '"MED401"' in out
    if damage == "folder is a file":
        assert "warning: checking without the result cache" in err


def test_8_segmentation_from_many_threads_in_a_fresh_process(tmp_path):
    import subprocess

    code = (
        "from concurrent.futures import ThreadPoolExecutor\n"
        "from medlint import check_text\n"
        "texts = ['肉毒素可以根治多汗症%d，这是神药。' % i for i in range(300)]\n"
        "with ThreadPoolExecutor(8) as pool:\n"
        "    found = list(pool.map(lambda t: len(check_text(t, 'a.md')), texts))\n"
        "print(sorted(set(found)))\n"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "xdg")}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=env, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "ProgrammingError" not in done.stderr
    assert len(eval(done.stdout)) == 1


HYPE = "# 止咳\n\n这是神药，可以根治咳嗽。\n"


def test_1_fix_never_writes_through_a_link_leaving_the_folder(tmp_path, monkeypatch, capsys):
    outside = write(tmp_path / "o" / "v.sh", "#!/bin/sh\necho hi\n")
    repo = tmp_path / "repo"
    write(repo / "a.md", HYPE)
    (repo / "v.md").symlink_to(outside)
    monkeypatch.chdir(repo)
    for given in (["."], ["v.md"], ["a.md", "v.md"]):
        code, _, err = run_main(["check", "--fix", *given], capsys)
        assert outside.read_text() == "#!/bin/sh\necho hi\n"
        assert code == 2 and "v.md: error: a symbolic link to a file outside" in err
    assert "本文仅供" in (repo / "a.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "wording",
    [
        "本文仅供参考，不能替代医生诊断，请咨询专业人士。\nchmod +x v.sh && ./v.sh",
        "本文仅供参考，不能替代医生诊断，请咨询专业人士。\r<script>x()</script>",
        "# 本文仅供参考，不能替代医生诊断，请咨询专业人士。",
        "本文仅供参考，不能替代医生诊断，请咨询专业人士。<img src=x onerror=alert(1)>",
    ],
)
def test_1_disclaimer_text_must_be_prose(tmp_path, monkeypatch, capsys, wording):
    import json as _json

    repo = tmp_path / "repo"
    write(repo / "medlint.toml", f"disclaimer-text = {_json.dumps(wording)}\n")
    write(repo / "a.md", HYPE)
    monkeypatch.chdir(repo)
    code, _, err = run_main(["check", "--fix", "a.md"], capsys)
    assert code == 2 and "disclaimer-text" in err
    assert (repo / "a.md").read_text(encoding="utf-8") == HYPE
    code, _, err = run_main(["check", "--isolated", "--fix", "--disclaimer-text", wording,
                             "a.md"], capsys)
    assert code == 2 and "the disclaimer text must" in err
    assert (repo / "a.md").read_text(encoding="utf-8") == HYPE


def test_10_extra_rules_stay_inside_the_configuration_folder(tmp_path, monkeypatch, capsys):
    repo = tmp_path / "repo"
    write(repo / "a.md", ARTICLE)
    monkeypatch.chdir(repo)
    for folder in ("/", "../", "rules/../../x"):
        write(repo / "medlint.toml", f'extra-rules = ["{folder}"]\n')
        code, _, err = run_main(["check", "a.md"], capsys)
        assert code == 2 and "extra-rules" in err and "inside the configuration" in err
    (repo / "linked").symlink_to(tmp_path)
    write(repo / "medlint.toml", 'extra-rules = ["linked"]\n')
    code, _, err = run_main(["check", "a.md"], capsys)
    assert code == 2 and "leads outside" in err and str(tmp_path / "o") not in err
    write(tmp_path / "secret.yaml", "hunter2: x\n")
    write(repo / "medlint.toml", 'extra-rules = ["rules"]\n')
    (repo / "rules").mkdir()
    (repo / "rules" / "a.yaml").symlink_to(tmp_path / "secret.yaml")
    code, _, err = run_main(["check", "a.md"], capsys)
    assert code == 2 and "holds a link to a file outside" in err and "hunter2" not in err


@pytest.mark.parametrize("value", ['"yes"', '1', '"false"'])
def test_10_booleans_are_booleans(tmp_path, monkeypatch, capsys, value):
    write(tmp_path / "medlint.toml", f"respect-gitignore = {value}\n")
    write(tmp_path / "a.md", ARTICLE)
    monkeypatch.chdir(tmp_path)
    code, _, err = run_main(["check", "a.md"], capsys)
    assert code == 2 and "respect-gitignore" in err


def read_for_fix(path: Path):
    from medlint.documents.files import read_decoded

    return read_decoded(str(path))


def test_12_an_edit_during_the_replace_is_kept(tmp_path, monkeypatch):
    """The changed-on-disk check happens at the replace, not before the new file is made."""
    from medlint.documents.files import InputError
    from medlint.run import safe_write

    article = write(tmp_path / "a.md", HYPE)
    decoded = read_for_fix(article)
    real_temporary = safe_write._temporary

    def edit_while_writing(folder, data, info):  # another program saves meanwhile
        with open(article, "a", encoding="utf-8") as handle:
            handle.write("新的一段。\n")
        return real_temporary(folder, data, info)

    monkeypatch.setattr(safe_write, "_temporary", edit_while_writing)
    with pytest.raises(InputError, match="changed on disk"):
        safe_write.write_fix(str(article), decoded, "fixed")
    assert article.read_text(encoding="utf-8") == HYPE + "新的一段。\n"
    assert [p.name for p in tmp_path.iterdir()] == ["a.md"]


def test_12_an_edit_landing_in_the_replace_is_put_back(tmp_path, monkeypatch):
    from medlint.documents.files import InputError
    from medlint.run import safe_write

    article = write(tmp_path / "a.md", HYPE)
    decoded = read_for_fix(article)
    real_replace = os.replace
    calls = []

    def late_edit(source, target):
        if not calls:
            with open(article, "a", encoding="utf-8") as handle:
                handle.write("新的一段。\n")
        calls.append(source)
        real_replace(source, target)

    monkeypatch.setattr(safe_write.os, "replace", late_edit)
    with pytest.raises(InputError, match="the edit was kept"):
        safe_write.write_fix(str(article), decoded, "fixed")
    assert article.read_text(encoding="utf-8") == HYPE + "新的一段。\n"
    assert [p.name for p in tmp_path.iterdir()] == ["a.md"]


def test_12_hard_links_and_read_only_files_are_left_alone(tmp_path, monkeypatch, capsys):
    article = write(tmp_path / "a.md", HYPE)
    os.link(article, tmp_path / "same.txt")
    locked = write(tmp_path / "b.md", HYPE)
    locked.chmod(0o444)
    monkeypatch.chdir(tmp_path)
    code, _, err = run_main(["check", "--fix", "a.md", "b.md"], capsys)
    assert code == 2
    assert "a.md: error: has 1 other hard link(s); not written" in err
    assert "b.md: error: read-only file; not written" in err
    assert article.read_text(encoding="utf-8") == HYPE == locked.read_text(encoding="utf-8")
    assert os.stat(article).st_ino == os.stat(tmp_path / "same.txt").st_ino


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs chown")
def test_12_fix_keeps_owner_and_group(tmp_path, monkeypatch, capsys):
    article = write(tmp_path / "a.md", HYPE)
    os.chown(article, 4242, 4343)
    monkeypatch.chdir(tmp_path)
    run_main(["check", "--fix", "a.md"], capsys)
    info = os.stat(article)
    assert "本文仅供" in article.read_text(encoding="utf-8")
    assert (info.st_uid, info.st_gid) == (4242, 4343)


CLAIM_HTML = "<p>肉毒素可以根治多汗症。</p>"


@pytest.mark.parametrize(
    "name, source",
    [
        ("unclosed code", f"<p>用法：<code>x</p>{CLAIM_HTML}"),
        ("unclosed pre and code", f"<pre><code>x{CLAIM_HTML}"),
        ("unclosed head", f"<html><head><title>t</title><meta charset=utf-8>{CLAIM_HTML}"),
        ("head then body", f"<html><head><title>t</title><body>{CLAIM_HTML}"),
        ("unclosed svg", f"<svg viewBox='0 0 1 1'><path d=''/>{CLAIM_HTML}"),
        ("unclosed script", f"<script>var a = 1;{CLAIM_HTML}"),
        ("many unclosed", "<code>" * 200 + CLAIM_HTML),
        ("markdown nested 20 deep", "> " * 20 + "肉毒素可以根治多汗症。\n"),
        ("markdown nested 20 deep, then prose", "> " * 25 + "x\n\n肉毒素可以根治多汗症。\n"),
        ("markdown lists 30 deep", "- " * 30 + "x\n\n肉毒素可以根治多汗症。\n"),
        ("markdown with unclosed html block", "<code>\n\n肉毒素可以根治多汗症。\n"),
    ],
)
def test_4_markup_never_hides_prose(tmp_path, capsys, name, source):
    suffix = ".md" if name.startswith("markdown") else ".html"
    article = write(tmp_path / f"a{suffix}", source)
    code, out, err = run_main(["check", "--select", "MED401", "--format", "json",
                               str(article)], capsys)
    assert code == 1, (out, err)
    assert "可以根治" in out


ODD_NAME = os.fsdecode(b"\xff\xfe-") + "\x1b[2J=x,y:z.md"


@pytest.mark.parametrize("fmt", ["html", "sarif", "gitlab", "junit", "csv", "json", "github"])
def test_6_odd_file_names_and_unreadable_files_in_every_report(tmp_path, capsys, fmt):
    import csv
    import io
    import json as _json
    import xml.etree.ElementTree as ET

    write(tmp_path / ODD_NAME, "肉毒素\x0b可以根治多汗症。\x07\n")
    write(tmp_path / "b.md", b"\x00binary")
    report = tmp_path / "report.out"
    code, _out, err = run_main(["check", "--format", fmt, "-o", str(report), str(tmp_path)],
                              capsys)
    assert code == 2 and "b.md: error: binary file" in err
    text = report.read_bytes().decode("utf-8")  # strict: valid UTF-8 whatever the name
    assert "MED401" in text and "b.md" in text
    if fmt in ("sarif", "gitlab", "json"):
        document = _json.loads(text)
        if fmt == "sarif":
            results = document["runs"][0]["results"]
            assert "MED002" in {r["ruleId"] for r in results}
            assert document["runs"][0]["invocations"][0]["executionSuccessful"] is False
    elif fmt == "junit":
        root = ET.fromstring(text.encode("utf-8"))
        assert root.get("errors") == "1"
    elif fmt == "csv":
        rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
        assert any(row[0].endswith("b.md") for row in rows)
    elif fmt == "github":
        assert all(line.startswith("::") for line in text.splitlines())


def test_6_write_baseline_with_an_odd_file_name(tmp_path, capsys):
    write(tmp_path / "docs" / ODD_NAME, ARTICLE)
    baseline = tmp_path / "baseline.json"
    code, _, err = run_main(["check", "--write-baseline", str(baseline), str(tmp_path / "docs")],
                            capsys)
    assert code == 0 and "recorded" in err, err
    code, out, _ = run_main(["check", "--baseline", str(baseline), "--select", "MED401",
                             str(tmp_path / "docs")], capsys)
    assert code == 0, out


def test_6_a_failed_run_leaves_the_previous_report(tmp_path):
    import subprocess

    report = write(tmp_path / "report.json", "previous")
    write(tmp_path / "a.md", ARTICLE)
    code = (
        "import sys\n"
        "from medlint.reporters.json import JsonReporter\n"
        "def boom(self, summary): raise RuntimeError('disk gone')\n"
        "JsonReporter.close = boom\n"
        "from medlint.cli import main\n"
        f"sys.exit(main(['check', '--format', 'json', '-o', {str(report)!r}, {str(tmp_path)!r}]))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 2 and "internal error" in done.stderr
    assert report.read_text() == "previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md", "report.json"]


def test_9_csv_cells_are_never_formulas(tmp_path, capsys):
    import csv
    import io

    write(tmp_path / "=HYPERLINK(1).md", "+可以根治多汗症。\n")
    write(tmp_path / "@a.md", "-可以根治多汗症。\n")
    code, out, _ = run_main(["check", "--format", "csv", "--select", "MED401", str(tmp_path)],
                            capsys)
    rows = list(csv.reader(io.StringIO(out.removeprefix("\ufeff"))))[1:]
    assert code == 1 and len(rows) == 2
    for row in rows:
        assert not [cell for cell in row if cell[:1] in ("=", "+", "-", "@")], row


def test_9_text_output_cannot_forge_ci_lines(tmp_path, capsys):
    name = "a\n::error file=x.md,line=1::forged\n.md"
    write(tmp_path / name, ARTICLE)
    code, out, err = run_main(["check", "--select", "MED401", str(tmp_path)], capsys)
    assert code == 1
    assert not [line for line in out.splitlines() + err.splitlines() if line.startswith("::")]
    assert "a\\x0a::error" in out


def test_11_precommit_hook_never_takes_a_file_name_for_an_option():
    import yaml

    root = Path(__file__).parents[1]
    hooks = yaml.safe_load((root / ".pre-commit-hooks.yaml").read_text())
    own = yaml.safe_load((root / ".pre-commit-config.yaml").read_text())["repos"][0]["hooks"]
    for hook in [*hooks, *(h for h in own if h["entry"].startswith("medlint"))]:
        assert hook["entry"].split()[-1] == "--", hook


def test_11_a_file_named_like_an_option_is_checked(tmp_path, monkeypatch, capsys):
    readme = write(tmp_path / "README.md", "# 说明\n")
    write(tmp_path / "-oREADME.md", ARTICLE)
    monkeypatch.chdir(tmp_path)
    code, out, _ = run_main(["check", "--select", "MED401", "--", "-oREADME.md"], capsys)
    assert code == 1 and "-oREADME.md:3:4: MED401" in out
    assert readme.read_text(encoding="utf-8") == "# 说明\n"


@pytest.mark.parametrize("where", ["exclude", "per-file-ignores", ".gitignore"])
def test_5_globs_that_would_backtrack_are_refused(tmp_path, monkeypatch, capsys, where):
    """``a*a*…*b`` against a long name would run for hours in a backtracking matcher."""
    pattern = "a*" * 12 + "b"
    (tmp_path / ".git").mkdir()
    if where == "exclude":
        write(tmp_path / "medlint.toml", f'exclude = ["{pattern}"]\n')
    elif where == "per-file-ignores":
        write(tmp_path / "medlint.toml", f'[per-file-ignores]\n"{pattern}" = ["MED401"]\n')
    else:
        write(tmp_path / ".gitignore", f"{pattern}\n*.md\n")
    write(tmp_path / ("a" * 200 + ".md"), ARTICLE)
    monkeypatch.chdir(tmp_path)
    code, out, err = run_main(["check", "--select", "MED401", "."], capsys)  # returns at all
    if where == ".gitignore":  # not used: the article is checked, not hidden
        assert code == 1 and "MED401" in out
    else:
        assert code == 2 and "wildcards in one path segment" in err


def test_5_html_report_with_many_violations_in_one_file():
    """Was quadratic (32 000 violations in one file: minutes); the highlighting is one
    sweep now (benchmarks time it; this checks the page is complete)."""
    import io

    from medlint.reporters import REPORTERS, Summary
    from medlint.violation import Violation

    source = "肉毒素可以根治多汗症。\n" * 32000
    found = [
        Violation(path="a.md", line=n, column=4, end_line=n, end_column=7, rule="MED401",
                  name="cure-guarantee", category="overclaim", severity="error",
                  message="保证治愈", text="可以根治")
        for n in range(1, 32001)
    ]
    out = io.StringIO()
    reporter = REPORTERS["html"](out)
    summary = Summary()
    summary.add(found)
    reporter.file("a.md", source, found)
    reporter.close(summary)
    assert out.getvalue().count('<mark class="error"') == 32000


def test_5_many_claim_lines_scan_the_commercial_words_once(monkeypatch):
    """Was quadratic (every claim scanned the whole text for commercial words: 4 000 claim
    lines took 10 s, 20 000 hit the timeout); the words are found once per article now
    (``benchmarks/many_claims.py`` times it; this counts the scans)."""
    from medlint.checks.forbidden import COMMERCIAL_DETAIL
    from medlint.checks.frames import Frames
    from medlint.run.engine import default_linter

    linter = default_linter()
    scans: list[list[str]] = []
    plain = Frames.finditer

    def counted(self, text):
        scans.append(self.sources)
        return plain(self, text)

    monkeypatch.setattr(Frames, "finditer", counted)
    lines = ["这款药可以根治多汗症。"] * 300 + ["现在预约，保证根治。", "预约电话见下。"]
    found = linter.check_text("# 标题\n\n" + "\n\n".join(lines) + "\n", "many.md")
    claims = [v for v in found if v.rule == "MED401"]
    assert len(claims) >= 300
    commercial = [COMMERCIAL_DETAIL in v.message for v in claims]
    assert commercial[0] is False and commercial[-1] is True  # C15 near the 预约 lines only
    assert scans.count(["{commercial}"]) == 1
