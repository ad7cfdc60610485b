"""The held-out dev set (devset2): documents nobody tunes the extractor on.

Built by ``build.py --set 2`` (``make devset2``) into /work/devset2 with the same truth format
and scorer as the first set. What makes it different from the first set, on purpose: other texts
(Leviticus, Numbers and other chapters; a Chinese regulation and notice, an English policy
instrument, a thesis — see texts2.py), other classes and templates (memoir, scrartcl, IEEEtran,
elsarticle, ctexbook; LibreOffice outline numbering, coloured and sans headings, running heads
with section titles, symbol footnotes; Chromium sidebars, caps headings smaller than the body,
two columns under a full-width abstract; pandoc with a custom reference DOCX; Typst numbering),
other page sizes, lists labelled 1) a) i. （一） inside the text, figure captions, tables of
numbers, URLs in notes, bilingual zh/en documents.

Do not tune on these files: score them, report aggregate numbers and kinds of failure only.
"""
from __future__ import annotations

import dataclasses
import importlib.util
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _build_module():
    """build.py (the producers and numbering schemes), as the module build.py registers when it
    runs, or loaded by path (corpus/typeset has a build.py of its own on sys.path)."""
    if "devset_build" not in sys.modules:
        spec = importlib.util.spec_from_file_location("devset_build", HERE / "build.py")
        m = importlib.util.module_from_spec(spec)
        sys.modules["devset_build"] = m
        spec.loader.exec_module(m)
    return sys.modules["devset_build"]


B = _build_module()
Spec, html, latex, numbered, odt, typst = B.Spec, B.html, B.latex, B.numbered, B.odt, B.typst
pandoc_latex, pandoc_docx, zh_num = B.pandoc_latex, B.pandoc_docx, B.zh_num
from docmodel import (Abstract, Doc, EndnotesSection, Figure, Heading, Items, PageBreak, Para, Table,
                      Toc, all_notes, locate, marks_per_section, number_notes)
from render_latex import FNSYMBOLS
from render_odt import HeadingLook
import texts2 as T
from docmodel import B as Bold
from texts import bible_paragraphs, bible_verses, with_notes


# ------------------------------------------------------------------------- helpers
def make(name: str, lang: str, title: str, blocks: list, *, scheme: str | None = None,
         author: str = "", reset_at_level: int | None = None, symbols: bool = False,
         subtitle: str = "") -> Doc:
    """A document: headings numbered by ``scheme`` (None: numbers already set), notes numbered
    as the producer counts them, or labelled * † ‡ … restarting at each level-1 heading
    (``symbols``: the author's own marks, as Word and LaTeX \\footnote[n] allow)."""
    if scheme:
        numbered(blocks, scheme)
    d = Doc(name, lang, title, blocks, author=author, subtitle=subtitle)
    if symbols:
        marks_per_section(d, FNSYMBOLS[:3])
    number_notes(d, reset_at_level=reset_at_level)
    return d


def tex_asterisk(d: Doc) -> Doc:
    """LaTeX's \fnsymbol prints the first mark as the operator ∗ (U+2217), not *: the truth
    records the label as printed."""
    for n in all_notes(d):
        if n.label == "*":
            n.label = "\u2217"
    return d


def bible_sections(lang: str, chapters: list[tuple[str, int]], *, verses: int = 20, per: int = 4,
                   note_every: int = 3, note_kind: str = "foot", level2: bool = True,
                   items: Items | None = None) -> list:
    """Chapters of the Bible's law books as sections: a heading per chapter, verse paragraphs,
    a note every ``note_every`` paragraphs."""
    zh = lang == "zh"
    notes = T.BIB_NOTES_ZH if zh else T.BIB_NOTES_EN
    blocks: list = []
    k = 0
    for book, ch in chapters:
        en_t, zh_t = T.BIB_TITLES[(book, ch)]
        blocks.append(Heading(1, "", zh_t if zh else en_t))
        paras = bible_paragraphs(lang, book, ch, per=per, verses=verses)
        for i, p in enumerate(paras):
            if level2 and i == len(paras) // 2:
                blocks.append(Heading(2, "", "经文续" if zh else "The Text Continued"))
            k += 1
            blocks.append(Para(with_notes(p, notes, note_every, k, note_kind, lang)))
        if items is not None and ch % 2 == 0:
            blocks.append(items)
    return blocks


