"""Column gutters of a page: vertical white stripes that run through many of its lines.

Whether a wide gap on a baseline parts two columns or two words of one line is not a
matter of its width in ems: a justified narrow column stretches word spaces past an em,
and LuaLaTeX's ``multicol`` sets three columns an em apart, so a heading set larger than
the text reaches across the gutter. What tells a gutter is that the page's other lines
share it: the white continues above and below through line after line, with text on both
sides, while the white of a word space is closed by the line above or below (a word space
stands wherever the words end). :class:`PageGutters` answers "is this gap a gutter?" and
"is this wide gap a stretched word space?" from the page's own pieces of text (the line
builder's runs), remembering the gutters and lines it has decided.
"""

from __future__ import annotations

from bisect import bisect_left
from statistics import median
from typing import Iterable, NamedTuple, Protocol, Sequence

#: A stripe is a gutter when, besides the gap's own line, at least this many lines of the
#: page stand beside it on each side with the white between them unbroken: columns run
#: for many lines, while word spaces of justified text line up by chance (a "river") for
#: two or three lines at most.
GUTTER_MIN_LINES: int = 4
#: ... and a line beside it counts when the text next to the white is a line of running
#: text, at least this many ems wide: the cells of a table or the entries of a matrix,
#: narrower, line up on white too, and are read across (the layout's grids), not as columns.
COLUMN_LINE_EMS: float = 8
#: A gutter is wider than this many of the page's usual word spaces (its median one): most
#: word spaces, even widened by justification, are narrower, and the gutters of the layouts
#: seen are wider (LaTeX's 10 pt \columnsep is three word spaces, CSS's 1 em column gap
#: four, Word's half inch more; a monospaced page's 0.6 em spaces make 1 em 1.7 of them).
GUTTER_WORD_SPACES: float = 1.5
#: Following a stripe stops after this many rows in a row with no line of running text
#: beside it (a table's rows, a blank stretch): columns run on beside their gutter.
IDLE_ROWS: int = 3
#: The white a gutter leaves is never narrower than this (points): below it, glyphs
#: nearly touch (the narrowest gutters seen, Word's tables and two-column forms, are wider).
MIN_STRIPE_PT: float = 4.0
#: A wide white that at most this many lines stand beside, going up or down, before a line
#: runs across it may be a word space: the short last line of a paragraph or of a wrapped
#: heading ends in it. The rows of a table or of columns share their white for more.
SHARED_LINES: int = 1
#: Lines over one another stand at most this many type sizes apart (a line pitch with
#: generous leading, or the space around a heading); further is a blank stretch.
NEXT_LINE_SIZES: float = 2.5
#: A justified line ends within this many ems of where the lines around it end (a hyphen
#: or a full stop may hang in the margin).
JUSTIFIED_EDGE_EM: float = 0.5
#: A column's right edge is where at least this many pieces of text of the page end.
EDGE_LINES: int = 3
#: Text standing this many ems above or below a line (a raised note label, a subscript)
#: is set within it.
SCRIPT_BAND_EM: float = 0.75
#: Pieces on one row: baselines closer than this many ems of the larger size.
ROW_EM: float = 0.25
#: A gap between glyphs of one run wider than this many ems is a word space (kerning and
#: letter spacing are less; a thin space is about a sixth of an em).
WORD_SPACE_EM: float = 0.15


#: The space after a punctuation mark that TeX widens (see :meth:`PageGutters.is_mark_space`)
#: is at most this many ems wide: about three stretched word spaces. Wider, the white parts
#: two pieces however the line is set.
MARK_SPACE_EM: float = 1.6
#: The page's usual word space is measured on at most about this many glyphs of its runs.
WORD_GAP_SAMPLE: int = 1000
#: Two edges this close (points) are one.
_SAME_X: float = 0.01


class Piece(NamedTuple):
    """A piece of text on the page: where it stands and its type size."""

    x0: float
    x1: float
    baseline: float
    size: float
    upright: bool = True


