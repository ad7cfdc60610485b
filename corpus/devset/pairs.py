#!/usr/bin/env python3
"""Held-out zh/en document pairs with sentence gold, for the aligner (nobody tunes on them).

    .venv/bin/python corpus/devset/pairs.py --out /work/devset2/pairs        # build all
    .venv/bin/python corpus/devset/pairs.py --out DIR --only bible-gen24
    .venv/bin/python corpus/devset/run_pairs.py /work/devset2/pairs         # extract, align, score

Each pair is the same Bible text (KJV / Chinese Union Version, ``shared/data/bible-en-zh``)
typeset differently on each side (LibreOffice against two-column LaTeX, ctexart against
Chromium, …), with differences a translator makes, made on purpose and recorded in the gold:
a paragraph break moved, an English sentence split in two, a sentence left out on one side,
headings numbered differently (``一、``/``（一）`` against ``I.``/``1.``), footnotes on one
side against endnotes on the other.

Gold, in the format of ``shared/data/realpairs/gold`` (its ``score_pairs.py`` reads it with
``--gold DIR/gold``): sentences split at each language's own sentence ends (Chinese after
。！？；, English after . ! ?), as printed; beads from the verse-derived gold alignment of the
Bible set (``gold.align``), merged where a bead ends inside a sentence; headings and notes are
units of their own. Every gold sentence is checked against the PDF's text layer.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "typeset"))

import specs2  # noqa: E402  (registers build.py as devset_build)
from docmodel import Doc, EndnotesSection, Heading, Note, Para, PdfText, TruthError, key, locate  # noqa: E402
from render_odt import HeadingLook  # noqa: E402
from texts import BIBLE  # noqa: E402
import texts2 as T  # noqa: E402

B = specs2.B
ZH_END = re.compile(r"(?<=[。！？；])(?![”’」』）)])|(?<=[。！？；][”’」』）])")
EN_END = re.compile(r"(?<=[.?!])\s+(?=[A-Z“‘(])|(?<=[.?!][”’)])\s+")


def split_zh(s: str) -> list[str]:
    return [x for x in (p.strip() for p in ZH_END.split(s)) if x]


def split_en(s: str) -> list[str]:
    return [x for x in (p.strip() for p in EN_END.split(s)) if x]


_ZH_FINAL = re.compile(r"[。！？；][”’」』）]*$")
_EN_FINAL = re.compile(r"[.?!][”’)]*$")


@dataclass
class Bead:
    zh: list[str]
    en: list[str]
    verse: int  # the verse the bead starts in


def chapter_beads(book: str, chapter: int, verses: int) -> list[Bead]:
    """Sentence beads of one chapter from the Bible set's gold alignment (lines → beads), merged
    until both sides end at a sentence end, then each side split at its own sentence ends."""
    en = (BIBLE / "en.txt").read_text(encoding="utf-8").splitlines()
    zh = (BIBLE / "zh.txt").read_text(encoding="utf-8").splitlines()
    ev = (BIBLE / "en.verse").read_text(encoding="utf-8").splitlines()
    out: list[Bead] = []
    acc_e: list[str] = []
    acc_z: list[str] = []
    start = 0
    for line in (BIBLE / "gold.align").read_text(encoding="utf-8").splitlines():
        left, right = line.split(":")
        ei, zi = json.loads(left), json.loads(right)
        if not ei:
            continue
        b, c, v = ev[ei[0]].split(":")
        if b != book or int(c) != chapter or int(v) > verses:
            continue
        if not acc_e:
            start = int(v)
        acc_e += [en[i].strip() for i in ei]
        acc_z += [zh[i].strip() for i in zi]
        e, z = " ".join(acc_e), "".join(acc_z)
        if _EN_FINAL.search(e) and _ZH_FINAL.search(z):
            out.append(Bead(split_zh(z), split_en(e), start))
            acc_e, acc_z = [], []
    if acc_e:
        out.append(Bead(split_zh("".join(acc_z)), split_en(" ".join(acc_e)), start))
    if not out:
        raise ValueError(f"no gold beads for {book} {chapter}")
    return out


# ------------------------------------------------------------------------- pairs
@dataclass
class PairSpec:
    name: str
    chapters: list[tuple[str, int, int]]  # book, chapter, verses used
    zh_render: Callable
    en_render: Callable
    exercises: str
    zh_heads: tuple[str, str] = ("一、", "（一）")  # level 1 / level 2 number forms
    en_heads: tuple[str, str] = ("I.", "1.")
    zh_notes: str = "foot"
    en_notes: str = "foot"
    zh_per: int = 3  # beads per paragraph
    en_per: int = 3
    en_shift: int = 1  # the English paragraph breaks moved by this many beads
    split_en_at: int = 4  # the n-th bead's English sentence split in two (", and" → ". And")
    omit_zh_at: int = 9  # the n-th bead's Chinese sentences left out
    omit_en_at: int = 15  # the n-th bead's English sentences left out
    note_every: int = 6
    notes: list[str] = field(default_factory=list)


ROMAN = ["", "I", "II", "III", "IV", "V"]


def _num(form: str, n: int) -> str:
    if form == "一、":
        return f"{B.zh_num(n)}、"
    if form == "（一）":
        return f"（{B.zh_num(n)}）"
    if form == "第一章":
        return f"第{B.zh_num(n)}章"
    if form == "I.":
        return f"{ROMAN[n]}."
    if form == "1.":
        return f"{n}."
    if form == "1":
        return str(n)
    if form == "Chapter 1":
        return f"Chapter {n}"
    raise ValueError(form)


def _split_sentence(s: str) -> list[str] | None:
    """A translator's split: 'X, and Y.' → 'X.' 'And Y.' (also '; and')."""
    for sep in ("; and ", ", and ", ": and "):
        i = s.find(sep, 15)
        if i > 0 and len(s) - i > 15:
            rest = s[i + len(sep):]
            return [s[:i] + ".", "And " + rest]
    return None


