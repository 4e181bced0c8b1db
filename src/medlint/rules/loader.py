"""Load and validate rule packs: folders of YAML files."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml
from pydantic import ValidationError

from ..analysis.context import ContextLexicon
from ..checks.names import Names
from .models import Lexicon, Rule, RuleFile, Topic


class RulesError(Exception):
    """A rule pack that cannot be used; the message names file, rule and field."""


@dataclass
class RulePack:
    rules: list[Rule] = field(default_factory=list)
    topics: list[Topic] = field(default_factory=list)
    lexicon: ContextLexicon | None = None
    files: list[Path] = field(default_factory=list)
    lexicons: dict[str, Lexicon] = field(default_factory=dict)
    #: the treatment names of the coverage rules' word classes, indexed once at load
    names: Names | None = None

    def rule(self, code: str) -> Rule | None:
        return next((rule for rule in self.rules if rule.code == code), None)


def default_rules_dir() -> Path:
    """The default pack: inside the installed package, or ``rules/`` of a checkout."""
    here = Path(__file__).resolve().parent.parent
    packaged = here / "packs" / "default"
    if packaged.is_dir():
        return packaged
    return here.parent.parent / "rules"


def _describe(error: ValidationError, data: dict) -> str:
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


class _StrictLoader(yaml.SafeLoader):
    """YAML's safe loader, but a key given twice in one mapping is an error."""


def _mapping(loader: _StrictLoader, node: yaml.MappingNode) -> dict:
    seen: set = set()
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


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


def load_file(path: Path) -> RuleFile:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_StrictLoader) or {}
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


def _read_words(path: Path, lexicon: Lexicon) -> None:
    """Fill a file-backed lexicon from the plain text file named beside its YAML."""
    source = path.parent / (lexicon.file or "")
    try:
        text = source.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise RulesError(f"{path}: lexicon {lexicon.name}: file: cannot read: {error}") from None
    for line in text.splitlines():
        word, *rest = line.rstrip("\r").split("\t")
        word = word.strip()
        if not word or word.startswith("#"):
            continue
        lexicon.words.append(word)
        if rest:
            lexicon.attributes[word] = rest


def treatment_names(pack: RulePack) -> Names:
    """The treatment names of the coverage rules' word classes, with their labels."""
    coverage = [rule for rule in pack.rules if rule.kind == "coverage"]
    return Names(
        ((name, pack.lexicons[name].words) for rule in coverage for name in rule.lexicons),
        {
            word: row
            for rule in coverage
            if rule.labels
            for word, row in pack.lexicons[rule.labels].attributes.items()
        },
    )


def load_pack(folders: list[Path]) -> RulePack:
    """Load every ``*.yaml``/``*.yml`` below the folders, in a stable order."""
    pack = RulePack()
    seen_codes: dict[str, Path] = {}
    seen_topics: dict[str, Path] = {}
    for folder in folders:
        if not folder.is_dir():
            raise RulesError(f"{folder}: rule folder not found")
        paths = sorted(p for p in folder.rglob("*") if p.suffix in (".yaml", ".yml"))
        for path in paths:
            loaded = load_file(path)
            pack.files.append(path)
            for rule in loaded.rules:
                if rule.code in seen_codes:
                    raise RulesError(
                        f"{path}: rule {rule.code}: code: duplicate code "
                        f"(also in {seen_codes[rule.code]})"
                    )
                seen_codes[rule.code] = path
                pack.rules.append(rule)
            for lexicon in loaded.lexicons:
                if lexicon.name in pack.lexicons:
                    raise RulesError(f"{path}: lexicon {lexicon.name}: name: duplicate name")
                if lexicon.file:
                    lexicon._folder = str(path.parent)
                    if not (path.parent / lexicon.file).is_file():
                        raise RulesError(
                            f"{path}: lexicon {lexicon.name}: file: {lexicon.file} not found"
                        )
                pack.lexicons[lexicon.name] = lexicon
            for topic in loaded.topics:
                if topic.id in seen_topics:
                    raise RulesError(
                        f"{path}: topic {topic.id}: id: duplicate id "
                        f"(also in {seen_topics[topic.id]})"
                    )
                seen_topics[topic.id] = path
                pack.topics.append(topic)
            if loaded.context is not None:
                try:
                    pack.lexicon = ContextLexicon.model_validate(loaded.context)
                except ValidationError as error:
                    first = error.errors()[0]
                    loc = ".".join(str(p) for p in first["loc"])
                    raise RulesError(f"{path}: context.{loc}: {first['msg']}") from None
    referenced = set()
    for rule in pack.rules:
        named = [*getattr(rule, "lexicons", []), getattr(rule, "labels", "")]
        referenced.update(named)
        unknown = [name for name in named if name and name not in pack.lexicons]
        if unknown:
            raise RulesError(f"rule {rule.code}: lexicons: unknown word class {unknown[0]!r}")
    # a word file is read only when a rule uses its class: the pack stays small to load
    for name in referenced & set(pack.lexicons):
        lexicon = pack.lexicons[name]
        if lexicon.file and not lexicon.words:
            _read_words(Path(lexicon._folder) / "lexicon.yaml", lexicon)
    pack.names = treatment_names(pack)
    if pack.lexicon is None:
        raise RulesError("no context lexicon (a file with a 'context:' section) in the rules")
    return pack
