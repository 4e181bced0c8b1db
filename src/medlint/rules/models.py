"""The rule kinds, as pydantic models. A rule file is YAML that validates against these.

Four kinds cover the four checks:

- ``forbidden``: phrases that must not be claimed (overclaims), with exceptions;
- ``required``: content every article must carry (the disclaimer's elements);
- ``coverage``: a presented treatment must come with contraindications, and with the
  key items its topic profile lists;
- ``cooccurrence``: a serious sign needs an urgent action nearby.

Patterns are Python regular expressions matched on normalised text (Simplified,
half-width, lower-case); a plain phrase is a valid pattern.
"""

from __future__ import annotations

import importlib
import re
import sys
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ..violation import Severity
from .kinds import (
    _MARK,
    CaseMethods,
    PerArticleMethods,
    RequiredMethods,
    RuleMethods,
    missing_elements,
)

# the standard library's own regular-expression parser (untyped)
_sre_parse: Any = importlib.import_module(
    "re._parser" if sys.version_info >= (3, 11) else "sre_parse"
)

Pattern = Annotated[str, Field(min_length=1)]
_REPEATS = {_sre_parse.MAX_REPEAT, _sre_parse.MIN_REPEAT}
_NESTED_LIMIT = 16  # an outer repeat above this around an unbounded one backtracks badly


def _unbounded_inside(items: object, under_repeat: bool) -> bool:
    """True if a repeat without an upper bound sits inside a large outer repeat."""
    for op, arg in items:  # type: ignore[attr-defined]
        if op in _REPEATS:
            _low, high, body = arg
            unbounded = high == _sre_parse.MAXREPEAT
            inner = under_repeat or unbounded or high > _NESTED_LIMIT
            found = (under_repeat and unbounded) or _unbounded_inside(body, inner)
        elif op == _sre_parse.SUBPATTERN:
            found = _unbounded_inside(arg[-1], under_repeat)
        elif op == _sre_parse.BRANCH:
            found = any(_unbounded_inside(branch, under_repeat) for branch in arg[1])
        elif op in (_sre_parse.ASSERT, _sre_parse.ASSERT_NOT):
            found = _unbounded_inside(arg[1], under_repeat)
        else:
            found = False
        if found:
            return True
    return False

_WORD_CLASS = re.compile(r"\{([a-z][a-z_]*)\}")


def _check_patterns(values: list[str]) -> list[str]:
    """Every pattern compiles and cannot backtrack catastrophically (nested repeats)."""
    for value in values:
        try:
            re.compile(value)
        except re.error as error:
            raise ValueError(f"invalid regular expression {value!r}: {error}") from None
        except (RecursionError, OverflowError):
            raise ValueError(f"regular expression too complex: {value!r}") from None
        if _unbounded_inside(_sre_parse.parse(value), False):
            raise ValueError(
                f"regular expression {value!r} nests an unbounded repeat inside another "
                "(as in (a+)+), which can backtrack catastrophically"
            )
    return values


class Examples(BaseModel):
    """Texts the rule must flag (``bad``) and must leave alone (``good``); the older
    form of :class:`Case`, without expected spans."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    bad: list[str] = Field(default_factory=list)
    good: list[str] = Field(default_factory=list)


class Case(CaseMethods, BaseModel):
    """One test case of a rule: ``text`` with each expected violation of the rule marked
    as ``<mark>…</mark>`` (no mark: the rule must not fire), optionally the ``fixed``
    text the safe fixes must produce. A text that starts with ``#`` or ``---`` is read as
    Markdown, any other as plain text."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    text: str = Field(min_length=1)
    name: str = ""
    fixed: str | None = None

    @field_validator("text")
    @classmethod
    def _marks_are_balanced(cls, value: str) -> str:
        bare = _MARK.sub(lambda m: m.group(1), value)
        if "<mark>" in bare or "</mark>" in bare:
            raise ValueError(f"unbalanced or nested <mark> in {value!r}")
        if any(not m.group(1) for m in _MARK.finditer(value)):
            raise ValueError(f"empty <mark></mark> in {value!r}")
        return value


