"""The fourth dev set (devset4): held out, for extraction quality on PDFs nobody tuned on.

Built by ``build.py --set 4`` (``make devset4``) into /work/devset4 with the same truth format
and scorer as the other sets. It varies what devsets 1–3 do not, the way users' PDFs vary:

- texts: written for this set (texts4.py) — a municipal report on heat and health, an
  academic paper on reading on screen and paper, a regulation on energy cooperatives, a local
  history in chapters — in English and in Chinese; no text shared with devsets 1–3;
- templates and producers: LaTeX ``book`` (EB Garamond, twoside running heads with the chapter
  title) and ``amsart`` (small-caps section heads, run-in bold subsections), KOMA ``scrartcl``
  with a sans body in two columns, XeLaTeX with Linux Libertine and the endnotes package,
  ctexbook with the Fandol fonts, LuaLaTeX ctexart, xeCJK with a sans (黑体) body; pandoc →
  ODT → LibreOffice; LibreOffice outline numbering ``Part 1`` and ``1``/``1.1`` (numbers not in
  the text), footnotes restarting per chapter; Chromium with headings numbered by CSS counters
  (``1.``, ``一、``) and wide asymmetric margins, paged two and three columns; groff ``-me``
  (``.sh`` numbers the headings) and pandoc → ms → groff; Typst with headings numbered ``I.A.``
  and ``一、``/``（一）`` by Typst, a running header with the current chapter, Fandol fonts;
- page sizes A4, Letter, A5, B5; one, two and three columns; numbered clauses (``1.1``,
  ``第一条``) with (a) and （一） items, and a bilingual zh/en regulation (clauses alternating); headings at body size in bold, small caps a point
  smaller than the body, long enough to take two lines; notes with URLs, dates and citations;
  endnotes sections; tables whose first column holds figures, bullets, figure captions, R²; a
  rotated arXiv identifier in a margin; a Chinese report justified at 1.5 spacing with no
  first-line indent.

Do not tune on these files: score them, report aggregate numbers and kinds of failure only.
"""
from __future__ import annotations

import tempfile
from pathlib import Path

from specs2 import _build_module, typst2  # noqa: E402  (build.py, loaded once for every spec list)

B = _build_module()
Spec, html, latex, numbered, odt, typst = B.Spec, B.html, B.latex, B.numbered, B.odt, B.typst
pandoc_latex, pandoc_docx, zh_num = B.pandoc_latex, B.pandoc_docx, B.zh_num
from docmodel import B as Bold  # noqa: E402
from docmodel import (Abstract, Doc, EndnotesSection, Figure, Heading, Items, Para, Table,  # noqa: E402
                      number_notes)
from render_odt import HeadingLook  # noqa: E402
import texts4 as T  # noqa: E402


# ------------------------------------------------------------------------- documents
def sections_doc(name: str, lang: str, source: list, notes: list[str], scheme: str | None, *,
                 title: str, author: str = "", note_kind: str = "foot", endnotes_title: str = "",
                 items: dict[str, Items | Table | Figure] | None = None, abstract: Abstract | None = None,
                 reset_at_level: int | None = None, note_start: int = 0) -> Doc:
    """A document of sections (level 1) and subsections (level 2) from a texts4 source; the
    block named by a section or subsection title in ``items`` (a list, a table, a figure)
    follows that section's or subsection's paragraphs."""
    blocks: list = [abstract] if abstract else []
    state = [note_start]
    for title1, subs in source:
        blocks.append(Heading(1, "", title1))
        for title2, paras in subs:
            if title2:
                blocks.append(Heading(2, "", title2))
            for p in paras:
                blocks.append(Para(T.runs(p, notes, state, note_kind)))
            lst = (items or {}).get(title2 or title1)
            if lst is not None:
                blocks.append(lst)
    if endnotes_title:
        blocks.append(EndnotesSection(endnotes_title))
    if scheme:
        numbered(blocks, scheme)
    d = Doc(name, lang, title, blocks, author=author)
    number_notes(d, reset_at_level=reset_at_level)
    return d


