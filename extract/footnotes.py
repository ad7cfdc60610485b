"""The note area at the foot of a page (per column) and the notes in it.

A note area is what lies under a short separator rule, or failing a rule, a block of
smaller type at the bottom of a column that opens with a label. Notes start at a raised
label or at the next number in sequence; a note area that opens without a label
continues the last note of the previous page.
"""

from __future__ import annotations

import math

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field

from pariter.model import Box

from .chars import RULE_THICKNESS, Rule
from .labels import ANY_CIRCLED, BRACKETED_RE, ENCLOSING, canonical, power_and_label, roman, to_roman
from .labels import number as label_number
from .layout import merge_band_lines
from .lines import SIZE_TOLERANCE, Line, is_cjk, line_sizes
from .styles import DISPLAY_RATIO
from .textjoin import Lexicon, join2

# a label set on the line: followed by a stop, a space, a letter or an opening mark — Latin
# quotes and brackets, and the CJK ones citations open with (《书名》, 〔2021〕, 「」, 【】)
# A circled number or a number in brackets (①, [1], 〔1〕) closes itself: the note's words may
# follow it at once, a figure too (``③2 卷本``, ``[1]1998年``), where a bare number runs on.
# A label may be drawn inside a combining enclosing circle (U+20DD, LaTeX's ``\textcircled``
# in a font that has it: the text layer reads ``⃝1`` or ``1⃝``): the label is what it encloses.
_PLAIN_LABEL = re.compile(rf"^(?:{BRACKETED_RE}\s*|([{ANY_CIRCLED}])\s*|{ENCLOSING}?(\d{{1,3}}|[*∗†‡§¶]{{1,3}})"
                          rf"(?:{ENCLOSING}\s*|[.．)](?!\d)\s*|\s+|(?=[^\W\d_]|[“\"'‘(（\[<《〈「『【〔［〖])))(?=\S)")


def plain_label(text: str) -> str | None:
    """The label a line set on the line opens with (``1.``, ``1 ``, ``[1]``, ``①``, ``*``), in
    its standard form, or None."""
    m = _PLAIN_LABEL.match(text)
    return canonical(_plain(m)) if m else None


def _plain(m: re.Match) -> str:
    """The label a match of :data:`_PLAIN_LABEL` read: the number inside brackets, the
    circled number, or the number or symbols."""
    return next(g for g in m.groups() if g)


#: a label standing alone as the first piece of a printed line: a justified note line
#: stretched before a long URL spreads its words so far that they read as pieces of their own
#: (``6.`` … ``Compare`` … ``the`` …; ``⑭`` … ``参`` … ``见`` …)
_BARE_LABEL = re.compile(rf"^{ENCLOSING}?(\d{{1,3}}|[*∗†‡§¶]{{1,3}}|[{ANY_CIRCLED}])(?:[.．)]|{ENCLOSING})?\s*$")
#: Pieces of one printed line are set in one type: sizes within this many points.
PIECE_SIZE_PT: float = 0.3


def bare_label(l: Line, lines: list[Line], larger: bool = False) -> str | None:
    """The label of ``l`` when it is a label alone whose note's words stand right of it on its
    printed row, in its type (see :data:`_BARE_LABEL`); else None. ``larger``: the words may
    be set larger than the label (a note whose words lost the notes' size, its label kept it:
    within a note area, where the numbering decides)."""
    m = _BARE_LABEL.match(l.text)
    if m is None or l.lead_label:
        return None
    if any(o is not l and o.x0 >= l.x1 and (abs(o.size - l.size) <= PIECE_SIZE_PT
                                            or larger and o.size > l.size)
           and abs(o.baseline - l.baseline) <= NOTE_ROW_EM * max(o.size, l.size) for o in lines):
        return canonical(m.group(1))
    return None


@dataclass(slots=True)
class Note:
    label: str
    text: str
    page: int
    pages: list[int] = field(default_factory=list)
    boxes: list[Box] = field(default_factory=list)
    #: "foot" at the foot of a page, "end" in a Notes section (:mod:`.endnotes`)
    place: str = "foot"
    #: the note's runs in italics, in order (:attr:`~.lines.Line.italics`): a reference's
    #: title, where the style sets it so
    italics: list[str] = field(default_factory=list)


@dataclass(slots=True)
class NoteArea:
    """Lines forming one note area; ``ruled`` when found under a separator rule (rather
    than by type size alone, which needs the page to call its first label)."""

    lines: list[Line]
    ruled: bool
    #: how many lines, first, are the rest of the previous page's note (:func:`_carried_rest`)
    carried: int = 0

    @property
    def labelled(self) -> bool:
        """Does the area open with a note label (rather than run on a note)?"""
        first = self.lines[0]
        return bool(first.lead_label or _PLAIN_LABEL.match(first.text) or bare_label(first, self.lines))


