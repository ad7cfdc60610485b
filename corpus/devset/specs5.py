"""The fifth dev set (devset5): notes, tunable — where a user's footnotes and endnotes come from.

Built by ``build.py --set 5`` (``make devset5``) into /work/devset5 with the same truth format
and scorer as the other sets. devset4 (held out) showed that note and marker fixes made on
devsets 1–3 carry over only in part; this set is where the note rules are studied and tuned,
so devset4 can stay an honest test. Every document has footnotes or endnotes, and raised or
lowered figures that are NOT callouts (km², 10⁻³, CO₂, R², a table's superscript ᵃ).

- label styles in the note area: raised, set on the line ('1.', '1 ', '[1]', '①'), symbols,
  roman numerals (Typst 'i'), Chinese 〔1〕 printed as the author's own marks (Word/WPS custom
  marks), [1] callouts with a 注释/Notes list ('[1] …'), circled endnotes;
- separators: LibreOffice's default quarter rule, no rule, a rule across the text; Typst with
  none and with a full rule; Chromium columns with and without a rule;
- numbering that restarts per page (LibreOffice roman, footmisc perpage in two columns) and
  per chapter (memoir); notes long enough to continue on the next page, in one and two columns;
- producers: LibreOffice (Caladea, Bitstream Charter, DejaVu Serif, AR PL 宋/楷 fonts),
  pandoc → DOCX (a user's reference with a Footnote Text style) and → ODT → LibreOffice,
  groff -ms (FF 3: labels on the line, hanging) and -me in two columns, Chromium (paged one and
  two columns with labels on the line, flowing endnotes with [1] callouts), Typst ('i', '[1]'),
  XeLaTeX memoir (labels on the line, per chapter), pdfLaTeX footmisc hang without a rule,
  XeLaTeX ctexart with endnotes in ① and footnotes labelled [1] on the line.

Texts: Bible chapters and the notes of devset3 (texts.py, specs3.py) and the notes and
measurement paragraphs of texts5.py; none of devset4's (texts4.py). Templates differ from
devset4's (fonts, page sizes, label styles). Labels: the truth's label is what counts the note
— ``1`` for a note printed ``[1]``, ``1.`` or ``〔1〕`` (brackets and stops are punctuation,
like the period of a list label), ``①`` for ①, ``ii`` for a roman ii.
"""
from __future__ import annotations

from pathlib import Path

from specs2 import _build_module  # noqa: E402  (build.py, loaded once for every spec list)

B = _build_module()
Spec, html, latex, odt, typst = B.Spec, B.html, B.latex, B.odt, B.typst
pandoc_docx = B.pandoc_docx
from docmodel import Doc, all_notes  # noqa: E402
from render_odt import HeadingLook  # noqa: E402
from specs2 import pandoc_docx_ref  # noqa: E402
from specs3 import CIRCLED, chapters_doc, circled, groff, measures_paras, per_page  # noqa: E402
from specs4 import groff_me, _me_numbers  # noqa: E402
from texts5 import NOTES5_EN, NOTES5_ZH, measures5  # noqa: E402

ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv",
         "xvi", "xvii", "xviii", "xix", "xx", "xxi", "xxii", "xxiii", "xxiv", "xxv"]


def notes_doc(name: str, lang: str, chapters: list, scheme: str, *, measures: bool = True,
              note_kind: str = "foot", **kw) -> Doc:
    """Chapters of the Bible text with a note in every paragraph (devset3's placement: after a
    stop, a quote, a comma, before 。, after 、) from texts5's notes, then (``measures``) the
    survey section whose exponents and indices are not callouts."""
    zh = lang == "zh"
    extra = measures5(lang, note_kind) if measures else []
    return chapters_doc(name, lang, chapters, scheme, notes=NOTES5_ZH if zh else NOTES5_EN,
                        note_kind=note_kind, extra=extra + list(kw.pop("extra", [])), **kw)


