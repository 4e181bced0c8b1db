"""Recognition of herbal products: a materia medica name with a product form (黄芪茶,
何首乌丸) is presented when advised, sold or dosed; not in a contraindication or an
interaction statement, nor when the herb is only an ingredient of a dish or a list of
what a product does not contain.

The herbs are in tests/data/recognition/herbal/materia-medica-top.txt: the ingredients most
Chinese patent medicines of the knowledge graph list (see the file's header).
"""

from __future__ import annotations

from itertools import pairwise

import pytest

from recognition_probe import DATA, missed, presented, read_names

HERBS = read_names(DATA / "herbal" / "materia-medica-top.txt")
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


def test_the_probe_holds_enough_herbs():
    assert len(HERBS) >= 60
    assert len(set(HERBS)) == len(HERBS)


def test_herbal_products_are_presented_when_advised_sold_or_dosed():
    rate, lost = missed(PRODUCTS, PRESENTING)
    assert rate >= 0.95, f"{rate:.3f} presented; missed: {lost}"


@pytest.mark.parametrize("template", NOT_PRESENTING)
def test_herbal_products_in_contraindication_statements_are_not_presented(template):
    assert [name for name in PRODUCTS if presented(template.format(name))] == []


def test_a_herb_cooked_in_a_dish_or_left_out_of_a_product_is_not_presented():
    dishes = [f"周末做了{h}炖排骨汤，先把{h}洗净切片。" for h in HERBS]
    pairs = pairwise(HERBS)
    absent = [f"这款面霜不含{a}、{b}等成分。" for a, b in pairs]
    assert [s for s in dishes + absent if presented(s)] == []


@pytest.mark.parametrize("sentence", ["建议每天喝一杯红枣茶。", "早餐来一碗山药粉糊。"])
def test_a_herb_that_is_everyday_food_names_a_food_with_a_soft_form(sentence):
    assert not presented(sentence)