#: A footnote separator is a short rule: at least this long (points) ...
RULE_MIN = 15.0
#: ... and at most this share of the page's width (a full-width rule is a border).
RULE_MAX_SHARE = 0.62
#: ... and of its column's width (LaTeX draws 40 %, Word a third, LibreOffice a quarter;
#: a table's rules span the table).
RULE_COLUMN_SHARE = 0.6
#: ... below this share of the page's height (notes sit at the foot).
RULE_LOW_SHARE = 0.4
#: A separator stands alone on its row: a rule with words starting within this many ems
#: after its end, on its row, is a dash drawn as a rule (a bibliography's repeated-author
#: ``———.``, a blank to fill in).
DASH_GAP_EM: float = 1.0
#: A rule this close under a line (points) underlines it (a link), it separates nothing.
UNDERLINE_GAP_PT: float = 3
#: Boxes closer than this (points) touch: rounding and ascenders overshoot by that much.
BOX_SLACK_PT: float = 1
#: Lines under a rule belong to its area from this far above its bottom (points) ...
RULE_SLACK_PT: float = 1.5
#: ... starting at most this far left of its column (points: a hanging label) and more
#: than this many ems short of its right edge.
AREA_LEFT_SLACK_PT: float = 12
AREA_RIGHT_EM: float = 0.5
#: A rule heads the column whose lines start within this many points of it (or an em).
RULE_FLUSH_MIN_PT: float = 6
#: Note type is smaller than the body: below this share of its size (notes are set a
#: point or two smaller). Notes as large as the text need a rule and a label.
NOTE_SIZE_SHARE: float = 0.93
#: Without a rule, a note area starts in the lower part of the page: below this share
#: of its height ...
NO_RULE_LOW_SHARE: float = 0.5
#: ... and takes the lines starting within this many points of the first line's edge.
SEED_COLUMN_SLACK_PT: float = 15
#: An area's first line lies within this many ems under its rule ...
FIRST_LINE_GAP_EM: float = 3.0
#: ... and a gap wider than this many ems (about a line and a half) ends the area.
AREA_GAP_EM: float = 1.5
#: A raised label and the space after it take at most this many ems of the note's type
#: left of the note's first word (Chromium, Word: "¹ text", wrapped lines under the label).
LEAD_LABEL_EM: float = 2.0
#: A lone tiny label line stands at most this many ems left of its note line, which is
#: set at least this factor larger.
TINY_LABEL_GAP_EM: float = 2.0
TINY_LABEL_RATIO: float = 1.2
#: Pieces of one printed line of a note stand on baselines within this many ems.
NOTE_ROW_EM: float = 0.4
#: A note's line starts at its area's left edge, under the words after a hanging label,
#: or at a first-line indent of two characters and its label: never further in than this
#: many ems (a line that does is set right or centred: a footer, a date line).
NOTE_INDENT_EM: float = 4.0
#: A plain label opens a note only at the area's left edge (within this many points),
#: unless it continues the numbering.
LABEL_EDGE_PT: float = 2


def note_areas(lines: list[Line], rules: list[Rule], body: float, width: float,
               height: float, running_on: bool = False) -> list[NoteArea]:
    """Note areas on one page (running matter already removed; figure lines never count).

    Under a separator rule, the area is every line below it in the rule's column, set in
    whatever size (Word's notes may be as large as the text), until a gap wider than
    about a line and a half or larger type. ``running_on``: the previous page ended
    inside a note, so an area may open with that note's rest rather than a label. Without a rule, a block of smaller type at
    the foot of a column that opens with a label is an area (the page must call it)."""
    areas: list[NoteArea] = []
    taken: set[int] = {id(l) for l in lines if l.kind == "figure"}
    # notes are smaller than the text that calls them: the body as the document measured it,
    # unless the notes outweigh the text (a page of notes under a few lines of callouts)
    small = NOTE_SIZE_SHARE * max(body, calling_size(lines))
    folio = _folio_at_foot(lines)
    twins = set_together(lines)
    grid = _RuleGrid(rules)
    for r in sorted(rules, key=lambda r: r.top):
        if not _may_separate(r, grid, lines, width) or _twin(r, rules, body):
            continue
        # high on the page only over notes that fill it, their labels called above
        high = r.top <= RULE_LOW_SHARE * height
        col = _column_of(r, lines, small)
        alone = col is None and not any(l.bottom <= r.top + BOX_SLACK_PT for l in lines)
        if alone:
            # nothing above the rule on the page: notes carried over from the page before
            # (its note area was full), flush with the rule
            col = _column_under(r, lines)
        if col is None:
            continue  # not flush with a column of text: a table's or a figure's rule
        lo, hi = col
        if r.x1 - r.x0 > RULE_COLUMN_SHARE * (hi - lo):
            continue  # as wide as its column: a table's or a box's rule
        # row by row, left to right: a note opening mid-row (footmisc para) after the words
        # that end the note before it, its raised label lifting its top above theirs
        below = rows([l for l in lines if id(l) not in taken and l.top >= r.bottom - RULE_SLACK_PT
                      and lo - AREA_LEFT_SLACK_PT <= l.x0 < hi - AREA_RIGHT_EM * l.size])
        area: list[Line] = []
        prev_bottom = r.bottom
        for l in below:
            if _ends_area(area, l, prev_bottom, lines, small, twins):
                break
            area.append(l)
            prev_bottom = max(prev_bottom, l.bottom)
        if not area:
            continue
        if high and not _called_run(_from_first_label(area), lines):
            continue
        labelled = bool(area[0].lead_label or _PLAIN_LABEL.match(area[0].text) or bare_label(area[0], area))
        if alone and not (labelled or running_on):
            continue  # a rule heading the page over text of its own: no notes carried over
        if any(l.size > small for l in area):
            # notes as large as the text (Word): only at the foot of the column, opening
            # with a label — not text under a box's or a table's rule
            foot = not any(l.top > prev_bottom + BOX_SLACK_PT and id(l) not in taken and lo <= l.x0 < hi
                           and l.size > small and l is not folio for l in lines)
            # (or, unlabelled, the rest of the previous page's unfinished note)
            if not ((labelled or running_on) and foot):
                continue
        areas.append(NoteArea(area, True))
        taken.update(id(l) for l in area)
    # no rule: a block of small type at the bottom of a column, opening with a label
    for seed in sorted(lines, key=lambda l: l.top):
        if id(seed) in taken or seed.size > small:
            continue
        # high on the page only where the block's labels run on and the text above calls
        # each of them: notes that fill the page under the few lines calling them
        high = seed.top < NO_RULE_LOW_SHARE * height
        seed_bare = not (seed.lead_label or _PLAIN_LABEL.match(seed.text))
        if seed_bare and not bare_label(seed, lines):
            continue
        # a raised label opening the seed stands left of its text, where the note's next
        # lines start (¹ text … / text …): the column begins at the label, not at the text
        left = seed.x0 - SEED_COLUMN_SLACK_PT - (LEAD_LABEL_EM * seed.size if seed.lead_label else 0)
        col = [l for l in lines if id(l) not in taken and l is not folio and l.top >= seed.top - BOX_SLACK_PT
               and left <= l.x0
               <= seed.x0 + 0.5 * (seed.x1 - seed.x0) + SEED_COLUMN_SLACK_PT]
        # the far pieces of the column's printed lines (a justified note line's words spread
        # before a long URL): on a row of the column, within its right edge (the column's
        # longest line's end: the next column's lines lie beyond it), no gutter before them
        ids_ = {id(l) for l in col}
        edge = max((c.x1 for c in col), default=seed.x1) + BOX_SLACK_PT
        row_of = _Rows(col)
        far = [l for l in lines if id(l) not in taken and id(l) not in ids_ and l.size <= small
               and l.x1 <= edge and row_of.ends_before(l)]
        col = rows(col + far) if far else sorted(col, key=lambda l: (l.top, l.x0))
        far_ids = {id(l) for l in far}
        area, prev_bottom, ok = [], seed.top, True
        for l in col:
            if id(l) in far_ids:
                if area and _piece_of_a_row(l, area, lines):
                    area.append(l)
                continue
            if l.size > small:
                ok = False  # body text below: not at the foot of the column
                break
            if _ends_area(area, l, prev_bottom, lines, small, twins):
                break
            area.append(l)
            prev_bottom = max(prev_bottom, l.bottom)
        below = [l for l in lines if id(l) not in taken and l is not folio and l.top > prev_bottom + BOX_SLACK_PT
                 and l.size > small and l.x1 > seed.x0 and l.x0 < seed.x1]
        if seed_bare and not bare_label(seed, area):
            ok = False  # a label alone whose words the area did not take: a table's or a list's number
        if high and ok and area and not _called_run(area, lines):
            ok = False
        if ok and area and not below:
            areas.append(NoteArea(area, False))
            taken.update(id(l) for l in area)
    if running_on and areas:
        _carried_rest(areas, lines, taken, small)
    return areas


