"""Overclaims in context: negation scope, debunking, quotes, questions, boundaries, folding."""

from __future__ import annotations

import pytest

from medlint.analysis import Context, TextStructure
from medlint.rules.models import expand_word_classes
from medlint.run.engine import Linter
from overclaim_pack import OVERCLAIM, PACK


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter(PACK, OVERCLAIM)


def claims(linter: Linter, text: str) -> list[str]:
    return [v.rule for v in linter.check_text(text, "a.txt")]


@pytest.mark.parametrize(
    "text",
    [
        # negated or hedged
        "目前尚无根治方法。",
        # a nickname that is the claim itself is still reported as said, not endorsed
        "这种草被称为“降糖神草”，能让血糖恢复正常，这是谣言。",
        "不能保证100%有效。",
        "没有绝对安全的药物。",
        "肉毒素瘦脸并非立竿见影。",
        "不一定能根治，要看分期。",
        "并非没有副作用。",
        "慢性乙肝目前还很难彻底治愈。",
        "西医目前治疗乙肝没什么特效药。",
        "现在还无特效药可根治乙肝病毒。",
        "牛皮癣根治不了，只能控制。",
        "想要彻底治愈几乎是不可能的。",
        "该疗法的效果仍有待临床验证。",
        # a negator in the same clause as the claim still reaches it through a frame's gap
        "这个茶喝了不会三天就好。",
        # questioned
        "肉毒素能根治偏头痛吗？",
        "能否根治取决于发现的早晚。",
        "他汀会不会伤肝？",
        # quoted or debunked
        '警惕宣称"根治"的广告。',
        "它不是“抗衰万能针”。",
        "网上说吃大蒜能根治感冒，这是没有依据的。",
        "所谓神药，不过是营销噱头。",
        "“一次治好终身不犯”只是一种美好的愿望。",
        "“不见效全额退款”附带了一堆条件，很难兑现。",
        "别相信一针见效的宣传。",
        # hypothetical
        "如无不良反应，可继续服用。",
        "如果没有副作用，可以继续用。",
        # boundary words and terms
        "最近门诊里这类咨询越来越多。",
        "这是最常见的原因。",
        "第一次注射前请面诊。",
        "最好在饭后服用。",
        "每日最大剂量不超过1.2克。",
        "请注意药品有效期。",
        "治愈后复查，看有没有复发。",
        "乳腺癌根治术后需要定期复查。",
        "幽门螺杆菌阳性的患者建议根治。",
        # urgent action is not an instant-effect claim
        "如出现呼吸困难，请立即就医。",
        "马上拨打120。",
        # descriptive, neutral
        "以甲肝为例，治愈率达99%，极少转为慢性。",
        "照料宝宝时戴口罩比较安全。",
        "吃了一周药，症状比以前好多了。",
        "国家对结核病患者提供免费治疗。",
        # a quote the writer judges right after it closes
        "“贴三天就断根”这种广告词要警惕。",
        "「喝醋能软化血管」——不对，醋不会进入血管。",
        "**“热敷能根治腰突”**：没有可靠证据。",
        # hearsay behind a colon is reported, not spoken
        "有人说：“一贴就不疼了。”这不可信。",
        # rest advice for a self-limiting illness; a drug's onset
        "多喝温水注意休息，三四天就好了。",
        "硝酸甘油含服后迅速起效。",
        "孩子拉肚子一两天，大便就正常了。",
        # a negator jieba joins to an adverb (还不|能根治), a myth heading in Taiwan wording
        "这种病是慢性病，目前还不能根治。",
        "迷思三：「這款藥膏是濕疹神藥」",
        # an effect described, then turned into a warning in the next sentence
        "滴上这种眼药水，眼睛马上就不红了。不过长期滴可能导致依赖。",
        "降压药吃下去，血压当天就能降下来，但不能擅自停药。",
        # a seller's words reported, 不是什么 over the claim
        "有的店员会说这是神药，其实只是普通的维生素。",
        "这可不是什么神药，只是一种退烧药。",
        # a belief the writer corrects: the claim sits in the belief, not the correction
        "不少人以为泡脚能根治失眠，其实它只能帮助放松。",
        # a negator glued to an adverb by the segmenter still negates (也|不会)
        "再怎么补也不会让头发从此不掉。",
        # quoted sayings listed one after another, then judged together
        "1. “神药”“三天断根”这类说法，店员不可以讲。",
        "“药到病除”、“一次见效”这些话，都不能对病人说。",
        # a quote judged after a copula
        "“吃多少都没事”是错误的说法。",
        # an end point of an instruction, not a promise
        "暂停游泳，直到完全康复。",
        "戒口一直等到彻底痊愈。",
        # a belief the reader is told not to hold
        "别以为头晕是药劲在往上冲，要马上停药。",
        # a script's label that warns of the script
        "骗子惯用话术：“做满两个疗程，保证断根。”",
        # a reader's letter that ends by asking: the asker's own history
        "**读者来信：** 我十岁时出过荨麻疹，医生开了药膏，之后再没犯过。这回跟那次有关吗？",
        # a report, a short alarm, then the writer takes the report up and denies it
        "有街坊投诉，讲座上话一张磁疗床垫可以根治高血压。\n\n大家要当心！呢类讲法冇根据。",
        "有读者反映，店员称这款足浴盆能治疗糖尿病。注意！这种说法没有依据。",
        # a rhetorical question after a shop's return policy promises no result
        "未拆封商品七天内无理由退款，您怕什么？",
        # attributes of one noun listed with 、 stay in the negator's clause
        "目前还没有可靠的、专门根治乙肝的特效药。",
        # the title of a forwarded piece runs across its own exclamation mark
        "姐姐：[转发]《熬夜伤肝！这款护肝片三天排毒，永不复发》",
        # food digested by the body is no illness dissolved
        "喝下去的胶原蛋白也会被消化掉，补不到脸上。",
        # testimonials read out, then taken up and found unverifiable
        "推销员念起“客户反馈”：“喝了半年再也不失眠了”。这些“反馈”根本无法核实。",
    ],
)
def test_not_a_claim(linter, text):
    assert claims(linter, text) == []


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # the negator negates 满意, not 退款
        ("效果不满意可申请全额退款。", "MED411"),
        # a breaker ends the negator's scope
        ("不用开刀也能根治颈椎病。", "MED401"),
        ("不需要节食就能一个月瘦十斤。", "MED405"),
        # double negation asserts
        ("没有不能根治的病。", "MED401"),
        ("不是不能根治，而是你没找对医院。", "MED401"),
        # negation in another clause does not reach
        ("不用担心，本品无任何副作用。", "MED403"),
        # fresh wordings
        ("中医调理，去根不复发。", "MED401"),
        ("我们的成功率高达百分之九十九。", "MED402"),
        ("打这种针没有一点风险。", "MED403"),
        ("我们是本市最专业的植发机构。", "MED404"),
        ("只需三天，痘痘全部消失。", "MED405"),
        ("一种能治百病的草药。", "MED406"),
        ("上万名患者的信赖之选。", "MED407"),
        ("效果远胜进口药。", "MED408"),
        ("不治的话迟早会癌变。", "MED409"),
        ("草本萃取，天然安全无刺激。", "MED410"),
        ("无效全额退还费用。", "MED411"),
        ("适合任何体质，人人都能用。", "MED412"),
        ("美国研究证实它能抗衰老。", "MED413"),
        ("这款养生茶能降血糖。", "MED414"),
        # a speaker's own words in a script are a claim
        ("导购：“这膏药贴一次就不疼了。”", "MED405"),
        # running the others down does not judge the claim before it
        ("这款护膝yyds，其他牌子都是交智商税。", "MED404"),
        # so is a line labelled as the pitch to say
        ("话术：“做满两个疗程，保证断根。”", "MED401"),
        ("话术B（异议）：“三个疗程基本清零。”", "MED405"),
        # going on until the result is a promise
        ("免费复诊，直到治好为止。", "MED401"),
        # a use, its length and a result across a comma
        ("连喝十来天，嗓子就不痛了。", "MED405"),
        # first or best in a region; pseudo-causes
        ("本院的微创技术全市顶尖。", "MED404"),
        # a worried question or a verdict in an earlier clause does not reach the claim
        ("怕花冤枉钱吗，放心，这套疗法保证治好。", "MED401"),
        ("说它伤胃纯属谣言，长期吃也不伤胃。", "MED403"),
        # a turn without a risk is no warning
        ("滴上这种眼药水，眼睛马上就不红了！不过名额有限。", "MED405"),
        ("这膏药贴上马上就不疼了，不过要连贴三天。", "MED405"),
        ("保证根治，三天见效。", "MED405"),
        ("百病都是湿毒闷出来的。", "MED406"),
        # "you say, X or not X?" answers itself: a claim
        ("敷了两回就消肿了，你说灵不灵？", "MED405"),
        # a nickname the writer adopts (称作) is no reported speech
        ("张医生被街坊称作“腰痛克星”。", "MED406"),
        # Cantonese rhetorical questions assert: 边个…唔…, 点会冇…, 仲等乜
        ("搽咗两晚就唔痛，边个用完唔赞？", "MED405"),
        ("即刻止痛，仲等乜？", "MED405"),
        # the writer's own naming adopts the claim (我愿称之为), as peers' acclaim does
        ("这款洗发水我愿称之为防脱界天花板。", "MED404"),
        ("他被同行称为“鼻综合第一人”。", "MED404"),
        # a belief corrected by the writer's own claim (以为…，其实…)
        ("很多人以为腰痛是累出来的，其实根子全在寒气上。", "MED406"),
        ("不少人以为灰指甲治不好，其实我们的药膏一次就见效。", "MED405"),
        # a claim worded as a negation after a parallel negated predicate
        ("这款奶昔不挨饿不伤胃。", "MED403"),
        # a negator inside an attribute (不 + word + 的) does not reach the noun it describes
        ("不吃药的失眠克星，今晚就试。", "MED406"),
        ("不打针的降糖神器来了。", "MED406"),
        # a negator in an earlier clause a frame crosses does not reach the later claim
        ("膝盖疼得蹲不下去，贴上三天就好了。", "MED405"),
        # a run of quoted lines under one label: each is a testimonial
        ("买家留言：\n“喝了一个月，结节全消了！”\n“我妈也是喝好的，太神奇了”", "MED406"),
        # patients' naming is adopted, as peers' acclaim is
        ("李大夫被病友称为“颈椎病克星”。", "MED406"),
        # an ellipsis ends the clause: a negator before it does not reach the claim after it
        ("出门总戴着口罩……一道疤就能毁了一个姑娘的自信，不敢照镜子。", "MED409"),
        ("不敢穿短裤……一道疤就能毁了一个姑娘的自信。", "MED409"),
        # a letter of thanks asks nothing: its result is a testimonial
        ("**患者来信：** 喝了王医生配的茶，三年了再没犯过，太感谢了！", "MED407"),
        # an alarm that leads into the seller's own pitch is no verdict on it
        ("有人问我这床垫能不能根治高血压。注意！这张床垫可以根治高血压。", "MED414"),
        # a refund promise asked back at the buyer is still made
        ("戴满两个月不见效，全额退款，您怕什么？", "MED411"),
        ("有了这台理疗仪，谁还去医院排队挂号？", "MED408"),
        # attributes listed with 、 and no negator: the claim is made
        ("这是业内公认的、专门根治乙肝的特效药。", "MED406"),
        # a pitch in the speaker's own words, not a forwarded title
        ("姐姐：熬夜伤肝！这款护肝片三天排毒，永不复发。", "MED401"),
        # a stone dissolved is a claim, a meal digested is not
        ("这种茶喝上一个月，胆结石也能被化掉。", "MED401"),
        # testimonials read out and vouched for
        ("推销员念起“客户反馈”：“喝了半年再也不失眠了”。这些反馈都是真的。", "MED401"),
        # a nickname given in quotes ends its clause: the claim after it is the writer's own
        ("鳕鱼被称为“海底黄金”，痛风的人也能放开吃。", "MED412"),
    ],
)
def test_claim(linter, text, code):
    assert code in claims(linter, text)


