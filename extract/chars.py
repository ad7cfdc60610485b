"""The character layer: the only place that knows which PDF library reads the file.

Everything above works on :class:`Char` and :class:`PageChars`, plain objects with
explicit coordinates, so a reader can be swapped without touching structure code. Two
readers implement :class:`CharSource`: :class:`~pariter.extract.pdfium.PdfiumSource`
(the default: fast, tolerant of damaged files, and rich in evidence) and
:class:`PdfplumberSource` (pdfminer.six). Pages are yielded one at a time and released
after use so that memory stays bounded on very long documents.

**Coordinates.** Every box and position here is in points, on the page *as displayed*
(after its ``/Rotate``), with the origin at the top-left corner of the page and ``top``
growing downwards: ``x0 < x1`` and ``top < bottom``. The PDFium reader measures from the
crop box (what a viewer shows), pdfplumber from the media box; the two differ only on
pages whose crop box is smaller.

**Evidence.** Besides text and geometry, a glyph carries what the PDF says about it: its
font's descriptor (:class:`FontInfo`), its render mode, the structure element that owns
it in a tagged PDF (:class:`StructNode`), whether it is an artifact (running matter).
A reader that cannot tell leaves the default, which always means "unknown", never "no".
"""

from __future__ import annotations

import unicodedata

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Protocol

# PDF font descriptor flags (ISO 32000-1, table 123), as masks
FIXED_PITCH, SERIF, SYMBOLIC, SCRIPT, NONSYMBOLIC, ITALIC = 1, 1 << 1, 1 << 2, 1 << 3, 1 << 5, 1 << 6
ALL_CAP, SMALL_CAP, FORCE_BOLD = 1 << 16, 1 << 17, 1 << 18
#: An /ItalicAngle slanted further than this many degrees (negative: leaning right) is an
#: italic face, whatever the flags say.
SLANT_MIN_DEGREES: float = 3
#: A drawn line or rectangle at most this thick (points) is a rule, as in pdfplumber's
#: reading ...
RULE_THICKNESS: float = 2.5
#: ... and a horizontal rule is longer than this (points; shorter is a dash or a dot).
RULE_MIN_LENGTH_PT: float = 5
#: Ruled tables are looked for only on a page with this many rules (a table has a top,
#: a bottom and rules between its rows and columns).
TABLE_MIN_RULES = 6
#: A page keeps at most this many drawn shapes as figure evidence (a plot of thousands
#: of marks says no more than its first ones).
MAX_GRAPHICS = 2000


@dataclass(frozen=True, slots=True)
class FontInfo:
    """A font as its PDF font dictionary and descriptor describe it (one object per font,
    shared by its glyphs). ``None`` fields are unknown to the reader.

    ``name`` is the font's name (PDFium reads it from the font program when it can, so a
    subset prefix ``ABCDEF+`` may or may not be there; :attr:`base` strips it); ``family`` is the family name PDFium reads from the font
    program; ``weight`` is PDFium's weight estimate (100–900) from the descriptor's stem
    width ``/StemV`` (:attr:`stem_v` gives it back); ``flags`` are the descriptor's
    ``/Flags`` bits (see the masks in this module); ``italic_angle`` is ``/ItalicAngle``
    in degrees (negative for a forward slant); ``embedded``: the font program is in the file.
    """

    name: str
    family: str | None = None
    weight: int | None = None
    flags: int | None = None
    italic_angle: float = 0.0
    embedded: bool | None = None

    @property
    def base(self) -> str:
        """The font name without a subset prefix (``ABCDEF+``)."""
        head, plus, rest = self.name.partition("+")
        return rest if plus and len(head) == 6 and head.isupper() else self.name

    def _flag(self, mask: int) -> bool | None:
        return None if self.flags is None else bool(self.flags & mask)

    @property
    def fixed_pitch(self) -> bool | None:
        return self._flag(FIXED_PITCH)

    @property
    def serif(self) -> bool | None:
        return self._flag(SERIF)

    @property
    def symbolic(self) -> bool | None:
        return self._flag(SYMBOLIC)

    @property
    def italic(self) -> bool | None:
        """The Italic flag, or a slanted italic angle."""
        f = self._flag(ITALIC)
        return True if f or self.italic_angle < -SLANT_MIN_DEGREES else f

    @property
    def all_cap(self) -> bool | None:
        return self._flag(ALL_CAP)

    @property
    def small_cap(self) -> bool | None:
        return self._flag(SMALL_CAP)

    @property
    def force_bold(self) -> bool | None:
        return self._flag(FORCE_BOLD)

    @property
    def stem_v(self) -> float | None:
        """``/StemV`` as PDFium read it (inverse of its weight formula)."""
        if self.weight is None:
            return None
        return self.weight / 5 if self.weight < 700 else (self.weight - 140) / 4


