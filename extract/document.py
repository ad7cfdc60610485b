"""``extract_pdf``: the pipeline from a PDF file to a :class:`~pariter.model.Document`.

Pass 1 streams pages through the character layer into compact lines (glyphs are dropped
as soon as a page is done). Pass 2 works on the whole document's lines: running matter
needs repetition across pages, markers may point to notes on the next page, and
paragraphs continue across columns and pages.
"""

from __future__ import annotations

import gc
import re
import time
from collections import Counter
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

import pariter
from pariter.errors import InputError, PariterError
from pariter.io import sha256_file
from pariter.model import (Box, Document, Generator, Page,
                           Source, Warning)

from .assemble import Assembler
from . import parallel
from .chars import Char, CharSource, Link, PageChars, PageTable, Rule
from .endnotes import find_sections
from .figures import mark_figures
from .footnotes import (NOTE_SIZE_SHARE, Note, NoteArea, attach_tiny_labels, called, calling_size,
                        footer_under_notes, glued_label, glued_symbols, join_side_labels,
                        note_areas, parse_notes, plain_label, without_backlinks)
from .frontmatter import (after_contents, before_contents, cover_page, listed_contents, title_lines,
                          title_region, toc_pages)
from .hygiene import clean
from .grids import grid_tables
from .listings import mark_code_boxes, mark_fixed_pitch, ruled_frames
from .cidwords import recover as recover_cids
from .unruled import EDGE_TOL_PT, continued, unruled_tables
from .labels import number as label_number
from .layout import GUTTER_EM, MIN_GUTTER_PT, merge_band_lines, reading_order
from .lines import SAME_ROW_EM, Line, drop_autospace
from .loss import distinct_glyphs, report_loss
from .pdfium import PAGE_TIME_LIMIT
from .markers import decide_markers, table_callouts
from .linked import linked_lines
from .outline import read_outline, split_at_entries
from .paragraphs import FINAL, blocks
from .readers import DEFAULT_READER, READERS, FileCheck, open_source
from .readers import check_file as _check_file
from .roles import Evidence, decide
from .running import find_running, page_number, to_running
from .styles import DEFAULT_BODY_SIZE, DocStyle, body_style
from .textjoin import url_key, vocabulary

#: a reading that finds no character for more than this share of its glyphs is read again
#: with the other reader, and the reading that decodes more glyphs is kept
#: (:func:`_better_reading`). The choice itself is by evidence; the share only keeps the
#: second reading (a second extraction's time) off documents that lose a stray symbol or
#: two of a math font, where the readers agree anyway: over the 263 real PDFs of the
#: measuring sets, PDFium leaves at most 2.7 % of a file's glyphs without one, most none.
REREAD_UNDECODED_SHARE = 0.05


#: Evidence about itself that a PDF may carry and that :func:`extract_pdf` can be told to
#: withhold from the heading decision: the outline (bookmarks) and heading tags. Withheld,
#: headings come from typography and numbering alone — what an audit needs that scores
#: them against the PDF's own outline (``corpus/devset/outline_audit.py``), and what a PDF
#: without that evidence gets anyway.
WITHHOLDABLE: frozenset[str] = frozenset({"outline", "tags"})


#: Vertical text: a glyph under the previous one starts within this many ems of its left
#: edge ...
VERTICAL_ALIGN_EM: float = 0.2
#: ... one glyph's advance further on: a step in this range of ems (down, or along a line).
GLYPH_STEP_EM: tuple[float, float] = (0.5, 1.6)
#: A page is set vertically when at least this many glyphs step down, and this many
#: times as many as step along a line.
VERTICAL_MIN_STEPS = 4
VERTICAL_DOMINANCE = 2
#: A turned glyph's baseline lies this share of its height above its bottom (the descent).
TURNED_DESCENT_SHARE: float = 0.12
#: A line belongs to a table whose box holds its middle within this many points ...
TABLE_SLACK_PT: float = 2
#: ... and a table is taken out of the text when it holds this many lines.
TABLE_MIN_LINES = 2


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
    links: list[Link] = field(default_factory=list)


