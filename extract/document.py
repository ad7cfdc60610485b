"""``extract_pdf``: the pipeline from a PDF file to a :class:`~pariter.model.Document`.

Pass 1 streams pages through the character layer into compact lines (glyphs are dropped
as soon as a page is done). Pass 2 works on the whole document's lines: running matter
needs repetition across pages, markers may point to notes on the next page, and
paragraphs continue across columns and pages.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pariter
from pariter import ids
from pariter.errors import InputError
from pariter.io import sha256_file
from pariter.model import (Box, Clause, Document, Footnote, Generator, Heading, Marker, Page,
                           PageBreak, Paragraph, Section, Source, Subtitle, Table, Warning)

from . import headings as hd
from .chars import Char, CharSource, PageTable, PdfplumberSource, Rule
from .figures import mark_figures
from .footnotes import Note, NoteArea, attach_tiny_labels, note_areas, parse_notes
from .hygiene import clean
from .lang import detect, detect_weight, own_lang
from .layout import merge_band_lines, reading_order
from .lines import Line, Sup, is_cjk_ideograph
from .running import find_running, page_number, to_running
from .textjoin import join2, vocabulary

_FINAL = tuple("。！？.!?:：；;”’」』)）")
_LIST_START = re.compile(r"^(?:[•·●■◆▪\-–]\s|\(?\d{1,2}[.)）](?!\d)\s*\S|[（(][0-9一二三四五六七八九十]{1,3}[）)]|[\u2460-\u2473])")
_CLAUSE = re.compile(r"^(0[1-9]|[1-9]\d)(?:\s+|(?=[\u4e00-\u9fff]))(?=\S)")


@dataclass
class _Page:
    number: int
    width: float
    height: float
    lines: list[Line] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    tables: list[PageTable] = field(default_factory=list)
    #: set (to the page's real width) when the page was read turned (vertical text)
    turned: float | None = None
    graphics: list[tuple[float, float, float, float]] = field(default_factory=list)


def _vertical(chars: list[Char]) -> bool:
    """Is the page set in vertical lines: most glyphs, in drawing order, step down a
    glyph's height under the previous one rather than along a line?"""
    down = along = 0
    for a, b in zip(chars, chars[1:]):
        s = max(a.size, b.size, 1.0)
        if abs(b.x0 - a.x0) < 0.2 * s and 0.5 * s < b.top - a.top < 1.6 * s:
            down += 1
        elif abs(b.top - a.top) < 0.3 * s and 0 < b.x0 - a.x0 < 1.6 * s:
            along += 1
    return down >= 4 and down > 2 * along


def _turn(chars: list[Char], width: float) -> list[Char]:
    """The page turned a quarter clockwise: right-hand columns become the top lines."""
    out = []
    for c in chars:
        nb = width - c.x0
        out.append(Char(c.text, c.top, width - c.x1, c.bottom, nb, c.fontname, c.size,
                        c.colour, True, nb - 0.12 * (nb - (width - c.x1)), c.seq))
    return out


def _turn_back(doc: Document, pages: list[_Page]) -> None:
    """Boxes found on turned pages, back in the page's own coordinates."""
    width = {pg.number: pg.turned for pg in pages if pg.turned is not None}
    if not width:
        return

    def fix(b: Box | None) -> None:
        if b is not None and b.page in width:
            w = width[b.page]
            b.x0, b.top, b.x1, b.bottom = w - b.bottom, b.x0, w - b.top, b.x1

    for group in (doc.paragraphs, doc.headings, doc.footnotes, doc.markers, doc.tables,
                  [r for pg in doc.pages for r in pg.running]):
        for u in group:
            for b in getattr(u, "boxes", None) or ():
                fix(b)
            fix(getattr(u, "box", None))
    for pg in doc.pages:
        if pg.number in width:
            pg.width, pg.height = width[pg.number], pg.width


def extract_pdf(path: str | Path, *, doc_id: str | None = None) -> Document:
    """Read ``path`` into the document model (sentences are left to the core)."""
    p = Path(path)
    check = _check_file(p)
    src = open_source(p, check)
    try:
        return _extract(src, p, doc_id, check)
    finally:
        src.close()


@dataclass(frozen=True)
class FileCheck:
    """What a look at the raw bytes says before any parsing."""

    truncated: bool = False  # no %%EOF / startxref at the end
    encrypted: bool = False  # an /Encrypt entry in the trailer


def open_source(p: Path, check: FileCheck | None = None) -> CharSource:
    check = check or FileCheck()
    try:
        src = PdfplumberSource(p)
    except Exception as exc:  # pdfminer raises many unrelated types for bad files
        inner = exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else exc
        name = type(inner).__name__
        msg = str(inner) or str(exc)
        if ("Password" in name or "Encrypt" in name or "encrypt" in msg.lower()
                or check.encrypted):
            raise InputError(p, "the PDF is encrypted (password protected); decrypt it first") from exc
        raise InputError(p, f"not a readable PDF (corrupt or truncated: {name}: {msg[:120]})") from exc
    if src.page_count == 0:
        src.close()
        raise InputError(p, "the PDF has no pages")
    return src


def _check_file(p: Path) -> FileCheck:
    if not p.exists():
        raise InputError(p, "no such file")
    if p.is_dir():
        raise InputError(p, "is a directory, not a PDF")
    with open(p, "rb") as fh:
        head = fh.read(1024)
    if not head:
        raise InputError(p, "the file is empty")
    if b"%PDF-" not in head:
        raise InputError(p, "not a PDF (no %PDF- header)")
    with open(p, "rb") as fh:
        fh.seek(0, 2)
        size = fh.tell()
        fh.seek(max(0, size - 2048))
        tail = fh.read()
    # pdfminer may still recover objects from a truncated file, but the user should know
    truncated = b"%%EOF" not in tail and b"startxref" not in tail
    with open(p, "rb") as fh:
        data = fh.read(min(size, 4 << 20))
    encrypted = bool(b"/Encrypt" in data
                     and re.search(rb"trailer\s*<<[^>]*?/Encrypt", data, re.S))
    return FileCheck(truncated, encrypted)