@pytest.mark.parametrize(
    "text",
    [
        # the reader is told not to expect the result
        "想减重的人不用追求一个月瘦二十斤。",
        "别指望吃两盒就断根。",
        # an anaesthetic's relief; most children get well by themselves; the best drug
        # for a disease named as a clinical fact
        "上了表面麻醉膏，扎针就不怎么疼了。",
        "大部分孩子烧个三五天自己就退了。",
        "他汀是降低坏胆固醇最有效的药物。",
        # a negator that takes the claim as its object, or a double negation
        "天然的东西不代表不伤胃。",
        "世上没有不伤胃的止痛药。",
        # "how could it" over a claim doubts it (点会, 怎么会)
        "呢种药点会一日就断尾？",
        "这种病怎么会一次就断根？",
        # a later clause that doubts the claim or found it useless
        "店员说这贴膏药一贴就不疼了，我试了根本没用。",
        # a quoted wording the writer calls misleading or banned
        "“草本配方零风险”是典型的误导。",
        "“三天断根”“一劳永逸”这类说法属于广告禁用语。",
    ],
)
def test_not_a_claim_when_not_to_be_expected(linter, text):
    assert claims(linter, text) == []


@pytest.mark.parametrize(
    ("traditional", "code"),
    [
        ("有效率高達９９．５％。", "MED402"),
        ("保證治癒，無效退款。", "MED401"),
        ("術後完全沒有副作用。", "MED403"),
        ("顏值就是競爭力。", "MED409"),
    ],
)
def test_traditional_and_full_width_forms_match(linter, traditional, code):
    assert code in claims(linter, traditional)
    assert claims(linter, "目前尚無根治方法。") == []