FANCY_SECTION_EN = [r"\usepackage{fancyhdr}", r"\pagestyle{fancy}", r"\fancyhf{}",
                    r"\fancyhead[R]{\small\itshape\rightmark}", r"\fancyhead[L]{\small\thepage}",
                    r"\renewcommand{\headrulewidth}{0.4pt}"]
ZH_ITEMS = Items([["守安息日。"], ["孝敬父母。"], ["不可偷盗。"]], ordered=True, label="（一）")
EN_ITEMS_A = Items([["keep the sabbath;"], ["honour father and mother;"], ["do not steal."]],
                   ordered=True, label="a)")


# ------------------------------------------------------------------------- documents
def en_thesis(name: str, **kw) -> Doc:
    blocks = [Abstract("Abstract", [[p] for p in T.ABSTRACT_EN],
                       keywords="Keywords: open data, public sector, classification rules"),
              Toc("Contents")] + T.thesis_chapters("en", **kw)
    return make(name, "en", "Rules and the Quality of Open Data", blocks, scheme="chapter-en",
                author="A Thesis for the Degree of Master of Arts", reset_at_level=1)


def zh_thesis(name: str, scheme: str = "chapter-zh", toc: str = "目录", reset_at_level: int | None = None,
              **kw) -> Doc:
    """A Chinese thesis; ``reset_at_level=1`` where the class numbers notes per chapter (ctexbook
    does, as LaTeX's book and report do; LibreOffice numbers through the document)."""
    blocks = [Abstract("摘要", [[p] for p in T.ABSTRACT_ZH], keywords="关键词：开放数据；公共部门；分类规则")]
    if toc:
        blocks.append(Toc(toc))
    blocks += T.thesis_chapters("zh", **kw)
    return make(name, "zh", "开放数据规则与数据质量研究", blocks, scheme=scheme, author="硕士学位论文",
                reset_at_level=reset_at_level)


