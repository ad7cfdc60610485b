"""The document's own typography, measured before anything is decided.

A heading is a line set *differently from the body*, a paragraph break is a gap *wider
than the line pitch*, an indent is *further in than the column's edge*: every one of these
is relative to the document, so the document is measured first. Nothing here uses a fixed
size in points.

- **Body style**: the style of running text, i.e. of lines that have a neighbour in the
  same type within a couple of line heights and carry a sentence's worth of characters.
  Counting every glyph instead lets a long code listing or a table decide.
- **Line pitch**: the most common baseline step between consecutive lines of one size in
  one column, per page (a report's abstract may be set tighter than its chapters), with
  the document's value where a page has too few lines to say.
- **Column bounds**: each line's column edges, from the extents other lines share.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass

from .fonts import BOLD_FACE_WEIGHT, BOLD_WEIGHT, REGULAR_WEIGHT, WEIGHT_STEP
from .lines import IDEOGRAPHS_RE, SIZE_TOLERANCE, Line

#: A neighbour within this many line heights makes a line part of running text.
NEIGHBOUR_STEPS = 2.2
#: Characters a running-text line carries at least (an ideograph counts as two).
RUNNING_TEXT_CHARS = 16
#: Baseline steps outside (0.9, 3.0) × size are not line pitch (overlaps, blank lines).
PITCH_RANGE = (0.9, 3.0)
#: A text column is an extent shared by this share of the body's lines.
COLUMN_SHARE = 0.05
#: A page has running text in a column when this many of its lines fill it.
FILLED_LINES = 3
#: A page needs this many steps of a size to have its own pitch for that size.
PAGE_PITCH_MIN_STEPS = 3
#: Type this much larger than the body (or than the notes, under a note area) is display
#: type: a heading or a title, never running text, a note or running matter.
DISPLAY_RATIO: float = 1.15
#: A neighbour of running text stands on another line: its baseline this many ems away.
NEIGHBOUR_MIN_STEP_EM: float = 0.5
#: A line in capitals has at least this many letters, and they are at least this share of
#: its characters (a label like ``IV.`` or a formula is not a line in capitals).
CAPS_MIN_LETTERS: int = 3
CAPS_LETTER_SHARE: float = 0.5
#: Running text in a typewriter face without ideographs is a code listing, not the body,
#: when at least this share of the running text is set otherwise: a manual's listings may
#: outweigh its prose, but a document typed wholly in a typewriter face (with a proportional
#: title or two) is set in it. A CJK face flagged fixed-pitch is not a listing.
LISTING_PROSE_SHARE: float = 0.2
#: The body size (points) assumed for a document without running text: the commonest.
DEFAULT_BODY_SIZE: float = 10.0
#: The leading assumed where no line pitch was measured, in ems: 120 %, the default of
#: TeX, Word and CSS.
DEFAULT_LEADING: float = 1.2
#: A text column is an extent shared by at least this many lines, too.
COLUMN_MIN_LINES: int = 3
#: Lines within this many points of the body size count when a page's margins are read.
MARGIN_SIZE_TOLERANCE: float = 1.0
#: Two lines are in one column when they overlap across by more than this share of the
#: narrower of them (and of :data:`OVERLAP_CAP_PT`: a wide line over a narrow column).
OVERLAP_SHARE: float = 0.5
OVERLAP_CAP_PT: float = 200
#: An edge that this many lines share is a column's margin, not a lone line's edge.
SHARED_EDGE_LINES: int = 2
#: A right margin is shared by lines that start no further right than this many ems of the
#: line it is a margin to: within a first-line indent or a hanging label, and short of a
#: block set in from both sides (abstracts and quotations are indented 2 ems or more).
COLUMN_REACH_EM: float = 1.0
#: A line lies inside a column when within this many points of its edges ...
COLUMN_SLACK_PT: float = 2
#: ... and fills the column when it reaches within this many ems of both edges.
FILL_MARGIN_EM: float = 2
#: What a line that ran on into the next does not end with: a sentence's or a clause's
#: end (as :data:`~pariter.extract.paragraphs.FINAL`), or a page number after a contents
#: entry's leader.
_RAN_ON_NOT = tuple("。！？.!?:：；;”’」』)）0123456789")
#: Lines sharing both edges this many times set a measure (see DocStyle.at_measure) ...
MEASURE_LINES: int = 4
#: ... when it spans at least this share of their column.
MEASURE_SHARE: float = 0.6
#: A line is set in a CJK face's leading when it holds at least this many ideographs.
CJK_LINE_IDEOGRAPHS: int = 2


@dataclass(frozen=True, slots=True)
class Style:
    """What a reader sees of a line's type: size, weight, slant, capitals, family, colour."""

    size: float
    weight: int
    italic: bool
    caps: bool
    family: str
    colour: tuple[float, ...] | None

    def heavier(self, other: "Style") -> bool:
        return self.weight >= other.weight + WEIGHT_STEP

    def differs(self, other: "Style") -> bool:
        """Would a reader see the change of type from ``other`` to this style?"""
        return (abs(self.size - other.size) >= SIZE_TOLERANCE
                or abs(self.weight - other.weight) >= WEIGHT_STEP
                or self.italic != other.italic or self.caps != other.caps
                or self.family != other.family or self.colour != other.colour)


