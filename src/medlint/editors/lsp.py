"""``medlint lsp``: a language server (pygls, stdio) for Markdown, text and HTML articles.

- Diagnostics when a document is opened, changed (debounced) and saved, checked as the
  file on disk with the settings that apply to it (see :mod:`medlint.editors.checking`).
- Code actions: each safe fix, all safe fixes at once, and a suppression comment for
  the rule on the diagnostic's line (or in the file, for a finding about the article).
- Hover on a diagnostic: the rule's explanation.
- Saving a configuration file reloads the settings and checks the open documents again.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.workspace import TextDocument

from ..config import ConfigError
from ..config.settings import CONFIG_NAMES
from ..documents.reader import document_format
from ..rules import RulesError
from ..run.workspace import Workspace
from ..version import __version__
from ..violation import Violation
from .checking import Checked, check_as, excluded, fix_as, make_workspace
from .edits import TextEdit, diff_edits, disable_comment
from .explain import explain
from .lsp_convert import SOURCE, action, describe, diagnostic, error_diagnostic, lsp_range
from .positions import Encoding, LineIndex

FIX_ALL = f"{types.CodeActionKind.SourceFixAll.value}.medlint"
SUFFIX_OF_LANGUAGE = {"markdown": ".md", "html": ".html", "plaintext": ".txt"}


@dataclass
class Options:
    """How the server checks: the settings (made again after a configuration changes),
    and the pause after an edit before checking."""

    settings: Callable[[], Workspace] = make_workspace
    debounce: float = 0.25  # seconds


@dataclass
class State:
    """The last check of one open document."""

    version: int | None
    text: str
    path: str
    violations: list[Violation] = field(default_factory=list)
    fixed: tuple[str, list[TextEdit], list[str]] | None = None  # text, edits, rules fixed


class MedlintServer(LanguageServer):
    def __init__(self, options: Options) -> None:
        super().__init__("medlint", __version__)
        self.options = options
        self.checker: Workspace | None = None
        self.states: dict[str, State] = {}
        self.pending: dict[str, asyncio.Task[None]] = {}

    # -- settings and paths ---------------------------------------------------------

    def settings_workspace(self) -> Workspace:
        """The settings (reloaded after a configuration file is saved)."""
        if self.checker is None:
            self.checker = self.options.settings()
        return self.checker

    def encoding(self) -> Encoding:
        chosen = self.workspace.position_encoding
        value = str(getattr(chosen, "value", chosen))
        if value == "utf-8":
            return "utf-8"
        return "utf-32" if value == "utf-32" else "utf-16"

    def path_of(self, document: TextDocument) -> str:
        """The file the document is (for an unsaved one: a file in the workspace root)."""
        if document.uri.startswith("file:") and document.path:
            return document.path
        root = self.workspace.root_path or os.getcwd()
        suffix = SUFFIX_OF_LANGUAGE.get(document.language_id or "", ".md")
        return os.path.join(root, "untitled" + suffix)

    # -- checking -------------------------------------------------------------------

    def check(self, uri: str) -> None:
        """Check the document now and publish its diagnostics."""
        document = self.workspace.get_text_document(uri)
        text, path = document.source, self.path_of(document)
        try:
            workspace = self.settings_workspace()
            article = document.language_id in SUFFIX_OF_LANGUAGE or (
                Path(path).suffix.lower() in workspace.settings_for(path).extensions
            )
            skip = not article or excluded(workspace, path)
            checked = Checked() if skip else check_as(workspace, path, text)
        except (ConfigError, RulesError) as error:
            checked = Checked(error=str(error))
        self.states[uri] = State(document.version, text, path, checked.violations)
        index = LineIndex(text, self.encoding())
        diagnostics = [diagnostic(index, v) for v in checked.violations]
        if checked.error:
            diagnostics.insert(0, error_diagnostic(checked.error))
        published = types.PublishDiagnosticsParams(
            uri=uri, diagnostics=diagnostics, version=document.version
        )
        self.text_document_publish_diagnostics(published)

    def schedule(self, uri: str, delay: float) -> None:
        """Check the document after ``delay`` seconds unless it changes again before."""
        previous = self.pending.pop(uri, None)
        if previous is not None:
            previous.cancel()

        async def later() -> None:
            await asyncio.sleep(delay)
            self.pending.pop(uri, None)
            if uri in self.workspace.text_documents:
                self.check(uri)

        self.pending[uri] = asyncio.get_running_loop().create_task(later())

    def reload(self) -> None:
        """Forget the settings and check every open document again."""
        self.checker = None
        self.states.clear()
        for uri in list(self.workspace.text_documents):
            self.check(uri)

    # -- fixes ----------------------------------------------------------------------

    def fixes(self, state: State) -> tuple[list[TextEdit], list[str]]:
        """The safe-fix edits of the document as last checked (computed once a text)."""
        if state.fixed is None or state.fixed[0] != state.text:
            fixed = fix_as(self.settings_workspace(), state.path, state.text)
            edits = [] if fixed.error else diff_edits(state.text, fixed.text)
            state.fixed = (state.text, edits, fixed.fixed_rules)
        return state.fixed[1], state.fixed[2]

    def fixable(self, state: State, code: str) -> bool:
        """The rule has a safe fix (fixing is costly on a long article: only then try)."""
        workspace = self.settings_workspace()
        rule = workspace.pack(workspace.settings_for(state.path)).rule(code)
        if rule is not None and rule.kind == "forbidden":
            return bool(rule.replacements) and rule.replacements_safe
        return rule is not None and rule.kind == "required"

    def code_actions(self, params: types.CodeActionParams) -> list[types.CodeAction]:
        uri = params.text_document.uri
        state = self.states.get(uri)
        document = self.workspace.get_text_document(uri)
        if state is None or document.version != state.version or document.source != state.text:
            return []  # diagnostics for this text are on their way; the client asks again
        index = LineIndex(state.text, self.encoding())
        wanted = params.context.only or []
        quick = not wanted or any(k.startswith("quickfix") for k in wanted)
        fix_all = any(FIX_ALL.startswith(k) for k in wanted)
        ours = [
            (item, violation)
            for item in params.context.diagnostics
            if item.source == SOURCE and isinstance(item.code, str)
            for violation in [self.violation_at(state, index, item)]
            if violation is not None
        ]
        edits: list[TextEdit] = []
        fixed_rules: list[str] = []
        if fix_all or (quick and any(self.fixable(state, v.rule) for _, v in ours)):
            edits, fixed_rules = self.fixes(state)
        workspace = self.settings_workspace()
        article_codes = workspace.selection(workspace.settings_for(state.path)).article_codes
        spans = [index.span(v.line, v.column, v.end_line, v.end_column) for v in state.violations]
        actions: list[types.CodeAction] = []
        for item, violation in ours if quick else []:
            start, end = index.span(
                violation.line, violation.column, violation.end_line, violation.end_column
            )
            article = violation.rule in article_codes
            mine = [e for e in edits if e.overlaps(start, end)]
            if article:
                mine = [
                    e for e in edits
                    if e.start == e.end and not any(e.overlaps(a, b) for a, b in spans)
                ] if violation.rule in fixed_rules else []
            if mine:
                title = f"修正 Fix {violation.rule}: {describe(state.text, start, end, mine)}"
                actions.append(action(title, types.CodeActionKind.QuickFix, uri, index, mine,
                                      [item], preferred=True))
            actions.append(self.disable_action(uri, state, index, violation, item, article))
        if edits and (fix_all or (quick and ours)):
            kind = FIX_ALL if fix_all and not quick else types.CodeActionKind.QuickFix
            actions.append(action("修正全部安全问题 Apply all safe fixes (medlint)", kind, uri,
                                  index, edits, []))
        return actions

    def disable_action(
        self,
        uri: str,
        state: State,
        index: LineIndex,
        violation: Violation,
        item: types.Diagnostic,
        article: bool,
    ) -> types.CodeAction:
        workspace = self.settings_workspace()
        settings = workspace.settings_for(state.path)
        fmt = settings.extensions.get(Path(state.path).suffix.lower()) or document_format(
            state.path
        )
        code = violation.rule
        if article:  # a finding about the whole article: only disable-file suppresses it
            at = len(state.text)
            lead = "" if not state.text or state.text.endswith(("\n", "\r")) else "\n"
            comment = disable_comment(state.path, "disable-file", code, fmt)
            edit = TextEdit(at, at, f"{lead}{comment}\n")
            title = f"在本文件停用 Disable {code} for this file"
        else:
            line = min(violation.line, len(index.starts)) - 1
            at = index.line_end(line)
            edit = TextEdit(at, at, " " + disable_comment(state.path, "disable-line", code, fmt))
            title = f"在本行停用 Disable {code} on this line"
        return action(title, types.CodeActionKind.QuickFix, uri, index, [edit], [item])

    def violation_at(
        self, state: State, index: LineIndex, item: types.Diagnostic
    ) -> Violation | None:
        """The violation a diagnostic the client sends back stands for."""
        for violation in state.violations:
            if violation.rule == item.code and lsp_range(index, violation) == item.range:
                return violation
        return None

    # -- hover ----------------------------------------------------------------------

    def hover(self, params: types.HoverParams) -> types.Hover | None:
        state = self.states.get(params.text_document.uri)
        if state is None:
            return None
        index = LineIndex(state.text, self.encoding())
        position = params.position
        at = index.offset(position.line, position.character)
        notes = []
        seen = set()
        for violation in state.violations:
            start, end = index.span(
                violation.line, violation.column, violation.end_line, violation.end_column
            )
            if start <= at <= end and violation.rule not in seen:
                seen.add(violation.rule)
                found = explain(self.settings_workspace(), state.path, violation.rule)
                if found is not None:
                    notes.append(found.markdown())
        if not notes:
            return None
        value = "\n\n---\n\n".join(notes)
        markdown = types.MarkupContent(kind=types.MarkupKind.Markdown, value=value)
        return types.Hover(contents=markdown)


def build_server(options: Options) -> MedlintServer:
    """The server with its features registered."""
    server = MedlintServer(options)

    @server.feature(types.INITIALIZED)
    async def initialized(ls: MedlintServer, params: types.InitializedParams) -> None:
        """Ask to hear of configuration files changed outside the editor (git checkout)."""
        watch = ls.client_capabilities.workspace
        watched = watch.did_change_watched_files if watch else None
        if not (watched and watched.dynamic_registration):
            return
        names = ",".join(CONFIG_NAMES)
        options = types.DidChangeWatchedFilesRegistrationOptions(
            watchers=[types.FileSystemWatcher(glob_pattern=f"**/{{{names}}}")]
        )
        registration = types.Registration(
            id="medlint-config", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
            register_options=options,
        )
        with contextlib.suppress(Exception):  # declined: saving in the editor still reloads
            await ls.client_register_capability_async(
                types.RegistrationParams(registrations=[registration])
            )

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: MedlintServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.check(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: MedlintServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, ls.options.debounce)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: MedlintServer, params: types.DidSaveTextDocumentParams) -> None:
        uri = params.text_document.uri
        document = ls.workspace.get_text_document(uri)
        state = ls.states.get(uri)
        if os.path.basename(document.path) in CONFIG_NAMES:
            ls.reload()
        elif state is None or state.text != document.source or uri in ls.pending:
            ls.schedule(uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: MedlintServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        task = ls.pending.pop(uri, None)
        if task is not None:
            task.cancel()
        ls.states.pop(uri, None)
        cleared = types.PublishDiagnosticsParams(uri=uri, diagnostics=[])
        ls.text_document_publish_diagnostics(cleared)

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched(ls: MedlintServer, params: types.DidChangeWatchedFilesParams) -> None:
        if any(change.uri.rsplit("/", 1)[-1] in CONFIG_NAMES for change in params.changes):
            ls.reload()

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL]),
    )
    def code_action(
        ls: MedlintServer, params: types.CodeActionParams
    ) -> list[types.CodeAction]:
        return ls.code_actions(params)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: MedlintServer, params: types.HoverParams) -> types.Hover | None:
        return ls.hover(params)

    return server


def serve_stdio(options: Options) -> int:
    """Run the server over standard input and output until the client exits."""
    server = build_server(options)
    server.start_io()
    return 0