def _vertical(chars: list[Char]) -> bool:
    """Is the page set in vertical lines: most glyphs, in drawing order, step down a
    glyph's height under the previous one rather than along a line?"""
    down = along = 0
    pairs = len(chars) - 1
    # every pair of glyphs of every page: the thresholds in locals, max() spelt out
    align, row, (step_lo, step_hi) = VERTICAL_ALIGN_EM, SAME_ROW_EM, GLYPH_STEP_EM
    for k, (a, b) in enumerate(zip(chars, chars[1:])):
        s = a.size if a.size >= b.size else b.size  # max(a.size, b.size, 1.0)
        if s < 1.0:
            s = 1.0
        dx, dy = b.x0 - a.x0, b.top - a.top
        if abs(dx) < align * s and step_lo * s < dy < step_hi * s:
            down += 1
        elif abs(dy) < row * s and 0 < dx < step_hi * s:
            along += 1
        if not k & 255 and down + (pairs - k - 1) <= VERTICAL_DOMINANCE * along:
            return False  # even if every pair left stepped down: decided (most pages)
    return down >= VERTICAL_MIN_STEPS and down > VERTICAL_DOMINANCE * along


def _turn(chars: list[Char], width: float) -> list[Char]:
    """The page turned a quarter clockwise: right-hand columns become the top lines."""
    out = []
    for c in chars:
        nb = width - c.x0
        out.append(replace(c, x0=c.top, top=width - c.x1, x1=c.bottom, bottom=nb, upright=True,
                           baseline=nb - TURNED_DESCENT_SHARE * (nb - (width - c.x1)), tight=None))
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

    for b in _unit_boxes(doc):
        fix(b)
    for pg in doc.pages:
        if pg.number in width:
            pg.width, pg.height = width[pg.number], pg.width


def _unit_boxes(doc: Document) -> Iterator[Box]:
    """Every box a unit of ``doc`` carries (paragraphs, headings, notes, markers, tables,
    running matter): the boxes that page-level corrections must all move together."""
    for group in (doc.paragraphs, doc.headings, doc.footnotes, doc.markers, doc.tables,
                  [r for pg in doc.pages for r in pg.running]):
        for u in group:
            yield from getattr(u, "boxes", None) or ()
            b = getattr(u, "box", None)
            if b is not None:
                yield b


def _clip_to_pages(doc: Document) -> None:
    """Every box cut at its page's edges: a box says where on the page its text is seen.

    A glyph's box runs from the font's descent to an em above it, so a label at the edge of
    a tightly cropped figure, or a line of code set past the margin of the page, reaches
    beyond the page; what lies outside is not shown by any viewer. (Glyphs wholly outside
    the page were dropped when the page was read.)"""
    size = {pg.number: (pg.width, pg.height) for pg in doc.pages}

    def clip(b: Box | None) -> None:
        if b is None or b.page not in size:
            return
        w, h = size[b.page]
        b.x0, b.x1 = min(max(b.x0, 0.0), w), min(max(b.x1, 0.0), w)
        b.top, b.bottom = min(max(b.top, 0.0), h), min(max(b.bottom, 0.0), h)

    for b in _unit_boxes(doc):
        clip(b)


def warm_up() -> None:
    """Load now what extraction loads on first use: pdfplumber (the table finder, the
    second reading of a few pages) with pdfminer (the damaged-stream check), the
    citation grammar (notes) and the English word list (line-end hyphens). A batch calls
    this before it forks a process per document, which would each load them again:
    measured on the 27 bench PDFs as ``pariter extract … --out DIR`` runs them on 2
    workers, the workers' CPU 11.9/12.8 s without, 10.5/9.9 s with, for about 0.2 s here
    once."""
    import pdfplumber.table  # noqa: F401
    import pdfminer.pdfdocument  # noqa: F401
    import pdfminer.pdfpage  # noqa: F401
    import pdfminer.pdfparser  # noqa: F401

    from . import citations  # noqa: F401
    from .textjoin import _dictionary

    _dictionary()


