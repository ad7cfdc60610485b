"""Endnotes: a Notes section (Notes, Endnotes, 注释, 尾注) whose numbered entries the text
calls with raised labels, the way it calls footnotes — or a numbered list with no title that
the PDF itself shows to be the notes.

A Notes section is a title line of its own followed by entries that open with the next
label in sequence (1, 2, 3 … or ① ② ③ — raised or printed plain, ``1.`` ``1`` ``[1]`` ``〔1〕``); an entry's
other lines continue it. It is believed only when the text before it calls most of its
labels with raised callouts: a numbered list under a heading called "Notes" is not
endnotes unless something points at it. Each section's entries become notes with
``place="end"``; callouts are linked to the first section after them that has their
label (chapters may restart their notes).

A list with no title (a web page or an e-book printed to PDF: pandoc's and most Markdown
processors' HTML end with a rule and an ordered list; LibreOffice prints its endnotes on a
page of their own) is believed on the evidence the PDF carries, not on a producer's look:
its entries open with the labels 1, 2, 3 … (or i, ii, iii) in sequence, the text before
calls most of them with raised callouts that no page note answers, the list ends its page
(notes close a text or a chapter) and follows no title of its own (a bibliography's
"参考文献" with superscript citations), and the callouts' link annotations lead into the
entries or the entries' links lead back to the callouts (:func:`_linked`) — or, where the
PDF has no links, a drawn separator rule spans the list right above its first entry
(:func:`_ruled_above`).

A producer that cannot raise text (a PDF library's text cell, a plain-text printer) prints
each callout in the entries' own form, ``[3]`` in the text for the entry ``[3]``: such a list
is believed when the text calls nearly all its entries so, in order, each once — a
bibliography's numeric citations return to a source and group several — and no
bibliography title stands over it (:func:`_plain_calls`). Table cells call a list as the
text does. A list printed without its numbers (an HTML printer that drops an ordered list's
numbers) is believed after a separator rule at the document's end when each entry ends with
a back-link arrow and the text's open callouts are 1 … k for its k entries
(:func:`_unnumbered`).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass

from pariter.model import Box

from .chars import Link, Rule
from .footnotes import Note
from .labels import ANY_CIRCLED, BRACKETS, ROMAN_LOWER_RE, canonical, roman
from .labels import number as label_number
from .lines import Line, Sup
from .markers import take_at
from .paragraphs import SIZE_BREAK_PT
from .textjoin import join2

#: Titles of an endnotes section, compared casefolded without spaces.
TITLES = frozenset(("notes", "endnotes", "note", "注释", "注", "尾注", "附注", "注解", "注释与说明"))
#: Share of a section's labels the text before it must call with raised callouts.
CALLED_SHARE = 0.5
#: A line before a list is a title of its own when it is at most this many characters long.
TITLE_MAX_CHARS = 40
#: A list with no title and no links, set off by a rule only, must have nearly all its
#: labels called: raised figures alone (exponents, indices) are weaker evidence than links.
RULED_CALLED_SHARE = 0.8
#: An entry's lines follow each other within this many of its line heights.
ENTRY_GAP = 1.8
#: An entry's line may start left of the entry's first line by its label, or by a Chinese
#: first-line indent of two characters: this many ems (a hair more than two).
LABEL_HANG_EM: float = 2.5

# an entry's label: a number in brackets or parentheses ([1], 〔1〕, (1)) or circled (①) — these
# close themselves, any word may follow — or a bare number followed by a stop, a space or a
# word
_ENTRY = re.compile(rf"^\s*(?:[\[(（［〔【](\d{{1,3}})[\])）］〕】]\s*|([{ANY_CIRCLED}])\s*"
                    r"|(\d{1,3})(?:[.．、:]\s*|\s+|(?=[^\d\s.,%])))(?=\S)")


#: Destinations may land off their anchor by one shift the producer applies to all of them
#: (Chromium sets a named destination a page margin above its element): the shift may be up
#: to this many line heights, and each destination must agree with the others' shift within
#: one line height.
DEST_SHIFT_LINES: float = 4.0
#: A separator rule stands above the first entry within this many of its line heights (a
#: page break may come between: then the rule ends the page before, under its last line).
RULE_ABOVE_LINES: float = 4.0


# a label standing alone on its line, the entry's words on the lines under it (html2ps sets
# an ordered list's number on a line of its own above a paragraph item)
_BARE_ENTRY = re.compile(r"^\s*(?:[\[(（［〔【](\d{1,3})[\])）］〕】]|(\d{1,3})[.．、:]?)\s*$")

# an entry's label counted in roman (LibreOffice numbers its endnotes i, ii, iii): lower case,
# followed by a stop, a space, or glued to a capital or an ideograph ("viiiRings")
_ROMAN_ENTRY = re.compile(rf"^\s*({ROMAN_LOWER_RE})(?:[.．)]\s*|\s+|(?=[A-Z\u3400-\u9fff]))(?=\S)")

#: A later line of an entry that starts this many ems right of the entry's first line hangs
#: under its text, and lines starting at that edge (within this many points) go on an entry.
HANG_MIN_EM: float = 0.5
HANG_TOL_PT: float = 1.0
#: Pieces of one printed line stand on baselines within this many ems.
ROW_EM: float = 0.4


@dataclass
class Section:
    #: the title line, None for a list the PDF's links or a separator rule show to be notes
    title: Line | None
    notes: list[Note]
    lines: list[Line]


def _count(label: str) -> int | None:
    """The number an entry's label counts: 3 for ``3``, ``③`` or ``iii``."""
    n = label_number(label)
    return n if n is not None else roman(label)


