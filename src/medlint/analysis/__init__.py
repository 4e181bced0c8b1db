"""Text analysis: normalisation, sentences and paragraphs, segmentation, context scopes."""

from typing import TYPE_CHECKING, Any

from .context import Context
from .normalize import normalise
from .structure import TextStructure

if TYPE_CHECKING:
    from .context_words import ContextLexicon

__all__ = ["Context", "ContextLexicon", "TextStructure", "normalise"]


def __getattr__(name: str) -> Any:
    if name == "ContextLexicon":  # the pydantic model, imported when first asked for
        from .context_words import ContextLexicon

        return ContextLexicon
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
