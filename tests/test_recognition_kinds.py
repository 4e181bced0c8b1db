"""Recognition by kind: treatments a health-marketing article names (procedures, devices,
health foods, folk practices, targeted and cell therapies) are presented when advised,
sold, dosed by a course or chosen, and never when rejected, counted or warned against.

The names are in tests/data/recognition/kinds/ (see its README for their sources).
"""

from __future__ import annotations

import pytest

from recognition_probe import DATA, missed, presented, read_names

NAMES = read_names(DATA / "kinds" / "treatments-by-kind.txt")
PRESENTING = [
    "医生建议用{}，一日两次。",
    "我们店的{}限时特价1980元，欢迎预约。",
    "{}一个疗程做三次，每次间隔一个月。",
    "很多人选择{}来改善问题，效果不错。",
]
NOT_PRESENTING = [
    "对{}过敏者禁用。",
    "{}与华法林合用可能增加出血风险。",
    "孕妇不宜使用{}。",
    "她以前做过{}，现在不做了。",
    "告别{}，试试运动。",
    "调查显示约三成人用过{}。",
]


def test_the_probe_covers_every_kind_with_enough_names():
    assert len(NAMES) >= 150
    assert len(set(NAMES)) == len(NAMES)


def test_treatments_of_every_kind_are_presented_when_advised_sold_or_dosed():
    rate, lost = missed(NAMES, PRESENTING)
    assert rate >= 0.92, f"{rate:.3f} presented; missed: {lost}"


@pytest.mark.parametrize("template", NOT_PRESENTING)
def test_treatments_rejected_counted_or_warned_against_are_not_presented(template):
    assert [name for name in NAMES if presented(template.format(name))] == []


WORDINGS = [
    "{}扫码就能预约，首次体验价199。",
    "{}一次只要699元/次。",
    "晨起空腹吃{}，一盒吃一个月。",
    "{}连吃三个月，早一粒晚一粒。",
    "想做{}的姐妹私信我。",
    "{}到店体验，门店地址见文末。",
    "{}每周两次，每次半小时。",
    "{}泡水喝，一天一包。",
    "我们给妈妈买了{}，她天天用。",
    "{}下单链接在评论区。",
    "医院新开展了{}项目。",
    "{}搭配运动，一个月瘦十斤。",
    "我自己做了{}，皮肤紧致了很多。",
    "入秋了，记得给家里老人安排上{}。",
]
SAMPLE = ["热玛吉", "司美格鲁肽", "九价HPV疫苗", "制氧机", "灵芝孢子粉", "小针刀", "奥希替尼"]


@pytest.mark.parametrize("wording", WORDINGS)
def test_presentation_wordings_booking_price_course_purchase_and_testimony(wording):
    assert [name for name in SAMPLE if not presented(wording.format(name))] == []


def test_what_happened_after_using_it_is_no_testimony():
    assert not presented("我爸吃了阿司匹林以后胃出血，住了一周院。")


@pytest.mark.parametrize(
    "sentence",
    [
        "医生建议用丙戊酸钠，一日两次。",  # a salt jieba glues to the name's end
        "这个情况一般会开来曲唑。",  # a use verb jieba glues to the name's start
        "医生给开了点米氮平，睡前吃。",
        "医生建议做磨骨，一次到位。",
    ],
)
def test_a_name_cut_apart_by_the_segmenter_is_still_found(sentence):
    assert presented(sentence)


def test_a_use_verb_glued_to_an_everyday_word_finds_no_name():
    assert not presented("周末开车去郊外，心情好多了。")


@pytest.mark.parametrize(
    "sentence",
    [
        "国家药监局批准司美格鲁肽用于减重的新适应症。",
        "布洛芬和对乙酰氨基酚都属于解热镇痛药，作用机制不同。",
        "网上说热玛吉做一次管十年，这是夸大。",
        "很多人分不清阿莫西林和头孢，其实它们是两类抗生素。",
        "一项研究比较了针灸和假针灸对偏头痛的效果，差别不大。",
        "某医美机构因违规开展水光针被罚款。",
        "奶奶说她年轻时生病都是刮痧。",
        "选择医美机构时，要看它有没有医疗机构执业许可证。",
    ],
)
def test_news_comparisons_rumours_and_history_present_nothing(sentence):
    assert not presented(sentence)
