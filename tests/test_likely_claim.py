"""MED490 likely-claim: a statistical hint, on by default for the lines the frames miss."""

from __future__ import annotations

import json
import re

import pytest

from conftest import ROOT, lint_article
from medlint.analysis.likely import Weights, WeightsError
from medlint.rules.loader import RulesError, default_rules_dir, load_pack

WEIGHTS = ROOT / "rules" / "overclaim" / "likely-claim.json"
# A sales line the frames of the other overclaim rules do not catch, and an honest one.
CLAIM = "# 鞋垫\n\n这款鞋垫走路一整天脚都不累，膝盖也舒服多了。\n"
HONEST = "# 降压\n\n降压药需要长期规律服用，请遵医嘱，不要自行停药。\n"


def _hints(cli, tmp_path, text: str, *options: str) -> list[dict]:
    article = tmp_path / "a.md"
    article.write_text(text, encoding="utf-8")
    run = cli("check", "--no-cache", "--format", "json", *options, str(article))
    assert run.code in (0, 1), run.err
    return [v for v in run.json() if v["rule"] == "MED490"]


def test_on_by_default_and_under_all_category_and_prefix(cli, tmp_path):
    found = [v for v in lint_article(cli, tmp_path, CLAIM) if v["rule"] == "MED490"]
    assert [(v["line"], v["severity"]) for v in found] == [(3, "info")]
    for selector in ("ALL", "overclaim", "MED4", "MED49"):
        assert [v["line"] for v in _hints(cli, tmp_path, CLAIM, "--select", selector)] == [3]


@pytest.mark.parametrize("selector", ["MED490", "likely-claim", "MED4"])
def test_ignore_turns_it_off(cli, tmp_path, selector):
    assert not _hints(cli, tmp_path, CLAIM, "--ignore", selector)


def test_configuration_ignore_turns_it_off(cli, tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.medlint]\nignore = ["likely-claim"]\n', encoding="utf-8"
    )
    article = tmp_path / "a.md"
    article.write_text(CLAIM, encoding="utf-8")
    run = cli("check", "--no-cache", "--format", "json", "a.md", cwd=tmp_path)
    assert run.code in (0, 1), run.err
    assert not [v for v in run.json() if v["rule"] == "MED490"]


def test_info_alone_does_not_fail_a_run_unless_asked(cli, tmp_path):
    article = tmp_path / "a.md"
    article.write_text(CLAIM, encoding="utf-8")
    run = cli("check", "--no-cache", "--format", "json", "--select", "MED490", str(article))
    assert run.code == 0 and [v["rule"] for v in run.json()] == ["MED490"]
    run = cli("check", "--no-cache", "--select", "MED490", "--fail-on", "info", str(article))
    assert run.code == 1


def test_dropped_on_a_line_another_overclaim_rule_reports(cli, tmp_path):
    text = "# 推拿\n\n老顾客都说，按完这一套，肩颈一下子松快了。\n"
    alone = _hints(cli, tmp_path, text, "--select", "MED490")
    assert [v["line"] for v in alone] == [3]  # scored: the hint alone reports it
    article = tmp_path / "a.md"
    article.write_text(text, encoding="utf-8")
    run = cli("check", "--no-cache", "--format", "json", str(article))
    found = [(v["line"], v["rule"]) for v in run.json() if v["category"] == "overclaim"]
    assert found and (3, "MED490") not in found and all(line == 3 for line, _ in found)


@pytest.mark.parametrize("selector", ["MED490", "likely-claim"])
def test_selected_by_code_or_name_reports_the_claim_line(cli, tmp_path, selector):
    found = _hints(cli, tmp_path, CLAIM, "--select", selector)
    assert [(v["line"], v["severity"]) for v in found] == [(3, "info")]
    assert "统计提示" in found[0]["message"] and "主要依据" in found[0]["message"]
    assert found[0]["column"] == 1


def test_extend_select_keeps_it_beside_the_other_rules(cli, tmp_path):
    article = tmp_path / "a.md"
    article.write_text(CLAIM + "\n本品保证根治高血压。\n", encoding="utf-8")
    run = cli("check", "--no-cache", "--format", "json", "--extend-select", "MED490", str(article))
    found = {(v["line"], v["rule"]) for v in run.json()}
    assert (3, "MED490") in found and {rule for _, rule in found} - {"MED490"}
    assert (5, "MED490") not in found  # line 5 holds a frame's report