def roman_labels(d: Doc, kind: str = "foot") -> Doc:
    """Notes numbered i, ii, iii (Typst's and LibreOffice's 'i' format)."""
    for n in all_notes(d):
        if n.kind == kind:
            n.label = ROMAN[int(n.label) - 1]
    return d


def printed_as(render, fmt):
    """A renderer that prints each footnote's label as ``fmt(label)`` — the author's own marks
    (Word's and LibreOffice's custom marks such as 〔1〕) — while the truth keeps the number."""
    def run(doc: Doc, out: Path) -> str:
        notes = [n for n in all_notes(doc) if n.kind == "foot"]
        counted = [(n.label, n.custom_label) for n in notes]
        for n in notes:
            n.label, n.custom_label = fmt(n.label), True
        try:
            return render(doc, out)
        finally:
            for n, (label, custom) in zip(notes, counted):
                n.label, n.custom_label = label, custom
    return run


SUNG, KAI = "AR PL SungtiL GB", "AR PL KaitiM GB"
ZH_HEI = "Noto Sans CJK SC"
BRACKET_CALLOUTS = "sup.fn a::before { content: '['; } sup.fn a::after { content: ']'; } "
# LaTeX note labels on the line: "1." hanging (article's \@makefntext), "[1]" for Chinese papers
TEX_ONLINE_BRACKET = (r"\makeatletter\renewcommand\@makefnmark{\textsuperscript{\normalfont[\@thefnmark]}}"
                      r"\renewcommand\@makefntext[1]{\parindent 2em\noindent\makebox[2.4em][l]{[\@thefnmark]}#1}"
                      r"\makeatother")
# AR PL's GB2312 set stops at ⑩ and XeLaTeX does not fall back: ⑪ … ⑳ come from a CJK font that
# has them (without it they print nothing, and the text layer holds no label)
TEX_CIRCLED_END = (r'\xeCJKsetcharclass{"2460}{"24FF}{1}\newCJKfontfamily\circledfont{Noto Serif CJK SC}'
                   r"\AtBeginDocument{"
                   r"\renewcommand{\theendnote}{\ifcase\value{endnote}\or ①\or ②\or ③\or ④\or ⑤\or ⑥"
                   r"\or ⑦\or ⑧\or ⑨\or ⑩\or {\circledfont ⑪}\or {\circledfont ⑫}\or {\circledfont ⑬}"
                   r"\or {\circledfont ⑭}\or {\circledfont ⑮}\or {\circledfont ⑯}\or {\circledfont ⑰}"
                   r"\or {\circledfont ⑱}\or {\circledfont ⑲}\or {\circledfont ⑳}\fi}"
                   r"\renewcommand\enoteformat{\rightskip=0pt\leftskip=2em\parindent=-2em"
                   r"\makebox[2em][l]{\theenmark}}}")
# xeCJK sets the en dash in the CJK font, and AR PL's GB2312 set has none: it printed nothing
# ("第114 117页"); the Latin font's \textendash has it
CJK_SUNG = [rf"\setCJKmainfont[BoldFont={{{ZH_HEI} Bold}}]{{{SUNG}}}", rf"\setCJKsansfont{{{ZH_HEI}}}",
            r"\usepackage{newunicodechar}\newunicodechar{–}{\textendash}"]
ZH_SECTIONS = (r"\ctexset{section={name={,、},number=\chinese{section},aftername={}},"
               r"subsection={name={（,）},number=\chinese{subsection},aftername={}}}")