SPECS2: list[Spec] = [
    # ---------------------------------------------------------------- LaTeX
    Spec("en-memoir-thesis", "pdfLaTeX memoir (thesis)",
         "memoir thesis: Abstract and Contents as unnumbered headings, 'Chapter N' + title, 1.1 sections, "
         "footnotes restarting per chapter, '1)' list, table of numbers, figure caption, exponents/indices, "
         "running head (ruled) with chapter title, no hyperref",
         lambda: en_thesis("en-memoir-thesis"),
         latex(cls="memoir", options="11pt,a4paper,oneside", hyperref=False,
               preamble=[r"\pagestyle{ruled}", r"\chapterstyle{default}"],
               section_cmds={1: "chapter", 2: "section", 3: "subsection"})),
    Spec("en-scrartcl-a5-policy", "pdfLaTeX KOMA scrartcl (A5, parskip)",
         "KOMA-Script: sans-serif bold headings 'Article 1 …' set by titles, clauses 1.1 … 5.1, (a) list inside a clause, "
         "A5 paper, paragraphs separated by space with no indent, URLs in footnotes, hyperref",
         lambda: make("en-scrartcl-a5-policy", "en", "Open Data Policy", T.policy_en("Article"),
                      author="Issued by the Data Board"),
         latex(cls="scrartcl", options="a5paper,10pt,parskip=half,DIV=10", hyperref=True,
               preamble=[r"\setkomafont{disposition}{\normalfont\bfseries\sffamily}",
                         r"\renewcommand*{\sectionformat}{Article~\thesection\enskip}"])),
    Spec("en-ieeetran-conf", "pdfLaTeX IEEEtran (conference)",
         "IEEEtran two columns: run-in 'Abstract—' and 'Index Terms—' (no headings), 'I. INTRODUCTION' small-caps "
         "headings, 'A.' italic subsections, footnotes at column bottoms, table of numbers, figure caption, indices",
         lambda: make("en-ieeetran-conf", "en", "Rules and the Quality of Open Data",
                      [Abstract("Abstract", [[T.ABSTRACT_EN[0]]], keywords="Index Terms\u2014open data, public sector",
                                run_in=True)] + T.thesis_chapters("en", filler=(("Num", 9), ("Num", 13))),
                      scheme="revtex", author="A. Author"),
         latex(cls="IEEEtran", options="conference,letterpaper", hyperref=False, abstract="ieee")),
    Spec("en-elsarticle-5p", "pdfLaTeX elsarticle (5p, two columns)",
         "elsarticle 5p: full-width abstract under an 'Abstract' heading and keywords above two columns, "
         "'1.'/'1.1.' headings, footnotes, '1)' list, table and figure captions",
         lambda: make("en-elsarticle-5p", "en", "Rules and the Quality of Open Data",
                      [Abstract("Abstract", [[p] for p in T.ABSTRACT_EN],
                                keywords="Keywords: open data, public sector, classification")] +
                      T.thesis_chapters("en", filler=(("Lev", 23), ("Num", 20), ("Lev", 25))),
                      scheme="arabic-dots", author="A. Author"),
         latex(cls="elsarticle", options="5p,times", hyperref=False, abstract="elsarticle",
               preamble=[r"\usepackage{amssymb}"])),
    Spec("en-latex-legal-symbols", "pdfLaTeX article (US letter, ragged, colour)",
         "legal text: 'Article N' headings in colour (titlesec), 'Section 2.3' level-2 headings, footnotes "
         "marked * † ‡ restarting per article, (i) list inside a section, ragged right, US letter",
         lambda: tex_asterisk(make("en-latex-legal-symbols", "en", "Model Rules on Public Data",
                      T.policy_en("Article", clause_as_heading=True, note_every=2, items_label="(i)"),
                      symbols=True)),
         latex(options="11pt,letterpaper", hyperref=False, preamble=[
             r"\usepackage[margin=1in]{geometry}", r"\usepackage{xcolor}", r"\usepackage{titlesec}",
             r"\usepackage{ragged2e}", r"\AtBeginDocument{\RaggedRight}",
             r"\titleformat{\section}{\large\bfseries\color[rgb]{0.1,0.25,0.5}}{Article \thesection}{0.6em}{}",
             r"\titleformat{\subsection}{\normalsize\bfseries}{Section \thesubsection}{0.6em}{}"])),
    Spec("zh-ctexbook-thesis", "XeLaTeX ctexbook (thesis, B5)",
         "Chinese thesis: 摘要 and 目录 as unnumbered headings, 关键词 line, 第一章 chapters, 1.1 and 1.1.1 headings "
         "(level 3), TOC entries not headings, table of numbers with 1. cells, 图 caption, header with chapter title",
         lambda: zh_thesis("zh-ctexbook-thesis", level3=True, reset_at_level=1),
         latex(engine="xelatex", cls="ctexbook", options="UTF8,zihao=-4,b5paper,oneside", hyperref=True,
               abstract="chapter", section_cmds={1: "chapter", 2: "section", 3: "subsection"},
               preamble=[r"\usepackage{fancyhdr}", r"\pagestyle{fancy}", r"\fancyhf{}",
                         r"\fancyhead[C]{\small\leftmark}", r"\fancyfoot[C]{\thepage}"])),
    Spec("zh-ctexart-regulation", "XeLaTeX ctexart (regulation)",
         "Chinese regulation: 第一章 headings centred, 第一条 articles (clauses) with （一）（二） items inside, "
         "footnotes with URLs, A4, no hyperref",
         lambda: make("zh-ctexart-regulation", "zh", "某市公共数据开放管理规定", T.regulation_zh(),
                      author="（2024年12月20日市人民政府令第18号公布）"),
         latex(engine="xelatex", cls="ctexart", options="UTF8,zihao=-4,a4paper", hyperref=False, preamble=[
             r"\ctexset{section={name={第,章},number=\chinese{section},aftername={\quad},format=\large\bfseries\centering}}",
             r"\usepackage{enumitem}"],
             section_cmds={1: "section", 2: "subsection", 3: "subsubsection"})),
]


