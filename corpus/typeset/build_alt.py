#!/usr/bin/env python3
"""Typeset the four corpus documents a second way: ODT documents typeset by LibreOffice.

    python corpus/typeset/build_alt.py          # write corpus/pdf-alt/*.pdf, corpus/truth-alt/*.json
    python corpus/typeset/build_alt.py --keep-odt DIR   # also keep the generated .odt files

The text is the same as the Typst typesetting (read from the same sources: the .typ files next
to this script, parsed here), the template is not: Word-like styles, justified text with 1.5
line spacing and no first-line indent, Noto Sans CJK SC body with Liberation Serif for Latin,
Noto Serif CJK SC headings, B5 pages for the report and US Letter for the consensus, real
LibreOffice footnotes (the published labels, 17 and 18 missing, kept as custom labels), and
page numbers in the footer. The truth comes from the sources as in build.py (footnote texts,
marker contexts, clause texts: the same functions), its pages from searching the produced
PDF's text with pypdfium2 (corpus/devset/docmodel.py).

Needs: Debian libreoffice-writer and fonts-noto-cjk, fonts-liberation2; Python odfpy and
pypdfium2 (`pip install -e '.[devset]'`). LibreOffice output is not byte-stable (it writes the
creation date and a random document ID), so the PDFs are committed and tests read them;
rebuilding changes the bytes and, with the same LibreOffice and fonts, nothing else.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent
sys.path.insert(0, str(CORPUS / "devset"))
sys.path.insert(0, str(HERE))

import build as typst_build  # noqa: E402  (the Typst build's source readers)
from docmodel import (B, Doc, Heading, Mark, Note, PageBreak, Para, Table,  # noqa: E402
                      TruthError, locate, truth_json)
from render_odt import HeadingLook, OdtStyle, lo_version, to_pdf, write_odt  # noqa: E402

PDF_DIR = CORPUS / "pdf-alt"
TRUTH_DIR = CORPUS / "truth-alt"
DOCS = ["wic-report-zh", "wic-consensus-zh-en", "wic-consensus-zh", "wic-consensus-en"]


# ------------------------------------------------------------------ reading the Typst sources
def parse_runs(src: str) -> list:
    """Runs of our simple Typst markup: #fn(n, "...") notes with their published label,
    #mk(n) callouts without a note, #strong[...] bold, escapes, brackets dropped."""
    runs: list = []
    buf: list[str] = []

    def flush():
        if buf:
            runs.append("".join(buf))
            buf.clear()

    i = 0
    while i < len(src):
        if src.startswith("#fn(", i):
            args, i = typst_build.parse_call_args(src, i + 3)
            m = re.match(r'\s*(\d+)\s*,\s*"((?:[^"\\]|\\.)*)"\s*$', args, re.S)
            flush()
            runs.append(Note(typst_build.squash(typst_build.unescape_str(m.group(2))),
                             label=m.group(1), custom_label=True))
            continue
        if src.startswith("#mk(", i):
            args, i = typst_build.parse_call_args(src, i + 3)
            flush()
            runs.append(Mark(args.strip()))
            continue
        if src.startswith("#strong[", i):
            j = src.index("]", i)
            flush()
            runs.append(B(typst_build.markup_plain(src[i + 8:j])[0]))
            i = j + 1
            continue
        c = src[i]
        if c == "\\" and i + 1 < len(src):
            buf.append(src[i + 1])
            i += 2
            continue
        if c in "[]":
            i += 1
            continue
        buf.append(" " if c == "\n" else c)
        i += 1
    flush()
    return runs


def _args(call: str) -> list[str]:
    return [typst_build.unescape_str(s) for s in re.findall(r'"((?:[^"\\]|\\.)*)"', call)]