# ---------------------------------------------------------------------------- pass 1
def _read_pages(src: CharSource, warnings: list[Warning]) -> tuple[list[_Page], int, int]:
    pages: list[_Page] = []
    raw_chars = images = 0
    for pc in src.pages():
        page = _Page(pc.number, pc.width, pc.height)
        if pc.error:
            warnings.append(Warning("damaged_page", f"page could not be read: {pc.error}",
                                    pc.number))
        raw_chars += len(pc.chars)
        images += pc.images
        chars = clean(pc.chars, pc.width, pc.height, pc.number, warnings)
        if _vertical(chars):
            # tategaki: columns read top to bottom, right to left. Read the page turned a
            # quarter (columns become lines); boxes are turned back at the end
            warnings.append(Warning("vertical_text", "vertical text: read column by column, "
                                    "right to left", pc.number))
            chars = _turn(chars, pc.width)
            page.width, page.height = pc.height, pc.width
            page.turned = pc.width
        elif any(not c.upright for c in chars):
            warnings.append(Warning("vertical_text", "vertical or rotated text: reading order "
                                    "may be wrong", pc.number))
        lines = build_lines_safe(chars, pc.number, warnings)
        page.lines = attach_tiny_labels(lines)
        page.rules = pc.rules
        page.tables = pc.tables
        page.graphics = pc.graphics
        pages.append(page)
    return pages, raw_chars, images


def build_lines_safe(chars, number: int, warnings: list[Warning]) -> list[Line]:  # noqa: ANN001
    from .lines import build_lines
    try:
        return [l for l in build_lines(chars, number) if l.text.strip() or l.sups or l.lead_label]
    except Exception as exc:  # keep the rest of the document
        warnings.append(Warning("damaged_page", f"layout failed: {type(exc).__name__}: {exc}",
                                number))
        return []


# ---------------------------------------------------------------------------- pass 2
def _extract(src: CharSource, p: Path, doc_id: str | None, check: FileCheck) -> Document:
    warnings: list[Warning] = []
    try:
        pages, raw_chars, images = _read_pages(src, warnings)
    except InputError:
        raise
    except Exception as exc:
        name = type(exc).__name__
        if "Password" in name or "Encrypt" in name or check.encrypted:
            raise InputError(p, "the PDF is encrypted (password protected); decrypt it first") from exc
        raise InputError(p, f"not a readable PDF (corrupt or truncated: {name})") from exc
    if raw_chars == 0:
        if check.encrypted:
            raise InputError(p, "the PDF is encrypted (password protected); decrypt it first")
        if images:
            raise InputError(p, "image-only PDF: no text layer (scanned pages need OCR first)")
        if all(w.code == "damaged_page" for w in warnings) and warnings:
            raise InputError(p, "not a readable PDF: no page could be read")
        raise InputError(p, "the PDF has no text layer (no characters on any page)")
    if check.truncated:
        warnings.append(Warning("truncated", "file has no %%EOF trailer: it may be truncated"))

    doc = Document(id=_doc_id(doc_id, p), source=Source(str(p), sha256_file(p), len(pages)),
                   langs=[], title=src.title,
                   generator=Generator("pariter", pariter.__version__))
    body = _body_size(pages)

    # running matter
    running = find_running([pg.lines for pg in pages], [pg.height for pg in pages], body)
    for pg, found in zip(pages, running):
        page = Page(pg.number, pg.width, pg.height)
        drop = set()
        for l, kind in found:
            page.running.append(to_running(l, kind))
            if kind == "page_number" and page.label is None:
                page.label = page_number(l.text)
            drop.add(id(l))
        page.running.sort(key=lambda r: (r.box.top, r.box.x0))
        doc.pages.append(page)
        pg.lines = [l for l in pg.lines if id(l) not in drop]

    # figures: their labels are neither headings nor notes
    for pg in pages:
        mark_figures(pg.lines, body, [] if pg.turned else pg.graphics)
        # the labels inside a drawn figure are part of the picture, not of the text
        pg.lines = [l for l in pg.lines if l.kind != "graphic"]
        pg.graphics = []

    # notes
    notes: list[Note] = []
    last: Note | None = None
    for pg in pages:
        areas = note_areas(pg.lines, pg.rules, body, pg.width, pg.height)
        drop = set()
        for area in sorted(areas, key=lambda a: (a.lines[0].x0 > pg.width / 2, a.lines[0].top)):
            if not area.ruled and not _called(area, pg.lines):
                continue
            if not area.labelled and (last is None or last.page >= pg.number):
                continue  # only a note from an earlier page runs on without a label
            found, last = parse_notes(area.lines, pg.number, last)
            notes.extend(n for n in found if n.label)
            drop.update(id(l) for l in area.lines)
        pg.lines = [l for l in pg.lines if id(l) not in drop]

    # tables: their lines are not paragraphs
    table_boxes: list[tuple[int, PageTable]] = []
    for pg in pages:
        for t in pg.tables:
            inside = [l for l in pg.lines if t.x0 - 2 <= (l.x0 + l.x1) / 2 <= t.x1 + 2
                      and t.top - 2 <= (l.top + l.bottom) / 2 <= t.bottom + 2]
            if len(inside) >= 2:
                table_boxes.append((pg.number, t))
                keep = {id(l) for l in inside}
                pg.lines = [l for l in pg.lines if id(l) not in keep]

    _decide_markers(pages, notes, warnings)

    # reading order
    ordered: list[Line] = []
    for pg in pages:
        leaves = reading_order(pg.lines, min_gutter=max(4.0, 0.5 * body))
        for i, leaf in enumerate(leaves):
            for l in merge_band_lines(leaf, pg.width):
                l.col = i
                ordered.append(l)
    _Builder(doc, pages, ordered, notes, table_boxes, body, warnings).build()
    _turn_back(doc, pages)
    doc.warnings = warnings + doc.warnings
    return doc


def _called(area: NoteArea, lines: list[Line]) -> bool:
    """An unruled note area is believed only if the page calls its first label."""
    first = area.lines[0]
    label = first.lead_label
    if label is None:
        m = re.match(r"(\d{1,3}|[*†‡§¶]{1,3}|[\u2460-\u2473])", first.text)
        label = m.group(1) if m else None
    ids_ = {id(l) for l in area.lines}
    return label is not None and any(s.label == label for l in lines if id(l) not in ids_
                                     for s in l.sups)


def _doc_id(doc_id: str | None, p: Path) -> str:
    if doc_id:
        return doc_id
    s = re.sub(r"[^A-Za-z0-9_.-]+", "-", p.stem).strip("-.") or "doc"
    return s if re.match(r"[A-Za-z_]", s) else f"d{s}"


def _body_size(pages: list[_Page]) -> float:
    c: Counter[float] = Counter()
    for pg in pages:
        for l in pg.lines:
            c[round(l.size * 2) / 2] += len(l.text)
    return c.most_common(1)[0][0] if c else 10.0


