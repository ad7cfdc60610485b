"""The note area at the foot of a page (per column) and the notes in it.

A note area is what lies under a short separator rule, or failing a rule, a block of
smaller type at the bottom of a column that opens with a label. Notes start at a raised
label or at the next number in sequence; a note area that opens without a label
continues the last note of the previous page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pariter.model import Box

from .chars import RULE_THICKNESS, Rule
from .labels import ANY_CIRCLED, canonical
from .labels import number as label_number
from .lines import Line
from .styles import DISPLAY_RATIO
from .textjoin import Lexicon, join2

# a label set on the line: followed by a stop, a space, a letter or an opening mark — Latin
# quotes and brackets, and the CJK ones citations open with (《书名》, 〔2021〕, 「」, 【】)
_PLAIN_LABEL = re.compile(rf"^(\d{{1,3}}|[*∗†‡§¶]{{1,3}}|[{ANY_CIRCLED}])"
                          r"(?:[.．)](?!\d)\s*|\s+|(?=[^\W\d_]|[“\"'‘(（\[<《〈「『【〔［〖]))(?=\S)")


@dataclass(slots=True)
class Note:
    label: str
    text: str
    page: int
    pages: list[int] = field(default_factory=list)
    boxes: list[Box] = field(default_factory=list)
    #: "foot" at the foot of a page, "end" in a Notes section (:mod:`.endnotes`)
    place: str = "foot"


@dataclass(slots=True)
class NoteArea:
    """Lines forming one note area; ``ruled`` when found under a separator rule (rather
    than by type size alone, which needs the page to call its first label)."""

    lines: list[Line]
    ruled: bool

    @property
    def labelled(self) -> bool:
        """Does the area open with a note label (rather than run on a note)?"""
        first = self.lines[0]
        return bool(first.lead_label or _PLAIN_LABEL.match(first.text))


#: A footnote separator is a short rule: at least this long (points) ...
RULE_MIN = 15.0
#: ... and at most this share of the page's width (a full-width rule is a border).
RULE_MAX_SHARE = 0.62
#: ... and of its column's width (LaTeX draws 40 %, Word a third, LibreOffice a quarter;
#: a table's rules span the table).
RULE_COLUMN_SHARE = 0.6
#: ... below this share of the page's height (notes sit at the foot).
RULE_LOW_SHARE = 0.4
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
    small = NOTE_SIZE_SHARE * body
    for r in sorted(rules, key=lambda r: r.top):
        w = r.x1 - r.x0
        if not (r.bottom - r.top <= RULE_THICKNESS and RULE_MIN <= w <= RULE_MAX_SHARE * width
                and r.top > RULE_LOW_SHARE * height):
            continue
        if any(0 <= r.top - l.bottom <= UNDERLINE_GAP_PT and l.x0 < r.x1 and l.x1 > r.x0
               for l in lines):
            continue  # an underline (a link), not a separator
        col = _column_of(r, lines)
        if col is None:
            continue  # not flush with a column of text: a table's or a figure's rule
        lo, hi = col
        if w > RULE_COLUMN_SHARE * (hi - lo):
            continue  # as wide as its column: a table's or a box's rule
        below = sorted((l for l in lines if id(l) not in taken and l.top >= r.bottom - RULE_SLACK_PT
                        and lo - AREA_LEFT_SLACK_PT <= l.x0 < hi - AREA_RIGHT_EM * l.size),
                       key=lambda l: (l.top, l.x0))
        area: list[Line] = []
        prev_bottom = r.bottom
        for l in below:
            if _ends_area(area, l, prev_bottom):
                break
            area.append(l)
            prev_bottom = max(prev_bottom, l.bottom)
        if not area:
            continue
        labelled = bool(area[0].lead_label or _PLAIN_LABEL.match(area[0].text))
        if any(l.size > small for l in area):
            # notes as large as the text (Word): only at the foot of the column, opening
            # with a label — not text under a box's or a table's rule
            foot = not any(l.top > prev_bottom + BOX_SLACK_PT and id(l) not in taken and lo <= l.x0 < hi
                           and l.size > small for l in lines)
            # (or, unlabelled, the rest of the previous page's unfinished note)
            if not ((labelled or running_on) and foot):
                continue
        areas.append(NoteArea(area, True))
        taken.update(id(l) for l in area)
    # no rule: a block of small type at the bottom of a column, opening with a label
    for seed in sorted(lines, key=lambda l: l.top):
        if id(seed) in taken or seed.top < NO_RULE_LOW_SHARE * height or seed.size > small:
            continue
        if not (seed.lead_label or _PLAIN_LABEL.match(seed.text)):
            continue
        # a raised label opening the seed stands left of its text, where the note's next
        # lines start (¹ text … / text …): the column begins at the label, not at the text
        left = seed.x0 - SEED_COLUMN_SLACK_PT - (LEAD_LABEL_EM * seed.size if seed.lead_label else 0)
        col = [l for l in lines if id(l) not in taken and l.top >= seed.top - BOX_SLACK_PT
               and left <= l.x0
               <= seed.x0 + 0.5 * (seed.x1 - seed.x0) + SEED_COLUMN_SLACK_PT]
        col.sort(key=lambda l: (l.top, l.x0))
        area, prev_bottom, ok = [], seed.top, True
        for l in col:
            if l.size > small:
                ok = False  # body text below: not at the foot of the column
                break
            if _ends_area(area, l, prev_bottom):
                break
            area.append(l)
            prev_bottom = max(prev_bottom, l.bottom)
        below = [l for l in lines if id(l) not in taken and l.top > prev_bottom + BOX_SLACK_PT
                 and l.size > small and l.x1 > seed.x0 and l.x0 < seed.x1]
        if ok and area and not below:
            areas.append(NoteArea(area, False))
            taken.update(id(l) for l in area)
    return areas


def _column_of(r: Rule, lines: list[Line]) -> tuple[float, float] | None:
    """The x-extent of the column a separator rule heads: the lines above it that start
    where it starts (a note rule is flush with its column's left edge); None when no
    line of text starts there."""
    above = [l for l in lines if l.bottom <= r.top + BOX_SLACK_PT
             and abs(l.x0 - r.x0) <= max(l.size, RULE_FLUSH_MIN_PT)]
    if not above:
        return None
    return min(r.x0, min(l.x0 for l in above)), max(r.x1, max(l.x1 for l in above))


def _ends_area(area: list[Line], l: Line, prev_bottom: float) -> bool:
    """Does ``l`` no longer belong to the note area ``area`` (lines so far)?"""
    if not area:
        return l.top - prev_bottom > FIRST_LINE_GAP_EM * l.size
    size = sorted(a.size for a in area)[len(area) // 2]
    if l.size > DISPLAY_RATIO * max(size, area[0].size) and not l.lead_label:
        return True  # larger type: a box or a heading under the notes
    return l.top - prev_bottom > AREA_GAP_EM * max(size, l.size)


def _continues(l: Line) -> bool:
    return bool(l.text) and not l.lead_label


def attach_tiny_labels(lines: list[Line]) -> list[Line]:
    """A lone tiny label line (3.5pt digits) just left of a note line becomes its label."""
    labels = [l for l in lines if re.fullmatch(r"\d{1,3}|[*∗†‡]", l.text.strip()) and not l.sups]
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


def parse_notes(area: list[Line], page: int, last: Note | None, words: Lexicon | None = None
                ) -> tuple[list[Note], Note | None]:
    """Notes of one area; text before the first label continues ``last`` (previous page).
    ``words`` (the document's :func:`~.textjoin.vocabulary`) decides words broken at a
    line's end, as in the text."""
    notes: list[Note] = []
    cur = None
    left = min(l.x0 for l in area)
    prev_final = False
    for l in rows(area):
        label, text = None, l.text
        if l.lead_label:
            label = l.lead_label
        else:
            m = _PLAIN_LABEL.match(l.text)
            if m and (cur is None or _next_label(cur.label, m.group(1))
                      or l.x0 <= left + LABEL_EDGE_PT):
                if cur is None or _next_label(cur.label, m.group(1)):
                    label, text = canonical(m.group(1)), l.text[m.end():]
            elif cur is not None and prev_final and l.x0 <= left + LABEL_EDGE_PT:
                # a label set on the line at full size and glued to a figure ("82020年"):
                # the next number of the notes, at the area's edge, after a finished note
                nxt = _successor(cur.label)
                if nxt and l.text.startswith(nxt) and l.text[len(nxt):len(nxt) + 1].isdigit():
                    label, text = nxt, l.text[len(nxt):]
        box = Box(page, l.x0, l.top, l.x1, l.bottom)
        if label is not None:
            cur = Note(label, text.strip(), page, [page], [box])
            notes.append(cur)
        elif cur is not None:
            cur.text = join2(cur.text, l.text.strip(), words)
            cur.boxes.append(box)
        elif last is not None:
            last.text = join2(last.text, l.text.strip(), words)
            if page not in last.pages:
                last.pages.append(page)
            last.boxes.append(box)
        else:
            cur = Note("", l.text.strip(), page, [page], [box])
            notes.append(cur)
        prev_final = l.text.rstrip().endswith(_NOTE_END)
    return notes, (notes[-1] if notes else last)


#: what a finished note ends with
_NOTE_END = tuple(".。!！?？)）”’\"")


def _successor(label: str) -> str | None:
    """The label after ``label`` when labels count (2 after 1), else None."""
    n = label_number(label)
    return str(n + 1) if n is not None and label.isdecimal() else None


#: The order of note symbols (LaTeX's \\fnsymbol, Word's and Typst's symbol notes).
SYMBOLS = ("*", "†", "‡", "§", "¶", "‖", "**", "††", "‡‡")


def _next_label(prev: str, new: str) -> bool:
    """Is ``new`` the label after ``prev`` (2 after 1, † after *)?"""
    if label_number(prev) is not None and label_number(new) is not None:
        return label_number(new) == label_number(prev) + 1
    if len(prev) == len(new) == 1 and prev.islower() and new.islower():
        return ord(new) == ord(prev) + 1  # a, b, c
    p, n = prev.replace("∗", "*"), new.replace("∗", "*")
    return p in SYMBOLS and n in SYMBOLS and SYMBOLS.index(n) == SYMBOLS.index(p) + 1


def called(area: NoteArea, lines: list[Line]) -> bool:
    """An unruled note area is believed only if the page calls its first label."""
    first = area.lines[0]
    label = first.lead_label
    if label is None:
        m = re.match(rf"(\d{{1,3}}|[*∗†‡§¶]{{1,3}}|[{ANY_CIRCLED}])", first.text)
        label = canonical(m.group(1)) if m else None
    ids_ = {id(l) for l in area.lines}
    return label is not None and any(s.label == label for l in lines if id(l) not in ids_
                                     for s in l.sups)