# counted over a whole line at once by the regex engine: these run for every line, often
# several times (style_of), and a Python loop per character was a tenth of extraction
_ASCII_LETTER = re.compile(r"[A-Za-z]")
_ASCII_LOWER = re.compile(r"[a-z]")
_SPACE = re.compile(r"\s")  # what str.isspace() calls a space, character for character


def _ink(text: str) -> int:
    """Characters other than whitespace."""
    return len(text) - len(_SPACE.findall(text))


def _letters_caps(text: str) -> bool:
    """Set in capitals: enough ASCII letters, a good share of the text, none lower case."""
    if _ASCII_LOWER.search(text):  # first: most lines of Latin text have one early on
        return False
    letters = len(_ASCII_LETTER.findall(text))
    return letters >= CAPS_MIN_LETTERS and letters >= CAPS_LETTER_SHARE * _ink(text)


def style_of(l: Line) -> Style:
    """The line's style; its ``size`` rounded to half points, weight to a class of 100."""
    f = l.font
    weight = f.weight if f is not None else (BOLD_FACE_WEIGHT if l.bold else REGULAR_WEIGHT)
    if f is not None and f.cls == "hei":
        weight = max(weight, BOLD_WEIGHT)  # 黑体 sets headings against a 宋体 body the way bold does
    caps = bool(f and f.smallcaps) or _letters_caps(l.text)
    return Style(round(l.size * 2) / 2, int(round(weight, -2)), bool(f and f.italic), caps,
                 f.cls if f is not None else "", _colour_key(l.colour))


def _colour_key(c: tuple[float, ...] | None) -> tuple[float, ...] | None:
    if c is None:
        return None
    key = tuple(round(v, 2) for v in c)
    if len(key) == 1 and key[0] == 0.0 or len(key) == 3 and key == (0.0, 0.0, 0.0) \
            or len(key) == 4 and key == (0.0, 0.0, 0.0, 1.0):
        return (0.0,)  # black however it is written
    return key


def text_weight(text: str) -> int:
    """Characters as a reader counts them: an ideograph says as much as two letters."""
    return _ink(text) + len(IDEOGRAPHS_RE.findall(text))  # no ideograph is a space