#: inline-level structure types (ISO 32000-1 14.8.4.4, ISO 32000-2 14.8.4.7) that say
#: nothing of the block a glyph is in; ``Note`` is inline-level too but is kept: a note is
#: what structure code looks for
INLINE_TYPES = frozenset({"Span", "Quote", "Reference", "BibEntry", "Code", "Link", "Annot",
                          "Ruby", "RB", "RT", "RP", "Warichu", "WT", "WP", "Em", "Strong",
                          "Sub"})
#: grouping types that ISO 32000 gives no meaning of their own: ``NonStruct`` ("its
#: descendants shall be handled normally", as children of its parent) and ``Private``
#: (the producer's own). Chromium wraps the text of every element in a ``NonStruct``
#: (``H2 > NonStruct > MCID``): the block is its parent's type.
GROUPING_TYPES = frozenset({"NonStruct", "Private"})
#: types a glyph's block is not read from: the nearest enclosing type outside them is.
SILENT_TYPES = INLINE_TYPES | GROUPING_TYPES


@dataclass(frozen=True, slots=True)
class StructNode:
    """The element of a tagged PDF's structure tree that owns a glyph's marked content.

    ``type`` is the element's structure type after the document's role map (``P``,
    ``H1``, ``Note``, ``Lbl``, ``LI``, ``TD``, ``Figure``, ``Caption``, ``Span`` …);
    ``path`` the types from the tree's root down to it; ``index`` tells elements apart
    within one page (glyphs of one paragraph share it); ``lang`` its ``/Lang``, if any.
    """

    type: str
    path: tuple[str, ...]
    index: int
    lang: str | None = None

    def within(self, *types: str) -> str | None:
        """The nearest enclosing type (this one included) among ``types``."""
        for t in reversed(self.path):
            if t in types:
                return t
        return None


@dataclass(slots=True)
class Target:
    """Where a link or an outline entry leads: a page (1-based) and, when the destination
    gives one, a point on it. ``pdf_x``/``pdf_y`` are the destination's numbers in PDF
    user space; ``x``/``top`` the same point in this module's top-left page coordinates,
    filled in by the reader when it reads the target page (None until then, or when the
    destination names no point, e.g. /Fit)."""

    page: int
    pdf_x: float | None = None
    pdf_y: float | None = None
    x: float | None = None
    top: float | None = None


@dataclass(slots=True)
class Link:
    """A link annotation: its active rectangle on ``page`` and where it leads, either
    inside the document (``target``) or to a ``uri``."""

    page: int
    x0: float
    top: float
    x1: float
    bottom: float
    target: Target | None = None
    uri: str | None = None


@dataclass(slots=True)
class OutlineItem:
    """One bookmark of the document outline: ``level`` 1 for top-level entries, in the
    outline's order (a pre-order walk of the bookmark tree)."""

    title: str
    level: int
    target: Target | None = None


@dataclass(slots=True)
class DocInfo:
    """What a PDF says about itself as a whole. A reader that cannot read some of it leaves
    the default (empty, None)."""

    outline: list[OutlineItem] = field(default_factory=list)
    #: the catalog's /MarkInfo says the content is tagged (a structure tree is there)
    tagged: bool = False
    producer: str | None = None
    creator: str | None = None