def odt_toc(**kw):
    """LibreOffice with a table of contents whose page numbers are those of a first typesetting
    (as a user's 'update index' gives them): typeset, find the headings' pages, typeset again."""
    def run(doc: Doc, out: Path) -> str:
        tocs = [b for b in doc.blocks if isinstance(b, Toc)]
        name = odt(**kw)(doc, out)
        if tocs:
            found = locate(doc, out)
            hs = [b for b in doc.blocks if isinstance(b, Heading)]
            got = [h for h in found["headings"] if h["text"] not in {t.title for t in tocs}]
            for h, f in zip(hs, got):
                tocs[0].pages[h.text] = f["page"]
            name = odt(**kw)(doc, out)
        return name
    return run


SANS_ZH = "Noto Sans CJK SC"
KAI = "AR PL UKai CN"

SPECS2 += [
    # ---------------------------------------------------------------- LibreOffice
    Spec("en-odt-outline-colour", "LibreOffice (ODT, outline numbering)",
         "headings numbered by LibreOffice's outline numbering (1. / 1.1, not in the text), coloured sans headings, "
         "running header with the current section's number and title, ragged right, US letter, (a) list, URLs in notes",
         lambda: make("en-odt-outline-colour", "en", "Open Data Policy: Guidance for Public Bodies",
                      T.policy_en("", clause_as_heading=True, note_every=3) +
                      bible_sections("en", [("Lev", 25)], verses=16), scheme="arabic-dot"),
         odt(size=11, align="start", line_height="125%", page=("21.59cm", "27.94cm"), header="section",
             footer=None, outline={1: ("", "1", ".", 1), 2: ("", "1", "", 2)},
             headings={1: HeadingLook(14, font="Liberation Sans", color="#1f4e79"),
                       2: HeadingLook(11.5, font="Liberation Sans", color="#2e74b5")})),
    Spec("en-odt-sans-bodysize-symbols", "LibreOffice (ODT, tagged)",
         "headings in a sans font at BODY size, not numbered; footnotes marked * † ‡ restarting per section; "
         "lists 1) a) i.; a table with numbers and a figure caption; justified, A4, tagged PDF",
         lambda: make("en-odt-sans-bodysize-symbols", "en", "Holiness and the Jubilee",
                      bible_sections("en", [("Lev", 19), ("Lev", 23)], verses=18, items=Items(
                          [["keep the sabbath;"], ["honour father and mother;"], ["do not steal."]],
                          ordered=True, label="i.")) +
                      [Heading(1, "", "Measures"), Para(["The measures of the chapter are set out below."]),
                       Items([["an ephah of flour;"], ["a hin of oil;"], ["a tenth deal of fine flour."]],
                             ordered=True, label="a)"),
                       Table([[["No."], ["Measure"], ["Litres"]], [["1."], ["ephah"], ["22"]],
                                [["2."], ["hin"], ["3.7"]], [["3."], ["omer"], ["2.2"]]],
                               caption="Table 1. Measures and their approximate volume."),
                       Figure("Figure 1. The camp of the tribes around the tabernacle.")] +
                      T.thesis_chapters("en", figures=False, filler=(("Num", 22), ("Num", 20), ("Lev", 26)))[:6],
                      symbols=True),
         odt(tagged=True, size=11, line_height="115%", footer="dash",
             headings={1: HeadingLook(11, font="Liberation Sans"), 2: HeadingLook(11, font="Liberation Sans", bold=False, italic=True)})),
    Spec("zh-odt-notice", "LibreOffice (ODT, 通知)",
         "Chinese notice: 主送 line, 一、 headings in a sans (黑体-like) font at BODY size, （一） headings in 楷体 at body size, "
         "1. items that are NOT headings, a table whose cells start '1.', footnotes, 附件 and 落款 lines, A4, 1.5 spacing",
         lambda: make("zh-odt-notice", "zh", "关于做好2025年度公共数据开放工作的通知", T.notice_zh()),
         odt(size=12, font_asian="Noto Serif CJK SC", line_height="150%", indent="0.85cm", lang="zh", country="CN",
             footer="dash", title_size=18,
             headings={1: HeadingLook(12, bold=False, font_asian=SANS_ZH), 2: HeadingLook(12, bold=False, font_asian=KAI)})),
    Spec("zh-odt-regulation-outline", "LibreOffice (ODT, outline 第一章)",
         "Chinese regulation: 第一章 numbered by LibreOffice's outline numbering, chapter titles centred, 第一条 clauses, "
         "（一） items inside articles, header with the chapter title, B5-like page (18.2 × 25.7 cm), footnotes",
         lambda: make("zh-odt-regulation-outline", "zh", "某市公共数据开放管理规定", T.regulation_zh(note_every=4)),
         odt(size=10.5, font_asian="Noto Serif CJK SC", line_height="140%", lang="zh", country="CN",
             page=("18.2cm", "25.7cm"), header="chapter", footer="page",
             outline={1: ("第", "一, 二, 三, ...", "章", 1)},
             headings={1: HeadingLook(14, font_asian=SANS_ZH, align="center", bold=False)})),
    Spec("zh-odt-thesis-toc", "LibreOffice (ODT, thesis)",
         "Chinese thesis: 摘要 and 目录 as headings, a contents page (entries with dot leaders and page numbers), "
         "第一章 chapters on new pages, 1.1 sections, table with numbers, 图 caption, footnotes, A4, 1.5 spacing",
         lambda: zh_thesis("zh-odt-thesis-toc"),
         odt_toc(size=12, font_asian="Noto Serif CJK SC", line_height="150%", indent="0.85cm", lang="zh",
                 country="CN", footer="page",
                 headings={1: HeadingLook(16, font_asian=SANS_ZH, align="center", page_break=True),
                           2: HeadingLook(14, font_asian=SANS_ZH)})),
]


