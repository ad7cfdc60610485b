"""Reading order: recursive XY-cut over a page's lines.

A vertical gutter that no line crosses separates columns (read left to right); failing
that the widest horizontal gap separates bands (read top to bottom). Cutting the widest
gap first keeps a full-width title above two columns from fusing them, and sidebars
end up as their own column.
"""

from __future__ import annotations

from .lines import SAME_ROW_EM, Line, apart, piece_lead_run

#: The narrowest vertical gap (points) that separates columns; the caller widens it to
#: :data:`GUTTER_EM` of the page's body size.
MIN_GUTTER_PT: float = 4.0
#: ... a column gutter is at least this many ems of the body size (a word space is less).
GUTTER_EM: float = 0.5
#: Lines spanning at most this many line heights top to bottom are one printed row.
SINGLE_BAND_HEIGHTS: float = 1.3
#: Cuts nest no deeper than this (a guard: real pages need a few dozen at most).
MAX_CUT_DEPTH: int = 200
#: A horizontal gap narrower than this (points) is boxes touching, not white space.
MIN_BAND_GAP_PT: float = 0.5
#: Every horizontal gap at least this share of the widest one is cut at, too.
CUT_GAP_SHARE: float = 0.9
#: A grid cell is at most this many ems wide (running text is wider).
GRID_CELL_EMS: float = 8
#: Lines this many ems past the other column's top or bottom still stand beside it.
BESIDE_MARGIN_EM: float = 0.3
#: Two columns are a grid when this share of one's lines stand on the other's baselines.
GRID_PAIRED_SHARE: float = 0.6
#: A column of labels (clause or list numbers, note labels) is at most this many ems wide ...
LABEL_COLUMN_EMS: float = 4
#: ... and each label stands within this many ems of a baseline of the next column.
LABEL_BASELINE_EM: float = 0.5
#: Pieces of one printed line may overlap by this many points (a kerned join).
PIECE_OVERLAP_PT: float = 1
#: A run-in label and its text are at most this many ems apart (a column gutter is more,
#: and a gutter within one band has already been cut).
RUN_IN_GAP_EM: float = 3.5
#: The wider piece gives a joined line its type unless it is this many points smaller.
PIECE_SIZE_TOLERANCE: float = 0.3
#: A line that wraps to the next runs at least this share of the page's text width (a
#: column of a two-column page is a little under half of it; cells and code lines are
#: shorter) ...
WRAP_WIDTH_SHARE: float = 0.4
#: ... and its continuation's baseline is at most this many of its sizes below it (one line
#: pitch, leading included; a paragraph gap or a new table row is more).
WRAP_PITCH_SIZES: float = 1.8


def reading_order(lines: list[Line], min_gutter: float = MIN_GUTTER_PT) -> list[list[Line]]:
    """Leaf regions in reading order; each leaf's lines sorted top to bottom."""
    out: list[list[Line]] = []
    if lines:
        measure = max(l.x1 for l in lines) - min(l.x0 for l in lines)
        _cut(lines, min_gutter, out, 0, measure)
    return out


#: Full-width punctuation that closes a phrase or a bracket: its mark is drawn in the left
#: half of its em box (the horizontal Chinese convention, GB/T 15834), so a line ending in
#: one may hang that box into the gutter (XeTeX lets it protrude) while its ink stops ...
_CLOSING_CJK = frozenset("，。、；：）」』】》〉")
#: ... this many ems before the box ends.
CLOSING_BLANK_EM: float = 0.5


def _ink_x1(l: Line) -> float:
    """Where the ink of ``l`` ends: a trailing closing full-width mark leaves the right
    half of its box blank. Column gutters are white the page's ink leaves."""
    t = l.text.rstrip()
    return l.x1 - CLOSING_BLANK_EM * l.size if t and t[-1] in _CLOSING_CJK else l.x1


def _single_band(lines: list[Line]) -> bool:
    top = min(l.top for l in lines)
    bottom = max(l.bottom for l in lines)
    h = max(l.bottom - l.top for l in lines)
    return bottom - top <= SINGLE_BAND_HEIGHTS * h


