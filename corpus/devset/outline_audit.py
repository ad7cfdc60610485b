#!/usr/bin/env python3
"""Outline-blind heading audit: headings found by typography and numbering alone, scored
against the outline (bookmarks) the PDF's author made.

    .venv/bin/python corpus/devset/outline_audit.py PDF_OR_DIR... --out DIR [--jobs N]
    .venv/bin/python corpus/devset/outline_audit.py ... --use outline,tags   # the ceiling

Why: our hand truth is small and mostly printed here, and quality is judged on other
producers' PDFs. A real PDF with an outline carries its author's own list of headings, so
every such PDF is a heading test — but only if the extraction does not read that outline.
Each PDF is extracted once with the outline and heading tags withheld
(``extract_pdf(..., withhold=...)``, see ``pariter.extract.document.WITHHOLDABLE``) and
its headings are matched to the outline's entries:

- *Entries*: outline entries that point to a page, of :data:`MIN_ENTRY_CHARS` characters
  at least (an index's letter groups are left out). An entry is *printed* when a heading or
  a paragraph on its page or a page beside it starts with its title (a bookmark the text
  never shows, "Title page" or a hidden Word bookmark, is no heading to find). Recall is
  over printed entries.
- *Same heading*: titles are compared NFKC-normalised, casefolded, without white space and
  without a leading section number; equal, or one the start of the other when the shorter
  has at least :data:`MIN_PREFIX` characters (an outline's short title, a heading the
  extraction cut), or ``difflib`` similarity at least :data:`MIN_RATIO`.
- *Page*: a heading is printed on the entry's destination page or one page off (a
  destination at the foot of the page before, a chapter page after its divider).
- *One to one*: pairs are taken best first (text score, then page distance).
- *Precision* counts the headings on pages some printed entry points to: there the author listed
  the headings, so a heading matched to no entry is a false heading (or a level the
  outline leaves out: the detail file lists them for reading).

Writes ``DIR/audit.tsv`` (per file: producer family, entries, printed, found, recall,
headings, matched, precision), ``DIR/summary.tsv`` (pooled, and by producer family) and
``DIR/detail.json`` (each file's missed entries and unmatched headings). A file without
an outline of at least ``--min-entries`` entries is listed as skipped; a file that cannot
be extracted is listed with its error and makes the exit status 1.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

#: One title the start of the other counts only from this many characters (after folding):
#: shorter prefixes match by accident.
MIN_PREFIX = 4
#: Titles at least this similar are the same (a ligature, a dropped accent, a hyphen).
MIN_RATIO = 0.85
#: Entries of fewer characters (after folding) are left out: an index's letter groups
#: ("A", "B", ...) that documentation outlines list are no titles to match surely.
MIN_ENTRY_CHARS = 2
#: A heading may be printed this many pages from its entry's destination.
PAGE_SLACK = 1

#: Producer families, first match wins (the producer string, else the creator's).
FAMILIES: tuple[tuple[str, str], ...] = (
    (r"LuaH?B?TeX|LuaLaTeX", "LuaTeX"),
    (r"xdvipdfmx|XeTeX|dvipdfm", "XeTeX/dvipdfmx"),
    (r"pdf-?e?TeX|pdf-?e?LaTeX|TeXShop|MiKTeX", "pdfTeX"),
    (r"PDFsharp|InDesign", "InDesign/PDFsharp"),
    (r"Distiller|Acrobat|Adobe PDF", "Acrobat/Distiller"),
    (r"Ghostscript", "Ghostscript"),
    (r"Microsoft|Word", "Word"),
    (r"LibreOffice|OpenOffice", "LibreOffice"),
    (r"Quartz|Mac OS", "Quartz"),
    (r"cairo", "cairo"),
    (r"Skia|Chrom", "Chromium"),
    (r"wkhtmltopdf|Qt ", "wkhtmltopdf"),
    (r"FOP", "FOP"),
    (r"Typst", "Typst"),
    (r"rinohtype", "rinohtype"),
    (r"TeX|hyperref", "TeX (other)"),
)


def family(producer: str, creator: str) -> str:
    """The producer family a PDF's metadata names (authors overwrite Producer: the
    creator decides then)."""
    for text in (producer, creator):
        for pat, name in FAMILIES:
            if text and re.search(pat, text, re.I):
                return name
    return "other"


def fold(text: str) -> str:
    """A title as compared: NFKC, casefolded, no white space, no leading number, no
    trailing punctuation."""
    from pariter.extract.headings import split_number

    t = unicodedata.normalize("NFKC", text).strip()
    _, rest = split_number(t)
    t = rest or t
    return re.sub(r"\s+", "", t).casefold().rstrip(".:：。")


def title_score(entry: str, heading: str) -> float:
    """How surely an outline entry and a printed heading are one title (0: not)."""
    a, b = fold(entry), fold(heading)
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    short, long_ = sorted((a, b), key=len)
    if len(short) >= MIN_PREFIX and long_.startswith(short):
        return 0.9
    r = SequenceMatcher(None, a, b, autojunk=False).ratio()
    return r * 0.9 if r >= MIN_RATIO else 0.0


@dataclass
class FileAudit:
    name: str
    producer: str = ""
    family: str = "other"
    pages: int = 0
    entries: int = 0
    printed: int = 0
    found: int = 0
    headings: int = 0
    matched: int = 0
    error: str | None = None
    skipped: str | None = None
    missed: list[dict] = field(default_factory=list)
    false: list[dict] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.printed if self.printed else 1.0

    @property
    def precision(self) -> float:
        return self.matched / self.headings if self.headings else 1.0


def _metadata(path: Path) -> tuple[str, str, int]:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        meta = pdf.get_metadata_dict()
        return (meta.get("Producer") or "").strip(), (meta.get("Creator") or "").strip(), len(pdf)
    finally:
        pdf.close()


def audit_file(path: str | Path, use: tuple[str, ...] = (), min_entries: int = 3) -> FileAudit:
    """Extract ``path`` without the evidence not in ``use`` and score its headings against
    its outline."""
    from pariter.extract import extract_pdf
    from pariter.extract.document import WITHHOLDABLE
    from pariter.extract.outline import read_outline

    p = Path(path)
    fa = FileAudit(p.name)
    try:
        fa.producer, creator, fa.pages = _metadata(p)
        fa.family = family(fa.producer, creator)
        entries = [e for e in read_outline(p)
                   if e.page is not None and len(fold(e.title)) >= MIN_ENTRY_CHARS]
        fa.entries = len(entries)
        if len(entries) < min_entries:
            fa.skipped = f"outline of {len(entries)} entries"
            return fa
        doc = extract_pdf(p, jobs=1, withhold=sorted(WITHHOLDABLE - set(use)))
    except Exception as exc:  # an audit goes on to the next file, and says why
        fa.error = f"{p}: {type(exc).__name__}: {exc}"
        return fa
    heads = [(h.page, h.text, f"{h.number} {h.text}" if h.number else h.text, h.source)
             for h in doc.headings]
    starts = [(h[0], h[2]) for h in heads] + [(q.page, q.text[:300]) for q in doc.paragraphs]

    def near(page: int, other: int) -> bool:
        return abs(page - other) <= PAGE_SLACK

    printed = [e for e in entries
               if any(near(e.page, pg) and _starts(e.title, t) for pg, t in starts)]
    fa.printed = len(printed)
    pairs = []
    for i, e in enumerate(printed):
        for j, (pg, text, full, _src) in enumerate(heads):
            if near(e.page, pg):
                s = max(title_score(e.title, text), title_score(e.title, full))
                if s > 0:
                    pairs.append((-s, abs(e.page - pg), i, j))
    used_e: set[int] = set()
    used_h: set[int] = set()
    for _s, _d, i, j in sorted(pairs):
        if i not in used_e and j not in used_h:
            used_e.add(i)
            used_h.add(j)
    fa.found = len(used_e)
    covered = {e.page for e in printed}
    on_covered = [j for j, h in enumerate(heads) if h[0] in covered]
    fa.headings = len(on_covered)
    fa.matched = sum(1 for j in on_covered if j in used_h)
    fa.missed = [{"page": e.page, "level": e.level, "title": e.title}
                 for i, e in enumerate(printed) if i not in used_e]
    fa.false = [{"page": heads[j][0], "text": heads[j][2], "source": heads[j][3]}
                for j in on_covered if j not in used_h]
    return fa


def _starts(title: str, text: str) -> bool:
    """Does ``text`` (a heading, a paragraph) print the entry ``title`` at its start?"""
    a, b = fold(title), fold(text)
    if not a or not b:
        return False
    if b.startswith(a) or (len(b) >= MIN_PREFIX and a.startswith(b)):
        return True
    return title_score(title, text[: len(title) + 8]) > 0


def _pdfs(args: list[str]) -> list[Path]:
    out: list[Path] = []
    for a in args:
        p = Path(a)
        if p.is_dir():
            out += sorted(p.rglob("*.pdf"))
        elif p.is_file():
            out.append(p)
        else:
            raise SystemExit(f"outline_audit: no such file or folder: {a}")
    return out


def _row(name: str, fam: str, files: int, entries: int, printed: int, found: int,
         headings: int, matched: int) -> list[str]:
    rec = found / printed if printed else 1.0
    prec = matched / headings if headings else 1.0
    f1 = 2 * rec * prec / (rec + prec) if rec + prec else 0.0
    return [name, fam, str(files), str(entries), str(printed), str(found), f"{rec:.3f}",
            str(headings), str(matched), f"{prec:.3f}", f"{f1:.3f}"]


HEADER = ["file", "family", "files", "entries", "printed", "found", "recall", "headings",
          "matched", "precision", "f1"]


def write_report(results: list[FileAudit], out: Path) -> list[list[str]]:
    """The three report files; returns the summary rows (pooled first)."""
    out.mkdir(parents=True, exist_ok=True)
    scored = [r for r in results if not r.error and not r.skipped]
    rows = [HEADER] + [_row(r.name, r.family, 1, r.entries, r.printed, r.found, r.headings, r.matched)
                       for r in scored]
    rows += [[r.name, r.family, "0", str(r.entries), "", "", "", "", "", "", r.error or r.skipped or ""]
             for r in results if r.error or r.skipped]
    (out / "audit.tsv").write_text("".join("\t".join(r) + "\n" for r in rows), encoding="utf-8")
    groups: dict[str, list[FileAudit]] = defaultdict(list)
    for r in scored:
        groups[r.family].append(r)

    def pooled(name: str, rs: list[FileAudit]) -> list[str]:
        return _row(name, name if name != "pooled" else "*", len(rs), sum(r.entries for r in rs),
                    sum(r.printed for r in rs), sum(r.found for r in rs),
                    sum(r.headings for r in rs), sum(r.matched for r in rs))

    summary = [pooled("pooled", scored)] + [pooled(k, groups[k]) for k in sorted(groups)]
    nontex = [r for r in scored if r.family not in {"pdfTeX", "XeTeX/dvipdfmx", "LuaTeX", "TeX (other)"}]
    summary.append(pooled("non-TeX producers", nontex))
    (out / "summary.tsv").write_text("".join("\t".join(r) + "\n" for r in [HEADER] + summary),
                                     encoding="utf-8")
    detail = {r.name: {"family": r.family, "producer": r.producer, "missed": r.missed,
                       "false": r.false, "error": r.error, "skipped": r.skipped}
              for r in results}
    (out / "detail.json").write_text(json.dumps(detail, ensure_ascii=False, indent=1, sort_keys=True)
                                     + "\n", encoding="utf-8")
    return summary


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("pdfs", nargs="+", help="PDF files or folders (searched for *.pdf)")
    ap.add_argument("--out", required=True, type=Path)
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--use", default="", help="evidence to keep after all (outline,tags): a ceiling run")
    ap.add_argument("--min-entries", type=int, default=3)
    a = ap.parse_args(argv)
    use = tuple(x for x in a.use.split(",") if x)
    files = _pdfs(a.pdfs)
    with ProcessPoolExecutor(max(1, a.jobs)) as ex:
        results = list(ex.map(audit_file, files, [use] * len(files), [a.min_entries] * len(files)))
    results.sort(key=lambda r: r.name)
    summary = write_report(results, a.out)
    for r in [HEADER] + summary:
        print("\t".join(r[:1] + r[2:]))
    errors = [r.error for r in results if r.error]
    for e in errors:
        print(f"error: {e}", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