SPECS5: list[Spec] = [
    # ---------------------------------------------------------------- LibreOffice, English
    Spec("en-odt-caladea-online-norule", "LibreOffice (ODT, labels on the line, no rule)",
         "Caladea on A4: footnote labels set ON the line as '1.' in the note area (raised in the text), NO "
         "separator line, notes opening with figures ('1998 edition', '2 vols.'), a long note that continues "
         "on the next page, exponents/indices/R²/table superscript that are not callouts",
         lambda: notes_doc("en-odt-caladea-online-norule", "en", [("Gen", 17), ("Gen", 19)], "arabic-dot",
                           verses=26, lemma=False),
         odt(font="Caladea", size=11, line_height="125%", indent="0.5cm", note_size=9, footnote_rule="",
             note_label_raised=False, note_label_affix=("", ". "),
             headings={1: HeadingLook(14), 2: HeadingLook(12, italic=True)})),
    Spec("en-odt-charter-endnotes-bracket", "LibreOffice (ODT, endnotes labelled [1])",
         "Bitstream Charter on B5: LibreOffice endnotes on their own page after an 'Endnotes' heading, labelled "
         "'[1]' on the line (LibreOffice's Before/After text), raised callouts",
         lambda: notes_doc("en-odt-charter-endnotes-bracket", "en", [("Gen", 21), ("Exo", 4)], "arabic",
                           note_kind="end", endnotes_title="Endnotes", verses=24, lemma=False),
         odt(font="Bitstream Charter", size=10.5, line_height="120%", indent="0.6cm", page=("17.6cm", "25cm"),
             margins=("2cm", "2cm", "2cm", "2cm"), note_label_raised=False, note_label_affix=("[", "] "),
             headings={1: HeadingLook(13), 2: HeadingLook(11, bold=False, italic=True)})),
    Spec("en-odt-dejavu-2col-fullrule", "LibreOffice (ODT, two columns, rule across the text)",
         "DejaVu Serif 9.5 pt in two columns on A4, the notes under both columns below a rule ACROSS the text, "
         "long notes continuing on the next page, a note in every paragraph",
         lambda: notes_doc("en-odt-dejavu-2col-fullrule", "en", [("Gen", 27), ("Exo", 8)], "arabic-dot",
                           verses=30),
         odt(font="DejaVu Serif", size=9.5, line_height="115%", columns=2, footnote_rule="100%", note_size=8,
             margins=("1.8cm", "1.6cm", "1.8cm", "1.6cm"),
             headings={1: HeadingLook(12), 2: HeadingLook(10, italic=True)})),
    Spec("en-odt-roman-perpage", "LibreOffice (ODT, i ii iii restarting per page)",
         "Liberation Serif 12 pt, footnotes numbered i, ii, iii restarting on every page, raised labels, "
         "1.5 spacing, US Letter",
         lambda: notes_doc("en-odt-roman-perpage", "en", [("Gen", 29), ("Num", 11)], "arabic", verses=22),
         per_page(odt(size=12, line_height="150%", indent="1.27cm", para_below="0cm", page=("21.59cm", "27.94cm"),
                      footnote_format="i", footnote_restart="page", note_size=10,
                      headings={1: HeadingLook(12), 2: HeadingLook(12, bold=False, italic=True)}),
                  labels=lambda k: ROMAN[k - 1])),
    # ---------------------------------------------------------------- pandoc, groff, English
    Spec("en-pandoc-docx-footnote-text", "pandoc → DOCX (reference with Footnote Text) → LibreOffice",
         "a user's Word template: Carlito body, Footnote Text style at 8 pt, Word-style footnote references, notes "
         "opening with figures and brackets, exponents and a table superscript",
         lambda: notes_doc("en-pandoc-docx-footnote-text", "en", [("Gen", 35), ("Num", 14)], "arabic-dot",
                           verses=22),
         pandoc_docx_ref({"BodyText": {"font": "Carlito", "size": 22, "jc": "both", "spacing_after": 100},
                          "FirstParagraph": {"font": "Carlito", "size": 22, "jc": "both", "spacing_after": 100},
                          "FootnoteText": {"font": "Carlito", "size": 16},
                          "Heading1": {"font": "Carlito", "size": 28, "bold": True},
                          "Heading2": {"font": "Carlito", "size": 24, "bold": True}}, page=(12240, 15840))),
    Spec("en-pandoc-odt-notes", "pandoc → ODT → LibreOffice",
         "pandoc's ODT writer with its own Footnote style, a note in every paragraph, exponents and R²",
         lambda: notes_doc("en-pandoc-odt-notes", "en", [("Gen", 42), ("Exo", 10)], "arabic-dot", verses=24),
         pandoc_docx(fmt="odt")),
    Spec("en-groff-ms-hanging-labels", "groff -ms (FF 3: labels on the line, hanging)",
         "groff -ms 11 pt with the footnote format FF 3: each note's label set on the line as '1.' with a hanging "
         "indent, block paragraphs, ordinals and exponents next to callouts",
         lambda: notes_doc("en-groff-ms-hanging-labels", "en", [("Gen", 39), ("Exo", 6)], "arabic-dot",
                           measures=False, extra=measures_paras(), verses=24, lemma=False),
         groff(point_size=11, vertical_spacing=13, note_size=9, note_format=3, indent_first=False)),
    Spec("en-groff-me-2col-notes", "groff -me (two columns)",
         "groff -me in two columns ('.2c'): '.sh'-numbered headings, notes at the foot of the column with raised "
         "labels, ordinals and exponents",
         lambda: _me_numbers(notes_doc("en-groff-me-2col-notes", "en", [("Gen", 44), ("Num", 21)], "arabic",
                                       measures=False, extra=measures_paras(), verses=26)),
         groff_me(columns=2)),
    # ---------------------------------------------------------------- Chromium, Typst, English
    Spec("en-html-paged-online-norule", "Chromium (HTML paged, labels on the line, no rule)",
         "pages laid out by the renderer (A5, one column, DejaVu Serif), each note at the page foot WITHOUT a rule, "
         "its label on the line as '1. '",
         lambda: notes_doc("en-html-paged-online-norule", "en", [("Exo", 13), ("Exo", 17)], "arabic", verses=20,
                           per=3, lemma=False),
         html(paged=True, columns=1, font="'DejaVu Serif', serif", size="9.5pt", col_chars=2600, line_height="1.4",
              page_w_mm=148, page_h_mm=210, note_label="{}. ", note_rule=False,
              css="h2 { font-size: 12pt; } h3 { font-size: 10pt; font-style: italic; }")),
    Spec("en-html-endnotes-bracket", "Chromium (HTML, [1] callouts, Notes list '[1] …')",
         "Bitstream Charter, callouts printed '[1]' raised, endnotes in a 'Notes' section as '[1] text', "
         "exponents and a table",
         lambda: notes_doc("en-html-endnotes-bracket", "en", [("Gen", 18), ("Lev", 16)], "arabic-dot",
                           note_kind="end", endnotes_title="Notes", verses=22),
         html(font="'Bitstream Charter', serif", size="10.5pt", line_height="1.45", margin="2.4cm 2.8cm",
              endnote_label="[{}] ", css=BRACKET_CALLOUTS + "h2 { font-size: 13pt; } h3 { font-size: 11pt; }")),
    Spec("en-typst-roman-norule", "Typst (footnote numbering 'i', no separator)",
         "Typst B5 in DejaVu Serif, footnotes numbered i, ii, iii with NO separator line, long notes",
         lambda: roman_labels(notes_doc("en-typst-roman-norule", "en", [("Gen", 31), ("Exo", 18)], "arabic",
                                        verses=22)),
         typst('#set page(paper: "iso-b5", margin: (x: 2cm, y: 2.2cm), numbering: "1")\n'
               '#set text(font: "DejaVu Serif", size: 9.5pt, lang: "en", hyphenate: true)\n'
               '#set par(justify: true, leading: 0.6em)\n'
               '#set footnote(numbering: "i")\n'
               '#set footnote.entry(separator: none, gap: 0.5em)\n'
               '#show heading: it => block(above: 1.2em, below: 0.6em, text(size: 11pt, weight: "bold", it.body))\n')),
    # ---------------------------------------------------------------- LaTeX, English
    Spec("en-xelatex-memoir-online", "XeLaTeX memoir (Noto Serif, labels on the line)",
         "memoir with Noto Serif: 'Chapter N' + title, footnotes restarting per chapter with labels ON the "
         "line ('1.' by \\footmarkstyle), long notes continuing, exponents and a table",
         lambda: notes_doc("en-xelatex-memoir-online", "en", [("Gen", 25), ("Num", 16)], "chapter-en",
                           reset_at_level=1, verses=24, lemma=False),
         latex(engine="xelatex", cls="memoir", options="11pt,a4paper,oneside", hyperref=False,
               preamble=[r"\usepackage{fontspec}", r"\setmainfont{Noto Serif}",
                         r"\footmarkstyle{#1.\ }", r"\setlength{\footmarkwidth}{1.6em}", r"\pagestyle{plain}"],
               section_cmds={1: "chapter", 2: "section", 3: "subsection"})),
    Spec("en-latex-footmisc-hang-norule", "pdfLaTeX article + footmisc[hang] (Times, no rule)",
         "Times (mathptmx) 12 pt on US Letter, footmisc 'hang' (raised labels in a hanging margin), NO separator "
         "rule, hyperref links, exponents/indices and a table superscript",
         lambda: notes_doc("en-latex-footmisc-hang-norule", "en", [("Gen", 47), ("Num", 27)], "arabic",
                           verses=22),
         latex(options="12pt,letterpaper", hyperref=True,
               preamble=[r"\usepackage{mathptmx}", r"\usepackage[hang]{footmisc}",
                         r"\renewcommand{\footnoterule}{}", r"\usepackage[margin=1in]{geometry}"])),
]

