"""``check --fix`` / ``--unsafe-fixes`` / ``--diff`` on real files through the CLI."""

from __future__ import annotations

import codecs
import os
import stat
from pathlib import Path

import pytest

from medlint.documents.files import InputError, read_decoded
from medlint.run.fix import write_atomic

DISCLAIMER = "本文仅供科普参考，不能替代医生的诊断和治疗；如有不适，请及时就医。"
HYPE = "# 止咳\n\n这是神药，可以根治咳嗽。\n"


def fix(cli, *args: str, stdin: str | None = None):
    run = cli("check", "--format", "json", *args, stdin=stdin)
    assert "Traceback" not in run.err
    return run


def test_safe_fixes_then_report_what_remains(cli, tmp_path):
    article = tmp_path / "a.md"
    article.write_text(HYPE, encoding="utf-8")
    run = fix(cli, "--fix", str(article))
    assert article.read_text(encoding="utf-8") == f"{HYPE}\n{DISCLAIMER}\n"
    assert [v["rule"] for v in run.json()] == ["MED406", "MED401"]  # unsafe: for a person
    assert run.code == 1
    assert "Fixed 1 violation in 1 file." in run.err


@pytest.mark.parametrize(
    "text",
    [
        "# 神药\n\n这种药的用法见说明书。\n",  # a title: 神药 → 药物 makes it "# 药物"
        "# 读书\n\n这本书是我失眠时的神药。\n",  # a metaphor: 药物 changes the meaning
    ],
)
def test_no_word_swap_is_a_safe_fix(cli, tmp_path, text):
    """A safe fix must be right in every context; replacing a word never is."""
    article = tmp_path / "a.md"
    article.write_text(text, encoding="utf-8")
    fix(cli, "--fix", str(article))
    assert article.read_text(encoding="utf-8").startswith(text)


def test_second_fix_changes_nothing(cli, tmp_path):
    article = tmp_path / "a.md"
    article.write_text(HYPE, encoding="utf-8")
    fix(cli, "--fix", "--unsafe-fixes", str(article))
    once = article.read_bytes()
    again = fix(cli, "--fix", "--unsafe-fixes", str(article))
    assert article.read_bytes() == once
    assert "Fixed 0 violations in 0 files." in again.err
    assert again.code == 0 and again.json() == []


def test_unsafe_fixes_replace_only_the_phrase(cli, tmp_path):
    article = tmp_path / "a.md"
    article.write_text(HYPE, encoding="utf-8")
    fix(cli, "--fix", "--unsafe-fixes", str(article))
    assert article.read_text(encoding="utf-8").startswith("# 止咳\n\n这是药物，可以控制咳嗽。\n")


def test_diff_previews_without_writing(cli, tmp_path):
    article = tmp_path / "a.md"
    article.write_text(HYPE, encoding="utf-8")
    before = os.stat(article)
    run = cli("check", "--diff", str(article))
    assert run.code == 1
    assert f"--- a/{article}" in run.out and f"+++ b/{article}" in run.out
    assert "-这是神药，可以根治咳嗽。" not in run.out  # no safe fix for the wording
    assert f"+{DISCLAIMER}" in run.out
    assert article.read_text(encoding="utf-8") == HYPE
    assert os.stat(article).st_mtime_ns == before.st_mtime_ns


def test_diff_of_a_clean_file_is_empty(cli, tmp_path):
    article = tmp_path / "a.md"
    article.write_text(f"# 洗手\n\n饭前洗手。\n\n{DISCLAIMER}\n", encoding="utf-8")
    run = cli("check", "--diff", str(article))
    assert (run.code, run.out) == (0, "")


@pytest.mark.parametrize(
    ("encoding", "bom", "newline"),
    [
        ("gbk", b"", "\r\n"),
        ("utf-16-le", codecs.BOM_UTF16_LE, "\n"),
        ("utf-8", codecs.BOM_UTF8, "\r"),
        ("gb18030", b"", "\n"),
    ],
)
def test_fix_keeps_encoding_bom_and_line_endings(cli, tmp_path, encoding, bom, newline):
    text = "# 止咳\n\n这是神药。\n".replace("\n", newline)
    article = tmp_path / "a.md"
    article.write_bytes(bom + text.encode(encoding))
    fix(cli, "--fix", str(article))
    data = article.read_bytes()
    assert data.startswith(bom)
    fixed = data[len(bom) :].decode(encoding)
    expected = f"# 止咳\n\n这是神药。\n\n{DISCLAIMER}\n".replace("\n", newline)
    assert fixed == expected


