"""Baselines: record today's violations by content, later report only new ones.

A violation's *content key* is (rule, file path, normalised matched text, occurrence
index among identical keys in that file). Line numbers are not part of it, so editing
a file above an old violation does not bring it back. Per-article violations
(disclaimer, contraindication, urgent warning) key on (rule, file) alone. The same key
gives the stable fingerprints of the ``gitlab`` and ``sarif`` reports.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..analysis.normalize import normalise
from ..escape import clean
from ..violation import Violation

if TYPE_CHECKING:
    from ..rules import Rule

BASELINE_VERSION = 1


class BaselineError(Exception):
    """A baseline file that cannot be read or written (one line)."""


@dataclass(frozen=True, order=True)
class Key:
    rule: str
    path: str
    text: str
    index: int

    def fingerprint(self) -> str:
        """A stable hexadecimal digest of the key."""
        fields = [self.rule, self.path, self.text, self.index]
        data = json.dumps(fields, ensure_ascii=False, separators=(",", ":"))
        return hashlib.sha256(data.encode("utf-8")).hexdigest()


def per_article_codes(rules: Iterable[Rule]) -> frozenset[str]:
    """Codes of the rules that judge a whole article rather than one claim."""
    return frozenset(rule.code for rule in rules if rule.per_article)


def key_path(path: str) -> str:
    """A file path in the form keys use: forward slashes, no ``./``, valid Unicode."""
    return clean(Path(os.path.normpath(path)).as_posix())


def content_keys(violations: Iterable[Violation], per_article: frozenset[str]) -> list[Key]:
    """One key per violation, in order; ``violations`` are one file's, sorted by position."""
    seen: Counter[tuple[str, str, str]] = Counter()
    keys = []
    for violation in violations:
        text = "" if violation.rule in per_article else " ".join(normalise(violation.text).split())
        base = (violation.rule, key_path(violation.path), text)
        keys.append(Key(*base, seen[base]))
        seen[base] += 1
    return keys


class Baseline:
    """The set of keys recorded by ``--write-baseline``."""

    def __init__(self, keys: Iterable[Key] = ()) -> None:
        self.keys = frozenset(keys)

    @classmethod
    def load(cls, path: Path) -> Baseline:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            entries = data["violations"]
            return cls(Key(e["rule"], e["path"], e["text"], int(e["index"])) for e in entries)
        except OSError as error:
            raise BaselineError(f"cannot read baseline {path}: {error.strerror}") from None
        except (ValueError, KeyError, TypeError):
            raise BaselineError(f"{path} is not a medlint baseline file") from None

    def new(self, violations: list[Violation], per_article: frozenset[str]) -> list[Violation]:
        """The violations of one file that the baseline does not record."""
        keys = content_keys(violations, per_article)
        return [v for v, key in zip(violations, keys, strict=True) if key not in self.keys]


def write_baseline(path: Path, keys: Iterable[Key]) -> int:
    """Write ``keys`` sorted, as stable JSON; return how many were written."""
    entries = [asdict(key) for key in sorted(set(keys))]
    document = {"version": BASELINE_VERSION, "violations": entries}
    try:
        path.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    except OSError as error:
        raise BaselineError(f"cannot write baseline {path}: {error.strerror}") from None
    return len(entries)