def _squash(t: str) -> str:
    return re.sub(r"\s+", "", t).casefold()


def _label(l: Line) -> tuple[str, str] | None:
    """(label, text after it) when ``l`` opens an entry."""
    if l.lead_label and label_number(l.lead_label) is not None:
        return l.lead_label, l.text.strip()
    m = _ENTRY.match(l.text)
    if m:
        return canonical(next(g for g in m.groups() if g)), l.text[m.end():].strip()
    m = _ROMAN_ENTRY.match(l.text)
    if m:
        return m.group(1), l.text[m.end():].strip()
    m = _BARE_ENTRY.match(l.text)
    if m and not l.sups:
        return canonical(next(g for g in m.groups() if g)), ""
    return None


def find_sections(lines: list[Line], links: dict[int, list[Link]] | None = None,
                  rules: dict[int, list[Rule]] | None = None,
                  noted: set[tuple[int, str]] | None = None, body: float | None = None,
                  cells: list[Line] | None = None) -> list[Section]:
    """Endnote sections in ``lines`` (reading order), their lines and notes. ``links`` and
    ``rules``, per page, are the evidence for lists printed without a title; ``noted`` the
    (page, label) of the page notes found: a raised label whose note is printed on its page
    or the next calls that note, and is no evidence for a list; ``body`` the text's type size
    as the document measured it (else the size setting most characters here); ``cells``
    the lines of the document's tables, whose raised labels may call a list too."""
    out: list[Section] = []
    served = noted or set()
    lines = _labels_among_their_lines(lines)

    body = body if body is not None else _body_size(lines)

    def open_call(l: Line, s: Sup) -> bool:
        return not any((l.page + d, s.label) in served for d in (0, 1))

    def callers(i: int) -> list[Line]:
        """The lines that may call a list opening at ``lines[i]``: the text before it and
        the table cells printed before it (a table of platforms calls its notes too)."""
        first = lines[i]
        return lines[:i] + [c for c in cells or () if (c.page, c.top) < (first.page, first.top)]

    i = 0
    while i < len(lines):
        t = lines[i]
        if _squash(t.text) in TITLES:
            sec, j = _entries(lines, i + 1, t)
            if sec is not None and (_called(sec, callers(i)) or _plain_calls(sec, lines, i + 1)):
                out.append(sec)
                i = j
                continue
        elif _opens_list(t) and not _titled(lines, i, body):
            sec, j = _entries(lines, i, None)
            before = callers(i) if sec is not None else []
            if sec is not None and _ends_page(sec, lines, j) and ((
                    _called(sec, before, CALLED_SHARE, open_call) and (
                    _linked(sec, before, links or {}, open_call) or _backlinked(sec)
                    or (_called(sec, before, RULED_CALLED_SHARE, open_call)
                        and _ruled_above(sec, lines, i, (rules or {}).get(t.page, ()),
                                         (rules or {}).get(t.page - 1, ())))))
                    or (not _bibliography(lines, i) and (
                        _ordered_calls(sec, before, open_call) or _plain_calls(sec, lines, i)))):
                out.append(sec)
                i = j
                continue
        i += 1
    if not out:
        sec = _unnumbered(lines, rules or {}, open_call)
        if sec is not None:
            out.append(sec)
    return out


