"""``medlint lsp`` driven by a real LSP client over stdio (pytest-lsp)."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from conftest import run_cli

pytest.importorskip("pygls")
pytest_lsp = pytest.importorskip("pytest_lsp")

from lsprotocol import types  # noqa: E402
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities  # noqa: E402

# An astral-plane emoji and CJK Extension B character (two UTF-16 units each) before claims.
ARTICLE = (
    "# 鼻炎\n"
    "\n"
    "🎉𠀀这是治疗鼻炎的神药。\n"
    "\n"
    "本文仅供科普参考，不能替代医生的诊断和治疗；如有不适，请及时就医。\n"
)
CLAIM_LINE = 2


@pytest_lsp.fixture(
    config=ClientServerConfig(
        server_command=[sys.executable, "-m", "medlint", "lsp", "--debounce", "50"]
    ),
)
async def client(lsp_client: LanguageClient, tmp_path: Path):
    registered: list[types.Registration] = []

    @lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(params: types.RegistrationParams) -> None:  # as editors do
        registered.extend(params.registrations)

    params = types.InitializeParams(
        capabilities=client_capabilities("visual-studio-code"),
        root_uri=tmp_path.as_uri(),
    )
    await lsp_client.initialize_session(params)
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(
    config=ClientServerConfig(server_command=[sys.executable, "-m", "medlint", "lsp"]),
)
async def neovim(lsp_client: LanguageClient, tmp_path: Path):
    """A client that, like Neovim, prefers UTF-8 positions."""
    params = types.InitializeParams(
        capabilities=client_capabilities("neovim"), root_uri=tmp_path.as_uri()
    )
    result = await lsp_client.initialize_session(params)
    assert result.capabilities.position_encoding == "utf-8"
    yield
    await lsp_client.shutdown_session()


async def wait_for(
    client: LanguageClient,
    uri: str,
    ready: Callable[[Sequence[types.Diagnostic]], bool],
    timeout: float = 60,
) -> Sequence[types.Diagnostic]:
    """The document's diagnostics, once ``ready`` says they are the ones awaited."""
    loop = asyncio.get_running_loop()
    end = loop.time() + timeout
    while loop.time() < end:
        found = client.diagnostics.get(uri)
        if found is not None and ready(found):
            return found
        await asyncio.sleep(0.05)
    raise AssertionError(f"no such diagnostics for {uri}: {client.diagnostics.get(uri)}")


def rules(diagnostics: Sequence[types.Diagnostic]) -> list[str]:
    return sorted(str(d.code) for d in diagnostics)


def apply_edits(text: str, edits: Sequence[types.TextEdit]) -> str:
    """Apply LSP edits as an editor does: positions in UTF-16 code units of each line."""
    lines = text.split("\n")

    def offset(position: types.Position) -> int:
        line = lines[position.line] if position.line < len(lines) else ""
        units = line.encode("utf-16-le")[: position.character * 2]
        before = sum(len(x) + 1 for x in lines[: position.line])
        return before + len(units.decode("utf-16-le"))

    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character),
                       reverse=True):
        start, end = offset(edit.range.start), offset(edit.range.end)
        text = text[:start] + edit.new_text + text[end:]
    return text


def open_document(client: LanguageClient, path: Path, text: str, language: str) -> str:
    path.write_text(text, encoding="utf-8")
    uri = path.as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(
                uri=uri, language_id=language, version=1, text=text
            )
        )
    )
    return uri


def change(client: LanguageClient, uri: str, version: int, text: str) -> None:
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )


async def actions_for(
    client: LanguageClient, uri: str, diagnostic: types.Diagnostic
) -> list[types.CodeAction]:
    result = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=diagnostic.range,
            context=types.CodeActionContext(diagnostics=[diagnostic]),
        )
    )
    return [a for a in result or [] if isinstance(a, types.CodeAction)]