@dataclass(slots=True)
class Char:
    """One glyph as drawn.

    The box ``x0, top, x1, bottom`` is the glyph's layout box as pdfminer defines it:
    across from its origin to its advance, up from the font's descent by one em, so that
    lines get the same height whichever reader read them. ``tight`` is the box of the ink
    itself (PDFium only). ``baseline`` is the baseline's distance from the page top; it
    groups CJK and Latin glyphs of one line whose boxes differ in height. ``size`` is the
    font size as drawn (``Tf`` times the text and graphics matrices' vertical scale).
    ``fontname`` is the font's name; a subset prefix (``ABCDEF+``) may be there (pdfminer
    keeps the ``/BaseFont``'s, PDFium gives a Type 1 font's name from the font program),
    so compare names with it stripped.
    """

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    fontname: str
    size: float
    #: fill colour as the reader gives it (PDFium: RGB in 0–1; pdfplumber: the colour
    #: space's own components); None when unknown or a pattern
    colour: tuple[float, ...] | None = None
    upright: bool = True
    baseline: float = 0.0
    #: index in the content stream: drawing order is the best hint of reading order
    seq: int = 0
    #: the ink box (x0, top, x1, bottom), tight around the glyph's outline
    tight: tuple[float, float, float, float] | None = None
    #: the font's descriptor, shared by all glyphs of the font
    font: FontInfo | None = None
    #: text render mode ``Tr``: 0 fill, 1 stroke, 2 both, 3 invisible (OCR layers),
    #: 4–7 the same and add to the clip path; -1 unknown
    render_mode: int = -1
    #: the baseline's direction on the displayed page, degrees counter-clockwise
    angle: float = 0.0
    #: a hyphen that ends a line (PDFium's reading: a word broken across lines)
    hyphen: bool = False
    #: the font maps this glyph to no Unicode: ``text`` is ``(cid:N)``
    unmapped: bool = False
    #: marked-content id of the glyph's content (tagged PDFs); -1 none
    mcid: int = -1
    #: the structure element owning the glyph (tagged PDFs)
    struct: StructNode | None = None
    #: inside an /Artifact marked-content sequence of a tagged PDF: running headers,
    #: footers, page numbers (an untagged PDF's artifacts are not believed: producers put
    #: body text in them)
    artifact: bool = False
    #: drawn fully transparent (fill alpha 0): its colour reads as white. Skia (Chromium,
    #: Calibre, Electron) draws glyphs it cannot embed as outlines and lays such text over
    #: them for search and copy; elsewhere it is hidden text (see :mod:`.hygiene`)
    transparent: bool = False

    @property
    def invisible(self) -> bool:
        """Drawn with render mode 3 or 7: neither filled nor stroked (an OCR text layer)."""
        return self.render_mode in (3, 7)

    # the font's evidence as fields of the glyph, for code that reads them one by one
    @property
    def weight(self) -> int | None:
        return self.font.weight if self.font is not None else None

    @property
    def flags(self) -> int | None:
        return self.font.flags if self.font is not None else None

    @property
    def italic_angle(self) -> float | None:
        return self.font.italic_angle if self.font is not None else None

    @property
    def tag(self) -> str | None:
        """The block the glyph belongs to in a tagged PDF: ``Artifact`` for running matter,
        else the nearest enclosing structure type that is not inline-level (a heading's
        ``Span`` reads ``H1``, Chromium's ``H2 > NonStruct`` reads ``H2``); None when the
        reader knows no structure."""
        if self.artifact:
            return "Artifact"
        if self.struct is None:
            return None
        for t in reversed(self.struct.path):
            if t not in SILENT_TYPES:
                return t
        return self.struct.type


@dataclass(slots=True)
class Rule:
    """A drawn line or thin rectangle; footnote separators and table borders are rules."""

    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def horizontal(self) -> bool:
        return (self.bottom - self.top) <= RULE_THICKNESS and (self.x1 - self.x0) > RULE_MIN_LENGTH_PT

    def __reduce__(self) -> tuple[type, tuple[float, float, float, float]]:
        # a page process sends its pages' rules back pickled (parallel.py), and a plot's
        # page carries 20,000 of them (its markers): as the four numbers, not a slotted
        # dataclass's state, that is 0.094 -> 0.039 s to pickle 40,000, 0.049 -> 0.031 s
        # to unpickle, in a quarter fewer bytes
        return (Rule, (self.x0, self.top, self.x1, self.bottom))


@dataclass(slots=True)
class PageTable:
    """A table found on a page: a ruled one by the reader (optional: readers may leave
    them out), an unruled one from the page's glyphs (:mod:`.unruled`)."""

    x0: float
    top: float
    x1: float
    bottom: float
    rows: list[list[str]]
    ruled: bool = True
    #: the box of the table's caption printed as its first row (kept out of ``rows``:
    #: its line is read as the table's caption), None when there is none
    caption: tuple[float, float, float, float] | None = None
    #: where the cells of each column start (x, left to right), when known (unruled
    #: tables): a part of the table the next page carries on starts there too
    columns: tuple[float, ...] | None = None
    #: the rows of a table the previous page began (its columns are the evidence: one
    #: row, even one line of glued cells, is enough)
    carried: bool = False
    #: a ruled table of one row: a table's head row that a page break left at the page's
    #: foot, when the next page's table goes on under the same columns (kept only then)
    lone_row: bool = False


