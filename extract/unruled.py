"""Unruled tables found from a page's glyphs: cells that start at shared column edges.

A table printed without rules (HTML tables without borders, LibreOffice's, forms) is
seen by a reader from how its text stands: the cells of a column start at one x, row
after row; a cell of the next column stands beside each of them, past a gap wider than
the text's word spacing; a left cell never runs into the next column. Read as lines,
such a table became paragraphs of cells, or cells of a row glued into one line
("*.kicad_sch包含所有信息…"), between the sentences an aligner pairs.

Evidence → decision → assembly:

- segments: each line is cut at gaps wider than :data:`CELL_GAP_EM` (a word space is
  less; a gap beside a CJK glyph that a line builder read as a space too);
- edges: x positions where at least :data:`MIN_EDGE_CELLS` segments start;
- columns: two edges are neighbouring columns of a table when segments on them stand
  side by side (overlapping vertically) in at least :data:`MIN_ROWS` places;
- region: the run of segments, top to bottom, that each start on one of the table's
  edges and stay inside their column; a line starting there and running across the next
  edge (a paragraph, a label over the table) ends it;
- vetoes: a column of list labels (a hanging list, notes), a column of justified lines
  (a page in two columns), monospace text (code), leader dots (contents);
- rows: segments whose boxes overlap vertically are one row (a cell centred against a
  two-line neighbour overlaps both of its lines).

Page-local (pass 1): each page is measured by itself.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from operator import attrgetter

from .chars import Char, PageTable
from .lang import FOREIGN_IDEOGRAPH_LETTERS, IDEOGRAPH_LETTERS, detect_weight
from .lines import Line, is_cjk

#: A gap between two glyphs of a line this many ems wide (or wider) parts two cells: a
#: word space is 0.25–0.33 em, and CJK text sets none.
CELL_GAP_EM: float = 0.5
#: ... and at least this many times the line's (lower) middle word gap: a justified line
#: stretches all its spaces alike, a cell gap stands out of its line.
CELL_GAP_RATIO: float = 1.5
#: Segments starting within this many points start at one edge (a cell's padding is the
#: same for every cell of a column; a justified word stream is not that exact).
EDGE_TOL_PT: float = 1.0
#: An edge is where at least this many segments start (a column of three cells).
MIN_EDGE_CELLS: int = 3
#: Two columns stand side by side in at least this many rows ...
MIN_ROWS: int = 2
#: ... and a table has at least this many rows with two cells or more (a table of two
#: rows is a table: KiCad's project-file table; three asked for loses those and kept the
#: held-out scores no better than the wider list-label veto alone).
MIN_FULL_ROWS: int = 2
#: A segment stays in its column when it ends this many points before the next edge.
COLUMN_CLEAR_PT: float = 1.0
#: Rows are parted by white this many times the region's narrowest white between lines
#: (plus :data:`ROW_GAP_SLACK_PT`): the lines of a cell stand at the leading, rows apart.
ROW_GAP_SHARE: float = 1.5
ROW_GAP_SLACK_PT: float = 1.0
#: A column whose segments are at least this share list labels (1. (a) • ①) is the
#: labels of a list or of notes hanging beside their text.
LABEL_SHARE: float = 0.5
#: A column whose segments at least this share end at one right edge, and are at least
#: :data:`JUSTIFIED_MIN_EMS` wide, is justified running text (one column of a page set in
#: two), not cells.
JUSTIFIED_SHARE: float = 0.5
JUSTIFIED_MIN_EMS: float = 10
#: ... at least this many of them.
JUSTIFIED_MIN_LINES: int = 2
#: An edge down which this many justified lines run outside a region is a margin of the
#: page's running text, not a table's column (three lines: a paragraph, not a cell).
TEXT_MARGIN_LINES: int = 3
#: A line of running text has at least this many words, or this many CJK characters.
PROSE_WORDS: int = 3
PROSE_IDEOGRAPHS: int = 8
#: A column and its translation beside it are running text: this share of each column's
#: lines are prose (a glossary's are terms).
TRANSLATION_PROSE_SHARE: float = 0.5
#: A region whose columns' segments are each at least this share monospace is code
#: (columns of a listing line up by their indentation and spaces, not as a table).
MONO_SHARE: float = 0.5
#: A column (not the last) whose segments are in the middle this many ems wide is a
#: column of running text: a cell that is not the row's last is a name, a term, a figure.
TEXT_COLUMN_EMS: float = 15
#: The columns of a table are set in type sizes (their middle ones) this close.
SIZE_TOLERANCE_PT: float = 1.0
#: A region with at least this many figure or table captions per row is the captions of
#: figures set side by side.
CAPTION_SHARE: float = 0.5
#: A region whose last column is at least this share page numbers, ascending, is a table
#: of contents (or a list of figures).
CONTENTS_SHARE: float = 0.8
#: A space is read between two glyphs of a cell this many ems apart (Latin words).
SPACE_EM: float = 0.15
#: A term stands on its description's first line when their baselines are this many
#: ems apart or less (one baseline, whatever the fonts' boxes).
LEVEL_EM: float = 0.1

_LABEL = re.compile(
    r"^(?:[•◦▪▫■□●○◆◇►▶‣⁃∙·\-–—*†‡§¶]"
    r"|[(（\[［]?(?:\d{1,3}(?:\.\d{1,3})*|[A-Za-z]|[ivxlcIVXLC]{1,6}|[一二三四五六七八九十]{1,3})"
    r"[.)）\]、:：]?[)）\]]?"
    r"|第\s*[一二三四五六七八九十百零〇两\d]+\s*[条章节款项部篇编]"
    r"|(?:Article|Art\.|Section|Sec\.|Chapter|Rule|Part|§)\s*[\dIVXivx]+[.:]?"
    r"|[\u2460-\u2473\u2776-\u2793])$")
_CAPTION = re.compile(r"^(?:图|表|Fig(?:ure)?\.?|Table)\s*[0-9一二三四五六七八九十]+[-.:：\s]")
_LEADER_ONLY = re.compile(r"^[.·…\s]+$")
_LEADERS = re.compile(r"(?:\.\s?){4,}|…{2,}|(?:·\s?){4,}")
#: a contents entry's page number (leader dots before it)
_PAGE_NUMBER = re.compile(r"^[.·…\s]*(\d{1,4})$")


@dataclass(slots=True)
class Seg:
    """A piece of a line between cell gaps."""

    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    text: str
    mono: bool
    line: int  # index of the line it is cut from
    edge: int = -1
    chars: list[Char] = field(default_factory=list)


_X0, _TOP, _TOP_X0 = attrgetter("x0"), attrgetter("top"), attrgetter("top", "x0")

def _text(chars: list[Char], size: float) -> str:
    out = []
    prev = None
    for c in chars:
        if prev is not None and c.x0 - prev.x1 >= SPACE_EM * size \
                and not (is_cjk(prev.text[-1]) or is_cjk(c.text[0])):
            out.append(" ")
        out.append(c.text)
        prev = c
    return "".join(out).strip()


def segments(lines: list[Line], chars: list[Char]) -> list[Seg]:
    """The lines cut at cell gaps; a line not cut keeps its own text."""
    # each glyph with its middle (across), which every line near its baseline asks for
    buckets: dict[int, list[tuple[Char, float]]] = {}
    for c in chars:
        if c.text.strip():
            buckets.setdefault(round(c.baseline), []).append((c, (c.x0 + c.x1) / 2))
    out: list[Seg] = []
    for i, l in enumerate(lines):
        # the line's glyphs, its subscripts and exponents included (set off its baseline by
        # less than half an em: "r11", "m²"): left out, they opened cell gaps and were lost
        # with the line; a raised callout taken out of the line stays out
        reach = 0.5 * l.size
        bl, lo, hi = l.baseline, l.x0 - 0.5, l.x1 + 0.5
        near = [(c, mid) for b in range(math.floor(bl - reach), math.ceil(bl + reach) + 1)
                for c, mid in buckets.get(b, ())
                if lo <= mid <= hi and abs(c.baseline - bl) <= reach]
        mine = [c for c, mid in near
                if not any(s.x0 <= mid <= s.x1 and s.top <= (c.top + c.bottom) / 2 <= s.bottom
                           for s in l.sups)] if l.sups else [c for c, _ in near]
        mine.sort(key=_X0)
        mono = bool(l.font and l.font.mono)
        # the white before each glyph from the furthest ink left of it: where glyphs are
        # drawn over others (a short term overprinting its description's first glyph),
        # the one before in order of left edges may end well short of the ink beside
        reach_x: list[float] = []
        far = float("-inf")
        for c in mine:
            far = max(far, c.x1)
            reach_x.append(far)
        gaps = [mine[k].x0 - reach_x[k - 1] for k in range(1, len(mine))]
        words = sorted(g for g in gaps if g >= SPACE_EM * l.size)
        cuts = [k + 1 for k, g in enumerate(gaps) if g >= CELL_GAP_EM * l.size
                and g >= CELL_GAP_RATIO * words[(len(words) - 1) // 2]]
        if not cuts:
            out.append(Seg(l.x0, l.top, l.x1, l.bottom, l.size, l.text.strip(), mono, i,
                           chars=mine))
            continue
        for a, b in zip([0] + cuts, cuts + [len(mine)]):
            part = mine[a:b]
            out.append(Seg(part[0].x0, l.top, part[-1].x1, l.bottom, l.size,
                           _text(part, l.size), mono, i, chars=part))
    return [s for s in out if s.text]


def _edges(segs: list[Seg]) -> list[float]:
    """Mark each segment with the edge it starts on; the edges' x positions."""
    order = sorted(range(len(segs)), key=lambda k: segs[k].x0)
    groups: list[list[int]] = []
    for k in order:
        if groups and segs[k].x0 - segs[groups[-1][0]].x0 <= EDGE_TOL_PT:
            groups[-1].append(k)
        else:
            groups.append([k])
    xs: list[float] = []
    for g in groups:
        if len({round(segs[k].top) for k in g}) >= MIN_EDGE_CELLS:
            for k in g:
                segs[k].edge = len(xs)
            xs.append(min(segs[k].x0 for k in g))
    return xs