def build_pair(p: PairSpec, out: Path) -> dict:
    """Both documents and the gold; the gold's sentences checked against both PDFs."""
    zh_blocks: list = []
    en_blocks: list = []
    gold_beads: list[tuple[list[str], list[str]]] = []
    notes_gold: list[tuple[list[str], list[str]]] = []
    changes: list[str] = []
    k = 0
    n_note = 0
    for ci, (book, ch, verses) in enumerate(p.chapters, 1):
        en_t, zh_t = T.BIB_TITLES[(book, ch)]
        hz, he = _num(p.zh_heads[0], ci), _num(p.en_heads[0], ci)
        zh_blocks.append(Heading(1, hz, zh_t))
        en_blocks.append(Heading(1, he, en_t))
        gold_beads.append(([hz + zh_t], [he + " " + en_t]))
        beads = chapter_beads(book, ch, verses)
        half = len(beads) // 2
        zpara: list = []
        epara: list = []
        for bi, bd in enumerate(beads):
            if bi == half:  # a level-2 heading half way through, numbered differently
                for blocks, para in ((zh_blocks, zpara), (en_blocks, epara)):
                    if para:
                        blocks.append(Para(list(para)))
                        para.clear()
                hz2, he2 = _num(p.zh_heads[1], 2), _num(p.en_heads[1], 2)
                zh_blocks.append(Heading(2, hz2, f"第{bd.verse}节以下"))
                en_blocks.append(Heading(2, he2, f"From Verse {bd.verse}"))
                gold_beads.append(([hz2 + f"第{bd.verse}节以下"], [he2 + " " + f"From Verse {bd.verse}"]))
            k += 1
            zs, es = list(bd.zh), list(bd.en)
            if k == p.split_en_at or (k > p.split_en_at and not any("split" in c for c in changes)):
                sp = _split_sentence(es[-1]) if es else None
                if sp:
                    es = es[:-1] + sp
                    changes.append(f"split: the English sentence of bead {k} split in two")
            if k == p.omit_zh_at and len(zs) == 1:
                changes.append(f"omitted: bead {k} has no Chinese (1 English sentence without counterpart)")
                zs = []
            elif k == p.omit_en_at and len(es) == 1:
                changes.append(f"omitted: bead {k} has no English")
                es = []
            gold_beads.append((zs, es))
            zpara += zs
            epara += [(" " if epara else "") + s for s in es]
            if p.note_every and k % p.note_every == 0 and zs and es:
                zn = T.BIB_NOTES_ZH[n_note % len(T.BIB_NOTES_ZH)]
                en_ = T.BIB_NOTES_EN[n_note % len(T.BIB_NOTES_EN)]
                n_note += 1
                zpara.append(Note(zn, kind=p.zh_notes))
                epara.append(Note(en_, kind=p.en_notes))
                notes_gold.append(([zn], [en_]))
            # paragraph ends: every zh_per beads on the Chinese side; the English shifted
            if k % p.zh_per == 0 and zpara:
                zh_blocks.append(Para(list(zpara)))
                zpara.clear()
            if (k + p.en_shift) % p.en_per == 0 and epara:
                en_blocks.append(Para(list(epara)))
                epara.clear()
        for blocks, para in ((zh_blocks, zpara), (en_blocks, epara)):
            if para:
                blocks.append(Para(list(para)))
                para.clear()
    if p.en_shift:
        changes.append(f"paragraph breaks: the English paragraphs end {p.en_shift} bead(s) later than the Chinese")
    changes.append(f"headings: Chinese {'/'.join(p.zh_heads)} against English {'/'.join(p.en_heads)}")
    changes.append(f"notes: Chinese {p.zh_notes}notes, English {p.en_notes}notes")
    for blocks, kind, title in ((zh_blocks, p.zh_notes, "注释"), (en_blocks, p.en_notes, "Notes")):
        if kind == "end":
            blocks.append(EndnotesSection(title))
    zdoc = specs2.make(f"{p.name}-zh", "zh", "经文选读", zh_blocks)
    edoc = specs2.make(f"{p.name}-en", "en", "Selected Readings", en_blocks)
    out.mkdir(parents=True, exist_ok=True)
    (out / "gold").mkdir(exist_ok=True)
    producers = {}
    with tempfile.TemporaryDirectory() as tmp:
        pages = {}
        for lang, doc, render in (("zh", zdoc, p.zh_render), ("en", edoc, p.en_render)):
            pdf = Path(tmp) / f"{p.name}-{lang}.pdf"
            producers[lang] = render(doc, pdf)
            locate(doc, pdf)  # every heading, paragraph and note where the model says
            pages[lang] = PdfText(pdf).pages
        zt, et = PdfText(Path(tmp) / f"{p.name}-zh.pdf"), PdfText(Path(tmp) / f"{p.name}-en.pdf")
        for side, text, sents in (("zh", zt, [s for b in gold_beads + notes_gold for s in b[0]]),
                                  ("en", et, [s for b in gold_beads + notes_gold for s in b[1]])):
            for s in sents:
                if text.find(key(s))[0] < 0:
                    raise TruthError(f"{p.name}: {side} gold sentence not in the PDF: {s[:50]!r}")
        for lang in ("zh", "en"):
            (out / f"{p.name}-{lang}.pdf").write_bytes((Path(tmp) / f"{p.name}-{lang}.pdf").read_bytes())
    zs_all, es_all, beads = [], [], []
    for zl, el in gold_beads + notes_gold:
        zi = list(range(len(zs_all), len(zs_all) + len(zl)))
        ei = list(range(len(es_all), len(es_all) + len(el)))
        zs_all += zl
        es_all += el
        beads.append(f"[{', '.join(map(str, zi))}]:[{', '.join(map(str, ei))}]")
    gold = {"pair": p.name, "zh_pdf": f"{p.name}-zh.pdf", "en_pdf": f"{p.name}-en.pdf",
            "producers": producers, "exercises": p.exercises, "differences": changes,
            "passages": [{"zh_pages": list(range(1, pages["zh"] + 1)),
                          "en_pages": list(range(1, pages["en"] + 1)),
                          "note": "the whole text: headings, paragraphs, notes; " + "; ".join(changes),
                          "zh_sentences": zs_all, "en_sentences": es_all, "beads": beads}]}
    (out / "gold" / f"{p.name}.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n",
                                                 encoding="utf-8")
    return gold


