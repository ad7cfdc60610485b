"""Lines into blocks (paragraphs, heading lines, list items) by the page's own geometry.

Where one printed paragraph ends and the next begins is read the way a reader reads it,
each signal measured against this document (:mod:`.styles`), never in fixed points:

- a **gap** wider than the line pitch of this page (paragraph spacing);
- a **first-line indent** further in than the column's edge;
- a **short last line**: the next line's first word would have fitted on it, so the line
  was ended on purpose — this is what separates paragraphs in justified text with wide
  leading and no indent, and in ragged-right text;
- a **change of type** (size, weight, slant) between two lines that do not run on;
- a **list item**: a line opening with a bullet or a list label starts its own block, and
  the item's next lines hang under its text;
- a **column or page turn** continues a paragraph only when its last line ran to the margin
  unfinished and the next column starts at the paragraph's running edge.

Each break records its reason (``Block.why``), so a wrong paragraph can be traced.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from .clauses import clause_number, follows
from .listings import listing_break, typed_through
from .lines import (APART_GAP_EM, APART_SIZE_SHARE, IDEOGRAPHS_RE, Line, apart, is_cjk,
                    is_cjk_ideograph, line_sizes)
from .fonts import WEIGHT_STEP
from .lang import FOREIGN_IDEOGRAPH_LETTERS, IDEOGRAPH_LETTERS, chinese_punctuation, detect_weight
from .styles import PITCH_RANGE, SIZE_TOLERANCE, DocStyle, style_of

#: What a sentence (or a clause of a Chinese sentence) can end with.
FINAL = tuple("。！？.!?:：；;”’」』)）")
#: Bullet glyphs (Unicode's bullets, the geometric shapes and dingbats lists use), including
#: the private-use code points of Symbol and Wingdings bullets. A bullet marks a list item;
#: it is not text.
BULLETS = "•‣⁃∙·●■◆▪◦►▶▸◼◾⦁❧➢✓✔❖➤\uf000-\uf0ff"
#: ... of which these open an item only with white space after them: a middle dot joins
#: the parts of a transliterated name (卡尔·马克思) ...
_SPACED_BULLETS = "·"
#: ... and dashes are bullets only so: a hyphen or an en dash then white space opens a
#: LaTeX second-level item or a plain-text list; in running text they join ranges.
DASH_BULLETS = "\\-–"
#: A line that opens a list item: a bullet, ``1.``/``1)``/``1．``/``(1)``/``（一）``, ``①``.
LIST_START = re.compile(rf"^(?:[{BULLETS.replace(_SPACED_BULLETS, '')}]|[{_SPACED_BULLETS}{DASH_BULLETS}]\s"
                        r"|\(?\d{1,2}[.)）．](?!\d)\s*\S"
                        r"|[（(][0-9一二三四五六七八九十]{1,3}[）)]|[\u2460-\u2473])")
#: A numbered clause ``01 …`` (two digits, the WIC consensus style).
CLAUSE = re.compile(r"^(0[1-9]|[1-9]\d)(?:\s+|(?=[\u4e00-\u9fff]))(?=\S)")

#: Paragraph spacing a reader notices: a baseline step this many ems beyond the pitch.
PARA_SPACE_EM = 0.35
#: A first line starting this many ems in from the column edge is indented.
INDENT_EM = 0.8
#: A line ending within this many ems of its column's right edge runs to the margin.
FULL_EM = 1.5
#: Estimated advance of a Latin letter in ems (on the wide side: a word that might not
#: have fitted is taken as not fitting, so a paragraph is not cut inside a sentence).
LATIN_ADVANCE_EM = 0.55
#: What a CJK line must lack to have been ended on purpose, in ems (see first_word_width).
CJK_UNIT_EM = 2.0
#: Lines overlapping by more than this many ems are not one above the other.
OVERLAP_EM = 0.3
#: A Latin word space in ems (on the wide side, like :data:`LATIN_ADVANCE_EM`).
WORD_SPACE_EM: float = 0.3
#: A word would have fitted when it ends at least this many ems short of the column's
#: edge (justification squeezes a line by less).
FIT_MARGIN_EM: float = 0.2
#: Consecutive lines whose sizes differ by more than this (points) are different type:
#: a paragraph ends (wider than :data:`SIZE_TOLERANCE`: one paragraph's lines may differ
#: a little where a line is set in a scaled or substituted font).
SIZE_BREAK_PT: float = 0.8
#: A line starting within this many ems of an edge (the column's, a label's) starts at it.
EDGE_EM: float = 0.5
#: Lines starting within this many ems of each other start at one edge.
ALIGN_EM: float = 0.3
#: A line is centred when its midpoint is within this many ems of the column's and it
#: starts further than this from the column's left edge.
CENTRED_EM: float = 2
#: A change of weight by this much (two classes, regular to semibold) ends a paragraph.
WEIGHT_CHANGE: int = 2 * WEIGHT_STEP


@dataclass
class Block:
    """Consecutive lines read as one unit; ``why`` says why it started here."""

    lines: list[Line]
    why: str = "start"
    heading: bool = False
    #: filled by :mod:`.roles`: "heading", "body", "list", "caption", "cell", ...
    role: str = "body"
    reasons: list[str] = field(default_factory=list)
    #: for a heading: the evidence that made it one, and its level where that evidence
    #: gives one (an outline, tags)
    source: str | None = None
    level: int | None = None


#: Closing quotes: after a sentence's end they close with it ("…。”", "… end.’"), but a
#: line ending in one alone ends a quoted word or an apostrophe, not a sentence ("…
#: “Soft Light”, “Grain Extract”" runs on into "and “Grain Merge”."; "the students’").
#: A closing bracket alone still counts as an end: a line of code, a table cell or an
#: address ending in one is a unit of its own far more often than a wrapped line.
CLOSING_QUOTES = "”’」』"


def ends_sentence(text: str) -> bool:
    """Does ``text`` (a line, right-stripped) end a sentence or a clause: a stop, a colon, a
    semicolon or a closing bracket, with any closing quotes after it?"""
    return text.rstrip(CLOSING_QUOTES).endswith(FINAL)


#: Quotes and brackets that open a word: a CJK font sets them full width, but before a
#: Latin word ("“Traditional”") they open that word, not a run of ideographs.
OPENING_MARKS = "“‘「『（(［[〈《"


#: A document wraps its Chinese text at spaces when at least this many of its Chinese lines
#: end short, no sentence ended, of a next line whose first run (up to its first space)
#: would not have fitted, and they are at least this share of its Chinese line breaks
#: (those and the breaks inside a run of ideographs at the margin). A producer that
#: breaks Chinese anywhere fills its lines: it leaves such a line only at a heading or a
#: label set at the text's pitch. (fpdf2's manpath(5) and Debian handbook 1.6 in Chinese:
#: 11 of 17 and 20 of 36 breaks; Chinese PDFs of Qt, LibreOffice, LaTeX, Word and
#: others under /work: at most 5, and at most 0.18 of their breaks.)
SPACE_WRAP_MIN = 3
SPACE_WRAP_SHARE: float = 0.35


def wraps_at_spaces(lines: list[Line], ds: DocStyle) -> bool:
    """Does the document's producer wrap Chinese text only where a space is (the end of
    a Latin word, a space typed between words), so that a run of ideographs that does not
    fit moves whole to the next line and leaves its line short? Evidence: of the breaks
    between two lines of Chinese text one pitch apart at one left edge, those that end
    short of the margin without a sentence's end before a run too long for the room
    left, against those that fall inside a run of ideographs at the margin. (A Latin word
    wraps whole in any producer: only a line opening with a run of CJK characters
    tells; a line ended at a Chinese comma, or a listing's, was broken by hand: no space
    follows a Chinese comma for a producer to wrap at. A document typed in a typewriter
    face was broken by its author throughout: vimtutor's Chinese text.)"""
    if typed_document(ds):
        return False  # its author broke its lines (:func:`_typed_run_on`), no producer
    short = inside = 0
    for a, b in zip(lines, lines[1:]):
        ta, tb = a.text.rstrip(), b.text.lstrip()
        if (not ta or not tb or b.page != a.page or abs(a.size - b.size) >= SIZE_TOLERANCE
                or abs(b.x0 - a.x0) > ALIGN_EM * a.size
                or not 0 < b.baseline - a.baseline <= ds.pitch(a) + PARA_SPACE_EM * a.size
                or not IDEOGRAPHS_RE.search(ta) or not IDEOGRAPHS_RE.search(b.text)):
            continue
        if is_full(a, ds):
            inside += is_cjk_ideograph(ta[-1]) and is_cjk_ideograph(tb[0])
        elif (not ends_sentence(ta) and not chinese_punctuation(ta[-1]) and b.word is not None
              and is_cjk(tb[0]) and not ds.is_listing(a) and not ds.is_listing(b)):
            _, hi = ds.col(a)
            short += a.x1 + (b.word[1] - b.word[0]) > hi - FIT_MARGIN_EM * a.size
    return short >= SPACE_WRAP_MIN and short >= SPACE_WRAP_SHARE * (short + inside)


def first_word_width(l: Line, at_spaces: bool = False) -> float:
    """The advance of the line's first word (a CJK ideograph is a word), on the wide side:
    estimated from its letters, or as printed where the line carries its first word's
    extent and that is wider (the font's own widths: capitals, "RGB", are far wider than
    an average letter). Never narrower than the estimate: a word that might not have
    fitted is taken as not fitting, and a ragged-right paragraph broken as a whole (TeX)
    leaves room at a line's end that a short word ("I") would have filled. Where the
    producer wraps Chinese only at spaces (``at_spaces``, :func:`wraps_at_spaces`), the
    first word of a Chinese line is its run up to the first space, as printed."""
    t = l.text.lstrip()
    if not t:
        return 0.0
    if is_cjk(t[0]) and not (t[0] in OPENING_MARKS and len(t) > 1 and not is_cjk(t[1])) \
            and not (at_spaces and l.word is not None):
        # a CJK line may end a glyph early by rule (kinsoku: punctuation that cannot
        # open a line takes the glyph before it along), so the unit is two glyphs
        return CJK_UNIT_EM * l.size
    m = re.match(r"\S+", t)
    word = m.group(0) if m else t
    k = None if at_spaces else next((i for i, ch in enumerate(word) if is_cjk_ideograph(ch)), None)
    if k is not None:
        # a Latin word set close before Chinese ("BSD许可协议…") ends where the ideographs
        # start: a line may break after any of them (unless the producer breaks Chinese
        # only at spaces)
        return LATIN_ADVANCE_EM * l.size * k + CJK_UNIT_EM * l.size
    guess = LATIN_ADVANCE_EM * l.size * len(word)
    if l.word is not None and l.x0 - FIT_MARGIN_EM * l.size <= l.word[0] < l.word[1] <= l.x1:
        # from where the line starts: a raised label before the word (a verse's number,
        # a note's) needed its room on the line above too
        return max(guess, l.word[1] - l.x0)
    return guess


def ends_short(a: Line, b: Line, ds: DocStyle) -> bool:
    """Was line ``a`` ended on purpose: would ``b``'s first word have fitted after it?
    Not where ``a`` ends at a measure other lines share (justified text set in from the
    column's edge: its lines run to their own margin, short of the column's)."""
    if ds.at_measure(a):
        return False
    _, hi = ds.col(a)
    space = 0.0 if is_cjk(a.text.rstrip()[-1:] or "a") else WORD_SPACE_EM * a.size
    return a.x1 + space + first_word_width(b, bool(ds.wraps_at_spaces)) < hi - FIT_MARGIN_EM * a.size


def is_full(a: Line, ds: DocStyle) -> bool:
    _, hi = ds.col(a)
    return a.x1 >= hi - FULL_EM * a.size


def _item_can_start(a: Line, b: Line, cur: Block, ds: DocStyle) -> bool:
    """A list label opens an item after a bullet, after a line that ended (short, or a
    sentence or a colon), or in a list — not inside a running sentence that wrapped
    before a figure ("G2" / "0）进一步")."""
    t = b.text.lstrip()
    if re.match(rf"[{BULLETS}{DASH_BULLETS}]", t):
        return True
    ta = a.text.rstrip()
    if not is_full(a, ds) or ta.endswith(FINAL) or ta.endswith(("：", ":")):
        return True
    return starts_item(cur.lines[0].text)


#: A rule typed as text: one character other than a letter or a digit, repeated at least
#: this many times, alone on its line (``=====``, ``~~~~~``, ``-----``, ``* * *``).
TYPED_RULE_MIN: int = 3


def typed_rule(text: str) -> bool:
    """Is ``text`` a rule typed with one repeated character: a line drawn, not written
    (plain text underlines and frames its headings so, a separator of sections too)?"""
    t = text.replace(" ", "")
    return len(t) >= TYPED_RULE_MIN and len(set(t)) == 1 and not t[0].isalnum()


def starts_item(text: str) -> bool:
    return bool(CLAUSE.match(text) or LIST_START.match(text))


def blocks(lines: list[Line], ds: DocStyle) -> list[Block]:
    """The document's lines (reading order) grouped into blocks."""
    out: list[Block] = []
    cur: Block | None = None
    counts: dict[str, tuple[int, ...]] = {}  # the last number of each scheme opening a block
    labels = _labels_over(lines, ds)
    ds.wraps_at_spaces = wraps_at_spaces(lines, ds)
    for i, l in enumerate(lines):
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if cur is not None and len(cur.lines) == 1 and id(cur.lines[0]) in labels \
                and lines[i - 1] is cur.lines[0]:
            cur.lines.append(l)  # a term or a list label over its text: one unit
            continue
        if cur is not None and _beside(l, cur, ds, nxt):
            # a label in the margin beside the paragraph: a block of its own, and the
            # paragraph goes on past it
            out.append(Block([l], "beside"))
            continue
        if cur is not None and _side_label(l, cur, ds, nxt):
            # a label in a column of its own left of the paragraph ("Note" beside the
            # note): read before it, and the paragraph goes on past it
            out.insert(out.index(cur), Block([l], "beside"))
            continue
        why = None if cur is None else breaks(cur.lines[-1], l, cur, ds, nxt)
        if cur is not None and why is None and _counts_on(cur.lines[-1], l, counts):
            why = "count"
        if cur is not None and why is None:
            cur.lines.append(l)
        else:
            cur = Block([l], why or "start")
            out.append(cur)
            n = clause_number(l.text)
            if n is not None:
                counts[n.scheme] = n.parts
    return out


#: A term or a label over its text stands at most this many line pitches above it (a
#: paragraph's spacing between them, FOP's variablelist and orderedlist) ...
LABEL_OVER_PITCHES: float = 2.5
#: ... and a description list shows itself by this many terms over text indented alike.
DESCRIPTION_TERMS: int = 3
#: A term on a line of its own holds at most this many characters.
TERM_CHARS: int = 48
#: A list label alone: a number or a letter with its stop or bracket, or a bullet.
_LABEL_ALONE = re.compile(rf"^(?:\(?[0-9]{{1,3}}[.)）]|[A-Za-z][.)]|[{BULLETS}])$")


def _labels_over(lines: list[Line], ds: DocStyle) -> set[int]:
    """Lines that open a unit with the line under them: a list label on a line of its own
    over its item's text (``1.`` / ``关闭所有文件描述符``, which DocBook's FO stylesheet prints
    so), and a description list's term over its description, indented under it after a
    paragraph's spacing (``NAME=`` / ``A string identifying…``). A term set in the face of
    a name (:func:`_name_face`) is the label of its description as much as a run-in one
    would be; a reader of the list takes the two as one entry. A term is a short line in
    the size and weight of its description, ending no sentence, and the document sets at least :data:`DESCRIPTION_TERMS` of them at one
    left edge over descriptions at one indent, an edge where running text starts too: a
    heading over indented text is set in another type or out in the margin, left of the
    text (a man page's subsection names), and a lone short line over an indented
    quotation or listing is no list."""
    out: set[int] = set()
    pairs: dict[tuple[float, float], list[int]] = {}
    unnamed: list[tuple[Line, Line]] = []
    for k, (a, b) in enumerate(zip(lines, lines[1:])):
        # (a term left at a page's foot labels the text the next page opens with; that
        # is asked of a term at its text's own edge, where no indent could tell it)
        turned = b.page == a.page + 1 and _flush_term(a, b)
        if ((b.page != a.page or b.top <= a.bottom - OVERLAP_EM * a.size
                or b.baseline - a.baseline > LABEL_OVER_PITCHES * ds.pitch(a)) and not turned) \
                or abs(a.size - b.size) >= SIZE_TOLERANCE or a.kind != b.kind \
                or not _TERM_WORD.search(b.text):
            continue
        ta = a.text.strip()
        if _LABEL_ALONE.match(ta):
            if b.x0 >= a.x0 - ALIGN_EM * a.size and not starts_item(b.text):
                out.add(id(a))
            continue
        flush = _flush_term(a, b)
        if not flush and _CAPS_NAME.match(ta) and _flush_term(a, b, named=False) \
                and not ds.is_listing(b) and not starts_item(b.text):
            # set as the list's terms are but not reading as a name (``NOCACHE`` alone, a
            # title's form): a term only where the list's other terms show that face
            unnamed.append((a, b))
            continue
        if (_term_chars(ta) > TERM_CHARS
                or (ta.rstrip(CLOSING_QUOTES).endswith(_SENTENCE_END)
                    and not (flush and ta.endswith(ELLIPSIS)))
                or not _TERM_WORD.search(ta)
                or (not flush and (b.x0 - a.x0 < INDENT_EM * b.size or not _labels_item(a, b)))
                or ds.is_listing(b) or starts_item(b.text) or _numbered_entry(a, b)
                or (not flush and k + 2 < len(lines) and _back_at(lines[k + 2], b, a, ds)
                    and not (k + 3 < len(lines) and _term_again(lines[k + 2], lines[k + 3], b)))):
            continue
        # terms at one edge over descriptions at one indent, within a glyph's slant (an
        # italic path's box starts a point off the roman option's)
        tol = ALIGN_EM * a.size
        key = next((k for k in pairs if abs(k[0] - a.x0) <= tol and abs(k[1] - b.x0) <= tol),
                   (a.x0, b.x0))
        pairs.setdefault(key, []).append(id(a))
    if not pairs:
        return out
    # the edges running text starts at: a line with the next one under it at its edge, one
    # line pitch down (a heading set out left of the text, a man page's subsection name,
    # has no running lines at its edge)
    running: set[int] = set()
    for a, b in zip(lines, lines[1:]):
        if (b.page == a.page and abs(b.x0 - a.x0) < ALIGN_EM * a.size
                and 0 < b.baseline - a.baseline <= ds.pitch(a) + PARA_SPACE_EM * a.size
                and _TERM_WORD.search(a.text) and _TERM_WORD.search(b.text)):
            running.add(round(a.x0))
    for (edge, _), terms in pairs.items():
        if len(terms) >= DESCRIPTION_TERMS and any(abs(r - edge) <= 1.5 for r in running):
            out.update(terms)
    # a term at its text's edge in the very face of the list's named terms there
    # (``NOCACHE`` among ``CATWIDTH width`` and ``MANPATH_MAP path_element …``)
    faces = {(round(l.x0), _face_key(l)) for l in lines if id(l) in out}
    for a, _ in unnamed:
        if any(abs(x - a.x0) <= ALIGN_EM * a.size and f == _face_key(a) for x, f in faces):
            out.add(id(a))
    return out


def _face_key(l: Line) -> tuple:
    """A line's face as a list's terms share it: family, weight, slant and size."""
    st = style_of(l)
    return (st.family, st.weight, st.italic, st.size)


#: A term may end in an ellipsis (``SECTION section ...``: its arguments repeat).
ELLIPSIS = ("...", "…")


def _flush_term(a: Line, b: Line, named: bool = True) -> bool:
    """Is the short line ``a`` a name labelling the text ``b`` set under it at the same left
    edge, as a description list printed without an indent shows it (Qt's rich text prints
    HTML's ``<dt>``/``<dd>`` so: ``-d, --debug`` / ``打印调试信息。``)? Only the term's type and
    form tell it from a heading over a paragraph there: it is set in a name's face or
    heavier than its text (:func:`_labels_item`'s evidence), and it opens with a sign no
    title opens with (:data:`_NAME_OPENER`: an option, a path, an argument in brackets) —
    a bold heading in capitals over its paragraph stays a heading. Where the line ends
    matters too: ``b``'s first word would have fitted after it (it was ended on purpose,
    not wrapped). The caller asks for :data:`DESCRIPTION_TERMS` such terms at one edge."""
    if abs(b.x0 - a.x0) >= ALIGN_EM * b.size or (named and not _flush_name(a.text)) \
            or (a.font is not None and a.font.mono):
        return False  # (a line of code over the prose after it: ``</script>`` / "AMD 模式…")
    sa, sb = style_of(a), style_of(b)
    if abs(sa.size - sb.size) >= SIZE_TOLERANCE or not (
            _name_face(a, b) or sa.weight - sb.weight >= WEIGHT_CHANGE):
        return False
    space = 0.0 if is_cjk(a.text.rstrip()[-1:] or "a") else WORD_SPACE_EM * a.size
    return a.x1 + space + first_word_width(b) < max(a.x1, b.x1) - FIT_MARGIN_EM * a.size \
        or a.x1 < b.x1


#: An argument after a directive's name: a word in lower case (``manpath_element``,
#: ``width``), Chinese (``宽度``), brackets or an ellipsis (``[ catpath_element ]``, ``...``).
_ARGUMENT = re.compile(r"^(?:[a-z][a-z0-9_.-]*|[\u3400-\u9fff]+|[\[\]{}|…]|\.{3})$")


def _flush_name(text: str) -> bool:
    """Does a term read as a name where nothing but its form tells it from a title: it
    opens with a sign no title opens with (:data:`_NAME_OPENER`), or it is an identifier
    in capitals (``MANPATH_MAP``, ``CATWIDTH``) joined by an underscore or followed by its
    arguments only (``CATWIDTH width``, ``SECTION 章节 ...``)? A heading in capitals reads
    otherwise: one word alone (``SUMMARY``) or words in capitals and capitalised ones
    (``QUICK LOOK``, ``NOTE Web site``)."""
    t = text.strip()
    if _NAME_OPENER.match(t) or re.match(r"^#\s", t):
        return True  # (``# comment``: a configuration file's comment line, as a field)
    if not t:
        return False  # a line of spaces alone (pdfmake) names nothing
    first, *rest = t.split()
    if not re.match(r"^[A-Z][A-Z0-9_]+=?$", first):
        return False
    return "_" in first or (bool(rest) and all(_ARGUMENT.match(w) for w in rest))


def _labels_item(a: Line, b: Line) -> bool:
    """Is the short line ``a`` over its indented description ``b`` the item's label rather
    than a title over it? It is when it is set in the face of a name
    (:func:`_name_face`), in bold of the description's size (a manual's option and
    variable names: groff sets ``-d, --debug`` and ``MANPATH`` bold over roman text, a
    heading in bold is set in the margin or larger), or, set in the description's own face,
    when it reads as a name (:func:`_name_form`: ``-d, --debug``, ``MANPATH``,
    ``/etc/manpath.config``, where a title over its text, "Version 0.60", "Shortcut
    Editor", is words)."""
    if _name_face(a, b):
        return True
    sa, sb = style_of(a), style_of(b)
    if abs(sa.size - sb.size) >= SIZE_TOLERANCE:
        return False
    if sa.weight - sb.weight >= WEIGHT_CHANGE:
        return True
    return abs(sa.weight - sb.weight) < WEIGHT_CHANGE and _name_form(a.text)


#: A name (an option, a variable, a path, a field) opens with a sign words do not open with
#: (``-v``, ``--help``, ``/usr``, ``$HOME``, ``~/.x``, ``[file]``, ``<dir>``; a typewriter
#: text printed to PostScript may set the minus sign and a spacing tilde: ``−d``, ``˜/.x``) ...
_NAME_OPENER = re.compile(r"^[-\u2212/$~\u02dc\[<+@%.]")
#: ... or is written in capitals, digits and the marks identifiers use
#: (``MANPATH``, ``LANG, LC_MESSAGES``, ``POSIXLY_CORRECT``, ``ID=``).
_CAPS_NAME = re.compile(r"^[A-Z][A-Z0-9_]+=?(?:,\s*[A-Z][A-Z0-9_]+=?)*$")


def _numbered_entry(a: Line, b: Line) -> bool:
    """Are ``a`` and ``b`` a contents list's or an index's entries or numbered headings, not
    a term over its text: ``b`` opens with a section number (``2.1 Prerequisites . . . 1``
    under ``2 Quick Start 1``), ``a`` ends in a page number after its title, or either
    leads to a page with dots (an index's group title over its entries)."""
    return (clause_number(b.text) is not None or bool(_PAGE_AFTER_TITLE.search(a.text))
            or bool(_LEADER_RUN.search(a.text) or _LEADER_RUN.search(b.text)))


#: a dot leader (an index's or a contents list's entry leads to its page so)
_LEADER_RUN = re.compile(r"(?:\.\s?){4,}|…{2,}|(?:·\s?){4,}")


#: a title's page number at its line's end, after white or a leader
_PAGE_AFTER_TITLE = re.compile(r"[^\W\d_].*(?:\s|\.)\d{1,4}\s*$")


def _term_chars(text: str) -> int:
    """A term's length as a reader counts it: its characters but spaces (a producer's
    spacing inside an option's argument list, ``[ ,. . . ]``, adds none)."""
    return sum(not c.isspace() for c in text)


def _name_form(text: str) -> bool:
    """Does the term read as a name: an option, a path, a variable, written as such?"""
    t = text.strip()
    return bool(_NAME_OPENER.match(t) or _CAPS_NAME.match(t))


def _name_face(a: Line, b: Line) -> bool:
    """Is term ``a`` set in the face a name is printed in, other than its description's:
    italic or typewriter (a field's, an option's, a variable's name: ``NAME=``,
    ``--verbose``)? Such a term labels its description as a run-in label would; a term in
    the description's own face titles it ("Version 0.60" over its release notes) and stays
    a unit of its own."""
    fa, fb = a.font, b.font
    if fa is None or fb is None:
        return False
    return (fa.italic and not fb.italic) or (fa.mono and not fb.mono)


def _heavier(a: Line, b: Line) -> bool:
    """Is ``a`` set in heavier or other-sized type than ``b``: a heading's (a man page's
    bold section names over their indented text), not a term's (terms are set italic or
    roman, like their descriptions)?"""
    sa, sb = style_of(a), style_of(b)
    return abs(sa.weight - sb.weight) >= WEIGHT_CHANGE or abs(sa.size - sb.size) >= SIZE_TOLERANCE


def _term_again(c: Line, d: Line, b: Line) -> bool:
    """Is ``c``, back at the term's edge under the description ``b``, the next term: the
    line under it, ``d``, is indented to ``b``'s edge again (``PAIRSEP`` under "If $PAIRPATH
    is set, …" and over "If $PAIRSEP is set, …"), where a paragraph that went on at the
    term's edge would go on there."""
    return (d.page == c.page and d.top > c.top and abs(d.x0 - b.x0) < ALIGN_EM * b.size
            and c.x1 < d.x1)


def _back_at(c: Line, b: Line, a: Line, ds: DocStyle) -> bool:
    """Does ``c``, the line after ``b``, go on with ``b``'s paragraph back at ``a``'s edge:
    ``b`` was an indented first line, not a description hanging under a term? Not when
    ``b`` ended its sentence short of the measure: a one-line description ("打印调试信息。")
    with the next term under it, set without a paragraph's spacing (MuPDF's reflow of a
    man page's option list)."""
    if ends_sentence(b.text.rstrip()) and not is_full(b, ds):
        return False
    return (c.page == b.page and 0 < c.baseline - b.baseline <= ds.pitch(b) + PARA_SPACE_EM * b.size
            and abs(c.x0 - a.x0) < ALIGN_EM * a.size)


#: Two lines whose baselines are closer than this many ems (of the larger size) are level.
LEVEL_EM: float = 0.5


def _beside(l: Line, cur: Block, ds: DocStyle, nxt: Line | None) -> bool:
    """Does ``l`` stand beside the block being read rather than in its flow: wholly left
    or right of its lines, in much smaller type set apart from them (a margin note's
    option names "oneside" / "twoside" beside the option's description, which reading
    order puts between its lines), and level with the block's last line or with the next
    line, which goes on with the block?"""
    a = cur.lines[-1]
    if l.page != a.page or l.size > APART_SIZE_SHARE * a.size:
        return False  # asked at every line: the cheap tests first, before the block's lines
    here = [x for x in cur.lines if x.page == l.page]
    left, right = min(x.x0 for x in here), max(x.x1 for x in here)
    gap = left - l.x1 if l.x1 <= left else l.x0 - right
    if gap <= 0 or not apart(l.size, a.size, gap, l.text):
        return False
    if _level(l, a):
        return True
    return (nxt is not None and nxt.page == l.page and _level(l, nxt)
            and not (left - nxt.x1 >= 0 or nxt.x0 - right >= 0)  # the next line is the block's
            and breaks(a, nxt, cur, ds) is None)


#: A side label is a word or two ("Note", "提示", "Warning"), not a list label or a sentence.
_SIDE_LABEL = re.compile(r"^(?:[^\W\d_]{2,}|[\u4e00-\u9fff]{1,4})(?: [^\W\d_]{2,}){0,2}[:：]?$")


def _side_label(l: Line, cur: Block, ds: DocStyle, nxt: Line | None) -> bool:
    """Does ``l``, in the type of the text, stand in a column of its own left of the block
    being read: a word or two wholly left of every line of the block on the page, set apart
    by more than a space, and standing within the block's height — beside its last line (in
    its height, not in the next line's), or between it and the next line, which goes on
    with the block at its left edge (a "Note" centred beside a note of three lines, which
    reading by height puts between them)?"""
    a = cur.lines[-1]
    if l.page != a.page or l.x0 >= a.x0 or len(l.text) > 24 or not _SIDE_LABEL.match(l.text.strip()):
        return False  # asked at every line: the cheap tests first
    here = [x for x in cur.lines if x.page == l.page]
    left = min(x.x0 for x in here)
    if left - l.x1 <= APART_GAP_EM * l.size or abs(a.x0 - left) > EDGE_EM * a.size:
        return False
    if l.top < a.bottom and a.top < l.bottom:  # beside the last line
        return nxt is None or nxt.page != l.page or not (l.top < nxt.bottom and nxt.top < l.bottom)
    return (nxt is not None and nxt.page == l.page and a.baseline < l.baseline < nxt.baseline
            and nxt.x0 > l.x1 and abs(nxt.x0 - left) <= EDGE_EM * a.size
            and breaks(a, nxt, cur, ds) is None)


def _level(a: Line, b: Line) -> bool:
    return abs(a.baseline - b.baseline) < LEVEL_EM * max(a.size, b.size)


def _counts_on(a: Line, b: Line, counts: dict[str, tuple[int, ...]]) -> bool:
    """Does ``b`` open the next numbered clause after a sentence ended on ``a``? Its number
    comes right after the last number of its scheme that opened a block (第十条 → 第十一条,
    2.3 → 2.4): the document counts its clauses, so the count says where one begins even
    where the previous one's last line happens to fill the line and the spacing between
    them is slight. A number in running text that wraps to a line's start does not follow
    the end of a sentence."""
    n = clause_number(b.text)
    if n is None or n.scheme not in counts or not a.text.rstrip().endswith(FINAL):
        return False
    prev = counts[n.scheme]
    return len(prev) == len(n.parts) and follows(prev, n.parts)


def breaks(a: Line, b: Line, cur: Block, ds: DocStyle, nxt: Line | None = None) -> str | None:
    """Why ``b`` does not continue the block whose last line is ``a`` (None: it does).
    ``nxt``, the line after ``b``, tells a hanging indent from a first-line indent."""
    if a.kind == "grid" or b.kind == "grid":
        return "grid"  # rows of a grid are lines of their own
    if b.after_table:
        return "table"  # a table stood between them, taken out of the text
    decided, why = listing_break(a, b, cur.lines, ds, nxt)
    if decided:
        return why  # code lines: one listing, or prose turning to code (or back)
    if _repeats(cur, b):
        return "repeat"
    if typed_rule(a.text) != typed_rule(b.text):
        return "rule"  # a rule typed as a row of one character stands apart from the text
    if ds.is_listing(b) and typed_through(b) and not ds.is_listing(a) and b.page == a.page \
            and ends_short(a, b, ds):
        # a lone line typed in a typewriter face from its start, which the line before
        # left room for: the text was broken before a command on a line of its own (a word
        # of the sentence in another face would have stayed on the line; a long URL wraps
        # because it did not fit; a sentence that runs into a URL starts in its own face)
        return "code"
    if ds.is_listing(a) and typed_through(a) and not ds.is_listing(b) and cur.why == "code" \
            and len(cur.lines) == 1:
        return "code"  # ... and the text goes on after it in a paragraph of its own
    if b.walled and b.x0 >= a.x1 and _level(a, b):
        return "cell"  # a rule drawn between them: cells of a row (a label beside its text)
    if a.kind != b.kind and "caption" in (a.kind, b.kind) and not _caption_wraps(a, b, ds):
        return "caption"
    if starts_item(b.text) and _item_can_start(a, b, cur, ds):
        return "item"
    if abs(a.size - b.size) > SIZE_BREAK_PT and not _one_type(a, b, ds):
        return "size"
    ta = a.text.rstrip()
    ends = ends_sentence(ta)
    if b.page != a.page or b.top < a.top - 1 or (b.col != a.col and b.top < a.bottom):
        return _turn(a, b, cur, ds, ends, nxt)
    # the step by baselines, tops and bottoms, the middle one: where a line mixes fonts
    # whose baselines the producer sets apart (FOP draws Times 2 pt above a CJK face on one
    # line), the baseline the line's glyphs vote for moves with its mix of scripts, while
    # its top or bottom, the taller face's, does not; a raised callout or a subscript moves
    # one of the three alone
    step = sorted((b.baseline - a.baseline - _callout_rise(a, b), b.top - a.top,
                   b.bottom - a.bottom))[1]
    if step > _expected_step(a, cur, ds) + PARA_SPACE_EM * max(a.size, b.size):
        return "gap"
    if b.top - a.bottom < -OVERLAP_EM * a.size:
        return "overlap"
    if _term_over(a, b, cur, ds, nxt):
        return "term"
    if _typed_run_on(a, b, cur, ds):
        return None  # plain text broken by its author's hand: the sentence goes on
    if _typed_over_indent(a, b, cur, ds):
        return "indent"
    lo, _ = ds.col(a)
    blo, _ = ds.col(b)
    hanging = _hangs(a, b, cur, EDGE_EM * a.size) or _hanging_indent(a, b, nxt, cur, ds)
    if not hanging and b.x0 - blo >= INDENT_EM * b.size and a.x0 - lo < EDGE_EM * a.size:
        return "indent"
    if _outdent(b, cur):
        return "outdent"
    if _style_change(a, b) and (not _runs_on(b) or ends_short(a, b, ds)) and (
            not is_full(a, ds) or (not is_full(b, ds) and not b.text.rstrip().endswith(FINAL)
                                   and not ds.is_body(b))):
        # a full line runs on into a line of other type unless that line is short and
        # set apart from the body (a heading); two full lines in two weights are one
        # paragraph with emphasis, and a short body line after a bold one ends it. Text
        # in lower case goes on with the sentence only where the line before it had no
        # room for its first word: a bold line ended short ("Unix prerequisites" over
        # "gcc 12 or newer …") ended there
        return "style"
    if _open_bracket(cur):
        return None  # inside a bracket the text has opened: a note in brackets runs on
    if _full_to_inset(a, b, cur, ds, nxt):
        return None  # (no short or centred line: the block's own measure is narrower)
    if ends and not is_full(a, ds) and not ds.at_measure(a):
        return "short"
    if (ends or (a.x1 < max(ds.col(a)[1], ds.measure(a)) - FULL_EM * a.size
                 and not (ds.wraps_at_spaces and not ends_short(a, b, ds)))) \
            and _language_turns(a, b):
        # a bilingual text set line by line: each language's own unit (measured against
        # the page's widest line from the same left edge: ragged text shares no margin),
        # also where a sentence ended exactly at the margin (no paragraph runs a finished
        # Chinese sentence on into a line wholly English); where the producer wraps at
        # spaces, a line left short of a run that did not fit wrapped ("libraryd" over
        # "配置文件告诉…")
        return "language"
    if not is_full(a, ds) and _centred(a, ds) and _centred(b, ds) and ends_short(a, b, ds):
        # centred text is broken into lines by hand, each a unit; a centred line the next
        # word would not have fitted on wrapped (a caption's second line)
        return "centred"
    if ends_short(a, b, ds) and (ends or not _runs_on(b)) and not (
            not ends and _wrapped_at_space(a, b, ds)):
        return "short"  # (a quotation indented on both sides still runs on in lower case)
    return None


#: A line ending in a Latin word (letters, not a number or a date: an entry of a list may
#: end in "——2024-08-21"), set off by a space from the Chinese before it.
_LATIN_WORD_END = re.compile(r"(?:^|\s)[A-Za-z][A-Za-z-]*[A-Za-z]$")


def _wrapped_at_space(a: Line, b: Line, ds: DocStyle) -> bool:
    """Was ``a``, ending no sentence, wrapped before ``b``'s first word, a run holding
    ideographs, because that run, up to its first space, did not fit? A producer that breaks lines only at
    spaces (fpdf2 does, as a Latin text's words) takes a whole unspaced run of Chinese to
    the next line, leaving ``a`` far short of the margin in mid-sentence ("…旧稳定、与" /
    "极旧稳定。每个版本…"); a line broken between any two ideographs would have taken the
    next glyph along. The run's printed extent (``b.word``) is the evidence: it is wider
    than the room ``a`` left. ``a`` holds Chinese itself (a line wholly Latin, a URL on a
    line of its own, says nothing of how Chinese is wrapped) and ends in a Latin word, where
    the producer's space before the run stands, and ``b`` opens with no bracket or quote
    (an entry's title: "…——2024-08-21" / "《某服装企业…"): a line of Chinese ended short before more
    Chinese is a paragraph's or an entry's end as often (a list of names, one entry a line:
    "…：穆罕默德·本·阿莫" / "北京百度网讯科技有限公司：…"), and fpdf2's break after "…、与"
    shows no space to tell it."""
    t = b.text.lstrip()
    first = t.split(" ", 1)[0]
    if not t or not IDEOGRAPHS_RE.search(first) or not IDEOGRAPHS_RE.search(a.text) \
            or not _LATIN_WORD_END.search(a.text.rstrip()) or t[0] in OPENING_MARKS \
            or b.word is None or b.page != a.page \
            or abs(b.x0 - a.x0) >= ALIGN_EM * b.size or abs(a.size - b.size) >= SIZE_TOLERANCE:
        return False
    _, hi = ds.col(a)
    room = hi - a.x1
    return b.word[1] - b.word[0] > max(room, CJK_UNIT_EM * b.size)


#: A typed line that ran on ended at least this share of the way from its left edge to the
#: typed measure (:meth:`DocStyle.measure`): its author wrapped it where the next word
#: would not fit, which leaves at most a long word's room; a line ended far short of it
#: (a heading, a label, a line of verse or of a diagram) was ended on purpose.
TYPED_FULL_SHARE: float = 0.75
#: Plain text marks emphasis by typed characters around a phrase (``** … **``, ``_…_``):
#: the sentence ends before them.
TYPED_EMPHASIS = "*_"
#: The text after a run-in label starts at most this many typed spaces after it.
LABEL_SPACES: int = 3


def typed_document(ds: DocStyle) -> bool:
    """Is the document's running text set in a typewriter face: a plain-text file printed
    as it is, its lines broken by its author's hand at a column of their choosing?"""
    return ds.body is not None and ds.body.family == "mono"


def _typed_run_on(a: Line, b: Line, cur: Block, ds: DocStyle) -> bool:
    """Does typed line ``b`` go on with the sentence ``a`` left unfinished, in a document
    typed by hand (:func:`typed_document`)?

    Such a text has no margin to run to: its author broke each line where the next word
    would have passed the column they wrap at, and a blank line (a gap, asked before) ends
    a paragraph. The page's right margin, the widest typed line (a rule of ``=`` across the
    page), says nothing of where a line was wrapped, so "the next word would have fitted"
    does not mean the line was ended on purpose, and a line of Chinese broken inside a
    sentence ("…在本教程当中" / "就不详细介绍了。") looks short and centred. A reader goes
    on to the next line, in the same type, one line pitch down, starting where the line
    starts or under its text after a run-in label (``NOTE: …`` / ``you in Normal mode.``,
    ``提示：…`` / its second line), unless a blank line (a gap, asked before) parts them:
    when the line ends a sentence (its paragraph goes on to the author's blank line), or
    when it ran most of the way to the typed measure (:data:`TYPED_FULL_SHARE`) with its
    sentence unfinished. Lines of a diagram, headings, labels and verse end far short of
    the measure without a stop; code is indented deeper than a label; a line opening with
    a label, an item's number or a typed mark (``--->``) opens a unit; a list item, a typed
    rule and a gap were asked for before."""
    if not typed_document(ds) or a.page != b.page or a.font is None or b.font is None \
            or not (a.font.mono and b.font.mono) or abs(a.size - b.size) >= SIZE_TOLERANCE:
        return False
    ta = a.text.rstrip().rstrip(TYPED_EMPHASIS).rstrip()
    if not ta or not _TERM_WORD.search(b.text) or _RUN_IN_LABEL.match(b.text) \
            or _TYPED_OPENER.match(b.text):
        return False  # (a lone glyph under a line is a diagram's: "^", "v"; a label or a
        # typed mark opens a unit of its own: "… enter: :nohlsearch" / "NOTE: If you …")
    tol = ALIGN_EM * a.size
    if _rows(a, b, tol):
        return False
    if abs(b.x0 - a.x0) < tol and _LONE_LABEL.fullmatch(ta):
        return True  # a label on a line of its own over its text: "ATTENTION:" / "The …"
    if not ends_sentence(ta) and a.x1 < a.x0 + TYPED_FULL_SHARE * (ds.measure(a) - a.x0):
        return False  # ended far short of the measure with its sentence unfinished
    if abs(b.x0 - a.x0) < tol:
        return True
    if len(cur.lines) >= 2 and abs(b.x0 - cur.lines[-2].x0) < tol and a is not cur.lines[0]:
        return True
    return a is cur.lines[0] and _under_label(a, b)


def _typed_over_indent(a: Line, b: Line, cur: Block, ds: DocStyle) -> bool:
    """Does typed line ``a`` stand over a block indented deeper than it, in a document typed
    by hand (:func:`typed_document`), as a heading over its section's text does (a manual
    printed as plain text sets ``DESCRIPTION`` out left of its paragraphs, ``EXIT STATUS``
    over its values)?

    A typed text has no column to run to: the column the layout measures for a short line
    at its own edge is the line itself, which reads as "full". A sentence wrapped by its
    author goes on at the edge it started at (or under a run-in label's text, or at an
    item's running edge); one ended where ``b``'s first word would still have fitted
    before ``b``'s own end, with ``b`` set in deeper, was ended on purpose. A term over its
    description is joined before this is asked (:func:`_labels_over`)."""
    if not typed_document(ds) or a.page != b.page or a.font is None or b.font is None \
            or not (a.font.mono and b.font.mono) or abs(a.size - b.size) >= SIZE_TOLERANCE \
            or b.x0 - a.x0 < INDENT_EM * b.size or not _TERM_WORD.search(a.text):
        return False
    if _hangs(a, b, cur, ALIGN_EM * a.size) or (a is cur.lines[0] and _under_label(a, b)):
        return False
    space = 0.0 if is_cjk(a.text.rstrip()[-1:] or "a") else WORD_SPACE_EM * a.size
    return a.x1 + space + first_word_width(b) < b.x1 - FIT_MARGIN_EM * a.size


#: A mark typed before a line (an arrow pointing at it, emphasis, a call for attention):
#: the line is a unit of its own (see assemble's ``_TYPED_MARK``).
_TYPED_OPENER = re.compile(r"^\s*(?:[-=~]{1,4}>|\*{1,3}\s|!{2,})")


#: A run-in label that opens a line: a word or two ending in a colon (``NOTE:``, ``提示：``,
#: ``Hint:``), a list label (``1.``, ``a)``), with the space after it.
_RUN_IN_LABEL = re.compile(r"^\s*(?:[^\W\d_][^\s:：]{0,15}(?: [^\W\d_][^\s:：]{0,15})?[:：]"
                           r"|\(?[0-9A-Za-z]{1,2}[.)）])\s*")


#: A label alone on its line: a word or two, or up to four ideographs, and a colon (a
#: line that introduces a list or a display says more: "A short list of motions:").
_LONE_LABEL = re.compile(r"(?:[A-Za-z]{2,}(?: [A-Za-z]{2,})?|[\u4e00-\u9fff]{1,4})\s*[:：]")
#: Typed rows share a column start after this much white on both (three typed spaces and
#: more: a sentence's end is followed by two at most) ...
ROW_WHITE_EM: float = 1.4
#: ... or this many column starts after whatever white.
ROW_COLUMNS: int = 2


def _rows(a: Line, b: Line, tol: float) -> bool:
    """Are ``a`` and ``b`` rows of a table or a display typed with spaces: their pieces
    (text parted by white wider than a word space) start at the same places after their
    first, behind wide white once (``type :s/old/new`` over ``type :s/old/new/g``) or at
    any white twice? Two spaces after a sentence's end part a line too, but not at the
    places the next line's parts start."""
    if not a.pieces or not b.pieces:
        return False
    wide = ROW_WHITE_EM * a.size

    def starts(l: Line) -> list[tuple[float, bool]]:
        ps = l.pieces or []
        return [(q[0], q[0] - p[1] >= wide) for p, q in zip(ps, ps[1:])]

    sb = starts(b)
    shared = [(x, w and any(wv for xv, wv in sb if abs(x - xv) < tol))
              for x, w in starts(a) if any(abs(x - xv) < tol for xv, _ in sb)]
    return len(shared) >= ROW_COLUMNS or any(w for _, w in shared)


def _under_label(a: Line, b: Line) -> bool:
    """Does ``b`` start under the text after a run-in label opening typed line ``a``?
    Measured in the line's own cells (a typewriter face sets every Latin glyph on one
    advance, a wide one on two), from the label's printed end: the text after it starts a
    typed space or a few further on (``NOTE:  :q!``), right after a full-width colon."""
    m = _RUN_IN_LABEL.match(a.text)
    if not m:
        return False
    label = a.text[:m.end()].rstrip()
    lead = len(a.text) - len(a.text.lstrip())
    cells = _cells(a.text.strip())
    if not cells or lead:
        return False
    advance = (a.x1 - a.x0) / cells
    if a.word is not None and " " in a.text.strip():
        # the text collapses runs of typed spaces: the first word's printed extent gives
        # the advance
        first = a.text.split()[0]
        advance = (a.word[1] - a.word[0]) / max(1, _cells(first))
    end = a.x0 + advance * _cells(label)
    tol = ALIGN_EM * a.size
    return end - tol <= b.x0 <= end + LABEL_SPACES * advance + tol


def _cells(text: str) -> int:
    """Terminal cells: wide and full-width characters take two (Unicode's East Asian Width)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _one_type(a: Line, b: Line, ds: DocStyle) -> bool:
    """Are two lines whose main sizes differ set in one type all the same? They share a
    size each sets a fair share of its length in (Chinese text whose Latin words are set
    larger, a line that is mostly an inline code word), or ``a``, a line of body text, ran
    to the margin with its sentence unfinished and ``b`` goes on from the column's edge in
    smaller type (the sentence ends in a code word: "… via the general command" /
    "\\fdusetup."). Whether there is a gap or an indent between them is still asked."""
    if any(abs(x - y) < SIZE_TOLERANCE for x in line_sizes(a) for y in line_sizes(b)):
        return True
    return (b.size < a.size and b.page == a.page and ds.is_body(a) and is_full(a, ds)
            and not a.text.rstrip().endswith(FINAL)
            and abs(b.x0 - ds.col(a)[0]) < EDGE_EM * a.size)


def _callout_rise(a: Line, b: Line) -> float:
    """How far a raised note callout in ``b`` stands above ``b``'s own type, measured as
    the line above stands in the same type: a browser grows a line's box to hold a
    superscript, and the line moves down by as much — leading, not a paragraph gap."""
    if not b.sups or abs(a.size - b.size) >= SIZE_TOLERANCE or a.sups:
        return 0.0
    return max(0.0, (b.baseline - b.top) - (a.baseline - a.top))


def _caption_wraps(a: Line, b: Line, ds: DocStyle) -> bool:
    """Does caption line ``a`` wrap onto ``b``: ``b`` is the next line down in the
    caption's type, a line pitch below (no paragraph gap), across the caption's width, and the
    caption has not ended its sentence? (The caption line alone is marked as one.)"""
    return (a.kind == "caption" and b.kind == "body" and b.page == a.page
            and abs(a.size - b.size) < SIZE_TOLERANCE
            and 0 < b.baseline - a.baseline <= ds.pitch(a) + PARA_SPACE_EM * a.size
            and b.x0 < a.x1 and a.x0 < b.x1 and not a.text.rstrip().endswith(FINAL))


#: a line is clearly English with this many letters and no ideograph ...
CLEAR_LATIN = 4
#: ... and clearly Chinese with this many ideographs, as many as a tenth of its Latin
#: letters (:data:`~pariter.extract.lang.FOREIGN_IDEOGRAPH_LETTERS`)
CLEAR_IDEOGRAPHS = 2


#: A web or mail address, or a host name with a path (the tail of a URL broken across
#: lines): text of no language. A Chinese paragraph that wraps one onto a line of its own
#: has not turned English there.
_ADDRESS = re.compile(r"(?:https?://|ftp://|www\.)[!-~]+|[!-~]+@[A-Za-z0-9-]+\.[!-~]+"
                      r"|[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/[!-~]*")


def _clear_lang(l: Line) -> str | None:
    """``en`` or ``zh`` for a line clearly in one of them, else None. A line of Latin
    letters that carries Chinese punctuation ("catpath_element。") is the end of a Chinese
    sentence, not English; a line with ideographs as many as a tenth of its letters is
    Chinese however many English names it quotes ("bar 可取值 None、BeginBar、EndBar…"):
    English text holds almost none."""
    ideo, latin = detect_weight(_ADDRESS.sub("", l.text))
    if ideo == 0 and latin >= CLEAR_LATIN and not chinese_punctuation(l.text):
        return "en"
    if ideo >= CLEAR_IDEOGRAPHS and ideo * FOREIGN_IDEOGRAPH_LETTERS >= latin:
        return "zh"
    return None


def _language_turns(a: Line, b: Line) -> bool:
    """Is ``a`` wholly in one of Chinese and English and ``b`` wholly in the other?

    With ``a`` ended short this is a line-by-line bilingual text (a leaflet, a title and
    its translation); a Chinese paragraph quoting an English title wraps full lines."""
    la, lb = _clear_lang(a), _clear_lang(b)
    return la is not None and lb is not None and la != lb


#: A line repeats a block's first line when they share this many letters and digits.
REPEAT_MIN_CHARS = 12


def _repeats(cur: Block, b: Line) -> bool:
    """Does ``b`` repeat the first line of the block: the same text printed again (a
    passage a translation left as it was, printed on both sides of a bilingual text set
    line by line)? Prose does not repeat a line of its own."""
    fb = "".join(c for c in b.text if c.isalnum())
    return (len(fb) >= REPEAT_MIN_CHARS and cur.lines[0] is not b
            and fb == "".join(c for c in cur.lines[0].text if c.isalnum()))


def _block_turns(cur: Block, b: Line, nxt: Line | None) -> bool:
    """Does a block wholly in one of Chinese and English turn, at a column or page
    break, into a line in the other? (A bilingual text set side by side turns from one
    language's column to the other's.) The block is weighed over all its lines; the line,
    being short, by what neither language has: an English text holds almost no ideographs,
    so a line with a few, as many as a tenth of its letters, is Chinese however heavy with
    English terms it is (weighed with the line under it: a Chinese sentence's last few
    ideographs may open the column), but a line wholly English, letters and no ideograph,
    goes on with an English block whatever stands under it (the Chinese of the next pair
    of a text interleaved paragraph by paragraph); a Chinese text turns English only on a
    line without ideographs, followed by another in its column."""
    ia, la = 0, 0
    for l in cur.lines:
        i, t = detect_weight(_ADDRESS.sub("", l.text))
        ia, la = ia + i, la + t
    ib, lb = detect_weight(_ADDRESS.sub("", b.text))
    below = (nxt is not None and nxt.page == b.page and nxt.top > b.top
             and nxt.x0 < b.x1 and b.x0 < nxt.x1)
    i_n, l_n = detect_weight(_ADDRESS.sub("", nxt.text)) if below and nxt else (0, 0)
    if la >= CLEAR_LATIN and ia * FOREIGN_IDEOGRAPH_LETTERS < la:  # an English block
        if ib == 0 and lb >= CLEAR_LATIN:
            return False  # a line wholly English goes on with it, whatever follows it
        ib, lb = ib + i_n, lb + l_n  # (a sentence's last few ideographs open a column)
        return ib >= 2 * CLEAR_IDEOGRAPHS and ib * FOREIGN_IDEOGRAPH_LETTERS >= lb
    if ia >= CLEAR_IDEOGRAPHS and ia * IDEOGRAPH_LETTERS >= la:  # a Chinese block
        return ib == 0 and lb >= CLEAR_LATIN and i_n == 0
    return False


_OPENERS, _CLOSERS = "（(［[【〔", "）)］]】〕"
#: a bracket left open longer than this many characters is a typo or a label ("1)"),
#: not a note in brackets still running
OPEN_BRACKET_REACH = 300


_BRACKET = re.compile("[" + re.escape(_OPENERS + _CLOSERS) + "]")


def _open_bracket(cur: Block) -> bool:
    """Does the block end inside a bracket it opened (（译者注：… at a line's end)?
    (Asked at every line of a block: a line without brackets is skipped whole.)"""
    depth, since = 0, 0
    for l in cur.lines:
        if not _BRACKET.search(l.text):
            since += len(l.text)
            continue
        for ch in l.text:
            if ch in _OPENERS:
                depth, since = depth + 1, 0
            elif ch in _CLOSERS:
                depth = max(0, depth - 1)
            since += 1
    return depth > 0 and since <= OPEN_BRACKET_REACH


def _centred(l: Line, ds: DocStyle) -> bool:
    """Set on the column's axis, away from its left edge."""
    lo, hi = ds.col(l)
    return l.x0 > lo + CENTRED_EM * l.size and abs((l.x0 + l.x1) - (lo + hi)) < CENTRED_EM * l.size


def _full_to_inset(a: Line, b: Line, cur: Block, ds: DocStyle, nxt: Line | None = None) -> bool:
    """Does ``a`` run to a measure of the block's own, inset from both sides of its
    column: a note in a box or a quotation, justified (DBLaTeX's 注意 box)? The line before
    it in the block starts and ends where it does, or, for the block's first line (which may
    be indented) while no sentence ends on it, the next line ``b`` does, one of ``b`` and the
    line after it, ``nxt``, ends exactly there and ``nxt`` starts there; the measure spans
    most of the column. Judged against the
    column such lines are short and set on its axis — each a unit, as centred lines are —
    though every one of them is full. A listing's lines, of one length in a typewriter
    face, stay units."""
    lo, hi = ds.col(a)
    if (a.x1 >= hi - FULL_EM * a.size or a.x0 < lo + INDENT_EM * a.size
            or a.x1 - a.x0 < INSET_SHARE * (hi - lo) or (a.font is not None and a.font.mono)):
        return False  # full to the column, not inset, too short to be a measure, or code
    edge, full = EDGE_EM * a.size, FULL_EM * a.size  # as a start and a full line are judged

    def same(o: Line | None, lo_shift: float, hi_shift: float) -> bool:
        return (o is not None and o.page == a.page and abs(o.size - a.size) < SIZE_TOLERANCE
                and -edge - lo_shift <= a.x0 - o.x0 <= edge + hi_shift
                and abs(o.x1 - a.x1) <= full)

    indent = FIRST_INDENT_EM * a.size  # a block's first line may be indented from the rest
    if len(cur.lines) >= 2:
        return same(cur.lines[-2], indent if len(cur.lines) == 2 else 0.0, 0.0)
    # the block's first line: the next line starts and ends where it does, one of the next
    # two ends exactly there (justified: ragged one-line list items of about one length are
    # no measure), and the line after the next starts there too
    return (same(b, 0.0, indent) and not a.text.rstrip().endswith(FINAL)
            and nxt is not None and nxt.page == a.page and -edge <= a.x0 - nxt.x0 <= edge + indent
            and min(abs(b.x1 - a.x1), abs(nxt.x1 - a.x1)) <= edge)


#: A paragraph's first line is indented by at most this many ems.
FIRST_INDENT_EM: float = 4.0
#: A measure narrower than the column spans at least this share of it (an inset box or
#: quotation; short lines of one length, such as verse, are no measure).
INSET_SHARE: float = 0.6


def _expected_step(a: Line, cur: Block, ds: DocStyle) -> float:
    """The step to the next line of the block: the block's own (its last two lines, one
    above the other in one type) where it has one, else the document's pitch."""
    if len(cur.lines) >= 2:
        p = cur.lines[-2]
        step = a.baseline - p.baseline
        if (p.page == a.page and abs(p.size - a.size) < SIZE_TOLERANCE and p.x0 < a.x1
                and a.x0 < p.x1 and PITCH_RANGE[0] * a.size <= step <= PITCH_RANGE[1] * a.size):
            return step
    if ds.body is not None and a.size >= ds.size + SIZE_TOLERANCE:
        # type larger than the text's: its pitch in the document is measured off the few
        # steps between lines of that size, often a title over the first heading set in
        # its face (the step in question); the text's own leading, scaled to the size,
        # is how a heading that wraps is set
        return min(ds.pitch(a), ds.text_leading(a))
    return ds.pitch(a)


def _runs_on(b: Line) -> bool:
    """Does ``b`` read as the rest of a sentence: lower case, or punctuation that never
    opens one? (A CJK line says nothing either way: justified CJK text fills its lines,
    so a short line before it is what ends a paragraph.)"""
    t = b.text.lstrip()
    return bool(t) and (t[0].islower() or t[0] in ",;:，、；：)）」』”")


def _style_change(a: Line, b: Line) -> bool:
    sa, sb = style_of(a), style_of(b)
    return abs(sa.weight - sb.weight) >= WEIGHT_CHANGE or sa.italic != sb.italic \
        or abs(sa.size - sb.size) >= SIZE_TOLERANCE


def _turn(a: Line, b: Line, cur: Block, ds: DocStyle, ends: bool,
          nxt: Line | None = None) -> str | None:
    """Next column or page: continue a line that ran to the margin, when the next line, in
    the same type, starts at the column's edge (no first-line indent) or, in a
    hanging-indent layout, at the left edge of the paragraph's running lines. A full line
    ending a sentence continues too: that a paragraph's last line is exactly full is
    much rarer than a sentence ending at a line's end. A line wholly in one of Chinese
    and English never runs on into a column wholly in the other: that is a bilingual text
    set side by side (each language's column ends on the page), not a sentence."""
    if _language_turns(a, b) or _block_turns(cur, b, nxt):
        return "language"
    if (not is_full(a, ds) and (ends or ends_short(a, b, ds) or b.text.lstrip()[:1].isupper())) \
            or (_style_change(a, b) and not is_full(b, ds)):
        # a line that ended its sentence short, or had room for the next line's first
        # word, ended its paragraph, and so does one followed by a capital; ragged-right
        # text wraps before the margin, where the next word would not fit, into a word
        # that runs the sentence on (a heading is a short line in other type; a bold
        # sentence runs on)
        return "turn"
    blo, _ = ds.col(b)
    if b.x0 - blo < INDENT_EM * b.size:
        return None
    tol = ALIGN_EM * b.size
    if len(cur.lines) > 1:
        # the running edge, seen in any column of the paragraph, or as far in from the
        # new column's edge as the running lines hang in from the first line
        first, second = cur.lines[0], cur.lines[1]
        hang = second.x0 - first.x0 if (second.page == first.page
                                         and first.x0 < second.x1 and second.x0 < first.x1
                                         and second.top > first.top) else 0.0
        if (any(abs(b.x0 - l.x0) < tol for l in cur.lines[1:])
                or (hang > INDENT_EM * b.size and abs((b.x0 - blo) - hang) < tol)):
            return None
        return "turn"
    if abs(b.x0 - a.x0) < tol and ds.running_edge(a.x0):
        return None  # a one-line block going on at the edge the text runs on at (a man
        # page's text runs on at its indent, right of its headings' edge)
    return None if _hangs(a, b, cur, tol) else "turn"


def _hanging_indent(a: Line, b: Line, nxt: Line | None, cur: Block, ds: DocStyle) -> bool:
    """Is ``b`` the first running line of a paragraph set with a hanging indent (a
    description list's item, a glossary or bibliography entry), whose first line is ``a``?

    A paragraph's indented first line is followed by lines at the column's edge, while a
    hanging paragraph's running lines keep ``b``'s edge: the line after ``b`` says which,
    whatever ``a`` ends with (an address broken after ``http:``). Where ``b`` is the
    paragraph's only running line, ``a``, the first line of its block, ran to the margin
    without ending its sentence (a first-line indent opens a paragraph after one that
    ended), and ``b`` ends short of the margin or the line after it starts back at
    ``a``'s edge, the next entry. (Lines set flush right share the right edge, each
    starting where its length puts it: no line after them keeps the edge of one before.)"""
    if len(cur.lines) != 1 or not is_full(a, ds) or b.x0 - a.x0 < INDENT_EM * b.size:
        return False
    tol = ALIGN_EM * b.size
    if not a.text.rstrip().endswith(FINAL) and (
            not is_full(b, ds) or (nxt is not None and nxt.page == b.page
                                   and abs(nxt.x0 - a.x0) < tol)):
        return True
    return (nxt is not None and nxt.page == b.page and ds.col(nxt) == ds.col(b)
            and abs(nxt.x0 - b.x0) < tol
            and abs(nxt.size - b.size) < SIZE_TOLERANCE
            and 0 < nxt.baseline - b.baseline <= _expected_step(a, cur, ds)
            + PARA_SPACE_EM * b.size)


#: A term names what it describes in a word or more (two letters, or an ideograph): a
#: line of a number or a bullet alone is a list label, which its item's text hangs under.
_TERM_WORD = re.compile(r"[^\W\d_]{2}|[\u3400-\u9fff]")


def _term_over(a: Line, b: Line, cur: Block, ds: DocStyle, nxt: Line | None) -> bool:
    """Is ``a`` a term on a line of its own over its description ``b`` (a description
    list, a glossary, DocBook's variablelist printed from HTML: "Version 0.60" over "When
    0.60 was released…", indented)? ``a`` opens the block, ``b`` hangs further in than
    ``a`` starts, one line pitch below, and ``a`` ended short of where ``b`` ends: ``b``'s
    first word would have fitted after it. A hanging paragraph's first line (a
    bibliography entry, a list item) runs to the measure of its running lines; a line
    ended before it on purpose is a unit of its own. The description is prose
    (:func:`_described`), where the lines of a listing or pseudo-code nested under a short
    line, and a display formula after "which we write as", are not. (The term is read against ``b``, not its own column: terms
    stacked at one left edge make a narrow column of their own, in which each is "full";
    a word broken at a hyphen runs on.)"""
    if (len(cur.lines) != 1 or b.page != a.page or abs(a.size - b.size) >= SIZE_TOLERANCE
            or b.x0 - a.x0 < INDENT_EM * b.size or a.x1 > b.x1 or not _TERM_WORD.search(a.text)
            or not _TERM_WORD.search(b.text)
            or (a.font is not None and a.font.mono) or a.text.rstrip().endswith(("-", "\u00ad"))):
        return False  # (code indents its nested lines under a short one: "\\relative {")
    if not _described(b, ds, nxt):
        return False
    space = 0.0 if is_cjk(a.text.rstrip()[-1:] or "a") else WORD_SPACE_EM * a.size
    return a.x1 + space + first_word_width(b) < b.x1 - FIT_MARGIN_EM * a.size


#: What ends a sentence or announces what follows (a bracket or a quote may close a
#: formula or a call in code as well).
_SENTENCE_END = tuple("。！？.!?:：；;")


def _described(b: Line, ds: DocStyle, nxt: Line | None) -> bool:
    """Is ``b``, under a term, the first line of a description in prose: it ends a
    sentence (or announces a list), or it spans most of its column (:data:`INSET_SHARE`,
    as a measure does) and the next line ``nxt`` goes on at its edge? Lines of code or
    pseudo-code nested under a short line, and a display formula, are short and end no
    sentence."""
    if b.text.rstrip().endswith(_SENTENCE_END):
        return True
    lo, hi = ds.col(b)
    return (b.x1 - b.x0 >= INSET_SHARE * (hi - lo) and nxt is not None and nxt.page == b.page
            and abs(nxt.x0 - b.x0) < ALIGN_EM * b.size)


def _outdent(b: Line, cur: Block) -> bool:
    """Does ``b`` go back out to the first line's edge of a block whose running lines hang
    further in (a hanging-indent paragraph): the next item or entry starts there."""
    if len(cur.lines) < 2:
        return False
    first, running = cur.lines[0], cur.lines[1:]
    edge = running[0].x0
    tol = ALIGN_EM * b.size
    if (edge - first.x0 < INDENT_EM * b.size
            or any(abs(l.x0 - edge) >= tol for l in running)):
        return False
    # (the running lines may have turned a page at their edge: the next item starts back
    # at the first line's edge on the new page as on the old)
    return abs(b.x0 - first.x0) < tol


def _hangs(a: Line, b: Line, cur: Block, tol: float) -> bool:
    """Does ``b`` run on at the paragraph's running left edge: under the text after a
    numbered first line's label, or at the same edge as the running line ``a``?"""
    if len(cur.lines) == 1:
        return starts_item(a.text) and b.x0 > a.x0 + EDGE_EM * a.size
    return abs(b.x0 - a.x0) < tol