@dataclass(slots=True)
class PageChars:
    number: int
    width: float
    height: float
    chars: list[Char] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    tables: list[PageTable] = field(default_factory=list)
    images: int = 0
    #: boxes (x0, top, x1, bottom) of drawn shapes and images: what a figure is made of
    graphics: list[tuple[float, float, float, float]] = field(default_factory=list)
    #: set when the page could not be read; the page then has no chars
    error: str | None = None
    #: the page's label (``/PageLabels``: "iv", "A-3"), if the document gives labels
    label: str | None = None
    #: link annotations on the page
    links: list[Link] = field(default_factory=list)
    #: characters the reader generated (PDFium's spaces and line breaks): not in ``chars``
    generated: int = 0
    #: glyphs without a Unicode mapping (in ``chars`` as ``(cid:N)``)
    unmapped: int = 0
    #: what went wrong while reading the page but did not stop it: (code, message) pairs,
    #: reported as warnings by the pipeline
    problems: list[tuple[str, str]] = field(default_factory=list)


class CharSource(Protocol):
    """What structure code needs from a PDF reader."""

    path: str
    page_count: int
    title: str | None
    #: the document's own description (outline, tagging); complete after :meth:`pages`
    #: has been read through (targets are placed as their pages are read)
    info: DocInfo

    def pages(self, indices: Iterable[int] | None = None) -> Iterator[PageChars]:
        """The pages, or those at ``indices`` (0-based, in the order given)."""
        ...

    def reopen(self) -> None:
        """Open the file anew in this process: a process forked from the one that opened
        it shares the open file's offset with it, so reading through the inherited handle
        while the other process reads too would mix their reads up."""
        ...

    def close(self) -> None: ...


def _colour(value: object) -> tuple[float, ...] | None:
    if value is None:
        return None
    if isinstance(value, (int, float)):
        return (float(value),)
    try:
        return tuple(float(v) for v in value)  # type: ignore[union-attr]
    except (TypeError, ValueError):
        return None  # pattern colours and the like: treat as unknown, i.e. visible