ZH_ODT = dict(size=10.5, font_asian="Noto Serif CJK SC", line_height="150%", lang="zh", country="CN",
              footer="page", headings={1: HeadingLook(10.5, font_asian="Noto Sans CJK SC"),
                                       2: HeadingLook(10.5, font_asian="AR PL UKai CN", bold=False)})
PAIRS = [
    PairSpec("bible-gen24", [("Gen", 24, 36)],
             B.odt(**ZH_ODT),
             B.latex(options="10pt,a4paper,twocolumn", hyperref=False, endnotes_name="Notes", literal_numbers=True),
             "zh LibreOffice (justified, 1.5 spacing, no indent, headings at body size) against en LaTeX two "
             "columns with endnotes", en_notes="end"),
    PairSpec("bible-exo12", [("Exo", 12, 30)],
             B.latex(engine="xelatex", cls="ctexart", options="UTF8,zihao=-4,a4paper", hyperref=True, literal_numbers=True,
                     preamble=[r"\ctexset{section={format=\large\bfseries\raggedright},subsection={format=\normalsize\bfseries}}"]),
             B.html(size="11pt", line_height="1.45"),
             "zh XeLaTeX ctexart with footnotes against en Chromium with endnotes", en_notes="end",
             zh_per=4, en_per=3),
    PairSpec("bible-lev19", [("Lev", 19, 30)],
             B.html(paged=True, columns=2, lang="zh", font="'Noto Serif CJK SC', serif", size="10pt",
                    col_chars=1300, line_height="1.6", css="h2 { font-size: 12pt; } h3 { font-size: 10.5pt; }"),
             specs2.pandoc_docx_ref({"Heading1": {"font": "Liberation Sans", "size": 26, "bold": True, "color": "1F4E79"},
                                     "Heading2": {"font": "Liberation Sans", "size": 22, "bold": True, "color": "1F4E79"},
                                     "BodyText": {"font": "Liberation Serif", "size": 22, "jc": "both"}}),
             "zh Chromium two columns with notes under each column against en pandoc DOCX → LibreOffice",
             zh_heads=("第一章", "（一）"), en_heads=("Chapter 1", "1."), zh_per=2, en_per=4),
    PairSpec("bible-num13", [("Num", 13, 30)],
             specs2.typst2('#set page(paper: "a5", margin: (x: 1.5cm, y: 1.8cm), numbering: "1")\n'
                           '#set text(font: ("Liberation Serif", "Noto Serif CJK SC"), size: 10pt, lang: "zh")\n'
                           '#set par(justify: true, leading: 0.9em, spacing: 1.1em, first-line-indent: 2em)\n'
                           '#show heading: it => block(above: 1.2em, below: 0.7em, text(size: 10pt, weight: "bold", it.body))\n'),
             B.odt(size=11, align="start", line_height="120%", page=("21.59cm", "27.94cm"),
                   headings={1: HeadingLook(13, font="Liberation Sans"), 2: HeadingLook(11, font="Liberation Sans")}),
             "zh Typst A5 with first-line indents against en LibreOffice ragged right, US letter",
             zh_heads=("一、", "（一）"), en_heads=("1", "1."), zh_per=3, en_per=5, omit_zh_at=7, omit_en_at=12),
    PairSpec("bible-gen41", [("Gen", 41, 24), ("Gen", 45, 12)],
             B.latex(engine="xelatex", cls="ctexart", options="UTF8,zihao=5,a4paper,twocolumn", hyperref=False,
                     literal_numbers=True, preamble=[
                         r"\ctexset{section={format=\normalsize\bfseries\raggedright},subsection={format=\normalsize\bfseries}}"]),
             B.latex(cls="memoir", options="11pt,a5paper,oneside", hyperref=False, endnotes_name="Notes",
                     literal_numbers=True),
             "zh XeLaTeX two columns, headings at body size, footnotes against en memoir A5 with endnotes",
             en_notes="end", zh_per=4, en_per=2),
]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=Path("/work/devset2/pairs"))
    ap.add_argument("--only", action="append")
    a = ap.parse_args(argv)
    failed = 0
    for p in PAIRS:
        if a.only and p.name not in a.only:
            continue
        try:
            g = build_pair(p, a.out)
        except (TruthError, RuntimeError, ValueError) as e:
            print(f"{p.name}: FAILED: {e}", file=sys.stderr)
            failed += 1
            continue
        ps = g["passages"][0]
        print(f"{p.name}: {len(ps['zh_sentences'])} zh / {len(ps['en_sentences'])} en sentences, "
              f"{len(ps['beads'])} beads ({sum(b.startswith('[]') or b.endswith(':[]') for b in ps['beads'])} null); "
              f"{len(ps['zh_pages'])} + {len(ps['en_pages'])} pages")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