def _cut(lines: list[Line], gutter: float, out: list[list[Line]], depth: int,
         measure: float) -> None:
    if len(lines) <= 1 or depth > MAX_CUT_DEPTH:
        if lines:
            out.append(sorted(lines, key=lambda l: (l.baseline, l.x0)))
        return
    if _single_band(lines):
        out.append(sorted(lines, key=lambda l: l.x0))
        return
    cols = _merge_label_columns(_split(lines, lambda l: (l.x0, _ink_x1(l)), gutter))
    if len(cols) == 2 and (_wrap_over_gap(cols, measure) or _label_row(cols) or _interleaved(cols)):
        cols = [lines]  # one column's text: read top to bottom (below)
    if len(cols) > 1 and _stacked(cols):
        cols = [lines]  # blocks one above the other: read top to bottom (below)
    if len(cols) > 1:
        groups = _grid_groups(cols)
        if len(groups) > 1:
            for c in groups:
                _cut(c, gutter, out, depth + 1, measure)
            return
        _mark_cells(cols)  # one grid: its rows are read across, and are not running text
    # horizontal: cut at every gap close to the widest one
    ivs = sorted(lines, key=lambda l: l.top)
    gaps = []
    reach = ivs[0].bottom
    for i in range(1, len(ivs)):
        g = ivs[i].top - reach
        if g > MIN_BAND_GAP_PT:
            gaps.append((g, i))
        reach = max(reach, ivs[i].bottom)
    if not gaps:
        out.append(sorted(lines, key=lambda l: (l.baseline, l.x0)))
        return
    widest = max(g for g, _ in gaps)
    cuts = [i for g, i in gaps if g >= CUT_GAP_SHARE * widest]
    start = 0
    for i in cuts + [len(ivs)]:
        _cut(ivs[start:i], gutter, out, depth + 1, measure)
        start = i


def _stacked(cols: list[list[Line]]) -> bool:
    """Columns stand side by side: each shares some of its height with its neighbour. A
    white gap no line crosses between regions one wholly above the other is no column
    gutter but the margin a flush-right (or indented) block leaves: a chapter title set
    against the right margin over a body whose lines stop short of it (Sphinx's LaTeX
    chapter heads, a date or signature flush right above or below a letter's text). Read
    as columns, the title would come after the whole body it opens."""
    spans = sorted((min(l.top for l in c), max(l.bottom for l in c)) for c in cols)
    return all(spans[i][1] <= spans[i + 1][0] + MIN_BAND_GAP_PT for i in range(len(spans) - 1))


def _wrap_over_gap(cols: list[list[Line]], measure: float) -> bool:
    """A paragraph's indented first line wraps onto a last line shorter than the indent (a
    two-line paragraph): the white space right of the short line and left of the indent is
    a vertical gap no line crosses, yet nothing stands beside anything across it. Read as
    two columns, the continuation would come before the line it continues."""
    left, right = cols
    up = max(right, key=lambda l: l.bottom)
    down = min(left, key=lambda l: l.top)
    return (up.bottom <= down.top + MIN_BAND_GAP_PT
            and up.x1 - up.x0 >= WRAP_WIDTH_SHARE * measure
            and 0 < down.baseline - up.baseline <= WRAP_PITCH_SIZES * up.size
            and abs(down.size - up.size) <= PIECE_SIZE_TOLERANCE)


def _interleaved(cols: list[list[Line]]) -> bool:
    """A description list whose terms are narrower than its descriptions' indent: each
    term on a line of its own, its description indented below it. The white right of the
    terms runs down the list, a vertical gap no line crosses, yet no line on one side
    stands beside a line on the other (none share a height): the two sides take turns
    down the page. Columns of text stand side by side; read as two, all the terms would
    come before all the descriptions. With nothing beside anything, the region is read
    top to bottom (the horizontal cuts below). A list is set in one type size: lines in
    other sizes either side (a logo's small caption below a masthead) are things of
    their own."""
    left, right = cols
    sizes = sorted(l.size for l in left + right)
    if sizes[-1] - sizes[0] > PIECE_SIZE_TOLERANCE:
        return False
    return not any(a.top < b.bottom - MIN_BAND_GAP_PT and b.top < a.bottom - MIN_BAND_GAP_PT
                   for a in left for b in right)


def _label_row(cols: list[list[Line]]) -> bool:
    """A label set a quad or more before its words — a heading's number before its title
    ("1.2␣␣研究问题"), a bold clause number before its text ("第七条␣␣列入…") — over a short
    line (the text's wrapped end, the first line under the heading): the white right of
    the label runs down past the short line, a vertical gap no line crosses, yet the
    'right column' is the one line the label stands on, at the top of the region. Text of
    a column of its own runs on for lines; a margin note stands beside a line of text,
    not beside a label."""
    left, right = cols
    if len(right) != 1:
        return False
    r = right[0]
    row = [l for l in left if abs(l.baseline - r.baseline) < LABEL_BASELINE_EM * r.size]
    if len(row) != 1:
        return False
    lab = row[0]
    return (lab.x1 - lab.x0 <= LABEL_COLUMN_EMS * r.size
            and 0 <= r.x0 - lab.x1 <= RUN_IN_GAP_EM * r.size
            and abs(lab.size - r.size) <= PIECE_SIZE_TOLERANCE
            and all(l.baseline >= lab.baseline for l in left))


def _grid_groups(cols: list[list[Line]]) -> list[list[Line]]:
    """Columns that are the cells of a grid (a name list, an unruled table) go together:
    neighbouring narrow columns whose lines mostly stand on each other's baselines."""
    out = [cols[0]]
    prev = cols[0]
    for c in cols[1:]:
        if _grid_pair(prev, c):
            out[-1] = out[-1] + c
        else:
            out.append(c)
        prev = c
    return out


