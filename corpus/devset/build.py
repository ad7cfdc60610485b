#!/usr/bin/env python3
"""Build the multi-producer dev set: PDFs made by LaTeX, LibreOffice, Chromium, pandoc and
Typst from texts we know, with truth written from the sources (see README.md).

    .venv/bin/python corpus/devset/build.py --out /work/devset          # everything
    .venv/bin/python corpus/devset/build.py --out /work/devset --only NAME
    .venv/bin/python corpus/devset/build.py --list

Writes OUT/NAME.pdf, OUT/truth/NAME.json and OUT/MANIFEST.tsv. A document whose producer is
not installed is skipped with a message (nothing half-written); a truth item the PDF does not
show stops that document with an error naming it.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "typeset"))

from docmodel import (Doc, EndnotesSection, Heading, Items, Note, PageBreak, Para,  # noqa: E402
                      TruthError, all_notes, locate, number_notes, truth_json)
import texts  # noqa: E402
from texts import NOTES_EN, NOTES_ZH, TITLES, bible_paragraphs, tech_blocks, with_notes  # noqa: E402

ZH_DIGITS = "零一二三四五六七八九十"


def zh_num(n: int) -> str:
    if n <= 10:
        return ZH_DIGITS[n]
    if n < 20:
        return "十" + (ZH_DIGITS[n - 10] if n > 10 else "")
    return ZH_DIGITS[n // 10] + "十" + (ZH_DIGITS[n % 10] if n % 10 else "")


def roman(n: int) -> str:
    return ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"][n]


# heading number as printed, from the level and the counters of the levels above
SCHEMES: dict[str, Callable[[int, list[int]], str]] = {
    "arabic": lambda lv, c: ".".join(map(str, c[:lv])),
    "arabic-dot": lambda lv, c: ".".join(map(str, c[:lv])) + ("." if lv == 1 else ""),
    "arabic-dots": lambda lv, c: ".".join(map(str, c[:lv])) + ".",
    "revtex": lambda lv, c: f"{roman(c[0])}." if lv == 1 else f"{'ABCDEFGHIJ'[c[1] - 1]}.",
    "roman-alpha": lambda lv, c: f"{roman(c[0])}." + ("" if lv == 1 else f"{'ABCDEFGHIJ'[c[1] - 1]}."),
    "zh": lambda lv, c: f"{zh_num(c[0])}、" if lv == 1 else f"（{zh_num(c[1])}）",
    "zh-arabic": lambda lv, c: f"{c[0]}、" if lv == 1 else f"（{c[1]}）",
    "chapter-en": lambda lv, c: f"Chapter {c[0]}" if lv == 1 else ".".join(map(str, c[:lv])),
    "chapter-zh": lambda lv, c: f"第{zh_num(c[0])}章" if lv == 1 else ".".join(map(str, c[:lv])),
    "none": lambda lv, c: "",
}


def numbered(blocks: list, scheme: str) -> list:
    """Set each heading's printed number by the scheme (endnote headings stay unnumbered)."""
    c = [0, 0, 0]
    for b in blocks:
        if isinstance(b, Heading) and b.number != "-":
            c[b.level - 1] += 1
            for k in range(b.level, 3):
                c[k] = 0
            b.number = SCHEMES[scheme](b.level, c)
        elif isinstance(b, Heading):
            b.number = ""
    return blocks