def clause_numbers_set(doc: Doc) -> Doc:
    """The document as typed into a word processor: each clause's number in bold before its
    text (Markdown has no clause numbering; the other renderers print it the same way). Only
    the typesetting sees this copy: the truth keeps the clauses, numbered, from ``doc``."""
    blocks = [Para([Bold(b.number + _number_space(b.number))] + list(b.runs), lang=b.lang)
              if isinstance(b, Para) and b.role == "clause" and b.number else b for b in doc.blocks]
    return dataclasses.replace(doc, blocks=blocks)


def _number_space(number: str) -> str:
    """What follows a clause number as typed: an ideographic space after 第一条, a space after 1.1."""
    return "\u3000" if "\u4e00" <= number[-1:] <= "\u9fff" else " "


def pandoc_docx_ref(styles: dict, page=None, tagged=False):
    """pandoc Markdown → DOCX with a user's reference document (its styles) → LibreOffice."""
    def run(doc: Doc, out: Path) -> str:
        from render_odt import lo_version, to_pdf
        from render_other import pandoc, reference_docx, to_markdown
        with tempfile.TemporaryDirectory() as tmp:
            ref = reference_docx(Path(tmp) / "ref.docx", styles, page)
            docx = pandoc(to_markdown(clause_numbers_set(doc), {}), Path(tmp) / f"{doc.name}.docx",
                          [f"--reference-doc={ref}"])
            to_pdf(docx, out, tagged=tagged)
        return "pandoc → DOCX (custom reference) → " + lo_version()
    return run


