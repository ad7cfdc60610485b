"""Note callouts: which raised labels in the text call a note, and which are something else.

A raised digit after a word may call a footnote, or be an exponent (10³), an affiliation
label (Wang¹), a math index. Lines kept raised labels aside (:class:`~.lines.Sup`); here
each is judged by what the page holds — a note with that label on this page or the next,
or an affiliation line carrying it — and put back into the text when it calls nothing.
"""

from __future__ import annotations

import re

from pariter.model import Warning

from .footnotes import Note
from .lines import Line, Sup
from .paragraphs import FINAL

_FINAL = FINAL


def decide_markers(pages, notes: list[Note], warnings: list[Warning]) -> None:
    """Which raised labels are note callouts; the others go back into the text."""
    by_page: dict[int, set[str]] = {}
    for n in notes:
        by_page.setdefault(n.page, set()).add(n.label)
    have_notes = bool(notes)
    for pg in pages:
        _wrapped_callouts(pg.lines, by_page.get(pg.number, set()))
        # labels opening lines outside note areas (affiliations) claim callouts above them
        aff = {l.lead_label: l.top for l in pg.lines if l.lead_label}
        for l in pg.lines:
            if not l.sups:
                continue
            author_line = len(l.sups) >= 2 and "," in l.text and pg.number <= 2
            keep: list[Sup] = []
            for s in l.sups:
                affil = author_line or (s.label in aff and l.top < aff[s.label])
                linked = any(s.label in by_page.get(pg.number + d, ()) for d in (0, -1, 1, -2, 2))
                if not affil and (linked or (have_notes and _plausible_unlinked(
                        s.label, l.text[:s.offset], pg.number, notes))):
                    keep.append(s)
                else:
                    _reinsert(l, s)
            l.sups = keep


def _wrapped_callouts(lines: list[Line], labels: set[str]) -> None:
    """A callout wrapped to the start of a line (before the comma it precedes) is read as
    the line's lead label; in running text it is a callout at offset 0."""
    for l in lines:
        lab = l.lead_label
        if lab is None or lab not in labels or not l.text:
            continue
        if not (l.text[0] in "，。、；：,.;:)）" or _runs_on_above(l, lines)):
            continue
        w = 0.35 * l.size * len(lab)
        l.sups.insert(0, Sup(lab, 0, l.x0 - w, l.top, l.x0, l.top + 0.6 * l.size, 0.6 * l.size))
        l.lead_label = None


def _runs_on_above(l: Line, lines: list[Line]) -> bool:
    """Is ``l`` the next line of a paragraph whose line directly above runs on unfinished?"""
    for o in lines:
        if (o is not l and abs(o.size - l.size) < 0.3 and 0 <= l.top - o.bottom < 0.8 * l.size
                and abs(o.x0 - l.x0) < 2 * l.size and o.x1 >= l.x1 - 2
                and not o.text.rstrip().endswith(_FINAL)):
            return True
    return False


def _plausible_unlinked(label: str, before: str, page: int, notes: list[Note]) -> bool:
    """A callout whose note is missing: it must fit the numbering of notes nearby and not
    follow a digit (10³) or a lone letter (a math variable such as L², Rⁿ)."""
    if not label.isdigit() or not before or before[-1].isdigit() or before[-1].isspace():
        return False
    if re.search(r"(?:^|[^A-Za-z])[A-Za-z]$", before):
        return False
    n = int(label)
    near = [int(x.label) for x in notes if x.label.isdigit() and abs(x.page - page) <= 10]
    return any(0 < abs(m - n) <= 5 for m in near) and n > 3


def _reinsert(l: Line, s: Sup) -> None:
    """Put a raised label that is not a callout back into the text (10³, affiliations)."""
    l.text = l.text[:s.offset] + s.label + l.text[s.offset:]
    for o in l.sups:
        if o is not s and o.offset > s.offset:
            o.offset += len(s.label)
        elif o is not s and o.offset == s.offset and id(o) > id(s):
            o.offset += len(s.label)

