"""The context lexicon's derived sets, shared by its model and a pack's plain object.

Kept apart from :mod:`.context` so that module can be compiled (mypyc) while the
classes that inherit these methods (a pydantic model among them) stay plain Python."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING


class ContextMethods:
    """What the scopes ask of the context lexicon besides its word lists (shared by its
    model, :mod:`.context_words`, and the plain object of a pack)."""

    if TYPE_CHECKING:
        name_leading: list[str]

    @cached_property
    def leading(self) -> frozenset[str]:
        """:attr:`name_leading` as a set."""
        return frozenset(self.name_leading)