def _decide_markers(pages: list[_Page], notes: list[Note], warnings: list[Warning]) -> None:
    """Which raised labels are note callouts; the others go back into the text."""
    by_page: dict[int, set[str]] = {}
    for n in notes:
        by_page.setdefault(n.page, set()).add(n.label)
    have_notes = bool(notes)
    for pg in pages:
        _wrapped_callouts(pg.lines, by_page.get(pg.number, set()))
        # labels opening lines outside note areas (affiliations) claim callouts above them
        aff = {l.lead_label: l.top for l in pg.lines if l.lead_label}
        for l in pg.lines:
            if not l.sups:
                continue
            author_line = len(l.sups) >= 2 and "," in l.text and pg.number <= 2
            keep: list[Sup] = []
            for s in l.sups:
                affil = author_line or (s.label in aff and l.top < aff[s.label])
                linked = any(s.label in by_page.get(pg.number + d, ()) for d in (0, -1, 1, -2, 2))
                if not affil and (linked or (have_notes and _plausible_unlinked(
                        s.label, l.text[:s.offset], pg.number, notes))):
                    keep.append(s)
                else:
                    _reinsert(l, s)
            l.sups = keep


def _wrapped_callouts(lines: list[Line], labels: set[str]) -> None:
    """A callout wrapped to the start of a line (before the comma it precedes) is read as
    the line's lead label; in running text it is a callout at offset 0."""
    for l in lines:
        lab = l.lead_label
        if lab is None or lab not in labels or not l.text:
            continue
        if not (l.text[0] in "，。、；：,.;:)）" or _runs_on_above(l, lines)):
            continue
        w = 0.35 * l.size * len(lab)
        l.sups.insert(0, Sup(lab, 0, l.x0 - w, l.top, l.x0, l.top + 0.6 * l.size, 0.6 * l.size))
        l.lead_label = None


def _runs_on_above(l: Line, lines: list[Line]) -> bool:
    """Is ``l`` the next line of a paragraph whose line directly above runs on unfinished?"""
    for o in lines:
        if (o is not l and abs(o.size - l.size) < 0.3 and 0 <= l.top - o.bottom < 0.8 * l.size
                and abs(o.x0 - l.x0) < 2 * l.size and o.x1 >= l.x1 - 2
                and not o.text.rstrip().endswith(_FINAL)):
            return True
    return False


def _plausible_unlinked(label: str, before: str, page: int, notes: list[Note]) -> bool:
    """A callout whose note is missing: it must fit the numbering of notes nearby and not
    follow a digit (10³) or a lone letter (a math variable such as L², Rⁿ)."""
    if not label.isdigit() or not before or before[-1].isdigit() or before[-1].isspace():
        return False
    if re.search(r"(?:^|[^A-Za-z])[A-Za-z]$", before):
        return False
    n = int(label)
    near = [int(x.label) for x in notes if x.label.isdigit() and abs(x.page - page) <= 10]
    return any(0 < abs(m - n) <= 5 for m in near) and n > 3


def _reinsert(l: Line, s: Sup) -> None:
    """Put a raised label that is not a callout back into the text (10³, affiliations)."""
    l.text = l.text[:s.offset] + s.label + l.text[s.offset:]
    for o in l.sups:
        if o is not s and o.offset > s.offset:
            o.offset += len(s.label)
        elif o is not s and o.offset == s.offset and id(o) > id(s):
            o.offset += len(s.label)


# ---------------------------------------------------------------------------- structure
@dataclass
class _Para:
    lines: list[Line]
    heading: bool = False


@dataclass
class _Head:
    number: str | None
    text: str
    page: int
    size: float
    opener: bool
    lang: str
    boxes: list[Box]
    subs: list[Subtitle] = field(default_factory=list)
    sub_boxes: list[Box] = field(default_factory=list)
    level: int = 1


def _is_title(text: str, titles: list[str]) -> bool:
    """Is ``text`` the document's title (or one language's half of it), nearly verbatim?"""
    t = re.sub(r"\s+", "", text)
    if len(t) < 6:
        return False
    for cand in titles:
        c = re.sub(r"\s+", "", cand)
        if t == c or (t in c and len(t) >= 0.6 * len(c)):
            return True
        if abs(len(t) - len(c)) <= 0.2 * len(c) and \
                difflib.SequenceMatcher(None, t, c, autojunk=False).ratio() >= 0.85:
            return True
    return False


