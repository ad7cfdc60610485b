"""Hand-built Documents and Alignments shaped like the WIC report (zh + en).

Realistic enough to exercise every exporter: a front section, numbered sections with an
English subtitle, a subsection, clauses 01-03 with paragraphs and sentences, loose
paragraphs before and after the clauses, a paragraph and a sentence crossing a page,
footnotes with parsed citations, markers at offsets (inside a sentence, at the end of a
paragraph, one whose note is missing), a table, and a bilingual document made of both.
"""

from __future__ import annotations

import os
import shutil

from pariter.model import (Alignment, AlignSide, Box, Citation, Clause, Document,
                           Footnote, Generator, Heading, Link, Marker, ModelInfo, Page,
                           PageBreak, Paragraph, Section, Sentence, Source, Subtitle, Table)

SHA_ZH = "a" * 64
SHA_EN = "b" * 64
SHA_BI = "c" * 64

# (section path, number, heading, subtitle, page, parent)
TEXT = {
    "zh": {
        "title": "发展负责任的生成式人工智能研究报告及共识文件",
        "front": ["世界互联网大会人工智能工作组 2023年11月"],
        "s01": ("01", "引言", "Introduction",
                [["生成式人工智能发展迅速。", "它带来机遇，也带来风险<&>。"],
                 ["本报告分为六个部分。", "第六部分为共识文件。"]]),
        "s01.s01": ("1.1", "背景", None, [["2022年以来，大模型数量超过100个。"]]),
        "s06": ("06", "共识文件", "Consensus Document",
                [["为推动生成式人工智能负责任发展，形成如下共识："]]),
        "clauses": {
            "01": [["发展负责任的生成式人工智能应始终致力于增进人类福祉。", "应坚持以人为本。"]],
            "02": [["积极倡导并稳妥推进生成式人工智能的可持续发展。"],
                   ["一是保证经济可持续性。", "二是保证社会可持续性。"]],
            "03": [["构建有益于生成式人工智能健康有序发展的良好环境。", "三是加强国际交流与合作。"]],
        },
        "after": [["以上共识供各方参考。"]],
        "table": [["指标", "数值"], ["模型数量", "100+"]],
        "fn": ("1", "中国信息通信研究院：《人工智能白皮书（2023年）》，2023年6月。",
               Citation(raw="中国信息通信研究院：《人工智能白皮书（2023年）》，2023年6月。",
                        author="中国信息通信研究院", title="人工智能白皮书（2023年）",
                        date="2023-06", style="zh")),
    },
    "en": {
        "title": "Research Report and Consensus Document on Developing Responsible Generative AI",
        "front": ["World Internet Conference AI Working Group, November 2023"],
        "s01": ("01", "Introduction", None,
                [["Generative AI is developing fast.", "It brings opportunities and risks <&>."],
                 ["This report has six parts.", "Part six is the consensus document."]]),
        "s01.s01": ("1.1", "Background", None, [["Since 2022, more than 100 large models appeared."]]),
        "s06": ("06", "Consensus Document", None,
                [["To promote responsible generative AI, we agree as follows:"]]),
        "clauses": {
            "01": [["Developing responsible generative AI should always aim at human well-being.",
                    "It should be people-centred."]],
            "02": [["Actively promote the sustainable development of generative AI."],
                   ["First, ensure economic sustainability.", "Second, ensure social sustainability."]],
            "03": [["Build a sound environment for generative AI.",
                    "Third, strengthen international exchange and cooperation."]],
        },
        "after": [["The consensus is offered to all parties for reference."]],
        "table": [["Indicator", "Value"], ["Models", "100+"]],
        "fn": ("1", "Stanford HAI, \"AI Index Report 2023\", April 2023, https://aiindex.stanford.edu/report/ (accessed 2023-06-24).",
               Citation(raw="Stanford HAI, \"AI Index Report 2023\", April 2023, https://aiindex.stanford.edu/report/ (accessed 2023-06-24).",
                        author="Stanford HAI", title="AI Index Report 2023", date="2023-04",
                        url="https://aiindex.stanford.edu/report/", accessed="2023-06-24",
                        style="en")),
    },
}


