"""A rule's explanation, as ``medlint explain`` gives it, for hovers and the review page."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from ..rules.reference import AnyRule, entry
from ..run.workspace import Workspace


@dataclass
class Explanation:
    code: str
    name: str
    category: str
    severity: str
    message: str
    description: str = ""
    basis: str = ""
    suggestion: str = ""
    bad: list[str] = field(default_factory=list)
    good: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    def markdown(self) -> str:
        """The explanation as Markdown (an LSP hover)."""
        parts = [f"**{self.code} {self.name}** · {self.category} · {self.severity}", self.message]
        if self.description:
            parts.append(self.description)
        if self.basis:
            parts.append(f"**依据 basis:** {self.basis}")
        if self.suggestion:
            parts.append(f"**建议 instead:** {self.suggestion}")
        if self.bad:
            parts.append("违规示例 bad:\n" + "\n".join(f"- ✗ {text}" for text in self.bad[:3]))
        if self.good:
            parts.append("合规示例 good:\n" + "\n".join(f"- ✓ {text}" for text in self.good[:3]))
        return "\n\n".join(parts)


def explain(workspace: Workspace, path: str, code: str) -> Explanation | None:
    """The explanation of rule ``code`` among the rules that apply to ``path``: what
    ``medlint explain`` prints (:func:`medlint.rules.reference.entry`)."""
    from ..filters.suppression import UNUSED

    rule: AnyRule | None = (
        UNUSED if code == UNUSED.code else workspace.pack(workspace.settings_for(path)).rule(code)
    )
    if rule is None:
        return None
    data = entry(rule)
    return Explanation(
        data["code"],
        data["name"],
        data["category"],
        data["severity"],
        data["message"],
        data["description"],
        data["basis"],
        data["suggestion"],
        list(data["examples"]["bad"]),
        list(data["examples"]["good"]),
    )
