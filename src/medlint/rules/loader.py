"""Load and validate rule packs: folders of YAML files."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..checks.names import Names
from . import kinds

if TYPE_CHECKING:  # the models (pydantic) are imported only to read YAML
    from pydantic import ValidationError

    from ..analysis.context_words import ContextLexicon
    from .models import CoverageRule, Lexicon, Rule, RuleFile, Topic


class RulesError(Exception):
    """A rule pack that cannot be used; the message names file, rule and field."""


@dataclass
class RulePack:
    rules: list[Rule] = field(default_factory=list)
    topics: list[Topic] = field(default_factory=list)
    lexicon: ContextLexicon | None = None
    files: list[Path] = field(default_factory=list)
    lexicons: dict[str, list[str]] = field(default_factory=dict)
    """Word classes by name (``rules/lexicons/*.yaml``), each word as written."""
    names_from_lexicons: bool = field(default=False, repr=False, compare=False)
    """Build :attr:`names` from the word classes when it is first read (a pack restored
    from the cache: a run whose files all come from the result cache never reads it)."""
    _names: Names | None = field(default=None, repr=False, compare=False)
    names_stored: Callable[[], Names | None] | None = field(
        default=None, repr=False, compare=False
    )
    """Reads :attr:`names` as stored beside a cached pack (``None`` if it cannot), tried
    when first needed before building it from the word classes."""
    stored_at: tuple[Path, str] | None = field(default=None, repr=False, compare=False)
    """Where the pack cache keeps this pack, and its key (what is stored beside it)."""

    @property
    def names(self) -> Names | None:
        """The treatment names of the coverage rules' word classes, indexed once."""
        if self._names is None and self.names_from_lexicons:
            read, self.names_stored = self.names_stored, None
            if read is not None:
                self._names = read()
            if self._names is None:
                self._names = treatment_names(self)
        return self._names

    @names.setter
    def names(self, value: Names | None) -> None:
        self._names = value

    def rule(self, code: str) -> Rule | None:
        return next((rule for rule in self.rules if rule.code == code), None)


def default_rules_dir() -> Path:
    """The default pack: inside the installed package, or ``rules/`` of a checkout."""
    here = Path(__file__).resolve().parent.parent
    packaged = here / "packs" / "default"
    if packaged.is_dir():
        return packaged
    return here.parent.parent / "rules"


def _describe(error: ValidationError, data: dict[str, Any]) -> str:
    first = error.errors()[0]
    location = list(first["loc"])
    where = ""
    if len(location) >= 2 and location[0] in ("rules", "topics") and isinstance(location[1], int):
        items = data.get(location[0]) or []
        item = items[location[1]] if location[1] < len(items) else {}
        ident = item.get("code") or item.get("id") if isinstance(item, dict) else None
        kind = "rule" if location[0] == "rules" else "topic"
        where = f"{kind} {ident or '#' + str(location[1] + 1)}: "
        location = location[2:]
        if location and location[0] in ("forbidden", "required", "coverage", "cooccurrence"):
            location = location[1:]
    message = first["msg"].removeprefix("Value error, ")
    if not location and where:  # a check on the whole rule names its field itself
        return f"{where}{message}"
    field_name = ".".join(str(part) for part in location) or "(file)"
    return f"{where}{field_name}: {message}"


@lru_cache(maxsize=1)
def _strict_loader() -> Any:
    """YAML's safe loader, but a key given twice in one mapping is an error (PyYAML is
    imported only when a rule file is read: a start from the pack cache reads none)."""
    import yaml

    class StrictLoader(yaml.SafeLoader):
        pass

    def mapping(loader: StrictLoader, node: yaml.MappingNode) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, (str, int, float, bool)):
                continue
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r}", key_node.start_mark
                )
            seen.add(key)
        return loader.construct_mapping(node, deep=True)

    StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, mapping)
    return StrictLoader


def load_file(path: Path) -> RuleFile:
    import yaml
    from pydantic import ValidationError

    from .models import RuleFile

    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_strict_loader()) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f":{mark.line + 1}" if mark else ""
        raise RulesError(
            f"{path}{where}: invalid YAML: {getattr(error, 'problem', None) or error}"
        ) from None
    except (OSError, UnicodeDecodeError) as error:
        raise RulesError(f"{path}: cannot read: {error}") from None
    if not isinstance(data, dict):
        raise RulesError(f"{path}: a rule file must be a mapping with rules/topics/context")
    try:
        return RuleFile.model_validate(data)
    except ValidationError as error:
        raise RulesError(f"{path}: {_describe(error, data)}") from None


def _lexicon_words(lexicon: Lexicon, path: Path) -> list[str]:
    """The words of ``lexicon``: its list, then its file's lines (inside the YAML's folder)."""
    words = list(lexicon.words)
    if lexicon.file:
        folder = path.parent.resolve()
        target = (folder / lexicon.file).resolve()
        if not target.is_relative_to(folder):
            raise RulesError(f"{path}: lexicon {lexicon.name}: file: outside its folder")
        try:
            lines = target.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as error:
            where = f"{path}: lexicon {lexicon.name}: file"
            raise RulesError(f"{where}: cannot read: {error}") from None
        words += [w.strip() for w in lines if w.strip() and not w.lstrip().startswith("#")]
    return words


def treatment_names(pack: RulePack) -> Names:
    """The treatment names of the coverage rules' word classes, with their labels.

    An entry of a label class is ``name<TAB>class<TAB>keyword、keyword``.
    """
    coverage: list[CoverageRule] = [rule for rule in pack.rules if rule.kind == "coverage"]
    labels: dict[str, list[str]] = {}
    for rule in coverage:
        for entry in pack.lexicons.get(rule.labels, []) if rule.labels else []:
            name, *row = entry.split("\t")
            labels[name.strip()] = row
    return Names(
        (
            (name, [w.split("\t")[0] for w in pack.lexicons.get(name, [])])
            for rule in coverage
            for name in rule.lexicons
        ),
        labels,
    )


def _check_lexicon_names(pack: RulePack, paths: dict[str, Path]) -> None:
    """Every word class a coverage rule names exists."""
    for rule in pack.rules:
        if rule.kind == "coverage":
            named = [
                *rule.lexicons, *rule.formulas, *rule.food_herbs, *rule.sold_foods, rule.labels
            ]
            unknown = [name for name in named if name and name not in pack.lexicons]
            if unknown:
                where = f"{paths[rule.code]}: rule {rule.code}: lexicons"
                raise RulesError(f"{where}: unknown word class {unknown[0]!r}")


def _check_frames(pack: RulePack, paths: dict[str, Path]) -> None:
    """Every word class a frame names exists; the frame parses."""
    from ..checks.frames import FrameError, parse_frame

    for rule in pack.rules:
        if rule.kind == "forbidden":
            for frame in rule.frames:
                try:
                    parse_frame(frame, pack.lexicons)
                except FrameError as error:
                    where = f"{paths[rule.code]}: rule {rule.code}: frames"
                    raise RulesError(f"{where}: {error}") from None


def _scope_words(pack: RulePack) -> None:
    """Scope word classes (``scope-*`` lexicons) extend the context lexicon."""
    assert pack.lexicon is not None
    for name, words in pack.lexicons.items():
        if name.startswith("scope-"):
            key = name.removeprefix("scope-").replace("-", "_")
            if key in type(pack.lexicon).model_fields:
                current = getattr(pack.lexicon, key)
                if isinstance(current, list):
                    current.extend(w for w in words if w not in current)


def _beside(path: Path, name: str, what: str) -> Path:
    """The file ``name`` in the folder of ``path`` (the rule file); never outside it.
    It is read when the rule first runs (a missing file is reported then)."""
    folder = path.parent.resolve()
    target = (folder / name).resolve()
    if not target.is_relative_to(folder):
        raise RulesError(f"{path}: {what}: {name}: outside its folder")
    return target


def load_pack(folders: list[Path]) -> RulePack:
    """Load every ``*.yaml``/``*.yml`` below the folders, in a stable order; the pack
    holds the plain objects of :mod:`medlint.rules.kinds`, as one from the cache does."""
    from pydantic import ValidationError

    from ..analysis.context_words import ContextLexicon

    pack = RulePack()
    seen_codes: dict[str, Path] = {}
    seen_topics: dict[str, Path] = {}
    seen_lexicons: dict[str, Path] = {}
    for folder in folders:
        if not folder.is_dir():
            raise RulesError(f"{folder}: rule folder not found")
        paths = sorted(p for p in folder.rglob("*") if p.suffix in (".yaml", ".yml"))
        for path in paths:
            loaded = load_file(path)
            pack.files.append(path)
            for rule in loaded.rules:
                _claim(seen_codes, rule.code, path, "rule", "code")
                if rule.kind == "scorer":
                    rule.weights_path = str(_beside(path, rule.weights, f"rule {rule.code}"))
                pack.rules.append(rule)
            for topic in loaded.topics:
                _claim(seen_topics, topic.id, path, "topic", "id")
                pack.topics.append(topic)
            for lexicon in loaded.lexicons:
                _claim(seen_lexicons, lexicon.name, path, "lexicon", "name")
                pack.lexicons[lexicon.name] = _lexicon_words(lexicon, path)
            if loaded.context is not None:
                try:
                    pack.lexicon = ContextLexicon.model_validate(loaded.context)
                except ValidationError as error:
                    first = error.errors()[0]
                    loc = ".".join(str(p) for p in first["loc"])
                    raise RulesError(f"{path}: context.{loc}: {first['msg']}") from None
    if pack.lexicon is None:
        raise RulesError("no context lexicon (a file with a 'context:' section) in the rules")
    _check_frames(pack, seen_codes)
    _check_lexicon_names(pack, seen_codes)
    _scope_words(pack)
    plain(pack)
    pack.names = treatment_names(pack)
    return pack


def plain(pack: RulePack) -> None:
    """Turn the pack's validated models into the plain objects the checks use (those
    a start from the pack cache restores from the same dump)."""
    pack.rules = [kinds.restore_rule(kinds.dump(rule)) for rule in pack.rules]
    pack.topics = [kinds.restore_topic(kinds.dump(topic)) for topic in pack.topics]
    if pack.lexicon is not None:
        pack.lexicon = kinds.restore_context(kinds.dump(pack.lexicon))


def _claim(seen: dict[str, Path], key: str, path: Path, kind: str, field: str) -> None:
    """Record that ``path`` defines ``key``; a second definition is a load error."""
    if key in seen:
        raise RulesError(f"{path}: {kind} {key}: {field}: duplicate {field} (also in {seen[key]})")
    seen[key] = path