def _recut(segs: list[Seg], xs: list[float]) -> list[Seg]:
    """A cell run up to the next column's edge with less than a cell gap (a long name
    in a narrow column) is parted where a glyph starts on that edge past white: the
    column's other cells start there too."""
    out: list[Seg] = []
    for s in segs:
        cut = None
        if s.edge >= 0 and s.chars:
            for k in range(1, len(s.chars)):
                c, p = s.chars[k], s.chars[k - 1]
                if c.x0 - p.x1 >= SPACE_EM * s.size and any(
                        abs(c.x0 - x) <= EDGE_TOL_PT for x in xs if x > s.x0 + EDGE_TOL_PT):
                    cut = k
                    break
        if cut is None:
            out.append(s)
            continue
        a, b = s.chars[:cut], s.chars[cut:]
        out.append(Seg(a[0].x0, s.top, a[-1].x1, s.bottom, s.size, _text(a, s.size), s.mono,
                       s.line, s.edge, a))
        e = min(range(len(xs)), key=lambda j: abs(xs[j] - b[0].x0))
        out.append(Seg(b[0].x0, s.top, b[-1].x1, s.bottom, s.size, _text(b, s.size), s.mono,
                       s.line, e, b))
    return out


#: A piece of a line ending a word with one of these marks (and closing quotes or
#: brackets after it) may be followed by a wider space (TeX's space factor, stretched
#: in a justified cell): "Configuration parameters file.  Please do not".
_MARK_END = re.compile(r"\w[.!?:;][)\]’”'\"]*$")