class _Builder:
    def __init__(self, doc: Document, pages: list[_Page], ordered: list[Line], notes: list[Note],
                 tables: list[tuple[int, PageTable]], body: float, warnings: list[Warning]) -> None:
        self.doc, self.pages, self.lines, self.notes = doc, pages, ordered, notes
        self.tables, self.body, self.warnings = tables, body, warnings
        self.page_of = {pg.number: pg for pg in pages}
        self.words = vocabulary([l.text for l in ordered])
        self.meta_title = doc.title
        self._col_bounds: dict[int, tuple[float, float]] = {}
        colours = Counter(l.colour for l in ordered if abs(l.size - body) < 0.6)
        self.body_colour = colours.most_common(1)[0][0] if colours else None

    # -- lines → heading groups and paragraph groups ------------------------------------
    def build(self) -> None:
        self._bounds()
        cover = self._cover_lines()
        heads = self._heading_flags(cover)
        blocks = self._blocks(heads, cover)
        self._assemble(blocks)

    def _bounds(self) -> None:
        """Left and right edges of the text column each line sits in (for indents)."""
        by_page: dict[int, list[Line]] = {}
        for l in self.lines:
            by_page.setdefault(l.page, []).append(l)
        # lines of a column share their extents (justified text): compare each distinct
        # extent once, so a page costs extents × extents rather than lines × lines
        for page, ls in by_page.items():
            bodyish = [l for l in ls if abs(l.size - self.body) < 1.0] or ls
            # an edge shared by several lines is a column's margin; a lone line's edges
            # (a centred byline over two columns) are not, when margins are to be had
            lefts = Counter(round(o.x0 * 2) for o in bodyish)
            rights = Counter(round(o.x1 * 2) for o in bodyish)
            spans = sorted({(round(o.x0, 1), round(o.x1, 1)) for o in bodyish})
            memo: dict[tuple[float, float], tuple[float, float]] = {}
            for l in ls:
                key = (round(l.x0, 1), round(l.x1, 1))
                got = memo.get(key)
                if got is None:
                    w = l.x1 - l.x0
                    los, his, plos, phis = [], [], [], []
                    for ox0, ox1 in spans:
                        if ox0 >= l.x1:
                            break  # sorted by left edge: no later span overlaps
                        ov = min(ox1, l.x1) - max(ox0, l.x0)
                        if ov > 0.5 * min(ox1 - ox0, w, 200):
                            los.append(ox0)
                            his.append(ox1)
                            if lefts[round(ox0 * 2)] >= 2:
                                plos.append(ox0)
                            if rights[round(ox1 * 2)] >= 2:
                                phis.append(ox1)
                    lo = min([l.x0] + (plos or los))
                    hi = max([l.x1] + (phis or his))
                    got = memo[key] = (lo, hi)
                self._col_bounds[id(l)] = got

    def _cover_lines(self) -> set[int]:
        """Page 1 title lines: the largest type on a first page; they give ``title``."""
        first = [l for l in self.lines if l.page == self.lines[0].page] if self.lines else []
        if not first:
            return set()
        big = max(l.size for l in first)
        if big < 1.3 * self.body:
            return set()
        title_lines = [l for l in first if l.size >= big - 0.5]
        if len(title_lines) > 4:
            return set()
        # a following line almost as large belongs to the title (report covers)
        out = {id(l) for l in title_lines}
        idx = [i for i, l in enumerate(self.lines) if id(l) in out]
        nxt = idx[-1] + 1
        if nxt < len(self.lines) and self.lines[nxt].page == first[0].page \
                and self.lines[nxt].size >= 1.6 * self.body and self.lines[nxt].size < big:
            title_lines.append(self.lines[nxt])
            out.add(id(self.lines[nxt]))
        text = ""
        for l in sorted(title_lines, key=lambda l: (l.top, l.x0)):
            text = join2(text, l.text)
        self.doc.title = text or self.doc.title
        return out

    def _is_toc_page(self, page: int) -> bool:
        ls = [l for l in self.lines if l.page == page]
        toc = sum(1 for l in ls if hd.looks_like_toc(l.text))
        named = any(re.sub(r"\s+", "", l.text) in ("目录", "目次", "Contents", "TableofContents",
                                                   "CONTENTS") for l in ls)
        numbers = sum(1 for l in ls if re.fullmatch(r"\d{1,4}|[ivxlc]{1,6}", l.text.strip()))
        return named or toc + numbers >= max(4, 0.5 * len(ls))

    def _heading_flags(self, cover: set[int]) -> dict[int, bool]:
        toc_pages = {pg: self._is_toc_page(pg) for pg in {l.page for l in self.lines}}
        cover_page_only = self._cover_is_whole_page(cover)
        flags: dict[int, bool] = {}
        for i, l in enumerate(self.lines):
            flags[id(l)] = (id(l) not in cover and not (cover_page_only and l.page == cover_page_only)
                            and self._looks_heading(l, i, toc_pages[l.page]))
        # once a document numbers its headings, an unnumbered one must look like a numbered
        # one (a chapter-style 目录 or References): front-matter labels and back covers don't
        numbered = [l for l in self.lines if flags[id(l)] and hd.split_number(l.text)[0]
                    and hd.split_number(l.text)[1]]
        # an opener's title (under its bare number line, "02 /") is numbered too
        numbered += [l for p, l in zip(self.lines, self.lines[1:])
                     if flags[id(p)] and flags[id(l)] and p.page == l.page
                     and hd.split_number(p.text)[0] and not hd.split_number(p.text)[1]]
        if len(numbered) >= 3:
            styles = {(round(l.size * 2) / 2, l.bold) for l in numbered}
            for i, l in enumerate(self.lines):
                if not flags[id(l)]:
                    continue
                if i > 0 and flags[id(self.lines[i - 1])]:
                    pn, pr = hd.split_number(self.lines[i - 1].text)
                    if pn and not pr:
                        continue  # the title under an opener number ("02 /")
                num, rest = hd.split_number(l.text)
                if num and not rest:
                    nxt = self.lines[i + 1] if i + 1 < len(self.lines) else None
                    if nxt is not None and flags[id(nxt)]:
                        continue  # an opener number over its title
                if num and rest:
                    continue
                if not any(abs(sz - l.size) < 0.6 and b == l.bold for sz, b in styles):
                    flags[id(l)] = False
        # a line that runs on into the text under it opens a paragraph, however it is set
        # (after the style test: a run-on clause still shows how the document numbers)
        for i, l in enumerate(self.lines):
            if flags[id(l)]:
                run = self._run_on(i)
                if run:
                    for o in run:
                        flags[id(o)] = False
        return flags

    def _run_on(self, i: int) -> list[Line]:
        """The lines of the paragraph that line ``i`` opens, when it runs on as text.

        A line that reaches its column's right margin unfinished (no closing punctuation)
        and is continued directly under it, in the same type, at the paragraph's left edge
        (the column's edge, or its own) is a paragraph's first line, not a heading — when
        it is set in the text type and numbered (a clause "第 7.9 条 …"), or when the
        paragraph it opens ends as a sentence or runs over three lines or more. Empty
        when the line does not run on.
        """
        l = self.lines[i]
        run = [l]
        j = i
        while j + 1 < len(self.lines):
            a, b = self.lines[j], self.lines[j + 1]
            _, hi = self._col_bounds[id(a)]
            blo, _ = self._col_bounds[id(b)]
            ta = a.text.rstrip()
            if not ta or ta.endswith(_FINAL) or a.x1 < hi - 1.5 * a.size:
                break
            if b.page != a.page or abs(b.size - a.size) >= 0.3 or b.bold != a.bold \
                    or b.colour != a.colour or not 0 <= b.top - a.bottom < 0.8 * a.size:
                break
            if not (b.x0 - blo < 0.8 * b.size or abs(b.x0 - l.x0) < 0.5 * b.size
                    or abs(b.x0 - a.x0) < 0.5 * b.size and j > i):
                break
            if _CLAUSE.match(b.text) or _LIST_START.match(b.text) or hd.number_kind(
                    hd.split_number(b.text)[0]) in ("chapter", "cn", "cnparen", "roman", "circled"):
                break  # the next item; a figure ("44.6%") may well open a running line
            run.append(b)
            j += 1
        if len(run) < 2:
            return []
        num, rest = hd.split_number(l.text)
        text_type = l.size < 1.12 * self.body
        if num and rest and text_type:
            return run
        if run[-1].text.rstrip().endswith(tuple("。！？.!?；;")) or len(run) >= 3:
            return run
        return []

    def _cover_is_whole_page(self, cover: set[int]) -> int | None:
        """A cover page (title, no body text) yields no headings at all."""
        if not cover or not self.lines:
            return None
        page = self.lines[0].page
        ls = [l for l in self.lines if l.page == page]
        body_chars = sum(len(l.text) for l in ls if abs(l.size - self.body) < 0.6)
        return page if body_chars < 200 else None

    def _looks_heading(self, l: Line, i: int, toc_page: bool) -> bool:
        t = l.text.strip()
        if not t or len(t) > 120 or l.kind == "figure":
            return False
        num, rest = hd.split_number(t)
        if toc_page:
            return re.sub(r"\s+", "", t) in ("目录", "目次", "Contents", "CONTENTS",
                                             "TableofContents")
        big = l.size >= 1.12 * self.body
        coloured = l.colour != self.body_colour and l.colour is not None
        if not (big or (l.bold and l.size >= 0.9 * self.body)):
            return False
        if not big and l.size < 0.95 * self.body and not coloured:
            return False
        if t.endswith(("。", "；", "，", ",", ";", "：")) or (t.endswith(".") and not num
                                                            and len(t) > 40):
            return False
        if re.fullmatch(r"[\d\s.,/%-]+", t) and not re.fullmatch(r"\d{1,2}\s*/", t):
            return False
        if t[:1] in "•·●■◆▪►–-*":
            return False  # list items
        if t.count(",") + t.count("，") >= 2:
            return False  # author lists, enumerations
        odd = sum(1 for c in t if not (c.isalnum() or c.isspace() or c in "-–—:：,'’()（）&/.、·“”\"?？!，；《》【】‘+"))
        if odd > 0.08 * len(t) or re.search(r"[;=<>{}\\^_|~]", t):
            return False
        # lines much longer than a title in body-sized bold are emphasised sentences
        if not big and len(t) > 60:
            return False
        lo, hi = self._col_bounds[id(l)]
        aligned = abs(l.x0 - lo) < 3 or abs((l.x0 + l.x1) / 2 - (lo + hi) / 2) < 15
        if not aligned and not num:
            return False
        if not big and not num:
            # bold body-size: must stand apart from running text above and below
            nxt = self.lines[i + 1] if i + 1 < len(self.lines) else None
            prv = self.lines[i - 1] if i > 0 else None
            if nxt is not None and nxt.page == l.page and abs(nxt.size - l.size) < 0.3 \
                    and not nxt.bold and 0 <= nxt.top - l.bottom < 0.8 * l.size:
                return False
            if prv is not None and prv.page == l.page and abs(prv.size - l.size) < 0.3 \
                    and 0 <= l.top - prv.bottom < 0.8 * l.size and not prv.bold \
                    and not prv.text.rstrip().endswith(_FINAL):
                return False
        return True

    def _blocks(self, heads: dict[int, bool], cover: set[int]) -> list[_Para]:
        out: list[_Para] = []
        cur: _Para | None = None
        prev: Line | None = None
        for l in self.lines:
            h = heads[id(l)]
            if cur is not None and prev is not None and self._continues(prev, l, cur, h, heads):
                cur.lines.append(l)
            else:
                cur = _Para([l], heading=h)
                out.append(cur)
            prev = l
        return out

    def _continues(self, a: Line, b: Line, cur: _Para, bh: bool, heads: dict[int, bool]) -> bool:
        if cur.heading or bh:
            if not (cur.heading and bh):
                return False
            # a heading set over two lines: same style, close together
            same = abs(a.size - b.size) < 0.6 and a.bold == b.bold and a.colour == b.colour
            num, _ = hd.split_number(b.text)
            return (same and b.page == a.page and 0 <= b.top - a.bottom < 0.9 * a.size
                    and num is None and len(cur.lines) < 4)
        if a.kind == "grid" or b.kind == "grid":
            return False  # rows of a grid are lines of their own
        ta = a.text.rstrip()
        lo, hi = self._col_bounds[id(a)]
        blo, bhi = self._col_bounds[id(b)]
        if _CLAUSE.match(b.text) or _LIST_START.match(b.text):
            return False
        if abs(a.size - b.size) > 0.8:
            return False
        full = a.x1 >= hi - 1.5 * a.size
        ends = ta.endswith(_FINAL)
        if b.page != a.page or b.top < a.top - 1 or b.col != a.col and b.top < a.bottom:
            # next column or page: continue only a line that ran to the margin unfinished,
            # when the next line starts at the column's edge (no first-line indent) or, in
            # a hanging-indent layout, at the left edge of the paragraph's running lines
            if not full or ends:
                return False
            if b.x0 - blo < 0.8 * b.size:
                return True
            tol = 0.3 * b.size
            if len(cur.lines) > 1:
                # the running edge, seen in any column of the paragraph, or as far in from
                # the new column's edge as the running lines hang in from the first line
                first, second = cur.lines[0], cur.lines[1]
                hang = second.x0 - first.x0 if (second.page == first.page
                                                 and first.x0 < second.x1 and second.x0 < first.x1
                                                 and second.top > first.top) else 0.0
                return (any(abs(b.x0 - l.x0) < tol for l in cur.lines[1:])
                        or (hang > 0.8 * b.size and abs((b.x0 - blo) - hang) < tol))
            return self._hangs(a, b, cur, tol)
        gap = b.top - a.bottom
        if gap > 0.9 * a.size + 0.35 * a.size:
            return False
        if gap < -0.3 * a.size:
            return False
        hanging = self._hangs(a, b, cur, 0.5 * a.size)
        if not hanging and b.x0 - blo >= 0.8 * b.size and a.x0 - lo < 0.5 * a.size:
            return False  # first-line indent
        if not full and (ends or _is_cjk_text(ta)):
            return False  # a short last line
        if not full and a.x1 < hi - 6 * a.size:
            return False
        return True

    @staticmethod
    def _hangs(a: Line, b: Line, cur: _Para, tol: float) -> bool:
        """Does ``b`` run on at the paragraph's running left edge: under the text after a
        numbered first line's label, or at the same edge as the running line ``a``?"""
        if len(cur.lines) == 1:
            return bool(_CLAUSE.match(a.text) or _LIST_START.match(a.text)) \
                and b.x0 > a.x0 + 0.5 * a.size
        return abs(b.x0 - a.x0) < tol

    # -- groups → model units -------------------------------------------------------------
    def _assemble(self, blocks: list[_Para]) -> None:
        doc = self.doc
        texts = [(self._text(b)[0], b) for b in blocks if not b.heading]
        counts = Counter(detect(t) for t, _ in texts if t)
        zh, en = counts.get("zh", 0), counts.get("en", 0)
        total = max(1, zh + en)
        ideo = sum(detect_weight(t)[0] for t, _ in texts)
        latin = sum(detect_weight(t)[1] for t, _ in texts)
        main = "zh" if ideo * 3 >= latin else "en"
        seq = [detect(t) for t, _ in texts if t]
        seq = [x for x in seq if x in ("zh", "en")]
        switches = sum(1 for a, b in zip(seq, seq[1:]) if a != b)
        bilingual = (zh >= 0.3 * total and en >= 0.3 * total
                     and switches >= 0.35 * max(1, len(seq) - 1))
        doc.langs = ["zh", "en"] if bilingual else [main]
        self.main, self.bilingual = main, bilingual
        taken: set[str] = set()
        stacks: dict[str, list[tuple[int, list[str], str]]] = {"zh": [], "en": []}
        unnumbered: Counter[tuple[str, str]] = Counter()
        section: dict[str, str] = {}
        para_counter: Counter[str] = Counter()
        clause_state: dict[str, Clause | None] = {}
        clause_set: dict[str, tuple[float, float] | None] = {}
        last_clause: dict[str, int] = {}
        marker_n: Counter[str] = Counter()
        heads = self._heading_records(blocks)
        note_ids = self._footnotes()

        def lang_of(text: str) -> str:
            if not bilingual:
                return main
            d = detect(text)
            return d if d in ("zh", "en") else main

        def ensure_front(lang: str, page: int) -> str:
            if lang not in section:
                sid = ids.dedupe(ids.section_id(lang, []), taken)
                doc.sections.append(Section(sid, 0, None, None, None, page, lang))
                section[lang] = sid
            return section[lang]

        def open_section(stream: str, level: int, number: str | None, text: str | None,
                         page: int, boxes: list[Box], subtitles: list[Subtitle],
                         lang: str | None = None) -> None:
            lang, own = stream, lang or stream
            stack = stacks[lang]
            while stack and stack[-1][0] >= level:
                stack.pop()
            parent_path = stack[-1][1] if stack else []
            parent_id = stack[-1][2] if stack else None
            parts = ids.number_parts(number)
            if hd.dotted_depth(number) >= 2:
                path = parts
            else:
                key = (lang, parent_id or "")
                if parts:
                    tok = parts[-1]
                else:
                    unnumbered[key] += 1
                    tok = f"x{unnumbered[key]}"
                path = parent_path + [tok]
            sid = ids.dedupe(ids.section_id(lang, path), taken)
            hid = ids.dedupe(ids.heading_id(sid), taken) if text else None
            doc.sections.append(Section(sid, level, number, hid, parent_id, page, lang))
            if text and hid:
                doc.headings.append(Heading(hid, level, number, text, page, own, sid, boxes,
                                            subtitles))
            stack.append((level, path, sid))
            section[lang] = sid
            clause_state[lang] = None

        for bi, b in enumerate(blocks):
            rec = heads.get(bi)
            if rec is not None:
                if self.bilingual and rec.subs and rec.lang == "zh":
                    # a Chinese heading over its English line: the Chinese stream's heading
                    # keeps it as subtitle, and the English stream gets its own heading with
                    # the same printed number, so en.s01 pairs with zh.s01
                    open_section("zh", rec.level, rec.number, rec.text, rec.page, rec.boxes,
                                 rec.subs)
                    open_section("en", rec.level, rec.number, rec.subs[0].text, rec.page,
                                 rec.sub_boxes, [], lang="en")
                else:
                    stream = lang_of(rec.text) if bilingual else main
                    open_section(stream, rec.level, rec.number, rec.text, rec.page, rec.boxes,
                                 rec.subs, lang=own_lang(rec.text, stream))
                continue
            if not b.lines or b.heading:
                continue
            first = b.lines[0]
            breaks: list[PageBreak] = []
            text, marks = self._text(b, breaks)
            if not text.strip() and not marks:
                continue
            # a bilingual label line ("工作组联系方式/Contact us") goes half to each stream
            pieces: list[tuple[str, list[tuple[int, Sup, Line]], list[PageBreak],
                               list[Box], str | None]] = [(text, marks, breaks, _boxes(b.lines),
                                                           None)]
            cut_label = (_split_label(text) if bilingual and len(b.lines) == 1 and not marks
                         and not breaks else None)
            if cut_label is not None:
                zh_t, en_t, s0, s1 = cut_label
                zh_box, en_box = _split_box(first, text, s0, s1)
                pieces = [(zh_t, [], [], [zh_box], "zh"), (en_t, [], [], [en_box], "en")]
            for text, marks, breaks, boxes, forced in pieces:
                lang = forced or lang_of(text)  # the stream it is printed in
                own = own_lang(text, lang)  # its own language
                sid = section.get(lang) or ensure_front(lang, first.page)
                m = _CLAUSE.match(text)
                clause = None
                if m and sid != f"{lang}.front":
                    cnum = m.group(1)
                    prev_n = last_clause.get(lang, 0)
                    if cnum == "01" or int(cnum) == prev_n + 1:
                        last_clause[lang] = int(cnum)
                        top = sid.split(".")[0] + "." + sid.split(".")[1]
                        cid = ids.dedupe(ids.clause_id(top, cnum), taken)
                        clause = Clause(cid, cnum, "", first.page, own, sid)
                        doc.clauses.append(clause)
                        clause_state[lang] = clause
                        clause_set[lang] = self._clause_setting(b)
                        cut = m.end()
                        text = text[cut:]
                        marks = [(o - cut, s, l) for o, s, l in marks]
                        breaks = [PageBreak(max(0, o.offset - cut), o.page) for o in breaks]
                if clause is None:
                    clause = clause_state.get(lang)
                    if clause is not None and not self._sets_like(b, clause_set.get(lang)):
                        clause = clause_state[lang] = None  # a contact line after the last clause
                container = clause.id if clause is not None else sid
                para_counter[container] += 1
                pid = ids.dedupe(ids.paragraph_id(container, para_counter[container]), taken)
                pages_ = sorted({l.page for l in b.lines})
                role = ("caption" if first.kind == "caption"
                        else "front" if sid.endswith(".front") else "body")
                doc.paragraphs.append(Paragraph(pid, text, first.page, own, sid,
                                                clause.id if clause else None, pages_,
                                                boxes, role,
                                                [k for k in breaks if 0 < k.offset < len(text)]))
                if clause is not None:
                    clause.paragraphs.append(pid)
                    clause.text = join2(clause.text, text, self.words) if clause.text else text
                    for pgn in pages_:
                        if pgn not in clause.pages:
                            clause.pages.append(pgn)
                for off, s, l in marks:
                    marker_n[lang] += 1
                    fid = self._link(s.label, l.page, note_ids)
                    mid = ids.dedupe(ids.marker_id(lang, marker_n[lang]), taken)
                    doc.markers.append(Marker(mid, s.label, l.page, fid, pid, max(0, off),
                                              Box(l.page, s.x0, s.top, s.x1, s.bottom)))
                    if fid is None:
                        self.warnings.append(Warning(
                            "unlinked_marker", f"note marker {s.label} has no note text", l.page))
        self._emit_footnotes(note_ids, taken)
        self._emit_tables(taken)

    def _clause_setting(self, b: _Para) -> tuple[float, float, float, float] | None:
        """(type size, left offset in its column, column left edge, column width) of a
        clause's text, read off its first paragraph's second line; None when it has a
        single line to read it from."""
        if len(b.lines) < 2:
            return None
        l = b.lines[1]
        lo, hi = self._col_bounds[id(l)]
        return l.size, l.x0 - lo, lo, hi - lo

    def _sets_like(self, b: _Para, setting: tuple[float, float, float, float] | None) -> bool:
        """Is paragraph ``b`` set like the text of the open clause: same size, and the same
        left edge in the same column (or a first-line indent off it), or in another column
        as wide? Unknown settings say yes."""
        if setting is None:
            return True
        size, off, clo, width = setting
        l = b.lines[0]
        if abs(l.size - size) > 0.5:
            return False
        lo, hi = self._col_bounds[id(l)]
        d = (l.x0 - lo) - off
        if abs(lo - clo) <= 2:
            return -0.5 * size <= d <= 2.5 * size
        if abs((hi - lo) - width) > 0.15 * width:
            return False  # a narrower block: a box, a centred back page
        return l.x0 - lo <= 2.5 * size or abs(d) <= 2.5 * size

    def _heading_records(self, blocks: list[_Para]) -> dict[int, "_Head"]:
        """The document's headings, keyed by the index of the block that opens each.

        An opener number on its own line ("02 /") joins the title under it; English lines
        set apart right under a Chinese heading (an opener's capitals, a bilingual
        heading's second line) become its subtitle; a title repeated before the first
        numbered heading is the document's title, not a heading. Consumed blocks are
        emptied. Levels come from :func:`headings.assign_levels`.
        """
        out: dict[int, _Head] = {}
        titles = self._title_texts()
        pending: tuple[str, int] | None = None
        seen_numbered = False
        for bi, b in enumerate(blocks):
            if not b.lines:
                continue
            if not b.heading:
                pending = None
                continue
            text, _ = self._text(b)
            num, title = hd.split_number(text)
            if not title and num:
                pending = (num, bi)  # an opener number ("02 /") on its own line
                b.lines = []
                continue
            opener = False
            if pending is not None and not num:
                num, opener = pending[0], True
            pending = None
            if not title:
                b.heading = False
                continue
            if (num is None and not seen_numbered and b.lines[0].page <= self.lines[0].page + 2
                    and _is_title(title, titles)):
                b.heading = False  # the title repeated over the text (page 2 of a report)
                continue
            seen_numbered = seen_numbered or num is not None
            first = b.lines[0]
            found = detect(title)
            lang = found if found in ("zh", "en") else self.main
            rec = _Head(num, title, first.page, first.size, opener, lang,
                        [Box(l.page, l.x0, l.top, l.x1, l.bottom) for l in b.lines])
            if found == "zh":
                self._subtitle(rec, blocks, bi)
            out[bi] = rec
        levels = hd.assign_levels([(r.number, r.opener, r.size) for r in out.values()])
        for r, lv in zip(out.values(), levels):
            r.level = lv
        return out

    def _subtitle(self, rec: "_Head", blocks: list[_Para], bi: int) -> None:
        """English lines directly under a Chinese heading, set apart from body text."""
        texts: list[str] = []
        style = None
        bottom = rec.boxes[-1].bottom
        used: list[_Para] = []
        for nxt in blocks[bi + 1:bi + 4]:
            if not nxt.lines:
                continue
            ntext = self._text(nxt)[0]
            nl = nxt.lines[0]
            if (detect(ntext) != "en" or any(is_cjk_ideograph(c) for c in ntext)
                    or nl.page != rec.page or ntext.endswith(".")):
                break
            gap = nl.top - bottom
            if style is None:
                apart = (nxt.heading or ntext.isupper() or nl.size < 0.97 * self.body
                         or (nl.colour != self.body_colour and nl.colour is not None))
                if not apart or gap > 3 * rec.size or len(nxt.lines) > 3:
                    break
                style = (round(nl.size, 1), nl.colour)
            elif (round(nl.size, 1), nl.colour) != style or gap > 1.0 * nl.size:
                break
            texts.append(ntext)
            used.append(nxt)
            bottom = nxt.lines[-1].bottom
            if sum(len(t) for t in texts) > 200:
                return
        if not texts:
            return
        text = ""
        for t in texts:
            text = join2(text, t)
        rec.subs.append(Subtitle("en", text))
        rec.sub_boxes = [Box(l.page, l.x0, l.top, l.x1, l.bottom) for u in used for l in u.lines]
        for u in used:
            u.lines = []  # consumed

    def _title_texts(self) -> list[str]:
        """What the document calls its title: metadata (each side of a ' / '), the cover
        title and the other large lines of the cover page."""
        out = []
        for t in (self.doc.title, self.meta_title):
            if t:
                out.append(t)
                out.extend(x for x in re.split(r"\s+/\s+|\n", t) if x.strip())
        if self.lines:
            p1 = self.lines[0].page
            big = [l for l in self.lines if l.page == p1 and l.size >= 1.3 * self.body]
            out.extend(l.text for l in big)
            if big:
                text = ""
                for l in big:
                    text = join2(text, l.text)
                out.append(text)
        return out

    def _text(self, b: _Para, breaks: list[PageBreak] | None = None
              ) -> tuple[str, list[tuple[int, Sup, Line]]]:
        """The block's text and its note markers; ``breaks`` (if given) receives where the
        text moves on to another page."""
        text = ""
        marks: list[tuple[int, Sup, Line]] = []
        page = b.lines[0].page if b.lines else 0
        for l in b.lines:
            raw = l.text
            lead = len(raw) - len(raw.lstrip())
            piece = raw.strip()
            if not piece:
                for s in l.sups:
                    marks.append((len(text), s, l))
                continue
            text = join2(text, piece, self.words) if text else piece
            start = len(text) - len(piece)
            if l.page != page:
                page = l.page
                if breaks is not None and text:
                    if breaks and breaks[-1].offset == start:
                        breaks[-1] = PageBreak(start, page)
                    else:
                        breaks.append(PageBreak(start, page))
            for s in l.sups:
                marks.append((min(len(text), start + max(0, s.offset - lead)), s, l))
        return text, marks

    # -- notes, tables ------------------------------------------------------------------
    def _footnotes(self) -> dict[tuple[int, str], int]:
        return {(n.page, n.label): i for i, n in enumerate(self.notes)}

    def _link(self, label: str, page: int, note_ids: dict[tuple[int, str], int]) -> str | None:
        for d in (0, -1, 1, -2, 2):
            i = note_ids.get((page + d, label))
            if i is not None:
                return self._note_id(i)
        return None

    def _note_id(self, i: int) -> str:
        if not hasattr(self, "_nid"):
            taken: set[str] = set()
            self._nid = []
            for n in self.notes:
                d = detect(n.text)
                stream = d if self.bilingual and d in ("zh", "en") else self.main
                own = own_lang(n.text, stream)
                # the id keeps the stream the note is printed in; lang is the note's own
                self._nid.append((ids.dedupe(ids.footnote_id(stream, n.label), taken), own))
        return self._nid[i][0]

    def _emit_footnotes(self, note_ids: dict[tuple[int, str], int], taken: set[str]) -> None:
        parse = _citation_parser()
        for i, n in enumerate(self.notes):
            fid = self._note_id(i)
            lang = self._nid[i][1]
            taken.add(fid)
            cites = []
            if parse is not None:
                try:
                    c = parse(n.text)
                    if c is not None:
                        cites.append(c)
                except Exception as exc:  # a citation parser bug must not lose the note
                    self.warnings.append(Warning("citation_parse", f"note {n.label}: {exc}", n.page))
            self.doc.footnotes.append(Footnote(fid, n.label, n.text, n.page, lang, n.pages,
                                               n.boxes, cites))

    def _emit_tables(self, taken: set[str]) -> None:
        n = 0
        for page, t in self.tables:
            n += 1
            lang = self.main
            sec = self._section_at(page, lang)
            tid = ids.dedupe(f"{lang}.t{n}", taken)
            self.doc.tables.append(Table(tid, page, lang, sec, t.rows,
                                         Box(page, t.x0, t.top, t.x1, t.bottom)))

    def _section_at(self, page: int, lang: str) -> str:
        best = None
        for s in self.doc.sections:
            if s.lang == lang and s.page <= page:
                best = s.id
        if best is None:
            best = f"{lang}.front"
            if not any(s.id == best for s in self.doc.sections):
                self.doc.sections.insert(0, Section(best, 0, None, None, None, page, lang))
        return best