def _unnumbered(lines: list[Line], rules: dict[int, list[Rule]],
                counts: Callable[[Line, Sup], bool]) -> Section | None:
    """A note list whose numbers the producer did not print (fpdf2's HTML printer drops an
    ordered list's numbers): after a separator rule, at the end of the document, entries
    that each end with a back-link arrow, as many as the text's raised callouts that no
    page note answers, and those callouts are 1, 2 … in order. The arrows say each entry
    is a note, the rule where the list begins, the callouts' count and order which note
    each is."""
    if not lines or not _BACK_ARROW.search(lines[-1].text):
        return None
    page = lines[-1].page
    here = [k for k in range(len(lines)) if lines[k].page == page]
    for s in reversed(here):
        if s > 0 and lines[s - 1].page == page and _BACK_ARROW.search(lines[s - 1].text):
            continue  # the list's first entry follows no entry's end
        entries = _arrow_entries(lines[s:])
        probe = Section(None, [], lines[s:])
        if not _ruled_above(probe, lines, s, rules.get(page, ()), rules.get(page - 1, ()), True):
            continue
        calls = [x for l in lines[:s] for x in l.sups if counts(l, x)]
        if [label_number(x.label) for x in calls] != list(range(1, len(entries) + 1)):
            return None
        notes = []
        for k, group in enumerate(entries, 1):
            text = ""
            for l in group:
                text = join2(text, l.text.strip()) if text else l.text.strip()
            notes.append(Note(str(k), text, group[0].page, sorted({l.page for l in group}),
                              [Box(l.page, l.x0, l.top, l.x1, l.bottom) for l in group],
                              place="end", italics=[it for l in group for it in l.italics]))
        return Section(None, notes, lines[s:])
    return None


def _arrow_entries(lines: list[Line]) -> list[list[Line]]:
    """``lines`` cut after each line that ends with a back-link arrow."""
    out: list[list[Line]] = [[]]
    for l in lines:
        out[-1].append(l)
        if _BACK_ARROW.search(l.text):
            out.append([])
    return [g for g in out if g]


#: A list called by labels printed in the text's own type needs at least this many
#: entries: a bracketed number or two in running text says little on its own.
PLAIN_MIN_NOTES = 3
#: A list tied to raised callouts by their sequence alone (no link, rule or back arrow)
#: needs this many entries: three raised figures in a row may be a text's own powers and
#: indices, a run of five counting through the text is a note sequence.
RAISED_MIN_NOTES = 5
#: ... and the text must call nearly all of them, in order, each once: this share.
PLAIN_CALLED_SHARE = 0.8
#: Titles of a bibliography, compared casefolded without spaces: a list under one is
#: referred to by numeric citations, which are not note callouts.
BIBLIOGRAPHY_TITLES = frozenset((
    "references", "reference", "bibliography", "workscited", "literature", "literaturecited",
    "sources", "参考文献", "参考资料", "参考书目", "引用文献", "文献", "主要参考文献"))


def _bibliography(lines: list[Line], i: int) -> bool:
    """Does a bibliography's title (References, 参考文献) stand right above the list
    opening at ``lines[i]``, on its page or at the foot of the page before — whatever its
    type? Numbers in brackets there are a numeric citation style's, not note labels."""
    return i > 0 and lines[i - 1].page in (lines[i].page, lines[i].page - 1) \
        and _squash(lines[i - 1].text).rstrip(":：") in BIBLIOGRAPHY_TITLES