def _rejoin(segs: list[Seg], xs: list[float]) -> list[Seg]:
    """A cell's line cut at a wide space after a sentence's end, a colon or a semicolon
    (a justified cell stretches that space most) is one cell again when the piece after
    the space starts on no column edge: a cell of the next column starts where the
    column's other cells do."""
    out: list[Seg] = []
    for s in sorted(segs, key=lambda s: (s.line, s.x0)):
        prev = out[-1] if out else None
        if (prev is not None and prev.line == s.line and s.edge < 0 and prev.edge >= 0
                and _MARK_END.search(prev.text)
                and not any(prev.x1 < x <= s.x0 + EDGE_TOL_PT for x in xs)):
            out[-1] = Seg(prev.x0, prev.top, s.x1, max(prev.bottom, s.bottom), prev.size,
                          f"{prev.text} {s.text}", prev.mono, prev.line, prev.edge,
                          prev.chars + s.chars)
            continue
        out.append(s)
    return out


def _rows(region: list[Seg], first: int) -> list[list[Seg]]:
    """The region's segments in rows. Segments overlapping vertically are one band; a
    band joins the row above when the white between them is of the region's narrowest
    kind (the leading between the lines of one cell) and they do not both hold a cell
    of the first column (each row has one). A cell centred against a two-line
    neighbour closes the white between that neighbour's lines."""
    region = sorted(region, key=_TOP)
    bands: list[list[Seg]] = []
    gaps: list[float] = []
    bottom = 0.0
    for s in region:
        if bands and s.top < bottom:
            bands[-1].append(s)
        else:
            if bands:
                gaps.append(s.top - bottom)
            bands.append([s])
        bottom = max(bottom, s.bottom) if len(bands[-1]) > 1 else s.bottom
    if not gaps:
        return bands
    narrow = ROW_GAP_SHARE * min(gaps) + ROW_GAP_SLACK_PT
    rows = [bands[0]]
    for g, b in zip(gaps, bands[1:]):
        if g <= narrow and not (any(s.edge == first for s in rows[-1])
                                and any(s.edge == first for s in b)):
            rows[-1].extend(b)
        else:
            rows.append(b)
    return rows