def _boxes(lines: list[Line]) -> list[Box]:
    out: list[Box] = []
    for l in lines:
        b = Box(l.page, l.x0, l.top, l.x1, l.bottom)
        if out and out[-1].page == b.page and abs(out[-1].x0 - b.x0) < 30 and b.top >= out[-1].top:
            out[-1] = out[-1].union(b)
        else:
            out.append(b)
    return out


_IDEO_CH = "\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff"
_LABEL = re.compile(
    rf"^\s*(?P<zh>[{_IDEO_CH}](?:[{_IDEO_CH}、·《》 ]*[{_IDEO_CH}》])?)"
    r"\s*(?P<sep>[/|\uff0f\uff5c])\s*"
    r"(?P<en>[A-Za-z](?:[A-Za-z0-9 '’&\-.,()]*[A-Za-z0-9)])?)\s*$")
_LABEL_STOP = re.compile(r"[。！？；!?;：:]|\.$|\.\s")


def _split_label(text: str) -> tuple[str, str, int, int] | None:
    """A bilingual label: a short line that is a Chinese phrase, a slash or bar, and its
    English ("工作组联系方式/Contact us"). Returns (Chinese half, English half, start and
    end of the separator character in ``text``), or None for anything else: a Chinese
    sentence with English words in it has no separator, "GPT-3.5/GPT-4", "AI/ML" or
    "2023/11" have no Chinese half, and a line with sentence punctuation is no label."""
    t = text.strip()
    if len(t) > 40 or _LABEL_STOP.search(t):
        return None
    m = _LABEL.match(text)
    if m is None:
        return None
    zh, en = m.group("zh").strip(), m.group("en").strip()
    if sum(c.isalpha() and c.isascii() for c in en) < 2:
        return None
    return zh, en, m.start("sep"), m.end("sep")


