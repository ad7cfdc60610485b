"""Note callouts: which raised labels in the text call a note, and which are something else.

A raised digit after a word may call a footnote, or be an exponent (10³), an affiliation
label (Wang¹), a math index. Lines kept raised labels aside (:class:`~.lines.Sup`); here
each is judged by what the page holds — a note with that label on this page or the next,
or an affiliation line carrying it — and put back into the text when it calls nothing.

The PDF's own word comes first: a label under a link annotation that leads to the page of
a note with that label (LaTeX's hyperref, Word's and InDesign's note links) is a callout
whatever it follows; that is how ``x²`` calling note 2 differs from ``x²`` the square.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from pariter.model import Warning

from .chars import Link
from .footnotes import GLUED_SYMBOLS, NOTE_SYMBOLS, Note, plain_label
from .labels import UNIT_POWERS, roman, unit_before
from .labels import number as label_number
from .lines import Line, Sup
from .paragraphs import FINAL

_FINAL = FINAL


#: A callout's note starts on its page, or on the next when the callout ends a page.
NOTE_PAGES = (0, 1)
#: Affiliation callouts: a line of authors on one of the first pages carrying several
#: raised labels and a comma.
AUTHOR_PAGES = 2
AUTHOR_CALLOUTS = 2
#: The box given to a callout found wrapped to a line's start: each label character this
#: many ems wide, the label this many ems tall (a raised figure's usual proportions).
LABEL_ADVANCE_EM: float = 0.35
LABEL_HEIGHT_EM: float = 0.6
#: The line above runs on into ``l`` when set in its size (within this many points) ...
RUN_ON_SIZE_PT: float = 0.3
#: ... directly above it (the gap under it at most this many ems) ...
RUN_ON_GAP_EM: float = 0.8
#: ... starting at its left edge (within this many ems) and reaching its right edge
#: (within this many points).
RUN_ON_INDENT_EM: float = 2
RUN_ON_MARGIN_PT: float = 2
#: A callout whose note is missing fits the numbering of notes within this many pages ...
UNLINKED_NOTE_PAGES = 10
#: ... differing from one of their labels by at most this much ...
UNLINKED_LABEL_STEP = 5
#: ... and is above this number (1, 2, 3 after a word are as often exponents: m², m³).
UNLINKED_MIN_LABEL = 3
#: A link round a callout is about as wide as its label: at most this many ems per
#: character of the label, plus one.
LINKED_LABEL_EM: float = 1.0
#: The label's place estimated from its share of the line's text may be off by this many
#: ems (proportional type, a typewriter word in the line).
LINKED_LABEL_SLACK_EM: float = 3.0
#: A link's destination lands in a note when it lies in the note's box or at most this
#: many heights of the note's first line (at least a point) above it.
LINKED_DEST_SLACK_SHARE: float = 2.0
_INDEX_BEFORE = re.compile(r"(?:^|[^A-Za-z])[A-Za-z]$")  # a lone letter: a variable (R², n²)


def decide_markers(pages: dict[int, list[Line]], notes: list[Note],
                   warnings: list[Warning], links: dict[int, list[Link]] | None = None) -> None:
    """Which raised labels are note callouts; the others go back into the text.

    A callout is a raised label after a word or punctuation whose note is on its page or
    the next. It is never: a label over an author's name that an affiliation line below
    carries; a table cell's figure; an exponent (after a digit or a sign: 10⁻⁷, 10³; a
    unit's power after a quantity: 38 km²);
    a variable's index (after a lone letter: R², n²) — unless it is the only raised label
    on the page that a note there could belong to (Tᵢ¹ in running text can call a note).
    """
    by_page: dict[int, set[str]] = {}
    ends: dict[str, int] = {}  # endnote label -> the last page it is printed on
    for n in notes:
        if n.place == "end":
            ends[n.label] = max(ends.get(n.label, 0), n.page)
        else:
            by_page.setdefault(n.page, set()).add(n.label)
    have_notes = bool(notes)
    noted = {(p, n.label) for n in notes for p in (n.pages or [n.page])}
    flat = _flattened(pages, notes)
    last = [0]  # the number of the last callout kept, in reading order
    for number, lines in pages.items():
        _wrapped_callouts(lines, by_page.get(number, set()))
        _linked_labels(lines, (links or {}).get(number, ()), notes)
        near = {lab for d in NOTE_PAGES for lab in by_page.get(number + d, ())}
        glued = _split_glued(lines, near) | _symbols_on_baseline(lines, by_page.get(number, set()))
        if flat:
            glued |= _figures_on_baseline(lines, by_page.get(number, set()))
        _back_unless_noted(lines, near | {lab for lab, last_page in ends.items() if last_page >= number})
        # labels opening lines outside note areas (affiliations) claim callouts above them
        aff = {l.lead_label: l.top for l in lines if l.lead_label}
        # notes printed in place, not at the foot: a table's notes under it ("5 LuaLaTeX 编译时…")
        opened: dict[str, float] = {}
        for o in lines:
            lab = plain_label(o.text)
            if lab is not None:
                opened[lab] = max(opened.get(lab, o.top), o.top)
        reasons: dict[int, str | None] = {}
        for l in lines:
            author_line = (len(l.sups) >= AUTHOR_CALLOUTS and "," in l.text and number <= AUTHOR_PAGES
                           and _names_only(l.text))
            for s in l.sups:
                if _links_to_its_note(s, (links or {}).get(number, ()), noted):
                    reasons[id(s)] = None
                    continue
                reasons[id(s)] = None if id(s) in glued else _not_callout(
                    s, l, number, by_page, aff, author_line, have_notes, notes, ends, opened)
        # an exponent-like or index-like label is a callout only where it is the next
        # number of the document's callouts (the third note's callout after an id:
        # "(id=0020³)"), its note is printed on its own page (an exponent at a page's
        # foot must not take the next page's note from its callout there) and nothing
        # else on the page can call that note
        plain = {s.label for l in lines for s in l.sups if reasons[id(s)] is None}
        for l in lines:
            keep: list[Sup] = []
            for s in l.sups:
                why = reasons[id(s)]
                if why in ("index", "exponent") and s.label not in plain and \
                        _next_in_numbering(s.label, last[0]) and (
                            s.label in by_page.get(number, ()) or ends.get(s.label, 0) >= number):
                    why = None
                    plain.add(s.label)
                elif why == "no note" and _counts_on(s, l, last[0]):
                    why = None  # a callout whose note is not printed (warned as unlinked)
                if why is None:
                    keep.append(s)
                    if label_number(s.label) is not None:
                        last[0] = label_number(s.label)
                else:
                    _reinsert(l, s)
            l.sups = keep
        # a listing's line numbers: lead labels that count the page's lines (n beside
        # n + 1) are the text's own; a lone one may be a callout wrapped to the line's
        # start whose note is elsewhere, and stays out of the text as before
        counted = ({label_number(l.lead_label) for l in lines if l.lead_label}
                   | {int(m.group(1)) for l in lines if (m := _LEADING_COUNT.match(l.text))}) - {None}
        for l in lines:
            n = label_number(l.lead_label) if l.lead_label else None
            if n is not None and (n - 1 in counted or n + 1 in counted):
                _restore_lead(l)


def table_callouts(cells: list[Line], notes: list[Note], text: dict[int, list[Line]]) -> None:
    """Which raised labels in a table's cells call a note: those whose note is printed at
    the foot of their page (a data type's limit in a table, ``long long¹``, explained under
    the page's rule). A cell's raised figure is otherwise a unit's power, an exponent or a
    table's own note, which the table explains under itself (no page note has its label).
    After a digit or a sign it is an exponent; and a note is called once: a label the page
    raises elsewhere too (``text``: the page's running lines, their callouts decided; the
    other cells) is a power (``e^{x²}`` in a table of formulas). A lone letter before it
    (``%f⁸``) is then no index. The others are dropped from ``cells`` (a table's cells keep
    their own text).

    An endnote (a list printed after the table) is called from a cell the same way, but
    its label must be raised nowhere else in the whole document, text or tables: then a
    figure after a version number (``kernel >= 4.18¹``) is the one callout of the note
    waiting for it, not a power."""
    foot: dict[int, set[str]] = {}
    ends: dict[str, int] = {}  # an endnote's label -> the last page its list prints it on
    for n in notes:
        if n.place == "foot":
            for p in n.pages or [n.page]:
                foot.setdefault(p, set()).add(n.label)
        elif n.place == "end":
            ends[n.label] = max(ends.get(n.label, 0), n.page)

    def may_call(l: Line, s: Sup) -> bool:
        before = l.text[:s.offset]
        if before and before[-1] in "−-+^=×·/":
            return False  # a sign: 10⁻⁷, 1.1E+38
        if ends.get(s.label, 0) >= l.page and s.label not in foot.get(l.page, ()):
            return anywhere[s.label] == 1
        if s.label not in foot.get(l.page, ()):
            return False
        if before and before[-1].isdigit():
            return False  # an exponent: 10³
        return not (s.label in UNIT_POWERS and unit_before(before))  # a unit's power: 38 km²

    anywhere: Counter[str] = Counter(s.label for ls in text.values() for l in ls for s in l.sups)
    anywhere.update(s.label for l in cells for s in l.sups)
    raised: Counter[tuple[int, str]] = Counter(
        (l.page, s.label) for ls in text.values() for l in ls for s in l.sups)
    raised.update((l.page, s.label) for l in cells for s in l.sups if may_call(l, s))
    for l in cells:
        # the page raises its label elsewhere too: a power in a formula's cell
        l.sups = [s for s in l.sups if may_call(l, s) and raised[(l.page, s.label)] == 1]


#: An author line lists names between its commas ("Ann B. Lee¹, Bo Chen², and Ida Roe³"):
#: no piece longer than this many words; a line of prose runs longer between its commas.
AUTHOR_NAME_WORDS = 6


def _names_only(text: str) -> bool:
    """Could ``text`` (callouts taken out) be a line of names, its pieces between commas
    short, and each naming someone (a capitalised word, or ideographs: names are written
    so)? A first page's line of prose with two callouts and a comma is no author line, nor
    one of lower-case words between commas ("auto-numbered², labeled auto-numbered³, or
    symbolic⁴")."""
    pieces = [p for p in re.split(r"[,;]", text) if p.strip()]
    return all(len(piece.split()) <= AUTHOR_NAME_WORDS for piece in pieces) \
        and all(re.search(r"(?<![^\W\d_])[A-Z]|[\u3400-\u9fff]", piece) for piece in pieces)


def _symbols_on_baseline(lines: list[Line], labels: set[str]) -> set[int]:
    """Symbol callouts set on the line in the text's type (groff's mom prints ``clita.*``,
    ``Sadipscing†``): a run of note symbols glued to the end of a word, whose run is the
    label of a note printed on the page that no raised label there calls, and the only
    such run on the page. Unlike a figure, a dagger or a double dagger after a word is a
    callout or nothing; an asterisk glued to a word's end is one where its note is there
    to say so. Taken out of the text as raised labels are; returns their ids."""
    symbols = {lab for lab in labels if lab and all(ch in NOTE_SYMBOLS for ch in lab)}
    symbols -= {s.label for l in lines for s in l.sups}
    if not symbols:
        return set()
    found: dict[str, list[tuple[Line, re.Match[str]]]] = {}
    for l in lines:
        for m in GLUED_SYMBOLS.finditer(l.text):
            found.setdefault(m.group(1), []).append((l, m))
    out: set[int] = set()
    for lab in sorted(symbols):
        if len(found.get(lab, ())) != 1:
            continue
        l, m = found[lab][0]
        out.add(id(take_at(l, m.start(), m.end(), lab)))
    return out


#: A document whose raised labels call fewer than this share of its numbered page notes
#: printed its callouts on the baseline (a word processor that dropped the superscript).
FLAT_CALLED_SHARE: float = 0.5
# a figure glued to the word or the mark before it, standing alone: no figure, decimal
# point or letter after it (an ideograph may follow: "被省略1的情况下"), none of "1.5" or "v1.2"
_GLUED_FIGURES = re.compile(r"(?<=[^\W\d_]|[!?.,;:)\]’”'\"。，；：！？、）」』])(?<![\d][.,])(\d{1,3})"
                            r"(?![\d]|[.,]\d|[^\W\d_](?<![\u3400-\u9fff]))")


def _flattened(pages: dict[int, list[Line]], notes: list[Note]) -> bool:
    """Did the producer print the callouts of the page notes on the baseline? Its numbered
    page notes are there, and its raised labels call few of them."""
    labels = {n.label for n in notes if n.place == "foot" and label_number(n.label) is not None}
    if not labels:
        return False
    raised = {s.label for lines in pages.values() for l in lines for s in l.sups}
    return len(labels & raised) < FLAT_CALLED_SHARE * len(labels)


def _figures_on_baseline(lines: list[Line], labels: set[str]) -> set[int]:
    """Figure callouts set on the line in the text's type, in a document that prints its
    callouts so (:func:`_flattened`; AbiWord drops a DOCX callout's superscript): the label
    of a note printed on the page that no raised label there calls, glued to the word or
    the mark before it (``namespace!1``, ``被省略1的``), and the only such figure on the
    page — or the only one after a mark, where figures after words are quantities too
    (``其中3棵冻死。3``). Taken out of the text as raised labels are; returns their ids."""
    figures = {lab for lab in labels if label_number(lab) is not None and lab.isdigit()}
    figures -= {s.label for l in lines for s in l.sups}
    if not figures:
        return set()
    found: dict[str, list[tuple[Line, re.Match[str]]]] = {}
    for l in lines:
        if l.kind in ("grid", "code"):
            continue
        for m in _GLUED_FIGURES.finditer(l.text):
            found.setdefault(m.group(1), []).append((l, m))
    out: set[int] = set()
    for lab in sorted(figures):
        here = found.get(lab, [])
        if len(here) > 1:
            # a figure after a mark that ends a phrase is no quantity ("其中3棵冻死。3")
            here = [(l, m) for l, m in here if m.start(1) > 0 and not l.text[m.start(1) - 1].isalnum()]
        if len(here) != 1:
            continue
        l, m = here[0]
        out.add(id(take_at(l, m.start(1), m.end(1), lab)))
    return out


def take_at(l: Line, start: int, end: int, label: str) -> Sup:
    """Take ``l.text[start:end]``, the label ``label``, out of the text as a callout; its
    box is estimated from its share of the line's width (the line keeps no glyph
    positions)."""
    text = l.text
    total = sum(_advance(ch) for ch in text) or 1
    width = l.x1 - l.x0
    x0 = l.x0 + sum(_advance(ch) for ch in text[:start]) / total * width
    x1 = l.x0 + sum(_advance(ch) for ch in text[:end]) / total * width
    cut = end - start
    l.text = text[:start] + text[end:]
    for o in l.sups:
        if o.offset >= end:
            o.offset -= cut
        elif o.offset > start:
            o.offset = start
    if l.lead_run is not None and l.lead_run > start:
        l.lead_run = max(start, l.lead_run - cut)
    sup = Sup(label, start, x0, l.top, x1, l.bottom, size=l.size)
    at = next((i for i, o in enumerate(l.sups) if o.offset > start), len(l.sups))
    l.sups.insert(at, sup)
    return sup


def _next_in_numbering(label: str, last: int) -> bool:
    """Could ``label`` be the next callout in reading order? The number after the last one
    kept, or 1 where numbering restarts (per chapter, per page); a symbol or a letter
    (* † a b) counts no number, and its note on the page is the only evidence."""
    n = label_number(label)
    return n is None or n in (last + 1, 1)


def _back_unless_noted(lines: list[Line], noted: set[str]) -> None:
    """Raised labels that call a note only where a note with their label is printed (on the
    page, the next, or in the endnotes still to come); elsewhere they go back into the text,
    as printed, before any other rule counts them:

    - a raised letter (Typst's and LaTeX minipage notes a, b, c) is otherwise a piece of an
      ordinal (2ⁿᵈ), a unit or a variable; so is a raised roman counter (i ii iii, I II), an
      upper-case one a pronoun or a variable too;
    - a raised number in brackets is otherwise a numeric citation into the bibliography
      (Chinese theses and papers under GB/T 7714 set ``Knuth[1]指出`` raised), which keeps
      its brackets.
    """
    for l in lines:
        for s in [s for s in l.sups if s.label not in noted and (
                s.printed or s.label.isalpha() and (s.label.islower() or roman(s.label)))]:
            _reinsert(l, s)
            l.sups.remove(s)


def _split_glued(lines: list[Line], noted: set[str]) -> set[int]:
    """A callout right after an exponent or a unit's power (``400 m²¹``, ``10⁴¹⁵``) is read
    as one raised group ``21``: when the group's number has no note here but a tail of it
    does, and nothing else on the page calls that note, the head is the exponent (put back
    into the text) and the tail the callout; when the head is a note's label too, called
    nowhere else, and the tail the next number (``system¹²``), both are callouts. Returns
    the ids of the callouts so found: that
    evidence stands even where reading order puts them out of their numbering."""
    called = {s.label for l in lines for s in l.sups}
    found: set[int] = set()
    for l in lines:
        for s in list(l.sups):
            lab = s.label
            if not (lab.isdecimal() and lab.isascii()) or len(lab) < 2 or lab in noted:
                continue
            tail = next((lab[k:] for k in range(1, len(lab))
                         if lab[k:] in noted and lab[k:] not in called), None)
            if tail is None:
                continue
            head = lab[:len(lab) - len(tail)]
            if head in noted and head not in called and head.isdigit() and head[0] != "0" \
                    and int(tail) == int(head) + 1:
                # two callouts in a row ("system¹²": a source's "[1]_ [2]_"), each of a
                # note printed here and called nowhere else: both are callouts
                share = len(head) / len(lab)
                cut = s.x0 + share * (s.x1 - s.x0)
                first = Sup(head, s.offset, s.x0, s.top, cut, s.bottom, s.size)
                l.sups.insert(l.sups.index(s), first)
                s.x0, s.label = cut, tail
                called.update((head, tail))
                found.update((id(first), id(s)))
                continue
            l.text = l.text[:s.offset] + head + l.text[s.offset:]
            after = _after(l, s)
            for o in l.sups:
                if o is not s and (o.offset > s.offset or o.offset == s.offset and id(o) in after):
                    o.offset += len(head)
            share = len(head) / len(lab)
            s.x0 = s.x0 + share * (s.x1 - s.x0)
            s.label, s.offset = tail, s.offset + len(head)
            called.add(tail)
            found.add(id(s))
    return found


def _linked_labels(lines: list[Line], links, notes: list[Note]) -> None:  # noqa: ANN001
    """Labels set in the line's own type that a link annotation leads to their note: a
    callout need not be raised (a font's superior figures mapped to plain digits, a
    callout typeset on the baseline), the author's link from here to the note says what it
    is. Such a label is taken out of the text as a raised one would have been.

    The link must lead into a note printed with that label (its destination lies in the
    note's box, or the note's page where the destination gives no height), its rectangle
    must be about as narrow as the label (a link round a word or a sentence is a cross
    reference), and the label must stand near the rectangle as a number of its own (no
    digit beside it; a callout may be glued to the word before: ``tar.gz1``)."""
    targets = [k for k in links if k.target is not None]
    if not targets:
        return
    for k in targets:
        note = _note_at(k, notes)
        if note is None:
            continue
        for l in lines:
            cy = (k.top + k.bottom) / 2
            if not (l.top <= cy <= l.bottom and l.x0 - l.size <= k.x0 and k.x1 <= l.x1 + l.size):
                continue
            if k.x1 - k.x0 > LINKED_LABEL_EM * l.size * (len(note.label) + 1):
                break  # a link round more than a label: a reference, not a callout
            under = [s for s in l.sups if k.x0 <= (s.x0 + s.x1) / 2 <= k.x1]
            if under:
                _join_figures(l, under[0], note.label)
                break  # a raised label found already
            _take_label(l, k, note.label)
            break


def _note_at(k: Link, notes: list[Note]) -> Note | None:
    """The note a link's destination lands in: of the notes whose box holds it or whose
    first line is within :data:`LINKED_DEST_SLACK_SHARE` of it, the one whose top is
    nearest (hyperref sets a destination a little above its note, so it may fall inside
    the note before); without a height, the page's only note."""
    t = k.target
    if t is None:
        return None
    here = [n for n in notes if n.place == "foot" and n.page == t.page]
    if t.top is None:
        return here[0] if len(here) == 1 else None
    best = None
    for n in here:
        boxes = [b for b in n.boxes if b.page == n.page]
        if not boxes:
            continue
        top, bottom = min(b.top for b in boxes), max(b.bottom for b in boxes)
        first = min(boxes, key=lambda b: b.top)
        d = abs(top - t.top)
        if d > LINKED_DEST_SLACK_SHARE * max(1.0, first.bottom - first.top) and not top <= t.top <= bottom:
            continue
        if best is None or d < best[0]:
            best = (d, n)
    return best[1] if best else None


def _join_figures(l: Line, s: Sup, label: str) -> None:
    """A raised label under a link to note ``label`` that is the label's tail: the font
    printed the label's first figures plain and its last raised ("2⁴" calling note 24);
    the plain figures before it in the text are the label's head."""
    if s.label == label or not label.endswith(s.label):
        return
    head = label[:-len(s.label)]
    if not head.isdigit() or l.text[:s.offset][-len(head):] != head:
        return
    start = s.offset - len(head)
    if start > 0 and l.text[start - 1].isdigit():
        return
    cut = len(head) + (1 if start > 0 and l.text[start - 1] == " " else 0)
    start = s.offset - cut
    l.text = l.text[:start] + l.text[s.offset:]
    for o in l.sups:
        if o.offset >= s.offset:
            o.offset -= cut
    s.label = label


def _take_label(l: Line, k: Link, label: str) -> None:
    """Take the token ``label`` nearest the link's rectangle out of ``l``'s text as a callout.
    Where in the text the rectangle falls is estimated from the share of the line's width
    before it (an ideograph as wide as two letters): the line keeps no glyph positions."""
    text = l.text
    total = sum(_advance(ch) for ch in text)
    if total <= 0 or l.x1 <= l.x0:
        return
    centre = (k.x0 + k.x1) / 2
    best = None
    for m in re.finditer(r"(?<![0-9])" + re.escape(label) + r"(?![0-9A-Za-z])", text):
        before = sum(_advance(ch) for ch in text[:m.start()])
        mid = l.x0 + (before + sum(_advance(ch) for ch in m.group()) / 2) / total * (l.x1 - l.x0)
        d = abs(mid - centre)
        if d <= LINKED_LABEL_SLACK_EM * l.size and (best is None or d < best[0]):
            best = (d, m)
    if best is None:
        return
    m = best[1]
    start = m.start() - 1 if m.start() > 0 and text[m.start() - 1] == " " else m.start()
    cut = m.end() - start
    l.text = text[:start] + text[m.end():]
    for o in l.sups:
        if o.offset > start:
            o.offset = max(start, o.offset - cut)
    if l.lead_run is not None and l.lead_run > start:
        l.lead_run = max(start, l.lead_run - cut)
    sup = Sup(label, start, k.x0, l.top, k.x1, l.bottom, size=l.size)
    at = next((i for i, o in enumerate(l.sups) if o.offset > start), len(l.sups))
    l.sups.insert(at, sup)


def _advance(ch: str) -> int:
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


def _links_to_its_note(s: Sup, links, noted: set[tuple[int, str]]) -> bool:  # noqa: ANN001
    """Does a link annotation over ``s`` lead to a page that prints a note labelled like it?

    The link's rectangle must hold the label's centre (hyperref draws it round the raised
    figure; a rectangle round a whole word or line holds it too, and is still the author's
    link from here to that note)."""
    cx, cy = (s.x0 + s.x1) / 2, (s.top + s.bottom) / 2
    for k in links:
        if k.target is None or not (k.x0 <= cx <= k.x1 and k.top <= cy <= k.bottom):
            continue
        if (k.target.page, s.label) in noted:
            return True
    return False


def _not_callout(s: Sup, l: Line, page: int, by_page: dict[int, set[str]],
                 aff: dict[str, float], author_line: bool, have_notes: bool,
                 notes: list[Note], ends: dict[str, int],
                 opened: dict[str, float] | None = None) -> str | None:
    """Why the raised label ``s`` of line ``l`` calls no note (None: it does). ``opened``:
    the labels lines of the page's text open with, and the lowest such line's top."""
    before = l.text[:s.offset]
    if author_line or (s.label in aff and l.top < aff[s.label]):
        return "affiliation"
    if l.kind == "grid":
        return "table cell"
    if before and before[-1] in "−-+^=×·/":
        return "sign"  # 10⁻⁷, a⁺: never a callout
    linked = any(s.label in by_page.get(page + d, ()) for d in NOTE_PAGES) \
        or ends.get(s.label, 0) >= page
    if not linked and opened and opened.get(s.label, -1.0) > l.top:
        # no page note has its label, and a line below opens with it: the note printed in
        # place (a table's notes under the table), which is no page note's callout
        return "note in place"
    if not linked and not (have_notes and _plausible_unlinked(s.label, before, page, notes)):
        return "no note"
    if before and before[-1].isdigit():
        return "exponent"
    if s.label in UNIT_POWERS and unit_before(before):
        return "exponent"  # a unit's power: 38 km², 5 m³
    if _INDEX_BEFORE.search(before):
        return "index"
    return None


#: how far a callout's number may run ahead of the last one kept (a callout or two
#: the page lost, e.g. to a figure)
COUNT_AHEAD = 2
#: what a callout follows where no exponent, index or unit ever stands: closing
#: quotes and brackets, punctuation, a CJK character
#: (not a Latin parenthesis, bracket or prime: (a + b)², [x]², f'² are powers)
_CALLOUT_AFTER = re.compile(r"[”’\"）》」』】〉。，、；：.,;:\u4e00-\u9fff]$")


def _counts_on(s: Sup, l: Line, last: int) -> bool:
    """Is ``s`` the document's next note number, raised after punctuation, a closing
    quote or bracket or an ideograph? The numbering is the evidence when its note is not
    printed (a translation that dropped its notes, a report that lost a few)."""
    n = label_number(s.label)
    if n is None or not last < n <= last + 1 + COUNT_AHEAD:
        return False
    return _CALLOUT_AFTER.search(l.text[:s.offset]) is not None


def _wrapped_callouts(lines: list[Line], labels: set[str]) -> None:
    """A callout wrapped to the start of a line (before the comma it precedes) is read as
    the line's lead label; in running text it is a callout at offset 0."""
    called = {s.label for o in lines for s in o.sups}
    pitches: dict[float, float | None] = {}
    for l in lines:
        lab = l.lead_label
        if lab is None or lab not in labels or not l.text:
            continue
        if l.size not in pitches:
            pitches[l.size] = _usual_pitch(lines, l.size)
        pitch = pitches[l.size]
        if not (l.text[0] in "，。、；：,.;:)）" or _runs_on_above(l, lines, pitch)):
            above = _line_above(l, lines, pitch) if lab not in called else None
            if above is not None:
                # the callout after a sentence's full stop that the line broke before (xeCJK
                # breaks between 。 and ①; LibreOffice sets a lone anchor on a line of its
                # own): it belongs at the end of the line above, whose words it follows
                above.sups.append(Sup(lab, len(above.text), l.x0 - LABEL_ADVANCE_EM * l.size * len(lab),
                                      l.top, l.x0, l.top + LABEL_HEIGHT_EM * l.size,
                                      LABEL_HEIGHT_EM * l.size))
                l.lead_label = None
                called.add(lab)
            continue
        w = LABEL_ADVANCE_EM * l.size * len(lab)
        l.sups.insert(0, Sup(lab, 0, l.x0 - w, l.top, l.x0, l.top + LABEL_HEIGHT_EM * l.size,
                             LABEL_HEIGHT_EM * l.size))
        l.lead_label = None


#: Lines whose baselines differ by less than this (points) share a row.
BASELINE_SAME_PT: float = 1.0
#: A wrapped callout's line follows the line above it within the leading of double-spaced
#: text (a gap of one em): 1.5-spaced Chinese reports leave more than :data:`RUN_ON_GAP_EM`.
WRAPPED_GAP_EM: float = 1.0


def _line_above(l: Line, lines: list[Line], pitch: float | None = None) -> Line | None:
    """The line of the text directly above ``l`` in its type, overlapping it, that ends with
    a full stop: where a wrapped callout whose note is on the page and which nothing else on
    the page calls came from."""
    for o in lines:
        if (o is not l and abs(o.size - l.size) < RUN_ON_SIZE_PT
                and _next_below(o, l, WRAPPED_GAP_EM, pitch)
                and o.x0 < l.x1 and l.x0 < o.x1 and o.text.rstrip().endswith(_FINAL)):
            return o
    return None


def _runs_on_above(l: Line, lines: list[Line], pitch: float | None = None) -> bool:
    """Is ``l`` the next line of a paragraph whose line directly above runs on unfinished?"""
    for o in lines:
        if (o is not l and abs(o.size - l.size) < RUN_ON_SIZE_PT
                and _next_below(o, l, RUN_ON_GAP_EM, pitch)
                and abs(o.x0 - l.x0) < RUN_ON_INDENT_EM * l.size and o.x1 >= l.x1 - RUN_ON_MARGIN_PT
                and not o.text.rstrip().endswith(_FINAL)):
            return True
    return False


#: A line follows the one above it at the page's usual pitch for its type, within this
#: share of it (baselines shift by a point where a raised label or a CJK font lifts a line).
PITCH_SLACK: float = 0.1
#: The usual pitch is believed from this many line steps on the page.
PITCH_MIN_STEPS = 3


def _next_below(o: Line, l: Line, gap_em: float, pitch: float | None) -> bool:
    """Is ``l`` the next line under ``o``: the gap between them under ``gap_em`` of its size,
    or its baseline one usual line pitch of the page under ``o``'s (the leading of 1.5- or
    double-spaced text leaves more than any fixed gap; the page's own pitch measures it)?"""
    if l.top < o.bottom:
        return False
    if l.top - o.bottom < gap_em * l.size:
        return True
    return pitch is not None and 0 < l.baseline - o.baseline <= (1 + PITCH_SLACK) * pitch


def _usual_pitch(lines: list[Line], size: float) -> float | None:
    """The most common distance (points, to a tenth) between the baselines of a line in
    type of ``size`` and the next such line under it in the same column on this page; None
    with fewer than :data:`PITCH_MIN_STEPS` of them."""
    same = sorted((o for o in lines if abs(o.size - size) < RUN_ON_SIZE_PT), key=lambda o: o.baseline)
    steps: list[float] = []
    for k, o in enumerate(same):
        nxt = next((n for n in same[k + 1:] if n.baseline > o.baseline + BASELINE_SAME_PT
                    and n.x0 < o.x1 and o.x0 < n.x1), None)
        if nxt is not None:
            steps.append(round(nxt.baseline - o.baseline, 1))
    if len(steps) < PITCH_MIN_STEPS:
        return None
    return Counter(steps).most_common(1)[0][0]


def _plausible_unlinked(label: str, before: str, page: int, notes: list[Note]) -> bool:
    """A callout whose note is missing: it must fit the numbering of notes nearby and not
    follow a digit (10³) or a lone letter (a math variable such as L², Rⁿ)."""
    if label_number(label) is None or not before or before[-1].isdigit() or before[-1].isspace():
        return False
    if re.search(r"(?:^|[^A-Za-z])[A-Za-z]$", before):
        return False
    n = label_number(label)
    near = [label_number(x.label) for x in notes
            if label_number(x.label) is not None and abs(x.page - page) <= UNLINKED_NOTE_PAGES]
    return any(0 < abs(m - n) <= UNLINKED_LABEL_STEP for m in near) and n > UNLINKED_MIN_LABEL


#: a line's own leading number (a listing's line that kept its number on the line)
_LEADING_COUNT = re.compile(r"(\d{1,5}) ")
#: marks that close onto what stands before them: no space is put back before them
_CLOSING = ",.;:!?)]}，。、；：！？）】」』"


def _restore_lead(l: Line) -> None:
    """Put the label opening a line back into its text: the line is read as text (no
    note took it, no callout wrapped there), so its label is what the line prints: a
    listing's line number set small beside its code (docstrip's ``211``). Taken off as
    a note's label would be, it was lost."""
    lab = l.lead_label or ""
    sep = "" if not l.text or l.text[0] in _CLOSING else " "
    shift = len(lab) + len(sep)
    l.text = lab + sep + l.text
    for o in l.sups:
        o.offset += shift
    if l.lead_run is not None:
        l.lead_run += shift
    if l.cjk_gaps:
        l.cjk_gaps = [g + shift for g in l.cjk_gaps]
    l.lead_label = None


def _reinsert(l: Line, s: Sup) -> None:
    """Put a raised label that is not a callout back into the text (10³, affiliations)."""
    text = s.printed or s.label
    l.text = l.text[:s.offset] + text + l.text[s.offset:]
    after = _after(l, s)
    for o in l.sups:
        if o is not s and (o.offset > s.offset or o.offset == s.offset and id(o) in after):
            o.offset += len(text)


def _after(l: Line, s: Sup) -> set[int]:
    """The raised labels that follow ``s`` in its line: the line lists them in the order
    they are set. Of two labels taken out at one offset, the text put back for the first
    goes before the second. (Not their memory addresses, which differ from run to run.)"""
    k = next(i for i, o in enumerate(l.sups) if o is s)
    return {id(o) for o in l.sups[k + 1:]}