def test_honest_negated_and_asked_lines_are_not_hinted(cli, tmp_path):
    for text in (
        HONEST,
        "# 问\n\n喝茶包真的能让三高全部降下来吗？\n",
        "# 辟谣\n\n没有任何茶包能让三高全部降下来，别信。\n",
    ):
        assert not _hints(cli, tmp_path, text, "--select", "MED490"), text


def test_shipped_weights_validate_and_hold_no_long_strings():
    data = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    weights = Weights.parse(data)
    assert 0 < weights.threshold < 1 and len(weights.weights) > 1000
    assert "tests/data" in data["about"] and data["sets"]
    # no memorised text: every feature's string part is shorter than 8 characters
    grams = [k for k in weights.weights if re.match(r"c[0-9]:", k)]
    assert grams and not [k for k in grams if len(k[3:]) >= 8]
    # words, word pairs and a core's neighbours: short strings too
    words = [k for k in weights.weights if re.match(r"(w1|w2|cl|cr|cls):", k)]
    texts = [k.partition("<")[2] if k.startswith("cls:") else k.partition(":")[2].replace("|", "")
             for k in words]
    assert words and max(map(len, texts)) < 8
    # the other features name word classes, scopes and signals, not text
    assert all(re.match(r"(lex|scope|core|scoped|len|doc|nb|pos|sc|st|fp):[a-z0-9_-]+$"
                        r"|c15$|quote$|q:mark$", k)
               for k in weights.weights.keys() - set(grams) - set(words))


@pytest.mark.parametrize(
    "data",
    [[], {"bias": 0, "threshold": 0.5}, {"bias": 0, "threshold": 2, "weights": {}},
     {"bias": 0, "threshold": 0.5, "weights": {"c1:好": "x"}},
     {"bias": 0, "threshold": 0.5, "weights": {"c1:好": True}}],
)
def test_bad_weights_are_rejected(data):
    with pytest.raises(WeightsError):
        Weights.parse(data)


def test_weights_file_must_stay_in_the_rules_folder(tmp_path):
    pack = tmp_path / "pack"
    pack.mkdir()
    for path in default_rules_dir().glob("context.yaml"):
        (pack / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    (pack / "hint.yaml").write_text(
        (ROOT / "rules/overclaim/likely-claim.yaml")
        .read_text(encoding="utf-8")
        .replace("weights: likely-claim.json", "weights: ../likely-claim.json"),
        encoding="utf-8",
    )
    with pytest.raises(RulesError):
        load_pack([pack])


def test_broken_weights_give_a_one_line_error(cli, tmp_path):
    pack = tmp_path / "rules"
    pack.mkdir()
    (pack / "context.yaml").write_text(
        (default_rules_dir() / "context.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (pack / "hint.yaml").write_text(
        (ROOT / "rules/overclaim/likely-claim.yaml")
        .read_text(encoding="utf-8")
        .replace("MED490", "MED499")
        .replace("name: likely-claim", "name: team-hint"),
        encoding="utf-8",
    )
    (pack / "likely-claim.json").write_text("{not json", encoding="utf-8")
    article = tmp_path / "a.md"
    article.write_text(CLAIM, encoding="utf-8")
    run = cli("check", "--no-cache", "--rules", str(pack), "--select", "MED499", str(article))
    assert run.code == 2
    assert "Traceback" not in run.err and "likely-claim.json" in run.err


def test_stored_word_tables_score_as_built_ones():
    from medlint.analysis.likely import LineFeatures

    pack = load_pack([default_rules_dir()])
    assert pack.lexicon is not None
    built = LineFeatures(pack.lexicons, pack.lexicon)
    stored = json.loads(json.dumps(built.tables(), ensure_ascii=False))
    taken = LineFeatures(pack.lexicons, pack.lexicon, stored=stored)
    assert taken.classes == built.classes and taken._pairs == built._pairs
    line = "这款药保证治好您的鼻炎，一定能把多年的老胃病给调理好。"
    assert taken._hits(line) == built._hits(line) and built._hits(line)
    # not what the code writes: the tables are built again, not taken
    for damaged in ({**stored, "pairs": {"保证": "4"}}, {**stored, "classes": {}}, [], None):
        again = LineFeatures(pack.lexicons, pack.lexicon, stored=damaged)  # type: ignore[arg-type]
        assert again.classes == built.classes and again._pairs == built._pairs