def running_text(lines: list[Line]) -> list[Line]:
    """Lines of running text among one page's ``lines`` (any order): a same-size line
    close above or below that overlaps it across, and enough characters to be a
    sentence's line rather than a label or a table cell."""
    ls = sorted(lines, key=lambda l: l.baseline)
    out = []
    for i, l in enumerate(ls):
        if l.kind != "body" or text_weight(l.text) < RUNNING_TEXT_CHARS:
            continue
        reach = NEIGHBOUR_STEPS * l.size
        for step in (-1, 1):
            j = i + step
            found = False
            while 0 <= j < len(ls) and abs(ls[j].baseline - l.baseline) <= reach:
                o = ls[j]
                if (o is not l and abs(o.size - l.size) < SIZE_TOLERANCE
                        and abs(o.baseline - l.baseline) > NEIGHBOUR_MIN_STEP_EM * l.size
                        and o.x0 < l.x1 and l.x0 < o.x1):
                    found = True
                    break
                j += step
            if found:
                out.append(l)
                break
    return out


def _listing(l: Line) -> bool:
    """A line of a code listing: a typewriter face, no ideograph, and not opened in a bold
    face that is no typewriter (a title that names a file or a command: ``3. Using
    TrIOmacros.tex``, its number and first word bold; a listing's own line numbers are
    set light)."""
    lead = l.lead_font
    return l.font is not None and l.font.mono and not IDEOGRAPHS_RE.search(l.text) \
        and not (lead is not None and lead.bold and not lead.mono)


#: Lines of a listing follow each other at most this many of their sizes apart: set solid
#: or nearly, with a blank line here and there between its parts.
LISTING_STEP: float = 2.5
#: Lines of one listing start within this many ems of each other (its indents).
LISTING_INDENT_EM: float = 8.0
#: At most this many lines in another face stand between two lines of one listing (its
#: comments in another script, its strings).
LISTING_RUN_LINES: int = 4


#: How a comment opens a line of code (C, shell and Python, SQL and Lua, Lisp, TeX, Fortran's
#: and Basic's old forms aside).
_COMMENT_OPEN = re.compile(r"\s*(?://|/\*|\*|#|--|;|%|<!--)")


def _typewriter(l: Line) -> bool:
    return l.font is not None and l.font.mono


def in_listings(lines: list[Line]) -> set[int]:
    """Ids of one page's lines that belong to code listings: typewriter lines without
    ideographs (:func:`_listing`), and the lines holding ideographs set between two of them
    in their size and close on both sides, in the typewriter face (a string in Chinese) or
    opening as a comment does, whatever their face. A listing's comments in
    Chinese come in a proportional CJK face (fontconfig falls back to one for the
    ideographs a typewriter face lacks) and its strings in Chinese hold ideographs, yet a
    reader sees them inside the grey box: they are no running text. (A Latin line between
    two typewriter lines is another matter: a bold run-in title between list items that
    open with a command's name.)"""
    ls = sorted((l for l in lines if l.kind == "body"), key=lambda l: l.baseline)
    out = {id(l) for l in ls if _listing(l)}
    if not out:
        return out

    def near(a: Line, b: Line) -> bool:
        # (a listing's lines start at its indents: a closing brace stands left of the
        # comment over it)
        return abs(a.size - b.size) < SIZE_TOLERANCE and abs(a.x0 - b.x0) <= LISTING_INDENT_EM * a.size \
            and NEIGHBOUR_MIN_STEP_EM * a.size < b.baseline - a.baseline <= LISTING_STEP * a.size

    below: dict[int, Line] = {}
    for i, l in enumerate(ls):
        for o in ls[i + 1:]:
            if o.baseline - l.baseline > LISTING_STEP * l.size:
                break
            if near(l, o):
                below[id(l)] = o
                break
    for l in ls:
        if id(l) not in out or id(l) not in below:
            continue
        run: list[Line] = []
        o = below[id(l)]
        while id(o) not in out and len(run) < LISTING_RUN_LINES and id(o) in below \
                and IDEOGRAPHS_RE.search(o.text) and (_typewriter(o) or _COMMENT_OPEN.match(o.text)):
            run.append(o)
            o = below[id(o)]
        if run and id(o) in out and (_typewriter(l) or _typewriter(o)):
            out.update(id(x) for x in run)
    return out