def _mark_cells(cols: list[list[Line]]) -> None:
    """Lines of a grid that share a baseline with a line of another column are cells."""
    for i, c in enumerate(cols):
        others = [o for j, d in enumerate(cols) if j != i for o in d]
        for l in c:
            if l.kind == "body" and any(abs(l.baseline - o.baseline) < SAME_ROW_EM * l.size
                                        for o in others):
                l.kind = "grid"


def _grid_pair(a: list[Line], b: list[Line]) -> bool:
    """Short lines of one column mostly stand on the baselines of short lines of the
    other: cells of a grid, not columns of running text (whose lines are long) nor a
    sidebar beside such text."""
    size = max(l.size for l in a + b)
    return _stand_on(a, b, size) or _stand_on(b, a, size)


def _stand_on(few: list[Line], many: list[Line], size: float) -> bool:
    short = [o for o in many if o.x1 - o.x0 <= GRID_CELL_EMS * size]
    lo = min(o.top for o in many) - BESIDE_MARGIN_EM * size
    hi = max(o.bottom for o in many) + BESIDE_MARGIN_EM * size
    beside = [l for l in few if lo <= l.baseline <= hi]  # lines past the other's ends
    if not beside or (len(beside) < 2 and len(short) < len(many)):
        return False  # a lone line beside running text
    paired = sum(1 for l in beside if l.x1 - l.x0 <= GRID_CELL_EMS * size
                 and any(abs(l.baseline - o.baseline) < SAME_ROW_EM * l.size for o in short))
    return paired >= GRID_PAIRED_SHARE * len(beside)


def _merge_label_columns(cols: list[list[Line]]) -> list[list[Line]]:
    """A narrow 'column' of labels (clause numbers, list numbers, hanging note labels)
    each on a baseline of the next column is part of that column, not a column."""
    out: list[list[Line]] = []
    i = 0
    while i < len(cols):
        c = cols[i]
        if i + 1 < len(cols):
            nxt = cols[i + 1]
            width = max(l.x1 for l in c) - min(l.x0 for l in c)
            size = max(l.size for l in c)
            if width <= LABEL_COLUMN_EMS * size and all(
                    any(abs(l.baseline - o.baseline) < LABEL_BASELINE_EM * l.size for o in nxt)
                    for l in c):
                cols[i + 1] = c + nxt
                i += 1
                continue
        out.append(c)
        i += 1
    return out


def _split(lines: list[Line], span, gutter: float) -> list[list[Line]]:  # noqa: ANN001
    ivs = sorted(lines, key=lambda l: span(l)[0])
    groups: list[list[Line]] = [[ivs[0]]]
    reach = span(ivs[0])[1]
    for l in ivs[1:]:
        a, b = span(l)
        if a - reach >= gutter:
            groups.append([l])
        else:
            groups[-1].append(l)
        reach = max(reach, b)
    return groups


def _label_beside(p: Line, l: Line) -> bool:
    """Is one of two pieces of a row a label in much smaller type beside the other (a
    margin note's option name or date on the line's baseline), not a word of its line?"""
    small, big = (p, l) if p.size < l.size else (l, p)
    return apart(small.size, big.size, l.x0 - p.x1, small.text)


def merge_band_lines(leaf: list[Line], page_width: float) -> list[Line]:
    """Join pieces of one printed line split at a wide gap (``3``␣␣``Extracting Metadata``,
    a run-in label and its paragraph); pieces are ordered left to right already."""
    out: list[Line] = []
    for l in leaf:
        if out:
            p = out[-1]
            s = max(p.size, l.size)
            if (abs(p.baseline - l.baseline) <= SAME_ROW_EM * s and l.x0 >= p.x1 - PIECE_OVERLAP_PT
                    and (l.x0 - p.x1 <= RUN_IN_GAP_EM * s or p.kind == l.kind == "grid")
                    and (not l.walled or p.kind == l.kind == "grid")  # a rule parts them
                    and not _label_beside(p, l)):
                run = piece_lead_run(p, l)
                if run is not None:
                    p.lead_run = run  # a run-in label and its text, parted by a quad
                off = len(p.text) + 1
                for sp in l.sups:
                    sp.offset += off
                p.sups.extend(l.sups)
                if p.x1 - p.x0 < l.x1 - l.x0 and l.size >= p.size - PIECE_SIZE_TOLERANCE:
                    p.fontname, p.bold, p.colour, p.size = l.fontname, l.bold, l.colour, l.size
                    p.font = l.font  # its weight and shape too: styles are read from them
                p.cells = (p.cells or [p.text]) + (l.cells or [l.text])
                p.text = p.text + " " + l.text
                if l.kind == "grid":
                    p.kind = "grid"
                p.x1 = max(p.x1, l.x1)
                p.top, p.bottom = min(p.top, l.top), max(p.bottom, l.bottom)
                continue
        out.append(l)
    return out
