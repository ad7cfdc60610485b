"""A third dev set (devset3): footnotes, endnotes and callouts in the layouts users produce.

Built by ``build.py --set 3`` (``make devset3``) into /work/devset3 with the same truth format
and scorer as the other sets. It is a *diagnostic* set for the note and marker rules: every
document is about how notes are numbered, placed and called, in layouts neither devset has —

- labels: Chinese circled numbers ①②③ (Word/WPS, ctex), numbers restarting on every page
  (LibreOffice, footmisc/perpage) or per chapter (ctexbook, KOMA), symbols * † ‡ restarting per
  page (footmisc ``symbol*``), Typst's own numbering patterns;
- placement: footmisc ``para`` (all notes of a page run into one paragraph), KOMA's
  ``\\deffootnote`` (labels on the line, not raised), notes of several paragraphs, notes long
  enough to continue on the next page, notes at the foot of columns (groff ``.2C``, Typst,
  LaTeX twocolumn) and under three columns (multicol), endnotes (the ``endnotes`` package with
  '1.' labels, pandoc → HTML → Chromium);
- callouts: after CJK punctuation (，。、) and before 。, after closing quotes (” and ."),
  next to superscript ordinals and exponents (1st, m², 10⁻³) that are NOT callouts;
- producers: pdfLaTeX, XeLaTeX (ctex), LuaLaTeX, groff -ms (gropdf), LibreOffice, Chromium
  (pandoc's HTML), Typst.

The texts are other chapters of the Bible text than the two other sets use, and notes written
for this set (with URLs and dates, several paragraphs, long ones).
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

from specs2 import _build_module  # noqa: E402  (build.py, loaded once for every spec list)

B = _build_module()
Spec, html, latex, numbered, odt, typst = B.Spec, B.html, B.latex, B.numbered, B.odt, B.typst
from docmodel import (Doc, EndnotesSection, Heading, Note, Para, Sup, all_notes, locate,  # noqa: E402
                      marks_per_section, number_notes)
from render_odt import HeadingLook  # noqa: E402
from texts import bible_paragraphs  # noqa: E402

CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
TEX_SYMBOLS = ["\u2217", "†", "‡", "§", "¶", "‖", "\u2217\u2217", "††", "‡‡"]  # footmisc symbol*

TITLES3 = {
    ("Gen", 17): ("The Covenant of Circumcision", "立割礼为约"), ("Gen", 18): ("The Three Visitors", "三位访客"),
    ("Gen", 19): ("Sodom and Gomorrah", "所多玛和蛾摩拉"), ("Gen", 21): ("The Birth of Isaac", "以撒出生"),
    ("Gen", 25): ("Esau and Jacob", "以扫和雅各"), ("Gen", 27): ("The Stolen Blessing", "雅各骗取祝福"),
    ("Gen", 29): ("Jacob and Rachel", "雅各与拉结"), ("Gen", 31): ("Jacob Leaves Laban", "雅各离开拉班"),
    ("Gen", 35): ("The Return to Bethel", "回到伯特利"), ("Gen", 39): ("Joseph in Potiphar's House", "约瑟在波提乏家"),
    ("Gen", 40): ("The Two Dreamers", "酒政和膳长的梦"), ("Gen", 42): ("The Brothers in Egypt", "约瑟的哥哥们下埃及"),
    ("Gen", 44): ("The Silver Cup", "银杯"), ("Gen", 47): ("Jacob before Pharaoh", "雅各见法老"),
    ("Exo", 4): ("The Signs Given to Moses", "赐摩西的神迹"), ("Exo", 6): ("The Promise Renewed", "重申应许"),
    ("Exo", 8): ("Frogs, Lice and Flies", "蛙灾、虱灾和蝇灾"), ("Exo", 9): ("The Plague of Hail", "雹灾"),
    ("Exo", 10): ("Locusts and Darkness", "蝗灾和黑暗之灾"), ("Exo", 13): ("The Pillar of Cloud", "云柱"),
    ("Exo", 17): ("Water at Rephidim", "利非订的水"), ("Exo", 18): ("Jethro's Counsel", "叶忒罗的建议"),
    ("Num", 11): ("Quails in the Camp", "降下鹌鹑"), ("Num", 14): ("The People Rebel", "百姓发怨言"),
    ("Num", 16): ("The Rebellion of Korah", "可拉的叛乱"), ("Num", 21): ("The Bronze Serpent", "铜蛇"),
    ("Num", 27): ("The Daughters of Zelophehad", "西罗非哈的女儿"), ("Lev", 16): ("The Day of Atonement", "赎罪日"),
}

# notes written for this set: short glosses, notes with URLs and dates, notes of several
# paragraphs ("\n\n" between them) and long notes that continue on the next page
NOTES3_EN = [
    "Or, a company of peoples.",
    "See https://www.example.org/texts/kjv-1611-notes.html (accessed 15 March 2024).",
    "The older editions read the singular; the reading was changed in the edition of 1769.",
    "A first paragraph of a longer note: the name is explained by a play on words.\n\n"
    "A second paragraph of the same note: compare the earlier chapter, where the same play occurs.",
    "Published on 1 July 2021 and revised on 3 January 2023; the revision changed no reading.",
    "That is, about two kilometres.",
    "The phrase recurs twice in the following chapter, each time with a different verb, and the "
    "older translations render it in as many ways: as a promise, as a command, and as a plain "
    "statement of what will happen. The present text follows the reading of the 1611 edition, "
    "which most later editions keep, although a few modern versions prefer the second sense and "
    "print it with a note of their own. Nothing in the argument of the chapter turns on the choice.",
    "Literally, in the ears of.",
]
NOTES3_ZH = [
    "或译“众民”。",
    "参见网页（https://www.example.cn/jingwen/zhushi-2021.html），访问日期：2024年3月15日。",
    "旧版作单数，1919年版改为复数。",
    "本注第一段：此名在原文中是一个双关语。\n\n本注第二段：参看前一章，那里有同样的双关。",
    "2021年7月1日发布，2023年1月3日修订，修订未改动经文。",
    "约合二公里。",
    "此语在下一章中又出现两次，每次所用的动词不同，旧译本的处理也各不相同：有的译作应许，"
    "有的译作命令，有的只译作对将来之事的陈述。本文依照通行版本的读法，这也是后来大多数版本所采用的；"
    "少数现代译本取第二种理解，并另加注释说明。本章的论证并不取决于这一选择，读者可以自行比较。",
    "原文直译为“在……耳中”。",
]

# where a callout goes, cycled through a document's notes
EN_PLACES = ("stop", "quote", "comma")
ZH_PLACES = ("stop", "quote", "comma", "before-stop", "enum")


def _quote_en(text: str) -> tuple[str, str] | None:
    """English text with the words said after 'said,' set in quotes, split after the closing
    quote (a callout after a closing quote, US style: ."¹)."""
    m = re.search(r"\bsaid(?: unto [A-Z]\w+)?, ", text)
    if not m:
        return None
    j = m.end()
    end = re.search(r"[.:;?]", text[j:])
    if not end:
        return None
    k = j + end.start()
    stop = text[k] if text[k] in ".?" else ""
    return text[:j] + "\u201c" + text[j:k] + stop + "\u201d", text[k + 1:] if stop else text[k:]


def place(text: str, lang: str, note: str, where: str, kind: str = "foot", lemma: bool = True) -> list:
    """Runs of ``text`` with one callout placed ``where``: after a sentence end ("stop"), after
    a closing quote ("quote"), after a comma ("comma": ， or ,), before 。 ("before-stop", as
    many Chinese publications set it), after an enumeration comma 、 ("enum"). Falls back to
    "stop" when the text has no such place."""
    zh = lang == "zh"
    runs = _place(text, zh, where)
    lem = _lemma(runs[0], zh) if lemma else ""
    # a note that names its lemma, as scholarly notes do: no two notes read alike
    runs[1] = Note((f"“{lem}”：" if zh else f"{lem}] ") + note if lem else note, kind=kind)
    return runs


def _lemma(before: str, zh: bool) -> str:
    """The words just before a callout: the last two words, or the last four ideographs."""
    if zh:
        return "".join(c for c in before if "\u4e00" <= c <= "\u9fff")[-4:]
    return " ".join(re.findall(r"[A-Za-z]+", before)[-2:])


def _place(text: str, zh: bool, where: str) -> list:
    """[before, None, after]: the callout's place in ``text`` (its note set by :func:`place`)."""
    n = None
    if where == "quote":
        if zh:
            i = text.find("”", 6)
            if 0 < i < len(text) - 3:
                return [text[:i + 1], n, text[i + 1:]]
        else:
            q = _quote_en(text)
            if q and len(q[1]) > 3:
                return [q[0], n, q[1]]
    if where in ("comma", "enum"):
        i = text.find("、" if where == "enum" else ("，" if zh else ", "), 12)
        if 0 < i < len(text) - 4:
            return [text[:i + 1], n, text[i + 1:]]
    if where == "before-stop" and zh:
        i = text.find("。", 12)
        if 0 < i < len(text) - 3:
            return [text[:i], n, text[i:]]
    i = text.find("。" if zh else ". ", 12)
    if i < 0 or i + 2 >= len(text):
        return [text, n]
    return [text[:i + 1], n, text[i + 1:]]


def chapters_doc(name: str, lang: str, chapters: list[tuple[str, int]], scheme: str, *,
                 title: str = "", note_every: int = 1, note_kind: str = "foot", verses: int = 24,
                 per: int = 4, reset_at_level: int | None = None, notes: list[str] | None = None,
                 places: tuple[str, ...] | None = None, level2: bool = True, extra: list | None = None,
                 endnotes_title: str = "", kinds: tuple[str, ...] | None = None, lemma: bool = True) -> Doc:
    """Chapters as sections, verse paragraphs, a note in every ``note_every``-th paragraph
    placed by cycling ``places``; ``kinds`` cycles note kinds (footnotes and endnotes in one
    document)."""
    zh = lang == "zh"
    notes = notes or (NOTES3_ZH if zh else NOTES3_EN)
    places = places or (ZH_PLACES if zh else EN_PLACES)
    blocks: list = []
    k = 0
    for book, ch in chapters:
        en_t, zh_t = TITLES3[(book, ch)]
        blocks.append(Heading(1, "", zh_t if zh else en_t))
        paras = bible_paragraphs(lang, book, ch, per=per, verses=verses)
        for i, p in enumerate(paras):
            if level2 and i == len(paras) // 2:
                blocks.append(Heading(2, "", "经文续" if zh else "The Text Continued"))
            if i % note_every == 0:
                kind = kinds[k % len(kinds)] if kinds else note_kind
                blocks.append(Para(place(p, lang, notes[k % len(notes)], places[k % len(places)], kind, lemma)))
                k += 1
            else:
                blocks.append(Para([p]))
    blocks += list(extra or [])
    if endnotes_title:
        blocks.append(EndnotesSection(endnotes_title))
    d = Doc(name, lang, title or ("经文选读（注释本）" if zh else "Readings with Notes"),
            numbered(blocks, scheme), author="" if zh else "King James Version (public domain)")
    number_notes(d, reset_at_level=reset_at_level)
    return d


def measures_paras(note_kind: str = "foot") -> list:
    """Our own text: ordinals and exponents (raised, NOT callouts) next to real callouts."""
    return [
        Heading(1, "", "Measurements in the Field"),
        Para(["The survey was repeated on the 1", Sup("st"), " and the 15", Sup("th"),
              " day of every month from 2019 to 2023, and each visit covered a plot of 400 m", Sup("2"),
              Note("The plot was marked out with four steel pegs in March 2019.", kind=note_kind),
              " in the lower valley. Rainfall was read at the 3", Sup("rd"), " gauge, the only one that "
              "worked through the whole period, and the readings were kept in a paper log."]),
        Para(["Concentrations below 10", Sup("\u22123"), " mg/L were reported as absent", Note(
              "The detection limit of the method, as given by the laboratory.", kind=note_kind),
              ". The 2", Sup("nd"), " series of samples, taken in the 21", Sup("st"), " week of 2021, "
              "was analysed twice, and the mean of the two results is used throughout this report, "
              "as in the earlier reports of the same survey."]),
        Para(["By the late 19", Sup("th"), " century the valley held some 1.5 × 10", Sup("4"),
              " sheep", Note("Estimates of the time vary by a factor of two.", kind=note_kind),
              ", and the grazing pressure of about 3 head per km", Sup("2"), " shaped the vegetation "
              "that the survey still finds today, a century and a half later."]),
    ]


def circled(d: Doc, kind: str = "foot") -> Doc:
    """Numbers printed as circled numbers ① ② ③ (the label the producer prints)."""
    for n in all_notes(d):
        if n.kind == kind:
            n.label = CIRCLED[int(n.label) - 1]
    return d


def per_page(render, labels=None):
    """A renderer whose footnote numbers restart on every page (LibreOffice's 'per page',
    footmisc/perpage): typeset once, read the page of each callout from the PDF, give each
    footnote the label its producer prints there (``labels`` maps 1, 2, 3 … to the printed form)."""
    def run(doc: Doc, out: Path) -> str:
        name = render(doc, out)
        found = locate(doc, out)
        feet = [n for n in all_notes(doc) if n.kind == "foot"]
        if len(found["markers"]) != len(feet):
            raise ValueError(f"{doc.name}: {len(found['markers'])} callouts found, {len(feet)} notes")
        last, k = None, 0
        for n, m in zip(feet, found["markers"]):
            k = k + 1 if m["page"] == last else 1
            last = m["page"]
            n.label = labels(k) if labels else str(k)
        return name
    return run


def groff(**kw):
    def run(doc: Doc, out: Path) -> str:
        from render_groff import GroffStyle, groff_pdf, to_ms
        groff_pdf(to_ms(doc, GroffStyle(**kw)), out)
        return "groff -ms (gropdf)"
    return run


def pandoc_html(css: str, lang: str = "en"):
    """pandoc Markdown → standalone HTML (its footnotes become an endnote list after a rule at
    the end, under the document's last heading) → Chromium."""
    def run(doc: Doc, out: Path) -> str:
        import shutil
        import subprocess
        import tempfile

        from render_html import HtmlStyle, to_pdf
        from render_other import to_markdown
        blocks = [Heading(b.heading_level, "", b.title) if isinstance(b, EndnotesSection) else b
                  for b in doc.blocks]
        md = to_markdown(Doc(doc.name, doc.lang, doc.title, blocks, author=doc.author), {"lang": lang})
        exe = shutil.which("pandoc")
        if not exe:
            raise RuntimeError("pandoc is missing (Debian: apt-get install pandoc)")
        with tempfile.TemporaryDirectory() as tmp:
            (Path(tmp) / "doc.md").write_text(md, encoding="utf-8")
            (Path(tmp) / "h.html").write_text(f"<style>{css}</style>", encoding="utf-8")
            r = subprocess.run([exe, "doc.md", "-s", "-o", "doc.html", "-H", "h.html"], cwd=tmp,
                               capture_output=True, text=True, timeout=300)
            if r.returncode != 0:
                raise RuntimeError(f"pandoc failed: {r.stderr[-400:]}")
            to_pdf((Path(tmp) / "doc.html").read_text(encoding="utf-8"), out, HtmlStyle())
        return "pandoc → HTML → Chromium"
    return run


NOTO_ZH = [r"\setCJKmainfont[BoldFont={Noto Sans CJK SC Bold}]{Noto Serif CJK SC}",
           r"\setCJKsansfont{Noto Sans CJK SC}"]
TEX_CIRCLED = (r'\xeCJKsetcharclass{"2460}{"24FF}{1}'  # circled numbers from the CJK font
               r"\renewcommand{\thefootnote}{\ifcase\value{footnote}\or ①\or ②\or ③\or ④\or ⑤\or ⑥"
               r"\or ⑦\or ⑧\or ⑨\or ⑩\or ⑪\or ⑫\or ⑬\or ⑭\or ⑮\or ⑯\or ⑰\or ⑱\or ⑲\or ⑳\fi}")
HTML_CSS = ("body { font-family: 'Liberation Serif', 'Noto Serif CJK SC', serif; font-size: 11pt; "
            "line-height: 1.45; max-width: none; margin: 0; padding: 0; } "
            "@page { size: A4; margin: 2.2cm; } h1.title { font-size: 18pt; text-align: center; } "
            "h1 { font-size: 14pt; } h2 { font-size: 12pt; } "
            "section.footnotes { font-size: 9.5pt; } a { color: inherit; text-decoration: none; }")


def _mixed(d: Doc) -> Doc:
    """Footnotes numbered 1, 2 … and endnotes numbered apart (the endnotes package)."""
    for n in all_notes(d):
        n.label = ""
    number_notes(d)
    return d


SPECS3: list[Spec] = [
    # ---------------------------------------------------------------- Chinese
    Spec("zh-ctexbook-circled-chapter", "XeLaTeX ctexbook (① per chapter)",
         "Chinese book: 第一章 chapters, footnotes ①②③ restarting per chapter, callouts after ，。、 and ” and "
         "before 。, notes with URLs and dates, a note of two paragraphs, a long note",
         lambda: circled(chapters_doc("zh-ctexbook-circled-chapter", "zh",
                                      [("Gen", 17), ("Gen", 18), ("Gen", 21)], "chapter-zh", reset_at_level=1)),
         latex(engine="xelatex", cls="ctexbook", options="UTF8,fontset=none,zihao=5,b5paper,oneside", hyperref=False,
               preamble=NOTO_ZH + [TEX_CIRCLED],
               section_cmds={1: "chapter", 2: "section", 3: "subsection"})),
    Spec("zh-ctexart-circled-perpage", "XeLaTeX ctexart + footmisc[perpage] (①)",
         "Chinese article: footnotes ①②③ restarting on every page (footmisc perpage), 一、/（一） headings, "
         "callouts after CJK punctuation and closing quotes, a long note, A5",
         lambda: chapters_doc("zh-ctexart-circled-perpage", "zh", [("Gen", 25), ("Gen", 27)], "zh", verses=28),
         per_page(latex(engine="xelatex", cls="ctexart", options="UTF8,fontset=none,zihao=5,a5paper", hyperref=False,
                        preamble=NOTO_ZH + [r"\usepackage[perpage]{footmisc}", TEX_CIRCLED,
                                  r"\ctexset{section={name={,、},number=\chinese{section},aftername={}},"
                                  r"subsection={name={（,）},number=\chinese{subsection},aftername={}}}"]),
                  labels=lambda k: CIRCLED[k - 1])),
    Spec("zh-odt-circled-perpage", "LibreOffice (ODT, ① restarting per page, Word/WPS style)",
         "Chinese report as Word/WPS users set it: footnotes ①②③ restarting on every page, 一、/（一） headings "
         "bold at body size, justified 1.5 spacing, callouts before 。 and after ”，、, URLs and dates in notes",
         lambda: chapters_doc("zh-odt-circled-perpage", "zh", [("Gen", 29), ("Gen", 31), ("Gen", 35)], "zh",
                              verses=22),
         per_page(odt(size=12, font_asian="Noto Serif CJK SC", line_height="150%", indent="0.85cm", lang="zh",
                      country="CN", footer="page", footnote_format="①, ②, ③, ...", footnote_restart="page",
                      headings={1: HeadingLook(12, font_asian="Noto Sans CJK SC"),
                                2: HeadingLook(12, font_asian="Noto Sans CJK SC")}),
                  labels=lambda k: CIRCLED[k - 1])),
    Spec("zh-odt-2col-notes", "LibreOffice (ODT, two columns)",
         "Chinese two-column pages with footnotes (LibreOffice sets them under both columns), callouts after ，、”, "
         "a long note, 16K page",
         lambda: chapters_doc("zh-odt-2col-notes", "zh", [("Exo", 4), ("Exo", 6)], "zh-arabic", verses=30,
                              note_every=2),
         odt(size=10.5, font_asian="Noto Serif CJK SC", line_height="130%", columns=2, lang="zh", country="CN",
             page=("18.4cm", "26cm"), footer="page",
             headings={1: HeadingLook(13, font_asian="Noto Sans CJK SC"), 2: HeadingLook(11, font_asian="Noto Sans CJK SC")})),
    Spec("zh-typst-circled-2col", "Typst (two columns, ① numbering)",
         "Chinese in Typst two columns, footnote numbering '①' (Typst's circled pattern), callouts after CJK "
         "punctuation and quotes",
         lambda: circled(chapters_doc("zh-typst-circled-2col", "zh", [("Exo", 8), ("Exo", 9)], "zh", verses=26)),
         typst('#set page(paper: "a4", margin: (x: 2cm, y: 2.2cm), columns: 2, numbering: "1")\n'
               '#set text(font: ("Liberation Serif", "Noto Serif CJK SC"), size: 10.5pt, lang: "zh")\n'
               '#set par(justify: true, leading: 0.9em)\n'
               '#set footnote(numbering: "①")\n'
               '#show heading: it => block(above: 1.2em, below: 0.6em, text(font: ("Liberation Sans", "Noto Sans CJK SC"), size: 11pt, weight: "bold", it.body))\n')),
    Spec("zh-pandoc-html-endnotes", "pandoc → HTML → Chromium (Chinese)",
         "Chinese through pandoc's HTML: footnotes become an endnote list after a rule under a 注释 heading, "
         "callouts after ，。” and before 。",
         lambda: chapters_doc("zh-pandoc-html-endnotes", "zh", [("Num", 11), ("Num", 14)], "zh", note_kind="end",
                              endnotes_title="注释", verses=20, notes=[n for n in NOTES3_ZH if "\n" not in n]),
         pandoc_html(HTML_CSS, lang="zh")),
    # ---------------------------------------------------------------- LaTeX, English
    Spec("en-latex-footmisc-para", "pdfLaTeX article + footmisc[para]",
         "footmisc 'para': all notes of a page run into one paragraph at its foot, short notes, callouts after "
         "closing quotes and commas, hyperref",
         lambda: chapters_doc("en-latex-footmisc-para", "en", [("Gen", 39), ("Gen", 40)], "arabic",
                              notes=[n for n in NOTES3_EN if len(n) < 100 and "\n" not in n]),
         latex(options="11pt,a4paper", hyperref=True, preamble=[r"\usepackage[para]{footmisc}"])),
    Spec("en-latex-footmisc-perpage-symbol", "pdfLaTeX article + footmisc[perpage,symbol*]",
         "footnotes marked ∗ † ‡ § restarting on every page (footmisc perpage, symbol*), ordinals and exponents "
         "next to callouts, no hyperref",
         lambda: chapters_doc("en-latex-footmisc-perpage-symbol", "en", [("Gen", 42), ("Gen", 44)], "arabic",
                              extra=measures_paras()),
         per_page(latex(options="11pt,a4paper", hyperref=False, preamble=[r"\usepackage[perpage,symbol*]{footmisc}"]),
                  labels=lambda k: TEX_SYMBOLS[k - 1])),
    Spec("en-latex-endnotes-mixed", "pdfLaTeX article + endnotes (footnotes and endnotes)",
         "the endnotes package next to footnotes: footnotes 1, 2 … at the page foot and endnotes 1, 2 … in a "
         "'Notes' section, endnote labels set on the line as '1.' (\\enoteformat), a note of two paragraphs",
         lambda: _mixed(chapters_doc("en-latex-endnotes-mixed", "en", [("Exo", 10), ("Exo", 13)], "arabic",
                                     kinds=("foot", "end"), endnotes_title="Notes")),
         latex(options="11pt,a4paper", hyperref=False, preamble=[
             r"\AtBeginDocument{\renewcommand\enoteformat{\rightskip=0pt\leftskip=1.8em\parindent=-1.8em"
             r"\makebox[1.8em][l]{\theenmark.}}}"])),
    Spec("en-scrreprt-deffootnote", "pdfLaTeX KOMA scrreprt (\\deffootnote)",
         "KOMA-Script report: chapters '1 Title', footnotes restarting per chapter, note labels ON the line "
         "('1.' hanging, \\deffootnote), notes of two paragraphs and long notes continuing on the next page",
         lambda: chapters_doc("en-scrreprt-deffootnote", "en", [("Exo", 17), ("Exo", 18), ("Num", 16)], "arabic",
                              reset_at_level=1, verses=22),
         latex(cls="scrreprt", options="11pt,a5paper,DIV=9", hyperref=True,
               preamble=[r"\deffootnote{1.5em}{1em}{\thefootnotemark.\ }"],
               section_cmds={1: "chapter", 2: "section", 3: "subsection"})),
    Spec("en-scrbook-twoside", "pdfLaTeX KOMA scrbook (twoside)",
         "KOMA-Script book: chapters opening on right pages (blank pages), running heads, footnotes per chapter "
         "with superscript labels, ordinals and exponents next to callouts",
         lambda: chapters_doc("en-scrbook-twoside", "en", [("Num", 21), ("Num", 27)], "arabic", reset_at_level=1,
                              extra=measures_paras()),
         latex(cls="scrbook", options="10pt,b5paper", hyperref=False, preamble=[r"\pagestyle{headings}"],
               section_cmds={1: "chapter", 2: "section", 3: "subsection"})),
    Spec("en-lualatex-twocolumn", "LuaLaTeX article twocolumn",
         "LuaLaTeX (OpenType Latin Modern), two columns with footnotes at the foot of each column, callouts after "
         "closing quotes, a long note that continues, a note of two paragraphs",
         lambda: chapters_doc("en-lualatex-twocolumn", "en", [("Gen", 19), ("Gen", 47)], "arabic", verses=30),
         latex(engine="lualatex", options="10pt,a4paper,twocolumn", hyperref=False)),
    Spec("en-lualatex-multicol3", "LuaLaTeX article + multicol(3)",
         "three columns (multicol) with the page's footnotes set full width under them, short notes, exponents",
         lambda: chapters_doc("en-lualatex-multicol3", "en", [("Lev", 16), ("Num", 21)], "arabic", verses=34,
                              notes=[n for n in NOTES3_EN if len(n) < 100 and "\n" not in n],
                              extra=measures_paras()),
         latex(engine="lualatex", options="10pt,a4paper", hyperref=False, multicols=3,
               preamble=[r"\usepackage[margin=1.8cm]{geometry}"])),
    # ---------------------------------------------------------------- groff, pandoc HTML, Typst
    Spec("en-groff-ms", "groff -ms (gropdf)",
         "groff -ms: '1. Title' headings in bold, indented paragraphs, footnotes numbered by \\** under a short "
         "rule, Times (base-14, not embedded), page numbers '- N -' in the header",
         lambda: chapters_doc("en-groff-ms", "en", [("Gen", 25), ("Gen", 29)], "arabic-dot",
                              notes=[n for n in NOTES3_EN if "\n" not in n]),
         groff()),
    Spec("en-groff-ms-2col", "groff -ms two columns (gropdf)",
         "groff -ms with .2C: notes at the foot of the column of their callout (left or right), ordinals and "
         "exponents next to callouts",
         lambda: chapters_doc("en-groff-ms-2col", "en", [("Gen", 31), ("Gen", 35)], "arabic-dot",
                              notes=[n for n in NOTES3_EN if "\n" not in n], extra=measures_paras()),
         groff(columns=2, indent_first=False)),
    Spec("en-pandoc-html-endnotes", "pandoc → HTML → Chromium",
         "pandoc's HTML footnotes: callouts as raised links, the notes as a numbered list after a rule at the end "
         "under a 'Notes' heading, URLs and dates in notes",
         lambda: chapters_doc("en-pandoc-html-endnotes", "en", [("Exo", 4), ("Exo", 9)], "arabic-dot",
                              note_kind="end", endnotes_title="Notes",
                              notes=[n for n in NOTES3_EN if "\n" not in n]),
         pandoc_html(HTML_CSS)),
    Spec("en-typst-3col-alpha", "Typst (three columns, 'a' numbering)",
         "Typst three columns, footnotes numbered a, b, c (Typst's numbering pattern) at the page foot, short notes",
         lambda: _alpha(chapters_doc("en-typst-3col-alpha", "en", [("Gen", 21), ("Exo", 13)], "arabic", verses=30,
                                     notes=[n for n in NOTES3_EN if len(n) < 100 and "\n" not in n])),
         typst('#set page(paper: "a4", margin: (x: 1.6cm, y: 2cm), columns: 3, numbering: "1")\n'
               '#set text(font: "Liberation Serif", size: 9.5pt, lang: "en", hyphenate: true)\n'
               '#set par(justify: true, leading: 0.55em)\n'
               '#set footnote(numbering: "a")\n'
               '#show heading: it => block(above: 1em, below: 0.5em, text(size: 10pt, weight: "bold", it))\n')),
]


def symbols_per_section(d: Doc, tex: bool = False) -> Doc:
    """Footnotes marked * † ‡ § … restarting at every level-1 heading: the author's own marks
    (Word's custom marks, LaTeX's \\footnote[n] with \\fnsymbol). LaTeX prints * as ∗."""
    from render_latex import FNSYMBOLS
    marks_per_section(d, FNSYMBOLS)
    if tex:
        for n in all_notes(d):
            n.label = n.label.replace("*", "\u2217")
    return d


def typst_star(d: Doc) -> Doc:
    """Typst's footnote numbering "*": * † ‡ § ¶ ‖, then doubled, through the document."""
    from render_latex import FNSYMBOLS
    for i, n in enumerate(all_notes(d)):
        n.label = FNSYMBOLS[i % len(FNSYMBOLS)] * (1 + i // len(FNSYMBOLS))
    return d


def _alpha(d: Doc) -> Doc:
    for n in all_notes(d):
        k = int(n.label)
        n.label = "abcdefghijklmnopqrstuvwxyz"[(k - 1) % 26] * (1 + (k - 1) // 26)
    return d


URL_NOTES_EN = [n for n in NOTES3_EN if "\n" not in n] + [
    "The register is published at https://data.example.gov/registers/open-data-2023/index.html and "
    "was last updated on 28 February 2024.",
    "See the guidance of 12 May 2022, https://www.example.org/guidance/2022/05/12/reuse-of-public-records.pdf, p. 4.",
]
URL_NOTES_ZH = [n for n in NOTES3_ZH if "\n" not in n] + [
    "见《公共数据开放目录（2023年版）》（https://data.example.gov.cn/catalog/2023/index.html），2024年2月28日更新。",
    "参见2022年5月12日发布的指引（https://www.example.cn/guidance/2022/05/12/reuse.pdf）第4页。",
]

SPECS3 += [
    # ---------------------------------------------------------------- symbols, classes, URLs
    Spec("en-odt-symbols-per-section", "LibreOffice (ODT, custom marks * † ‡)",
         "Word-style custom footnote marks * † ‡ § restarting in every section (not counted by the producer), "
         "notes with long URLs and dates, ragged right, US Letter",
         lambda: symbols_per_section(chapters_doc("en-odt-symbols-per-section", "en",
                                                  [("Gen", 40), ("Num", 27), ("Exo", 18)], "arabic-dot",
                                                  notes=URL_NOTES_EN, verses=18)),
         odt(size=11, align="start", line_height="125%", page=("21.59cm", "27.94cm"), footer="page",
             headings={1: HeadingLook(13, font="Liberation Sans"), 2: HeadingLook(11, font="Liberation Sans")})),
    Spec("en-latex-symbols-per-section", "pdfLaTeX article (\\footnote[n], \\fnsymbol)",
         "footnotes marked ∗ † ‡ § restarting per section by the author (\\footnote[n]), notes with URLs (url "
         "package, broken across lines), no hyperref",
         lambda: symbols_per_section(chapters_doc("en-latex-symbols-per-section", "en",
                                                  [("Gen", 44), ("Exo", 6), ("Num", 14)], "arabic",
                                                  notes=URL_NOTES_EN, verses=18), tex=True),
         latex(options="11pt,a4paper", hyperref=False)),
    Spec("en-typst-star-2col", "Typst (two columns, '*' numbering)",
         "Typst footnote numbering '*' (* † ‡ § ¶ ‖ then doubled: ** ††) through the document, two columns, URLs",
         lambda: typst_star(chapters_doc("en-typst-star-2col", "en", [("Gen", 18), ("Exo", 17)], "arabic",
                                         notes=URL_NOTES_EN, verses=30)),
         typst('#set page(paper: "us-letter", margin: (x: 1.8cm, y: 2cm), columns: 2, numbering: "1")\n'
               '#set text(font: "Linux Libertine O", size: 10pt, lang: "en", hyphenate: true)\n'
               '#set par(justify: true, leading: 0.55em)\n'
               '#set footnote(numbering: "*")\n'
               '#show heading: it => block(above: 1.1em, below: 0.6em, text(size: 10.5pt, weight: "bold", it.body))\n')),
    Spec("en-ieeetran-notes", "pdfLaTeX IEEEtran (conference, two columns)",
         "IEEEtran: 'I. INTRODUCTION' caps headings, footnotes at the foot of either column, URLs in notes",
         lambda: chapters_doc("en-ieeetran-notes", "en", [("Gen", 42), ("Num", 11)], "revtex", notes=URL_NOTES_EN,
                              verses=26, note_every=2),
         latex(cls="IEEEtran", options="conference,letterpaper", hyperref=False)),
    Spec("en-memoir-notes", "pdfLaTeX memoir",
         "memoir: 'Chapter N' + title, footnotes restarting per chapter, long notes and notes of two paragraphs, "
         "ruled running head",
         lambda: chapters_doc("en-memoir-notes", "en", [("Gen", 39), ("Lev", 16)], "chapter-en", reset_at_level=1,
                              verses=24),
         latex(cls="memoir", options="11pt,a5paper,oneside", hyperref=False, preamble=[r"\pagestyle{ruled}"],
               section_cmds={1: "chapter", 2: "section", 3: "subsection"})),
    Spec("zh-ctexart-url-notes", "XeLaTeX ctexart + hyperref (URL notes)",
         "Chinese report: footnotes with long URLs (broken by hyperref's \\url) and dates, callouts after ，。” and "
         "before 。, 一、 headings, outline and link annotations",
         lambda: chapters_doc("zh-ctexart-url-notes", "zh", [("Num", 16), ("Gen", 47)], "zh", notes=URL_NOTES_ZH,
                              verses=22),
         latex(engine="xelatex", cls="ctexart", options="UTF8,fontset=none,zihao=-4,a4paper", hyperref=True,
               preamble=NOTO_ZH + [r"\ctexset{section={name={,、},number=\chinese{section},aftername={}},"
                                   r"subsection={name={（,）},number=\chinese{subsection},aftername={}}}"])),
    Spec("en-html-2col-endnotes", "Chromium (HTML, two columns, endnotes)",
         "two CSS columns with the endnotes in a 'Notes' section after them, raised link callouts, URLs in notes, "
         "ragged right, no tagging",
         lambda: chapters_doc("en-html-2col-endnotes", "en", [("Gen", 35), ("Num", 21)], "arabic", note_kind="end",
                              endnotes_title="Notes", notes=URL_NOTES_EN, verses=22),
         html(columns=2, size="10pt", align="left", line_height="1.35", tagged=False, margin="1.8cm")),
]


def _aside(lang: str = "en"):
    from docmodel import Aside
    if lang == "zh":
        return Aside("专栏　经文的版本", ["本文所引经文据和合本，人名地名从旧译，注释为编者所加。"])
    return Aside("Box 1. The text used", ["The verses are quoted from the King James Version; the notes are "
                                          "the editor's and name the words they explain."])


def _specs2_helper(name: str):
    sys.modules.setdefault("devset_build", B)
    import specs2
    return getattr(specs2, name)


def pandoc_docx_ref(styles: dict, page=None):
    def run(doc: Doc, out: Path) -> str:
        return _specs2_helper("pandoc_docx_ref")(styles, page)(doc, out)
    return run


SPECS3 += [
    # ---------------------------------------------------------------- Chromium, DOCX, Typst A5, elsarticle
    Spec("zh-html-paged-notes", "Chromium (HTML paged, one column)",
         "Chinese pages laid out by the renderer, each note at the page foot under a rule with a raised label, "
         "callouts after ，。” and before 。, 16K page",
         lambda: chapters_doc("zh-html-paged-notes", "zh", [("Exo", 10), ("Gen", 44)], "zh", verses=24,
                              notes=URL_NOTES_ZH),
         html(paged=True, columns=1, lang="zh", font="'Noto Serif CJK SC', serif", size="10.5pt", col_chars=1100,
              line_height="1.7", page_w_mm=184, page_h_mm=260,
              css="h2 { font-size: 12pt; font-family: 'Noto Sans CJK SC'; } h3 { font-size: 10.5pt; } p { text-indent: 2em; }")),
    Spec("en-html-sidebar-endnotes", "Chromium (HTML, tagged, sidebar)",
         "a floated sidebar box beside the text, capital headings smaller than the body, endnotes in a Notes section, "
         "URLs in notes, US Letter",
         lambda: _with_aside(chapters_doc("en-html-sidebar-endnotes", "en", [("Gen", 27), ("Exo", 8)], "arabic",
                                          note_kind="end", endnotes_title="Notes", notes=URL_NOTES_EN,
                                          verses=22), "en"),
         html(page="Letter", size="11pt", line_height="1.45", margin="2.2cm",
              css="h2 { font-size: 9pt; text-transform: uppercase; letter-spacing: .12em; font-weight: normal; } "
                  "h3 { font-size: 10pt; font-style: italic; font-weight: normal; }"),
         upper_levels=(1,)),
    Spec("zh-html-2col-endnotes", "Chromium (HTML, two columns, tagged)",
         "Chinese in two CSS columns, endnotes in a 注释 section after them, a sidebar box, sans headings",
         lambda: _with_aside(chapters_doc("zh-html-2col-endnotes", "zh", [("Num", 14), ("Exo", 9)], "arabic",
                                          note_kind="end", endnotes_title="注释", notes=URL_NOTES_ZH, verses=22), "zh"),
         html(columns=2, lang="zh", font="'Noto Serif CJK SC', serif", size="10pt", line_height="1.6",
              css="h2, h3 { font-family: 'Noto Sans CJK SC', sans-serif; color: #1f4e79; } h2 { font-size: 12pt; } "
                  "h3 { font-size: 10.5pt; }")),
    Spec("en-pandoc-docx-refdoc-notes", "pandoc → DOCX (custom reference) → LibreOffice",
         "a user's Word template (Caladea body, sans dark-red headings), pandoc footnotes with URLs and dates, A4",
         lambda: chapters_doc("en-pandoc-docx-refdoc-notes", "en", [("Gen", 31), ("Num", 16)], "arabic-dot",
                              notes=URL_NOTES_EN, verses=22),
         pandoc_docx_ref({"Heading1": {"font": "Liberation Sans", "size": 26, "color": "8B1A1A", "bold": True},
                          "Heading2": {"font": "Liberation Sans", "size": 21, "color": "8B1A1A", "bold": True},
                          "BodyText": {"font": "Caladea", "size": 21, "jc": "both", "spacing_after": 120},
                          "FirstParagraph": {"font": "Caladea", "size": 21, "jc": "both", "spacing_after": 120},
                          "Title": {"font": "Liberation Sans", "size": 32, "color": "8B1A1A", "bold": True}},
                         page=(11906, 16838))),
    Spec("en-typst-a5-star", "Typst (A5, EB Garamond, '*' numbering)",
         "Typst A5 ragged right in EB Garamond, footnote numbering '*' (* † ‡ § ¶ ‖ ** ††), ordinals and exponents",
         lambda: typst_star(chapters_doc("en-typst-a5-star", "en", [("Exo", 13), ("Gen", 25)], "arabic-dots",
                                         notes=URL_NOTES_EN, verses=20, extra=measures_paras())),
         typst('#set page(paper: "a5", margin: (x: 1.5cm, y: 1.8cm), numbering: "1")\n'
               '#set text(font: "EB Garamond", size: 10pt, lang: "en", hyphenate: false)\n'
               '#set par(justify: false, leading: 0.6em)\n'
               '#set footnote(numbering: "*")\n'
               '#show heading: it => block(above: 1.2em, below: 0.6em, text(size: 11pt, weight: "bold", it.body))\n')),
    Spec("en-elsarticle-notes", "pdfLaTeX elsarticle (5p, two columns)",
         "elsarticle 5p two columns, footnotes at the foot of the column, URLs in notes",
         lambda: chapters_doc("en-elsarticle-notes", "en", [("Lev", 16), ("Gen", 19)], "arabic-dots",
                              notes=URL_NOTES_EN, verses=24, note_every=2),
         latex(cls="elsarticle", options="5p,times", hyperref=False, preamble=[r"\usepackage{amssymb}"])),
]


def digits_doc(name: str, lang: str, note_kind: str = "foot", endnotes_title: str = "") -> Doc:
    """Our own report text whose callouts follow numbers: a year (2021¹), a percentage
    (3.5%²), a decimal (0.09³), a closing parenthesis after a figure ((n = 214)⁴), a page
    range — where a raised figure could be an exponent — next to real exponents (10⁵, m²)."""
    zh = lang == "zh"
    N = (lambda t: Note(t, kind=note_kind))
    if zh:
        paras = [
            ["2019年至2023年间，样本机构开放的数据集数量年均增长3.5%", N("按年末数计算，不含已撤回的数据集。"),
             "，其中2021年", N("当年有两个机构合并，数据按合并后口径调整。"), "增幅最大。"],
            ["完整性指标的均值为0.71", N("取值范围为0到1，数值越大表示越完整。"), "，标准差为0.18；及时性指标的均值为0.64（n = 214）",
             N("n为样本机构数。"), "。样本记录约1.2 × 10", Sup("5"), "条。"],
            ["要求说明不开放理由的机构，其完整性指标平均高出0.09", N("差异在控制机构规模后仍然显著，见表3。"),
             "。覆盖面积约为400平方米（m", Sup("2"), "）的试点区域另行统计", N("试点区域的数据单独发布。"), "。"],
            ["上述结论与第12—15页的分析一致", N("参见本报告第二部分。"), "，也与2020年的调查结果相符", N("2020年调查的样本较小，共126个机构。"), "。"],
        ]
        title, heads = "公共数据开放年度报告（节选）", ["总体情况", "质量指标", "分类规则", "结论"]
    else:
        paras = [
            ["Between 2019 and 2023 the number of datasets published by the bodies in the sample grew by 3.5%",
             N("Year-end counts, excluding datasets that were withdrawn."), " a year, most of all in 2021",
             N("Two bodies merged that year; their figures are combined."), "."],
            ["Completeness averaged 0.71", N("On a scale from 0 to 1, higher meaning more complete."),
             " with a standard deviation of 0.18, and timeliness 0.64 (n = 214)", N("n is the number of bodies."),
             ". The register holds about 1.2 × 10", Sup("5"), " records."],
            ["Bodies that must state reasons for closing data score 0.09", N("The difference remains after controlling for size; see Table 3."),
             " higher on completeness. A pilot area of 400 m", Sup("2"), " was counted apart",
             N("The pilot area's data are published separately."), "."],
            ["These findings agree with the analysis on pp. 12–15", N("See the second part of this report."),
             " and with the survey of 2020", N("The 2020 survey covered a smaller sample of 126 bodies."), "."],
        ]
        title, heads = "Annual Report on Open Data (Extract)", ["Overview", "Quality", "Classification Rules", "Conclusion"]
    blocks: list = []
    filler = bible_paragraphs(lang, "Num", 27, per=4, verses=16)
    for h, runs, f in zip(heads, paras, filler):
        blocks += [Heading(1, "", h), Para(runs), Para([f])]
    if endnotes_title:
        blocks.append(EndnotesSection(endnotes_title))
    d = Doc(name, lang, title, numbered(blocks, "zh" if zh else "arabic-dot"), author="" if zh else "Data Board")
    number_notes(d)
    return d


SPECS3 += [
    # ---------------------------------------------------------------- callouts after figures
    Spec("zh-ctexart-digit-callouts", "XeLaTeX ctexart (callouts after figures)",
         "Chinese report: callouts right after a year, a percentage, a decimal, a closing parenthesis and a page "
         "range, next to exponents 10⁵ and m² that are not callouts",
         lambda: digits_doc("zh-ctexart-digit-callouts", "zh"),
         latex(engine="xelatex", cls="ctexart", options="UTF8,fontset=none,zihao=-4,a4paper", hyperref=False,
               preamble=NOTO_ZH + [r"\ctexset{section={name={,、},number=\chinese{section},aftername={}}}"])),
    Spec("zh-odt-digit-callouts", "LibreOffice (ODT, callouts after figures)",
         "the same Chinese report as Word users set it: callouts after figures, exponents beside them, 1.5 spacing",
         lambda: digits_doc("zh-odt-digit-callouts", "zh"),
         odt(size=12, font_asian="Noto Serif CJK SC", line_height="150%", indent="0.85cm", lang="zh", country="CN",
             footer="page", headings={1: HeadingLook(12, font_asian="Noto Sans CJK SC")})),
    Spec("en-latex-digit-callouts", "pdfLaTeX article + hyperref (callouts after figures)",
         "English report: callouts after a year, a percentage, a decimal, '(n = 214)' and a page range, next to "
         "exponents that are not callouts",
         lambda: digits_doc("en-latex-digit-callouts", "en"),
         latex(options="11pt,a4paper", hyperref=True)),
    Spec("en-html-digit-endnotes", "Chromium (HTML, endnotes; callouts after figures)",
         "the English report with endnotes in a Notes section, callouts after figures, no tagging",
         lambda: digits_doc("en-html-digit-endnotes", "en", note_kind="end", endnotes_title="Notes"),
         html(size="11pt", tagged=False)),
]


# Chinese notes that open with a title in book-title marks or a bracket, as citations do
CITE_NOTES_ZH = [
    "《中华人民共和国数据安全法》第二十一条。",
    "〔2021〕12号文件，2021年7月1日发布。",
    "「开放目录」一词见该办法第十条。",
    "【编者注】此段据通行本校订。",
    "《公共数据开放管理办法》（2023年修订）第五条。",
    "『数据资源』与『数据资产』的区分见前文。",
]

SPECS3 += [
    Spec("zh-odt-cite-notes", "LibreOffice (ODT, notes opening with 《 〔 「 【)",
         "Chinese notes that open with book-title marks or brackets right after a full-size label (《…》, 〔2021〕, "
         "「…」, 【编者注】), 1.5 spacing",
         lambda: chapters_doc("zh-odt-cite-notes", "zh", [("Num", 21), ("Gen", 42)], "zh", notes=CITE_NOTES_ZH,
                              verses=20, lemma=False),
         odt(size=12, font_asian="Noto Serif CJK SC", line_height="150%", indent="0.85cm", lang="zh", country="CN",
             footer="page", headings={1: HeadingLook(12, font_asian="Noto Sans CJK SC"),
                                      2: HeadingLook(12, font_asian="Noto Sans CJK SC")})),
    Spec("zh-ctexart-cite-notes", "XeLaTeX ctexart (notes opening with 《 〔 「 【)",
         "the same citation notes with LaTeX's raised labels, two columns",
         lambda: chapters_doc("zh-ctexart-cite-notes", "zh", [("Num", 21), ("Gen", 42)], "arabic",
                              notes=CITE_NOTES_ZH, verses=20, lemma=False),
         latex(engine="xelatex", cls="ctexart", options="UTF8,fontset=none,zihao=5,a4paper,twocolumn",
               hyperref=False, preamble=NOTO_ZH)),
]


def _with_aside(d: Doc, lang: str) -> Doc:
    d.blocks.insert(1, _aside(lang))
    return d


def specs() -> list[Spec]:
    return SPECS3