def report(name: str, lang: str, scheme: str | None, **kw) -> Doc:
    zh = lang == "zh"
    lst = Items([[t] for t in (T.RECOMMENDATIONS_ZH if zh else T.RECOMMENDATIONS_EN)], ordered=True,
                label="（一）" if zh else "(a)")
    table = Table([[[c] for c in row] for row in (T.CALLS_ZH if zh else T.CALLS_EN)],
                  caption="表1　预警期间的电话和探访" if zh else "Table 1. Calls and visits during heat warnings.")
    return sections_doc(name, lang, T.REPORT_ZH if zh else T.REPORT_EN, T.NOTES4_ZH if zh else T.NOTES4_EN,
                        scheme, items={"工作建议" if zh else "Recommendations": lst,
                                       "高温暴露人群" if zh else "Who Is Most Exposed":
                                           Items([[t] for t in (T.DWELLINGS_ZH if zh else T.DWELLINGS_EN)]),
                                       "独居居民联络" if zh else "Outreach to Residents Living Alone": table},
                        title="城市高温与公众健康：各市应对措施评估报告" if zh else
                        "Urban Heat and Public Health: A Review of Municipal Responses, 2015\u20132024",
                        author="区域公共卫生协作组" if zh else "Regional Public Health Partnership", **kw)


def paper(name: str, lang: str, scheme: str | None, *, with_abstract: bool = True, **kw) -> Doc:
    zh = lang == "zh"
    ab = Abstract("摘要" if zh else "Abstract", [[p] for p in (T.ABSTRACT4_ZH if zh else T.ABSTRACT4_EN)],
                  keywords="关键词：双语阅读；屏幕阅读；回忆；中学生" if zh else
                  "Keywords: bilingual reading, screen reading, recall, secondary school")
    lst = Items([[Bold(term), rest] for term, rest in (T.PROCEDURE_ZH if zh else T.PROCEDURE_EN)], ordered=True,
                label="1." if zh else "1)")
    fig = Figure("图1　不同媒介和语言条件下的细节回忆成绩" if zh else
                 "Figure 1. Recall of details by medium and language.")
    return sections_doc(name, lang, T.PAPER_ZH if zh else T.PAPER_EN, T.NOTES4_ZH if zh else T.NOTES4_EN,
                        scheme, items={"程序" if zh else "Procedure": lst, "回忆成绩" if zh else "Recall": fig},
                        abstract=ab if with_abstract else None, note_start=10,
                        title="双语中学生的屏幕阅读与纸面阅读：速度与回忆" if zh else
                        "Reading on Screen and on Paper: Speed and Recall of Bilingual Readers",
                        author="作者：林晓雯　　指导教师：周明远　　学科专业：教育学" if zh else
                        "M. Ekwueme and J. Sandoval", **kw)


def history(name: str, lang: str, scheme: str | None, **kw) -> Doc:
    zh = lang == "zh"
    return sections_doc(name, lang, T.HISTORY_ZH if zh else T.HISTORY_EN,
                        T.HISTORY_NOTES_ZH if zh else T.HISTORY_NOTES_EN, scheme,
                        title="澄湾港小史" if zh else "The Harbour at Wrenmouth: A Short History",
                        author="澄湾渔屋协会" if zh else "Wrenmouth Cottages Society", **kw)


def _reg_parts(lang: str, note_kind: str = "foot", mark_lang: bool = False) -> list[tuple[Heading, list[list]]]:
    """The regulation's parts: each a heading (``Part 1`` / ``第一章``) and its clauses, each clause
    the blocks it prints (the numbered clause ``1.1`` … within each part / ``第一条`` … through the
    document, then the (a) / （一） items inside it); a note after the first comma of some
    clauses. ``mark_lang``: each clause records its language (bilingual documents)."""
    from docmodel import Note

    zh = lang == "zh"
    parts: list[tuple[Heading, list[list]]] = []
    k = 0
    for i, (title, clauses) in enumerate(T.REG_ZH if zh else T.REG_EN, 1):
        out: list[list] = []
        for j, c in enumerate(clauses, 1):
            k += 1
            text, lst = (c, None) if isinstance(c, str) else c
            num = f"第{zh_num(k)}条" if zh else f"{i}.{j}"
            note = T.REG_ZH_NOTES.get(k) if zh else T.REG_EN_NOTES.get(num)
            runs: list = [text]
            if note:
                cut = text.find("，" if zh else ", ") + 1 or len(text)
                runs = [r for r in (text[:cut], Note(note, kind=note_kind), text[cut:]) if r != ""]
            group: list = [Para(runs, role="clause", number=num, lang=lang if mark_lang else None)]
            if lst:
                group.append(Items([[t] for t in lst], ordered=True, label="（一）" if zh else "(a)"))
            out.append(group)
        parts.append((Heading(1, f"第{zh_num(i)}章" if zh else f"Part {i}", title), out))
    return parts