# ------------------------------------------------------------------------- documents
def bible_doc(name: str, lang: str, chapters: list[tuple[str, int]], scheme: str, *,
              note_every: int = 2, note_kind: str = "foot", verses: int | None = 30,
              per: int = 5, endnotes_title: str = "", extra: list | None = None,
              long_titles: bool = False, title: str = "", reset_at_level: int | None = None,
              lists: bool = True) -> Doc:
    zh = lang == "zh"
    notes = NOTES_ZH if zh else NOTES_EN
    blocks: list = []
    k = 0
    for book, ch in chapters:
        en_t, zh_t = TITLES[(book, ch)]
        t = zh_t if zh else en_t
        if long_titles:
            t = (t + "：经文与注释，附本章要点和相关背景的简要说明") if zh else \
                (t + ": The Text of the Chapter with Notes on Its Background and Reading")
        blocks.append(Heading(1, "", t))
        paras = bible_paragraphs(lang, book, ch, per=per, verses=verses)
        half = (len(paras) + 1) // 2
        for part, chunk in enumerate((paras[:half], paras[half:])):
            if not chunk:
                continue
            first = 1 + part * half * per
            last = min(first + len(chunk) * per - 1, len(texts.bible_verses(lang, book, ch))
                       if verses is None else min(verses, len(texts.bible_verses(lang, book, ch))))
            blocks.append(Heading(2, "", f"第{first}–{last}节" if zh else f"Verses {first}–{last}"))
            for p in chunk:
                k += 1
                blocks.append(Para(with_notes(p, notes, note_every, k, note_kind, lang)))
        if lists and ch % 2 == 1:
            blocks.append(Items(
                [["本章人物：按出现先后排列。"], ["本章地名：见书末附图。"], ["本章要点：见上文各段。"]] if zh else
                [["Persons of the chapter, in order of appearance."],
                 ["Places of the chapter, shown on the map at the end."],
                 ["The main points, as summarised in the paragraphs above."]], ordered=ch % 4 == 1))
    blocks += list(extra or [])
    if endnotes_title:
        blocks.append(EndnotesSection(endnotes_title))
    d = Doc(name, lang, title or ("创世记与出埃及记选读" if zh else "Readings from Genesis and Exodus"),
            numbered(blocks, scheme), author="" if zh else "King James Version (public domain)")
    number_notes(d, reset_at_level=reset_at_level)
    return d


TECH_NOTES = ["Measured at 25 °C and normal pressure.", "The manufacturer gives 5% for this range.",
              "A certified solution from the same batch was used throughout.",
              "The logger sampled at 10 Hz.", "Values rounded to three decimals.",
              "The same topology was used in all simulations."]


def tech_doc(name: str, scheme: str, *, note_kind: str = "foot", endnotes_title: str = "",
             long_titles: bool = True, filler: int = 2) -> Doc:
    tb = tech_blocks()
    secs = [("Introduction", [tb[0]]), ("Materials and Methods", [tb[1], tb[2]]),
            ("Calibration of the Instrument over a Long-Term Run" if long_titles else "Calibration",
             [tb[3]]),
            ("Results", [tb[4], tb[5]]), ("Spectra", [tb[6]])]
    blocks: list = []
    n = 0
    filler_paras = bible_paragraphs("en", "Gen", 1, per=4) + bible_paragraphs("en", "Gen", 2, per=4)
    for i, (title, content) in enumerate(secs):
        blocks.append(Heading(1, "", title))
        for b in content:
            if isinstance(b, Para):  # a note after the first sentence that ends in a text run
                n += 1
                runs = list(b.runs)
                for k, r in enumerate(runs):
                    j = r.find(". ") if isinstance(r, str) else -1
                    if j > 0:
                        runs[k:k + 1] = [r[:j + 1], Note(TECH_NOTES[n % len(TECH_NOTES)], kind=note_kind),
                                         r[j + 1:]]
                        break
                else:
                    runs.append(Note(TECH_NOTES[n % len(TECH_NOTES)], kind=note_kind))
                b = Para(runs)
            blocks.append(b)
        if i in (1, 3):
            blocks.append(Heading(2, "", "Worked Example" if i == 1 else "Sample Text for Layout"))
        for p in filler_paras[i * filler:(i + 1) * filler]:
            n += 1
            blocks.append(Para(with_notes(p, TECH_NOTES, 2, n, note_kind, "en")))
    if endnotes_title:
        blocks.append(EndnotesSection(endnotes_title))
    d = Doc(name, "en", "Notes on Measurement and Networks", numbered(blocks, scheme),
            author="pariter dev set")
    number_notes(d)
    return d