def _text_under(rows: list[list[Seg]]) -> int:
    """How many of the last rows are text under the table rather than rows of it: rows of
    one cell after its last row of two or more, parted from that row by more white than
    the table sets between any two of its rows (a heading under the table, a note on it,
    which start at its first column's edge and stay inside it). A cell's wrapped line
    stands at the leading, and a row of one cell between full rows stays (a group's label)."""
    full = [k for k, r in enumerate(rows) if len({s.edge for s in r}) >= 2]
    if not full or full[-1] < 1 or full[-1] == len(rows) - 1:
        return 0
    last = full[-1]
    tops = [min(s.top for s in r) for r in rows]
    bottoms = [max(s.bottom for s in r) for r in rows]
    widest = max(tops[k + 1] - bottoms[k] for k in range(last))
    if tops[last + 1] - bottoms[last] > widest + ROW_GAP_SLACK_PT:
        return len(rows) - last - 1
    return 0


def _reading(segs: list[Seg]) -> list[Seg]:
    """The segments top to bottom, left to right: the order :func:`_regions` walks them
    in, sorted once per page (it is asked for every pair of edges)."""
    return sorted(segs, key=_TOP_X0)


def _regions(ordered: list[Seg], right: dict[int, float], left: float) -> list[list[Seg]]:
    """Runs of segments, top to bottom, that start on one of the edges in ``right`` and
    end before the next one; a segment across the columns (right of ``left``) ends a
    run, one left of them all stands beside the table. A segment set larger than every
    cell above it ends the run too: a table's cells share one size, and a line in a
    bigger type under them is the heading of what follows (a short heading stays inside
    the first column's edges like a cell). ``ordered``: the page's segments in reading
    order (:func:`_reading`)."""
    regions: list[list[Seg]] = []
    region: list[Seg] = []
    biggest = 0.0  # the largest size in ``region`` (kept as it grows: this runs per pair of edges)
    for s in ordered:
        if s.x1 <= left:
            continue
        if region and s.size > biggest + SIZE_TOLERANCE_PT:
            regions.append(region)
            region = []
        if s.edge in right and s.x1 <= right[s.edge] - COLUMN_CLEAR_PT:
            biggest = s.size if not region or s.size > biggest else biggest
            region.append(s)
        elif region:
            regions.append(region)
            region = []
    if region:
        regions.append(region)
    return regions


def _whole_lines(region: list[Seg], pieces: dict[int, int]) -> list[list[Seg]]:
    """The runs of ``region`` made of whole lines: a line some of whose pieces are no
    cells of the table (a word before its first column, a piece past the last edge)
    parts the region there. The table takes the lines it covers off the text, so a
    line it held only in part lost the rest (a Texinfo manual's ``ColumnVector stack
    (…)`` under three aligned definitions; ``ComplexColumnVector`` before a column of
    ``operator`` rows). ``pieces``: how many pieces each line was cut into."""
    held: dict[int, int] = {}
    for s in region:
        held[s.line] = held.get(s.line, 0) + 1
    out: list[list[Seg]] = [[]]
    for s in sorted(region, key=_TOP_X0):
        if held[s.line] == pieces.get(s.line, 0):
            out[-1].append(s)
        elif out[-1]:
            out.append([])
    return [r for r in out if r]