def regulation(name: str, lang: str, *, note_kind: str = "foot", endnotes_title: str = "") -> Doc:
    """The regulation in one language: parts (level-1 headings) of numbered clauses."""
    zh = lang == "zh"
    blocks: list = []
    for head, clauses in _reg_parts(lang, note_kind):
        blocks.append(head)
        blocks += [b for group in clauses for b in group]
    if endnotes_title:
        blocks.append(EndnotesSection(endnotes_title))
    d = Doc(name, lang, "社区能源合作社管理办法" if zh else "The Community Energy Cooperatives Regulations 2025",
            blocks, author="（2025年2月3日市人民政府令第7号公布）" if zh else "")
    number_notes(d)
    return d


def bilingual_regulation(name: str) -> Doc:
    """A zh/en regulation as bilingual legislation prints it: each part's Chinese heading with its
    English line under it, then the clauses alternating, a Chinese clause and the English clause
    of the same place in the part (the English text has its own numbering 1.1 …)."""
    blocks: list = []
    for (hz, cz), (he, ce) in zip(_reg_parts("zh", mark_lang=True), _reg_parts("en", mark_lang=True)):
        hz.text_en = f"{he.number} {he.text}"
        blocks.append(hz)
        for j in range(max(len(cz), len(ce))):
            for side in (cz, ce):
                if j < len(side):
                    blocks += side[j]
    d = Doc(name, "zh-en", "社区能源合作社管理办法 The Community Energy Cooperatives Regulations 2025", blocks)
    number_notes(d)
    return d


# ------------------------------------------------------------------------- producers
def groff_me(**kw):
    def run(doc: Doc, out: Path) -> str:
        from render_groff import GroffStyle, groff_pdf, to_me
        groff_pdf(to_me(doc, GroffStyle(**kw)), out, macros="e")
        return "groff -me (gropdf)"
    return run


def pandoc_ms():
    """pandoc Markdown → ms (pandoc's groff writer) → groff -ms (gropdf)."""
    def run(doc: Doc, out: Path) -> str:
        from render_groff import groff_pdf
        from render_other import pandoc, to_markdown
        with tempfile.TemporaryDirectory() as tmp:
            ms = pandoc(to_markdown(doc, {}), Path(tmp) / "doc.ms", ["-s", "-V", "fontfamily=T"])
            groff_pdf(ms.read_text(encoding="utf-8"), out)
        return "pandoc → ms → groff (gropdf)"
    return run


# an arXiv-like identifier set vertically in the left margin of the first page (running matter
# whose letters are no heading and no text)
ARXIV_SLUG = [r"\usepackage{eso-pic}", r"\usepackage{graphicx}",
              r"\AddToShipoutPictureFG*{\put(30,250){\rotatebox{90}{\fontsize{20}{20}\selectfont\sffamily"
              r"\color[gray]{0.5}arXiv:2503.04172v2 [cs.CL] 12 Mar 2025}}}", r"\usepackage{xcolor}"]
FANDOL_BOOK = [r"\ctexset{chapter={name={第,章},number=\chinese{chapter}}}"]
NOTO_ZH = [r"\setCJKmainfont[BoldFont={Noto Sans CJK SC Bold}]{Noto Serif CJK SC}",
           r"\setCJKsansfont{Noto Sans CJK SC}"]
SANS_ZH = "Noto Sans CJK SC"
# running header with the current chapter's title (Typst: the last level-1 heading before the page)
TYPST_CHAPTER_HEADER = ('#set page(header: context { let hs = query(selector(heading.where(level: 1))'
                        '.before(here())); if hs.len() > 0 { align(right, text(size: 8pt, style: "italic", '
                        'hs.last().body)) } })\n')
CSS_COUNTERS_EN = ("body { counter-reset: h2; } h2 { counter-reset: h3; } "
                   "h2:not(.abstract)::before { counter-increment: h2; content: counter(h2) '. '; } "
                   "h3::before { counter-increment: h3; content: counter(h2) '.' counter(h3) ' '; } "
                   "section.notes h2::before { content: none; counter-increment: none; } "
                   "h2 { font-size: 12.5pt; } h3 { font-size: 11pt; font-style: italic; } "
                   "div.abstract { margin: 0 0 1.2em; font-size: .95em; }")