@pytest.mark.asyncio
async def test_diagnostics_at_utf16_ranges_with_suggestion_and_basis(
    client: LanguageClient, tmp_path: Path
):
    uri = open_document(client, tmp_path / "a.md", ARTICLE, "markdown")
    found = await wait_for(client, uri, lambda d: len(d) > 0)
    [claim] = [d for d in found if d.range.start.line == CLAIM_LINE]
    line = ARTICLE.split("\n")[CLAIM_LINE]
    start = len(line[: line.index("神药")].encode("utf-16-le")) // 2
    assert start == 11  # two astral characters count two units each
    assert (claim.range.start.line, claim.range.start.character) == (CLAIM_LINE, start)
    assert (claim.range.end.line, claim.range.end.character) == (CLAIM_LINE, start + 2)
    assert str(claim.code).startswith("MED4")
    assert claim.source == "medlint"
    assert claim.severity == types.DiagnosticSeverity.Error
    assert "建议" in claim.message and "依据" in claim.message and "广告法" in claim.message
    # the same violations as ``medlint check`` reports for the file, at its positions
    done = run_cli("check", "--no-cache", "--format", "json", "a.md", cwd=tmp_path)
    lines = ARTICLE.split("\n")

    def utf16(line: int, column: int) -> int:
        return len(lines[line - 1][:column].encode("utf-16-le")) // 2

    expected = sorted(
        (v["rule"], v["line"] - 1, utf16(v["line"], v["column"] - 1), v["end_line"] - 1,
         utf16(v["end_line"], v["end_column"]))
        for v in done.json()
    )
    assert expected == sorted(
        (str(d.code), d.range.start.line, d.range.start.character, d.range.end.line,
         d.range.end.character)
        for d in found
    )


@pytest.mark.asyncio
async def test_utf8_positions_when_the_editor_asks(neovim: LanguageClient, tmp_path: Path):
    uri = open_document(neovim, tmp_path / "a.md", ARTICLE, "markdown")
    found = await wait_for(neovim, uri, lambda d: len(d) > 0)
    [claim] = [d for d in found if d.range.start.line == CLAIM_LINE]
    line = ARTICLE.split("\n")[CLAIM_LINE]
    start = len(line[: line.index("神药")].encode("utf-8"))
    assert (claim.range.start.character, claim.range.end.character) == (start, start + 6)


@pytest.mark.asyncio
async def test_safe_fix_action_removes_the_diagnostic(client: LanguageClient, tmp_path: Path):
    uri = open_document(client, tmp_path / "a.md", ARTICLE, "markdown")
    found = await wait_for(client, uri, lambda d: len(d) > 0)
    [claim] = [d for d in found if d.range.start.line == CLAIM_LINE]
    actions = await actions_for(client, uri, claim)
    [fix] = [a for a in actions if a.title.startswith("修正 Fix")]
    assert fix.is_preferred and fix.edit is not None and fix.edit.changes is not None
    fixed = apply_edits(ARTICLE, fix.edit.changes[uri])
    assert fixed == ARTICLE.replace("神药", "药物")
    change(client, uri, 2, fixed)
    await wait_for(client, uri, lambda d: not any(x.range.start.line == CLAIM_LINE for x in d))


@pytest.mark.asyncio
async def test_fix_all_source_action_matches_check_fix(client: LanguageClient, tmp_path: Path):
    text = ARTICLE.replace("本文仅供", "本文") + "\n另一款神药。\n"
    uri = open_document(client, tmp_path / "a.md", text, "markdown")
    await wait_for(client, uri, lambda d: len(d) >= 3)
    result = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=types.Range(start=types.Position(line=0, character=0),
                              end=types.Position(line=0, character=0)),
            context=types.CodeActionContext(
                diagnostics=[], only=[types.CodeActionKind.SourceFixAll]
            ),
        )
    )
    [fix_all] = [a for a in result or [] if isinstance(a, types.CodeAction)]
    assert fix_all.kind == "source.fixAll.medlint"
    assert fix_all.edit is not None and fix_all.edit.changes is not None
    fixed = apply_edits(text, fix_all.edit.changes[uri])
    copy = tmp_path / "copy.md"
    copy.write_text(text, encoding="utf-8")
    run_cli("check", "--no-cache", "--fix", str(copy), cwd=tmp_path)
    assert fixed == copy.read_text(encoding="utf-8") and "神药" not in fixed
    # the disclaimer alone, from its own diagnostic
    missing = next(d for d in client.diagnostics[uri] if d.code == "MED101")
    [own] = [a for a in await actions_for(client, uri, missing) if "Fix MED101" in a.title]
    assert "插入 insert" in own.title and own.edit is not None and own.edit.changes is not None
    appended = apply_edits(text, own.edit.changes[uri])
    assert appended.startswith(text) and "仅供" in appended[len(text):]