def report_doc() -> Doc:
    src = (HERE / "wic-report-zh.typ").read_text(encoding="utf-8")
    blocks: list = [Para(["世界互联网大会 World Internet Conference"], role="meta"),
                     Para(["发展负责任的生成式人工智能"], role="title"), Para(["研究报告及共识文件"], role="title"),
                     Para(["世界互联网大会人工智能工作组"], role="meta"), Para(["2023年11月"], role="meta"),
                     PageBreak()]
    # front matter: as paragraphs (the Typst typesetting has no headings there either)
    blocks += [Para(["世界互联网大会人工智能工作组"], role="title"),
               Para(["按单位名称首字母排序"], role="meta")]
    wg = src[src.index("#wg-head()"):src.index("// ---------------------------------------------------------------- editors")]
    for part_no, part in enumerate(wg.split("#pagebreak()")):
        if part_no:
            blocks += [PageBreak(), Para(["世界互联网大会人工智能工作组"], role="title")]
        for org, names in re.findall(r"member\[(.*?)\]\[(.*?)\]", part):
            org = re.sub(r"\s*\\\s*", " ", org)
            blocks.append(Para([B(org), "：" + names]))
    blocks += [PageBreak(), Para(["编辑"], role="title"), Para([B("中国信息通信研究院")]),
               Para(["呼娜英、石霖、刘硕、邹皓、孙小童、郭苏敏、朱凌云"]),
               Para(["工作组联系方式：research@wicinternet.org"])]
    rows = [[[B("缩略语")], [B("英文名称")], [B("中文名称")]]]
    tab = src[src.index("table.header"):src.index("// ---------------------------------------------------------------- contents")]
    for a, b, c in re.findall(r"^\s*\[(.*?)\], \[(.*?)\], \[(.*?)\],\s*$", tab, re.M):
        rows.append([[a], [b], [c]])
    blocks += [PageBreak(), Para(["缩略语对照表"], role="title"), Table(rows)]
    blocks += [PageBreak(), Para(["目录"], role="title"), "TOC"]
    body = src[src.index("#show: body-pages") + len("#show: body-pages"):src.index("// ---------------------------------------------------------------- back cover")]
    for para in re.split(r"\n\s*\n", body):
        para = para.strip()
        if not para or para.startswith("//"):
            continue
        if para.startswith("#opener("):
            num, zh, en, toc = _args(para)
            blocks.append(Heading(1, num, zh, page_break=True))
            blocks.append(Para([en], role="meta"))
            blocks.append(("toc", toc))
            continue
        if para.startswith("#sub("):
            num, title = _args(para)
            blocks.append(Heading(2, num, title))
            continue
        cm = re.match(r'#clause\("(\d\d)"\)', para)
        if cm:
            pieces = re.split(r"\]\s*\[", para[cm.end():])
            blocks.append(Para(parse_runs(pieces[0]), role="clause", number=cm.group(1)))
            blocks += [Para(parse_runs(p)) for p in pieces[1:]]
            continue
        blocks.append(Para(parse_runs(para)))
    return Doc("wic-report-zh", "zh", "", blocks)


def _with_toc(doc: Doc, pages: dict[str, str]) -> Doc:
    """Replace the TOC placeholder by its entries (text as published, page as typeset)."""
    tocs = [b[1] for b in doc.blocks if isinstance(b, tuple)]
    out = []
    for b in doc.blocks:
        if b == "TOC":
            out += [Para([t + "\t" + pages.get(t, "00")], role="toc") for t in tocs]
        elif not isinstance(b, tuple):
            out.append(b)
    return Doc(doc.name, doc.lang, doc.title, out, doc.subtitle, doc.author, doc.notes)


def consensus_sections() -> list[dict]:
    src = (HERE / "consensus-content.typ").read_text(encoding="utf-8")
    secs = []
    for m in re.finditer(r'\(number: "([IV]+\.)", zh: "(.*?)", en: "(.*?)",\s*clauses: \((.*?)\n   \)\),',
                         src, re.S):
        clauses = [(c.group(1), parse_runs(c.group(2)), parse_runs(c.group(3))) for c in re.finditer(
            r'\(number: "(\d\d)",\s*zh: \[(.*?)\],\s*en: \[(.*?)\]\)', m.group(4), re.S)]
        secs.append({"number": m.group(1), "zh": m.group(2), "en": m.group(3), "clauses": clauses})
    assert [s["number"] for s in secs] == ["I.", "II.", "III."], secs
    return secs