def _plain_calls(sec: Section, lines: list[Line], i: int) -> bool:
    """Does the text before ``lines[i]`` call the section's entries with labels printed in
    the text's own type, in the very form the entries print them (``[3]`` in the text,
    ``[3]`` opening entry 3: a producer that cannot raise text — a plain-text printer, a
    PDF library's text box — writes the callout so)? The text must call nearly all the
    entries (:data:`PLAIN_CALLED_SHARE`), in the entries' order and each once: notes are
    called where they are written, one callout each, while a bibliography's numeric
    citations come back to a source and group several ("[1, 3]", "[2]–[5]"). When it
    does, those labels are taken out of the text as raised callouts would have been."""
    first = lines[i]
    m = re.match(rf"\s*([{re.escape(''.join(BRACKETS))}])\d", first.text)
    n = len(sec.notes)
    if m is None or n < PLAIN_MIN_NOTES:
        return False
    opener = m.group(1)
    form = re.compile(rf"{re.escape(opener)}(\d{{1,3}}){re.escape(BRACKETS[opener])}")
    labels = {x.label for x in sec.notes}
    calls: list[tuple[Line, re.Match[str]]] = [
        (l, c) for l in lines[:i] for c in form.finditer(l.text) if c.group(1) in labels]
    numbers = [int(c.group(1)) for _, c in calls]
    if len(set(numbers)) < PLAIN_CALLED_SHARE * n or len(numbers) - len(set(numbers)) > (1 - PLAIN_CALLED_SHARE) * n \
            or _increasing_run(numbers) < PLAIN_CALLED_SHARE * n:
        return False
    seen: set[str] = set()
    taken: list[tuple[Line, re.Match[str]]] = []
    for l, c in calls:
        if c.group(1) not in seen:
            seen.add(c.group(1))
            taken.append((l, c))
    # right to left within a line, so that the offsets still to come stay right
    for l, c in sorted(taken, key=lambda lc: (id(lc[0]), -lc[1].start())):
        s = take_at(l, c.start(), c.end(), c.group(1))
        s.printed = c.group(0)
    return True


def _ordered_calls(sec: Section, before: list[Line],
                   counts: Callable[[Line, Sup], bool]) -> bool:
    """Do the raised callouts before the list (those ``counts`` accepts) call its entries
    the way notes are called — nearly all (:data:`PLAIN_CALLED_SHARE`), in the entries'
    order, each once, at least :data:`RAISED_MIN_NOTES` of them? That sequence is evidence
    of its own where the producer left no link, rule or back arrow: exponents and indices
    do not count 1, 2, 3 … through a text, and a bibliography's numeric citations return
    to their sources."""
    n = len(sec.notes)
    if n < RAISED_MIN_NOTES:
        return False
    labels = {x.label for x in sec.notes}
    numbers = [label_number(x.label) for l in before for x in l.sups
               if x.label in labels and counts(l, x)]
    numbers = [k for k in numbers if k is not None]
    return (len(set(numbers)) >= PLAIN_CALLED_SHARE * n
            and len(numbers) - len(set(numbers)) <= (1 - PLAIN_CALLED_SHARE) * n
            and _increasing_run(numbers) >= PLAIN_CALLED_SHARE * n)


def _increasing_run(numbers: list[int]) -> int:
    """The length of the longest strictly increasing subsequence of ``numbers``."""
    tails: list[int] = []
    for x in numbers:
        k = bisect_left(tails, x)
        if k == len(tails):
            tails.append(x)
        else:
            tails[k] = x
    return len(tails)


def _labels_among_their_lines(lines: list[Line]) -> list[Line]:
    """``lines`` with each run of labels standing alone (``44.`` ``45.`` ``46.``) that the
    reading order took for a column of its own put back among the lines of text beside
    them, by height: a list's numbers set on lines of their own above its items' words
    (html2ps) leave a gap the text never crosses, but they number the words right of them."""
    out = list(lines)
    i = 0
    while i < len(out):
        j = i
        while j < len(out) and out[j].page == out[i].page and _BARE_ENTRY.match(out[j].text) \
                and not out[j].sups:
            j += 1
        if j - i < 2:
            i += 1
            continue
        edge = max(l.x1 for l in out[i:j])
        k = j
        while k < len(out) and out[k].page == out[i].page and out[k].x0 > edge:
            k += 1
        if k > j and out[j].top < out[j - 1].top:  # the words start above the last label
            out[i:k] = sorted(out[i:k], key=lambda l: (l.top, l.x0))
        i = k
    return out