def _join(lang: str, sents: list[str]) -> str:
    return ("" if lang == "zh" else " ").join(sents)


def build_doc(lang: str, doc_id: str | None = None, sha: str | None = None) -> Document:
    t = TEXT[lang]
    d = Document(id=doc_id or f"wic-report-{lang}",
                 source=Source(path=f"corpus/pdf/wic-report-{lang}.pdf",
                               sha256=sha or (SHA_ZH if lang == "zh" else SHA_EN), pages=7),
                 langs=[lang], title=t["title"], generator=Generator("pariter", "0.1.0"))
    d.pages = [Page(n, 595.0, 842.0, label=str(n - 1) if n > 1 else None) for n in range(1, 8)]
    add_stream(d, lang)
    return d


def add_stream(d: Document, lang: str) -> None:
    t = TEXT[lang]
    box = lambda page, top: Box(page, 72.0, top, 520.0, top + 40.0)  # noqa: E731

    def para(pid, sents, page, section, clause=None, pages=None, sent_pages=None, top=100.0):
        text = _join(lang, sents)
        p = Paragraph(id=pid, text=text, page=page, lang=lang, section=section,
                      clause=clause, pages=pages or [page], boxes=[box(page, top)])
        d.paragraphs.append(p)
        pos = 0
        for i, s in enumerate(sents, 1):
            start = text.index(s, pos)
            pos = start + len(s)
            spage = (sent_pages or [page] * len(sents))[i - 1]
            d.sentences.append(Sentence(id=f"{pid}.s{i}", text=s, page=spage, lang=lang,
                                        paragraph=pid, start=start, end=pos))
            if i > 1 and spage != page and not any(b.page == spage for b in p.page_breaks):
                p.page_breaks.append(PageBreak(start, spage))  # the page turns here
        return p

    # front
    d.sections.append(Section(f"{lang}.front", 0, None, None, None, 1, lang))
    para(f"{lang}.front.p1", t["front"], 1, f"{lang}.front")
    # section 01 with a subtitle, a paragraph crossing pages 2-3, a marker, a table
    num, head, sub, paras = t["s01"]
    d.sections.append(Section(f"{lang}.s01", 1, num, f"{lang}.s01.h", None, 2, lang))
    d.headings.append(Heading(f"{lang}.s01.h", 1, num, head, 2, lang, f"{lang}.s01",
                              boxes=[box(2, 60.0)],
                              subtitles=[Subtitle("en", sub)] if sub else []))
    p1 = para(f"{lang}.s01.p1", paras[0], 2, f"{lang}.s01", pages=[2, 3], sent_pages=[2, 3])
    para(f"{lang}.s01.p2", paras[1], 3, f"{lang}.s01", top=300.0)
    fl, ftext, cit = t["fn"]
    d.footnotes.append(Footnote(f"{lang}.fn1", fl, ftext, 2, lang, pages=[2],
                                boxes=[box(2, 780.0)], citations=[cit]))
    # marker inside sentence 1 (after its first word/clause), marker at the paragraph end
    # marker 1 right after sentence 1's full stop (where the report prints them)
    off = p1.text.index("。" if lang == "zh" else ".") + 1
    d.markers.append(Marker(f"{lang}.m1", fl, 2, f"{lang}.fn1", p1.id, offset=off))
    d.markers.append(Marker(f"{lang}.m2", "2", 3, None, p1.id, offset=len(p1.text)))
    d.tables.append(Table(f"{lang}.s01.t1", 3, lang, f"{lang}.s01", rows=t["table"],
                          box=Box(3, 72.0, 500.0, 520.0, 600.0)))
    # subsection 1.1
    num, head, sub, paras = t["s01.s01"]
    d.sections.append(Section(f"{lang}.s01.s01", 2, num, f"{lang}.s01.s01.h", f"{lang}.s01", 4, lang))
    d.headings.append(Heading(f"{lang}.s01.s01.h", 2, num, head, 4, lang, f"{lang}.s01.s01"))
    para(f"{lang}.s01.s01.p1", paras[0], 4, f"{lang}.s01.s01")
    # section 06: intro paragraph, clauses 01-03, trailing paragraph
    num, head, sub, paras = t["s06"]
    d.sections.append(Section(f"{lang}.s06", 1, num, f"{lang}.s06.h", None, 5, lang))
    d.headings.append(Heading(f"{lang}.s06.h", 1, num, head, 5, lang, f"{lang}.s06",
                              subtitles=[Subtitle("en", sub)] if sub else []))
    para(f"{lang}.s06.p1", paras[0], 5, f"{lang}.s06")
    for cn, cparas in t["clauses"].items():
        cid = f"{lang}.s06.c{cn}"
        page = 5 if cn != "03" else 6
        pids = []
        for i, sents in enumerate(cparas, 1):
            pids.append(para(f"{cid}.p{i}", sents, page, f"{lang}.s06", clause=cid).id)
        ctext = "\n".join(p.text for p in d.paragraphs if p.id in pids)
        d.clauses.append(Clause(cid, cn, ctext, page, lang, f"{lang}.s06", pids, [page]))
    para(f"{lang}.s06.p2", t["after"][0], 7, f"{lang}.s06")