class PdfplumberSource:
    """:class:`CharSource` over pdfplumber (pdfminer.six). Of the evidence it gives the
    marked content (``mcid``, ``artifact``); fonts, render mode, tags, outline and links
    are left unknown."""

    def __init__(self, path: str | Path, *, tables: bool = True) -> None:
        import pdfplumber

        self.path = str(path)
        self._want_tables = tables
        self._pdf = pdfplumber.open(self.path)
        self.page_count = len(self._pdf.pages)
        from .hygiene import clean_string, string_warning  # hygiene reads Char from here

        #: what the document-level strings were cleaned of (code, message), for the pipeline
        self.problems: list[tuple[str, str]] = []
        title = None
        try:
            meta = self._pdf.metadata or {}
            t = meta.get("Title")
            if isinstance(t, bytes):
                t = t.decode("utf-8", "replace")
            if isinstance(t, str):
                t, removed = clean_string(t)
                if removed:
                    self.problems.append(string_warning("the document's title (metadata)", removed))
                title = t.strip() or None
        except Exception:  # metadata is decoration: never fail on it
            title = None
        self.title = title
        self.info = DocInfo(tagged=self._tagged())

    def _tagged(self) -> bool:
        """The catalog's /MarkInfo << /Marked true >>: the content is tagged."""
        try:
            from pdfminer.pdftypes import resolve1

            mark = resolve1(self._pdf.doc.catalog.get("MarkInfo"))
            return bool(isinstance(mark, dict) and resolve1(mark.get("Marked")) is True)
        except Exception:  # a damaged catalog says nothing
            return False

    def pages(self, indices: Iterable[int] | None = None) -> Iterator[PageChars]:
        for i in range(self.page_count) if indices is None else indices:
            page = self._pdf.pages[i]
            try:
                yield self._read(page, i + 1)
            except Exception as exc:  # a damaged page must not cost the others
                yield PageChars(i + 1, float(page.width or 1), float(page.height or 1),
                                error=f"{type(exc).__name__}: {exc}")
            finally:
                try:
                    page.close()
                except Exception:
                    pass
                # pdfplumber keeps every Page in pdf.pages; drop our reference's caches
                self._pdf.pages[i].__dict__.pop("_objects", None)

    def _read(self, page, number: int) -> PageChars:  # noqa: ANN001 - pdfplumber Page
        height = float(page.height)
        # cropbox-relative coordinates: pdfplumber already offsets by the page bbox
        out = PageChars(number, float(page.width), height)
        chars = []
        append = chars.append
        colours: dict[object, tuple[float, ...] | None] = {}  # few distinct colours a page
        tagged = self.info.tagged
        for seq, c in enumerate(page.chars):
            get = c.get
            m = get("matrix")
            upright = bool(get("upright", True))
            top = c["top"]
            if m is not None and upright:
                # both in PDF space, so the difference survives any cropbox offset
                baseline = top + (c["y1"] - m[5])
            else:
                baseline = c["bottom"]
            raw = get("non_stroking_color")
            try:
                colour = colours[raw]
            except KeyError:
                colour = colours[raw] = _colour(raw)
            except TypeError:  # unhashable (a list): convert each time
                colour = _colour(raw)
            mcid = get("mcid")
            append(Char(c["text"], c["x0"], top, c["x1"], c["bottom"], get("fontname", ""),
                        float(get("size", 0.0)), colour, upright, baseline, seq,
                        mcid=mcid if isinstance(mcid, int) else -1,
                        artifact=tagged and get("tag") == "Artifact"))
        out.chars = chars
        rules = [Rule(o["x0"], o["top"], o["x1"], o["bottom"]) for o in page.lines]
        for r in page.rects:
            if (r["bottom"] - r["top"]) <= RULE_THICKNESS or (r["x1"] - r["x0"]) <= RULE_THICKNESS:
                rules.append(Rule(r["x0"], r["top"], r["x1"], r["bottom"]))
        out.rules = rules
        out.images = len(page.images)
        out.graphics = [(o["x0"], o["top"], o["x1"], o["bottom"])
                        for kind in (page.rects, page.curves, page.images) for o in kind
                        if (o["x1"] - o["x0"]) > RULE_THICKNESS
                        or (o["bottom"] - o["top"]) > RULE_THICKNESS][:MAX_GRAPHICS]
        if self._want_tables and len(rules) >= TABLE_MIN_RULES and chars:
            out.tables = self._tables(page)
        return out

    @staticmethod
    def _tables(page) -> list[PageTable]:  # noqa: ANN001
        try:
            return page_tables(page.find_tables())
        except Exception:
            return []

    def reopen(self) -> None:
        import pdfplumber

        # the inherited opening is kept, never closed here: it is the parent's file
        self._inherited = self._pdf
        self._pdf = pdfplumber.open(self.path)

    def close(self) -> None:
        self._pdf.close()


#: Within a table cell, glyphs further apart than this many ems (of their size) are two
#: words: a word space is a quarter em or more, letters of a word touch (pdfplumber's fixed
#: 3 pt joins the words of 10 pt type set with 2.5 pt spaces).
CELL_WORD_GAP_EM: float = 0.15


def _cell_text(plain: str | None, spaced: str | None) -> str:
    """A cell's text: as pdfplumber reads it (``plain``), with the word spaces a reading
    by the type's size finds (``spaced``) between two narrow characters. Next to an
    ideograph or a full-width mark a gap is justification or CJK autospace, which the
    text of the cell does not type (``本规范第10章``)."""
    a, b = plain or "", spaced or ""
    out: list[str] = []
    i = 0
    for j, ch in enumerate(b):
        if i < len(a) and a[i] == ch:
            out.append(ch)
            i += 1
        elif ch == " ":
            nxt = b[j + 1] if j + 1 < len(b) else ""
            if out and nxt and not _wide(out[-1]) and not _wide(nxt) and out[-1] not in " \n":
                out.append(ch)
        else:
            return _join_cell_lines(a)  # the readings differ otherwise: keep pdfplumber's
    return _join_cell_lines("".join(out) if i == len(a) else a)


def _join_cell_lines(text: str) -> str:
    """A cell's lines as one text: a cell wraps its words as a paragraph does, so a break
    between two narrow characters is a word space (``(a.k.a`` / ``udeb)``), one beside an
    ideograph or a full-width mark is none (Chinese sets no spaces), and one after a
    hyphen keeps the hyphen and adds nothing (the table cannot tell a compound's hyphen
    from a break's)."""
    lines = [l.strip() for l in text.split("\n")]
    out = ""
    for l in lines:
        if not l:
            continue
        if out and not _wide(out[-1]) and not _wide(l[0]) and out[-1] not in "-\u00ad/":
            out += " "
        out += l
    return out