def _body_size(lines: list[Line]) -> float:
    """The type size that sets most of the text's characters."""
    weight: dict[float, int] = {}
    for l in lines:
        weight[round(l.size, 1)] = weight.get(round(l.size, 1), 0) + len(l.text)
    return max(weight, key=lambda k: (weight[k], k)) if weight else 0.0


def _titled(lines: list[Line], i: int, body: float) -> bool:
    """Does a title of its own head the list opening at ``lines[i]``: the line before it,
    on its page, short and set larger than the text (``body``) and the list, or bold over
    a list that is not? A list under a title that names no notes ("参考文献", "References")
    is that title's. (Notes are often smaller than the text: the short last line of the
    paragraph before them is no title.)"""
    if i == 0:
        return False
    prev, first = lines[i - 1], lines[i]
    if prev.page != first.page or len(prev.text.strip()) > TITLE_MAX_CHARS:
        return False
    if _ends_paragraph(lines, i - 1):
        return False
    return prev.size > max(first.size, body) + SIZE_BREAK_PT or (prev.bold and not first.bold)


def _ends_paragraph(lines: list[Line], k: int) -> bool:
    """Is ``lines[k]`` the last line of a paragraph: ending a sentence (a stop or a raised
    callout), under a line of its own type at its edge, one line's step above? (A document
    whose notes outweigh its text measures its body in the notes' size: the paragraph's
    last line then looks larger than the text — but a title is set off, not run on.)"""
    if k < 1:
        return False
    l, above = lines[k], lines[k - 1]
    ends = l.text.rstrip().endswith(_SENTENCE_END) or bool(l.sups and l.sups[-1].offset >= len(l.text.rstrip()))
    return (ends and above.page == l.page and abs(above.size - l.size) <= SIZE_BREAK_PT
            and abs(above.x0 - l.x0) <= HANG_TOL_PT
            and 0 < l.baseline - above.baseline <= ENTRY_GAP * l.size)


_SENTENCE_END = tuple(".。!！?？:：")


def _ends_page(sec: Section, lines: list[Line], j: int) -> bool:
    """Does the list end its page (or the document)? Notes gathered at the end of a text or
    of a chapter are the last thing printed there; a numbered list the text goes on after
    is the text's."""
    return j >= len(lines) or lines[j].page != sec.lines[-1].page


def _opens_list(l: Line) -> bool:
    """Does ``l`` open the first entry of a numbered list (label 1, ① or i)?"""
    got = _label(l)
    return got is not None and _count(got[0]) == 1


def _entries(lines: list[Line], start: int, title: Line | None) -> tuple[Section | None, int]:
    """The entries from ``lines[start]`` on, under ``title``."""
    notes: list[Note] = []
    used: list[Line] = []
    expected = None
    cur: Note | None = None
    # the printed lines of the current entry with their words (the first without its label)
    pieces: list[tuple[Line, str]] = []
    j = start
    prev: Line | None = None
    # the edges the entries' later lines hang at, right of their labels: a line there that
    # happens to begin with the next number (a URL broken before "2rK…") goes on its entry
    hangs: list[float] = []
    while j < len(lines):
        l = lines[j]
        row = _row_of(l, pieces) if cur is not None else None
        got = _label(l) if row is None else None
        if got is not None and cur is not None and any(abs(l.x0 - x) <= HANG_TOL_PT for x in hangs):
            got = None
        if got is not None and not got[1] and not (
                j + 1 < len(lines) and _label(lines[j + 1]) is None
                and _continues(l, lines[j + 1], None)):
            got = None  # a label alone whose words do not follow it: no entry
        if got is not None and (expected is None or _count(got[0]) == expected):
            label, text = got
            cur = Note(label, text, l.page, [l.page], [Box(l.page, l.x0, l.top, l.x1, l.bottom)],
                       place="end", italics=list(l.italics))
            pieces = [(l, text)]
            notes.append(cur)
            expected = (_count(label) or 0) + 1
        elif cur is not None and (row is not None or (prev is not None and _continues(prev, l, cur))):
            first = cur.boxes[0]
            if row is None and l.page == first.page and l.x0 > first.x0 + HANG_MIN_EM * l.size:
                hangs.append(l.x0)
            # a piece of a printed line the entry has (a justified line broken at its wide
            # word spaces, its far pieces read after the line under it) goes beside it
            pieces.insert(len(pieces) if row is None else row, (l, l.text.strip()))
            text = ""
            for _, t in pieces:
                text = join2(text, t) if t else text
            cur.text = text
            cur.italics.extend(l.italics)
            if l.page not in cur.pages:
                cur.pages.append(l.page)
            cur.boxes.append(Box(l.page, l.x0, l.top, l.x1, l.bottom))
        else:
            break
        used.append(l)
        prev = l
        j += 1
    if len(notes) < 1:
        return None, start
    return Section(title, notes, used), j


