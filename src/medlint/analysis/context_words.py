"""The context lexicon's model: the word lists that define negation and debunking,
validated when a rule pack is read from YAML (a pack from the cache holds them as
:class:`medlint.rules.kinds.ContextPlain`)."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from .context import ContextMethods


class ContextLexicon(ContextMethods, BaseModel):
    """Word lists that define negation and debunking; shipped as data in the rule pack."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    negators: list[str] = Field(min_length=1)
    predicate_negators: list[str] = Field(
        default_factory=list,
        description="negators that reach only the next word (不, 没): a modal after "
        "another word starts a new predicate",
    )
    negation_breakers: list[str] = Field(
        default_factory=list, description="tokens that end a negator's scope (就, 也, 而是)"
    )
    modals: list[str] = Field(
        default_factory=list, description="modal tokens (可, 可以, 能) that open a predicate"
    )
    expectation_negators: list[str] = Field(
        default_factory=list,
        description="phrases that tell the reader not to expect what follows in the clause "
        "(不用追求, 别指望): the claim after them is negated",
    )
    hedges: list[str] = Field(
        default_factory=list,
        description="words that hedge the claim right after them (一般不会上瘾, 通常不留疤): "
        "a hedged claim is a claim no more",
    )
    hedge_subjects: list[str] = Field(
        default_factory=list,
        description="subjects that are only some of the people (有的患者, 少数人): "
        "anywhere in the claim's scope, the claim is a claim no more",
    )
    negators_after: list[str] = Field(
        default_factory=list,
        description="phrases that negate a claim when they follow it in its clause",
    )
    conditionals: list[str] = Field(
        default_factory=list,
        description="phrases that make the rest of their clause hypothetical (如果, 如无)",
    )
    history_markers: list[str] = Field(
        default_factory=list,
        description="words of a person's past (既往, 以往): a claim after one in its clause that "
        "goes on to describe people (既往无不良反应的献血者) says who a rule covers",
    )
    condition_holders: list[str] = Field(
        default_factory=list,
        description="the people such a description ends on (者, 患者, 献血者)",
    )
    until: list[str] = Field(
        default_factory=list,
        description="words that make the result after them a time limit (直到痊愈, 待完全康复): "
        "an instruction's end point, not a promise (治到好为止 still is one)",
    )
    urgent_actions: list[str] = Field(
        default_factory=list,
        description="a call to seek care at once (立即去医院, 拨打120): a result named before "
        "it in its sentence, or in a list it leads, is a danger sign, not a promise",
    )
    referents: list[str] = Field(
        default_factory=list,
        description="words that take up the quoted sayings before them (这类说法, 这些话): "
        "a negator later in the sentence judges the quotes",
    )
    doubts: list[str] = Field(
        default_factory=list,
        description="a question that doubts what was just reported (我该信哪个？ 是真的吗？): "
        "the report before it is asked about, not claimed",
    )
    rebukes: list[str] = Field(
        default_factory=list,
        description="a reply that forbids or denies what was just reported (这可千万别拍！ "
        "别信): the report before it is answered, not claimed",
    )
    refusals: list[str] = Field(
        default_factory=list,
        description="the writer turning down a claim others make (我没买, 别信这些): in the "
        "next sentence after such a report, the report is refused, not claimed",
    )
    question_words: list[str] = Field(
        default_factory=list,
        description="phrases that turn their clause into an embedded question (是否, 能不能)",
    )
    debunk_before: list[str] = Field(default_factory=list)
    correction_openers: list[str] = Field(
        default_factory=list,
        description="words opening a clause that gives the writer's own answer after a "
        "belief it corrects (很多人以为…，其实…): debunking words before it stop there",
    )
    negating_phrases: list[str] = Field(
        default_factory=list,
        description="negations the segmenter does not cut into a negator token "
        "(可不是什么): one before the claim in its clause negates it",
    )
    own_naming: list[str] = Field(
        default_factory=list,
        description="the writer's own naming (我愿称之为): the naming word in it "
        "(称之为) adopts the claim rather than reports it",
    )
    debunk_after: list[str] = Field(default_factory=list)
    affirming_frames: list[str] = Field(
        default_factory=list,
        description="words that adopt a quoted claim rather than report it (堪称“神药”)",
    )
    debunk_headings: list[str] = Field(
        default_factory=list,
        description="words of a heading that debunks the short items listed under it "
        "(这些说法都是谣言)",
    )
    rhetorical: list[str] = Field(
        default_factory=list,
        description="words that make a question assert (谁不说好？, 还做什么手术？)",
    )
    caveat_openers: list[str] = Field(
        default_factory=list, description="words opening a sentence that turns (但, 不过)"
    )
    caveat_risks: list[str] = Field(
        default_factory=list,
        description="risk words that make such a turn a warning (反而可能, 副作用)",
    )
    worry: list[str] = Field(
        default_factory=list,
        description="words of a worried question before a claim (担心是智商税吗，…)",
    )
    hearsay: list[str] = Field(
        default_factory=list,
        description="words of a speaker label that report what others say (有人说：)",
    )
    quote_pairs: list[Annotated[str, Field(min_length=2, max_length=2)]] = Field(
        default_factory=list, description="opening and closing quotation marks, as pairs"
    )
    sentence_ends: list[str] = Field(
        default_factory=list,
        description="sentence-ending marks that may stand just inside a closing quote",
    )
    verdicts: list[str] = Field(
        default_factory=list,
        description="words opening the paragraph after a quoted claim that judge it (不对)",
    )
    list_intro: list[str] = Field(
        default_factory=list, description="words of a heading that announce a list (以下)"
    )
    negation_window: int = Field(default=12, ge=1, le=80)
    quantifiers: list[str] = Field(
        default_factory=list,
        description="words after a negator that deny every case (没有|任何一种…能): such a "
        "negator reaches its clause's predicate however far it stands",
    )
    name_leading: list[str] = Field(
        default_factory=list,
        description="words that may lead a treatment name matched by class or form without "
        "being part of it (吃点, 建议, 一粒)",
    )
    treatment_uses: list[str] = Field(
        default_factory=list,
        description="patterns showing that a sentence presents or recommends a treatment",
    )