class RuleBase(RuleMethods, BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    code: str = Field(pattern=r"^[A-Z]{2,8}[0-9]{3}$")
    name: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    category: str = Field(pattern=r"^[a-z][a-z-]*$")
    severity: Severity
    message: str = Field(min_length=1)
    description: str = ""
    basis: str = ""
    suggestion: str = ""
    examples: Examples = Field(default_factory=Examples)
    cases: list[Case] = Field(default_factory=list)
    """Marked test cases (see :class:`Case`); ``medlint test-rules`` runs them."""

    @model_validator(mode="after")
    def _tested_both_ways(self) -> RuleBase:
        """A rule comes with texts it flags and texts it leaves alone."""
        flags = bool(self.examples.bad) or any(case.spans for case in self.cases)
        passes = bool(self.examples.good) or any(not case.spans for case in self.cases)
        if not flags:
            raise ValueError("cases: none has a <mark> (nor examples.bad): show what it flags")
        if not passes:
            raise ValueError("cases: every one has a <mark> (nor examples.good): show what "
                             "it leaves alone")
        return self


def _alternatives(regex: str) -> list[str]:
    """Split ``regex`` on its top-level ``|`` (outside groups, classes and escapes)."""
    parts, depth, in_class, current, chars = [], 0, False, [], iter(regex)
    for char in chars:
        if char == "\\":
            current.append(char + next(chars, ""))
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append("".join(current))
            current = []
            continue
        current.append(char)
    parts.append("".join(current))
    return parts


def expand_word_classes(pattern: str, words: dict[str, str]) -> str:
    """Replace each ``{name}`` in ``pattern`` by the group ``(?:alternatives)`` of ``words``.

    A class's alternatives are tried longest first, so 所有人群 wins over 所有人 and a
    match ends where the word does.
    """

    def group(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in words:
            raise ValueError(f"unknown word class {{{name}}} in {pattern!r}")
        alternatives = sorted(_alternatives(words[name]), key=len, reverse=True)
        return f"(?:{'|'.join(alternatives)})"

    return _WORD_CLASS.sub(group, pattern)


class Lexicon(BaseModel):
    """A word class: a named list of words every rule can use as ``{name}``.

    ``words`` lists them in the YAML; a long generated list may sit in a plain UTF-8
    text file (one word a line, ``#`` comments) named by ``file``, relative to the YAML
    file and inside its folder. ``examples`` are short texts each holding a word of the
    class on jieba token boundaries; the test suite runs them.
    """

    model_config = ConfigDict(extra="forbid", defer_build=True)

    name: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    description: str = ""
    source: str = "curated"
    words: list[Annotated[str, Field(min_length=1)]] = Field(default_factory=list)
    file: str | None = None
    examples: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _has_words(self) -> Lexicon:
        if not self.words and not self.file:
            raise ValueError(f"lexicon {self.name}: give words or a file")
        return self


class ForbiddenRule(RuleBase):
    """Report each claim phrase, unless negated, debunked, quoted, asked or hypothetical.

    ``words`` names word classes (``guarantee: 保证|确保|包``) that patterns use as
    ``{guarantee}``; ``sentence_exceptions`` anywhere in the claim's sentence (a citation,
    a public-health programme) make it no claim.
    """

    kind: Literal["forbidden"]
    words: dict[Annotated[str, Field(pattern=r"^[a-z][a-z_]*$")], Pattern] = Field(
        default_factory=dict
    )
    patterns: list[Pattern] = Field(default_factory=list)
    frames: list[Pattern] = Field(default_factory=list)
    """Claim frames over word classes (see ``checks/frames.py``): ``{certainty} … {cure}``."""
    gap: int = Field(default=8, ge=0, le=30)
    """Characters a ``…`` in a frame may skip at most (more after 把/将/让 + object)."""
    exceptions: list[Pattern] = Field(default_factory=list)
    sentence_exceptions: list[Pattern] = Field(default_factory=list)
    word_boundaries: bool = True
    skip_negated: bool = True
    skip_debunked: bool = True
    skip_quoted: bool = True
    skip_questions: bool = True
    skip_hypothetical: bool = True
    replacements: dict[Pattern, str] = Field(default_factory=dict)
    """Phrase → wording ``--fix`` puts in its place (the phrase inside a longer match)."""
    replacements_safe: bool = False
    """True: plain ``--fix`` applies the replacements; False: only ``--unsafe-fixes``."""

    @model_validator(mode="after")
    def _has_patterns(self) -> ForbiddenRule:
        if not self.patterns and not self.frames:
            raise ValueError("a forbidden rule needs patterns or frames")
        return self

    @model_validator(mode="after")
    def _expand(self) -> ForbiddenRule:
        for name in ("patterns", "exceptions", "sentence_exceptions"):
            expanded = [expand_word_classes(p, self.words) for p in getattr(self, name)]
            try:
                object.__setattr__(self, name, _check_patterns(expanded))
            except ValueError as error:
                raise ValueError(f"{name}: {error}") from None
        return self

    @model_validator(mode="after")
    def _fixes_are_final(self) -> ForbiddenRule:
        """A replacement must not be flagged again, or fixing would never end."""
        for phrase, replacement in self.replacements.items():
            if any(re.search(p, replacement, re.I) for p in self.patterns):
                raise ValueError(
                    f"replacements: {replacement!r} (for {phrase!r}) is itself flagged"
                )
        return self


class RequiredRule(RequiredMethods, RuleBase):
    """Every element must appear, together, in one paragraph (or sentence)."""

    kind: Literal["required"]
    scope: Literal["paragraph", "sentence"] = "paragraph"
    elements: dict[str, list[Pattern]] = Field(min_length=1)
    fix_text: str = ""
    """The standard wording ``--fix`` appends when the article has none of it."""

    @field_validator("elements")
    @classmethod
    def _valid(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        for patterns in value.values():
            if not patterns:
                raise ValueError("every element needs at least one pattern")
            _check_patterns(patterns)
        return value

    @model_validator(mode="after")
    def _fix_text_complies(self) -> RequiredRule:
        missing = missing_elements(self.elements, self.fix_text) if self.fix_text else []
        if missing:
            raise ValueError(f"fix_text: lacks {'、'.join(missing)}")
        return self


class CoverageRule(PerArticleMethods, RuleBase):
    """A presented treatment needs contraindication language and its topic's key items."""

    kind: Literal["coverage"]
    treatments: list[Pattern] = Field(min_length=1)
    coverage: list[Pattern] = Field(min_length=1)
    exceptions: list[Pattern] = Field(default_factory=list)
    subjects: list[Pattern] = Field(
        default_factory=list,
        description="class words (降压药, 抗生素) that present a treatment only as the title",
    )
    non_uses: list[Pattern] = Field(
        default_factory=list,
        description="patterns before a mention in its sentence that compare or reject it (比…)",
    )
    non_uses_after: list[Pattern] = Field(
        default_factory=list,
        description="patterns right after a mention that make it no use (…的发生率, …合用)",
    )
    precautions: list[Pattern] = Field(
        default_factory=list,
        description="wording of a timing precaution (检查前后暂停, 停药后…天内) in which a "
        "key item also counts, though it states no contraindication by itself",
    )
    lexicons: list[str] = Field(
        default_factory=list,
        description="word classes whose words name treatments (rules/lexicons/)",
    )
    labels: str = Field(
        default="",
        description="word class whose entries carry each name's label contraindications",
    )
    formulas: list[str] = Field(
        default_factory=list,
        description="word classes (materia medica) whose words name a treatment only when "
        "several are listed together, as a prescription (当归、黄芪、党参各…)",
    )
    herb_forms: list[Pattern] = Field(
        default_factory=list,
        description="product forms (茶, 饮, 膏, 丸 …) that, right after a herb of the "
        "formulas classes, name a herbal product (黄芪茶, 何首乌生发饮)",
    )
    food_herbs: list[str] = Field(
        default_factory=list,
        description="word classes of herbs that are also everyday food (山药, 红枣): "
        "with a product form they name a food, not a herbal product",
    )
    sold_foods: list[str] = Field(
        default_factory=list,
        description="word classes of foods (亚麻籽油) that name a treatment only as the "
        "title's subject of a page that sells them",
    )

    _valid = field_validator(
        "treatments",
        "coverage",
        "exceptions",
        "subjects",
        "non_uses",
        "non_uses_after",
        "precautions",
        "herb_forms",
    )(_check_patterns)


class CooccurrenceRule(PerArticleMethods, RuleBase):
    """A serious sign needs an urgent action in the same or the next sentences."""

    kind: Literal["cooccurrence"]
    signs: list[Pattern] = Field(min_length=1)
    actions: list[Pattern] = Field(min_length=1)
    window: int = Field(default=1, ge=0, le=5)
    exceptions: list[Pattern] = Field(default_factory=list)
    not_before: list[Pattern] = Field(
        default_factory=list,
        description="in the sign's clause before it: the sign is what a treatment treats "
        "(用于治疗…, 缓解…), not one to act on",
    )
    not_in_sentence: list[Pattern] = Field(
        default_factory=list,
        description="anywhere in the sign's sentence: a statistic (据统计…, …的发生率)",
    )
    not_after: list[Pattern] = Field(
        default_factory=list,
        description="in the sign's clause after it: a statistic (…的发生率) or an expected, "
        "harmless effect (…属于正常现象)",
    )
    dismissals: list[Pattern] = Field(
        default_factory=list,
        description="in the sign's sentence or the next: wording that waves a sign away "
        "(排毒反应, 熬过去就好): the sign stays one to act on, whatever calls it expected",
    )
    remedies: list[Pattern] = Field(
        default_factory=list,
        description="on a page that sells, in the sign's sentence or the next: a product or "
        "home remedy said to settle the sign (吃了半年再没犯, 戴上就能平复): the sign is "
        "sold as the product's to fix and stays one to act on, even told as history or as "
        "what a disease does",
    )

    _valid = field_validator(
        "signs",
        "actions",
        "exceptions",
        "not_before",
        "not_after",
        "not_in_sentence",
        "dismissals",
        "remedies",
    )(_check_patterns)


class ScorerRule(RuleBase):
    """A statistical hint: a line a trained model (``weights``, a JSON file beside the
    rule's YAML) scores as a likely claim. Only lines that hold an unnegated claim-core
    word are scored (``medlint.analysis.likely``). On by default, as a hint (severity
    info) for the lines the frames miss: dropped on a line another selected rule of its
    category reports; ``--ignore`` by code or name turns it off."""

    kind: Literal["scorer"]
    weights: str = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*\.json$")
    """The weights file, in the rule file's folder (no path separators)."""
    opt_in: bool = True
    """Run only when a selector names the rule by code or name (never by ALL, a
    category or a prefix): a hint to review, not a verdict."""
    weights_path: str = Field(default="", repr=False)
    """Set by the loader: the weights file, resolved inside the rule file's folder."""


Rule = Annotated[
    ForbiddenRule | RequiredRule | CoverageRule | CooccurrenceRule | ScorerRule,
    Field(discriminator="kind"),
]


class TopicItem(BaseModel):
    """One key contraindication a complete article on the topic covers."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    name: str = Field(min_length=1)
    patterns: list[Pattern] = Field(min_length=1)
    adults_only: bool = Field(
        default=False,
        description="an adult's contraindication (kidney stones, sarcoidosis): not a key "
        "item of an article whose title is about infants or children",
    )
    drug_label: bool = Field(
        default=False,
        description="an item of the drug's label: not a key item of a page that declares "
        "its product a health food (保健食品), whose own label lists who should not take it",
    )
    indication: list[Pattern] = Field(
        default_factory=list,
        description="the diagnosis the treatment is for, where the item is its use without "
        "it (iron for an anaemia that is not iron deficiency): not a key item of an article "
        "whose title names that diagnosis",
    )

    _valid = field_validator("patterns", "indication")(_check_patterns)


class TopicExamples(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    complete: list[str] = Field(min_length=1)
    incomplete: list[str] = Field(min_length=1)


class Topic(BaseModel):
    """A treatment profile: how to recognise it, its key contraindications, its risks."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    id: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    name: str = Field(min_length=1)
    triggers: list[Pattern] = Field(min_length=1)
    items: list[TopicItem] = Field(default_factory=list)
    serious_signs: list[Pattern] = Field(default_factory=list)
    subject_only: bool = Field(
        default=False,
        description="presented only as the title's subject (an examination advised in passing "
        "is not a treatment the article presents)",
    )
    other_uses: list[Pattern] = Field(
        default_factory=list,
        description="words that, in a trigger's sentence, put the same substance to another "
        "use with other risks (玻尿酸 injected into a knee is no filler): that mention does "
        "not present the topic",
    )
    sources: list[str] = Field(min_length=1)
    examples: TopicExamples

    _valid = field_validator("triggers", "serious_signs", "other_uses")(_check_patterns)


class RuleFile(BaseModel):
    """One YAML file of a rule pack."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    rules: list[Rule] = Field(default_factory=list)
    topics: list[Topic] = Field(default_factory=list)
    lexicons: list[Lexicon] = Field(default_factory=list)
    context: dict[str, Any] | None = None