def _carried_rest(areas: list[NoteArea], lines: list[Line], taken: set[int], small: float) -> None:
    """The rest of the previous page's unfinished note, printed right above the page's first
    note in the notes' type with no separator of its own (LibreOffice: the carried line
    stands over its notes, the underline of its link being no separator): the lines of
    note type directly above the topmost unruled area that opens with a label go to it."""
    area = min(areas, key=lambda a: a.lines[0].top)
    if area.ruled or not area.labelled:
        return
    first = area.lines[0]
    lo, hi = min(l.x0 for l in area.lines), max(l.x1 for l in area.lines)
    rest: list[Line] = []
    top = first.top
    for l in sorted((l for l in lines if id(l) not in taken and l.bottom <= top + BOX_SLACK_PT),
                    key=lambda l: -l.bottom):
        if top - l.bottom > AREA_GAP_EM * l.size - l.size:  # more than a note's leading apart
            break
        if l.size > small or not (lo - BOX_SLACK_PT <= l.x0 and l.x1 <= hi + BOX_SLACK_PT):
            break
        rest.insert(0, l)
        top = l.top
    if rest:
        area.lines[:0] = rest
        area.carried = len(rest)
        taken.update(id(l) for l in rest)


class _Rows:
    """Lines by baseline, to ask which of them stand on another line's row left of it
    (asked for every line of the page, for every seed of a note area: the lines near
    the row are found by bisection, then judged one by one)."""

    __slots__ = ("rows", "baselines", "reach")

    def __init__(self, lines: list[Line]) -> None:
        self.rows = sorted((l.baseline, l.x1, l.size) for l in lines)
        self.baselines = [r[0] for r in self.rows]
        self.reach = max((r[2] for r in self.rows), default=0.0)

    def ends_before(self, l: Line) -> bool:
        """Does one of the lines end left of where ``l`` starts, on its row (baselines
        within :data:`NOTE_ROW_EM` of the larger size)?"""
        # the window is a little wider than any row can reach; the test itself is exact
        reach = NOTE_ROW_EM * max(self.reach, l.size) * 1.01 + 1e-6
        lo = bisect_left(self.baselines, l.baseline - reach)
        hi = bisect_right(self.baselines, l.baseline + reach)
        return any(x1 <= l.x0 and abs(b - l.baseline) <= NOTE_ROW_EM * max(size, l.size)
                   for b, x1, size in self.rows[lo:hi])


_FOLIO = re.compile(r"[-–—]?\s*(?:\d{1,4}|[ivxlcdm]{1,7})\s*[-–—]?", re.IGNORECASE)


def _folio_at_foot(lines: list[Line]) -> Line | None:
    """The page's last line when it is a page number alone on its row (the running matter
    has not taken it where the document's body size was misjudged, the notes outweighing
    the text): under the notes, it does not make them text above something."""
    if not lines:
        return None
    last = max(lines, key=lambda l: l.bottom)
    if not _FOLIO.fullmatch(last.text.strip()):
        return None
    if any(o is not last and abs(o.baseline - last.baseline) <= NOTE_ROW_EM * last.size for o in lines):
        return None
    return last


#: The size of the text calling the notes counts where that many lines carry callouts.
CALLING_LINES: int = 2
#: A block of note type above the page's lower half is a note area when it holds at least
#: this many notes whose labels run on (1., 2., 3.), each called in the text above.
CALLED_RUN_MIN: int = 2


def calling_size(lines: list[Line]) -> float:
    """The size of the page's text that carries raised callouts (the most characters among
    lines with raised labels, over at least :data:`CALLING_LINES` lines), 0 when too few
    lines carry any: the text the notes are smaller than, whatever the document's most
    common size (notes may outweigh the text)."""
    by_size: Counter[float] = Counter()
    count: Counter[float] = Counter()
    for l in lines:
        if l.sups and l.kind != "figure":
            by_size[round(l.size, 1)] += len(l.text)
            count[round(l.size, 1)] += 1
    if not by_size:
        return 0.0
    size = max(by_size, key=lambda k: (by_size[k], k))
    return size if count[size] >= CALLING_LINES else 0.0