class _Placed(Protocol):  # a piece, a run or a segment of the line builder
    x0: float
    x1: float
    baseline: float


class _Row:
    __slots__ = ("baseline", "size", "spans")

    def __init__(self, baseline: float, size: float) -> None:
        self.baseline = baseline
        self.size = size
        self.spans: list[tuple[float, float]] = []


class PageGutters:
    """The page's rows of ink and the stripes found in them so far.

    ``pieces`` are the page's runs (glyphs drawn one after another); ``word_gaps`` the
    widths of the word spaces inside them, from which the narrowest stripe that can be a
    gutter is measured: it is wider than the page's usual word space (two word spaces of
    a river overlap by less than either)."""

    def __init__(self, pieces: Sequence[Piece], word_gaps: Sequence[float]) -> None:
        rows: list[_Row] = []
        for p in sorted((p for p in pieces if p.upright), key=lambda p: p.baseline):
            if rows and p.baseline - rows[-1].baseline <= ROW_EM * max(p.size, rows[-1].size):
                row = rows[-1]
                row.size = max(row.size, p.size)
            else:
                row = _Row(p.baseline, p.size)
                rows.append(row)
            row.spans.append((p.x0, p.x1))
        for r in rows:
            r.spans.sort()
        self.rows = rows
        self._baselines = [r.baseline for r in rows]
        self._ends = sorted(e for r in rows for _, e in r.spans)
        usual = median(word_gaps) if word_gaps else 0.0
        self.min_width = max(MIN_STRIPE_PT, GUTTER_WORD_SPACES * usual)
        #: the pieces of each row asked about, left to right
        self._row_spans: dict[float, list[tuple[float, float]]] = {}
        #: stretched lines already decided, per row: (first gap, last gap, is one line)
        self._lines: dict[float, list[tuple[int, int, bool]]] = {}
        #: gutters already found: (x0, x1, top baseline, bottom baseline)
        self._known: list[tuple[float, float, float, float]] = []

    def is_gutter(self, left: _Placed, right: _Placed) -> bool:
        """Does the white between ``left`` and ``right`` (on one baseline, ``left`` ending
        before ``right`` starts) run on through many lines of running text of the page,
        on both sides: a column gutter?"""
        a, b = left.x1, right.x0
        if b - a < self.min_width:
            return False
        y = min(left.baseline, right.baseline)
        for x0, x1, top, bottom in self._known:
            if top <= y <= bottom and a <= x0 and x1 <= b:
                return True
        if self._closed_next_to(a, b, y):
            return False  # the lines right above and below run across it: a word space
        st = self._stripe(left, right)
        verdict = (st.left >= GUTTER_MIN_LINES and st.right >= GUTTER_MIN_LINES
                   and st.x1 - st.x0 >= self.min_width)
        if verdict:
            self._known.append((st.x0, st.x1, st.top, st.bottom))
        return verdict

    def _closed_next_to(self, a: float, b: float, y: float) -> bool:
        """Do pieces of the row next above and of the row next below the one at ``y`` run
        across ``a..b``? Then the white is closed both ways at once: the common case of a
        word space, settled before following the white further."""
        rows, base = self.rows, self._baselines
        i = bisect_left(base, y - _SAME_X)
        up, down = i - 1, i
        while down < len(rows) and abs(base[down] - y) <= ROW_EM * rows[down].size:
            down += 1
        while up >= 0 and abs(base[up] - y) <= ROW_EM * rows[up].size:
            up -= 1
        return all(0 <= j < len(rows) and any(s0 < a and s1 > b for s0, s1 in rows[j].spans)
                   for j in (up, down))

    def is_word_space(self, left: _Placed, right: _Placed, spread: tuple[float, float]) -> bool:
        """Is the wide white between ``left`` and ``right`` a word space that justification
        stretched (a narrow column, an unbreakable URL, a heading wrapped in a column)?

        Justification widens every space of a line alike, because the line fills the
        measure; and the words of the lines around a word space stand across it. So the
        line is the run of pieces of the row whose gaps are about as wide as this one
        (within the factors ``spread``; a column gutter ends it), and it is one line when
        it has two such gaps or more, it ends where many lines of the page end, and most
        of its gaps are closed above and below by lines running across them
        (:meth:`_lone_white`): the white of a table's columns goes on row after row. The
        whole line is decided at once, so it is joined entirely or not at all."""
        g = right.x0 - left.x1
        y = min(left.baseline, right.baseline)
        row_key = round(y, 1)
        spans = self._row_spans.get(row_key)
        if spans is None:
            i = bisect_left(self._baselines, y - _SAME_X)
            spans = sorted(sp for j in (i - 1, i, i + 1) if 0 <= j < len(self.rows)
                           and abs(self.rows[j].baseline - y) <= ROW_EM * self.rows[j].size
                           for sp in self.rows[j].spans)
            self._row_spans[row_key] = spans
        size = max(left.size, right.size)
        lo = bisect_left(self._baselines, y - SCRIPT_BAND_EM * size)
        hi = bisect_left(self._baselines, y + SCRIPT_BAND_EM * size)
        if any(left.x1 + _SAME_X < s1 and s0 < right.x0 - _SAME_X
               for row in self.rows[lo:hi] for s0, s1 in row.spans):
            return False  # text stands between them (a raised note label): not one line
        k = next((k for k, (s0, _) in enumerate(spans) if abs(s0 - right.x0) < _SAME_X), None)
        if k is None or k == 0:
            return False
        known = self._lines.setdefault(row_key, [])
        for a, b, verdict in known:
            if a <= k <= b:
                return verdict

        def wide(j: int) -> bool:  # the gap before spans[j] is a space like this one
            (e0, e), (s0, s1) = spans[j - 1], spans[j]
            return (spread[0] * g <= s0 - e <= spread[1] * g
                    and not self.is_gutter(Piece(e0, e, y, size), Piece(s0, s1, y, size)))

        a = k
        while a - 1 >= 1 and wide(a - 1):
            a -= 1
        b = k
        while b + 1 < len(spans) and wide(b + 1):
            b += 1
        gaps = range(a, b + 1)  # the gaps before spans[a..b]
        closed = sum(1 for j in gaps if self._lone_white(
            Piece(*spans[j - 1], y, size), Piece(*spans[j], y, size)))
        verdict = (len(gaps) >= 2 and 2 * closed >= len(gaps)
                   and self._edge(spans[b][1], JUSTIFIED_EDGE_EM * size))
        known.append((a, b, verdict))
        return verdict

    def is_mark_space(self, left: _Placed, right: _Placed, widest: float = MARK_SPACE_EM) -> bool:
        """Is the wide white after a punctuation mark that ``left`` ends with the mark's own
        wider space on a line that fills the measure?

        TeX widens the space after a sentence's end, a colon or a semicolon beyond a word
        space (its "space factor": up to three times the stretch, plus extra space), so a
        stretched justified line may hold one such space wider than the rule for word
        spaces allows and no other (:meth:`is_word_space` wants two or more). It is one
        line when the row ends where the page's justified lines end (:meth:`_edge`), the
        white is no wider than ``widest`` ems (:data:`MARK_SPACE_EM`; more after a CJK
        full stop, see ``lines.CJK_MARK_SPACE_EM``), and neither the row next above nor
        the row next below has text on both sides of the white: the columns of a table or
        a form ("Name:   value") do, row after row."""
        a, b = left.x1, right.x0
        y = min(left.baseline, right.baseline)
        size = max(getattr(left, "size", 0.0), getattr(right, "size", 0.0))
        if size <= 0 or b - a > widest * size:
            return False
        rows, base = self.rows, self._baselines
        i = bisect_left(base, y - SCRIPT_BAND_EM * size)
        own = [j for j in range(max(0, i - 1), min(len(rows), i + 2))
               if abs(base[j] - y) <= ROW_EM * rows[j].size]
        if not own:
            return False
        end = max(s1 for j in own for _, s1 in rows[j].spans)
        if not self._edge(end, JUSTIFIED_EDGE_EM * size):
            return False
        return not self._sides_taken(left, right, own, max(right.x1, end), size)

    def columns_beside(self, left: _Placed, right: _Placed, both: bool = False) -> bool:
        """Does the row next above or below the white between ``left`` and ``right`` have
        text on both sides of it (a table's or a form's columns), as
        :meth:`is_mark_space` asks? ``both``: the rows above and below it, each, and
        nothing of theirs standing in the white (the white of two columns' gutter)."""
        y = min(left.baseline, right.baseline)
        size = max(getattr(left, "size", 0.0), getattr(right, "size", 0.0))
        rows, base = self.rows, self._baselines
        i = bisect_left(base, y - SCRIPT_BAND_EM * size)
        own = [j for j in range(max(0, i - 1), min(len(rows), i + 2))
               if abs(base[j] - y) <= ROW_EM * rows[j].size]
        return bool(own) and self._sides_taken(left, right, own, right.x1, size, both)

    def _sides_taken(self, left: _Placed, right: _Placed, own: list[int], hi: float,
                     size: float, both: bool = False) -> bool:
        a, b = left.x1, right.x0
        y = min(left.baseline, right.baseline)
        rows, base = self.rows, self._baselines
        lo = left.x0
        reach = NEXT_LINE_SIZES * size
        taken = 0
        for j in (min(own) - 1, max(own) + 1):
            if not 0 <= j < len(rows) or abs(base[j] - y) > reach:
                continue
            spans = [(s0, s1) for s0, s1 in rows[j].spans if s0 < hi and s1 > lo]
            if both and any(s0 < b and s1 > a for s0, s1 in spans):
                return False  # something stands in the white: no gutter runs through it
            if any(s0 < a and s1 > b for s0, s1 in spans):
                continue  # a line runs across the white
            if any(s1 <= b for _, s1 in spans) and any(s0 >= a for s0, _ in spans):
                taken += 1  # text on both sides of the white: a table's or a form's columns
                if not both:
                    return True
        return taken == 2

    def _edge(self, x: float, tol: float) -> bool:
        """Do at least :data:`EDGE_LINES` pieces of the page end within ``tol`` of ``x``
        (the right edge of a column of justified text)?"""
        ends = self._ends
        k = bisect_left(ends, x - tol)
        return k + EDGE_LINES <= len(ends) and ends[k + EDGE_LINES - 1] <= x + tol

    def _lone_white(self, left: _Placed, right: _Placed) -> list[tuple[float, float]]:
        """Is the white between two pieces closed above and below, close by? Going up
        (down) from it through the lines that stand over the two pieces, one at most
        :data:`NEXT_LINE_SIZES` from the next, a line runs across it after at most
        :data:`SHARED_LINES` lines that do not (a short last line ends in it). Rows of a
        table or of columns share their white row after row. Returns the pieces of text
        that run across it (none: it is not closed so)."""
        a, b = left.x1, right.x0
        lo, hi = left.x0, right.x1
        y = min(left.baseline, right.baseline)
        reach = NEXT_LINE_SIZES * max(left.size, right.size)
        i = bisect_left(self._baselines, y - _SAME_X)
        crossed: list[tuple[float, float]] = []
        for step, j in ((-1, i - 1), (1, i)):
            while 0 <= j < len(self.rows) and abs(self.rows[j].baseline - y) <= ROW_EM * self.rows[j].size:
                j += step  # past the gap's own row
            last, beside = y, 0
            closed = False
            while 0 <= j < len(self.rows):
                row = self.rows[j]
                j += step
                spans = [(s0, s1) for s0, s1 in row.spans if s0 < hi and s1 > lo]
                if not spans:
                    continue  # another column's line: beside the pieces, not over them
                if abs(row.baseline - last) > reach:
                    return []  # the text over the pieces ends first: nothing closes it
                across = [(s0, s1) for s0, s1 in spans if s0 < a and s1 > b]
                if across:
                    crossed.extend(across)
                    closed = True
                    break
                beside += 1
                if beside > SHARED_LINES:
                    return []  # the white goes on beside line after line
                last = row.baseline
            if not closed:
                return []  # the page ends first
        return crossed

    def _stripe(self, left: _Placed, right: _Placed) -> "_Stripe":
        a, b = left.x1, right.x0
        y = min(left.baseline, right.baseline)
        up = self._walk(a, b, left.x0, right.x1, y, -1)
        down = self._walk(a, b, left.x0, right.x1, y, 1)
        return _Stripe(max(up.x0, down.x0), min(up.x1, down.x1), up.top, down.bottom,
                       up.left + down.left, up.right + down.right)

    def _walk(self, a: float, b: float, lo: float, hi: float, y: float, step: int) -> "_Stripe":
        """Follow the white ``a..b`` from the row at ``y`` up (``step`` -1) or down:
        narrow it by each row's ink, and stop where it becomes narrower than a gutter.
        Counts the rows passed with a line of running text beside the white (within
        ``lo..hi``) on each side; ``top`` or ``bottom`` is the last baseline reached."""
        rows = self.rows
        i = bisect_left(self._baselines, y - _SAME_X)
        i = i - 1 if step < 0 else i
        # the gap's own row is not counted: start beyond it
        while 0 <= i < len(rows) and abs(rows[i].baseline - y) <= ROW_EM * rows[i].size:
            i += step
        st = _Stripe(a, b, y, y, 0, 0)
        idle = 0  # rows passed in a row with no line of running text beside the white
        while 0 <= i < len(rows) and idle <= IDLE_ROWS:
            row = rows[i]
            na, nb = st.x0, st.x1
            near_l = near_r = None  # the pieces next to the white on either side
            for s0, s1 in row.spans:
                if s1 <= na:
                    near_l = (s0, s1)
                elif s0 >= nb:
                    if near_r is None:
                        near_r = (s0, s1)
                elif s0 - na >= nb - s1:  # ink inside the white: the wider side is left
                    nb = s0
                    near_r = near_r or (s0, s1)
                else:
                    na = s1
                    near_l = (s0, s1)
                if nb - na < self.min_width:
                    return st
            column = COLUMN_LINE_EMS * row.size
            st.x0, st.x1 = na, nb
            if step < 0:
                st.top = row.baseline
            else:
                st.bottom = row.baseline
            by_l = near_l is not None and near_l[1] > lo and near_l[1] - near_l[0] >= column
            by_r = near_r is not None and near_r[0] < hi and near_r[1] - near_r[0] >= column
            st.left += by_l
            st.right += by_r
            idle = 0 if by_l or by_r else idle + 1
            i += step
        return st


class _Stripe:
    """White followed through rows: its extent across, the baselines it reaches, and the
    rows with a line of running text beside it on each side."""

    __slots__ = ("x0", "x1", "top", "bottom", "left", "right")

    def __init__(self, x0: float, x1: float, top: float, bottom: float, left: int,
                 right: int) -> None:
        self.x0, self.x1, self.top, self.bottom = x0, x1, top, bottom
        self.left, self.right = left, right


def word_gaps(runs: Iterable[Sequence]) -> list[float]:  # runs of Char
    """Widths of the word spaces inside the page's runs: gaps between neighbouring Latin
    glyphs wider than a thin space, from the first :data:`WORD_GAP_SAMPLE` pairs of glyphs
    (enough for their median; a page's lines are set alike)."""
    out: list[float] = []
    seen = 0
    for chars in runs:
        for c, d in zip(chars, chars[1:]):
            g = d.x0 - c.x1
            if g > WORD_SPACE_EM * max(c.size, d.size) and c.text.isascii() and d.text.isascii():
                out.append(g)
        seen += len(chars)
        if seen >= WORD_GAP_SAMPLE:
            break
    return out