#: Dot leaders (spaced or not) and the figures of page references.
_LEADER_RUN = re.compile(r"(?:[.·…⋯]\s*){3,}[\dIVXLCivxlc,，\s–-]*$|(?:[.·…⋯]\s*){6,}")
_REFERENCE_FIGURES = re.compile(r"[\d,，\s–-]+")


def _entry_line(text: str) -> bool:
    """A line of an index or a contents list, no prose: it holds a dot leader, or it is
    nothing but page numbers ("4554, 4555, 4557,"). A manual's index may run to more
    lines than its prose, in smaller type."""
    t = text.strip()
    return bool(_LEADER_RUN.search(t)) or bool(t and _REFERENCE_FIGURES.fullmatch(t))


def body_style(pages: list[list[Line]]) -> Style | None:
    """The style of running text: the size carrying most running text, and the commonest
    style at that size. Counting every glyph instead lets code listings and tables
    decide; code listings are left out of the count too (see :data:`LISTING_PROSE_SHARE`
    and :func:`in_listings`): a package manual's listings, set smaller, may carry more
    lines than its prose."""
    counts: Counter[Style] = Counter()
    listings: Counter[Style] = Counter()
    entries: Counter[Style] = Counter()
    for lines in pages:
        code = in_listings(lines)
        for l in running_text(lines):
            # an index's or a contents list's lines are set in a size of their own
            into = entries if _entry_line(l.text) else listings if id(l) in code else counts
            into[style_of(l)] += text_weight(l.text)
    prose = sum(counts.values()) + sum(entries.values())  # (no typewritten document)
    if prose < LISTING_PROSE_SHARE * (prose + sum(listings.values())):
        counts.update(listings)
    if not counts:
        counts.update(entries)
    if not counts:
        for lines in pages:
            for l in lines:
                counts[style_of(l)] += text_weight(l.text)
    if not counts:
        return None
    sizes: Counter[float] = Counter()
    for st, n in counts.items():
        sizes[st.size] += n
    size = sizes.most_common(1)[0][0]
    return max((st for st in counts if st.size == size), key=lambda st: (counts[st], -st.weight))


#: A left edge is one running text runs on at when this many lines there go on at it ...
RUNNING_EDGE_LINES: int = 3
#: ... and they are at least this share of the lines that start there.
RUNNING_EDGE_SHARE: float = 0.5
#: A line runs on into the next one at most this many ems below it (a line pitch, no
#: paragraph's space).
RUN_ON_PITCH_EM: float = 1.8