def test_negation_scope_counts_negators_in_reach():
    lexicon = PACK.lexicon
    text = "效果不满意可申请全额退款，不一定能根治，没有不能根治的病。"
    context = Context(TextStructure(text), lexicon)
    assert not context.negated(text.index("全额退款"))
    assert context.negated(text.index("根治"))
    assert not context.negated(text.rindex("根治"))


def test_a_prohibitive_the_segmenter_keeps_whole_negates():
    lexicon = PACK.lexicon
    for text in ("饭后血糖高也千万别把二甲双胍停了。", "家长千万不要把退烧药停掉。"):
        context = Context(TextStructure(text), lexicon)
        start = text.index("把")
        assert context.negated(start, text.index("。")), text


def test_a_quote_closing_after_its_full_stop_is_judged_by_what_follows():
    lexicon = PACK.lexicon
    for text in ("“泡脚一周就把血压压下去了。”——不对，泡脚降不了血压。",
                 "「按两回穴位就能把结节消下去了。」——不能信。"):
        context = Context(TextStructure(text), lexicon)
        start = text.index("把")
        assert context.debunked(start, text.index("了。") + 1), text
    text = "“泡脚一周就把血压压下去了。”邻居这样说，我也试了。"
    context = Context(TextStructure(text), lexicon)
    assert not context.debunked(text.index("把"), text.index("了。") + 1)