def _em(c: str) -> float:
    """A glyph's rough advance in ems: full width for CJK and full-width forms."""
    o = ord(c)
    if is_cjk_ideograph(c) or 0x3000 <= o <= 0x303F or 0xFF00 <= o <= 0xFF60:
        return 1.0
    return 0.25 if c.isspace() else 0.5


def _split_box(l: Line, text: str, s0: int, s1: int) -> tuple[Box, Box]:
    """The line's box cut at the separator ``text[s0:s1]``: the part before it and the
    part after it. Lines keep no glyph positions, so the cut is placed by the glyphs'
    rough widths (full-width CJK, half-width Latin) in proportion to the line's width."""
    lead = len(text) - len(text.lstrip())
    body = text.strip()
    a, b = max(0, s0 - lead), max(0, s1 - lead)
    total = sum(_em(c) for c in body) or 1.0

    def x(upto: str) -> float:
        return l.x0 + (l.x1 - l.x0) * sum(_em(c) for c in upto) / total

    # the spaces around the separator belong to neither half
    xa_end = x(body[:a].rstrip())
    rest = body[b:]
    xb_start = x(body[:b] + rest[:len(rest) - len(rest.lstrip())])
    return (Box(l.page, l.x0, l.top, xa_end, l.bottom),
            Box(l.page, xb_start, l.top, l.x1, l.bottom))


def _is_cjk_text(t: str) -> bool:
    return detect(t) == "zh"


def _citation_parser():  # noqa: ANN202
    try:
        from .citations import parse_citation  # written by another helper
    except Exception:
        return None
    return parse_citation
