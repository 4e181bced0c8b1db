"""Text analysis: normalisation, sentences and paragraphs, segmentation, context scopes."""

from .context import Context, ContextLexicon
from .normalize import normalise
from .structure import TextStructure

__all__ = ["Context", "ContextLexicon", "TextStructure", "normalise"]