def wic_doc(name: str, scheme: str, openers: tuple[str, ...], *, note_kind: str = "foot",
            endnotes_title: str = "", max_paras: int = 99) -> Doc:
    """Sections of the published WIC report with its real footnotes (renumbered 1, 2, ...
    as the producer numbers them)."""
    import build_alt

    src = build_alt.report_doc().blocks
    blocks, on, kept = [], False, 0
    for b in src:
        if isinstance(b, Heading) and b.level == 1:
            on = b.number in openers
            kept = 0
            if on:
                blocks.append(Heading(1, "", b.text))
            continue
        if not on or isinstance(b, tuple) or (isinstance(b, Para) and b.role == "meta"):
            continue
        if isinstance(b, Heading):
            blocks.append(Heading(2, "", b.text))
        elif isinstance(b, Para) and kept < max_paras:
            kept += 1
            runs = []
            for r in b.runs:
                if isinstance(r, Note):
                    r = Note(r.text, kind=note_kind)
                runs.append(r)
            blocks.append(Para(runs, role="body" if b.role != "clause" else "body"))
    if endnotes_title:
        blocks.append(EndnotesSection(endnotes_title))
    d = Doc(name, "zh", "发展负责任的生成式人工智能研究报告（节选）", numbered(blocks, scheme),
            author="世界互联网大会人工智能工作组")
    number_notes(d)
    return d


# ------------------------------------------------------------------------- producers
@dataclass
class Spec:
    name: str
    producer: str
    exercises: str
    make_doc: Callable[[], Doc]
    render: Callable[[Doc, Path], str]  # writes the PDF, returns the producer's name/version
    notes: tuple[str, ...] = ()
    # heading levels the template sets in capitals that the glyphs carry (Chromium draws CSS
    # small caps as capital glyphs; pypdfium2 reads the tagged ActualText, mixed case)
    upper_levels: tuple[int, ...] = ()


def latex(**kw):
    def run(doc: Doc, out: Path) -> str:
        from render_latex import LatexStyle, compile_latex, to_latex
        st = LatexStyle(**kw)
        compile_latex(to_latex(doc, st), out, st.engine)
        return f"{st.engine} {st.cls}" + (" +hyperref" if st.hyperref else "")
    return run


def odt(tagged=False, **kw):
    def run(doc: Doc, out: Path) -> str:
        from render_odt import OdtStyle, lo_version, to_pdf, write_odt
        with tempfile.TemporaryDirectory() as tmp:
            src = write_odt(doc, OdtStyle(**kw), Path(tmp) / f"{doc.name}.odt")
            to_pdf(src, out, tagged=tagged)
        return lo_version() + (" tagged" if tagged else "")
    return run


def html(**kw):
    def run(doc: Doc, out: Path) -> str:
        from render_html import HtmlStyle, to_html, to_pdf
        st = HtmlStyle(**kw)
        to_pdf(to_html(doc, st), out, st)
        return "Chromium" + (" paged" if st.paged else "") + (" tagged" if st.tagged else "")
    return run


def typst(setup: str):
    def run(doc: Doc, out: Path) -> str:
        from render_other import TypstStyle, to_typst, typst_pdf
        typst_pdf(to_typst(doc, TypstStyle(setup)), out)
        return "Typst"
    return run


def pandoc_latex(engine: str, meta: dict):
    def run(doc: Doc, out: Path) -> str:
        from render_other import pandoc, to_markdown
        pandoc(to_markdown(doc, meta), out, [f"--pdf-engine={engine}"])
        return f"pandoc → {engine}"
    return run


def pandoc_docx(tagged=False, fmt: str = "docx"):
    """pandoc Markdown → DOCX (or ODT: ``fmt="odt"``, pandoc's own ODT styles) → LibreOffice."""
    def run(doc: Doc, out: Path) -> str:
        from render_odt import lo_version, to_pdf
        from render_other import pandoc, to_markdown
        with tempfile.TemporaryDirectory() as tmp:
            office = pandoc(to_markdown(doc, {}), Path(tmp) / f"{doc.name}.{fmt}", [])
            to_pdf(office, out, tagged=tagged)
        return f"pandoc → {fmt.upper()} → " + lo_version()
    return run