def _wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in "WF"


def page_tables(found) -> list[PageTable]:  # noqa: ANN001 - pdfplumber Tables
    """pdfplumber's tables as :class:`PageTable`: rows of cell texts, empty rows dropped;
    a "table" of one column is not kept (a boxed paragraph, a framed figure), one of one
    row only as ``lone_row`` (the document keeps it where it heads the next page's table).
    A caption printed as the table's first row stays out of it (:func:`_caption_row`)."""
    from pdfplumber.table import Table

    out = []
    for t in found:
        # the same table read from the glyphs of its box only (see _TableGlyphs), a
        # word that runs on past the table's right rule included (_overflow)
        cells, box = _overflow(t)
        inside = Table(_TableGlyphs(t.page, box), cells)
        rows = [[_cell_text(a, b) for a, b in zip(ra, rb)]
                for ra, rb in _extract_twice(inside, {"x_tolerance_ratio": CELL_WORD_GAP_EM})]
        # the box with what runs on past its rule: those lines are the table's, not text
        x0, top, x1, bottom = box
        caption = None
        if _caption_row(t):
            # the table starts under it; the caption's line is read as the table's caption,
            # as a caption printed above the table is
            caption = tuple(t.rows[0].bbox)
            rows, top = rows[1:], t.rows[1].bbox[1]
        rows = [r for r in rows if any(c.strip() for c in r)]
        if rows and max(len(r) for r in rows) >= 2:
            out.append(PageTable(x0, top, x1, bottom, rows, caption=caption,
                                 columns=_column_edges(t), lone_row=len(rows) < 2))
    return out


#: a glyph continues the text before it past a cell's rule when the gap between them is
#: at most this many ems of its size: letters touch, a word space is a third of an em, a
#: character drawn as a rule (pdfTeX's typewriter underscore) half an em; a gutter between
#: columns is an em or more
OVERFLOW_GAP_EM: float = 0.75


def _glyph_boxes(page) -> list[tuple[float, float, float, float, float]]:  # noqa: ANN001
    """(x0, top, x1, bottom, size) of the page's glyphs, on either kind of page."""
    if isinstance(page, TablePage):
        return [(c.x0, c.top, c.x1, c.bottom, c.size) for c in page._glyphs if not c.text.isspace()]
    return [(c["x0"], c["top"], c["x1"], c["bottom"], c.get("size", 10.0)) for c in page.chars
            if not c.get("text", "").isspace()]


def _overflow(t) -> tuple[list[tuple[float, float, float, float]],  # noqa: ANN001
                           tuple[float, float, float, float]]:
    """The table's cells and box, a cell of its last column widened over a word that runs
    on past the table's right rule. A typesetter that cannot break a long token (a file
    name, a URL) in a narrow column lets it stick out of the cell (TeX's overfull box,
    DBLaTeX's tables); its line is the cell's, so the table takes it, and the glyphs past
    the rule were lost. What continues the cell's glyphs without a gap is the cell's; what
    stands a gutter away is another column of the page."""
    x0, top, x1, bottom = t.bbox
    glyphs = None
    cells = list(t.cells)
    right = x1
    for i, c in enumerate(cells):
        if abs(c[2] - x1) > 1.0:
            continue
        if glyphs is None:
            glyphs = _glyph_boxes(t.page)
        band = sorted((g for g in glyphs if c[1] <= (g[1] + g[3]) / 2 <= c[3]
                       and (g[0] + g[2]) / 2 >= c[0]), key=lambda g: g[0])
        inner = [g for g in band if (g[0] + g[2]) / 2 <= c[2]]
        if not inner:
            continue
        end = max(g[2] for g in inner)
        for g in band:
            if (g[0] + g[2]) / 2 <= c[2]:
                continue
            if g[0] - end > OVERFLOW_GAP_EM * g[4]:
                break
            end = max(end, g[2])
        if end > c[2] + 0.5:
            cells[i] = (c[0], c[1], end + 0.5, c[3])
            right = max(right, end + 0.5)
    return cells, (x0, top, right, bottom)


