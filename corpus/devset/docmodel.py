"""A small document model that every dev-set renderer reads, and the truth derived from it.

A document is a list of blocks (headings, paragraphs, lists, tables, page breaks, an endnotes
section) whose inline runs carry the things the truth needs: footnote and endnote callouts
(:class:`Note`), callouts whose note was never printed (:class:`Mark`), and superscripts or
subscripts that are NOT callouts (:class:`Sup`, :class:`Sub`: exponents, indices, R²).

The truth is written from this model, never from an extractor: which lines are headings and
with which number, which notes exist with which label and text, the text just before every
callout. Only the *page* of each item comes from the produced PDF, found by searching its
text layer with pypdfium2 in document order (:func:`locate`); every item must be found, or
the build fails naming it, so a truth file never holds a guess.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Union

CONTEXT_CHARS = 30  # as in corpus/typeset/build.py: the callout's context is the last 30 chars
GAP = 1500  # characters of running matter, notes or another column a break may put inside a text


# ------------------------------------------------------------------------- inline runs
@dataclass
class Note:
    """A callout and its note. ``kind`` is "foot" (page footnote) or "end" (endnote)."""
    text: str
    kind: str = "foot"
    label: str = ""  # the printed label; assigned by number_notes() unless given
    custom_label: bool = False  # printed as given, not counted by the producer (gaps: 16 -> 19)


@dataclass
class Mark:
    """A printed callout whose note text does not exist (the published WIC report has some)."""
    label: str


@dataclass
class Sup:
    """A raised string that is not a callout: an exponent, an ordinal, R²."""
    text: str


@dataclass
class Sub:
    """A lowered string: an index (P₁), a chemical formula."""
    text: str


@dataclass
class B:
    text: str


@dataclass
class I:  # noqa: E742 - italic, named like the HTML element
    text: str


Run = Union[str, Note, Mark, Sup, Sub, B, I]


# ------------------------------------------------------------------------- blocks
@dataclass
class Heading:
    level: int
    number: str  # as printed ("1.1", "一、", "Chapter 2", "" if none)
    text: str
    text_en: str | None = None  # a second-language line under the heading (bilingual docs)
    page_break: bool = False  # starts a new page


@dataclass
class Para:
    runs: list[Run]
    role: str = "body"  # body | title | meta | clause | quote
    number: str = ""  # a clause number set before the text
    lang: str | None = None


@dataclass
class Items:
    items: list[list[Run]]
    ordered: bool = False  # numbered "1." items (list items, not headings)
    label: str = ""  # printed label form of ordered items: "1)", "a)", "i.", "(a)", "（一）"; "" = "1."


@dataclass
class Table:
    rows: list[list[list[Run]]]  # first row is the header
    caption: str = ""


@dataclass
class PageBreak:
    pass


@dataclass
class Figure:
    """A drawn box with a caption under it ("Figure 2. …", "图 1-1 …"): the caption is
    neither a heading nor a body paragraph. Not searched for: producers float figures."""
    caption: str
    height_cm: float = 2.5


@dataclass
class Aside:
    """A sidebar box beside the text (a float): its lead-in title is not a section heading and
    its text is not a body paragraph. Not searched for: where a float lands in the text layer
    depends on the producer."""
    title: str
    runs: list[Run]


@dataclass
class Abstract:
    """Front matter: an abstract under its own title (a level-1 heading without number, as the
    shared truth records 摘要/ABSTRACT), or run in (IEEE 'Abstract—…': no heading), then a
    keywords line that is neither heading nor body paragraph."""
    title: str
    paras: list[list[Run]]
    keywords: str = ""
    run_in: bool = False


@dataclass
class Toc:
    """A table of contents (title as a level-1 heading; its entries repeat the headings and
    are neither headings nor paragraphs). The producer writes the entries (LaTeX) or the
    renderer writes them from the headings with the pages of a first typesetting."""
    title: str = "Contents"
    pages: dict = field(default_factory=dict)  # heading text -> printed page (second pass)


@dataclass
class EndnotesSection:
    """Where the endnotes are printed; ``title`` is its heading (Notes, 注释, 尾注)."""
    title: str
    heading_level: int = 1


Block = Union[Heading, Para, Items, Table, PageBreak, EndnotesSection, Figure, Aside, Abstract, Toc]


@dataclass
class Doc:
    name: str
    lang: str  # zh | en | zh-en
    title: str
    blocks: list[Block]
    subtitle: str = ""
    author: str = ""
    notes: list[str] = field(default_factory=list)  # traps and signals, copied into the truth


def marks_per_section(doc: "Doc", marks: "list[str] | tuple[str, ...]") -> None:
    """Footnotes marked by the author's own marks, in turn, restarting at every level-1
    heading (Word's custom marks, LaTeX's ``\\footnote[n]`` with ``\\fnsymbol``)."""
    k = 0
    for b in doc.blocks:
        if isinstance(b, Heading) and b.level == 1:
            k = 0
        for runs in runs_of(b):
            for r in runs:
                if isinstance(r, Note) and r.kind == "foot":
                    r.label, r.custom_label = marks[k % len(marks)], True
                    k += 1


# ------------------------------------------------------------------------- walking
def runs_of(block: Block) -> Iterator[list[Run]]:
    """Every run list of a block, in reading order."""
    if isinstance(block, Para):
        yield block.runs
    elif isinstance(block, Abstract):
        yield from block.paras
    elif isinstance(block, Items):
        yield from block.items
    elif isinstance(block, Table):
        for row in block.rows:
            yield from row


def all_notes(doc: Doc) -> list[Note]:
    return [r for b in doc.blocks for runs in runs_of(b) for r in runs if isinstance(r, Note)]


def number_notes(doc: Doc, reset_at_level: int | None = None) -> None:
    """Give every unlabelled note the label its producer prints: footnotes and endnotes are
    numbered apart, 1, 2, 3 ... through the document, restarting at each heading of
    ``reset_at_level`` when the producer restarts there (LaTeX report/ctexrep chapters)."""
    n = {"foot": 0, "end": 0}
    for b in doc.blocks:
        if isinstance(b, Heading) and reset_at_level is not None and b.level == reset_at_level:
            n["foot"] = 0
        for runs in runs_of(b):
            for r in runs:
                if isinstance(r, Note) and not r.label:
                    n[r.kind] += 1
                    r.label = str(n[r.kind])


def plain(runs: Iterable[Run]) -> str:
    """The text a reader sees, callout labels left out (the extractor removes them too)."""
    out = []
    for r in runs:
        if isinstance(r, str):
            out.append(r)
        elif isinstance(r, (Sup, Sub, B, I)):
            out.append(r.text)
    return "".join(out)


def squash(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


# ------------------------------------------------------------------------- PDF text search
def key(s: str) -> str:
    """Search form: NFKC, letters and digits only, lower case. Punctuation, spaces and
    hyphens differ between a source and a typeset text layer (curly quotes, dashes, line-end
    hyphens, CJK spacing); letters and digits do not."""
    s = unicodedata.normalize("NFKC", s)
    return "".join(c for c in s if c.isalnum()).lower()


class PdfText:
    """The text layer of a PDF as one searchable key string with page offsets."""

    def __init__(self, pdf: Path):
        import pypdfium2 as pdfium

        doc = pdfium.PdfDocument(str(pdf))
        try:
            self.raw: list[str] = []
            for i in range(len(doc)):
                page = doc[i]
                tp = page.get_textpage()
                self.raw.append(tp.get_text_range())
                tp.close()
                page.close()
        finally:
            doc.close()
        self.keys = [key(t) for t in self.raw]
        self.starts = []
        pos = 0
        for k in self.keys:
            self.starts.append(pos)
            pos += len(k)
        self.all = "".join(self.keys)

    @property
    def pages(self) -> int:
        return len(self.raw)

    def page_at(self, pos: int) -> int:
        """1-based page of a position in :attr:`all`."""
        page = 1
        for i, s in enumerate(self.starts):
            if s <= pos:
                page = i + 1
        return page

    def find(self, k: str, start: int = 0, gap: int = GAP) -> tuple[int, int]:
        """(start, end) of ``k`` in :attr:`all` at or after ``start``, or (-1, -1).

        A text cut by a page or column break has the running header and footer, the
        footnotes or the rest of a column between its two parts: when ``k`` is not there
        whole, it is found as a prefix followed, at most ``gap`` characters later, by the
        rest (the longest prefix first)."""
        if not k:
            return -1, -1
        pos = self.all.find(k, start)
        if pos >= 0:
            return pos, pos + len(k)
        for j in range(len(k) - 1, 0, -1):
            a, b = k[:j], k[j:]
            q = self.all.find(a, start)
            while q >= 0:
                r = self.all.find(b, q + j, q + j + gap + len(b))
                if r >= 0:
                    return q, r + len(b)
                q = self.all.find(a, q + 1)
        return -1, -1


class TruthError(Exception):
    pass


def _head_key(runs: list[Run], n: int = 16) -> str:
    """Search key of a paragraph's start: its first ``n`` letters and digits up to the first
    callout or exponent (whose printed label would sit inside)."""
    k = ""
    for r in runs:
        if isinstance(r, (str, B, I)):
            k += key(r if isinstance(r, str) else r.text)
        else:
            break
    return (k or key(plain(runs)))[:n]


def _tail_key(runs: list[Run], upto: int) -> str:
    """Search key of the text just before run ``upto`` back to the previous non-text run (a
    callout, an exponent), whose printed label would sit inside a longer key. Searched from
    just after the previous item of the same paragraph, a short key is still unambiguous."""
    k = ""
    for r in reversed(runs[:upto]):
        if isinstance(r, (str, B, I)):
            k = key(r if isinstance(r, str) else r.text) + k
        else:
            break
    return k[-40:]


def locate(doc: Doc, pdf: Path, *, heading_case_from_pdf: bool = True,
           start_page: int = 1) -> dict:
    """Headings, footnotes, markers, endnotes and paragraphs of ``doc`` with the pages the
    PDF prints them on. Raises :class:`TruthError` naming the first item not found."""
    text = PdfText(pdf)
    cur = text.starts[start_page - 1] if start_page > 1 else 0
    headings, footnotes, markers, endnotes, end_markers = [], [], [], [], []
    paragraphs, non_markers, clauses = [], [], []
    end_queue: list[tuple[Note, int]] = []

    def need(k: str, what: str, frm: int) -> tuple[int, int]:
        pos, end = text.find(k, frm)
        if pos < 0:
            raise TruthError(f"{doc.name}: {what} not found in the PDF text after page "
                             f"{text.page_at(frm)}: {k[:60]!r}")
        return pos, end

    def printed_case(s: str, page: int) -> str:
        raw = unicodedata.normalize("NFKC", text.raw[page - 1])
        flat = re.sub(r"\s+", "", raw)
        if re.sub(r"\s+", "", s) in flat:
            return s
        if re.sub(r"\s+", "", s.upper()) in flat:
            return s.upper()
        return s

    for b in doc.blocks:
        if isinstance(b, Heading):
            k = key(b.number + b.text)
            pos, end = text.find(k, cur, gap=0)
            if pos < 0:  # number and title apart (a chapter label line, a marginal number)
                pos, end = need(key(b.text), f"heading {b.number} {b.text!r}", cur)
                kn = key(b.number)
                if kn and text.all.rfind(kn, max(0, pos - 40), pos) < 0:
                    raise TruthError(f"{doc.name}: number {b.number!r} not printed before {b.text!r}")
            page = text.page_at(pos)
            h = {"page": page, "level": b.level, "number": b.number,
                 "text": printed_quotes(printed_case(b.text, page) if heading_case_from_pdf
                                        else b.text, text.raw[page - 1])}
            if b.text_en:
                h["text_en"] = b.text_en
            headings.append(h)
            cur = end
            continue
        if isinstance(b, EndnotesSection):
            pos, cur = need(key(b.title), f"endnotes heading {b.title!r}", cur)
            page = text.page_at(pos)
            headings.append({"page": page, "level": b.heading_level, "number": "",
                             "text": printed_case(b.title, page)})
            for note, _ in end_queue:
                p2, end = text.find(key(note.label + note.text), cur)
                if p2 < 0:
                    p2, end = need(key(note.text), f"endnote {note.label}", cur)
                pg = text.page_at(p2)
                endnotes.append({"page": pg, "label": note.label,
                                 "text": printed_quotes(squash(note.text), text.raw[pg - 1])})
                cur = end
            end_queue.clear()
            continue
        if isinstance(b, PageBreak):
            continue
        if isinstance(b, Toc):
            pos, cur = need(key(b.title), f"contents title {b.title!r}", cur)
            page = text.page_at(pos)
            headings.append({"page": page, "level": 1, "number": "",
                             "text": printed_case(b.title, page)})
            later = doc.blocks[doc.blocks.index(b) + 1:]
            for h in later:  # the entries repeat the headings: step over them
                if isinstance(h, Heading):
                    _, cur = need(key(h.text), f"contents entry {h.text!r}", cur)
            continue
        if isinstance(b, Abstract):
            if not b.run_in:
                pos, cur = need(key(b.title), f"abstract title {b.title!r}", cur)
                page = text.page_at(pos)
                headings.append({"page": page, "level": 1, "number": "",
                                 "text": printed_case(b.title, page)})
        for runs in runs_of(b):
            body = plain(runs)
            if not key(body):
                continue
            ks = _head_key(runs)
            pstart, pend = need(ks, f"paragraph {squash(body)[:40]!r}", cur)
            kind = ("clause" if isinstance(b, Para) and b.role == "clause" else
                    "list-item" if isinstance(b, Items) else
                    "table-cell" if isinstance(b, Table) else
                    b.role if isinstance(b, Para) else "body")
            if kind in ("body", "clause", "list-item", "quote"):
                paragraphs.append({"page": text.page_at(pstart), "kind": kind,
                                   "start": squash(body)[:30], "text": squash(body)})
            if kind == "clause":
                clauses.append({"page": text.page_at(pstart), "number": b.number,
                                **({"lang": b.lang} if b.lang else {}),
                                "text-start": squash(body)[:20], "text": squash(body)})
            pcur = pstart
            for i, r in enumerate(runs):
                if not isinstance(r, (Note, Mark, Sup, Sub)):
                    continue
                tk = _tail_key(runs, i)
                if tk:
                    _, pcur = need(tk, f"text before {type(r).__name__} "
                                       f"{getattr(r, 'label', '') or r.text!r} in {squash(body)[:30]!r}",
                                   pcur)
                page = text.page_at(max(pcur - 1, 0))
                ctx = printed_quotes(squash(plain(runs[:i]))[-CONTEXT_CHARS:], text.raw[page - 1])
                if isinstance(r, (Sup, Sub)):
                    non_markers.append({"page": page, "kind": type(r).__name__.lower(),
                                        "text": r.text, "context": ctx})
                    continue
                if isinstance(r, Mark):
                    markers.append({"page": page, "label": r.label, "context": ctx})
                    continue
                if r.kind == "end":
                    end_markers.append({"page": page, "label": r.label, "context": ctx})
                    end_queue.append((r, page))
                    continue
                markers.append({"page": page, "label": r.label, "context": ctx})
                nk = key(r.text)
                pg_key = text.keys[page - 1]
                if nk[:24] not in pg_key:
                    raise TruthError(f"{doc.name}: footnote {r.label} not on the page of its "
                                     f"callout (p{page}): {r.text[:50]!r}")
                footnotes.append({"page": page, "label": r.label,
                                  "text": printed_quotes(squash(r.text), text.raw[page - 1])})
            cur = max(cur, pend)
        if isinstance(b, Abstract) and b.keywords:
            _, cur = need(key(b.keywords)[:24], "keywords line", cur)
    if end_queue:
        raise TruthError(f"{doc.name}: endnotes without an EndnotesSection")
    return {"pages": text.pages, "headings": headings, "footnotes": footnotes,
            "markers": markers, "endnotes": endnotes, "endnote_markers": end_markers,
            "paragraphs": paragraphs, "non_markers": non_markers, "clauses": clauses}


# characters a producer may print in another form: TeX and pandoc curl quotes, Typst too,
# xeCJK sets …… as ⋯⋯
_QUOTES = {"'": "'‘’`´′", '"': '"“”„″', "…": "…⋯", "—": "—―─"}


def printed_quotes(text: str, page_raw: str) -> str:
    """``text`` with its ASCII quotes as the producer printed them (TeX and pandoc turn ' into
    ’, Typst into ‘ ’): the text is found in the page's text layer with any quote, any
    spacing and any line-end hyphen allowed, and the printed quote characters are taken in
    order. Letters are never taken from the PDF; when the text is not found it is kept."""
    cls = {c: chr(0xE000 + k) for k, v in enumerate(_QUOTES.values()) for c in v}
    if not any(c in cls for c in text):
        return text

    def canon(s: str) -> tuple[str, list[str]]:
        out, orig = [], []
        s = s.replace("\x02", "-").replace("\ufffe", "-")  # pdfium marks line-end hyphens so
        for c in s:
            if c.isspace():
                continue
            if c in "-\xad":  # line-end hyphens come and go; compare without any hyphen
                continue
            for d in unicodedata.normalize("NFKC", c) if c not in cls else c:
                out.append(cls.get(d, d))
                orig.append(d)
        return "".join(out), orig

    t, _ = canon(text)
    r, r_orig = canon(page_raw)
    pos = r.find(t)
    if pos < 0:
        return text
    got = iter(r_orig[pos + k] for k, c in enumerate(t) if "\ue000" <= c <= "\ue0ff")
    return "".join(next(got) if c in cls else c for c in text)


def truth_json(doc: Doc, found: dict, pdf_name: str, producer: str, extra_notes: list[str]
               ) -> dict:
    """The shared truth format (pages_covered, headings, footnotes, markers, notes) plus the
    uncounted extras this dev set adds (endnotes, endnote_markers, paragraphs, non_markers)."""
    t: dict = {"file": pdf_name, "producer": producer, "lang": doc.lang, "pages": found["pages"],
               "pages_covered": list(range(1, found["pages"] + 1))}
    t["counts"] = {k: len(found[k]) for k in ("headings", "footnotes", "markers", "endnotes",
                                               "endnote_markers", "paragraphs", "non_markers")}
    for k in ("headings", "footnotes", "markers"):
        t[k] = found[k]
    if found["clauses"]:
        t["clauses"] = found["clauses"]
        t["counts"]["clauses"] = len(found["clauses"])
    for k in ("endnotes", "endnote_markers", "non_markers", "paragraphs"):
        t[k] = found[k]
    t["notes"] = list(doc.notes) + list(extra_notes)
    return t