def test_mixed_line_endings_are_kept_byte_for_byte(cli, tmp_path):
    article = tmp_path / "a.txt"
    original = "止咳\r\n\r这是神药。\n其次\r\n".encode()
    article.write_bytes(original)
    fix(cli, "--fix", str(article))
    data = article.read_bytes()
    assert data.startswith(original)
    assert data.endswith(f"\r\n\r\n{DISCLAIMER}\r\n".encode())


def test_incomplete_disclaimer_needs_unsafe_fixes(cli, tmp_path):
    article = tmp_path / "a.md"
    original = "# 洗手\n\n饭前洗手。本文仅供参考。\n"
    article.write_text(original, encoding="utf-8")
    run = fix(cli, "--fix", str(article))
    assert article.read_text(encoding="utf-8") == original
    assert [v["rule"] for v in run.json()] == ["MED101"]
    fix(cli, "--fix", "--unsafe-fixes", str(article))
    assert article.read_text(encoding="utf-8") == f"{original}\n{DISCLAIMER}\n"


def test_disclaimer_text_option(cli, tmp_path):
    article = tmp_path / "a.md"
    article.write_text("# 洗手\n\n饭前洗手。", encoding="utf-8")
    wording = "以上内容仅供参考，请遵医嘱。"
    run = fix(cli, "--fix", "--disclaimer-text", wording, str(article))
    assert article.read_text(encoding="utf-8") == f"# 洗手\n\n饭前洗手。\n\n{wording}\n"
    assert run.code == 0


def test_html_disclaimer_goes_inside_the_body(cli, tmp_path):
    page = tmp_path / "a.html"
    page.write_text("<html><body>\n<p>饭前洗手。</p>\n</body></html>\n", encoding="utf-8")
    fix(cli, "--fix", str(page))
    assert page.read_text(encoding="utf-8") == (
        f"<html><body>\n<p>饭前洗手。</p>\n<p>{DISCLAIMER}</p>\n</body></html>\n"
    )


def test_a_fix_that_would_not_work_is_dropped(cli, tmp_path):
    """Appended inside an unclosed code block, the disclaimer would not count: no change."""
    article = tmp_path / "a.md"
    original = "# 洗手\n\n饭前洗手。\n\n```\ncode\n"
    article.write_text(original, encoding="utf-8")
    run = fix(cli, "--fix", str(article))
    assert article.read_text(encoding="utf-8") == original
    assert [v["rule"] for v in run.json()] == ["MED101"]


def test_claim_split_by_markup_is_not_rewritten(cli, tmp_path):
    article = tmp_path / "a.md"
    article.write_text(f"# 止咳\n\n这是神\u200b药。\n\n{DISCLAIMER}\n", encoding="utf-8")
    run = fix(cli, "--fix", str(article))
    assert "神\u200b药" in article.read_text(encoding="utf-8")
    assert [v["rule"] for v in run.json()] == ["MED406"]


def test_write_is_atomic_keeps_mode_and_follows_symlinks(cli, tmp_path):
    target = tmp_path / "real.md"
    target.write_text(HYPE, encoding="utf-8")
    target.chmod(0o640)
    link = tmp_path / "link.md"
    link.symlink_to(target)
    fix(cli, "--fix", str(link))
    assert link.is_symlink()
    assert DISCLAIMER in target.read_text(encoding="utf-8")
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.md", "real.md"]


def test_stdin_fix_prints_the_fixed_text(cli):
    run = cli("check", "--fix", "--stdin-filename", "p.md", "-", stdin=HYPE)
    assert run.out == f"{HYPE}\n{DISCLAIMER}\n"
    assert "p.md:3:6: MED401" in run.err
    assert run.code == 1


def test_folder_fix_goes_on_past_bad_files(cli, tmp_path):
    (tmp_path / "a.md").write_text(HYPE, encoding="utf-8")
    (tmp_path / "b.md").write_bytes(b"\x00binary")
    run = fix(cli, "--fix", str(tmp_path))
    assert run.code == 2
    assert f"{tmp_path / 'b.md'}: error: binary file" in run.err
    assert DISCLAIMER in (tmp_path / "a.md").read_text(encoding="utf-8")


def test_file_changed_since_read_is_left_alone(tmp_path: Path):
    article = tmp_path / "a.md"
    article.write_text(HYPE, encoding="utf-8")
    decoded = read_decoded(str(article))
    article.write_text(HYPE + "新的一段。\n", encoding="utf-8")
    with pytest.raises(InputError, match="changed on disk"):
        write_atomic(str(article), decoded, "fixed")
    assert article.read_text(encoding="utf-8") == HYPE + "新的一段。\n"
    assert [p.name for p in tmp_path.iterdir()] == ["a.md"]
