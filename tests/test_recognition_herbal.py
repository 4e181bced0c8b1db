"""Recognition of herbal products: a materia medica name with a product form (黄芪茶,
何首乌丸) is presented when advised, sold or dosed; not in a contraindication or an
interaction statement, nor when the herb is only an ingredient of a dish or a list of
what a product does not contain.

The herbs are in tests/data/recognition/herbal/materia-medica-top.txt: the ingredients most
Chinese patent medicines of the knowledge graph list (see the file's header).
"""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest

from medlint.run.engine import default_linter

HERE = Path(__file__).parent
HERBS = [
    line.strip()
    for line in (HERE / "data" / "recognition" / "herbal" / "materia-medica-top.txt")
    .read_text(encoding="utf-8")
    .splitlines()
    if line.strip() and not line.startswith("#")
]
FORMS = ["茶", "膏", "丸", "粉", "片", "饮", "酒"]
PRODUCTS = [herb + FORMS[i % len(FORMS)] for i, herb in enumerate(HERBS)]
PRESENTING = [
    "医生建议用{}，一日两次。",
    "店里的{}限时特价168元，欢迎下单。",
    "{}每次一包，每日两次，温水送服。",
    "入秋以后给爸妈安排上{}，连用一个月。",
]
NOT_PRESENTING = [
    "对{}过敏者禁用。",
    "孕妇不宜使用{}。",
    "{}与华法林合用可能增加出血风险。",
]


def _presented(sentence: str) -> bool:
    text = f"# 介绍\n\n{sentence}\n"
    return any(v.rule == "MED201" for v in default_linter().check_text(text, "a.md"))


def test_the_probe_holds_enough_herbs():
    assert len(HERBS) >= 60
    assert len(set(HERBS)) == len(HERBS)


def test_herbal_products_are_presented_when_advised_sold_or_dosed():
    missed = [
        (name, template)
        for name in PRODUCTS
        for template in PRESENTING
        if not _presented(template.format(name))
    ]
    rate = 1 - len(missed) / (len(PRODUCTS) * len(PRESENTING))
    assert rate >= 0.95, f"{rate:.3f} presented; missed: {missed}"


@pytest.mark.parametrize("template", NOT_PRESENTING)
def test_herbal_products_in_contraindication_statements_are_not_presented(template):
    assert [name for name in PRODUCTS if _presented(template.format(name))] == []


def test_a_herb_cooked_in_a_dish_or_left_out_of_a_product_is_not_presented():
    dishes = [f"周末做了{h}炖排骨汤，先把{h}洗净切片。" for h in HERBS]
    pairs = pairwise(HERBS)
    absent = [f"这款面霜不含{a}、{b}等成分。" for a, b in pairs]
    assert [s for s in dishes + absent if _presented(s)] == []


@pytest.mark.parametrize("sentence", ["建议每天喝一杯红枣茶。", "早餐来一碗山药粉糊。"])
def test_a_herb_that_is_everyday_food_names_a_food_with_a_soft_form(sentence):
    assert not _presented(sentence)