def consensus_doc(stem: str) -> Doc:
    secs = consensus_sections()
    c = {k: v for k, v in re.findall(r'#let ([a-z-]+) = "(.*?)"',
                                     (HERE / "consensus-content.typ").read_text(encoding="utf-8"))}
    blocks: list = []
    if stem == "wic-consensus-zh-en":
        blocks += [Para(["世界互联网大会 World Internet Conference"], role="meta"),
                   Para([c["cover-title-zh"]], role="title"), Para([c["cover-title-en"]], role="title"),
                   Para([c["group-zh"] + " " + c["date-zh"]], role="meta"),
                   Para([c["group-en"] + ", " + c["date-en"]], role="meta"), PageBreak(),
                   Para([c["title-zh"]], role="title"), Para([c["title-en"]], role="title")]
        for s in secs:
            blocks.append(Heading(1, s["number"], s["zh"], text_en=s["en"]))
            for num, zh, en in s["clauses"]:
                blocks.append(Para(zh, role="clause", number=num, lang="zh"))
                blocks.append(Para(en, role="clause", number=num, lang="en"))
        blocks += [PageBreak(), Para(["世界互联网大会 World Internet Conference"], role="meta"),
                   Para(["工作组联系方式/Contact us: " + c["contact"]], role="meta")]
        return Doc(stem, "zh-en", "", blocks)
    lang = "zh" if stem == "wic-consensus-zh" else "en"
    blocks += [Para([c[f"title-{lang}"]], role="title"),
               Para([c[f"group-{lang}"] + ("　" + c["date-zh"] if lang == "zh" else ", " + c["date-en"])],
                    role="meta")]
    for s in secs:
        blocks.append(Heading(1, s["number"], s[lang]))
        for num, zh, en in s["clauses"]:
            blocks.append(Para(zh if lang == "zh" else en, role="clause", number=num, lang=lang))
    blocks.append(Para([("工作组联系方式：" if lang == "zh" else "Contact us: ") + c["contact"]], role="meta"))
    return Doc(stem, lang, "", blocks)


# ------------------------------------------------------------------ template
def style(stem: str) -> OdtStyle:
    serif_zh, sans_zh = "Noto Serif CJK SC", "Noto Sans CJK SC"
    common = dict(font="Liberation Serif", font_asian=sans_zh, line_height="150%", align="justify",
                  indent="0cm", para_below="0.25cm", note_size=8, lang="zh", country="CN")
    if stem == "wic-report-zh":
        return OdtStyle(page=("17.6cm", "25cm"), margins=("2cm", "1.8cm", "2cm", "1.8cm"), size=10,
                        headings={1: HeadingLook(16, font_asian=serif_zh, page_break=True, below="0.15cm"),
                                  2: HeadingLook(11.5, font_asian=serif_zh, above="0.4cm")},
                        header="发展负责任的生成式人工智能研究报告及共识文件\t世界互联网大会",
                        footer="dash", **common)
    if stem == "wic-consensus-en":
        common.update(lang="en", country="US")
        return OdtStyle(page=("21.59cm", "27.94cm"), margins=("2.2cm", "2.4cm", "2.2cm", "2.4cm"),
                        size=11, headings={1: HeadingLook(13, font="Liberation Serif")},
                        header="Consensus on Developing Responsible Generative Artificial Intelligence\tWorld Internet Conference",
                        footer="page-of", **common)
    return OdtStyle(page=("21.59cm", "27.94cm"), margins=("2.2cm", "2.4cm", "2.2cm", "2.4cm"),
                    size=11 if stem == "wic-consensus-zh" else 10.5,
                    headings={1: HeadingLook(14, font_asian=serif_zh)},
                    header=None if stem == "wic-consensus-zh" else
                    "发展责任的生成式人工智能共识\tConsensus on Developing Responsible Generative Artificial Intelligence",
                    footer="zh-page-of" if stem == "wic-consensus-zh" else "page", **common)


NOTES = {
    "wic-report-zh": [
        "Typeset by LibreOffice from an ODT that corpus/typeset/build_alt.py writes from the same sources as the Typst typesetting (corpus/typeset/wic-report-zh.typ); truth texts from those sources (build.py's readers), pages from the PDF text layer.",
        "Template: B5 page, justified, 1.5 line spacing, NO first-line indent, Noto Sans CJK SC body with Liberation Serif Latin, Noto Serif CJK SC bold headings; heading 1 = '01 概述' on one line starting a new page, then the English subtitle in capitals (not a heading); heading 2 = '（一）…'.",
        "Front matter (working group, editors, abbreviation table, 目录) is set as plain paragraphs with a larger title style, not as headings (as in the Typst typesetting); the TOC entries carry this typesetting's page numbers after a tab.",
        "Footnotes are real LibreOffice footnotes with the published labels as custom labels (17 and 18 do not exist); the callouts 30-33 have no note. Header on every page: title left, '世界互联网大会' right, with a rule; footer '— N —'.",
        "Clauses 01-10 of section 06 start with the bold clause number followed by two spaces, not a heading.",
    ],
    "wic-consensus-zh-en": [
        "Typeset by LibreOffice (ODT from corpus/typeset/build_alt.py); US Letter, justified, 1.5 spacing, no indent.",
        "Headings: 'I. 总则' then the English line 'General' as a separate bold paragraph (text_en). Each clause twice: Chinese paragraph then English paragraph, each starting with the bold clause number.",
        "Header on every page: Chinese title left, English title right; footer: page number. No footnotes.",
    ],
    "wic-consensus-zh": [
        "Typeset by LibreOffice (ODT from corpus/typeset/build_alt.py); US Letter, justified, 1.5 spacing, no indent, footer '第 N 页 共 M 页', no header. No footnotes.",
    ],
    "wic-consensus-en": [
        "Typeset by LibreOffice (ODT from corpus/typeset/build_alt.py); US Letter, ONE column (the Typst typesetting has two), justified, 1.5 spacing, no indent; header with the title and 'World Internet Conference'; footer 'Page N of M'. No footnotes.",
    ],
}