def _middle_in(x0: float, top: float, x1: float, bottom: float,
               box: tuple[float, float, float, float]) -> bool:
    """Does the middle of a glyph's box lie in ``box`` (its sides included)?"""
    h, v = (x0 + x1) / 2, (top + bottom) / 2
    return box[0] <= h <= box[2] and box[1] <= v <= box[3]


class _TableGlyphs:
    """The page as :meth:`pdfplumber.table.Table.extract` reads it, for one table: the
    glyphs whose middle lies in the table's box, in the page's order. ``extract`` takes a
    row's glyphs by a walk over every glyph of the page for every row (and twice: plain
    and with :data:`CELL_WORD_GAP_EM`), a glyph's middle inside the row's box; every row
    lies inside the table's box, so the glyphs outside it are never taken: the same cells
    from a walk over the table's own glyphs."""

    def __init__(self, page, box: tuple[float, float, float, float]) -> None:  # noqa: ANN001
        if isinstance(page, TablePage):
            self.chars = page.glyphs_in(box)
        else:
            self.chars = [c for c in page.chars
                          if _middle_in(c["x0"], c["top"], c["x1"], c["bottom"], box)]


def _extract_twice(table, spaced: dict) -> list[tuple[list[str | None], list[str | None]]]:  # noqa: ANN001
    """Each row's cell texts read as :meth:`pdfplumber.table.Table.extract` reads them,
    plainly and with the options ``spaced``, in one pass.

    The same glyphs go to the same cells in the same order as ``extract`` gives them (a
    glyph belongs to a row, then to a cell, when its box's middle lies in it: left and top
    sides in, right and bottom out), and each cell's text is pdfplumber's
    ``extract_text`` of them. What ``extract`` does twice for the two readings, and
    for every row over all the table's glyphs with a function call per glyph (the rows,
    each glyph's middle, each row's glyphs, each cell's), is done once here: on a page of
    tables that was half of the table finder's time."""
    from pdfplumber.utils import extract_text

    mids = [((c["x0"] + c["x1"]) / 2, (c["top"] + c["bottom"]) / 2, c) for c in table.page.chars]
    out = []
    for row in table.rows:
        x0, top, x1, bottom = row.bbox
        row_mids = [m for m in mids if x0 <= m[0] < x1 and top <= m[1] < bottom]
        plain: list[str | None] = []
        wide: list[str | None] = []
        for cell in row.cells:
            if cell is None:
                plain.append(None)
                wide.append(None)
                continue
            a, b, c, d = cell
            cell_chars = [m[2] for m in row_mids if a <= m[0] < c and b <= m[1] < d]
            if cell_chars:
                plain.append(extract_text(cell_chars))
                wide.append(extract_text(cell_chars, **spaced))
            else:
                plain.append("")
                wide.append("")
        out.append((plain, wide))
    return out


def _column_edges(t) -> tuple[float, ...] | None:  # noqa: ANN001 - a pdfplumber Table
    """Where the cells of a ruled table's columns start: the left edges of its row with
    the most cells."""
    cells = max(([c for c in r.cells if c is not None] for r in t.rows), key=len, default=[])
    return tuple(sorted(round(c[0], 1) for c in cells)) or None


def _caption_row(t) -> bool:  # noqa: ANN001 - a pdfplumber Table
    """Is the table's first row its caption: one cell spanning every column (DocBook's
    ``<title>`` printed in the table by DBLaTeX: "Table of services" over the header row),
    above a row of two or more cells and at least one more row? A table's own cells do
    not span the whole table at its head: a header row names each column."""
    rows = t.rows
    if len(rows) < 3:
        return False
    first = [c for c in rows[0].cells if c is not None]
    head = [c for c in rows[1].cells if c is not None]
    if len(first) != 1 or len(head) < 2:
        return False
    x0, _, x1, _ = t.bbox
    return abs(first[0][0] - x0) < RULE_JOIN_PT and abs(first[0][2] - x1) < RULE_JOIN_PT


#: Rules meeting end to end within this many points are one rule (a table's rule is drawn
#: cell by cell).
RULE_JOIN_PT: float = 1.0
#: A row of a ruled table is less than this share of the page high: rules further apart
#: frame a page's columns or regions, not rows.
TABLE_ROW_MAX_SHARE: float = 0.25