@contextmanager
def cycle_collector_paused() -> Iterator[None]:
    """Run the block without Python's cyclic garbage collector (as it was before, after).

    Extraction makes a few container objects per glyph (the glyph, its ink box, the lists
    and tuples of lines) and hardly any reference cycle: reference counting frees what it
    drops (1,000 objects in cycles per 100 pages on the bench PDFs, pdfminer's). The
    collector, run every 700 new objects, still traverses each of them once or more
    before it ages, which cost 9-12 % of extraction's CPU on the bench PDFs (measured
    with and without in one process, alternating). Children forked meanwhile (a long
    document's page readers) inherit the pause, and their memory is not written to by
    collections either."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def extract_pdf(path: str | Path, *, doc_id: str | None = None,
                reader: str = DEFAULT_READER, jobs: int | None = None,
                on_text: Callable[[Document], None] | None = None,
                withhold: Collection[str] = ()) -> Document:
    """Read ``path`` into the document model (sentences are left to the core).

    ``reader``: which PDF reader to prefer, ``"pdfium"`` or ``"pdfplumber"``; the other
    one is tried when it cannot open the file. ``jobs``: processes that read the pages of
    a long document at once (:mod:`.parallel`); None: all cores, or one inside a worker
    of a batch. The document is the same whatever ``jobs`` is. ``on_text`` is called
    with the document once its text is final, before the last check (the content
    streams read again for damage), which only adds warnings: a caller can start on the
    text meanwhile. ``withhold``: evidence of :data:`WITHHOLDABLE` the heading decision
    must not use (the default uses all the PDF gives)."""
    unknown = sorted(set(withhold) - WITHHOLDABLE)
    if unknown:
        raise ValueError(f"cannot withhold {', '.join(map(repr, unknown))}: "
                         f"only {', '.join(sorted(WITHHOLDABLE))}")
    p = Path(path)
    with cycle_collector_paused():
        check = _check_file(p)
        read = _read_with(open_source(p, check, reader), p, doc_id, check, jobs, withhold)
        if read.undecoded > REREAD_UNDECODED_SHARE * read.raw_chars:
            read = _better_reading(read, p, doc_id, check, jobs, withhold)
        doc, glyphs = read.doc, read.glyphs
        report_loss(doc, glyphs)
        if on_text is not None:
            on_text(doc)
        report_damaged_streams(doc, p, glyphs)
    return doc


def _read_with(src: CharSource, p: Path, doc_id: str | None, check: FileCheck,
               jobs: int | None, withhold: Collection[str]) -> _Reading:
    try:
        read = _extract(src, p, doc_id, check, parallel.page_jobs(jobs), frozenset(withhold))
    finally:
        src.close()
    read.reader = getattr(src, "reader", DEFAULT_READER)
    return read


def _better_reading(first: _Reading, p: Path, doc_id: str | None, check: FileCheck,
                    jobs: int | None, withhold: Collection[str]) -> _Reading:
    """Of the readers' readings of a file, the one that leaves fewer glyphs without a
    character.

    Readers differ in the Unicode maps they can use: PDFium (build 159) passes over some
    ToUnicode CMaps that pdfminer reads (those of PDFKit, a common Node.js producer), and
    pdfminer has encodings of its own. A viewer that shows the text is the user's measure,
    so when one reader loses the text the other is asked, and the evidence (how many
    glyphs each decoded) decides. The first reading stays on a tie or when the other
    reader cannot read the file."""
    name = first.reader
    other = next(r for r in READERS if r != name)
    try:
        second = _read_with(open_source(p, check, other), p, doc_id, check, jobs, withhold)
    except PariterError:
        return first
    if second.reader == name or second.undecoded >= first.undecoded:
        return first
    second.doc.warnings.insert(0, Warning(
        "reader_fallback", f"{name} found no character for {first.undecoded} of "
        f"{first.raw_chars} glyph(s); read with {other}, which left {second.undecoded} "
        "without one"))
    return second


def report_damaged_streams(doc: Document, p: Path, glyphs: dict[int, int]) -> None:
    """A ``damaged_stream`` warning for each page whose content stream does not decode
    (:mod:`.streams`). A stream pdfminer cannot find is reported only when the page drew
    no glyph: PDFium, rebuilding a broken index, often finds it."""
    from .streams import damaged_pages

    for page, problem, missing in damaged_pages(p):
        if page > doc.source.pages or (missing and glyphs.get(page, 0) > 0):
            continue
        doc.warnings.append(Warning("damaged_stream", problem, page))


# ---------------------------------------------------------------------------- pass 1
@dataclass(slots=True)
class _PageRead:
    """What pass 1 keeps of one page: its lines and drawings, the warnings it raised (in
    the order raised), and the counts the document-level checks need."""

    page: _Page
    warnings: list[Warning]
    raw_chars: int
    images: int
    #: distinct glyphs drawn, for the text-loss check (:mod:`.loss`)
    glyphs: int
    #: glyphs the reader found no character for at all, spelt ``(cid:N)``
    undecoded: int = 0


def _read_page(pc: PageChars) -> _PageRead:
    """Pass 1 for one page: hygiene, vertical text, lines. Nothing here looks at another
    page, so pages can be read in any process (:mod:`.parallel`)."""
    warnings: list[Warning] = []
    page = _Page(pc.number, pc.width, pc.height)
    if pc.error:
        warnings.append(Warning("damaged_page", f"page could not be read: {pc.error}",
                                pc.number))
    for code, message in pc.problems:
        warnings.append(Warning(code, message, pc.number))
    raw_chars, glyphs = len(pc.chars), distinct_glyphs(pc.chars)
    # (both readers spell a glyph without a character so; only PDFium flags it unmapped)
    undecoded = sum(1 for c in pc.chars if c.text.startswith("(cid:"))
    recover_cids(pc.chars, pc.number, warnings)  # glyphs with no Unicode, from their words
    chars = clean(pc.chars, pc.width, pc.height, pc.number, warnings, pc.graphics)
    mark_fixed_pitch(chars)  # a typewriter face by its glyphs' advances
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
    # (a turned page's rules would need turning too)
    lines = build_lines_safe(chars, pc.number, warnings,
                             pc.rules if page.turned is None else None)
    page.lines = attach_tiny_labels(lines)
    page.rules = pc.rules
    page.tables = pc.tables
    if page.turned is None:  # tables printed without rules, beside the ruled ones
        # (a lone ruled row is no evidence yet: it may be the ruled head of a table whose
        # body is set without rules, which the unruled finder must still see whole)
        page.tables = pc.tables + unruled_tables(lines, chars, [t for t in pc.tables if not t.lone_row])
    page.graphics = pc.graphics
    if page.turned is None:
        mark_code_boxes(page.lines, pc.graphics + ruled_frames(pc.rules))
    if page.turned is None:  # a turned page's links would need turning too
        page.links = pc.links
    return _PageRead(page, warnings, raw_chars, pc.images, glyphs, undecoded)


def _read_pages(src: CharSource, p: Path, warnings: list[Warning], jobs: int
                ) -> tuple[list[_Page], int, int, dict[int, int], int]:
    """Pass 1 over every page, on ``jobs`` processes when the document is long enough to
    pay for them; the same pages and warnings, in page order, either way."""
    for code, message in getattr(src, "problems", ()):
        warnings.append(Warning(code, message))
    if parallel.worth_it(src.page_count, jobs):
        reads, geometries = parallel.map_pages(src, p, _read_page, jobs)
        place = getattr(src, "place_targets", None)
        if place is not None:  # links leading to pages the other processes read
            place(geometries, (l for r in reads for l in r.page.links))
    else:
        reads = map(_read_page, src.pages())
    pages: list[_Page] = []
    raw_chars = images = undecoded = 0
    glyphs: dict[int, int] = {}
    for r in reads:
        pages.append(r.page)
        warnings.extend(r.warnings)
        raw_chars += r.raw_chars
        images += r.images
        undecoded += r.undecoded
        glyphs[r.page.number] = r.glyphs
    return pages, raw_chars, images, glyphs, undecoded


def _mark_after(t: PageTable, pg: _Page, pages: list[_Page]) -> None:
    """Mark the first line after table ``t`` (below it, across from it; failing that, the
    next page's first), so that the text on either side of the table is not joined."""
    below = [l for l in pg.lines if l.top >= t.bottom - TABLE_SLACK_PT
             and l.x0 < t.x1 and t.x0 < l.x1]
    if not below and pg.number < len(pages):
        below = pages[pg.number].lines
    if below:
        min(below, key=lambda l: (l.top, l.x0)).after_table = True


def _ending_table(pg: _Page) -> PageTable | None:
    """The table (with known column edges) that ends page ``pg``: no line of the page
    stands below its top outside it. Its rows may go on over the page break."""
    if pg.turned is not None:
        return None
    for t in sorted(pg.tables, key=lambda t: -t.bottom):
        if t.columns is None or t.ruled:
            continue  # (a ruled table's rows carried over are found as a table of their own)
        if not any(l.top > t.top and not _in_box(l, t) for l in pg.lines):
            return t
    return None


def _heads_next(t: PageTable, pg: _Page, nxt: _Page) -> bool:
    """Is the one-row ruled table ``t`` the head row of a table a page break split: it
    ends its page (no line below its top outside it), the next page's first line is in a
    ruled table of two or more rows, and that table's columns start where ``t``'s do?"""
    if pg.turned is not None or nxt.turned is not None or t.columns is None:
        return False
    if any(l.top > t.top and not _in_box(l, t) for l in pg.lines):
        return False
    first = min(nxt.lines, key=lambda l: (l.top, l.x0), default=None)
    return first is not None and _same_columns(t, first, nxt)


def _ends_previous(t: PageTable, pg: _Page, prev: _Page) -> bool:
    """Is the one-row ruled table ``t`` the last row of a table a page break split (the
    mirror of :func:`_heads_next`): it opens its page (no line above its bottom outside
    it), the previous page's last line is in a ruled table of two or more rows, and that
    table's columns start where ``t``'s do?"""
    if pg.turned is not None or prev.turned is not None or t.columns is None:
        return False
    if any(l.bottom < t.bottom and not _in_box(l, t) for l in pg.lines):
        return False
    last = max(prev.lines, key=lambda l: (l.bottom, l.x0), default=None)
    return last is not None and _same_columns(t, last, prev)


def _same_columns(t: PageTable, line: Line, pg: _Page) -> bool:
    """Is ``line`` in a ruled table of two or more rows on ``pg`` whose columns start
    where those of the one-row table ``t`` do?"""
    return t.columns is not None and any(
        not o.lone_row and o.ruled and o.columns is not None and _in_box(line, o)
        and len(o.columns) == len(t.columns)
        and all(abs(a - b) <= EDGE_TOL_PT for a, b in zip(o.columns, t.columns))
        for o in pg.tables)


def _in_box(l: Line, t: PageTable) -> bool:
    return (t.x0 - TABLE_SLACK_PT <= (l.x0 + l.x1) / 2 <= t.x1 + TABLE_SLACK_PT
            and t.top - TABLE_SLACK_PT <= (l.top + l.bottom) / 2 <= t.bottom + TABLE_SLACK_PT)


def _mark_caption(box: tuple[float, float, float, float], pg: _Page) -> None:
    """Mark the lines of a caption a table printed as its first row (kind ``caption``):
    the table's title, not a heading of the text."""
    x0, top, x1, bottom = box
    for l in pg.lines:
        if x0 <= (l.x0 + l.x1) / 2 <= x1 and top <= (l.top + l.bottom) / 2 <= bottom:
            l.kind = "caption"


def _next_note_opens(last: Note, lines: list[Line]) -> bool:
    """Does a line of this page open with the label after ``last``'s while ``last`` ended the
    page before? Then the page's notes may open with the rest of ``last``, even where its
    text broke after a full stop (a URL's or an abbreviation's: ``…OPAC_CreateDetail.`` /
    ``DOI:10.3771/…``, then note 9)."""
    n = label_number(last.label)
    if n is None:
        return False
    want = str(n + 1)
    return any(l.lead_label == want or plain_label(l.text) == want for l in lines)


def build_lines_safe(chars, number: int, warnings: list[Warning],  # noqa: ANN001
                     rules: list | None = None) -> list[Line]:
    from .lines import PageTimeout, build_lines
    try:
        return [l for l in build_lines(chars, number, deadline=time.monotonic() + PAGE_TIME_LIMIT,
                                       rules=rules)
                if l.text.strip() or l.sups or l.lead_label]
    except PageTimeout as exc:
        warnings.append(Warning("page_timeout", f"page left out: {exc} in "
                                f"{PAGE_TIME_LIMIT:.0f} s", number))
        return []
    except Exception as exc:  # keep the rest of the document
        warnings.append(Warning("damaged_page", f"layout failed: {type(exc).__name__}: {exc}",
                                number))
        return []


# ---------------------------------------------------------------------------- pass 2
@dataclass(slots=True)
class _Reading:
    """One reader's document, with what the choice between readers looks at."""

    doc: Document
    #: distinct glyphs per page, for the text-loss check (:mod:`.loss`)
    glyphs: dict[int, int]
    raw_chars: int
    #: glyphs without any character (``(cid:N)``), before they were read back from words
    undecoded: int
    #: the reader that read it (:data:`~.readers.READERS`)
    reader: str = DEFAULT_READER


def _extract(src: CharSource, p: Path, doc_id: str | None, check: FileCheck, jobs: int,
             withhold: frozenset[str] = frozenset()) -> _Reading:
    warnings: list[Warning] = []
    try:
        pages, raw_chars, images, glyphs, undecoded = _read_pages(src, p, warnings, jobs)
    except PariterError:  # a file's problem or a page process's failure, said already
        raise
    except Exception as exc:
        name = type(exc).__name__
        if "Password" in name or "Encrypt" in name or check.encrypted:
            raise InputError(p, "the PDF is encrypted (password protected); decrypt it first") from exc
        raise InputError(p, f"not a readable PDF (corrupt or truncated: {name})") from exc
    _, autospace = drop_autospace([l for pg in pages for l in pg.lines])
    if raw_chars == 0:
        if check.encrypted:
            raise InputError(p, "the PDF is encrypted (password protected); decrypt it first")
        if images:
            raise InputError(p, "image-only PDF: no text layer (scanned pages need OCR first)")
        if all(w.code == "damaged_page" for w in warnings) and warnings:
            raise InputError(p, "not a readable PDF: no page could be read")
        dropped = [w for w in warnings if w.code == "absurd_glyphs"]
        if dropped:  # the reader saw glyphs, all of them of impossible size or position
            raise InputError(p, f"nothing could be extracted from its {len(pages)} page(s) "
                             f"({dropped[0].message}{'; …' if len(dropped) > 1 else ''})")
        raise InputError(p, "the PDF has no text layer (no characters on any page)")
    if check.truncated:
        warnings.append(Warning("truncated", "file has no %%EOF trailer: it may be truncated"))

    doc = Document(id=_doc_id(doc_id, p), source=Source(str(p), sha256_file(p), len(pages)),
                   langs=[], title=src.title,
                   generator=Generator("pariter", pariter.__version__))
    body = body_style([pg.lines for pg in pages])
    size = body.size if body is not None else DEFAULT_BODY_SIZE

    # running matter
    running = find_running([pg.lines for pg in pages], [pg.height for pg in pages], size)
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
        mark_figures(pg.lines, size, [] if pg.turned else pg.graphics)
        # the labels inside a drawn figure are part of the picture, not of the text
        pg.lines = [l for l in pg.lines if l.kind != "graphic"]
        pg.graphics = []

    # notes
    notes: list[Note] = []
    last: Note | None = None
    # the words of the whole document, notes included, decide the notes' line-end breaks
    note_words = vocabulary([l.text for pg in pages for l in pg.lines])
    note_words.autospace = autospace
    link_urls = {url_key(l.uri) for pg in pages for l in pg.links if l.uri}
    note_words.urls |= link_urls
    for pg in pages:
        # labels beside their notes are sought in type smaller than the text calling them
        pg.lines = join_side_labels(pg.lines, NOTE_SIZE_SHARE * max(size, calling_size(pg.lines)), pg.width)
        running_on = last is not None and last.page == pg.number - 1 and (
            not last.text.rstrip().endswith(FINAL) or _next_note_opens(last, pg.lines))
        areas = note_areas(pg.lines, pg.rules, size, pg.width, pg.height, running_on)
        drop = set()
        used: list[NoteArea] = []
        for area in sorted(areas, key=lambda a: (a.lines[0].x0 > pg.width / 2, a.lines[0].top)):
            if not area.ruled and not called(area, pg.lines):
                continue
            inside = {id(l) for l in area.lines}
            calls = Counter(s.label for l in pg.lines if id(l) not in inside for s in l.sups)
            # symbol callouts printed on the line, glued to a word ("Sadipscing**")
            calls.update(g for l in pg.lines if id(l) not in inside for g in glued_symbols(l.text))
            if not (area.labelled or glued_label(area.lines[0].text, last, calls, note_words)) and (
                    last is None or last.page >= pg.number):
                continue  # only a note from an earlier page runs on without a label
            found, last = parse_notes(area.lines, pg.number, last, note_words, calls)
            notes.extend(n for n in found if n.label)
            drop.update(id(l) for l in area.lines)
            used.append(area)
        page = doc.pages[pg.number - 1]
        for l in footer_under_notes(used, [l for l in pg.lines if id(l) not in drop]):
            page.running.append(to_running(l, "footer"))
            drop.add(id(l))
        page.running.sort(key=lambda r: (r.box.top, r.box.x0))
        pg.lines = [l for l in pg.lines if id(l) not in drop]

    # a table's head row that a page break left alone at the page's foot, or its last row
    # carried alone to the next page's top: one row, the columns of the table the other
    # page ends or opens with are the evidence
    for before, pg, after in zip([None] + pages[:-1], pages, pages[1:] + [None]):
        for t in [t for t in pg.tables if t.lone_row]:
            if not ((after is not None and _heads_next(t, pg, after))
                    or (before is not None and _ends_previous(t, pg, before))):
                pg.tables.remove(t)  # one ruled row on its own: a box, not a table

    # a table the page break split: its rows at the top of the next page
    for prev, pg in zip(pages, pages[1:]):
        t = _ending_table(prev)
        if t is not None and pg.turned is None:
            more = continued(t, pg.lines)
            if more is not None:
                pg.tables.append(more)

    # tables: their lines are not paragraphs
    table_boxes: list[tuple[int, PageTable]] = []
    unruled_lines: list[Line] = []  # measured with the text (below), not read as it
    cells: list[Line] = []  # the tables' lines: their raised labels may call the page's notes
    for pg in pages:
        for t in pg.tables:
            inside = [l for l in pg.lines
                      if t.x0 - TABLE_SLACK_PT <= (l.x0 + l.x1) / 2 <= t.x1 + TABLE_SLACK_PT
                      and t.top - TABLE_SLACK_PT <= (l.top + l.bottom) / 2 <= t.bottom + TABLE_SLACK_PT]
            if len(inside) >= TABLE_MIN_LINES or (t.carried and inside):
                table_boxes.append((pg.number, t))
                if not t.ruled:
                    # column by column, as the pitch is measured down a column
                    unruled_lines.extend(sorted(inside, key=lambda l: (round(l.x0), l.top)))
                cells.extend(inside)
                keep = {id(l) for l in inside}
                pg.lines = [l for l in pg.lines if id(l) not in keep]
                _mark_after(t, pg, pages)
                if t.caption is not None:
                    _mark_caption(t.caption, pg)

    # reading order (which also finds the rows of unruled tables)
    ordered: list[Line] = []
    for pg in pages:
        leaves = reading_order(pg.lines, min_gutter=max(MIN_GUTTER_PT, GUTTER_EM * size))
        for i, leaf in enumerate(leaves):
            for l in merge_band_lines(leaf, pg.width):
                l.col = i
                ordered.append(l)
    # unruled tables: the rows of the grids the reading order found
    # (the page's measurements — line pitch, column edges — keep the table's rows: it is
    # set in the text's column, on the text's leading)
    measured = ordered + unruled_lines
    unruled, rest = grid_tables(ordered, toc_pages(ordered))
    kept = {id(l) for l in rest}
    cells.extend(l for l in ordered if id(l) not in kept)
    ordered = rest
    table_boxes = sorted(table_boxes + unruled, key=lambda pt: (pt[0], pt[1].top, pt[1].x0))
    # endnotes: a Notes section the text calls, or a list the links or a rule show to be one
    sections = find_sections(ordered, {pg.number: pg.links for pg in pages},
                             {pg.number: pg.rules for pg in pages},
                             {(p, n.label) for n in notes for p in (n.pages or [n.page])}, size,
                             [l for l in cells if l.sups])
    if sections:
        gone = {id(l) for sec in sections for l in sec.lines}
        ordered = [l for l in ordered if id(l) not in gone]
        notes.extend(n for sec in sections for n in sec.notes)
    for n in notes:
        n.text = without_backlinks(n.text)
    by_page: dict[int, list[Line]] = {pg.number: [] for pg in pages}
    for l in ordered:
        by_page[l.page].append(l)
    decide_markers(by_page, notes, warnings, {pg.number: pg.links for pg in pages})
    cells = [l for l in cells if l.sups]
    table_callouts(cells, notes, by_page)

    # structure: measure the document, group lines, decide roles, assemble
    ds = DocStyle(measured, body)
    listed = listed_contents(ordered)
    outline = [] if "outline" in withhold else read_outline(p)
    cover, title = title_lines(ordered, ds, listed, outline)
    meta_title = doc.title
    doc.title = title or doc.title
    grouped = split_at_entries(blocks(ordered, ds), outline)
    tocs = toc_pages(ordered)
    evidence = Evidence(outline=outline, tags="tags" not in withhold, cover=cover,
                        cover_page=cover_page(ordered, cover, ds, doc.pages[0].label if doc.pages else None), toc_pages=tocs,
                        before_toc=before_contents(ordered, tocs),
                        after_toc=after_contents(ordered, tocs, listed), listed=listed,
                        title_region=title_region(grouped, ds) if cover else set(),
                        linked=linked_lines(ordered, {pg.number: pg.links for pg in pages}))
    decide(grouped, ds, evidence)
    assembler = Assembler(doc, ordered, notes, table_boxes, ds, warnings, meta_title, cells)
    assembler.words.autospace = autospace
    assembler.words.urls |= link_urls
    assembler.assemble(grouped)
    _turn_back(doc, pages)
    _clip_to_pages(doc)
    doc.warnings = warnings + doc.warnings
    return _Reading(doc, glyphs, raw_chars, undecoded)


def _doc_id(doc_id: str | None, p: Path) -> str:
    if doc_id:
        return doc_id
    s = re.sub(r"[^A-Za-z0-9_.-]+", "-", p.stem).strip("-.") or "doc"
    return s if re.match(r"[A-Za-z_]", s) else f"d{s}"