def _ids(doc: Document, kind: str, lang: str) -> list[str]:
    return [u.id for u in getattr(doc, kind) if u.lang == lang]


def build_alignment(src: Document, tgt: Document, slang: str = "zh",
                    tlang: str = "en") -> Alignment:
    """Links at every level; sentence links include a 2-1 bead, an omission, flags."""
    s_units = {u.id: u for u in src.units()}
    t_units = {u.id: u for u in tgt.units()}

    def text(units, ids):
        return _join("en", [getattr(units[i], "text", "") or "" for i in ids])

    links: list[Link] = []

    def link(level, s, t, score, flags=()):
        links.append(Link(level, list(s), list(t), text(s_units, s), text(t_units, t),
                          score, list(flags)))

    for a, b in zip(_ids(src, "sections", slang), _ids(tgt, "sections", tlang)):
        link("section", [a], [b], 0.9)
    for a, b in zip(_ids(src, "clauses", slang), _ids(tgt, "clauses", tlang)):
        link("clause", [a], [b], 0.95)
    for a, b in zip(_ids(src, "paragraphs", slang), _ids(tgt, "paragraphs", tlang)):
        link("paragraph", [a], [b], 0.85)
    ss, ts = _ids(src, "sentences", slang), _ids(tgt, "sentences", tlang)
    for i, (a, b) in enumerate(zip(ss, ts)):
        if a.endswith("s06.c02.p2.s1"):
            link("sentence", [a, ss[i + 1]], [b, ts[i + 1]], 0.61, ["length_ratio"])
        elif a.endswith("s06.c02.p2.s2"):
            continue
        elif a.endswith("s01.p1.s2"):
            link("sentence", [a], [b], 0.42, ["low_confidence", "number_mismatch"])
        elif a.endswith("s06.c03.p1.s2"):
            link("sentence", [a], [], 0.0, ["omission"])
            link("sentence", [], [b], 0.0, ["addition"])
        else:
            link("sentence", [a], [b], 0.9 if "c01" not in a else 0.77)
    link("footnote", _ids(src, "footnotes", slang), _ids(tgt, "footnotes", tlang), 0.8)
    return Alignment(
        source=AlignSide(src.id, src.source.path, src.source.sha256, slang),
        target=AlignSide(tgt.id, tgt.source.path, tgt.source.sha256, tlang),
        model=ModelInfo("test-model", 384), links=links,
        generator=Generator("pariter", "0.1.0"))


def build_bilingual() -> Document:
    d = build_doc("zh", doc_id="wic-report-bi", sha=SHA_BI)
    d.langs = ["zh", "en"]
    add_stream(d, "en")
    return d


CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if os.path.exists("/usr/bin/chromium") else None)
