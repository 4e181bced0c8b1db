"""Treatments named in the generated word classes (rules/lexicons/) and the presentation frame."""

from __future__ import annotations

from pathlib import Path

import pytest

from medlint.rules import RulesError, load_pack
from medlint.run.engine import default_linter

ROOT = Path(__file__).resolve().parent.parent
DISCLAIMER = "\n\n以上为一般健康信息，仅作参考；具体诊疗请咨询医生。\n"


def _found(text: str, category: str = "contraindication") -> list[tuple[str, str]]:
    violations = default_linter().check_text(text + DISCLAIMER, "a.md")
    return [(v.text, v.message) for v in violations if v.category == category]


def test_every_generated_list_is_loaded_and_nonempty():
    pack = load_pack([ROOT / "rules"])
    for name in ("drugs", "patent-medicines", "vaccines", "health-foods", "diseases"):
        assert len(pack.lexicons[name]) > 40, name
    assert "布洛芬" in pack.lexicons["drugs"]
    assert pack.names is not None and pack.names.label_keywords("布洛芬")


def test_a_lexicon_name_in_a_dosing_sentence_is_presented_and_its_label_named():
    found = _found("# 乙肝\n\n恩替卡韦每天一片，空腹服用。")
    assert [text for text, _ in found] == ["恩替卡韦"]
    assert "说明书的禁忌涉及" in found[0][1]


@pytest.mark.parametrize(
    "text",
    [
        "# 抗凝\n\n华法林与利伐沙班合用会增加出血风险。",
        "# 血糖\n\n不少人通过饮食控制告别了格列美脲。",
        "# 胃痛\n\n兰索拉唑和法莫替丁相比，抑酸更强。",
        "# 统计\n\n门诊患者中服用左氧氟沙星的比例逐年上升。",
        "# 恩替卡韦价格_说明书_网上药店\n\n孩子夜里哭闹，多半是胀气，可以揉揉肚子。",
        "# 过敏\n\n对青霉素过敏的人不能用阿莫西林。",
    ],
)
def test_a_name_that_is_not_recommended_is_not_presented(text):
    assert _found(text) == []


def test_an_unknown_word_class_in_a_rule_is_a_clear_error(tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    source = (ROOT / "rules" / "contraindication.yaml").read_text(encoding="utf-8")
    (rules / "c.yaml").write_text(source, encoding="utf-8")
    (rules / "context.yaml").write_text(
        (ROOT / "rules" / "context.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    with pytest.raises(RulesError, match="unknown word class"):
        load_pack([rules])


def test_a_lexicon_file_must_stay_beside_its_yaml(tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "l.yaml").write_text(
        "lexicons:\n  - name: x\n    source: curated\n    file: ../secret.txt\n", encoding="utf-8"
    )
    (rules / "context.yaml").write_text(
        (ROOT / "rules" / "context.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    with pytest.raises(RulesError, match="file"):
        load_pack([rules])


def test_herbs_listed_as_a_prescription_are_presented_but_not_a_food_list():
    pack = load_pack([ROOT / "rules"])
    herbs = set(pack.lexicons["materia-medica"])
    assert {"当归", "白芍", "黄芩"} <= herbs
    assert not {"猪肝", "羊肉"} & herbs  # animal parts eaten as food
    found = _found("# 老方子\n\n可以用柴胡、黄芩、白芍各十克，水煎服，一天两次。")
    assert [text for text, _ in found] == ["柴胡、黄芩、白芍"]
    assert _found("# 秋季饮食\n\n建议多吃百合、银耳、山药和梨。") == []
    # two herbs are not yet a prescription
    assert _found("# 泡茶\n\n可以用当归、红枣泡水。") == []