FANCY_EN = [r"\usepackage{fancyhdr}", r"\usepackage{lastpage}", r"\pagestyle{fancy}", r"\fancyhf{}",
            r"\fancyhead[L]{\small\leftmark}", r"\fancyfoot[C]{Page \thepage\ of \pageref{LastPage}}"]
FANCY_ZH = [r"\usepackage{fancyhdr}", r"\usepackage{lastpage}", r"\pagestyle{fancy}", r"\fancyhf{}",
            r"\fancyhead[C]{\small\leftmark}", r"\fancyfoot[C]{第 \thepage\ 页 共 \pageref{LastPage} 页}"]
NOTO_ZH = [r"\setCJKmainfont[BoldFont={Noto Sans CJK SC Bold}]{Noto Serif CJK SC}",
           r"\setCJKsansfont{Noto Sans CJK SC}"]
from render_odt import HeadingLook  # noqa: E402

EN_BIB = [("Gen", 1), ("Gen", 2), ("Gen", 3)]
ZH_BIB = [("Gen", 1), ("Gen", 2), ("Gen", 3)]

SPECS: list[Spec] = [
    # ---------------------------------------------------------------- LaTeX
    Spec("en-latex-article-hyperref", "pdfLaTeX article + hyperref",
         "numbered sections 1 / 1.1, footnotes, lists, hyphenated justified text, outline and link annotations",
         lambda: bible_doc("en-latex-article-hyperref", "en", EN_BIB, "arabic"),
         latex(options="11pt,a4paper", hyperref=True)),
    Spec("en-latex-report-fancyhdr", "pdfLaTeX report",
         "'Chapter N' + title on two lines, footnotes restarting per chapter, running header with the chapter title (caps), 'Page N of M', no hyperref",
         lambda: bible_doc("en-latex-report-fancyhdr", "en", [("Exo", 1), ("Exo", 2), ("Exo", 3)], "chapter-en",
                           reset_at_level=1),
         latex(cls="report", options="11pt,a4paper", hyperref=False, preamble=FANCY_EN,
               section_cmds={1: "chapter", 2: "section", 3: "subsection"})),
    Spec("en-latex-twocolumn-smallcaps", "pdfLaTeX article twocolumn + hyperref",
         "two columns, section headings in small caps SMALLER than the body, two-line headings, notes in either column, exponents/subscripts/R² not markers, numbered list",
         lambda: tech_doc("en-latex-twocolumn-smallcaps", "arabic-dots"),
         latex(options="10pt,a4paper,twocolumn", hyperref=True, preamble=[
             r"\usepackage{titlesec}", r"\titleformat{\section}{\small\scshape\centering}{\thesection.}{0.5em}{}",
             r"\titleformat{\subsection}{\small\itshape}{\thesubsection.}{0.5em}{}"])),
    Spec("en-revtex-aps", "pdfLaTeX REVTeX 4.2 (aps, twocolumn)",
         "REVTeX: 'I. INTRODUCTION' all-caps headings smaller than body, 'A.' subsections, footnotes at column bottoms (nofootinbib), hyperref",
         lambda: bible_doc("en-revtex-aps", "en", [("Gen", 6), ("Gen", 7), ("Gen", 8)], "revtex"),
         latex(cls="revtex4-2", options="aps,twocolumn,nofootinbib,superscriptaddress", hyperref=True)),
    Spec("en-latex-multicol3-endnotes", "pdfLaTeX article + multicol(3) + endnotes",
         "three columns, bold headings at BODY size, ragged right, endnotes in a 'Notes' section, no hyperref",
         lambda: bible_doc("en-latex-multicol3-endnotes", "en", [("Gen", 11), ("Gen", 12), ("Gen", 13)], "arabic",
                           note_kind="end", endnotes_title="Notes"),
         latex(options="10pt,a4paper", hyperref=False, multicols=3, preamble=[
             r"\usepackage[margin=1.8cm]{geometry}", r"\usepackage{titlesec}", r"\usepackage{ragged2e}",
             r"\titleformat{\section}{\normalsize\bfseries}{\thesection}{0.6em}{}",
             r"\titleformat{\subsection}{\normalsize\itshape}{\thesubsection}{0.6em}{}",
             r"\AtBeginDocument{\RaggedRight}"])),
    Spec("zh-ctexart-hyperref", "XeLaTeX ctexart + hyperref",
         "Chinese report text with its real footnotes, 一、/（一） headings, outline",
         lambda: wic_doc("zh-ctexart-hyperref", "zh", ("02", "03")),
         latex(engine="xelatex", cls="ctexart", options="UTF8,zihao=-4,a4paper", hyperref=True, preamble=[
             r"\ctexset{section={name={,、},number=\chinese{section},aftername={},format=\Large\bfseries\raggedright},"
             r"subsection={name={（,）},number=\chinese{subsection},aftername={},format=\large\bfseries\raggedright}}"])),
    Spec("zh-ctexrep-fancyhdr", "XeLaTeX ctexrep",
         "第一章 chapters, 1.1 sections, footnotes restarting per chapter, header with the chapter title, '第 N 页 共 M 页', no hyperref",
         lambda: bible_doc("zh-ctexrep-fancyhdr", "zh", ZH_BIB, "chapter-zh", reset_at_level=1),
         latex(engine="xelatex", cls="ctexrep", options="UTF8,zihao=-4,a4paper", hyperref=False,
               preamble=FANCY_ZH + [r"\ctexset{chapter={name={第,章},number=\chinese{chapter},aftername={\quad}}}"],
               section_cmds={1: "chapter", 2: "section", 3: "subsection"})),
    Spec("zh-ctexart-twocolumn-bodysize", "XeLaTeX ctexart twocolumn (Noto CJK)",
         "two columns, Chinese '1、' and '（1）' headings in bold at BODY size, footnotes in columns, bullets and numbered items",
         lambda: bible_doc("zh-ctexart-twocolumn-bodysize", "zh", [("Exo", 14), ("Exo", 16)], "zh-arabic"),
         latex(engine="xelatex", cls="ctexart", options="UTF8,fontset=none,twocolumn,a4paper", hyperref=False,
               preamble=NOTO_ZH + [
                   r"\ctexset{section={name={,、},number=\arabic{section},aftername={},format=\normalsize\bfseries\raggedright,beforeskip=1ex,afterskip=0.5ex},"
                   r"subsection={name={（,）},number=\arabic{subsection},aftername={},format=\normalsize\bfseries\raggedright,beforeskip=1ex,afterskip=0.5ex}}"])),
    # ---------------------------------------------------------------- pandoc
    Spec("en-pandoc-latex", "pandoc → pdfLaTeX (pandoc template)",
         "pandoc's LaTeX template (hyperref), literal numbers '1.', footnotes, R² table, sub/superscripts, lists",
         lambda: tech_doc("en-pandoc-latex", "arabic-dot", long_titles=False),
         pandoc_latex("pdflatex", {"geometry": "margin=2.5cm", "fontsize": "11pt",
                                   "header-includes": "'\\DeclareUnicodeCharacter{2212}{\\ensuremath{-}}'"})),
    Spec("zh-pandoc-xelatex", "pandoc → XeLaTeX (pandoc template)",
         "Chinese through pandoc's template, 一、/（一） headings, footnotes",
         lambda: bible_doc("zh-pandoc-xelatex", "zh", [("Gen", 22), ("Gen", 37)], "zh"),
         pandoc_latex("xelatex", {"CJKmainfont": "Noto Serif CJK SC", "mainfont": "Liberation Serif",
                                  "geometry": "margin=2.5cm"})),
    Spec("en-pandoc-docx-libreoffice", "pandoc → DOCX → LibreOffice",
         "Word styles from pandoc's reference DOCX (Heading 1/2), real DOCX footnotes, numbered '1.'/'1.1' headings, lists",
         lambda: bible_doc("en-pandoc-docx-libreoffice", "en", [("Exo", 14), ("Exo", 16), ("Exo", 20)], "arabic-dot"),
         pandoc_docx()),
    Spec("zh-pandoc-docx-libreoffice", "pandoc → DOCX → LibreOffice",
         "Chinese report text with real footnotes in a DOCX, 一、/（一） headings",
         lambda: wic_doc("zh-pandoc-docx-libreoffice", "zh", ("04",)),
         pandoc_docx(tagged=True)),
    # ---------------------------------------------------------------- LibreOffice ODT
    Spec("en-odt-wordlike", "LibreOffice (ODT, tagged)",
         "Word-like: bold headings at BODY size '1.'/'1.1', justified 1.5 spacing no indent, footnotes, lists, table with R², header with the chapter title, 'Page N of M', tagged PDF",
         lambda: tech_doc("en-odt-wordlike", "arabic-dot"),
         odt(tagged=True, size=11, line_height="150%", header="chapter", footer="page-of",
             headings={1: HeadingLook(11), 2: HeadingLook(11, italic=True)}, hyphenate=True)),
    Spec("zh-odt-bodysize-endnotes", "LibreOffice (ODT)",
         "Chinese 一、/（一） headings bold at BODY size, footnotes AND endnotes (labels i, ii), justified 1.5 spacing, no indent",
         lambda: _mixed_notes(bible_doc("zh-odt-bodysize-endnotes", "zh", [("Gen", 6), ("Gen", 7), ("Gen", 9)], "zh",
                                        endnotes_title="尾注")),
         odt(size=10.5, font_asian="Noto Serif CJK SC", line_height="150%", footer="page", lang="zh",
             country="CN", endnote_format="i",
             headings={1: HeadingLook(10.5, font_asian="Noto Sans CJK SC"),
                       2: HeadingLook(10.5, font_asian="Noto Sans CJK SC")})),
    Spec("zh-odt-chapter-2col", "LibreOffice (ODT, tagged)",
         "第一章 chapters on new pages, two columns, header with the chapter title, '第 N 页 共 M 页', footnotes, tagged PDF",
         lambda: bible_doc("zh-odt-chapter-2col", "zh", [("Exo", 1), ("Exo", 2), ("Exo", 3)], "chapter-zh"),
         odt(tagged=True, size=10.5, font_asian="Noto Serif CJK SC", line_height="130%", columns=2,
             header="chapter", footer="zh-page-of", lang="zh", country="CN", page=("18.2cm", "25.7cm"),
             headings={1: HeadingLook(16, font_asian="Noto Sans CJK SC", page_break=True),
                       2: HeadingLook(12, font_asian="Noto Sans CJK SC")})),
    Spec("en-odt-ragged-caps-endnotes", "LibreOffice (ODT)",
         "ragged right, ALL-CAPS headings SMALLER than the body, endnotes (Notes), bullets, US Letter",
         lambda: bible_doc("en-odt-ragged-caps-endnotes", "en", [("Gen", 37), ("Exo", 2)], "arabic",
                           note_kind="end", endnotes_title="Notes", verses=24),
         odt(size=11.5, align="start", line_height="120%", indent="0.6cm", page=("21.59cm", "27.94cm"),
             footer="page", headings={1: HeadingLook(9.5, caps=True, above="0.5cm"),
                                      2: HeadingLook(9.5, caps=True, bold=False)})),
    # ---------------------------------------------------------------- Chromium
    Spec("en-html-flow-endnotes", "Chromium (HTML, outline, tagged)",
         "headings in small caps SMALLER than the body, hyphenated justified text, endnotes in a Notes section, table with R², sub/superscripts, outline + tags",
         lambda: tech_doc("en-html-flow-endnotes", "arabic-dot", note_kind="end", endnotes_title="Notes"),
         html(css="h2 { font-variant: small-caps; font-size: 10pt; font-weight: normal; letter-spacing: .05em; } "
                  "h3 { font-size: 10.5pt; font-style: italic; font-weight: normal; }"),
         notes=("Level-1 headings are CSS small caps, which Chromium draws with capital glyphs (the glyphs' "
                "ToUnicode gives 'INTRODUCTION'; the tagged ActualText gives 'Introduction'): the truth "
                "records the capitals the glyphs carry.",), upper_levels=(1,)),
    Spec("zh-html-flow-endnotes", "Chromium (HTML, no tags)",
         "Chinese report text, '1、'/'（1）' headings bold at BODY size, endnotes in a 注释 section, ragged right, no tagging",
         lambda: wic_doc("zh-html-flow-endnotes", "zh-arabic", ("03",), note_kind="end", endnotes_title="注释"),
         html(lang="zh", font="'Noto Sans CJK SC', sans-serif", size="10.5pt", align="left", line_height="1.7",
              tagged=False, css="h2, h3 { font-size: 10.5pt; font-weight: bold; margin: .8em 0 .3em; }")),
    Spec("en-html-paged-3col", "Chromium (HTML paged, 3 columns)",
         "three columns with each note at the bottom of the column of its callout (left, middle or right), ALL-CAPS headings",
         lambda: bible_doc("en-html-paged-3col", "en", [("Gen", 1), ("Gen", 2)], "arabic", per=3, lists=False),
         html(paged=True, columns=3, size="9pt", col_chars=2300, line_height="1.3",
              css="h2 { font-size: 9pt; text-transform: uppercase; letter-spacing: .04em; } h3 { font-size: 9pt; }")),
    Spec("zh-html-paged-2col", "Chromium (HTML paged, 2 columns)",
         "two columns with notes at the bottom of each column, '一、'/'（一）' headings, tagged",
         lambda: bible_doc("zh-html-paged-2col", "zh", [("Exo", 5), ("Exo", 7)], "zh", per=3, lists=False),
         html(paged=True, columns=2, lang="zh", font="'Noto Serif CJK SC', serif", size="10pt", col_chars=1500,
              line_height="1.6", css="h2 { font-size: 13pt; } h3 { font-size: 11pt; }"),
         notes=("Tagged: the en dash of '第1–12节' is U+2013 in the ActualText (what pypdfium2 reads, and the "
                "source) but U+2012 in the Noto CJK glyph's ToUnicode (what pdfplumber reads).",)),
    # ---------------------------------------------------------------- Typst
    Spec("en-typst-2col-smallcaps", "Typst (another template)",
         "Typst two columns, small-caps headings at body size, hyphenated justified text, footnotes",
         lambda: bible_doc("en-typst-2col-smallcaps", "en", [("Gen", 12), ("Gen", 13), ("Gen", 15)], "arabic-dot"),
         typst('#set page(paper: "us-letter", margin: (x: 1.8cm, y: 2.2cm), columns: 2, numbering: "1")\n'
               '#set text(font: "Linux Libertine O", size: 10pt, lang: "en", hyphenate: true)\n'
               '#set par(justify: true, leading: 0.55em)\n'
               '#show heading: it => block(above: 1.1em, below: 0.6em, smallcaps(text(size: 10pt, weight: "regular", it.body)))\n')),
    Spec("zh-typst-bodysize", "Typst (another template)",
         "Chinese report text with real footnotes in Noto Sans CJK, （一） headings bold at body size, no indent",
         lambda: wic_doc("zh-typst-bodysize", "zh", ("05",), max_paras=12),
         typst('#set page(paper: "a5", margin: (x: 1.6cm, y: 1.8cm), numbering: "1")\n'
               '#set text(font: ("Liberation Serif", "Noto Sans CJK SC"), size: 9.5pt, lang: "zh")\n'
               '#set par(justify: true, leading: 0.9em, spacing: 1.1em)\n'
               '#show heading: it => block(above: 1.2em, below: 0.7em, text(size: 9.5pt, weight: "bold", it.body))\n')),
]