SPECS5 += [
    # ---------------------------------------------------------------- LibreOffice, Chinese
    Spec("zh-odt-sung-circled-online", "LibreOffice (ODT, ① on the line, no rule)",
         "文鼎简报宋 body, footnotes numbered ①②③ (LibreOffice's circled format) with labels ON the line in the "
         "note area, NO separator line, notes opening with figures, a long note, exponents/indices/R²/table ᵃ",
         lambda: circled(notes_doc("zh-odt-sung-circled-online", "zh", [("Gen", 17), ("Gen", 21)], "zh",
                                   verses=24, lemma=False)),
         odt(size=10.5, font_asian=SUNG, line_height="140%", indent="0.74cm", lang="zh", country="CN",
             footnote_format="①, ②, ③, ...", note_label_raised=False, footnote_rule="", note_size=9,
             headings={1: HeadingLook(14, font_asian=ZH_HEI), 2: HeadingLook(12, font_asian=ZH_HEI)})),
    Spec("zh-odt-custom-bracket-marks", "LibreOffice (ODT, the author's marks 〔1〕)",
         "Chinese report as Word/WPS users set it with their own marks: every callout and note label printed "
         "〔1〕〔2〕 (custom marks, raised), 1.5 spacing, 16K page",
         lambda: notes_doc("zh-odt-custom-bracket-marks", "zh", [("Gen", 29), ("Exo", 13)], "zh-arabic", verses=22),
         printed_as(odt(size=11, font_asian=SUNG, line_height="150%", indent="0.8cm", lang="zh", country="CN",
                        page=("18.4cm", "26cm"), headings={1: HeadingLook(13, font_asian=ZH_HEI),
                                                         2: HeadingLook(11, font_asian=ZH_HEI)}),
                    lambda k: f"〔{k}〕")),
    Spec("zh-odt-kai-endnotes-weizhu", "LibreOffice (ODT, 尾注 labelled [1])",
         "楷体 body, LibreOffice endnotes after a 尾注 heading, their labels '[1]' on the line, raised callouts, "
         "exponents in the text",
         lambda: notes_doc("zh-odt-kai-endnotes-weizhu", "zh", [("Gen", 35), ("Exo", 17)], "zh", note_kind="end",
                           endnotes_title="尾注", verses=22, lemma=False),
         odt(size=12, font_asian=KAI, line_height="130%", indent="0.85cm", lang="zh", country="CN",
             note_label_raised=False, note_label_affix=("[", "]"),
             headings={1: HeadingLook(14, font_asian=ZH_HEI), 2: HeadingLook(12, font_asian=ZH_HEI)})),
    Spec("zh-odt-2col-continued", "LibreOffice (ODT, two columns, B5)",
         "Chinese in two columns on B5, a note in every paragraph, long notes continuing on the next page, notes "
         "under both columns",
         lambda: notes_doc("zh-odt-2col-continued", "zh", [("Num", 16), ("Exo", 9)], "zh", verses=28),
         odt(size=9.5, font_asian=SUNG, line_height="125%", columns=2, lang="zh", country="CN",
             page=("17.6cm", "25cm"), margins=("1.8cm", "1.5cm", "1.8cm", "1.5cm"), note_size=8,
             headings={1: HeadingLook(12, font_asian=ZH_HEI), 2: HeadingLook(10.5, font_asian=ZH_HEI)})),
    # ---------------------------------------------------------------- pandoc, Chinese
    Spec("zh-pandoc-docx-notes", "pandoc → DOCX (reference with Footnote Text) → LibreOffice",
         "Chinese through a user's Word template: 文鼎简报宋 body, Footnote Text 9 pt, Word-style footnote "
         "references, exponents and a table",
         lambda: notes_doc("zh-pandoc-docx-notes", "zh", [("Gen", 40), ("Num", 21)], "zh", verses=22),
         pandoc_docx_ref({"BodyText": {"font": "Liberation Serif", "font_asian": SUNG, "size": 22, "jc": "both"},
                          "FirstParagraph": {"font": "Liberation Serif", "font_asian": SUNG, "size": 22, "jc": "both"},
                          "FootnoteText": {"font": "Liberation Serif", "font_asian": SUNG, "size": 18},
                          "Heading1": {"font": "Liberation Sans", "font_asian": ZH_HEI, "size": 28, "bold": True},
                          "Heading2": {"font": "Liberation Sans", "font_asian": ZH_HEI, "size": 24, "bold": True}},
                         page=(11906, 16838))),
    Spec("zh-pandoc-odt-notes", "pandoc → ODT → LibreOffice",
         "Chinese through pandoc's ODT writer, a note in every paragraph, callouts after ，。、” and before 。",
         lambda: notes_doc("zh-pandoc-odt-notes", "zh", [("Gen", 42), ("Exo", 10)], "zh", verses=22),
         pandoc_docx(fmt="odt")),
    # ---------------------------------------------------------------- LaTeX, Chinese
    Spec("zh-ctexart-circled-endnotes", "XeLaTeX ctexart + endnotes (① in a 注释 section)",
         "Chinese article with endnotes numbered ①②③ (callouts and the 注释 list), the list's labels on the line, "
         "AR PL 宋 body, exponents and a table",
         lambda: circled(notes_doc("zh-ctexart-circled-endnotes", "zh", [("Gen", 18), ("Num", 27)], "zh",
                                   note_kind="end", endnotes_title="注释", verses=22), kind="end"),
         latex(engine="xelatex", cls="ctexart", options="UTF8,fontset=none,zihao=5,a4paper", hyperref=False,
               endnotes_name="注释", preamble=CJK_SUNG + [ZH_SECTIONS, TEX_CIRCLED_END])),
    Spec("zh-ctexart-bracket-online", "XeLaTeX ctexart (footnotes [1] raised, '[1]' on the line)",
         "Chinese paper style: callouts printed '[1]' raised, each note labelled '[1]' on the line, hyperref links, "
         "AR PL 宋, zihao -4, A4",
         lambda: notes_doc("zh-ctexart-bracket-online", "zh", [("Gen", 44), ("Exo", 4)], "zh", verses=22, lemma=False),
         latex(engine="xelatex", cls="ctexart", options="UTF8,fontset=none,zihao=-4,a4paper", hyperref=True,
               preamble=CJK_SUNG + [ZH_SECTIONS, TEX_ONLINE_BRACKET])),
    Spec("zh-ctexart-2col-perpage", "XeLaTeX ctexart twocolumn + footmisc[perpage]",
         "Chinese in two columns, footnotes 1 2 3 restarting on every page at the foot of either column",
         lambda: notes_doc("zh-ctexart-2col-perpage", "zh", [("Num", 14), ("Gen", 31)], "zh", verses=26),
         per_page(latex(engine="xelatex", cls="ctexart", options="UTF8,fontset=none,zihao=5,a4paper,twocolumn",
                        hyperref=False, preamble=CJK_SUNG + [ZH_SECTIONS, r"\usepackage[perpage]{footmisc}"]))),
    # ---------------------------------------------------------------- Typst, Chromium, Chinese
    Spec("zh-typst-bracket-fullrule", "Typst (footnote numbering '[1]', a rule across the text)",
         "Chinese in Typst: footnotes numbered '[1]' in the text and the note area, a separator rule across the "
         "text, 文鼎简报宋, A4",
         lambda: notes_doc("zh-typst-bracket-fullrule", "zh", [("Exo", 6), ("Gen", 27)], "zh", verses=22),
         typst('#set page(paper: "a4", margin: (x: 2.8cm, y: 2.5cm), numbering: "1")\n'
               f'#set text(font: ("Liberation Serif", "{SUNG}"), size: 11pt, lang: "zh")\n'
               '#set par(justify: true, leading: 0.85em, first-line-indent: 2em)\n'
               '#set footnote(numbering: "[1]")\n'
               '#set footnote.entry(separator: line(length: 100%, stroke: 0.5pt))\n'
               f'#show heading: it => block(above: 1.2em, below: 0.6em, text(font: ("Liberation Sans", "{ZH_HEI}"), '
               'size: 12pt, weight: "bold", it.body))\n')),
    Spec("zh-html-paged-2col-circled", "Chromium (HTML paged, two columns, ① on the line)",
         "Chinese in two columns (楷体), each note at the foot of its callout's column, labelled ① on the line, "
         "no rule, 16K",
         lambda: circled(notes_doc("zh-html-paged-2col-circled", "zh", [("Exo", 18), ("Num", 11)], "zh",
                                   measures=False, verses=20, per=3, lemma=False)),
         html(paged=True, columns=2, lang="zh", font=f"'{KAI}', serif", size="10pt", col_chars=1300,
              line_height="1.6", page_w_mm=184, page_h_mm=260, note_label="{} ", note_rule=False,
              css=f"h2 {{ font-size: 12pt; font-family: '{ZH_HEI}'; }} h3 {{ font-size: 10.5pt; }}")),
    Spec("zh-html-endnotes-zhushi", "Chromium (HTML, [1] callouts, 注释 list '[1] …')",
         "Chinese paper: callouts printed '[1]' raised, a 注释 section listing '[1] …', exponents and a table",
         lambda: notes_doc("zh-html-endnotes-zhushi", "zh", [("Gen", 19), ("Lev", 16)], "zh", note_kind="end",
                           endnotes_title="注释", verses=20),
         html(lang="zh", font=f"'Liberation Serif', '{SUNG}', serif", size="10.5pt", line_height="1.75",
              margin="2.5cm 3cm", endnote_label="[{}] ",
              css=BRACKET_CALLOUTS + f"h2, h3 {{ font-family: '{ZH_HEI}'; }} h2 {{ font-size: 13pt; }} "
                                     "h3 { font-size: 11pt; } p { text-indent: 2em; }")),
]


def specs() -> list[Spec]:
    return SPECS5