class DocStyle:
    """Measurements of one document's lines in reading order; see the module docstring."""

    def __init__(self, lines: list[Line], body: Style | None) -> None:
        self.lines = lines
        self.body = body
        self.size = body.size if body else DEFAULT_BODY_SIZE
        self.colour = body.colour if body else None
        self._pitch_doc, self._pitch_page = self._pitches()
        self.bounds: dict[int, tuple[float, float]] = {}
        self.columns = self._columns()
        self._bounds()
        self._measures: dict[tuple[int, int], float] = {}
        self._extents: Counter[tuple[int, int]] = Counter()
        self._extent_lengths: dict[tuple[int, int], set[int]] = defaultdict(set)
        by_page: dict[int, list[Line]] = defaultdict(list)
        for l in lines:
            by_page[l.page].append(l)
        #: Does the producer wrap Chinese text only at spaces, as at the ends of words
        #: (fpdf2 does)? Read off the document's lines by :mod:`.paragraphs` before it
        #: groups them; None until then.
        self.wraps_at_spaces: bool | None = None
        self._in_listings: set[int] = set()
        for ls in by_page.values():
            self._in_listings |= in_listings(ls)
        # a document typed in a typewriter face throughout has no listings to tell apart;
        # a text set in a fixed-pitch CJK face still has them (its lines hold ideographs)
        self._typewritten = body is not None and body.family == "mono" and sum(
            1 if IDEOGRAPHS_RE.search(l.text) else -1 for l in lines
            if l.kind == "body" and style_of(l) == body) <= 0
        # left edges where running text runs on: a line with the next one under it at its
        # edge, one line pitch down, against all lines starting there
        self._ran_on: Counter[int] = Counter()
        self._starts: Counter[int] = Counter()
        for p, q in zip(lines, lines[1:]):
            self._starts[round(p.x0)] += 1
            if (q.page == p.page and abs(q.x0 - p.x0) < 1.0
                    and 0 < q.baseline - p.baseline <= RUN_ON_PITCH_EM * p.size):
                self._ran_on[round(p.x0)] += 1
        for l in self.lines:
            key = (l.page, round(l.x0))
            self._measures[key] = max(self._measures.get(key, l.x1), l.x1)
            if not l.text.rstrip().endswith(_RAN_ON_NOT):
                # a line that ran on into the next (no sentence's end): the lines that
                # share a measure of justified text; list items of one length end theirs
                key = (round(l.x0), round(l.x1))
                self._extents[key] += 1
                self._extent_lengths[key].add(len(l.text) - l.text.count(" "))

    def is_body(self, l: Line) -> bool:
        """Set in the body's size and weight (colour and family may vary within a line)."""
        b = self.body
        if b is None:
            return True
        st = style_of(l)
        return abs(st.size - b.size) < SIZE_TOLERANCE and abs(st.weight - b.weight) < WEIGHT_STEP \
            and st.italic == b.italic

    def is_listing(self, l: Line) -> bool:
        """A line of a code listing: set in a typewriter face no heavier than the body,
        in a document whose running text is not (where everything is typewriter, nothing
        marks a listing). Its leading number counts lines, it numbers no heading or clause."""
        b = self.body
        if b is None or b.family == "mono" or not _listing(l):
            return False
        st = style_of(l)
        return st.weight < b.weight + WEIGHT_STEP and st.size < b.size + SIZE_TOLERANCE

    def in_listing(self, l: Line) -> bool:
        """Inside a code listing, whatever its face: a typewriter line, or a comment or a
        string in another script between two of them (:func:`in_listings`). (Only the
        heading decision asks this; paragraphs go by :meth:`is_listing`.)"""
        if self._typewritten or id(l) not in self._in_listings or self.body is None:
            return False
        st = style_of(l)  # (a bold or larger typewriter line is display: a screenplay's)
        return not (st.weight >= BOLD_WEIGHT and st.heavier(self.body)) \
            and st.size < self.body.size + SIZE_TOLERANCE

    # -- line pitch -----------------------------------------------------------------------
    def _pitches(self) -> tuple[dict[tuple, float], dict[tuple, float]]:
        """Line pitch per (size, script) in the document and per (page, size, script):
        a CJK face sets the same point size on a wider leading than a Latin one, so a
        bilingual page has two pitches."""
        per_doc: dict[tuple, list[float]] = defaultdict(list)
        per_page: dict[tuple, list[float]] = defaultdict(list)
        for a, b in zip(self.lines, self.lines[1:]):
            # one above the other in one column: same page, overlapping across
            if a.page != b.page or abs(a.size - b.size) >= SIZE_TOLERANCE \
                    or b.x0 >= a.x1 or a.x0 >= b.x1 or _script(a) != _script(b):
                continue
            step = b.baseline - a.baseline
            if PITCH_RANGE[0] * a.size <= step <= PITCH_RANGE[1] * a.size:
                key = (round(a.size * 2) / 2, _script(a))
                per_doc[key].append(step)
                per_page[(a.page,) + key].append(step)
        doc = {k: _mode(v) for k, v in per_doc.items()}
        page = {k: _mode(v) for k, v in per_page.items() if len(v) >= PAGE_PITCH_MIN_STEPS}
        return doc, page

    def pitch(self, l: Line) -> float:
        """The baseline step of running lines of ``l``'s size and script, in the document
        or on its page, whichever is wider (failing both, the body's pitch scaled to the
        size). A paragraph's own step is better still: see paragraphs.breaks."""
        key = (round(l.size * 2) / 2, _script(l))
        found = [v for v in (self._pitch_doc.get(key), self._pitch_page.get((l.page,) + key)) if v]
        if found:
            # the wider of the two: a page set looser than the rest (an abstract, a list
            # of items) keeps its lines together, and a page of dense table rows does not
            # make the text on it look spaced out
            return max(found)
        other = self._pitch_doc.get((key[0], "latin" if key[1] == "cjk" else "cjk"))
        if other:
            return other
        body = [v for (sz, _), v in self._pitch_doc.items() if sz == round(self.size * 2) / 2]
        return max(body) * l.size / self.size if body else DEFAULT_LEADING * l.size

    def text_leading(self, l: Line) -> float:
        """The body's baseline step in ``l``'s script, scaled to ``l``'s size: the leading
        the document sets its text on, as a proportion of the type, at this size. Lines of
        a rare size (a heading's) measure no pitch of their own worth the name: the one
        step between two of them is what is in question."""
        body = round(self.size * 2) / 2
        own = self._pitch_doc.get((body, _script(l)))
        steps = [own] if own else [v for (sz, _), v in self._pitch_doc.items() if sz == body]
        return max(steps) * l.size / self.size if steps else DEFAULT_LEADING * l.size

    # -- columns ----------------------------------------------------------------------------
    def _columns(self) -> list[tuple[float, float]]:
        """The document's text columns: extents that many body lines share (justified
        text), where a page of short lines (a list of names) shows none of its own."""
        c: Counter[tuple[int, int]] = Counter()
        n = 0
        for l in self.lines:
            if self.body is not None and abs(l.size - self.size) < SIZE_TOLERANCE:
                c[(round(l.x0), round(l.x1))] += 1
                n += 1
        return [(float(a), float(b)) for (a, b), k in c.items()
                if k >= max(COLUMN_MIN_LINES, COLUMN_SHARE * n)]

    def col(self, l: Line) -> tuple[float, float]:
        """Left and right edges of the text column ``l`` sits in."""
        return self.bounds.get(id(l), (l.x0, l.x1))

    def running_edge(self, x: float) -> bool:
        """Is ``x`` a left edge running text runs on at: at least :data:`RUNNING_EDGE_LINES`
        lines there have the next line under them at the same edge, and they are most of
        the lines starting there? A man page's text runs on at its indent, right of the
        column's edge (its headings); a first-line indent has no line running on at it."""
        k = round(x)
        ran = sum(self._ran_on.get(k + i, 0) for i in (-1, 0, 1))
        starts = sum(self._starts.get(k + i, 0) for i in (-1, 0, 1))
        return ran >= RUNNING_EDGE_LINES and ran >= RUNNING_EDGE_SHARE * starts

    def measure(self, l: Line) -> float:
        """The right edge of the widest line on ``l``'s page that starts where it starts:
        the measure of ragged-right text, which shares no right margin."""
        return self._measures.get((l.page, round(l.x0)), l.x1)

    def at_measure(self, l: Line) -> bool:
        """Does ``l`` end at a measure of its own that other lines of the document share:
        at least :data:`MEASURE_LINES` lines that end no sentence (they ran on into the
        next) start where it starts and end where it ends,
        and the measure spans most of the column (:data:`MEASURE_SHARE`)? Justified text
        set in from the column (a description list's items, a list's, a box's) runs to
        such a measure, which the column's edge does not show; lines of one short length
        (a list's labels alone, dates) share one too, but no measure of the column's. The
        lines sharing it hold different numbers of characters: justification stretched
        them to one length, where ragged lines of a fixed-advance face (Chinese names in a
        list, one per line) end together only when they hold as many."""
        lo, hi = self.col(l)
        if l.x1 - l.x0 < MEASURE_SHARE * (hi - lo):
            return False
        x0, x1 = round(l.x0), round(l.x1)
        near = [(x0 + i, x1 + j) for i in (-1, 0, 1) for j in (-1, 0, 1)]
        if sum(self._extents.get(k, 0) for k in near) < MEASURE_LINES:
            return False
        lengths: set[int] = set()
        for k in near:
            lengths |= self._extent_lengths.get(k, set())
        return len(lengths) >= 2

    def _bounds(self) -> None:
        by_page: dict[int, list[Line]] = {}
        for l in self.lines:
            by_page.setdefault(l.page, []).append(l)
        # lines of a column share their extents (justified text): compare each distinct
        # extent once, so a page costs extents × extents rather than lines × lines
        for page, ls in by_page.items():
            bodyish = [l for l in ls if abs(l.size - self.size) < MARGIN_SIZE_TOLERANCE] or ls
            # an edge shared by several lines is a column's margin; a lone line's edges
            # (a centred byline over two columns) are not, when margins are to be had
            lefts = Counter(round(o.x0 * 2) for o in bodyish)
            rights = Counter(round(o.x1 * 2) for o in bodyish)
            spans = sorted({(round(o.x0, 1), round(o.x1, 1)) for o in bodyish})
            memo: dict[tuple[float, float, float], tuple[float, float]] = {}
            for l in ls:
                key = (round(l.x0, 1), round(l.x1, 1), round(l.size, 1))
                got = memo.get(key)
                if got is None:
                    w = l.x1 - l.x0
                    los, his, plos, phis = [], [], [], []
                    for ox0, ox1 in spans:
                        if ox0 >= l.x1:
                            break  # sorted by left edge: no later span overlaps
                        ov = min(ox1, l.x1) - max(ox0, l.x0)
                        if ov > OVERLAP_SHARE * min(ox1 - ox0, w, OVERLAP_CAP_PT):
                            los.append(ox0)
                            his.append(ox1)
                            if lefts[round(ox0 * 2)] >= SHARED_EDGE_LINES:
                                plos.append(ox0)
                            # a right margin is one of the line's column when the lines
                            # sharing it start as far left as the line: a block set in
                            # from both sides (an abstract over two columns, a quotation)
                            # has a margin of its own, and lends it to neither the column
                            # under it nor the lines around it
                            if (rights[round(ox1 * 2)] >= SHARED_EDGE_LINES
                                    and ox0 <= l.x0 + COLUMN_REACH_EM * l.size):
                                phis.append(ox1)
                    lo = min([l.x0] + (plos or los))
                    hi = max([l.x1] + (phis or his))
                    for cx0, cx1 in self.columns:
                        # a page of short lines (a list of names) inside one of the
                        # document's columns that no line of the page fills: that column
                        if cx0 - COLUMN_SLACK_PT <= l.x0 and l.x1 <= cx1 + COLUMN_SLACK_PT \
                                and hi < cx1 - FILL_MARGIN_EM * l.size \
                                and sum(1 for o in bodyish if o.x1 >= cx1 - FILL_MARGIN_EM * o.size
                                        and o.x0 <= cx0 + FILL_MARGIN_EM * o.size) < FILLED_LINES:
                            lo, hi = min(lo, cx0), max(hi, cx1)
                            break
                    got = memo[key] = (lo, hi)
                self.bounds[id(l)] = got


def _script(l: Line) -> str:
    """"cjk" when the line has ideographs (a CJK face then sets its leading, whatever
    Latin it also holds), else "latin"."""
    return "cjk" if len(IDEOGRAPHS_RE.findall(l.text)) >= CJK_LINE_IDEOGRAPHS else "latin"


def _mode(values: list[float]) -> float:
    """The most common value at a quarter-point resolution (ties: the smaller)."""
    c = Counter(round(v * 4) / 4 for v in values)
    best = max(c.values())
    return min(v for v, n in c.items() if n == best) if values else statistics.median(values)