def _from_first_label(area: list[Line]) -> list[Line]:
    """The area's lines from the first that opens with a label (what comes before it is the
    rest of a note the previous page began)."""
    for i, l in enumerate(area):
        if l.lead_label or plain_label(l.text) or bare_label(l, area):
            return area[i:]
    return []


def _called_run(area: list[Line], lines: list[Line]) -> bool:
    """Do the labels opening the area's lines run on from its first one (1, 2, 3; lines that
    open with another figure are the notes' words: ``2 vols.``) for at least
    :data:`CALLED_RUN_MIN` notes, each called by a raised label in the text above the area?"""
    if not area:
        return False
    top = area[0].top
    called_above = {s.label for l in lines if l.bottom <= top + BOX_SLACK_PT for s in l.sups}
    run: list[str] = []
    for l in area:
        lab = l.lead_label or plain_label(l.text) or bare_label(l, area)
        if lab is not None and (_next_label(run[-1], lab) if run else l is area[0]):
            run.append(lab)
    return len(run) >= CALLED_RUN_MIN and all(lab in called_above for lab in run)


def _may_separate(r: Rule, rules: "_RuleGrid", lines: list[Line], width: float) -> bool:
    """Is ``r`` shaped like a note separator: a short thin rule, underlining nothing, alone
    on its row, meeting no other rule? (Where it stands is the caller's question: in the
    lower part of the page, or higher over notes that fill the page.)"""
    w = r.x1 - r.x0
    if not (r.bottom - r.top <= RULE_THICKNESS and RULE_MIN <= w <= RULE_MAX_SHARE * width):
        return False
    if any(0 <= r.top - l.bottom <= UNDERLINE_GAP_PT and l.x0 < r.x1 and l.x1 > r.x0
           for l in lines):
        return False  # an underline (a link), not a separator
    if any(l.top <= r.top <= l.bottom and -BOX_SLACK_PT <= l.x0 - r.x1 <= DASH_GAP_EM * l.size for l in lines):
        return False  # words go on right after it on its row: a dash drawn as a rule (———.)
    return not _in_grid(r, rules)  # a table's cell border or a box's edge


#: A note separator is the one rule of its span on its page: another rule with the same two
#: ends above or below it, far enough to hold a line between them, is the other edge of a box
#: drawn as rules (an option name framed in the margin, a label ruled above and below), and
#: what lies under it is the box's text, no notes. One note area per column, one separator.
#: (A rule doubled closer than this many ems of the body is one separator drawn twice.)
TWIN_GAP_EM: float = 0.5


def _twin(r: Rule, rules: list[Rule], body: float) -> bool:
    """Has ``r`` a twin on its page (see :data:`TWIN_GAP_EM`): a rule with its left and right
    ends, a line or more above or below it?"""
    gap = TWIN_GAP_EM * body
    return any(o is not r and abs(o.x0 - r.x0) <= BOX_SLACK_PT and abs(o.x1 - r.x1) <= BOX_SLACK_PT
               and abs(o.top - r.top) > gap for o in rules)


#: Under a column's notes only a footer stands: at most this many rows ...
FOOTER_ROWS = 2


def footer_under_notes(areas: list[NoteArea], lines: list[Line]) -> list[Line]:
    """The lines under a page's notes, in their column: a footer the page prints once (a
    journal's "Preprint submitted to …" on a first page) that repetition across pages cannot
    find. Text never continues under its notes; only when what lies there is at most
    :data:`FOOTER_ROWS` rows in type no larger than the notes' (else the area is no foot)."""
    out: list[Line] = []
    for a in areas:
        x0, x1 = min(l.x0 for l in a.lines), max(l.x1 for l in a.lines)
        bottom, size = max(l.bottom for l in a.lines), max(l.size for l in a.lines)
        under = [l for l in lines if l.top > bottom and l.x0 < x1 and l.x1 > x0 and id(l) not in
                 {id(o) for o in out}]
        if under and all(l.size <= size for l in under) and len(rows_of(under)) <= FOOTER_ROWS:
            out.extend(under)
    return out


def rows_of(lines: list[Line]) -> list[list[Line]]:
    """``lines`` grouped in printed rows (baselines within :data:`NOTE_ROW_EM` of a size)."""
    out: list[list[Line]] = []
    for l in rows(lines):
        if out and abs(l.baseline - out[-1][0].baseline) <= NOTE_ROW_EM * max(l.size, out[-1][0].size):
            out[-1].append(l)
        else:
            out.append([l])
    return out


def _column_of(r: Rule, lines: list[Line], small: float) -> tuple[float, float] | None:
    """The x-extent of the column a separator rule heads: the lines above it that start
    where it starts (a note rule is flush with its column's left edge), and the lines in
    note type (``small``: smaller than the body) under it that start in its span — the
    notes fill the column where the text above may be short lines (a list of examples, a
    poem), and a rule of 40 % of the column looks as wide as they are; None when no line
    of text starts there."""
    above = [l for l in lines if l.bottom <= r.top + BOX_SLACK_PT
             and abs(l.x0 - r.x0) <= max(l.size, RULE_FLUSH_MIN_PT)]
    if not above:
        return None
    lo = min(r.x0, min(l.x0 for l in above))
    under = [l.x1 for l in lines if l.top >= r.bottom - RULE_SLACK_PT and l.size <= small
             and lo - AREA_LEFT_SLACK_PT <= l.x0 < r.x1
             and l.top - r.bottom <= 2 * FIRST_LINE_GAP_EM * l.size]
    return lo, max(r.x1, max(l.x1 for l in above), max(under, default=r.x1))