def _mixed_notes(d: Doc) -> Doc:
    """Every third note becomes an endnote: a document with footnotes (1, 2 …) and endnotes
    (i, ii …) at once, as Word users make them."""
    from docmodel import runs_of

    k = 0
    for b in d.blocks:
        for runs in runs_of(b):
            for r in runs:
                if isinstance(r, Note):
                    k += 1
                    r.kind = "end" if k % 3 == 0 else "foot"
                    r.label = ""
    number_notes(d)
    romans = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"]
    for n in all_notes(d):
        if n.kind == "end":
            n.label = romans[int(n.label) - 1]
    return d


def build(spec: Spec, out: Path) -> dict:
    doc = spec.make_doc()
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / f"{spec.name}.pdf"
        producer = spec.render(doc, pdf)
        found = locate(doc, pdf)
        for h in found["headings"]:
            if h["level"] in spec.upper_levels:
                h["text"] = h["text"].upper()
        truth = truth_json(doc, found, pdf.name, producer, [
            f"Dev-set document made by corpus/devset/build.py ({spec.producer}); truth from the source, "
            "pages from searching the PDF text layer (pypdfium2).",
            "Exercises: " + spec.exercises, *spec.notes])
        (out / "truth").mkdir(parents=True, exist_ok=True)
        tj = out / "truth" / f"{spec.name}.json"
        tj.write_text(json.dumps(truth, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        os.replace(pdf, out / pdf.name) if os.stat(tmp).st_dev == os.stat(out).st_dev else \
            (out / pdf.name).write_bytes(pdf.read_bytes())
    return truth


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, help="default /work/devset (set 1), /work/devset2 (set 2), "
                                              "/work/devset3 (set 3), /work/devset4 (set 4), /work/devset5 (set 5)")
    ap.add_argument("--set", choices=("1", "2", "3", "4", "5"), default="1",
                    help="1: the first dev set; 2: the set of specs2.py; 3: the footnote and callout set "
                         "of specs3.py; 4: the held-out set of specs4.py (new texts and templates; nobody "
                         "tunes on it); 5: the notes set of specs5.py (label styles, separators, "
                         "endnotes; tunable)")
    ap.add_argument("--only", action="append")
    ap.add_argument("--list", action="store_true")
    a = ap.parse_args(argv)
    specs = SPECS
    if a.set == "2":
        sys.modules.setdefault("devset_build", sys.modules[__name__])
        import specs2
        specs = specs2.specs()
    elif a.set in ("3", "4", "5"):
        sys.modules.setdefault("devset_build", sys.modules[__name__])
        specs = __import__(f"specs{a.set}").specs()
    a.out = a.out or Path({"1": "/work/devset", "2": "/work/devset2", "3": "/work/devset3",
                           "4": "/work/devset4", "5": "/work/devset5"}[a.set])
    if a.list:
        for s in specs:
            print(f"{s.name:<36} {s.producer:<40} {s.exercises}")
        return 0
    a.out.mkdir(parents=True, exist_ok=True)
    rows, failed = [], 0
    for s in specs:
        if a.only and s.name not in a.only:
            continue
        try:
            t = build(s, a.out)
        except (TruthError, RuntimeError, ValueError) as e:
            print(f"{s.name}: FAILED: {e}", file=sys.stderr)
            failed += 1
            continue
        c = t["counts"]
        print(f"{s.name}: {t['pages']} pp, {c['headings']} headings, {c['footnotes']} footnotes, "
              f"{c['markers']} markers, {c['endnotes']} endnotes, {c['non_markers']} non-markers "
              f"[{t['producer']}]")
        rows.append((s, t))
    if not a.only:
        with open(a.out / "MANIFEST.tsv", "w", encoding="utf-8") as fh:
            fh.write("file\tproducer\tlang\tpages\theadings\tfootnotes\tmarkers\tendnotes\tnon_markers\texercises\n")
            for s, t in rows:
                c = t["counts"]
                fh.write(f"{s.name}.pdf\t{t['producer']}\t{t['lang']}\t{t['pages']}\t{c['headings']}\t"
                         f"{c['footnotes']}\t{c['markers']}\t{c['endnotes']}\t{c['non_markers']}\t{s.exercises}\n")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
