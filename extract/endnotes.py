"""Endnotes: a Notes section (Notes, Endnotes, 注释, 尾注) whose numbered entries the text
calls with raised labels, the way it calls footnotes.

A Notes section is a title line of its own followed by entries that open with the next
label in sequence (1, 2, 3 … or ① ② ③ — raised or printed plain, ``1.`` ``1`` ``[1]`` ``〔1〕``); an entry's
other lines continue it. It is believed only when the text before it calls most of its
labels with raised callouts: a numbered list under a heading called "Notes" is not
endnotes unless something points at it. Each section's entries become notes with
``place="end"``; callouts are linked to the first section after them that has their
label (chapters may restart their notes).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pariter.model import Box

from .footnotes import Note
from .labels import ANY_CIRCLED, canonical
from .labels import number as label_number
from .lines import Line
from .paragraphs import SIZE_BREAK_PT
from .textjoin import join2

#: Titles of an endnotes section, compared casefolded without spaces.
TITLES = frozenset(("notes", "endnotes", "note", "注释", "注", "尾注", "附注", "注解", "注释与说明"))
#: Share of a section's labels the text before it must call with raised callouts.
CALLED_SHARE = 0.5
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


@dataclass
class Section:
    title: Line
    notes: list[Note]
    lines: list[Line]


def _squash(t: str) -> str:
    return re.sub(r"\s+", "", t).casefold()


def _label(l: Line) -> tuple[str, str] | None:
    """(label, text after it) when ``l`` opens an entry."""
    if l.lead_label and label_number(l.lead_label) is not None:
        return l.lead_label, l.text.strip()
    m = _ENTRY.match(l.text)
    if m:
        return canonical(next(g for g in m.groups() if g)), l.text[m.end():].strip()
    return None


def find_sections(lines: list[Line]) -> list[Section]:
    """Endnote sections in ``lines`` (reading order), their lines and notes."""
    out: list[Section] = []
    i = 0
    while i < len(lines):
        t = lines[i]
        if _squash(t.text) not in TITLES:
            i += 1
            continue
        sec, j = _entries(lines, i)
        if sec is not None and _called(sec, lines[:i]):
            out.append(sec)
            i = j
        else:
            i += 1
    return out


def _entries(lines: list[Line], i: int) -> tuple[Section | None, int]:
    title = lines[i]
    notes: list[Note] = []
    used: list[Line] = []
    expected = None
    cur: Note | None = None
    j = i + 1
    prev: Line | None = None
    while j < len(lines):
        l = lines[j]
        got = _label(l)
        if got is not None and (expected is None or label_number(got[0]) == expected):
            label, text = got
            cur = Note(label, text, l.page, [l.page], [Box(l.page, l.x0, l.top, l.x1, l.bottom)],
                       place="end", italics=list(l.italics))
            notes.append(cur)
            expected = (label_number(label) or 0) + 1
        elif cur is not None and prev is not None and _continues(prev, l, cur):
            cur.text = join2(cur.text, l.text.strip())
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
        return None, i + 1
    return Section(title, notes, used), j


def _continues(prev: Line, l: Line, cur: Note) -> bool:
    """Does ``l`` continue the entry whose last line is ``prev``: close under it, in the
    same type, not left of the entry's own edge by more than its label?"""
    if abs(l.size - prev.size) > SIZE_BREAK_PT:
        return False
    if l.page == prev.page:
        step = l.baseline - prev.baseline
        if step <= 0 and l.x0 <= prev.x1:
            return False
        if step > ENTRY_GAP * max(l.size, prev.size) and l.x0 <= prev.x1:
            return False
    first = cur.boxes[0]
    return l.x0 >= first.x0 - LABEL_HANG_EM * l.size


def _called(sec: Section, before: list[Line]) -> bool:
    """Does the text before the section call most of its labels with raised callouts?"""
    called = {s.label for l in before for s in l.sups}
    labels = [n.label for n in sec.notes]
    return sum(1 for x in labels if x in called) >= max(1, CALLED_SHARE * len(labels))