def build_one(stem: str, out_pdf: Path, out_truth: Path, keep: Path | None) -> dict:
    doc = report_doc() if stem == "wic-report-zh" else consensus_doc(stem)
    st = style(stem)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        if stem == "wic-report-zh":
            # two passes: the TOC's page numbers come from the first typesetting
            first = _with_toc(doc, {})
            write_odt(first, st, tmp / f"{stem}.odt")
            to_pdf(tmp / f"{stem}.odt", tmp / "pass1.pdf")
            found = locate(first, tmp / "pass1.pdf")
            openers = [h for h in found["headings"] if h["level"] == 1]
            tocs = [b[1] for b in doc.blocks if isinstance(b, tuple)]
            doc = _with_toc(doc, {t: str(h["page"]) for t, h in zip(tocs, openers)})
        write_odt(doc, st, tmp / f"{stem}.odt")
        if keep:
            keep.mkdir(parents=True, exist_ok=True)
            (keep / f"{stem}.odt").write_bytes((tmp / f"{stem}.odt").read_bytes())
        to_pdf(tmp / f"{stem}.odt", tmp / f"{stem}.pdf")
        found = locate(doc, tmp / f"{stem}.pdf")
        truth = truth_json(doc, found, f"{stem}.pdf", lo_version(), NOTES[stem])
        # the alt truth holds what the corpus truth holds (no uncounted extras but paragraphs)
        for k in ("endnotes", "endnote_markers", "non_markers"):
            truth.pop(k)
            truth["counts"].pop(k)
        if stem == "wic-report-zh":
            _check_against_typst_truth(truth)
        out_pdf.parent.mkdir(parents=True, exist_ok=True)
        out_pdf.write_bytes((tmp / f"{stem}.pdf").read_bytes())
    typst_build.atomic_write(out_truth, (json.dumps(truth, ensure_ascii=False, indent=1) + "\n").encode())
    return truth


def _check_against_typst_truth(truth: dict) -> None:
    """Same headings, notes, markers and clauses as the Typst truth, pages aside."""
    ref = json.loads((CORPUS / "truth" / "wic-report-zh.json").read_text(encoding="utf-8"))
    for k, fields in (("headings", ("level", "number", "text")), ("footnotes", ("label", "text")),
                      ("markers", ("label", "context")), ("clauses", ("number", "text-start"))):
        a = [tuple(x.get(f) for f in fields) for x in truth[k]]
        b = [tuple(x.get(f) for f in fields) for x in ref[k]]
        if k == "clauses":  # a clause's whole text spans its paragraphs: take the source's
            for x, y in zip(truth[k], ref[k]):
                x["text"] = y["text"]
        if a != b:
            diff = next((x, y) for x, y in zip(a + [None] * len(b), b + [None] * len(a)) if x != y)
            raise TruthError(f"wic-report-zh: alt {k} differ from the Typst truth: {diff}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--keep-odt", type=Path, help="also write the generated .odt files here")
    ap.add_argument("--only", choices=DOCS, action="append")
    a = ap.parse_args(argv)
    for stem in a.only or DOCS:
        try:
            t = build_one(stem, PDF_DIR / f"{stem}.pdf", TRUTH_DIR / f"{stem}.json", a.keep_odt)
        except (TruthError, RuntimeError) as e:
            print(f"build_alt.py: error: {e}", file=sys.stderr)
            return 2
        c = t["counts"]
        print(f"{stem}.pdf: {t['pages']} pages, {c['headings']} headings, {c['footnotes']} footnotes, "
              f"{c['markers']} markers, {c.get('clauses', 0)} clauses")
    return 0


if __name__ == "__main__":
    sys.exit(main())