def _links(segs: list[Seg], xs: list[float]) -> list[tuple[int, int, int]]:
    """Pairs of edges (left, right, rows) whose segments stand beside each other in at
    least :data:`MIN_ROWS` rows: neighbouring columns of a table. Two tables under each
    other may share their first column's edge and not the second's."""
    out = []
    ordered = _reading(segs)
    for a in range(len(xs)):
        left = xs[a] - EDGE_TOL_PT
        beside = [s for s in ordered if s.x1 > left]  # what _regions looks at for every b
        for b in range(a + 1, len(xs)):
            right = {a: xs[b], b: float("inf")}
            rows = sum(1 for reg in _regions(beside, right, left)
                       for r in _rows(reg, a) if {s.edge for s in r} == {a, b})
            if rows >= MIN_ROWS:
                out.append((a, b, rows))
    return out


def _chains(links: list[tuple[int, int, int]]) -> list[list[int]]:
    """Each linked pair, extended to the right through the nearest linked edges: a
    table's columns; the best supported first."""
    nearest: dict[int, int] = {}
    for a, b, _ in links:
        if a not in nearest or b < nearest[a]:
            nearest[a] = b
    out = []
    for a, b, _ in sorted(links, key=lambda t: (-t[2], t[0], t[1])):
        chain = [a, b]
        while chain[-1] in nearest and len(chain) <= len(nearest) + 1:
            chain.append(nearest[chain[-1]])
        out.append(chain)
    # the most columns first: a pair of a table's columns would take its rows apart
    return sorted(out, key=len, reverse=True)


def _join(parts: list[str]) -> str:
    out = ""
    for p in parts:
        if out and not (is_cjk(out[-1]) and is_cjk(p[0])):
            out += " "
        out += p
    return out


def _prose(text: str) -> bool:
    """Running text: several words, or a run of ideographs (a file name is neither)."""
    return len(text.split()) >= PROSE_WORDS or sum(map(is_cjk, text)) >= PROSE_IDEOGRAPHS


def _justified(segs: list[Seg]) -> int:
    """How many of ``segs``, wide ones, end at one right edge (justified text)."""
    wide = [s for s in segs if s.x1 - s.x0 >= JUSTIFIED_MIN_EMS * s.size and _prose(s.text)]
    # lines of text differ: a header repeated over tables of one kind is no paragraph
    return max((len({s.text for s in wide if abs(s.x1 - o.x1) <= EDGE_TOL_PT}) for o in wide),
               default=0)


def _text_margin(chain: list[int], segs: list[Seg], cells: set[int]) -> bool:
    """Does justified running text run down an edge of the table's (not its first),
    outside every table region of the page? Then that edge is a margin of the page's
    text (the second column of a page set in two), and what stands at it beside the
    region is that text. The first edge may well be the margin of the text above and
    below a table."""
    return any(_justified([s for s in segs if s.edge == e and id(s) not in cells])
               >= TEXT_MARGIN_LINES for e in chain[1:])


def full_rows(region: list[Seg], chain: list[int]) -> list[list[Seg]]:
    return [r for r in _rows(region, chain[0]) if len({s.edge for s in r}) >= 2]


def _stacked(region: list[Seg], chain: list[int]) -> bool:
    """Do the first column's cells stand above the others' rather than beside them, row
    after row (fewer than :data:`MIN_ROWS` rows where a first-column cell and another
    column's share a height)? A description list whose terms are narrower than its
    descriptions' indent (each term on a line of its own, its description indented
    below it) leaves a white down the page like a column's, but no row holds a term and
    its description side by side; a table's cells start level (or centred) with their
    row's."""
    beside = 0
    for r in full_rows(region, chain):
        first = [s for s in r if s.edge == chain[0]]
        if any(a.top < b.bottom and b.top < a.bottom
               for a in first for b in r if b.edge != chain[0]):
            beside += 1
    return beside < MIN_ROWS


def _baseline(s: Seg) -> float:
    return s.chars[0].baseline if s.chars and s.chars[0].baseline else s.bottom