def _column_under(r: Rule, lines: list[Line]) -> tuple[float, float] | None:
    """The x-extent of the lines just under a rule that nothing stands above, starting where
    it starts (a separator is flush with its notes' left edge); None when none does."""
    under = [l for l in lines if 0 <= l.top - r.bottom + RULE_SLACK_PT <= FIRST_LINE_GAP_EM * l.size
             and abs(l.x0 - r.x0) <= max(l.size, RULE_FLUSH_MIN_PT)]
    if not under:
        return None
    return min(r.x0, min(l.x0 for l in under)), max(r.x1, max(l.x1 for l in lines if l.top >= r.bottom - RULE_SLACK_PT
                                                          and l.x0 >= r.x0 - AREA_LEFT_SLACK_PT))


class _RuleGrid:
    """A page's rules filed by the squares of a coarse grid they touch, so that the rules
    near one are found without a walk over all of them: a page drawn as thousands of
    hairlines (a vectorised scan: 18,560 rules) made that walk, once per candidate
    separator, most of a minute."""

    CELL_PT = 32.0
    REACH_PT = 20000.0

    def __init__(self, rules: list[Rule]) -> None:
        self.cells: dict[tuple[int, int], list[Rule]] = {}
        for o in rules:
            for key in self._keys(o.x0 - BOX_SLACK_PT, o.top - BOX_SLACK_PT,
                                  o.x1 + BOX_SLACK_PT, o.bottom + BOX_SLACK_PT):
                self.cells.setdefault(key, []).append(o)

    def _keys(self, x0: float, top: float, x1: float, bottom: float) -> list[tuple[int, int]]:
        c = self.CELL_PT
        # (a rule placed far off the page files nowhere beyond this reach)
        x0, x1 = max(x0, -self.REACH_PT), min(x1, self.REACH_PT)
        top, bottom = max(top, -self.REACH_PT), min(bottom, self.REACH_PT)
        return [(i, j) for i in range(math.floor(x0 / c), math.floor(x1 / c) + 1)
                for j in range(math.floor(top / c), math.floor(bottom / c) + 1)]

    def near(self, r: Rule) -> list[Rule]:
        """The rules filed in the squares ``r`` touches, with its slack (each once, in filing
        order): two rules meet within a slack of each, so a rule a hair left of a square's
        edge meets one filed from that edge on (found by hypothesis: x = -2.5e-220 and 1.0)."""
        seen: set[int] = set()
        out: list[Rule] = []
        for key in self._keys(r.x0 - BOX_SLACK_PT, r.top - BOX_SLACK_PT,
                              r.x1 + BOX_SLACK_PT, r.bottom + BOX_SLACK_PT):
            for o in self.cells.get(key, ()):
                if id(o) not in seen:
                    seen.add(id(o))
                    out.append(o)
        return out


def _in_grid(r: Rule, rules: _RuleGrid) -> bool:
    """Does another rule meet ``r`` — a rule across it or at its end, or one continuing it
    on its line? A table draws each cell's border as a rule of its own, meeting the next
    cell's border and the column rules; a box's edges meet at its corners. A note
    separator stands alone. (The same rule drawn twice, as some producers stroke and fill
    it, is not another rule.)"""
    return any(_meets(r, o) for o in rules.near(r))


def _meets(r: Rule, o: Rule) -> bool:
    """Does ``o`` meet ``r`` (within :data:`BOX_SLACK_PT`), ``o`` being another rule and
    not ``r`` drawn twice? Kept apart from :func:`_in_grid` so that the grid, which only
    narrows the rules to ask about, can be checked against asking all of them."""
    if o is r or (abs(o.x0 - r.x0) <= BOX_SLACK_PT and abs(o.x1 - r.x1) <= BOX_SLACK_PT
                  and abs(o.top - r.top) <= BOX_SLACK_PT):
        return False
    return (o.x0 <= r.x1 + BOX_SLACK_PT and o.x1 >= r.x0 - BOX_SLACK_PT
            and o.top <= r.bottom + BOX_SLACK_PT and o.bottom >= r.top - BOX_SLACK_PT)


