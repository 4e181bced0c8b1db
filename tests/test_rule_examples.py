"""Every rule and topic profile in rules/ carries examples, and they behave as stated."""

from __future__ import annotations

import pytest

from medlint.rules import default_rules_dir, load_pack
from medlint.run.engine import Linter

PACK = load_pack([default_rules_dir()])


def _ids(items, attr):
    return [getattr(item, attr) for item in items]


@pytest.fixture(scope="module")
def linters():
    cache: dict[str, Linter] = {}

    def get(code: str) -> Linter:
        if code not in cache:
            cache[code] = Linter(PACK, {code})
        return cache[code]

    return get


def _as_article(text: str) -> tuple[str, str]:
    """Examples with a heading or front matter are Markdown articles; others plain text."""
    markdown = text.startswith(("#", "---\n"))
    return (text, "example.md") if markdown else (text, "example.txt")


@pytest.mark.parametrize("rule", PACK.rules, ids=_ids(PACK.rules, "code"))
def test_bad_examples_are_flagged(rule, linters):
    for example in rule.examples.bad:
        found = linters(rule.code).check_text(*_as_article(example))
        assert [v for v in found if v.rule == rule.code], f"{rule.code} misses: {example}"


@pytest.mark.parametrize("rule", PACK.rules, ids=_ids(PACK.rules, "code"))
def test_good_examples_pass(rule, linters):
    for example in rule.examples.good:
        found = linters(rule.code).check_text(*_as_article(example))
        assert not [v for v in found if v.rule == rule.code], f"{rule.code} flags: {example}"


COVERAGE = next(r.code for r in PACK.rules if r.kind == "coverage")


@pytest.mark.parametrize("topic", PACK.topics, ids=_ids(PACK.topics, "id"))
def test_topic_examples(topic, linters):
    linter = linters(COVERAGE)
    for example in topic.examples.complete:
        found = linter.check_text(*_as_article(example))
        assert not found, f"{topic.id} complete example flagged: {found}"
    for example in topic.examples.incomplete:
        found = linter.check_text(*_as_article(example))
        assert found, f"{topic.id} incomplete example not flagged: {example}"


def test_every_rule_has_both_kinds_of_example():
    for rule in PACK.rules:
        assert rule.examples.bad and rule.examples.good, rule.code
    for topic in PACK.topics:
        assert topic.sources, topic.id


def test_topic_profiles_cover_common_treatments():
    ids = {topic.id for topic in PACK.topics}
    assert len(ids) >= 60
    for expected in ("botulinum-toxin", "hpv-vaccine", "melatonin", "gastroscopy", "acupuncture"):
        assert expected in ids
    for topic in PACK.topics:
        assert topic.items, f"{topic.id} names no key contraindication"