CSS_COUNTERS_ZH = ("body { counter-reset: h2; } h2 { counter-reset: h3; } "
                   "h2::before { counter-increment: h2; content: counter(h2, cjk-ideographic) '、'; } "
                   "h3::before { counter-increment: h3; content: '（' counter(h3, cjk-ideographic) '）'; } "
                   "section.notes h2::before { content: none; counter-increment: none; } "
                   "h2, h3 { font-family: 'Noto Sans CJK SC', sans-serif; font-weight: normal; } "
                   "h2 { font-size: 14pt; } h3 { font-size: 12pt; } p { text-indent: 2em; }")

SPECS4: list[Spec] = [
    # ---------------------------------------------------------------- LaTeX, English
    Spec("en-book-ebgaramond-history", "XeLaTeX book (EB Garamond, A5, twoside)",
         "book class: 'Chapter N' over the title, chapters opening on right pages, running heads in capitals with the "
         "chapter title (even pages) and the section (odd), footnotes restarting per chapter, EB Garamond, A5",
         lambda: history("en-book-ebgaramond-history", "en", "chapter-en", reset_at_level=1),
         latex(engine="xelatex", cls="book", options="10pt,a5paper", hyperref=False,
               preamble=[r"\usepackage{fontspec}", r"\setmainfont{EB Garamond}"],
               section_cmds={1: "chapter", 2: "section", 3: "subsection"})),
    Spec("en-amsart-paper", "pdfLaTeX amsart (Palatino, Letter)",
         "amsart: '1. Introduction' section heads in small caps centred, subsections run in bold ('3.1. Participants.' "
         "then the text on the same line), an arXiv identifier rotated in the left margin of page 1, citation notes "
         "with DOIs and URLs, '1)' list, figure caption, R², Palatino, US Letter",
         lambda: paper("en-amsart-paper", "en", "arabic-dots", with_abstract=False),
         latex(cls="amsart", options="11pt,letterpaper", hyperref=False, preamble=[r"\usepackage{mathpazo}"] + ARXIV_SLUG)),
    Spec("en-scrartcl-sans-2col-report", "pdfLaTeX KOMA scrartcl (sans body, two columns)",
         "KOMA scrartcl two columns with a sans-serif body (Helvetica), headings bold at BODY size ('2.1 …'), a "
         "subsection title long enough for two lines, footnotes at column feet, exponents (10⁴, km²), (a) list, Letter",
         lambda: report("en-scrartcl-sans-2col-report", "en", "arabic"),
         latex(cls="scrartcl", options="10pt,letterpaper,twocolumn,DIV=14,headings=normal", hyperref=True,
               preamble=[r"\usepackage[scaled=.92]{helvet}", r"\renewcommand{\familydefault}{\sfdefault}",
                         r"\setkomafont{section}{\normalsize\bfseries}",
                         r"\setkomafont{subsection}{\normalsize\bfseries}"])),
    Spec("en-xelatex-libertine-endnotes", "XeLaTeX article (Linux Libertine, endnotes)",
         "Linux Libertine body and Biolinum headings, abstract with keywords, '1'/'1.1' headings, citation endnotes "
         "in a 'Notes' section (the endnotes package), '1)' list, A4",
         lambda: paper("en-xelatex-libertine-endnotes", "en", "arabic", note_kind="end", endnotes_title="Notes"),
         latex(engine="xelatex", cls="article", options="11pt,a4paper", hyperref=False,
               preamble=[r"\usepackage{fontspec}", r"\setmainfont{Linux Libertine O}",
                         r"\setsansfont{Linux Biolinum O}", r"\usepackage{sectsty}", r"\allsectionsfont{\sffamily}"])),
    # ---------------------------------------------------------------- pandoc, English
    Spec("en-pandoc-odt-report", "pandoc → ODT → LibreOffice",
         "pandoc's ODT writer (its own styles) typeset by LibreOffice: '1.'/'1.1' headings, a two-line subsection "
         "title, footnotes with URLs and dates, (a) list, exponents",
         lambda: report("en-pandoc-odt-report", "en", "arabic-dot"),
         pandoc_docx(fmt="odt")),
    Spec("en-pandoc-ms-history", "pandoc → ms → groff",
         "pandoc's groff ms writer: bold headings with literal 'Chapter N' and '1.1', footnotes numbered by groff, "
         "Times, US Letter",
         lambda: history("en-pandoc-ms-history", "en", "chapter-en"),
         pandoc_ms()),
    # ---------------------------------------------------------------- LibreOffice, groff, English
    Spec("en-odt-outline-part-regulation", "LibreOffice (ODT, outline numbering 'Part N', A5)",
         "regulation: 'Part 1' headings numbered by LibreOffice's outline numbering (not in the text) bold at BODY "
         "size, clauses 1.1 with bold numbers, (a) items inside clauses, header with the document and part titles, "
         "'Page N of M', footnotes with URLs and dates, A5",
         lambda: regulation("en-odt-outline-part-regulation", "en"),
         odt(size=10, line_height="120%", page=("14.8cm", "21cm"), margins=("1.8cm", "1.7cm", "1.8cm", "1.7cm"),
             header="chapter", footer="page-of", outline={1: ("Part ", "1", "", 1)}, note_size=8,
             headings={1: HeadingLook(10, above="0.4cm")})),
    Spec("en-odt-smallcaps-endnotes-history", "LibreOffice (ODT, small-caps headings, endnotes)",
         "Word-like history: '1.'/'1.1' headings in small capitals ONE POINT SMALLER than the body, level 2 in italics "
         "at body size, endnotes in a 'Notes' section, hyphenated justified text with first-line indents, Letter",
         lambda: history("en-odt-smallcaps-endnotes-history", "en", "arabic-dot", note_kind="end",
                         endnotes_title="Notes"),
         odt(font="Liberation Serif", size=11.5, line_height="120%", indent="0.6cm", para_below="0cm",
             page=("21.59cm", "27.94cm"), hyphenate=True, footer="page",
             headings={1: HeadingLook(10.5, small_caps=True, letter_spacing="0.03cm", above="0.5cm"),
                       2: HeadingLook(11.5, bold=False, italic=True)})),
    Spec("en-groff-me-regulation", "groff -me (gropdf)",
         "groff -me: '.sh' numbers the headings '1.' (the parts), clauses '1.1' in bold inside paragraphs, (a) items, "
         "footnotes at the page foot, a running header with the current part's title",
         lambda: _me_numbers(regulation("en-groff-me-regulation", "en")),
         groff_me()),
    Spec("en-odt-sans-2col-report", "LibreOffice (ODT, sans body, two columns, Letter)",
         "Word-like report in Liberation Sans on two columns: headings '1.'/'1.1' by outline numbering, bold at BODY "
         "size, a two-line subsection title, header with the report and chapter titles, footnotes, (a) list, Letter",
         lambda: report("en-odt-sans-2col-report", "en", "arabic-dot"),
         odt(font="Liberation Sans", size=10, line_height="115%", columns=2, page=("21.59cm", "27.94cm"),
             margins=("2cm", "1.9cm", "2cm", "1.9cm"), header="chapter", footer="page", align="start",
             outline={1: ("", "1", ".", 1), 2: ("", "1", "", 2)}, para_below="0.25cm",
             headings={1: HeadingLook(10, above="0.4cm"), 2: HeadingLook(10, above="0.3cm")})),
    # ---------------------------------------------------------------- Chromium, Typst, English
    Spec("en-html-counters-paper", "Chromium (HTML, CSS counters, wide margins)",
         "headings numbered by CSS counters ('1.', '1.1'; the numbers are not in the HTML text), an abstract under its "
         "heading, endnotes in a 'Notes' section, wide asymmetric margins (4.5 cm left), '1)' list, Letter, tagged",
         lambda: paper("en-html-counters-paper", "en", "arabic-dot", note_kind="end", endnotes_title="Notes"),
         html(page="Letter", margin="2.5cm 2cm 2.5cm 4.5cm", size="10.5pt", line_height="1.5", css_numbers=True,
              css=CSS_COUNTERS_EN)),
    Spec("en-html-paged-2col-history", "Chromium (HTML paged, two columns, Letter)",
         "two columns on US Letter with each note at the foot of the column of its callout, 'Chapter N' headings",
         lambda: history("en-html-paged-2col-history", "en", "chapter-en"),
         html(paged=True, columns=2, size="9.5pt", col_chars=2000, line_height="1.35", page_w_mm=215.9,
              page_h_mm=279.4, css="h2 { font-size: 13pt; } h3 { font-size: 10pt; font-style: italic; }")),
    Spec("en-typst-roman-sans-report", "Typst (sans body, headings numbered I.A. by Typst)",
         "Typst numbers the headings 'I.'/'I.A.', Liberation Sans body, running header with the current chapter "
         "title, footnotes, (a) list, exponents, A4",
         lambda: report("en-typst-roman-sans-report", "en", "roman-alpha"),
         typst2('#set page(paper: "a4", margin: (x: 2.4cm, y: 2.6cm), numbering: "1")\n' + TYPST_CHAPTER_HEADER +
                '#set text(font: "Liberation Sans", size: 10pt, lang: "en", hyphenate: false)\n'
                '#set par(justify: false, leading: 0.7em, spacing: 1.1em)\n'
                '#set heading(numbering: "I.A.")\n'
                '#show heading.where(level: 1): it => block(above: 1.4em, below: 0.8em, text(size: 13pt, it))\n'
                '#show heading.where(level: 2): it => block(above: 1.1em, below: 0.6em, text(size: 10pt, it))\n',
                auto_numbers=True)),
]