def _row_of(l: Line, pieces: list[tuple[Line, str]]) -> int | None:
    """Where ``l`` goes among an entry's ``pieces`` when it stands on the row of one of them,
    right of it (within :data:`ROW_EM` of their baselines): after the last piece of that
    row left of it. None when it starts a row of its own."""
    at = None
    for k, (p, _) in enumerate(pieces):
        if p.page == l.page and abs(p.baseline - l.baseline) <= ROW_EM * max(p.size, l.size) \
                and p.x1 <= l.x0 + HANG_TOL_PT:
            at = k + 1
    return at


def _continues(prev: Line, l: Line, cur: Note | None) -> bool:
    """Does ``l`` continue the entry whose last line is ``prev`` (``cur``; None: ``prev`` is
    its label alone): close under it, in the same type, not left of the entry's own edge by
    more than its label?"""
    # (a single word in smaller type is a long URL the producer shrank to fit the line:
    # html2ps sets an unbreakable word too wide for the measure a point or two smaller)
    if abs(l.size - prev.size) > SIZE_BREAK_PT and not (l.size < prev.size and " " not in l.text.strip()):
        return False
    if l.page == prev.page:
        step = l.baseline - prev.baseline
        if step <= 0 and l.x0 <= prev.x1:
            return False
        if step > ENTRY_GAP * max(l.size, prev.size) and l.x0 <= prev.x1:
            return False
    first = cur.boxes[0] if cur is not None else prev
    return l.x0 >= first.x0 - LABEL_HANG_EM * l.size


def _called(sec: Section, before: list[Line], share: float = CALLED_SHARE,
            counts: Callable[[Line, Sup], bool] | None = None) -> bool:
    """Does the text before the section call most (``share``) of its labels with raised
    callouts (those ``counts`` accepts, all by default)?"""
    called = {s.label for l in before for s in l.sups if counts is None or counts(l, s)}
    labels = [n.label for n in sec.notes]
    return sum(1 for x in labels if x in called) >= max(1, share * len(labels))


def _over(k: Link, x0: float, top: float, x1: float, bottom: float) -> bool:
    """Does link ``k``'s rectangle hold the centre of the box (x0, top, x1, bottom)?"""
    cx, cy = (x0 + x1) / 2, (top + bottom) / 2
    return k.x0 <= cx <= k.x1 and k.top <= cy <= k.bottom


def _within(k: Link, boxes: list[Box]) -> bool:
    """Does link ``k``'s centre lie in one of ``boxes`` (an entry's lines)?"""
    cx, cy = (k.x0 + k.x1) / 2, (k.top + k.bottom) / 2
    return any(b.page == k.page and b.x0 - 1 <= cx <= b.x1 + 1 and b.top - 1 <= cy <= b.bottom + 1
               for b in boxes)


def _base(uri: str | None) -> str | None:
    """The document a URI with a fragment points into (``file:///a.html#fn1`` → ``file:///a.html``)."""
    if not uri or "#" not in uri:
        return None
    base, frag = uri.split("#", 1)
    return base if frag else None