def _ends_area(area: list[Line], l: Line, prev_bottom: float, lines: list[Line],
               small: float = 0.0, twins: frozenset[tuple[float, float]] = frozenset()) -> bool:
    """Does ``l`` no longer belong to the note area ``area`` (lines so far)? ``lines``: the
    page's, to tell a column's gutter from a wide word space; ``small``: type smaller than the
    text calling the notes; ``twins``: sizes the page sets together (:func:`set_together`)."""
    if not area:
        return l.top - prev_bottom > FIRST_LINE_GAP_EM * l.size
    if _piece_of_a_row(l, area, lines):
        return False  # a piece of a printed line of the area (a justified line's far words)
    if l.x0 > min(a.x0 for a in area) + NOTE_INDENT_EM * l.size:
        return True  # set right or centred: a footer line under the notes, not a note's
    size = sorted(a.size for a in area)[len(area) // 2]
    if l.size > DISPLAY_RATIO * max(size, area[0].size) and not l.lead_label and not _runs_on(area, l, small) \
            and not _one_type(l, area, twins):
        return True  # larger type: a box or a heading under the notes
    return l.top - prev_bottom > AREA_GAP_EM * max(size, l.size)


def set_together(lines: list[Line]) -> frozenset[tuple[float, float]]:
    """Pairs of sizes that set one line together, each a fair share of it (:attr:`Line.sizes`):
    a document that scales its CJK face against its Latin one (xeCJK: ideographs measured at
    6.7 pt beside 8 pt figures in one note) sets one type in two sizes, and a line all in
    figures is no larger type than the notes around it."""
    out: set[tuple[float, float]] = set()
    for l in lines:
        sizes = line_sizes(l)
        if len(sizes) > 1:
            out.update((a, b) for a in sizes for b in sizes if a != b)
    return frozenset(out)


def _one_type(l: Line, area: list[Line], twins: frozenset[tuple[float, float]]) -> bool:
    """Is ``l`` set in a size the page sets together with one of the area's sizes?"""
    if not twins:
        return False
    mine = line_sizes(l)
    return any((a, b) in twins for a in mine for x in area for b in line_sizes(x))


def _runs_on(area: list[Line], l: Line, small: float) -> bool:
    """Does ``l`` go on with the note the area's last line leaves unfinished (no final stop),
    in type larger than the notes' but still smaller than the text calling them (``small``)?
    A producer that lost a note's size at a line break (groff -ms through Ghostscript) sets
    the note's next lines near the text's size."""
    return l.size <= small and not area[-1].text.rstrip().endswith(_NOTE_END)


#: The text just above a note area, where a column's gutter shows: the lines ending at most
#: this many ems (of the notes' type) above it — the last few lines of the column.
GUTTER_LOOK_EM: float = 6.0


def _piece_of_a_row(l: Line, area: list[Line], lines: list[Line]) -> bool:
    """Is ``l`` a piece of a printed line the area already has: on its row, right of a piece
    of it, with no gutter between them? Lines break at wide word spaces (a justified note
    line holding a long URL; notes run on in one paragraph, footmisc's ``para``), but the
    same row in the next column is another column's text. A gutter is a gap that no line of
    the text just above the row's pieces crosses and that text stands beyond; with no text
    there, or none right of the gap, the row is taken whole."""
    row = [a for a in area if abs(l.baseline - a.baseline) <= NOTE_ROW_EM * max(l.size, a.size)]
    if not row:
        return False
    left = [a.x1 for a in row if a.x1 <= l.x0]
    if not left:
        return True  # overlapping or left of the area's piece: the same printed line
    gap0, gap1 = max(left), l.x0
    top = min(a.top for a in area)
    reach = GUTTER_LOOK_EM * max(l.size, max(a.size for a in area))
    x0 = min(a.x0 for a in row)
    above = [o for o in lines if top - reach <= o.bottom <= top + BOX_SLACK_PT and o.top < top
             and o.x0 < l.x1 and o.x1 > x0]
    # a gutter has a column's text beyond it: lines above that stand right of the gap;
    # short lines above that all end left of it (a list's items) show no second column
    return (not above or any(o.x0 <= gap0 and o.x1 >= gap1 for o in above)
            or not any(o.x0 >= gap0 - BOX_SLACK_PT for o in above))


def _continues(l: Line) -> bool:
    return bool(l.text) and not l.lead_label


#: what a lone tiny label line reads (asked of every line of every page: compiled once)
_TINY_LABEL = re.compile(r"\d{1,3}|[*∗†‡]")


def attach_tiny_labels(lines: list[Line]) -> list[Line]:
    """A lone tiny label line (3.5pt digits) just left of a note line becomes its label."""
    labels = [l for l in lines if _TINY_LABEL.fullmatch(l.text.strip()) and not l.sups]
    used = set()
    for lab in labels:
        for l in lines:
            if l is lab or id(l) in used:
                continue
            if (0 <= l.x0 - lab.x1 <= TINY_LABEL_GAP_EM * l.size
                    and l.size > lab.size * TINY_LABEL_RATIO
                    and lab.bottom >= l.top - BOX_SLACK_PT and lab.top <= l.baseline):
                if not l.lead_label:
                    l.lead_label = lab.text.strip()
                    l.x0 = min(l.x0, lab.x0)
                    used.add(id(lab))
                break
    return [l for l in lines if id(l) not in used] if used else lines


#: A note's label set on the line before its text with a tab or a hanging indent stands at
#: most this many ems (of the note's type) left of it: LibreOffice's and pandoc's ODT tab
#: (0.9 em), groff -ms ``FF 3`` (1.7 em), Word's hanging indent; a table's next column is
#: further.
LABEL_TAB_EM: float = 3.0
#: a piece of a line that is a note label and nothing else: 1, 1., 1), *, †, ①
_LONE_LABEL = re.compile(rf"^{ENCLOSING}?(?:\d{{1,3}}|[*∗†‡§¶]{{1,3}}|[{ANY_CIRCLED}]|{BRACKETED_RE})(?:[.．)]|{ENCLOSING})?$")


def join_side_labels(lines: list[Line], small: float, page_width: float) -> list[Line]:
    """A note label standing alone before its note's text — a tab or a hanging indent
    between them (``1⇥text``) — is read with the text as one line, ``1 text``: the line
    builder broke the row at the tab, wider than a word space, and the labels of a page's
    notes line up one under the other like a narrow column. Only in note type (``small``:
    smaller than the body, where note areas are sought without a rule), the label and the
    text of one row and one size, the text starting within :data:`LABEL_TAB_EM` and ending
    the row (or followed only by another column's notes): a row that goes on with cells
    (``1.  Cᵢ  0.71  0.18``) is a numbered table row."""
    labels = [l for l in lines if l.size <= small and not l.sups and not l.lead_label
              and _LONE_LABEL.match(l.text.strip())]
    if not labels:
        return lines
    gone: set[int] = set()
    for lab in labels:
        if id(lab) in gone:
            continue
        right = [l for l in lines if l is not lab and id(l) not in gone
                 and 0 <= l.x0 - lab.x1 <= LABEL_TAB_EM * l.size
                 and abs(l.size - lab.size) <= SIZE_TOLERANCE
                 and abs(l.baseline - lab.baseline) <= NOTE_ROW_EM * l.size]
        if not right:
            continue
        text = min(right, key=lambda l: l.x0)
        if any(l.x0 >= text.x1 and abs(l.baseline - text.baseline) <= NOTE_ROW_EM * l.size
               and not (_LONE_LABEL.match(l.text.strip()) or _PLAIN_LABEL.match(l.text))
               for l in lines if l is not text):
            continue  # more cells follow on the row: a table's row, not a note's line
        lab.text = lab.text.strip()
        if len(merge_band_lines([lab, text], page_width)) == 1:  # the label's line took the text
            gone.add(id(text))
    return [l for l in lines if id(l) not in gone] if gone else lines


def rows(lines: list[Line]) -> list[Line]:
    """Lines top to bottom, and left to right within a row: pieces of one printed line
    (a URL and the words a justified line pushed far from it) differ a little in height,
    so they are ordered by row — baselines within 0.4 of a line's size — not by ``top``."""
    out: list[Line] = []
    row: list[Line] = []
    for l in sorted(lines, key=lambda l: l.baseline):
        if row and abs(l.baseline - row[0].baseline) > NOTE_ROW_EM * max(l.size, row[0].size):
            out.extend(sorted(row, key=lambda o: o.x0))
            row = []
        row.append(l)
    out.extend(sorted(row, key=lambda o: o.x0))
    return out


#: A return arrow closing a note (↩, with or without its text or emoji variation selector)
#: is the link back to its callout that Markdown processors print (pandoc, Python-Markdown,
#: markdown-it): navigation, not the note's words.
_BACKLINK = re.compile(r"(?:\s*[\u21a9\u21aa\u2934][\ufe0e\ufe0f]?)+\s*$")


def without_backlinks(text: str) -> str:
    """A note's text without the back-link arrows a Markdown processor ends it with."""
    return _BACKLINK.sub("", text)


def parse_notes(area: list[Line], page: int, last: Note | None, words: Lexicon | None = None,
                calls: Counter[str] | None = None) -> tuple[list[Note], Note | None]:
    """Notes of one area; text before the first label continues ``last`` (previous page).
    ``words`` (the document's :func:`~.textjoin.vocabulary`) decides words broken at a
    line's end, as in the text. ``calls``: the raised labels of the page's text, counted
    (the evidence for labels that break the numbering or are glued to the note's words)."""
    notes: list[Note] = []
    cur = None
    left = min(l.x0 for l in area)
    prev_final = False
    calls = calls or Counter()
    prev_line: Line | None = None
    cur_x = left  # where the current note's first line (its label) starts
    for l in rows(area):
        label, text = None, l.text
        if l.lead_label:
            label = l.lead_label
        else:
            m = _PLAIN_LABEL.match(l.text)
            got = _plain(m) if m else ""
            bare = bare_label(l, area, larger=True) if m is None else None
            # a label alone opens a note only where the numbering goes on after a finished note
            # (a figure wrapped to a line's start, its words spaced from it, is the note's text)
            if bare is not None and (_next_label(cur.label, bare) and prev_final if cur is not None
                                     else last is None or last.text.rstrip().endswith(_NOTE_END)):
                label, text = bare, ""  # its words are the row's next pieces
            elif m and (cur is None or _next_label(cur.label, got)
                      or l.x0 <= left + LABEL_EDGE_PT):
                if cur is None or _next_label(cur.label, got) or (
                        prev_final and _called_again(canonical(got), notes, calls)) or (
                        _numbering_starts(cur.label, got) and _called_again(canonical(got), notes, calls)):
                    label, text = canonical(got), l.text[m.end():]
            elif cur is None and not notes:
                first = glued_label(l.text, last, calls, words)
                if first is not None:
                    label, text = first, l.text[len(first):]
            elif cur is not None and prev_final and (l.x0 <= left + LABEL_EDGE_PT
                                                     or abs(l.x0 - cur_x) <= LABEL_EDGE_PT):
                # a label set on the line and glued to a figure ("82020年") or to an
                # option's or a path's first mark ("11--pristine-tar", "3/usr/share"): the
                # next number of the notes, at the area's edge or where the note before
                # opened (labels at a first-line indent), after a finished note
                nxt = _successor(cur.label)
                after = l.text[len(nxt):len(nxt) + 1] if nxt else ""
                if nxt and l.text.startswith(nxt) and (after.isdigit() or after in _GLUED_MARKS):
                    label, text = nxt, l.text[len(nxt):]
                elif nxt and _glued_roman(l.text, nxt, calls, words):
                    label, text = nxt, l.text[len(nxt):]  # ``iiknow him] …`` (LibreOffice)
        box = Box(page, l.x0, l.top, l.x1, l.bottom)
        if label is not None:
            cur_x = l.x0
            cur = Note(label, text.strip(), page, [page], [box], italics=list(l.italics))
            notes.append(cur)
        elif cur is not None:
            cur.italics.extend(l.italics)
            cur.text = _join_piece(cur.text, l.text.strip(), words) if _same_row(prev_line, l) \
                else join2(cur.text, l.text.strip(), words)
            cur.boxes.append(box)
        elif last is not None:
            last.italics.extend(l.italics)
            last.text = join2(last.text, l.text.strip(), words)
            if page not in last.pages:
                last.pages.append(page)
            last.boxes.append(box)
        else:
            cur = Note("", l.text.strip(), page, [page], [box], italics=list(l.italics))
            notes.append(cur)
        prev_final = l.text.rstrip().endswith(_NOTE_END)
        prev_line = l
    return notes, (notes[-1] if notes else last)


#: Marks a label set on the line may be glued to besides a figure: the dashes of a
#: command-line option and the slash of a path that open a note's words.
_GLUED_MARKS = frozenset("-–—/")


def _same_row(prev: Line | None, l: Line) -> bool:
    """Is ``l`` the next piece of the printed line ``prev`` ends (on its row, right of it)?"""
    return prev is not None and l.x0 >= prev.x1 - BOX_SLACK_PT and \
        abs(l.baseline - prev.baseline) <= NOTE_ROW_EM * max(l.size, prev.size)


def _join_piece(a: str, b: str, words: Lexicon | None) -> str:
    """Pieces of one printed line join at the space that parted them: between Latin words a
    space whatever the text before looks like (a URL does not run on into the words after
    it on its own line, as it may across a line break); next to CJK as text joins."""
    if a and b and not is_cjk(a[-1]) and not is_cjk(b[0]):
        return a + " " + b
    return join2(a, b, words)


#: what a finished note ends with
_NOTE_END = tuple(".。!！?？)）”’\"")


def glued_label(text: str, last: Note | None, calls: Counter[str],
                words: Lexicon | None = None) -> str | None:
    """The label of a note area whose first note opens with its label set at full size and
    glued to a figure ("12023年数据…": Word and LibreOffice set the label on the line, with
    no space) or, a roman counter, to a word ("ithe east] …": LibreOffice's 'i, ii, iii'
    numbering): the next label of the notes (1 or i where they start or restart), when the
    page calls it and the last note is finished (else the figure may be that note's words
    running on from the page before)."""
    if last is not None and not last.text.rstrip().endswith(_NOTE_END):
        return None
    for lab in (_successor(last.label) if last is not None else None, "1"):
        if lab and calls[lab] and text.startswith(lab) and text[len(lab):len(lab) + 1].isdigit():
            return lab
    for lab in (_successor(last.label) if last is not None else None, "i", "I"):
        if lab and _glued_roman(text, lab, calls, words):
            return lab
    return None


def _glued_roman(text: str, label: str, calls: Counter[str], words: Lexicon | None) -> bool:
    """Does ``text`` open with the roman label ``label`` glued to the note's first word
    (``ithe``, ``iiknow``)? LibreOffice prints such a label at full size with no space, so
    nothing on the line parts it from a word: only the page's callouts can — the label is
    the one the notes' sequence expects and the page calls it (a raised ``ii`` above) —
    and the glued letters must not be a word of the document (``in``, ``it``, ``ivory``
    open a note's words; the label glued to the word, ``ithe``, is printed nowhere else)."""
    if roman(label) is None or not calls[label] or not text.startswith(label):
        return False
    if not text[len(label):len(label) + 1].isalpha():
        return False
    first = re.match(r"[^\W\d_]+", text)
    glued = first.group().lower() if first else ""
    if words is not None and words.counts[glued]:
        return False  # a word the document prints inside its lines: ``in``, ``it``, ``ivory``
    return True


#: The note symbols a callout may be printed with on the line (``*``, ``†``, ``‡``, ``**``) ...
NOTE_SYMBOLS = "*∗†‡§¶‖"
#: ... as a run glued to the end of a word or its punctuation, and ending it (``clita.*``,
#: ``Sadipscing**``): a dagger after a word is a callout or nothing, and an asterisk
#: glued there is one where a note with it is printed.
GLUED_SYMBOLS = re.compile(rf"(?<=[^\s{NOTE_SYMBOLS}])([{NOTE_SYMBOLS}]{{1,3}})(?=\s|$|[^\w{NOTE_SYMBOLS}])")


def glued_symbols(text: str) -> list[str]:
    """The runs of note symbols glued to words' ends in ``text`` (see :data:`GLUED_SYMBOLS`)."""
    return [m.group(1) for m in GLUED_SYMBOLS.finditer(text)]


def _numbering_starts(prev: str, new: str) -> bool:
    """Does ``new`` open the numbered notes after a symbol note (``1`` after ``†``)? A title's
    and its authors' notes are marked * † (LaTeX's ``\\thanks``) and the text's notes counted
    from 1 under them, on one page."""
    p = prev.replace("∗", "*")
    return bool(p) and set(p) <= set("".join(SYMBOLS)) and label_number(new) == 1


def _called_again(label: str, notes: list[Note], calls: Counter[str]) -> bool:
    """Does the page call ``label`` more often than the area has notes with it so far? Then
    a note opening with it at the area's edge is another note with the same label: marks
    that restart per section or page (* † ‡ per article) repeat on one page."""
    return calls[label] > sum(n.label == label for n in notes)


def _successor(label: str) -> str | None:
    """The label after ``label`` when labels count (2 after 1), else None."""
    n = label_number(label)
    if n is not None and label.isdecimal():
        return str(n + 1)
    r = roman(label)
    return to_roman(r + 1, label.isupper()) if r is not None and r < 39 else None


#: The order of note symbols (LaTeX's \\fnsymbol, Word's and Typst's symbol notes).
SYMBOLS = ("*", "†", "‡", "§", "¶", "‖", "**", "††", "‡‡")


def _next_label(prev: str, new: str) -> bool:
    """Is ``new`` the label after ``prev`` (2 after 1, † after *)?"""
    if label_number(prev) is not None and label_number(new) is not None:
        return label_number(new) == label_number(prev) + 1
    if roman(prev) is not None and roman(new) is not None and prev.isupper() == new.isupper():
        return roman(new) == roman(prev) + 1  # i, ii, iii (before a, b, c: h then i is a letter)
    if len(prev) == len(new) == 1 and prev.islower() and new.islower():
        return ord(new) == ord(prev) + 1  # a, b, c
    p, n = prev.replace("∗", "*"), new.replace("∗", "*")
    if p in SYMBOLS and n in SYMBOLS and SYMBOLS.index(n) == SYMBOLS.index(p) + 1:
        return True
    # the symbols run out and start again doubled (``**`` ``††``, then tripled): where they
    # run out differs by producer — LaTeX after ¶ and ‖, Chicago after #, groff's mom after ‡
    return (len(n) == len(p) + 1 and set(n) == {"*"} and len(set(p)) == 1
            and p[0] in SYMBOLS[:6] and p[0] != "*")


def called(area: NoteArea, lines: list[Line]) -> bool:
    """An unruled note area is believed only if the page calls its first label, in the text
    above it: a note follows its callout, so a raised figure set under the lines (a glyph
    table's ² sample below a numbered line of its own size) calls nothing there. The first
    label may follow the rest of the previous page's note (:func:`_carried_rest`)."""
    first = area.lines[area.carried]
    label = first.lead_label
    if label is None:
        m = re.match(rf"{BRACKETED_RE}|{ENCLOSING}?(\d{{1,3}}|[*∗†‡§¶]{{1,3}}|[{ANY_CIRCLED}])", first.text)
        label = canonical(next(g for g in m.groups() if g)) if m else None
    ids_ = {id(l) for l in area.lines}
    # (a callout after a unit's power reads as one raised group with it: m²¹⁵ as 215)
    return label is not None and any(
        (s.label == label or power_and_label(s.label, label, l.text[:s.offset])) and s.top < first.top
        for l in lines if id(l) not in ids_ for s in l.sups)