def typst_symbols(d: Doc) -> Doc:
    """Labels as Typst's footnote numbering "*" prints them: * † ‡ § ¶ ‖ through the document."""
    for i, n in enumerate(all_notes(d)):
        n.label = FNSYMBOLS[i % len(FNSYMBOLS)] * (1 + i // len(FNSYMBOLS))
    return d


def typst2(setup: str, auto_numbers: bool = False):
    def run(doc: Doc, out: Path) -> str:
        from render_other import TypstStyle, to_typst, typst_pdf
        typst_pdf(to_typst(doc, TypstStyle(setup, auto_numbers=auto_numbers)), out)
        return "Typst"
    return run


def bilingual_bible(name: str, chapters, verses: int = 12, per: int = 4) -> Doc:
    """A zh/en document: each heading in Chinese with its English line under it, each Chinese
    paragraph followed by its English paragraph (the same verses)."""
    blocks: list = []
    for i, (book, ch) in enumerate(chapters, 1):
        en_t, zh_t = T.BIB_TITLES[(book, ch)]
        blocks.append(Heading(1, f"{zh_num(i)}、", zh_t, text_en=en_t))
        zs = bible_paragraphs("zh", book, ch, per=per, verses=verses)
        es = bible_paragraphs("en", book, ch, per=per, verses=verses)
        for z, e in zip(zs, es):
            blocks += [Para([z], lang="zh"), Para([e], lang="en")]
    return make(name, "zh-en", "经文选读 Selected Readings", blocks)


CAPS_CSS = ("h2 { font-size: 8.5pt; text-transform: uppercase; letter-spacing: .16em; font-weight: normal; "
            "margin: 1.4em 0 .4em; } h3 { font-size: 9.5pt; font-style: italic; font-weight: normal; }")
SANS_COLOUR_CSS = ("h2, h3, h4 { font-family: 'Liberation Sans', 'Noto Sans CJK SC', sans-serif; color: #1f4e79; } "
                   "h2 { font-size: 12pt; margin: .8em 0 .3em; } h3 { font-size: 10.5pt; margin: .6em 0 .2em; } "
                   "h2.abstract { text-align: center; font-size: 11pt; } div.abstract { margin: 0 3em 1.2em; font-size: .95em; }")

SPECS2 += [
    # ---------------------------------------------------------------- Chromium
    Spec("en-html-caps-sidebar", "Chromium (HTML, outline, tagged)",
         "headings SMALLER than the body in letter-spaced capitals (text-transform), italic subheads, a floated "
         "sidebar box with a bold title (not a heading), endnotes in a Notes section, figure caption, a) list, Letter",
         lambda: make("en-html-caps-sidebar", "en", "Spies, Prophets and Measures",
                      [T.sidebar("en")] + bible_sections("en", [("Num", 13), ("Num", 22)], verses=20,
                                                        note_kind="end", items=EN_ITEMS_A) +
                      T.thesis_chapters("en", note_kind="end", filler=(("Num", 9), ("Exo", 19), ("Exo", 15)))[:14] +
                      [EndnotesSection("Notes")], scheme="arabic"),
         html(page="Letter", size="11pt", line_height="1.45", margin="2.2cm", css=CAPS_CSS),
         upper_levels=(1,)),
    Spec("en-html-2col-abstract", "Chromium (HTML, two columns)",
         "two columns under a full-width abstract with its heading and keywords, coloured sans headings '1'/'1.1', "
         "figure and table captions, 1) list, exponents and indices, endnotes, ragged right, no tagging",
         lambda: make("en-html-2col-abstract", "en", "Rules and the Quality of Open Data",
                      [Abstract("Abstract", [[p] for p in T.ABSTRACT_EN],
                                keywords="Keywords: open data, public sector, classification rules")] +
                      T.thesis_chapters("en", note_kind="end", filler=(("Exo", 32), ("Exo", 33), ("Gen", 28))) +
                      [EndnotesSection("Notes")], scheme="arabic"),
         html(columns=2, size="10pt", align="left", line_height="1.35", tagged=False, margin="1.8cm",
              css=SANS_COLOUR_CSS)),
    Spec("zh-html-paged-notice", "Chromium (HTML paged, 16K)",
         "Chinese notice on a 16K page (184 × 260 mm): 一、 headings bold at body size, （一） headings in 楷体, "
         "1. items, a table whose cells start '1.', footnotes at the page bottom, 附件/落款 lines",
         lambda: make("zh-html-paged-notice", "zh", "关于做好2025年度公共数据开放工作的通知", T.notice_zh()),
         html(paged=True, columns=1, lang="zh", font="'Noto Serif CJK SC', serif", size="11pt", col_chars=1000,
              line_height="1.75", page_w_mm=184, page_h_mm=260,
              css="h2 { font-size: 11pt; font-family: 'Noto Sans CJK SC'; margin: .6em 0 .2em; } "
                  "h3 { font-size: 11pt; font-weight: normal; font-family: 'AR PL UKai CN'; margin: .4em 0 .2em; } "
                  "p { text-indent: 2em; }")),
    Spec("zh-html-2col-abstract", "Chromium (HTML, two columns, tagged)",
         "Chinese paper: full-width 摘要 with 关键词 over two columns, sans headings '1'/'1.1', 图/表 captions, "
         "（一） list, endnotes in a 注释 section, justified",
         lambda: make("zh-html-2col-abstract", "zh", "开放数据规则与数据质量研究",
                      [Abstract("摘要", [[p] for p in T.ABSTRACT_ZH], keywords="关键词：开放数据；公共部门；分类规则")] +
                      T.thesis_chapters("zh", note_kind="end", filler=(("Num", 6), ("Lev", 26), ("Exo", 12))) +
                      [Items([["开放目录；"], ["开放平台；"], ["安全评估。"]], ordered=True, label="（一）"),
                       EndnotesSection("注释")], scheme="arabic"),
         html(columns=2, lang="zh", font="'Noto Serif CJK SC', serif", size="10pt", line_height="1.6",
              css=SANS_COLOUR_CSS)),
    Spec("zh-en-html-bilingual", "Chromium (HTML, bilingual)",
         "bilingual: 一、 Chinese heading with its English line under it, each Chinese paragraph followed by its English "
         "paragraph, A4, tagged",
         lambda: bilingual_bible("zh-en-html-bilingual", [("Gen", 41), ("Gen", 45)], verses=16),
         html(lang="zh", size="10.5pt", line_height="1.5",
              css="h2 { font-size: 13pt; margin-bottom: 0; } .h-en { font-size: 10.5pt; font-style: italic; margin-bottom: .5em; }")),
    # ---------------------------------------------------------------- pandoc with a user's reference DOCX
    Spec("en-pandoc-docx-refdoc", "pandoc → DOCX (custom reference) → LibreOffice",
         "a user's Word template: headings in small capitals of a sans font, dark red, Heading 2 at body size; body in "
         "Caladea, justified; pandoc footnotes with URLs; a) and i. lists; numbered 'Article N' headings; A4",
         lambda: make("en-pandoc-docx-refdoc", "en", "Open Data Policy", T.policy_en("Article", note_every=3)
                      + bible_sections("en", [("Lev", 25)], verses=16), scheme=None),
         pandoc_docx_ref({"Heading1": {"font": "Liberation Sans", "size": 26, "color": "8B1A1A", "bold": True, "caps": True},
                          "Heading2": {"font": "Liberation Sans", "size": 21, "color": "8B1A1A", "bold": True},
                          "BodyText": {"font": "Caladea", "size": 21, "jc": "both", "spacing_after": 120},
                          "FirstParagraph": {"font": "Caladea", "size": 21, "jc": "both", "spacing_after": 120},
                          "Title": {"font": "Liberation Sans", "size": 32, "color": "8B1A1A", "bold": True}},
                         page=(11906, 16838))),
    Spec("zh-pandoc-docx-refdoc", "pandoc → DOCX (custom reference) → LibreOffice",
         "Chinese regulation through a user's Word template: 第一章 headings centred in 黑体 (Noto Sans CJK), articles "
         "with 第一条 in bold at the start of the paragraph, footnotes, 16K-like page",
         lambda: make("zh-pandoc-docx-refdoc", "zh", "某市公共数据开放管理规定", T.regulation_zh(note_every=3)),
         pandoc_docx_ref({"Heading1": {"font": "Noto Sans CJK SC", "size": 28, "color": "000000", "jc": "center"},
                          "BodyText": {"font": "Noto Serif CJK SC", "size": 22, "jc": "both", "spacing_after": 60},
                          "FirstParagraph": {"font": "Noto Serif CJK SC", "size": 22, "jc": "both", "spacing_after": 60},
                          "Compact": {"font": "Noto Serif CJK SC", "size": 22},
                          "Title": {"font": "Noto Sans CJK SC", "size": 36, "color": "000000"}},
                         page=(10433, 14742))),
    # ---------------------------------------------------------------- Typst
    Spec("en-typst-a5-numbered", "Typst (A5, numbered headings)",
         "Typst numbers the headings itself ('1.', '1.1.'), ragged right, A5, footnotes marked * † ‡ (Typst's symbol "
         "numbering), 1) list, table with numbers and R², exponents",
         lambda: typst_symbols(make("en-typst-a5-numbered", "en", "Measures and Rules",
                      T.thesis_chapters("en", figures=False, filler=(("Lev", 23), ("Num", 20), ("Gen", 24))),
                      scheme="arabic-dots")),
         typst2('#set page(paper: "a5", margin: (x: 1.5cm, y: 1.8cm), numbering: "1")\n'
                '#set text(font: "EB Garamond", size: 10pt, lang: "en", hyphenate: false)\n'
                '#set par(justify: false, leading: 0.6em)\n'
                '#set footnote(numbering: "*")\n'
                '#set heading(numbering: "1.1.")\n'
                '#show heading.where(level: 1): it => block(above: 1.3em, below: 0.7em, text(size: 12pt, it))\n'
                '#show heading.where(level: 2): it => block(above: 1em, below: 0.5em, text(size: 10pt, style: "italic", it))\n',
                auto_numbers=True)),
    Spec("zh-typst-regulation", "Typst (regulation)",
         "Chinese regulation in Typst: 第一章 headings centred at body size in a sans font, 第一条 articles in bold, "
         "（一） items, footnotes, A4, 1.8 leading",
         lambda: make("zh-typst-regulation", "zh", "某市公共数据开放管理规定", T.regulation_zh(note_every=4)),
         typst2('#set page(paper: "a4", margin: (x: 2.6cm, y: 2.5cm), numbering: "1")\n'
                '#set text(font: ("Liberation Serif", "Noto Serif CJK SC"), size: 11pt, lang: "zh")\n'
                '#set par(justify: true, leading: 1em, spacing: 1em)\n'
                '#show heading: it => align(center, block(above: 1.4em, below: 0.8em, text(font: ("Liberation Sans", "Noto Sans CJK SC"), size: 11pt, weight: "bold", it.body)))\n')),
]


def specs() -> list[Spec]:
    return SPECS2