def _agreeing(pairs: list[tuple[str, float, float, float]]) -> set[str]:
    """Labels whose link destination lands on its anchor: ``pairs`` holds (label, the
    destination's top, the anchor's top, the anchor's line height). The destinations may
    all be shifted by one amount (:data:`DEST_SHIFT_LINES`); each must agree with it."""
    if not pairs:
        return set()
    shifts = sorted(a - d for _, d, a, _ in pairs)
    shift = shifts[len(shifts) // 2]
    return {lab for lab, d, a, h in pairs
            if abs(shift) <= DEST_SHIFT_LINES * h and abs((a - d) - shift) <= h}


def _linked(sec: Section, before: list[Line], links: dict[int, list[Link]],
            counts: Callable[[Line, Sup], bool] | None = None) -> bool:
    """Do the PDF's link annotations tie most of the section's entries to their callouts?

    An entry is tied when the link over its callout leads to the entry (its destination on
    the entry's page, where the entry begins), when a link in the entry leads back to the
    callout (a back link: LibreOffice's note number, pandoc's ↩), or — a page printed from
    HTML whose anchors stayed URIs — when the callout's link and a link in the entry both
    point at fragments of one and the same document."""
    labels = {n.label for n in sec.notes}
    calls: dict[str, list[tuple[Line, Link]]] = {}
    for l in before:
        for s in l.sups:
            if s.label not in labels or (counts is not None and not counts(l, s)):
                continue
            for k in links.get(l.page, ()):
                if _over(k, s.x0, s.top, s.x1, s.bottom):
                    calls.setdefault(s.label, []).append((l, k))
    forward: list[tuple[str, float, float, float]] = []
    backward: list[tuple[str, float, float, float]] = []
    same_doc: set[str] = set()
    for n in sec.notes:
        first = n.boxes[0]
        height = max(1.0, first.bottom - first.top)
        inside = [k for p in n.pages for k in links.get(p, ()) if _within(k, n.boxes)]
        for l, k in calls.get(n.label, ()):
            t = k.target
            if t is not None and t.page == n.page and t.top is not None:
                forward.append((n.label, t.top, first.top, height))
            base = _base(k.uri)
            if base is not None and any(_base(o.uri) == base for o in inside):
                same_doc.add(n.label)
            for o in inside:
                u = o.target
                if u is not None and u.page == l.page and u.top is not None:
                    backward.append((n.label, u.top, l.top, max(1.0, l.bottom - l.top)))
    tied = _agreeing(forward) | _agreeing(backward) | same_doc
    return len(tied) >= max(1, CALLED_SHARE * len(sec.notes))


#: The back-link arrows an entry of a Markdown processor's note list ends with (pandoc's,
#: Python-Markdown's, markdown-it's ``↩``), printed whether or not the producer kept the link.
_BACK_ARROW = re.compile(r"[\u21a9\u21aa\u2934][\ufe0e\ufe0f]?\s*$")


def _backlinked(sec: Section) -> bool:
    """Do most of the section's entries end with a printed back-link arrow? The arrow says
    "back to the callout": the list is notes even where the producer dropped the link
    annotations (MuPDF's ``mutool convert`` keeps none) and drew no rule."""
    ends = sum(1 for n in sec.notes if _BACK_ARROW.search(n.text))
    return ends >= max(1, CALLED_SHARE * len(sec.notes))


def _ruled_above(sec: Section, lines: list[Line], i: int, rules: list[Rule] | tuple,
                 before: list[Rule] | tuple, from_baseline: bool = False) -> bool:
    """Is the list opening at ``lines[i]`` set off from the text by a drawn separator: a
    horizontal rule across the list's width, between the line before (close under it) and
    the first entry (close over it) on the entry's page, or at the foot of the page before
    under that page's last line? (A figure's strokes or a table's rule near a list of
    labels span no such place.) ``from_baseline``: the rule may cut the line before's box
    under its baseline (fpdf2 draws it at the foot of that line's cell)."""
    first = lines[i]
    prev = lines[i - 1] if i > 0 else None
    reach = RULE_ABOVE_LINES * max(1.0, first.bottom - first.top)
    x0, x1 = min(l.x0 for l in sec.lines), max(l.x1 for l in sec.lines)

    def separates(r: Rule, lo: float, hi: float) -> bool:
        return (r.horizontal and lo <= r.top and r.bottom <= hi and r.x0 <= x0 + first.size
                and r.x1 >= x1 - first.size)

    same = prev is not None and prev.page == first.page
    floor = (prev.baseline if from_baseline else prev.bottom) if same else 0.0
    if any(separates(r, max(first.top - reach, floor), first.top)
           and (not same or r.top - prev.bottom <= reach) for r in rules):
        return True
    return prev is not None and prev.page == first.page - 1 and any(
        separates(r, prev.bottom, float("inf")) and r.top - prev.bottom <= reach for r in before)