def _me_numbers(d: Doc) -> Doc:
    """groff -me's ``.sh 1`` prints '1.' before a part's title: the parts are numbered so."""
    for b in d.blocks:
        if isinstance(b, Heading):
            b.number = b.number.replace("Part ", "") + "."
    return d


SPECS4 += [
    # ---------------------------------------------------------------- LaTeX, Chinese
    Spec("zh-en-odt-bilingual-regulation", "LibreOffice (ODT, bilingual zh/en)",
         "bilingual regulation: 第一章 headings with the English 'Part N' line under them, Chinese 第一条 and English 1.1 "
         "clauses alternating, （一） and (a) items, footnotes in both languages, header, A4",
         lambda: bilingual_regulation("zh-en-odt-bilingual-regulation"),
         odt(size=10.5, font_asian="Noto Serif CJK SC", line_height="135%", lang="en", country="GB",
             header="社区能源合作社管理办法\tCommunity Energy Cooperatives Regulations", footer="page",
             headings={1: HeadingLook(13, font_asian=SANS_ZH, font="Liberation Sans", align="center")})),
    Spec("zh-ctexbook-fandol-history", "XeLaTeX ctexbook (Fandol fonts, B5, twoside)",
         "ctexbook with its default Fandol fonts: 第一章 chapters opening on right pages, 1.1 sections, running heads "
         "with the chapter title (even pages) and the section (odd), footnotes restarting per chapter, B5",
         lambda: history("zh-ctexbook-fandol-history", "zh", "chapter-zh", reset_at_level=1),
         latex(engine="xelatex", cls="ctexbook", options="UTF8,fontset=fandol,zihao=5,b5paper", hyperref=False,
               preamble=FANDOL_BOOK, section_cmds={1: "chapter", 2: "section", 3: "subsection"})),
    Spec("zh-ctexart-a5-regulation", "XeLaTeX ctexart (Noto CJK, A5, regulation)",
         "regulation on A5: 第一章 headings centred in bold at BODY size, 第一条 clauses with bold numbers, （一） items "
         "inside articles, footnotes with a URL and dates",
         lambda: regulation("zh-ctexart-a5-regulation", "zh"),
         latex(engine="xelatex", cls="ctexart", options="UTF8,fontset=none,zihao=5,a5paper", hyperref=False,
               preamble=NOTO_ZH + [
                   r"\ctexset{section={name={第,章},number=\chinese{section},aftername={\quad},"
                   r"format=\normalsize\bfseries\centering,beforeskip=1.2ex,afterskip=0.8ex}}",
                   r"\usepackage[margin=1.6cm]{geometry}"])),
    Spec("zh-xecjk-sans-endnotes-paper", "XeLaTeX article + xeCJK (黑体 body, endnotes)",
         "Chinese paper in a sans (黑体) body with xeCJK and the article class: 摘要 with 关键词, '1'/'1.1' headings bold "
         "at body size, citation endnotes in a 注释 section (the endnotes package), '1.' list, A4",
         lambda: paper("zh-xecjk-sans-endnotes-paper", "zh", "arabic", note_kind="end", endnotes_title="注释"),
         latex(engine="xelatex", cls="article", options="11pt,a4paper", hyperref=False, endnotes_name="注释",
               preamble=[r"\usepackage{xeCJK}", r"\setCJKmainfont[BoldFont={Noto Sans CJK SC Bold}]{Noto Sans CJK SC}",
                         r"\setmainfont{Liberation Sans}", r"\usepackage{titlesec}",
                         r"\titleformat{\section}{\normalsize\bfseries}{\thesection}{1em}{}",
                         r"\titleformat{\subsection}{\normalsize\bfseries}{\thesubsection}{1em}{}",
                         r"\renewcommand{\abstractname}{摘要}", r"\linespread{1.3}"])),
    Spec("zh-ctexart-gazette-2col-regulation", "XeLaTeX ctexart (Fandol, two columns, 16K)",
         "regulation set like a government gazette: two columns on a 16K page, 第一章 headings centred, 第一条 clauses "
         "with bold numbers, （一） items, footnotes at the column feet, Fandol fonts",
         lambda: regulation("zh-ctexart-gazette-2col-regulation", "zh"),
         latex(engine="xelatex", cls="ctexart", options="UTF8,fontset=fandol,zihao=5,twocolumn", hyperref=False,
               preamble=[r"\usepackage[paperwidth=184mm,paperheight=260mm,margin=1.8cm]{geometry}",
                         r"\ctexset{section={name={第,章},number=\chinese{section},aftername={\quad},"
                         r"format=\large\heiti\centering}}"])),
    Spec("zh-pandoc-ctexart-paper", "pandoc → XeLaTeX (pandoc's template, ctexart class)",
         "Chinese paper through pandoc's LaTeX template with the ctexart class: literal '1'/'1.1' headings, citation "
         "footnotes with DOIs and URLs, '1.' list",
         lambda: paper("zh-pandoc-ctexart-paper", "zh", "arabic", with_abstract=False),
         pandoc_latex("xelatex", {"documentclass": "ctexart", "classoption": "fontset=fandol",
                                  "geometry": "margin=2.6cm"})),
    # ---------------------------------------------------------------- pandoc, LibreOffice, Chinese
    Spec("zh-pandoc-odt-report", "pandoc → ODT → LibreOffice",
         "Chinese report through pandoc's ODT writer: 一、/（一） headings, a two-line （一） heading, footnotes with "
         "URLs and citations, （一） list, exponents",
         lambda: report("zh-pandoc-odt-report", "zh", "zh"),
         pandoc_docx(fmt="odt")),
    Spec("zh-odt-outline-paper", "LibreOffice (ODT, outline numbering 1 / 1.1)",
         "Chinese paper: '1'/'1.1' numbered by LibreOffice's outline numbering (not in the text) in 黑体, 摘要 and 关键词, "
         "header with the title and the current chapter, footnotes, '1.' list, 1.5 spacing, A4",
         lambda: paper("zh-odt-outline-paper", "zh", "arabic"),
         odt(size=11, font_asian="Noto Serif CJK SC", line_height="150%", indent="0.78cm", lang="zh", country="CN",
             header="chapter", footer="page", outline={1: ("", "1", "", 1), 2: ("", "1", "", 2)},
             headings={1: HeadingLook(14, font_asian=SANS_ZH, bold=False),
                       2: HeadingLook(12, font_asian=SANS_ZH, bold=False)})),
    Spec("zh-odt-noindent-report", "LibreOffice (ODT, justified, 1.5 spacing, no indent)",
         "Chinese report as many Word users set it: justified, 1.5 line spacing, NO first-line indent, space between "
         "paragraphs; '1、'/'（1）' headings bold at BODY size, footnotes, a table whose first column holds figures, "
         "bullets and a （一） list, fixed running header, A4",
         lambda: report("zh-odt-noindent-report", "zh", "zh-arabic"),
         odt(size=12, font_asian="Noto Serif CJK SC", line_height="150%", indent="0cm", para_below="0.3cm",
             lang="zh", country="CN", header="区域公共卫生协作组\t工作报告", footer="page",
             headings={1: HeadingLook(12, font_asian=SANS_ZH), 2: HeadingLook(12)})),
    Spec("zh-odt-a5-chapter-notes-history", "LibreOffice (ODT, A5, notes per chapter)",
         "Chinese history in chapters: 第一章 by outline numbering, 1.1 sections, footnotes restarting in every chapter "
         "(LibreOffice 'per chapter'), header with the chapter title, A5",
         lambda: history("zh-odt-a5-chapter-notes-history", "zh", "chapter-zh", reset_at_level=1),
         odt(size=10.5, font_asian="Noto Serif CJK SC", line_height="140%", indent="0.74cm", lang="zh", country="CN",
             page=("14.8cm", "21cm"), margins=("1.8cm", "1.6cm", "1.8cm", "1.6cm"), header="chapter",
             footer="page", footnote_restart="chapter", note_size=8,
             outline={1: ("第", "一, 二, 三, ...", "章", 1)},
             headings={1: HeadingLook(14, font_asian=SANS_ZH, align="center", page_break=True),
                       2: HeadingLook(11, font_asian=SANS_ZH)})),
    # ---------------------------------------------------------------- Chromium, Typst, Chinese
    Spec("zh-html-counters-report", "Chromium (HTML, CSS counters 一、/（一）)",
         "Chinese report with headings numbered by CSS counters (cjk-ideographic: 一、 and （一）), endnotes in a 注释 "
         "section, wide margins, （一） list, first-line indents",
         lambda: report("zh-html-counters-report", "zh", "zh", note_kind="end", endnotes_title="注释"),
         html(lang="zh", font="'Noto Serif CJK SC', serif", size="11pt", line_height="1.7", margin="2.8cm 3.2cm",
              css_numbers=True, css=CSS_COUNTERS_ZH)),
    Spec("zh-html-paged-3col-paper", "Chromium (HTML paged, three columns)",
         "Chinese paper in three columns, each note at the foot of the column of its callout, '1'/'1.1' headings, A4",
         lambda: paper("zh-html-paged-3col-paper", "zh", "arabic", with_abstract=False),
         html(paged=True, columns=3, lang="zh", font="'Noto Serif CJK SC', serif", size="9pt", col_chars=1800,
              line_height="1.55", css="h2 { font-size: 11pt; font-family: 'Noto Sans CJK SC'; } "
                                      "h3 { font-size: 9.5pt; font-family: 'Noto Sans CJK SC'; }")),
    Spec("zh-typst-b5-regulation", "Typst (regulation, 第一章 numbered by Typst, B5)",
         "Typst numbers the chapters 第一章 itself (numbering pattern '第一章'), headings centred in a sans font at "
         "body size, 第一条 clauses in bold, （一） items, footnotes with a URL, B5",
         lambda: regulation("zh-typst-b5-regulation", "zh"),
         typst2('#set page(paper: "iso-b5", margin: (x: 2cm, y: 2.2cm), numbering: "— 1 —")\n'
                '#set text(font: ("Liberation Serif", "Noto Serif CJK SC"), size: 10.5pt, lang: "zh")\n'
                '#set par(justify: true, leading: 0.95em, spacing: 1em)\n'
                '#set heading(numbering: "第一章")\n'
                '#show heading: it => align(center, block(above: 1.4em, below: 0.8em, text(font: ("Liberation Sans", '
                '"Noto Sans CJK SC"), size: 10.5pt, weight: "bold", it)))\n',
                auto_numbers=True)),
    Spec("zh-typst-fandol-report", "Typst (Fandol, headings numbered 一、/（一） by Typst, A5)",
         "Typst numbers the headings 一、 and （一）, FandolSong body and FandolHei headings, running header with the "
         "current chapter title, footnotes, （一） list, A5",
         lambda: report("zh-typst-fandol-report", "zh", "zh"),
         typst2('#set page(paper: "a5", margin: (x: 1.5cm, y: 1.8cm), numbering: "1")\n' + TYPST_CHAPTER_HEADER +
                '#set text(font: ("Liberation Serif", "FandolSong"), size: 9.5pt, lang: "zh")\n'
                '#set par(justify: true, leading: 0.9em, spacing: 1em, first-line-indent: 2em)\n'
                '#set heading(numbering: (..n) => { let n = n.pos(); if n.len() == 1 { numbering("一、", n.at(0)) } '
                'else { numbering("（一）", n.at(1)) } })\n'
                '#show heading: it => block(above: 1.2em, below: 0.7em, text(font: ("Liberation Sans", "FandolHei"), '
                'size: 10.5pt, weight: "regular", it))\n',
                auto_numbers=True)),
]


def specs() -> list[Spec]:
    return SPECS4