@pytest.mark.asyncio
async def test_disable_on_this_line_and_for_the_file(client: LanguageClient, tmp_path: Path):
    text = ARTICLE.replace("本文仅供", "本文")  # the disclaimer is now incomplete: MED101
    uri = open_document(client, tmp_path / "a.md", text, "markdown")
    found = await wait_for(client, uri, lambda d: len(d) >= 2)
    assert "MED101" in rules(found)
    version = 1
    for code in ("MED101", next(r for r in rules(found) if r.startswith("MED4"))):
        diagnostic = next(d for d in client.diagnostics[uri] if d.code == code)
        actions = await actions_for(client, uri, diagnostic)
        [disable] = [a for a in actions if a.title.startswith("在本")]
        assert disable.edit is not None and disable.edit.changes is not None
        text = apply_edits(text, disable.edit.changes[uri])
        version += 1
        change(client, uri, version, text)
        await wait_for(client, uri, lambda d, code=code: code not in rules(d))
    assert "<!-- medlint-disable-line MED4" in text
    assert "<!-- medlint-disable-file MED101 -->" in text
    assert len(client.diagnostics[uri]) == 0  # and no unused-suppression warning


@pytest.mark.asyncio
async def test_hover_explains_the_rule(client: LanguageClient, tmp_path: Path):
    uri = open_document(client, tmp_path / "a.md", ARTICLE, "markdown")
    found = await wait_for(client, uri, lambda d: len(d) > 0)
    [claim] = [d for d in found if d.range.start.line == CLAIM_LINE]
    hover = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri), position=claim.range.start
        )
    )
    assert hover is not None and isinstance(hover.contents, types.MarkupContent)
    assert str(claim.code) in hover.contents.value
    assert "依据 basis" in hover.contents.value and "合规示例" in hover.contents.value
    nothing = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            position=types.Position(line=0, character=0),
        )
    )
    assert nothing is None


@pytest.mark.asyncio
async def test_folder_settings_suppression_and_reload(client: LanguageClient, tmp_path: Path):
    sub = tmp_path / "site"
    sub.mkdir()
    (sub / ".medlint.toml").write_text(
        'ignore = ["MED101"]\nexclude = ["drafts/"]\n', encoding="utf-8"
    )
    text = "# 鼻炎\n\n这是治疗鼻炎的神药。\n"
    (sub / "drafts").mkdir()
    draft = open_document(client, sub / "drafts" / "b.md", text, "markdown")
    await wait_for(client, draft, lambda d: len(d) == 0)  # excluded, as by medlint check
    uri = open_document(client, sub / "a.txt", text, "plaintext")
    found = await wait_for(client, uri, lambda d: len(d) > 0)
    assert not any(r == "MED101" for r in rules(found))  # the folder's configuration applies
    [code] = rules(found)
    change(client, uri, 2, text.replace("神药。", f"神药。 # medlint-disable-line {code}"))
    await wait_for(client, uri, lambda d: len(d) == 0)
    # a configuration saved in the editor applies at once
    config = sub / ".medlint.toml"
    config.write_text("ignore = []\n", encoding="utf-8")
    open_document(client, config, "ignore = []\n", "toml")  # not an article: not checked
    client.text_document_did_save(
        types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=config.as_uri()))
    )
    await wait_for(client, uri, lambda d: "MED101" in rules(d))
    assert len(client.diagnostics.get(config.as_uri(), [])) == 0


@pytest.mark.asyncio
async def test_configuration_changes_and_errors_are_shown(client: LanguageClient, tmp_path: Path):
    text = "# 鼻炎\n\n这是治疗鼻炎的神药。\n"
    uri = open_document(client, tmp_path / "a.md", text, "markdown")
    await wait_for(client, uri, lambda d: "MED101" in rules(d))
    config = tmp_path / "medlint.toml"
    config.write_text("selct = []\n", encoding="utf-8")  # changed outside the editor
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            changes=[types.FileEvent(uri=config.as_uri(), type=types.FileChangeType.Created)]
        )
    )
    [error] = await wait_for(client, uri, lambda d: "MED101" not in rules(d))
    assert error.severity == types.DiagnosticSeverity.Error
    assert error.message.startswith("medlint: error:") and "selct" in error.message


@pytest.mark.asyncio
async def test_quick_edits_are_debounced_to_the_last_text(client: LanguageClient, tmp_path: Path):
    uri = open_document(client, tmp_path / "a.md", "# 鼻炎\n", "markdown")
    await wait_for(client, uri, lambda d: True)
    text = ARTICLE
    for version in range(2, 6):
        change(client, uri, version, text[: 10 * version])
    change(client, uri, 6, text)
    found = await wait_for(client, uri, lambda d: any(x.range.start.line == CLAIM_LINE for x in d))
    assert all(d.range.start.line <= 4 for d in found)