def test_word_classes_expand_longest_first():
    assert expand_word_classes("适合{who}", {"who": "所有人|所有人群"}) == "适合(?:所有人群|所有人)"


def test_every_overclaim_rule_documents_itself():
    codes = sorted(OVERCLAIM)
    assert codes == [f"MED4{n:02d}" for n in range(1, 15)]
    for rule in PACK.rules:
        if rule.category == "overclaim":
            assert rule.description and rule.basis and rule.suggestion, rule.code
            assert "《" in rule.basis, rule.code


def test_cli_reports_claim_at_original_columns(cli, tmp_path):
    article = tmp_path / "a.md"
    article.write_text(
        "# 針灸減肥\n\n本館針灸減肥有效率高達９８％，歡迎預約。\n\n"
        "```\n保证治愈\n```\n\n<!-- 无效退款 -->\n\n目前尚無根治方法。\n",
        encoding="utf-8",
    )
    run = cli("check", "--format", "json", str(article))
    found = [v for v in run.json() if v["category"] == "overclaim"]
    assert [(v["line"], v["rule"]) for v in found] == [(3, "MED402")]
    assert (found[0]["column"], found[0]["end_column"]) == (7, 14)
    assert found[0]["text"] == "有效率高達９８％"


def test_cli_each_claim_at_its_own_span(cli, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("保证治愈，零风险，全国第一。\n", encoding="utf-8")
    run = cli("check", "--format", "json", str(article))
    found = [(v["line"], v["column"]) for v in run.json() if v["category"] == "overclaim"]
    assert found == [(1, 1), (1, 6), (1, 10)]


def test_cli_explain_prints_description_and_basis(cli):
    run = cli("explain", "MED414")
    assert run.code == 0, run.err
    assert "non-drug" in run.out or "Flags disease" in run.out
    assert "《广告法》第十七条" in run.out


def test_unknown_word_class_is_a_rule_error(cli, tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "bad.yaml").write_text(
        "rules:\n"
        "  - code: XYZ001\n"
        "    name: broken\n"
        "    kind: forbidden\n"
        "    category: overclaim\n"
        "    severity: warning\n"
        "    message: m\n"
        "    patterns: ['{nope}药']\n"
        "    examples: {bad: [a], good: [b]}\n",
        encoding="utf-8",
    )
    article = tmp_path / "a.txt"
    article.write_text("正文。\n", encoding="utf-8")
    run = cli("check", "--rules", str(rules), str(article))
    assert run.code == 2
    assert "bad.yaml" in run.err and "unknown word class {nope}" in run.err


def test_items_listed_under_a_debunking_heading_are_not_claims(cli, tmp_path):
    article = tmp_path / "myths.md"
    article.write_text(
        "# 益生菌科普\n\n## 以下说法都是谣言：\n\n- 益生菌人人都需要吃\n- 益生菌能根治便秘\n\n"
        "益生菌是活的微生物，适量补充对部分人群的肠道健康可能有益，但并不是每个人都需要额外补充。\n\n"
        "## 拒绝虚假宣传，选择我们\n\n- 益生菌老少皆宜\n",
        encoding="utf-8",
    )
    run = cli("check", "--format", "json", str(article))
    found = [(v["line"], v["rule"]) for v in run.json() if v["category"] == "overclaim"]
    assert found == [(12, "MED412")]


def test_quoted_beliefs_answered_under_a_debunking_heading(linter):
    """A list of quoted beliefs, each answered at length, under a heading that calls
    them mistaken: the belief, and an answer worded as its negation, are no claims; a
    list of quoted selling points under another heading still is."""
    text = (
        "## 常见的几个误解\n\n"
        "- **“睡前泡脚能根治失眠”**：这种说法不成立，泡脚只是帮助放松，失眠要找原因。\n"
        "- **“理疗仪用多了会上瘾”**：理疗仪不会成瘾，停用后酸痛再出现是因为劳损还在。\n\n"
        "## 产品亮点\n\n"
        "- **“草本”**：配方零风险，长期用也不伤身。\n"
    )
    found = [(v.line, v.rule) for v in Linter(PACK, OVERCLAIM).check_text(text, "a.md")]
    assert [line for line, _ in found] and all(line == 8 for line, _ in found), found


def test_a_table_of_quoted_beliefs_under_a_warning_heading(linter):
    """A table that sets sellers' sayings beside the facts, under a heading that warns
    against them: the quoted sayings are no claims (cells are paragraphs of their own,
    column labels and answers between them); the same table under a plain heading is."""
    table = (
        "| 推销时常说 | 真相 |\n| --- | --- |\n"
        "| “纯草本，喝多少都不伤胃” | 草本也可能伤胃 |\n"
        "| “贴三天，颈椎病断根” | 颈椎病需要长期管理 |\n"
        "| “不好用全额退款” | 出了事往往找不到人 |\n"
    )
    warned = "## 这几句话，听到要当心\n\n" + table
    assert [v.rule for v in linter.check_text(warned, "a.md")] == []
    plain = "## 我们的承诺\n\n" + table
    assert {v.line for v in linter.check_text(plain, "a.md")} >= {5, 6}


def test_quoted_sayings_under_a_heading_of_hearsay(linter):
    """Quoted sayings listed under 常听到的说法, each answered after a dash."""
    text = (
        "## 几个常听到的说法\n\n"
        "- “泡脚泡出汗就能排毒。”——汗液主要是水和盐，排毒一说没有依据。\n"
        "- “吃了十年也没事。”——没事不代表以后没事。\n"
    )
    assert [v.rule for v in linter.check_text(text, "a.md")] == []


def test_a_run_of_quoted_script_lines_is_the_pitch(linter):
    """Quotes a line each that open their paragraph are a script's lines: the second and
    later ones are claims as much as the first; the same lines under a hearsay lead are not."""
    script = (
        "> “我们这个项目，是进口精华配仪器，做一次就见效。”\n"
        "> “整个过程凉凉的，不打针、不开刀，一点风险都没有。”\n"
    )
    found = sorted({v.line for v in linter.check_text(script, "a.md")})
    assert found == [1, 2], found
    heard = "有人说：\n“做一次就见效。”\n“整个过程一点风险都没有。”\n"
    assert [v.rule for v in linter.check_text(heard, "a.md")] == []


def test_a_sellers_line_rebuked_by_a_buyer_stays_a_claim(linter):
    """A buyer who answers the shop's reply (别听客服的) does not take back what the shop said:
    the shop's claim is made; the same report in a bystander's line, rebuked, is answered."""
    shop = (
        "- **答（店家）**：好多老顾客说用了两个礼拜就跟止痛片说再见了。\n"
        "- **答（买家）**：别听店家的，我用了一个月还在吃药。\n"
    )
    assert 1 in {v.line for v in linter.check_text(shop, "a.md")}
    talk = "小王：我表姐说喝了半个月就跟止痛片说再见了。\n老李：千万别信，这种话听听就算了。\n"
    assert 1 not in {v.line for v in linter.check_text(talk, "a.md")}


def test_a_signed_quote_where_even_the_doctor_says_keep_on_vouches(linter):
    """"Even the doctor tells me to keep using it" in a signed review vouches for the product;
    a doctor who tells a patient to keep taking a medicine is care, not a testimonial."""
    review = "> “戴了这款护膝两个月，膝盖不肿了，大夫也让我继续戴。”—— 南京 王阿姨\n"
    assert any(v.rule == "MED407" for v in linter.check_text(review, "a.md"))
    care = "我爸吃了一年降压药，血压稳稳的，医生让他继续按时吃。\n"
    assert not any(v.rule == "MED407" for v in linter.check_text(care, "a.md"))


def test_quoted_beliefs_each_answered_below_a_sayings_heading(linter):
    """Under a heading that lists common sayings, each quoted belief answered in the paragraph
    after it is examined, not claimed, however long the answers; under a customers' heading
    a quoted line that no verdict answers stays a claim."""
    sayings = (
        "## 几个常见说法\n\n"
        "**“喝蜂蜜水能把胃溃疡彻底治好。”**\n\n"
        "不对。蜂蜜水对溃疡没有治疗作用，溃疡要规范用药，按时复查胃镜，别自己停药。\n\n"
        "**“这种贴膏贴三天就能根治颈椎病。”**\n\n"
        "贴膏只能暂时缓解疼痛，颈椎病需要评估后综合治疗，包括运动和姿势的调整。\n"
    )
    assert [v.line for v in linter.check_text(sayings, "a.md") if v.category == "overclaim"] == []
    voices = sayings.replace("几个常见说法", "顾客心声")
    assert 7 in {v.line for v in linter.check_text(voices, "a.md") if v.category == "overclaim"}


def test_a_claim_worded_as_a_whether_question_asks(linter):
    """A cure worded as an A-not-A question (这病能不能治好) is asked about, not promised; a
    question others put, told as a result (同事都问我是不是…), is still a testimonial."""
    asked = "老胃病能不能治好，得看胃镜查出来是什么。\n"
    assert not [v for v in linter.check_text(asked, "a.md") if v.category == "overclaim"]
    promised = "这种皮炎在我们这儿都能治好。\n"
    assert [v for v in linter.check_text(promised, "a.md") if v.category == "overclaim"]
    story = "抹了十天，朋友都问我是不是去医院打了激光，斑全淡了。\n"
    assert [v for v in linter.check_text(story, "a.md") if v.category == "overclaim"]


def test_a_passed_on_claim_fact_checked_or_warned_against_is_not_claimed(linter):
    """A claim passed on in a group and fact-checked on the next line (核实：…), or a quoted
    comment the writer tells readers not to copy, is examined, not made; the same comment
    left standing is a testimonial."""
    checked = (
        "群友转发：“这款酵素，喝一周痛风就不犯了！”\n"
        "核实：酵素不能治疗痛风，尿酸高要规范用药。\n"
    )
    assert not [v for v in linter.check_text(checked, "a.md") if v.category == "overclaim"]
    warned = (
        "直播间有人留言：“贴了两周，腰突全好了，手术都省了！”"
        "请不要模仿，耽误治疗后果严重。\n"
    )
    assert not [v for v in linter.check_text(warned, "a.md") if v.category == "overclaim"]
    standing = "直播间有人留言：“贴了两周，腰突全好了，手术都省了！”\n"
    assert [v for v in linter.check_text(standing, "a.md") if v.category == "overclaim"]


def test_a_report_rebuked_in_a_chat_log_under_a_timed_header(linter):
    """In a chat log each message sits under its sender's name and time (**小周 08:12**): a
    relative's remedy passed on, answered by the next sender's 千万别, is answered; the same
    remedy seconded by the next sender is still told as working."""
    rebuked = (
        "**小周 08:12**\n我妈说熬点葱白水灌下去就好了\n\n"
        "**果果妈 08:13**\n千万别这么弄，三个月内发烧要直接去医院。\n"
    )
    assert 2 not in {v.line for v in linter.check_text(rebuked, "a.md")}
    seconded = (
        "**小周 08:12**\n我妈说捂一身汗就好了\n\n"
        "**果果妈 08:13**\n对，我家的也是这么好的。\n"
    )
    assert 2 in {v.line for v in linter.check_text(seconded, "a.md")}


def test_quoted_pitches_listed_then_refuted_by_a_referent(linter):
    """Quoted sales lines listed one per item and then taken up below as a whole (以上说法…
    没有依据) are the claims a warning refutes; the same list vouched for below is a pitch."""
    warning = (
        "有商家这样推销染发膏：\n- “三天长出新发，永不复发”\n- “纯中药成分，零刺激”\n\n"
        "提醒：以上说法没有任何检测依据，购买前请看清成分表。\n"
    )
    assert [v.line for v in linter.check_text(warning, "a.md")] == []
    pitch = (
        "本店承诺：\n- “三天长出新发，永不复发”\n- “纯中药成分，零刺激”\n\n"
        "以上说法均写进合同，放心下单。\n"
    )
    assert {2, 3} <= {v.line for v in linter.check_text(pitch, "a.md")}
