"""Running headers, footers and page numbers: found by position and repetition.

A line is running matter when it sits at the page's top or bottom edge and is either a
page number in one of the usual forms or text that recurs (digits ignored) at the same
place on other pages. Lines sharing a baseline with a page number at the edge go too:
a header such as ``2.4 章标题显示风格 –3/11–`` repeats a heading and must not become one.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from pariter.model import Box, Running

from .footnotes import plain_label
from .labels import roman, to_roman
from .layout import RUN_IN_GAP_EM
from .lines import SIZE_TOLERANCE, Line
from .styles import DEFAULT_LEADING, DISPLAY_RATIO, NEIGHBOUR_MIN_STEP_EM, PITCH_RANGE

#: A page number line holds at most this many characters (``第 12 页，共 240 页``).
PAGE_NUMBER_MAX_CHARS = 24
#: With no body size known, no line is too large to be running matter.
UNKNOWN_BODY: float = 1000.0
#: The printed area's top and bottom are those of the page this far into the sorted
#: pages (1/10: a cover or a bleed image on a few pages does not decide).
PRINT_EDGE_RANK = 10
#: A repeated header or footer keeps its place within bands of this many points.
SLOT_PT = 20
#: A repeated running line recurs on this share of the pages (and on 2 at least) ...
REPEAT_SHARE: float = 0.2
REPEAT_MIN_PAGES = 2
#: ... and is shorter than this many characters (longer is text).
RUNNING_MAX_CHARS = 200
#: Lines on one row at the edge (the outermost, a page number's) stand within this many ems.
NUMBER_ROW_EM: float = 0.5
#: A "page number" beside a line longer than this on its row is a number in the text.
TEXT_LINE_CHARS = 40
#: The header and footer bands: this share of the page's height from the print's edges ...
EDGE_BAND: float = 0.11
#: ... holding at most this many rows nearest the edge (rows: baselines within
#: :data:`EDGE_ROW_PT` points).
EDGE_ROWS = 2
EDGE_ROW_PT: float = 2

_PAGE_NUMBER = [
    re.compile(r"^[-–—~\s]*(\d{1,4})[-–—~\s]*$"),
    re.compile(r"^[-–—]?\s*(\d{1,4})\s*/\s*\d{1,4}\s*[-–—]?$"),
    re.compile(r"^(?:page|p\.)\s*(\d{1,4})(?:\s*(?:of|/)\s*\d{1,4})?$", re.I),
    re.compile(r"^第\s*(\d{1,4})\s*页(?:\s*[，,/]?\s*共\s*\d+\s*页)?$"),
    re.compile(r"^(?:共\s*\d+\s*页\s*)?第\s*(\d{1,4})\s*页$"),
    re.compile(r"^[-–—\s]*([ivxlcdm]{1,7}|[IVXLCDM]{1,7})[-–—\s]*$"),
    re.compile(r"^[-–—\s]*([一二三四五六七八九十百]+)[-–—\s]*$"),
]


def page_number(text: str) -> str | None:
    """The printed page label if ``text`` is only a page number, else None."""
    t = text.strip()
    if not t or len(t) > PAGE_NUMBER_MAX_CHARS:
        return None
    for rx in _PAGE_NUMBER:
        m = rx.match(t)
        if m:
            return m.group(1)
    return None


def _shape(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


def find_running(pages: list[list[Line]], heights: list[float],
                 body: float = UNKNOWN_BODY) -> list[list[tuple[Line, str]]]:
    """For each page, the running lines and their kind ("header", "footer", "page_number")."""
    cands: list[list[tuple[Line, str]]] = []
    shapes: Counter[tuple[str, str, int]] = Counter()
    texts: Counter[tuple[str, str, int]] = Counter()  # the same, digits kept
    runs: dict[tuple[str, str, int], Counter[int]] = {}  # a shape's numbers less their page
    # where the printed area begins and ends: a B5 text block on A4 paper puts its header
    # far below the paper's edge, so the bands are measured from the print, not the paper
    tops = sorted(min(l.top for l in ls) for ls in pages if ls)
    bottoms = sorted(max(l.bottom for l in ls) for ls in pages if ls)
    top_ref = tops[len(tops) // PRINT_EDGE_RANK] if tops else 0.0
    for i, (lines, h) in enumerate(zip(pages, heights)):
        bottom_ref = bottoms[-1 - len(bottoms) // PRINT_EDGE_RANK] if bottoms else h
        edge = _edge_lines(lines, h, top_ref, bottom_ref)
        cands.append(edge)
        seen = set()
        for l, where in edge:
            key = (where, _shape(l.text), int(l.top // SLOT_PT) if where == "header"
                   else int((h - l.bottom) // SLOT_PT))
            if key not in seen:
                shapes[key] += 1
                texts[(where, _squash(_printed(l)), key[2])] += 1
                runs.setdefault(key, Counter()).update(_page_offsets(_printed(l), i))
                seen.add(key)
    npages = len(pages)
    pitch = _pitches(pages)
    folios = [[l for l, _ in edge if _folio_like(l, edge, body)] for edge in cands]
    offsets = _folio_offsets(folios)
    out: list[list[tuple[Line, str]]] = []
    for i, (lines, edge, h) in enumerate(zip(pages, cands, heights)):
        found: list[tuple[Line, str]] = []
        numbers = []
        for l, where in edge:
            if l.size > DISPLAY_RATIO * body:
                continue  # running matter is set no larger than the text (a heading is)
            if any(l is f for f in folios[i]) and not (
                    _among_cells(l, edge, shapes, h, npages)
                    and (_out_of_sequence(l, i, offsets) or _heads_a_count(l, edge, lines))):
                found.append((l, "page_number"))
                numbers.append(l)
                continue
            key = (where, _shape(l.text), int(l.top // SLOT_PT) if where == "header"
                   else int((h - l.bottom) // SLOT_PT))
            if (npages >= REPEAT_MIN_PAGES
                    and shapes[key] >= max(REPEAT_MIN_PAGES, int(REPEAT_SHARE * npages))
                    and _repeated(l, i, key, texts, runs)
                    and len(l.text) < RUNNING_MAX_CHARS and l.size <= DISPLAY_RATIO * body
                    and not _opens_a_text_row(l, edge, shapes, h, npages)
                    and not (where == "footer" and (_ends_block_above(
                        l, lines, edge, shapes, h,
                        pitch.get(round(l.size * 2) / 2, DEFAULT_LEADING * l.size))
                        or _a_called_note(l, lines)))):
                found.append((l, where))
        # pieces on the page number's baseline are running matter too
        for l, where in edge:
            if any(l is f for f, _ in found):
                continue
            if any(abs(l.baseline - n.baseline) < NUMBER_ROW_EM * n.size for n in numbers):
                found.append((l, where))
        out.append(found)
    _varying(pages, cands, out, body)
    _margins(pages, out)
    _artifacts(pages, heights, out)
    return out


def _printed(l: Line) -> str:
    """The line's text with its raised labels put back where they stand: a line that
    recurs with another callout each time ("… here.²⁰", "… here.⁴¹") is text that happens
    to repeat, not running matter, which prints its raised labels the same each time."""
    if not l.sups:
        return l.text
    out, at = [], 0
    for s in sorted(l.sups, key=lambda s: s.offset):
        out.append(l.text[at:s.offset])
        out.append(f"^{s.label}")
        at = s.offset
    out.append(l.text[at:])
    return "".join(out)


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _page_offsets(text: str, i: int) -> set[int]:
    """Each number in ``text`` less the index ``i`` of its page: a number that runs with
    the pages (a folio inside a header line) keeps one offset from page to page."""
    return {int(d) - i for d in re.findall(r"\d{1,6}", text)}


def _repeated(l: Line, i: int, key: tuple[str, str, int], texts: Counter[tuple[str, str, int]],
              runs: dict[tuple[str, str, int], Counter[int]]) -> bool:
    """Does the line of a recurring shape (digits ignored) recur as running matter does:
    its very text printed in its place on another page too, or its numbers running with
    the pages ("Page 3", "2 Chapter 1")? A line whose text stands once, with a number that
    does not follow the pages, is a numbered part of the text set in one place on each
    of its pages: a chapter's "Chapter 2" over its title on each chapter's first page."""
    if texts[(key[0], _squash(_printed(l)), key[2])] >= REPEAT_MIN_PAGES:
        return True
    mine = _page_offsets(_printed(l), i)
    return not mine or any(runs[key][o] >= REPEAT_MIN_PAGES for o in mine)


def _folio_like(l: Line, edge: list[tuple[Line, str]], body: float) -> bool:
    """Is the edge line ``l`` printed like a page number: only a number in one of the usual
    forms, on the outermost row at its edge, not beside a line of text?"""
    return (l.size <= DISPLAY_RATIO * body and page_number(l.text) is not None
            and id(l) in _outer_rows(edge) and not any(
                o is not l and abs(o.baseline - l.baseline) < NUMBER_ROW_EM * l.size
                and len(o.text) > TEXT_LINE_CHARS for o, _ in edge))


def _folio_offsets(folios: list[list[Line]]) -> Counter[int]:
    """How many pages print an arabic page number whose value is its page's index plus
    each offset: a document's folios run with its pages (one offset; a new one where the
    numbering restarts), numbers in its text do not."""
    offsets: Counter[int] = Counter()
    for i, ls in enumerate(folios):
        offsets.update({int(v) - i for l in ls if (v := page_number(l.text) or "").isdigit()})
    return offsets


def _out_of_sequence(l: Line, i: int, offsets: Counter[int]) -> bool:
    """Does the arabic number ``l`` on page index ``i`` disagree with the document's page
    numbering: no other page prints a number at the same offset from its index, while
    some other page does print one?"""
    v = page_number(l.text) or ""
    if not v.isdigit():
        return False
    return offsets[int(v) - i] < REPEAT_MIN_PAGES and sum(offsets.values()) > 1


#: The next label of a count stands under the first within this many of its line heights.
COUNT_NEXT_LINES: float = 3.0


def _heads_a_count(l: Line, edge: list[tuple[Line, str]], lines: list[Line]) -> bool:
    """Is the number ``l`` the first label of a list rather than a folio: words follow it on
    its row, and the line under it, at its left edge, opens with the next number in the
    same form ("i 水位计…" over "ii 样品…": LibreOffice's endnotes heading their page)?"""
    v = page_number(l.text) or ""
    n = int(v) if v.isdigit() else roman(v)
    if n is None:
        return False
    nxt = str(n + 1) if v.isdigit() else to_roman(n + 1, v.isupper())
    if not any(o is not l and abs(o.baseline - l.baseline) < NUMBER_ROW_EM * l.size and o.x0 >= l.x1
               for o, _ in edge):
        return False
    reach = COUNT_NEXT_LINES * max(1.0, l.bottom - l.top)
    return any(o is not l and 0 < o.top - l.top <= reach and abs(o.x0 - l.x0) <= 1.0
               and re.match(rf"{re.escape(nxt)}(?:[.．)]|\s|$)", o.text) for o in lines)


def _among_cells(l: Line, edge: list[tuple[Line, str]], shapes: Counter[tuple[str, str, int]],
                 h: float, npages: int) -> bool:
    """Does the number ``l`` share its row with text that is not running matter itself (no
    repeated shape at its place)? A table's row that a page break leaves at the page's
    edge ("Quadratic  3  0.968  0.27") has its numbers among cells; a folio stands alone
    or beside other running matter ("Confidential   3", a chapter's title in the header)."""
    for o, where in edge:
        if o is l or abs(o.baseline - l.baseline) >= NUMBER_ROW_EM * l.size:
            continue
        key = (where, _shape(o.text), int(o.top // SLOT_PT) if where == "header"
               else int((h - o.bottom) // SLOT_PT))
        if shapes[key] < max(REPEAT_MIN_PAGES, int(REPEAT_SHARE * npages)):
            return True
    return False


def _opens_a_text_row(l: Line, edge: list[tuple[Line, str]], shapes: Counter[tuple[str, str, int]],
                      h: float, npages: int) -> bool:
    """Is ``l`` the head of a row of text — a clause or list number set apart from its words
    ("3.1 Each public body shall …" at the top of a page, under a heading), a caption's
    label ("表 1  fduthesis 的主要组成部分": LaTeX sets its tables at the top of pages) — rather
    than a running line? Its row holds, right of it, text whose own shape does not recur:
    a line longer than TEXT_LINE_CHARS, or any text as close as a run-in label's
    (RUN_IN_GAP_EM; a header's pieces stand apart at the page's sides). Numbers of the
    same form at the same height on a few pages are the text's when the words beside them
    are new on every page."""
    for o, where in edge:
        if o is l or abs(o.baseline - l.baseline) >= NUMBER_ROW_EM * l.size or o.x0 < l.x1:
            continue
        key = (where, _shape(o.text), int(o.top // SLOT_PT) if where == "header"
               else int((h - o.bottom) // SLOT_PT))
        if (len(o.text) > TEXT_LINE_CHARS or o.x0 - l.x1 <= RUN_IN_GAP_EM * l.size) \
                and shapes[key] < max(REPEAT_MIN_PAGES, int(REPEAT_SHARE * npages)):
            return True
    return False


#: A tagged PDF's /Artifact lines count as running matter within this share of the page
#: from its top or bottom edge (decorations elsewhere are left to the other rules).
ARTIFACT_BAND = 0.2


def _artifacts(pages: list[list[Line]], heights: list[float],
               out: list[list[tuple[Line, str]]]) -> None:
    """What a tagged PDF marks as /Artifact at a page's top or bottom — its producer's
    own word that the line is a header, a footer or a page number, not content."""
    for lines, h, found in zip(pages, heights, out):
        taken = {id(l) for l, _ in found}
        for l in lines:
            if id(l) in taken or l.tag != "Artifact":
                continue
            if l.bottom <= ARTIFACT_BAND * h:
                found.append((l, "page_number" if page_number(l.text) else "header"))
            elif l.top >= (1 - ARTIFACT_BAND) * h:
                found.append((l, "page_number" if page_number(l.text) else "footer"))


#: A header or footer slot must be filled on this share of the pages (and on 3 at least).
SLOT_SHARE = 0.3
SLOT_MIN_PAGES = 3
#: Such a slot is a baseline within bands of this many points, in one size.
BASELINE_SLOT_PT = 3
#: The line pitch under a line is looked for among this many lines below it.
PITCH_LOOKAHEAD = 5
#: ... by a line set apart from the text by this many of its line heights, and by this
#: many of the document's line pitches (the text's first line is one pitch from the next).
APART = 1.8
APART_PITCHES = 1.4
#: Lines overlapping the running line by this many points still lie beyond it.
TOUCH_PT: float = 1
#: A rotated slug lies in the margin: outside the upright text, within this many points.
MARGIN_SLACK_PT: float = 2


def _varying(pages: list[list[Line]], cands: list[list[tuple[Line, str]]],
             out: list[list[tuple[Line, str]]], body: float) -> None:
    """Running matter whose text varies (the chapter's title in the header, a section
    name): the outermost line at the top or bottom that sits at the same height, in the
    same type, on many pages, set apart from the text by a wide gap. The first line of
    the text sits at one height on every page too, but its next line follows at the
    document's line pitch."""
    npages = len(pages)
    if npages < SLOT_MIN_PAGES:
        return
    pitch = _pitches(pages)
    slots: Counter[tuple[str, int, float]] = Counter()
    keyed: list[list[tuple[Line, str, tuple[str, int, float]]]] = []
    for lines, edge, found in zip(pages, cands, out):
        taken = {id(l) for l, _ in found}
        mine = []
        outer = _outer_rows(edge)
        for l, where in edge:
            if (id(l) in taken or id(l) not in outer or l.size > DISPLAY_RATIO * body
                    or len(l.text) > RUNNING_MAX_CHARS):
                continue
            if l.lead_label or l.sups:
                continue  # a one-line footnote at the foot of each page, or a callout
            gap = _apart(l, lines, where, pitch.get(round(l.size * 2) / 2, DEFAULT_LEADING * l.size))
            if gap is False:
                continue
            key = (where, round(l.baseline / BASELINE_SLOT_PT), round(l.size * 2) / 2)
            mine.append((l, where, key, gap is None))
        # a slot is shown to hold running matter by pages with text beyond it: a line with
        # nothing beyond it on its page (the one line of each page of a test sheet) is that
        # page's text, unless other pages show its slot is a header's or a footer's
        for k in {k for _, _, k, alone in mine if not alone}:
            slots[k] += 1
        keyed.append([(l, where, key) for l, where, key, _ in mine])
    need = max(SLOT_MIN_PAGES, SLOT_SHARE * npages)
    chosen = [(l, where, found) for mine, found in zip(keyed, out)
              for l, where, key in mine if slots[key] >= need]
    again = Counter(_fold(l.text) for l, _, _ in chosen)
    edge_ids = {id(l) for edge in cands for l, _ in edge}
    body: list[str] | None = None
    for l, where, found in chosen:
        if again[_fold(l.text)] < REPEAT_MIN_PAGES:
            if body is None:
                body = [t for ls in pages for o in ls if id(o) not in edge_ids
                        and _weight(t := _fold(_entry_title(o.text))) >= ECHO_MIN_CHARS]
            # the line, or the row of running pieces it stands in ("第一章" beside
            # "创造天地": the chapter's heading "第一章 创造天地" told in two pieces)
            row = "".join(_fold(o.text) for o, w, f in sorted(chosen, key=lambda x: x[0].x0)
                          if f is found and w == where
                          and abs(o.baseline - l.baseline) < NUMBER_ROW_EM * l.size)
            if not (_echoes(_fold(l.text), body) or _echoes(row, body)):
                continue
        found.append((l, where))


#: A running line repeats a line of the text when the shorter of the two, of at least this
#: many characters (an ideograph counts two), is inside the longer and at least
#: :data:`ECHO_SHARE` of its length.
ECHO_MIN_CHARS = 4
ECHO_SHARE = 0.5


def _weight(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _fold(text: str) -> str:
    return re.sub(r"\s+", "", text).casefold()


#: a contents entry's leader dots and the page number after them
_LEADERS = re.compile(r"\s*(?:[.．·…⋯]\s*){3,}\s*\S{0,8}\s*$")


def _entry_title(text: str) -> str:
    """The title a contents entry names, without its leader dots and page number: a
    one-page chapter's header ("Acknowledgments") echoes its contents entry
    ("Acknowledgments ........ 18") where the chapter's own heading, near the page's top
    edge, is no line of the text the echo is sought in."""
    return _LEADERS.sub("", text)


def _echoes(t: str, body: list[str]) -> bool:
    """Does the running line ``t`` (folded) repeat a line of the text: a chapter's or a
    section's title that a header carries ("CHAPTER 1. SITES AND SEASONS" over the pages
    of "Sites and Seasons")? Running matter is printed again and again or repeats what
    the text prints; a line that stands once in its place and nowhere else in the text
    (a chapter's "Chapter 2" label over its title on the chapter's first page) is text."""
    for b in body:
        short, long_ = (b, t) if len(b) <= len(t) else (t, b)
        if len(short) >= ECHO_SHARE * len(long_) and short in long_:
            return True
    return False


#: A line follows the one above it in one block when its baseline is at most this many of
#: the document's line pitches (for its type size) lower: justified and stretched pages
#: (LaTeX's flush bottom) widen a pitch by a little, a footer's gap is far wider.
BLOCK_PITCHES: float = 1.25
#: A short last line ("日。") may end left of where the line above begins, when that line
#: opens with a raised label kept out of its text: the two overlap within this many ems.
HANG_EM: float = 2.0


def _ends_block_above(l: Line, lines: list[Line], edge: list[tuple[Line, str]],
                      shapes: Counter, h: float, pitch: float | None) -> bool:
    """Is the repeated bottom line ``l`` the last line of a block (a note, a paragraph)
    whose line above, in its type and at its pitch, is not repeated matter itself? A
    note's last words recur ("Ibid.", "同上。", a note reprinted) at the foot of several
    pages; a footer is set apart from the text, or under another footer line."""
    if pitch is None:
        return False
    repeated = {id(o) for o, where in edge
                if shapes[(where, _shape(o.text), int((h - o.bottom) // SLOT_PT))] >= REPEAT_MIN_PAGES
                and o is not l}
    for o in lines:
        if (o is not l and id(o) not in repeated and abs(o.size - l.size) < SIZE_TOLERANCE
                and o.x0 < l.x1 + HANG_EM * l.size and l.x0 < o.x1
                and NEIGHBOUR_MIN_STEP_EM * l.size < l.baseline - o.baseline <= BLOCK_PITCHES * pitch):
            return True
    return False


def _a_called_note(l: Line, lines: list[Line]) -> bool:
    """Is the repeated bottom line ``l`` a one-line note under the page's other notes: it
    opens with a label that the text above calls with a raised callout, and a line of its
    type stands right above it, no further than a gap between notes (notes set apart by a
    little space are not one block at the text's pitch)? The same short note ("Ibid.",
    "Cited from the second volume") recurs at the foot of pages, numbered differently."""
    label = plain_label(l.text)
    if label is None:
        return False
    if not any(s.label == label for o in lines if o.bottom <= l.top for s in o.sups):
        return False
    return any(o is not l and abs(o.size - l.size) < SIZE_TOLERANCE and o.x0 < l.x1 and l.x0 < o.x1
               and NEIGHBOUR_MIN_STEP_EM * l.size < l.baseline - o.baseline <= APART * l.size
               for o in lines)


def _pitches(pages: list[list[Line]]) -> dict[float, float]:
    """The commonest baseline step between a line and the next one down that overlaps it,
    per type size, over the document: the pitch a header's gap must exceed."""
    steps: dict[float, Counter[float]] = {}
    for lines in pages:
        ls = sorted(lines, key=lambda l: l.baseline)
        for i, a in enumerate(ls):
            for b in ls[i + 1:i + 1 + PITCH_LOOKAHEAD]:
                if abs(a.size - b.size) < SIZE_TOLERANCE and b.x0 < a.x1 and a.x0 < b.x1 \
                        and PITCH_RANGE[0] * a.size <= b.baseline - a.baseline <= PITCH_RANGE[1] * a.size:
                    steps.setdefault(round(a.size * 2) / 2, Counter())[
                        round((b.baseline - a.baseline) * 2) / 2] += 1
                    break
    return {k: c.most_common(1)[0][0] for k, c in steps.items()}


def _apart(l: Line, lines: list[Line], where: str, pitch: float) -> bool | None:
    """Is ``l`` set apart from the page's other lines by a gap clearly wider than the
    line pitch? None when there is no line beyond it to be apart from."""
    if where == "header":
        nxt = [o.baseline - l.baseline for o in lines if o is not l and o.top > l.bottom - TOUCH_PT
               and abs(o.baseline - l.baseline) > NEIGHBOUR_MIN_STEP_EM * l.size]
    else:
        nxt = [l.baseline - o.baseline for o in lines if o is not l and o.bottom < l.top + TOUCH_PT
               and abs(o.baseline - l.baseline) > NEIGHBOUR_MIN_STEP_EM * l.size]
    if not nxt:
        return None
    return min(nxt) >= max(APART * l.size, APART_PITCHES * pitch)


def _margins(pages: list[list[Line]], out: list[list[tuple[Line, str]]]) -> None:
    """Rotated slugs in a page's margin (arXiv's identifier up the left edge, a journal's
    running title along the side): lines set mostly not upright, beside the text."""
    for lines, found in zip(pages, out):
        taken = {id(l) for l, _ in found}
        upright = [l for l in lines if l.upright >= 0.5]
        if not upright:
            continue
        left = min(l.x0 for l in upright)
        right = max(l.x1 for l in upright)
        for l in lines:
            if id(l) in taken or l.upright >= 0.5:
                continue
            if l.x1 <= left + MARGIN_SLACK_PT or l.x0 >= right - MARGIN_SLACK_PT:
                found.append((l, "margin"))


def _outer_rows(edge: list[tuple[Line, str]]) -> set[int]:
    """Lines on the outermost row at the top and at the bottom."""
    out: set[int] = set()
    for where in ("header", "footer"):
        ls = [l for l, w in edge if w == where]
        if not ls:
            continue
        if where == "header":
            edge_bl = min(l.baseline for l in ls)
        else:
            edge_bl = max(l.baseline for l in ls)
        out.update(id(l) for l in ls if abs(l.baseline - edge_bl) < NUMBER_ROW_EM * l.size)
    return out


def _edge_lines(lines: list[Line], h: float, top_ref: float = 0.0,
                bottom_ref: float | None = None) -> list[tuple[Line, str]]:
    """Lines in the top or bottom band of the printed area (from ``top_ref`` down, from
    ``bottom_ref`` up) with at most two other lines closer to the edge."""
    if not lines:
        return []
    out = []
    tops = sorted(lines, key=lambda l: l.top)
    bottoms = sorted(lines, key=lambda l: -l.bottom)
    band = EDGE_BAND * h
    rows_seen: list[float] = []
    for l in tops:
        if l.top > max(top_ref, 0.0) + band:
            break
        if not any(abs(l.baseline - b) < EDGE_ROW_PT for b in rows_seen):
            rows_seen.append(l.baseline)
        if len(rows_seen) > EDGE_ROWS:
            break
        out.append((l, "header"))
    rows_seen = []
    floor = h if bottom_ref is None else min(h, bottom_ref)
    for l in bottoms:
        if l.bottom < floor - band:
            break
        if not any(abs(l.baseline - b) < EDGE_ROW_PT for b in rows_seen):
            rows_seen.append(l.baseline)
        if len(rows_seen) > EDGE_ROWS:
            break
        if not any(l is o for o, _ in out):
            out.append((l, "footer"))
    return out


def to_running(l: Line, kind: str) -> Running:
    return Running(l.text, kind, Box(l.page, l.x0, l.top, l.x1, l.bottom))  # type: ignore[arg-type]