def _described(region: list[Seg], chain: list[int]) -> bool:
    """Is the region a description list set beside its terms (DocBook's variablelist as
    FOP prints it, a glossary, troff's tagged paragraphs): two columns, each row a term
    and a description in running text wrapped over several lines, the term standing on
    the description's first line? A reader reads term, then description, as text; a
    table centres a cell against a taller neighbour (HTML's and LibreOffice Web's
    default), holds no wrapped sentences, or heads its columns with a row of short labels
    ("学名 常用名 识别特征"). Wrapped rows decide: at least :data:`MIN_ROWS` of them, every
    one level with its term, most descriptions prose."""
    if len(chain) != 2:
        return False
    rows = full_rows(region, chain)
    if rows and all(len(c) == 1 and not _prose(c[0].text) and not _MARK_END.search(c[0].text)
                    for c in ([s for s in rows[0] if s.edge == e] for e in chain)):
        return False  # a first row of short labels names a table's columns ("文件 说明")
    wrapped = level = prose = 0
    for r in rows:
        terms = sorted((s for s in r if s.edge == chain[0]), key=lambda s: s.top)
        text = sorted((s for s in r if s.edge == chain[1]), key=lambda s: s.top)
        if not terms or not text:
            continue
        prose += _prose(_join([s.text for s in text]))
        if len(text) < 2:
            continue
        wrapped += 1
        level += abs(_baseline(terms[0]) - _baseline(text[0])) <= LEVEL_EM * text[0].size
    return wrapped >= MIN_ROWS and level == wrapped and prose >= JUSTIFIED_SHARE * len(rows)


def _translations(cols: list[list[Seg]]) -> bool:
    """Is the region a text and its translation set side by side: two columns, one in
    Chinese and one in English, both running text (most of their lines prose)? A bilingual
    glossary's columns hold terms, not prose."""
    if len(cols) != 2:
        return False
    langs = []
    for col in cols:
        ideo, latin = detect_weight("".join(s.text for s in col))
        if ideo * FOREIGN_IDEOGRAPH_LETTERS < latin:
            langs.append("en")
        elif ideo * IDEOGRAPH_LETTERS >= latin:
            langs.append("zh")
        else:
            return False  # a column of both
        if sum(_prose(s.text) for s in col) < TRANSLATION_PROSE_SHARE * len(col):
            return False
    return langs[0] != langs[1]