def open_sides(edges: list[tuple[float, float, float, float]], height: float
               ) -> list[tuple[float, float, float, float]]:
    """The side borders a ruled table leaves out: LaTeX's ``{l|l|r}`` under ``\\hline``,
    DocBook's and many word processors' tables draw rules across the table and between its
    columns but none at its sides, so a table finder that wants cells closed on four sides
    sees only the inner columns (and the outer columns' text runs into the paragraphs).
    Where three or more rules span the same width, one above the other at most a row apart
    (:data:`TABLE_ROW_MAX_SHARE`), and a column rule between their ends joins each to the
    next, the table is closed at both ends, from its first rule to its last."""
    across: dict[float, list[list[float]]] = {}
    down: list[tuple[float, float, float]] = []
    for x0, top, x1, bottom in edges:
        if top == bottom and x1 > x0:
            across.setdefault(round(top, 1), []).append([x0, x1])
        elif x0 == x1 and bottom > top:
            down.append((x0, top, bottom))
    if not across or not down:
        return []
    rules: dict[tuple[int, int], list[float]] = {}  # span (rounded ends) -> the rules' heights
    spans: dict[tuple[int, int], tuple[float, float]] = {}
    for y, segs in across.items():
        segs.sort()
        run = [segs[0][:]]
        for a, b in segs[1:]:
            if a <= run[-1][1] + RULE_JOIN_PT:
                run[-1][1] = max(run[-1][1], b)
            else:
                run.append([a, b])
        for a, b in run:
            key = (round(a), round(b))
            rules.setdefault(key, []).append(y)
            spans[key] = (a, b)
    out: list[tuple[float, float, float, float]] = []
    for key, ys in rules.items():
        if len(ys) < 3:
            continue
        a, b = spans[key]
        ys.sort()
        inner = [(x, t, u) for x, t, u in down if a + RULE_JOIN_PT < x < b - RULE_JOIN_PT]
        start = 0
        for i in range(1, len(ys) + 1):
            joined = i < len(ys) and ys[i] - ys[i - 1] < TABLE_ROW_MAX_SHARE * height and any(
                t <= ys[i - 1] + RULE_JOIN_PT and u >= ys[i] - RULE_JOIN_PT for _, t, u in inner)
            if joined:
                continue
            top, bottom = ys[start], ys[i - 1]
            if i - 1 - start >= 2:
                for x in (a, b):  # a side with a rule of its own (drawn row by row) is closed
                    if not any(abs(v - x) <= RULE_JOIN_PT and t < bottom and u > top
                               for v, t, u in down):
                        out.append((x, top, x, bottom))
            start = i
    return out


def _char_dict(c: Char) -> dict:
    """A glyph as pdfplumber's char dict (what its table reading takes of a glyph)."""
    return {"object_type": "char", "text": c.text, "x0": c.x0, "x1": c.x1,
            "top": c.top, "bottom": c.bottom, "doctop": c.top,
            "width": c.x1 - c.x0, "height": c.bottom - c.top,
            "upright": c.upright, "size": c.size, "fontname": c.fontname}


class TablePage:
    """Just enough of a pdfplumber page for its table finder to run on another reader's
    glyphs and drawn edges: pdfplumber's algorithm without pdfminer's parse of the page.
    Sides a ruled table leaves open are closed first (:func:`open_sides`)."""

    def __init__(self, chars: list[Char], edges: list[tuple[float, float, float, float]],
                 width: float, height: float) -> None:
        self.bbox = (0.0, 0.0, width, height)
        self._glyphs = chars
        self._chars: list[dict] | None = None
        self.edges = []
        for x0, top, x1, bottom in edges + open_sides(edges, height):
            self.edges.append({"object_type": "line", "x0": x0, "x1": x1, "top": top,
                               "bottom": bottom, "doctop": top, "width": x1 - x0,
                               "height": bottom - top, "orientation": "h" if top == bottom else "v"})

    @property
    def chars(self) -> list[dict]:
        """The glyphs as pdfplumber's char dicts, made only when asked for."""
        if self._chars is None:
            self._chars = [_char_dict(c) for c in self._glyphs]
        return self._chars

    def glyphs_in(self, box: tuple[float, float, float, float]) -> list[dict]:
        """The glyphs whose middle lies in ``box``, as pdfplumber's char dicts (a found
        table is read from these: :class:`_TableGlyphs`)."""
        return [_char_dict(c) for c in self._glyphs
                if _middle_in(c.x0, c.top, c.x1, c.bottom, box)]

    def find_tables(self):  # noqa: ANN201
        from pdfplumber.table import TableFinder, TableSettings

        return TableFinder(self, TableSettings.resolve(None)).tables