def _veto(region: list[Seg], chain: list[int]) -> str | None:
    """Why the region is not a table (None: it is)."""
    cols = [[s for s in region if s.edge == e] for e in chain]
    if all(sum(s.mono for s in col) >= MONO_SHARE * len(col) for col in cols):
        return "code"  # a listing is monospace across; a table may set one column so
    # a column of code is left out: code is set in a size of its own (fontspec's
    # Scale=MatchLowercase, a style sheet's `code { font-size: 85% }`), names and values
    # in a table's first column as much as in the text
    sizes = [sorted(s.size for s in col)[len(col) // 2] for col in cols
             if sum(s.mono for s in col) < MONO_SHARE * len(col)]
    if sizes and max(sizes) - min(sizes) > SIZE_TOLERANCE_PT:
        return "type sizes"  # a table's cells share a size; a title or a side note beside
    if _stacked(region, chain):
        return "terms over descriptions"
    if _translations(cols):
        return "translations side by side"
    if sum(bool(_CAPTION.match(s.text)) for s in region) >= CAPTION_SHARE * len(full_rows(region, chain)):
        return "captions"  # the captions of figures set side by side
    for e in chain[:-1]:
        col = [s for s in region if s.edge == e]
        if sum(bool(_LABEL.match(s.text)) for s in col) >= LABEL_SHARE * len(col):
            return "list labels"
        if _justified(col) >= max(JUSTIFIED_MIN_LINES, JUSTIFIED_SHARE * len(col)):
            return "justified column"
        widths = sorted(s.x1 - s.x0 for s in col)
        if widths[len(widths) // 2] >= TEXT_COLUMN_EMS * max(s.size for s in col):
            return "text column"
    if sum(bool(_LEADERS.search(s.text) or _LEADER_ONLY.match(s.text)) for s in region) >= MIN_ROWS:
        return "contents"
    last = [s.text for s in sorted(region, key=lambda s: s.top) if s.edge == chain[-1]]
    pages = [int(m.group(1)) for t in last if (m := _PAGE_NUMBER.match(t))]
    if len(pages) >= MIN_ROWS and len(pages) >= CONTENTS_SHARE * len(last) \
            and pages == sorted(pages):
        return "contents"
    if _described(region, chain):
        return "terms beside descriptions"
    return None


def unruled_tables(lines: list[Line], chars: list[Char], ruled: list[PageTable]
                   ) -> list[PageTable]:
    """The unruled tables of one page, from its lines (as built) and glyphs; none where
    a ruled table (``ruled``) already stands."""
    if len(lines) < MIN_EDGE_CELLS:
        return []
    return [t for t in _find(lines, chars)
            if not any(t.x0 < r.x1 and r.x0 < t.x1 and t.top < r.bottom and r.top < t.bottom
                       for r in ruled)]


def _find(lines: list[Line], chars: list[Char]) -> list[PageTable]:
    segs = segments(lines, chars)
    by_line: dict[int, list[Seg]] = {}
    for s in segs:
        by_line.setdefault(s.line, []).append(s)
    for k, mine in by_line.items():  # kept for the next page's look back (continued)
        if len(mine) > 1:
            lines[k].pieces = [(s.x0, s.x1, s.text) for s in mine]
    xs = _edges(segs)
    if len(xs) < 2:
        return []
    segs = _rejoin(_recut(segs, xs), xs)
    pieces: dict[int, int] = {}
    for s in segs:
        pieces[s.line] = pieces.get(s.line, 0) + 1
    out: list[PageTable] = []
    used: set[int] = set()
    ordered = _reading(segs)
    for chain in _chains(_links(segs, xs)):
        right = {e: (xs[chain[k + 1]] if k + 1 < len(chain) else float("inf"))
                 for k, e in enumerate(chain)}
        found = []
        for region in (part for reg in _regions(ordered, right, xs[chain[0]] - EDGE_TOL_PT)
                       for part in _whole_lines(reg, pieces)):
            rows = _rows(region, chain[0])
            under = _text_under(rows)
            if under:
                rows = rows[:-under]
                kept = {id(s) for r in rows for s in r}
                region = [s for s in region if id(s) in kept]
            full = [r for r in rows if len({s.edge for s in r}) >= 2]
            if len(full) < MIN_FULL_ROWS or any(sum(1 for s in region if s.edge == e) < MIN_EDGE_CELLS
                                           for e in chain) or _veto(region, chain):
                continue
            found.append((region, rows))
        cells = {id(s) for region, _ in found for s in region}
        for region, rows in found:
            if any(id(s) in used for s in region) or _text_margin(chain, segs, cells):
                continue
            used.update(id(s) for s in region)
            table = []
            for r in rows:
                table.append([_join([s.text for s in sorted(r, key=lambda s: s.top) if s.edge == e])
                              for e in chain])
            out.append(PageTable(min(s.x0 for s in region), min(s.top for s in region),
                                 max(s.x1 for s in region), max(s.bottom for s in region),
                                 table, ruled=False, columns=tuple(xs[e] for e in chain)))
    return out


def continued(table: PageTable, lines: list[Line]) -> PageTable | None:
    """The rows a table that ended the previous page carries on with at the top of this
    page (``lines``: the page's text lines, running heads and feet taken out): lines from
    the page's first one down that each start on one of the table's column edges and
    stay inside that column, in rows of two or more cells. A page break splits a table
    anywhere, so one row (or a row's last line) may stand alone; the columns it shares
    with the table are what make it cells, where a table of its own would need
    :data:`MIN_FULL_ROWS` rows and :data:`MIN_EDGE_CELLS` cells down an edge.

    Lines are taken as built: a row whose cells the line builder glued into one line
    ends the run."""
    xs = table.columns
    if not xs or len(xs) < 2 or not lines:
        return None
    region: list[Seg] = []
    for i, l in enumerate(sorted(lines, key=lambda l: (l.top, l.x0))):
        mine = []
        for x0, x1, text in l.pieces or [(l.x0, l.x1, l.text.strip())]:
            e = next((k for k, x in enumerate(xs) if abs(x0 - x) <= EDGE_TOL_PT), None)
            right = xs[e + 1] if e is not None and e + 1 < len(xs) else float("inf")
            if e is None or x1 > right - COLUMN_CLEAR_PT:
                break
            mine.append(Seg(x0, l.top, x1, l.bottom, l.size, text,
                            bool(l.font and l.font.mono), i, e))
        else:
            region.extend(mine)
            continue
        break
    rows = []
    for r in _rows(region, 0):
        if len({s.edge for s in r}) < 2:
            break  # the rows carried on are whole rows; a lone line is the text's
        rows.append(r)
    if not rows or rows[0][0].edge != 0 and not any(s.edge == 0 for s in rows[0]):
        return None
    cells = [s for r in rows for s in r]
    return PageTable(min(s.x0 for s in cells), min(s.top for s in cells),
                     max(s.x1 for s in cells), max(s.bottom for s in cells),
                     [[_join([s.text for s in sorted(r, key=lambda s: s.top) if s.edge == e])
                       for e in range(len(xs))] for r in rows],
                     ruled=False, columns=xs, carried=True)
