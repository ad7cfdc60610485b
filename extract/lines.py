"""Text lines from glyphs: runs in drawing order, joined into lines by geometry.

A line here is one column's share of a baseline: glyphs further apart than about an em
start a new line, and so does white the page's lines share however narrow it is (a column
gutter, :mod:`.gutters`), so two columns sharing a baseline never merge; a wider word space
of a justified line that no other line shares does not. Raised note callouts
are kept out of the line's text as :class:`Sup` (with their offset) so that paragraph
text is clean and the callout can become a :class:`~pariter.model.Marker` later.
"""

from __future__ import annotations

import re
import time
from bisect import bisect_left
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from operator import attrgetter, ge, itemgetter
from typing import Iterator

from .chars import RULE_THICKNESS, SILENT_TYPES, Char, Rule, StructNode
from .fonts import BOLD_WEIGHT, FontTraits, traits
from .gutters import MARK_SPACE_EM, PageGutters, Piece, word_gaps
from .labels import ANY_CIRCLED, BRACKETED_RE, BRACKETS, ROMAN_RE, ENCLOSING, canonical, unbracketed

_SUP_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUP_MAP = str.maketrans(_SUP_DIGITS, "0123456789")
_CIRCLED = ANY_CIRCLED  # ① … ⑳ and the variants fonts map them to (➀)
_MARKER_SYMBOLS = "*∗†‡§¶‖#"
# a lone raised lower-case letter (a, b, c: Typst's and LaTeX minipage notes, table notes)
# is a label too, as a whole group only: "st" and "th" of ordinals are not two labels
_MARKERLIKE = re.compile(rf"^(?:\d{{1,3}}|[{_MARKER_SYMBOLS}]{{1,3}}|[{_CIRCLED}]|[{_SUP_DIGITS}]{{1,3}}|[a-z]"
                         rf"|{BRACKETED_RE}|{ROMAN_RE})$")
_BOLD = re.compile(r"bold|black|heavy|semibold|demi|medi|[-,]b$|w[6-9]$|\bhei\b|simhei|zhunhei",
                   re.I)
#: the letters roman counters are written with
_ROMAN_LETTERS = frozenset("ivxIVX")
_SUPFONT = re.compile(r"sups|superior|-sup\b", re.I)

# -- tolerances every stage shares -------------------------------------------------------
#: Sizes closer than this (points) are one size: PDF producers scale glyphs by tiny factors.
SIZE_TOLERANCE: float = 0.6
#: Lines whose baselines are closer than this many ems stand on one row (cells of a grid,
#: pieces of one printed line): a row's baselines wobble by less, a line pitch is more.
SAME_ROW_EM: float = 0.3

# -- glyphs into runs and lines (all in ems of the larger glyph's size) ------------------
#: A glyph at least this factor larger than a segment's sets the segment's size and
#: baseline; a glyph barely larger is the same type, scaled by the producer.
SEG_SIZE_GROWTH: float = 1.05
#: Two pieces whose baselines differ by at most this many ems sit on one line.
SAME_LINE_EM: float = 0.25
#: A piece set below this share of the other's size may be a script (callout, subscript) ...
SCRIPT_SIZE_SHARE: float = 0.9
#: ... whose baseline lies at most this many ems above the big piece's baseline ...
SCRIPT_RISE_EM: float = 0.75
#: ... or at most this many ems below it.
SCRIPT_DROP_EM: float = 0.35
#: Consecutive glyphs may overlap by this many ems (kerning, a glyph drawn back over
#: another) and still continue one run.
OVERLAP_EM: float = 0.7
#: A piece set at most this share of the size of the line beside it ...
APART_SIZE_SHARE: float = 0.7
#: ... and further from it than this many ems of the line's size (wider than a word space,
#: which is set in one of the two types) stands beside the line as a label, not in it.
APART_GAP_EM: float = 0.4
#: Consecutive glyphs of one run stand on baselines at most this many ems apart.
RUN_BASELINE_EM: float = 0.2
#: Glyphs of one font run differ in size by less than this (points): only rounding.
SAME_RUN_SIZE: float = 0.1
#: Gaps compared with a gap on either side of it, to tell an evenly spread line.
SPREAD_NEIGHBOURS: int = 3
#: A "gap" narrower than minus this many ems is a glyph drawn back, not spacing.
BACKSTEP_EM: float = 0.1
#: Neighbouring gaps within this range of factors of a gap are "about as wide".
EVEN_GAP_RANGE: tuple[float, float] = (0.6, 1.6)
#: Baselines are indexed in bands this many points tall; the search reaches
#: ``size // BAND_PT + 2`` bands each way, beyond any baseline that shares a line.
BAND_PT: int = 6
#: The deadline is checked every this many pieces (a clock read costs more than a piece).
DEADLINE_EVERY: int = 256


def _cjk_code(c: str) -> bool:
    o = ord(c)
    return (0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0x3000 <= o <= 0x303F
            or 0xFF00 <= o <= 0xFFEF or 0x20000 <= o <= 0x2FFFF or 0xF900 <= o <= 0xFAFF
            or 0x3040 <= o <= 0x30FF or 0x2E80 <= o <= 0x2FDF or 0xAC00 <= o <= 0xD7AF
            or o in (0x201C, 0x201D, 0x2018, 0x2019, 0x2014, 0x2026, 0x00B7))


def _ideograph_code(c: str) -> bool:
    o = ord(c)
    return 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0x20000 <= o <= 0x2FFFF \
        or 0xF900 <= o <= 0xFAFF


#: a table stops learning new characters at this size (a page uses a few thousand)
_TABLE_MAX = 1 << 16


class CharTable(dict):
    """A one-character test, remembered per character: a dict look-up (``T[c]``) costs a
    fraction of the ten range comparisons it replaces, and the line builder asks it for
    every glyph pair, several times (profiled: 1.4 million calls over 223 pages)."""

    def __init__(self, test) -> None:  # noqa: ANN001 - a str -> bool function
        super().__init__()
        self.test = test

    def __missing__(self, c: str) -> bool:
        v = self.test(c)
        if len(self) < _TABLE_MAX:
            self[c] = v
        return v


#: CJK scripts and the punctuation Chinese text uses (full width, curly quotes, dash,
#: ellipsis, middle dot)
CJK = CharTable(_cjk_code)
#: unified ideographs alone
IDEOGRAPH = CharTable(_ideograph_code)
#: the unified ideographs, for counting them over a whole string at C speed
IDEOGRAPHS_RE = re.compile("[\u4e00-\u9fff\u3400-\u4dbf\U00020000-\U0002ffff\uf900-\ufaff]")


def is_cjk(c: str) -> bool:
    return CJK[c]


def is_cjk_ideograph(c: str) -> bool:
    return IDEOGRAPH[c]


def marker_label(text: str) -> str | None:
    """The note label a raised run spells, or None when it is not one (a letter, math)."""
    # (an enclosing circle drawn over the figure, U+20DD, is the label's frame: ``1⃝`` is 1)
    t = text.replace(ENCLOSING, "").strip().strip(",")
    if _MARKERLIKE.match(t):
        return canonical(unbracketed(t.translate(_SUP_MAP)))
    return None


_LABEL_TOKEN = re.compile(rf"(?:{BRACKETED_RE})|\d{{1,3}}|([{_MARKER_SYMBOLS}])\2{{0,2}}|[{_CIRCLED}]"
                          rf"|[{_SUP_DIGITS}]{{1,3}}|[,，\s]")


def split_labels(group: list[Char]) -> list[tuple[str, list[Char]]]:
    """The note labels a raised group spells, each with its glyphs: ``∗†`` calls two
    notes and ``1,2`` two more, while ``**`` is one label. Empty when the group is not
    made of labels (a letter, a formula)."""
    text = "".join(g.text for g in group)
    if marker_label(text) is not None and not re.search(r"[,，]", text.strip(",")):
        tokens = [m for m in _LABEL_TOKEN.finditer(text) if m.group().strip(",， ")]
        if len(tokens) <= 1:
            return [(marker_label(text) or "", group)]
    out: list[tuple[str, list[Char]]] = []
    pos = 0
    spans = []
    for g in group:
        spans.append((pos, pos + len(g.text), g))
        pos += len(g.text)
    covered = 0
    for m in _LABEL_TOKEN.finditer(text):
        if m.start() != covered:
            return []
        covered = m.end()
        tok = m.group()
        if not tok.strip(",， "):
            continue
        label = marker_label(tok)
        if label is None:
            return []
        out.append((label, [g for a, b, g in spans if a < m.end() and b > m.start()]))
    return out if covered == len(text) else []


def is_bold(fontname: str) -> bool:
    return bool(_BOLD.search(fontname.split("+")[-1]))


#: a glyph's traits by what they follow from (font name, font, render mode): asked for
#: glyph after glyph of one font (profiled: 66,000 calls over the bench's 223 pages)
_TRAITS: dict[tuple[str, object, int], FontTraits] = {}
#: the memo is emptied when it grows past this many fonts (a document uses a few dozen)
_TRAITS_MAX = 4096


def _traits(c: Char) -> FontTraits:
    if type(c) is Char:  # its weight, flags and slant are its font's
        key = (c.fontname, c.font, c.render_mode)
        t = _TRAITS.get(key)
        if t is None:
            if len(_TRAITS) >= _TRAITS_MAX:
                _TRAITS.clear()
            t = _TRAITS[key] = traits(c.fontname, c.weight, c.flags, c.render_mode,
                                      c.italic_angle)
        return t
    return traits(c.fontname, getattr(c, "weight", None), getattr(c, "flags", None),
                  getattr(c, "render_mode", None), getattr(c, "italic_angle", None))


@dataclass(slots=True)
class Sup:
    """A raised callout taken out of the line: ``offset`` indexes the line's text."""

    label: str
    offset: int
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    #: the glyphs as printed where they are more than the label: ``[4]`` for ``4``
    printed: str = ""


@dataclass(slots=True)
class Line:
    page: int
    x0: float
    top: float
    x1: float
    bottom: float
    baseline: float
    size: float
    fontname: str
    bold: bool
    colour: tuple[float, ...] | None
    text: str
    sups: list[Sup] = field(default_factory=list)
    #: set when the line starts with a raised label (a note or affiliation label)
    lead_label: str | None = None
    #: filled by later stages
    kind: str = "body"
    col: int = 0
    #: what the line's main font sets (weight, slant, small capitals, family)
    font: FontTraits | None = None
    #: what the font of the line's first glyph sets, when that is not the main font (a
    #: heading's bold number before a file name in typewriter: ``3. Using TrIOmacros.tex``)
    lead_font: FontTraits | None = None
    #: the structure type of a tagged PDF's element holding most of the line's glyphs
    #: (``H1``, ``P``, ``LI``, ``Note``, ``Artifact`` …), None when the PDF is untagged
    tag: str | None = None
    #: share of the line's glyphs set upright (rotated margin slugs have none)
    upright: float = 1.0
    #: length of a run-in label opening the line (``text[:lead_run]``), see _lead_run
    lead_run: int | None = None
    #: offsets in ``text`` of spaces read from a gap beside a CJK glyph where the content
    #: stream draws no space (autospace or a typed space: the document decides, see
    #: :func:`drop_autospace`)
    cjk_gaps: list[int] | None = None
    #: word spaces between Latin letters on the line: drawn as a space glyph, and not
    drawn_spaces: int = 0
    undrawn_spaces: int = 0
    #: places where a Han character meets a Latin letter or digit: with a space drawn there
    #: (typed by the source), and without
    typed_between: int = 0
    untyped_between: int = 0
    #: the type sizes (to 0.1 pt) that set at least :data:`LINE_SIZE_SHARE` of the line's
    #: length; empty when unknown (a line made by hand): then ``size`` alone
    sizes: tuple[float, ...] = ()
    #: the texts of the pieces a printed row was joined from, left to right, when the
    #: row is one of a grid's (:func:`~pariter.extract.layout.merge_band_lines`): its cells
    cells: list[str] | None = None
    #: set on the first line after a table taken out of the text (:mod:`.grids`,
    #: :mod:`.unruled`): the text before the table does not run on into it
    after_table: bool = False
    #: set when a drawn vertical rule stands between this line and a piece of text on its
    #: row to its left (:class:`_Walls`): the two are cells, not one line
    walled: bool = False
    #: the line's pieces (x0, x1, text) where white wider than a word space parts it into
    #: what may be cells (:func:`~pariter.extract.unruled.segments`); None when uncut
    pieces: list[tuple[float, float, str]] | None = None
    #: the printed extent (x0, x1) of the line's first word (up to its first space), as
    #: its font set it: how much room that word needed, where the line above ended short
    #: of it or not (:func:`~pariter.extract.paragraphs.first_word_width`)
    word: tuple[float, float] | None = None
    #: the texts of the line's runs set in an italic or slanted face (as the font's
    #: descriptor or name tells), left to right: where a note's reference sets its title
    #: (:mod:`.citations`); strings rather than offsets, as later stages edit ``text``
    italics: tuple[str, ...] = ()
    #: the drawn box of a code listing the line stands in (its number on the page), see
    #: :func:`~pariter.extract.listings.mark_code_boxes`; None outside one
    code_box: int | None = None
    #: spaces of the text that stand for several typed in a monospace font: (offset in
    #: ``text``, how many), see :func:`_typed_count`; a code listing's text writes them out
    typed_runs: list[tuple[int, int]] | None = None
    #: share of a typewriter line's characters set in a typewriter face (1.0 for any other
    #: line, and a line made by hand): a listing's line is set wholly in one, a sentence
    #: naming commands in one is not
    mono_share: float = 1.0

    @property
    def width(self) -> float:
        return self.x1 - self.x0


_X0, _X1, _TOP, _BOTTOM = attrgetter("x0"), attrgetter("x1"), attrgetter("top"), attrgetter("bottom")
_SIZE, _TEXT, _FONTNAME = attrgetter("size"), attrgetter("text"), attrgetter("fontname")
_BY_X0_SEQ = attrgetter("x0", "seq")
_TIGHT, _FIRST = attrgetter("tight"), itemgetter(0)


class _Seg:
    """A piece of a line: glyphs and their bounds. ``last`` is the glyph reaching furthest
    right (the first such in ``chars``), kept up to date so that joining a run to a
    segment does not scan the segment's glyphs; ``supfont``, whether a glyph is in a
    superscript font (:func:`_supfont`), likewise for :func:`_same_line`, which asks it of
    every piece near a run."""

    __slots__ = ("chars", "x0", "x1", "top", "bottom", "size", "baseline", "upright", "last",
                 "supfont")

    def __init__(self, chars: list[Char]) -> None:
        self.chars = list(chars)
        self.supfont = any(map(_supfont, map(_FONTNAME, chars)))
        self.upright = chars[0].upright
        self.x0 = min(map(_X0, chars))
        self.x1 = max(map(_X1, chars))
        self.top = min(map(_TOP, chars))
        self.bottom = max(map(_BOTTOM, chars))
        big = max(chars, key=_SIZE)
        self.size = big.size
        self.baseline = big.baseline
        self.last = max(chars, key=_X1)

    def add(self, chars: list[Char]) -> None:
        self.chars.extend(chars)
        self.supfont = self.supfont or any(map(_supfont, map(_FONTNAME, chars)))
        self.x0 = min(self.x0, min(map(_X0, chars)))
        self.x1 = max(self.x1, max(map(_X1, chars)))
        self.top = min(self.top, min(map(_TOP, chars)))
        self.bottom = max(self.bottom, max(map(_BOTTOM, chars)))
        big = max(chars, key=_SIZE)
        if big.size > self.size * SEG_SIZE_GROWTH:
            self.size, self.baseline = big.size, big.baseline
        last = max(chars, key=_X1)
        if last.x1 > self.last.x1:
            self.last = last


def _same_line(a: _Seg, b: _Seg) -> bool:
    """Do two pieces sit on one line? Equal baselines, or a smaller raised/lowered piece;
    never a piece set upright and one turned (a rotated margin slug beside the text)."""
    if a.upright != b.upright:
        return False
    s = max(a.size, b.size)
    if abs(a.baseline - b.baseline) <= SAME_LINE_EM * s:
        return True
    small, big = (a, b) if a.size < b.size else (b, a)
    if small.size < SCRIPT_SIZE_SHARE * big.size or small.supfont:
        # a raised callout or a lowered subscript: its baseline lies inside the big one's band
        return (big.baseline - SCRIPT_RISE_EM * big.size <= small.baseline
                <= big.baseline + SCRIPT_DROP_EM * big.size)
    return False


def _runs(chars: list[Char], walls: "_Walls | None" = None) -> list[_Seg]:
    """Consecutive glyphs in drawing order that continue each other on the page, and no
    wall (a drawn vertical rule, :class:`_Walls`) between them."""
    ink: list[Char] = []
    typed: list[bool] = []  # a space glyph drawn right before this one
    space = False
    for ch in chars:
        if ch.text.isspace():
            space = True
        else:
            ink.append(ch)
            typed.append(space)
            space = False
    gaps = [b.x0 - a.x1 for a, b in zip(ink, ink[1:])]
    runs: list[_Seg] = []
    if not ink:
        return runs
    cjk = CJK
    # what the loop compares of the glyph before, kept in locals (this runs per glyph)
    first = ink[0]
    cur: list[Char] = [first]
    p_size, p_up, p_base = first.size, first.upright, first.baseline
    p_text = first.text
    p_cjk = bool(p_text) and cjk[p_text[-1]]
    for i in range(1, len(ink)):
        ch = ink[i]
        size, up, base, b = ch.size, ch.upright, ch.baseline, ch.text
        s = p_size if p_size >= size else size  # max(prev.size, ch.size, 1.0)
        if s < 1.0:
            s = 1.0
        gap = gaps[i - 1]
        # (a space the stream types between two ideographs is a word space: Prawn keeps
        # the source's "选项 来设" as printed, as wide as a Latin one)
        lim = CJK_GAP_EM if p_cjk and b and cjk[b[0]] and not typed[i] else LATIN_GAP_EM
        if gap > lim * s and _spread_evenly(ink, gaps, i - 1):
            lim = STRETCHED_GAP_EM
        if not (up == p_up and -OVERLAP_EM * s <= gap <= lim * s
                and (abs(base - p_base) <= RUN_BASELINE_EM * s or _in_logo(ink, i))) \
                or (gap > APART_GAP_EM * s
                    and (size if size < p_size else p_size) <= APART_SIZE_SHARE * s):
            # (a label in much smaller type set apart is a run of its own: see _set_apart)
            runs.append(_Seg(cur))
            cur = []
        elif walls is not None and gap > 0 and walls.between(
                ink[i - 1].x1, ch.x0, max(ch.top, ink[i - 1].top),
                min(ch.bottom, ink[i - 1].bottom), s):
            runs.append(_Seg(cur))
            cur = []
        cur.append(ch)
        p_size, p_up, p_base = size, up, base
        p_cjk = bool(b) and cjk[b[-1]]
    runs.append(_Seg(cur))
    return runs


def _in_logo(ink: list[Char], i: int) -> bool:
    """Glyph ``i`` and the one before it belong to one run although their baselines differ:
    one of them is a logo's lowered ``E``, tucked between its neighbours (see
    :func:`_tucked`). TeX lowers it by half an ex of the font at hand, which in a note's
    small type or a ConTeXt or dvips-made PDF reaches 0.3 em, beyond a run's baseline
    tolerance; set apart, it would be read as a line of its own."""
    n = len(ink)
    return ((0 < i < n - 1 and _tucked(ink[i - 1], ink[i], ink[i + 1]))
            or (1 < i and _tucked(ink[i - 2], ink[i - 1], ink[i])))


def _spread_evenly(ink: list[Char], gaps: list[float], k: int) -> bool:
    """Is gap ``k`` (between glyphs k and k+1, drawn one after the other) one of a line's
    evenly widened gaps — justification spreading a CJK line because the next word, an
    unbreakable URL, did not fit — rather than the gap between two cells of a grid of
    names? Its neighbouring gaps are about as wide, and none of them is tight.

    Justification spreads a CJK line after every ideograph and around its Latin words, a
    Latin line only at its word spaces. So beside an ideograph the glyphs may change font
    (a fallback font for one ideograph), a neighbouring gap wider than this one counts (a
    full-width mark carries white in its own box), and only tight pairs of ideographs
    tell a grid (a Latin word keeps its letters together in the spread line)."""
    a, b = ink[k], ink[k + 1]
    beside_cjk = bool(CJK[a.text[-1]] or CJK[b.text[0]])
    if b.seq != a.seq + 1 or abs(a.size - b.size) >= SAME_RUN_SIZE \
            or (a.fontname != b.fontname and not beside_cjk):
        return False
    g = gaps[k]
    near = [j for j in range(k - SPREAD_NEIGHBOURS, k + SPREAD_NEIGHBOURS + 1)
            if j != k and 0 <= j < len(gaps)
            and (beside_cjk or ink[j].fontname == ink[j + 1].fontname)
            and ink[j + 1].seq == ink[j].seq + 1
            and abs(ink[j].baseline - a.baseline) < RUN_BASELINE_EM * a.size
            and abs(ink[j + 1].baseline - a.baseline) < RUN_BASELINE_EM * a.size
            and gaps[j] > -BACKSTEP_EM * a.size]
    if any(gaps[j] < TIGHT_SHARE * g and (not beside_cjk or _ideographs(ink[j], ink[j + 1]))
           for j in near):
        return False  # tight pairs beside it: names in a grid (杨启光　于　珊)
    hi = float("inf") if beside_cjk else EVEN_GAP_RANGE[1]
    return any(EVEN_GAP_RANGE[0] * g <= gaps[j] <= hi * g for j in near)


def _ideographs(a: Char, b: Char) -> bool:
    return bool(CJK[a.text[-1]] and CJK[b.text[0]])


#: The widest gap (in ems) inside a line of Latin text: a justified line stretches its
#: word spaces, and nothing separates words by a full em.
LATIN_GAP_EM = 0.9
#: ... and between two CJK glyphs, which abut: a gap of this much between ideographs is a
#: column gutter (or an ideographic space, which the line is rejoined across later).
CJK_GAP_EM = 0.6


#: ... and between glyphs drawn one after the other in one font that justification spread
#: evenly (a CJK line holding an unbreakable URL); never as far as a column gutter.
STRETCHED_GAP_EM = 1.6
#: Gaps this much narrower than a wide one nearby are letters of one word or name: the
#: wide gap then parts cells of a grid of names, not an evenly spread line.
TIGHT_SHARE = 0.4


def _max_gap(a: str, b: str) -> float:
    return CJK_GAP_EM if a and b and CJK[a[-1]] and CJK[b[0]] else LATIN_GAP_EM


#: the glyphs a dot leader is made of, and how many of them in a row make one
_LEADER = frozenset(".·…")
LEADER_DOTS: int = 3


def _stretchable(s: _Seg, r: _Seg) -> bool:
    """Could the white between segment ``s`` and run ``r`` be a word space stretched past
    the em rule? Latin on both sides — or Latin on one and an ideograph on the other, the
    space a mixed line types between scripts (FOP justifies ``缺省的 OmegaT 快捷键`` by it) —
    one type size, and ``r`` does not open with a raised
    label (paragraph-style notes set one note after another on a line, each opening with
    its label after a wide space)."""
    a, b = s.last.text, r.chars[0].text
    if not a or not b or abs(s.size - r.size) >= SIZE_TOLERANCE:
        return False
    if CJK[a[-1]] and CJK[b[0]]:
        return False
    if CJK[a[-1]] or CJK[b[0]]:
        # a space between scripts stretches (缺省的 OmegaT): a word beside an ideograph, not
        # a CJK mark, and not a figure (a contents line's page number after its title)
        other, cjk = (b[0], a[-1]) if CJK[a[-1]] else (a[-1], b[0])
        if not cjk.isalnum() or other.isdigit():
            return False
    tail = sorted(s.chars, key=_X1)[-LEADER_DOTS:]
    if len(tail) == LEADER_DOTS and all(c.text in _LEADER for c in tail):
        return False  # a dot leader leads to a page number or a value: a tab, not a space
    first = min(r.chars, key=_X0)
    return not (first.size < SCRIPT_SIZE_SHARE * r.size or first.baseline < r.baseline - RAISED_EM * r.size)


def _typed_between_ideographs(s: _Seg, r: _Seg, space_after: set[int]) -> bool:
    """Does the stream type a space between the ideograph ending ``s`` and the one opening
    ``r``? Justification stretches it as the line's only space (Prawn keeps a source's
    "更加方便 如果"): one wide white on a line that fills the measure, which
    :meth:`~.gutters.PageGutters.is_mark_space` tells from a column's."""
    a, b = s.last.text, r.chars[0].text
    return bool(a and b and CJK[a[-1]] and CJK[b[0]] and a[-1].isalnum() and b[0].isalnum()
                and s.last.seq in space_after)


#: A space typed between two ideographs stretches to at most this many ems (the line's
#: only space takes all the line's shortfall: up to a long word that did not fit).
TYPED_CJK_SPACE_EM: float = 4.0


#: Marks after which a typesetter may widen the space (TeX's space factor): a sentence's
#: end, a colon, a semicolon; closing quotes and brackets after them keep the factor.
_WIDE_SPACE_MARKS = frozenset(".!?:;")
_MARK_CLOSERS = frozenset(")]’”'\"")
#: The full-width marks of a CJK sentence's end: a space typed after one ("“设置密码”。
#: 某些字符…", DocBook sources' line breaks) is the only stretchable space of its line
#: besides the slight glue between ideographs (xeCJK: 0.08 em), so a justified line may
#: widen it by itself; so may a space typed after a clause's comma or semicolon ("因为此
#: 文件仅用于操作系统识别， 所以…", a translation typed with Latin spaces, justified by FOP)
#: ... (Not a colon: "主 编：   贾益民" is a form's label and value.)
_CJK_WIDE_SPACE_MARKS = frozenset("。！？，；")
#: ... up to this many ems (about the stretch of a line's ideograph glue).
CJK_MARK_SPACE_EM: float = 3.0


def _after_mark(s: _Seg) -> float | None:
    """Does segment ``s`` end with a word and a mark after which the space may be wider
    ("Reference:", "Papers.", "end.”", "“设置密码”。")? Then the widest such space in ems,
    else None. A mark alone (a dot of a matrix's vertical ellipsis, a leader) ends no
    word."""
    tail = sorted(s.chars, key=_X1)[-4:]
    k = len(tail) - 1
    if k >= 1 and tail[k].text in _CJK_WIDE_SPACE_MARKS:
        before = tail[k - 1].text[-1:]
        if before.isalnum() or is_cjk(before) or before in _MARK_CLOSERS:
            return CJK_MARK_SPACE_EM
    while k >= 0 and tail[k].text in _MARK_CLOSERS:
        k -= 1
    if k >= 1 and tail[k].text in _WIDE_SPACE_MARKS and tail[k - 1].text[-1:].isalnum():
        return MARK_SPACE_EM
    return None


#: White between two glyphs of one monospace font is typed spaces when it is a whole
#: number of the font's advance within this share of one advance (verbatim code keeps
#: every space typed: pandoc's inline code "{ c4      d e }"). Typed spaces land on that
#: grid to a few thousandths of an advance (LaTeX, Chromium); labels placed in a figure
#: land anywhere (aptos's "0x1 … 0x3" boxes miss it by 0.04 and 0.08).
TYPED_SPACE_TOL: float = 0.02


def _typed_spaces(s: _Seg, r: _Seg, gap: float) -> bool:
    """Is the white between ``s`` and the run ``r`` spaces typed in monospace code: the
    glyphs either side (not ideographs) are of one monospace font and size, each as wide
    as the other, and the white is a whole number of that width? A column's gutter or a table's is as wide
    as the layout makes it, not a count of the font's spaces."""
    a, b = s.last, min(r.chars, key=_X0)
    adv = a.x1 - a.x0
    if is_cjk(a.text[:1]) or is_cjk(b.text[:1]):
        return False  # ideographs are all one em wide: a CJK font is no code font
    if (a.fontname != b.fontname or abs(a.size - b.size) > SIZE_TOLERANCE or adv <= 0
            or abs((b.x1 - b.x0) - adv) > TYPED_SPACE_TOL * adv or not _traits(a).mono):
        return False
    n = gap / adv
    return round(n) >= 1 and abs(n - round(n)) <= TYPED_SPACE_TOL


def _typed_count(a: Char, b: Char) -> int:
    """How many spaces the white between glyphs ``a`` and ``b``, where the content stream
    draws spaces, stands for: as many as the advances of their one monospace font it
    spans, when it spans two or more whole ones (code aligns its columns and comments with
    typed spaces, and a listing read with one space loses them); else one. (White the
    stream draws no space in is one: a justified line's stretch may span whole advances.)
    The line's text keeps one space; a listing's text writes them all out."""
    adv = a.x1 - a.x0
    if (adv <= 0 or a.fontname != b.fontname or abs(a.size - b.size) > SIZE_TOLERANCE
            or abs((b.x1 - b.x0) - adv) > TYPED_SPACE_TOL * adv
            or is_cjk(a.text[:1]) or is_cjk(b.text[:1]) or not _traits(a).mono):
        return 1
    n = (b.x0 - a.x1) / adv
    k = round(n)
    return k if k >= 2 and abs(n - k) <= TYPED_SPACE_TOL else 1


def _set_apart(s: _Seg, r: _Seg, gap: float) -> bool:
    """Is the white between ``s`` and ``r`` (on one line) the white between a line and a
    label beside it in much smaller type: a margin note's option name or date set on the
    line's baseline (fduthesis's "oneside", "New: 2018-02-01" beside the option's text)?
    Such a label is no word of the sentence. A note's label (1, *, a) before its text or a
    callout after a word is left to the notes."""
    small, big = (s, r) if s.size < r.size else (r, s)
    return apart(small.size, big.size, gap, "".join(c.text for c in small.chars))


def apart(small: float, big: float, gap: float, small_text: str) -> bool:
    """Does white ``gap`` wide set a piece of ``small_text`` in type of size ``small`` apart
    from a piece in type of size ``big``, as a label beside a line (see :func:`_set_apart`)?"""
    return (small <= APART_SIZE_SHARE * big and gap > APART_GAP_EM * big
            and not _MARKERLIKE.match(small_text.strip()))


class _Margins:
    """How far the page's lines reach, from its runs: a label in smaller type set apart
    beside a line stands in the margin, left of where the lines of the line's type start
    or right of where they end (a margin note's option name "oneside" beside its text),
    while a key name or code set small inside the text ("按 Ctrl + H 快速切换", a
    browser's <kbd> padded by its frame) stands within their reach, at a line's start, end
    or middle."""

    __slots__ = ("runs",)

    def __init__(self, runs: list[Piece]) -> None:
        self.runs = runs  # the runs as drawn: joining, which grows segments, must not move them

    def outside(self, s: _Seg, r: _Seg) -> bool:
        """Is the smaller of ``s`` and ``r`` (``r`` right of ``s``) in the margin beside
        the other?"""
        if s.size < r.size:  # before the line: hardly a line of its type starts further left
            tol, size, edge = MARGIN_EM * r.size, r.size, s.x1
            within = sum(1 for o in self.runs if o.x0 < edge - tol
                         and abs(o.size - size) < SIZE_TOLERANCE)
        else:  # after the line: hardly a line of its type ends further right
            tol, size, edge = MARGIN_EM * s.size, s.size, r.x0
            within = sum(1 for o in self.runs if o.x1 > edge + tol
                         and abs(o.size - size) < SIZE_TOLERANCE)
        return within < MARGIN_STRAYS


#: Reach is compared with this many ems of the line's size to spare ...
MARGIN_EM: float = 0.3
#: ... and the margin may hold fewer than this many pieces of the line's type (a folio, a
#: heading hung in the margin) and still be the margin.
MARGIN_STRAYS: int = 3


class PageTimeout(Exception):
    """Building a page's lines took longer than the time it was given."""


def _near(buckets: dict[int, list["_Seg"]], key: int, reach: int) -> Iterator[int]:
    """The bucket keys within ``reach`` of ``key``: a walk over the range, or over the
    buckets there are when that is shorter, so a glyph of absurd size (a font size of
    10¹⁰ read from a damaged file) costs no more than the page's own segments."""
    if 2 * reach + 1 <= len(buckets):
        return iter(range(key - reach, key + reach + 1))
    return iter(sorted(k for k in buckets if key - reach <= k <= key + reach))


#: A vertical rule shorter than this share of a line's type size is a mark drawn among the
#: glyphs (a tick, a bar of a symbol), not a wall between two cells.
WALL_MIN_SIZE_SHARE: float = 0.5


class _Walls:
    """A page's vertical rules, by x: a rule drawn through the white between two pieces of
    text on one line is a wall between them (the rule between an admonition's label cell
    and its text cell, between the cells of a one-row table), however narrow the white."""

    __slots__ = ("rules", "xs")

    def __init__(self, rules: list[Rule]) -> None:
        v = sorted((r for r in rules if r.x1 - r.x0 <= RULE_THICKNESS
                    and r.bottom - r.top > r.x1 - r.x0), key=lambda r: r.x0 + r.x1)
        self.rules = v
        self.xs = [(r.x0 + r.x1) / 2 for r in v]

    def between(self, x0: float, x1: float, top: float, bottom: float, size: float) -> bool:
        """Does a rule stand in the white from ``x0`` to ``x1`` and cross the middle of the
        height ``top``–``bottom`` the two pieces share, for at least half the type's size?"""
        xs = self.xs
        i = bisect_left(xs, x0)
        if i == len(xs) or xs[i] > x1:
            return False  # (the common case, asked at every word space: no rule there)
        mid = (top + bottom) / 2
        need = WALL_MIN_SIZE_SHARE * size
        for k in range(i, len(xs)):
            if xs[k] > x1:
                return False
            w = self.rules[k]
            if w.top <= mid <= w.bottom and w.bottom - w.top >= need:
                return True
        return False

    def parts(self, s: "_Seg", r: "_Seg") -> bool:
        """Does a wall stand between segment ``s`` and run ``r``, ``r`` right of ``s``?"""
        return self.between(s.x1, r.x0, max(s.top, r.top), min(s.bottom, r.bottom),
                            max(s.size, r.size))


def build_lines(chars: list[Char], page: int, spaces: set[int] | None = None,
                deadline: float | None = None, rules: list[Rule] | None = None) -> list[Line]:
    """Lines of one page, unordered; ``chars`` are cleaned glyphs in drawing order,
    ``rules`` the page's drawn rules (vertical ones part what they stand between).
    ``deadline`` (``time.monotonic()``): raise :class:`PageTimeout` after it."""
    space_after = _space_positions(chars)
    walls = _Walls(rules) if rules else None
    if walls is not None and not walls.xs:
        walls = None
    walled: set[int] = set()  # the runs a wall parts from text on their left
    runs = _runs(chars, walls)
    runs.sort(key=lambda r: r.x0)
    # the runs as drawn (joining grows them): what the page's gutters are measured on
    shapes = [Piece(r.x0, r.x1, r.baseline, r.size, r.upright) for r in runs]
    sizes = [len(r.chars) for r in runs]
    faces: list[frozenset[str]] | None = None  # each run's fonts, when a listing asks
    segs: list[_Seg] = []
    buckets: dict[int, list[_Seg]] = defaultdict(list)
    gutters: PageGutters | None = None  # measured when a wide gap first asks for it
    margins: _Margins | None = None  # likewise, when a small piece is first set apart
    for n, r in enumerate(runs):
        if deadline is not None and not n % DEADLINE_EVERY and time.monotonic() > deadline:
            raise PageTimeout(f"line building stopped after {n} of {len(runs)} pieces")
        best = None
        key = int(r.baseline // BAND_PT)
        reach = int(r.size // BAND_PT) + 2
        for k in _near(buckets, key, reach):
            for s in buckets.get(k, ()):
                gap = r.x0 - s.x1
                m = max(s.size, r.size)
                # the run continues the segment, or lies inside it (a glyph drawn later in
                # another font: a curly quote among CJK text)
                inside = s.x0 - OVERLAP_EM * m <= r.x0 <= s.x1
                if not (inside or gap >= -OVERLAP_EM * m) or not _same_line(s, r):
                    continue
                lim = _max_gap(s.last.text, r.chars[0].text) * m
                if gap > 0 and not inside and _set_apart(s, r, gap):
                    if margins is None:
                        margins = _Margins(shapes)
                    if margins.outside(s, r):
                        continue
                if gap > 0 and not inside and walls is not None and walls.parts(s, r):
                    walled.add(id(r))
                    continue
                if (gap > CJK_COLUMN_GAP_EM * min(s.size, r.size) and not inside and gap <= lim
                        and _beside_ideograph(s, r)):
                    # white beside an ideograph wider than an autospace, where the rows next
                    # above and below both stand on its two sides: a column's line that ran
                    # past its edge (an overfull line) and the next column's, not one line
                    if gutters is None:
                        gutters = _page_gutters(shapes, runs, sizes)
                    if gutters.columns_beside(s, r, both=True):
                        continue
                if gap > 0 and not inside:
                    # the page decides whether the white is a gutter: white its lines
                    # share parts columns however narrow, and a wide word space of a
                    # justified line no other line shares does not
                    typed = gap > lim and _typed_spaces(s, r, gap)
                    widest = _after_mark(s) if gap > lim else None
                    if gap > lim and not typed and not _stretchable(s, r) \
                            and not _typed_between_ideographs(s, r, space_after) and not (
                            widest == CJK_MARK_SPACE_EM and abs(s.size - r.size) < SIZE_TOLERANCE):
                        continue
                    if gutters is None:
                        gutters = _page_gutters(shapes, runs, sizes)
                    if typed:
                        if faces is None:
                            faces = [frozenset(map(_FONTNAME, r0.chars[:n0]))
                                     for r0, n0 in zip(runs, sizes)]
                        typed_listing = _listing_white(s, r, shapes, faces)
                    else:
                        typed_listing = False
                    if gap >= gutters.min_width and not typed_listing and gutters.is_gutter(s, r):
                        continue
                    if typed and not typed_listing and gutters.columns_beside(s, r):
                        continue  # the rows next to it have text on both sides: columns
                    if gap > lim and not typed and not gutters.is_word_space(s, r, EVEN_GAP_RANGE) \
                            and not (widest and gutters.is_mark_space(s, r, widest)) \
                            and not (_typed_between_ideographs(s, r, space_after)
                                     and gutters.is_mark_space(s, r, TYPED_CJK_SPACE_EM)):
                        continue
                if best is None or abs(s.baseline - r.baseline) < abs(best.baseline - r.baseline):
                    best = s
        if best is None:
            seg = r  # the run is a segment of its own (runs are not used after this)
            segs.append(seg)
            buckets[int(seg.baseline // BAND_PT)].append(seg)
        else:
            old = int(best.baseline // BAND_PT)
            best.add(r.chars)
            new = int(best.baseline // BAND_PT)
            if new != old:
                buckets[old].remove(best)
                buckets[new].append(best)
    lines = [_make_line(s, page, space_after) for s in segs]
    if walled:
        for s, l in zip(segs, lines):
            l.walled = id(s) in walled and _walled_off(s, buckets, walls)
    return lines


def _page_gutters(shapes: list[Piece], runs: list[_Seg], sizes: list[int]) -> PageGutters:
    """The page's gutters, measured on its runs as drawn (each run's first ``sizes``
    glyphs: joining grew some of them). The word spaces are sampled from the first runs
    only (:func:`~.gutters.word_gaps`), so the runs are cut to size as it reads them."""
    return PageGutters(shapes, word_gaps(r0.chars[:n0] for r0, n0 in zip(runs, sizes)))


#: The rows next above and below a line are at most this many of its sizes away (a
#: listing's leading; a paragraph's or a box's spacing is more).
LISTING_ROW_SIZES: float = 2.5
#: Pieces on one row: baselines closer than this many of the size.
LISTING_SAME_ROW_EM: float = 0.25


#: White beside an ideograph this many ems wide (of the smaller size) is more than an
#: autospace (a quarter em, xeCJK's and Word's) or an evenly spread justified line's.
CJK_COLUMN_GAP_EM: float = 0.4


def _beside_ideograph(s: _Seg, r: _Seg) -> bool:
    """Does an ideograph (or a full-width mark) stand at one side of the white between
    ``s`` and ``r``? Chinese sets no word spaces: white there is autospace or a column's."""
    a, b = s.last.text, min(r.chars, key=_X0).text
    return bool(a and b and (CJK[a[-1]] or CJK[b[0]]))


def _listing_white(s: _Seg, r: _Seg, shapes: list[Piece], faces: list[frozenset[str]]) -> bool:
    """Is the white of typed spaces between ``s`` and ``r`` (see :func:`_typed_spaces`)
    inside a listing rather than between the columns of a table: every piece of text that
    stands beside it in the rows next above and below — left of the white or right of it,
    within the two pieces' span — is set in the one monospace font of ``s`` and ``r``?
    Code aligns its comments and values with spaces, so its rows share the white as a
    table's do; what tells a listing is that nothing beside the white leaves its font (a
    table's or a form's cells, its head row, its labels, are set in the text's faces).
    A line of other type running across the white says nothing either way; on a page set
    all in that face nothing tells a listing from a form."""
    font = s.last.fontname
    if all(face <= {font} for face in faces):
        return False  # the page is all in this face: nothing sets a listing apart
    a, b = s.last.x1, min(r.chars, key=_X0).x0
    size = max(s.size, r.size)
    y = min(s.baseline, r.baseline)
    lo, hi = s.x0, r.x1
    seen = False
    for q, face in zip(shapes, faces):
        if q.x0 > hi:
            break  # shapes are sorted by their left edge
        d = abs(q.baseline - y)
        if d <= LISTING_SAME_ROW_EM * size or d > LISTING_ROW_SIZES * size or q.x1 <= lo:
            continue
        if q.x0 < a and q.x1 > b:
            continue  # runs across the white
        if face != {font}:
            return False
        seen = True
    return seen


def _walled_off(s: _Seg, buckets: dict[int, list[_Seg]], walls: _Walls) -> bool:
    """Is the nearest piece left of ``s`` on its line across a wall from it? (A run kept
    off one piece by a wall may still have joined a nearer one on this side of it.)"""
    key, reach = int(s.baseline // BAND_PT), int(s.size // BAND_PT) + 2
    left = [o for k in _near(buckets, key, reach) for o in buckets.get(k, ())
            if o is not s and o.x1 <= s.x0 and _same_line(o, s)]
    return bool(left) and walls.parts(max(left, key=_X1), s)


def _space_positions(chars: list[Char]) -> set[int]:
    """seq numbers of glyphs followed by an explicit space in the content stream."""
    out = set()
    prev = None
    for ch in chars:
        if ch.text.isspace():
            if prev is not None:
                out.add(prev.seq)
        else:
            prev = ch
    return out


#: The TeX logo's geometry, in ems of the T's size (plain TeX's ``\TeX`` lowers the E by
#: half an ex and kerns it under both neighbours; LaTeX's raises a small A into the L):
#: glyphs of the logo are one size within this share ...
LOGO_SIZE_SHARE: float = 0.05
#: ... the E is dropped by an amount in this range ...
LOGO_E_DROP_EM: tuple[float, float] = (0.12, 0.4)
#: ... and kerned into each neighbour by more than this ...
LOGO_KERN_EM: float = 0.03
#: ... LaTeX's A is set at a share of the size in this range ...
LOGO_A_SIZE_SHARE: tuple[float, float] = (0.55, 0.88)
#: ... and raised by an amount in this range.
LOGO_A_RISE_EM: tuple[float, float] = (0.1, 0.45)


def _tex_logos(chars: list[Char]) -> None:
    """TeX and LaTeX logos, drawn as capitals, read as they are written: ``TeX``, ``LaTeX``,
    ``XeTeX``, ``XeLaTeX``.

    Only the logo's geometry counts: a lowered ``E`` of full size tucked between ``T`` and
    ``X`` on one baseline (kerned into both), and for LaTeX a small raised ``A`` tucked
    into the ``L`` before that ``T``. XeTeX's logo sets a reversed ``E`` (a mirrored E, or
    ``Ǝ`` where the font has that letter), lowered and kerned the same way, between an
    ``X`` and the TeX or LaTeX logo. Plain capitals
    ("TEX", "LATEX", "XELATEX") stay as they are."""
    n = len(chars)
    for i in range(1, n - 1):
        t, e, x = chars[i - 1], chars[i], chars[i + 1]
        if e.text != "E" or not _tucked(t, e, x):
            continue
        if t.text == "T" and x.text == "X":
            e.text = "e"
            if i >= 3:
                l, a = chars[i - 3], chars[i - 2]
                s = t.size
                rise = l.baseline - a.baseline
                if (l.text == "L" and a.text == "A" and abs(l.size - s) < LOGO_SIZE_SHARE * s
                        and LOGO_A_SIZE_SHARE[0] * s <= a.size <= LOGO_A_SIZE_SHARE[1] * s
                        and LOGO_A_RISE_EM[0] * s <= rise <= LOGO_A_RISE_EM[1] * s
                        and a.x0 < l.x1 and abs(l.baseline - t.baseline) < LOGO_SIZE_SHARE * s):
                    a.text = "a"
    for i in range(1, n - 2):
        # after the pass above, so that what follows the reversed E is a logo already
        t, e, x, nxt = chars[i - 1], chars[i], chars[i + 1], chars[i + 2]
        if (t.text == "X" and e.text in _REVERSED_E
                and (x.text, nxt.text) in (("T", "e"), ("L", "a")) and _tucked(t, e, x)):
            e.text = "e"


#: the reversed E of XeTeX's logo: an E drawn mirrored, or a font's own glyph for it
_REVERSED_E = ("E", "\u018e")


def _tucked(before: Char, e: Char, after: Char) -> bool:
    """``e`` is one size with its neighbours, dropped below their shared baseline by a
    logo's amount and kerned into both."""
    s = before.size
    if s <= 0 or abs(e.size - s) > LOGO_SIZE_SHARE * s or abs(after.size - s) > LOGO_SIZE_SHARE * s:
        return False
    drop = e.baseline - before.baseline
    return (LOGO_E_DROP_EM[0] * s <= drop <= LOGO_E_DROP_EM[1] * s
            and abs(after.baseline - before.baseline) < LOGO_SIZE_SHARE * s
            and e.x0 < before.x1 - LOGO_KERN_EM * s and after.x0 < e.x1 - LOGO_KERN_EM * s)


#: Spacing accents that TeX (and some Word fonts) draw as glyphs of their own over a
#: letter, with the combining mark each stands for.
_ACCENTS = {"\u00b4": "\u0301", "`": "\u0300", "\u00a8": "\u0308", "\u02c6": "\u0302",
            "^": "\u0302", "\u02dc": "\u0303", "~": "\u0303", "\u00b8": "\u0327",
            "\u02c7": "\u030c", "\u02d8": "\u0306", "\u02d9": "\u0307", "\u00af": "\u0304",
            "\u02da": "\u030a", "\u02dd": "\u030b"}
_DOTLESS = {"\u0131": "i", "\u0237": "j"}
#: An accent covers at least this share of the narrower of itself and the letter it
#: belongs to; one that covers less stands free (a backtick, a quote).
ACCENT_OVERLAP_SHARE: float = 0.3


def _compose_accents(chars: list[Char]) -> list[Char]:
    """A spacing accent drawn over a neighbouring letter becomes that letter's accent:
    ``´`` over ``ı`` is ``í`` (TeX sets Cosmología as Cosmolog´ıa)."""
    if not any(map(_ACCENTS.__contains__, map(_TEXT, chars))):
        return chars
    drop: set[int] = set()
    for i, c in enumerate(chars):
        mark = _ACCENTS.get(c.text)
        if mark is None:
            continue
        best, best_ov = None, 0.0
        for j in (i - 1, i + 1):
            if 0 <= j < len(chars) and j not in drop and chars[j].text.isalpha():
                o = chars[j]
                ov = min(c.x1, o.x1) - max(c.x0, o.x0)
                if ov > best_ov:
                    best, best_ov = o, ov
        if best is None or best_ov < ACCENT_OVERLAP_SHARE * min(c.x1 - c.x0, best.x1 - best.x0):
            continue  # a free-standing accent or backtick: text as printed
        base = _DOTLESS.get(best.text, best.text)
        best.text = unicodedata.normalize("NFC", base + mark)
        drop.add(i)
    return [c for i, c in enumerate(chars) if i not in drop]


#: A superior figure (a font's own superscript design, OpenType ``sups``, set at the
#: text's size on its baseline) shows only in its ink: it stands this many ems above
#: the baseline ...
SUPERIOR_LIFT_EM = 0.25
#: ... and is at most this many ems tall.
SUPERIOR_HEIGHT_EM = 0.6
#: A line's text glyphs are those within this many points of its commonest size (the
#: rest are callouts, scripts, drop capitals).
BASE_SIZE_TOLERANCE: float = 0.3
#: A glyph whose baseline stands this many ems above the line's is raised, when it is
#: also smaller than the text (below this share of its size) or in a superscript font ...
RAISED_EM: float = 0.2
RAISED_SIZE_SHARE: float = 0.95
#: ... or, at the text's own size, when it stands this high (a callout set at full size).
RAISED_FULL_SIZE_EM: float = 0.28
#: A digit in a superscript font is raised unless it sits this many ems below the baseline.
SUPFONT_DROP_EM: float = 0.1
#: A raised letter that starts this many ems left of the previous glyph's end is tucked
#: into it (the A of the LaTeX logo), never a note label, which follows its word.
LETTER_TUCK_EM: float = 0.1
#: Raised glyphs less than this many ems apart are one group (one callout, ``1,2``).
RAISED_GROUP_GAP_EM: float = 0.5


def _superior_glyph(c: Char, baseline: float, size: float) -> bool:
    """Is ``c`` a digit or a roman counter's letter (i v x, Typst's "i" numbering) drawn as a
    superior glyph? Only a reader that gives the ink box (PDFium) can tell; a layout box is
    the same for every glyph of a font."""
    t = getattr(c, "tight", None)
    if t is None or not (c.text.isdigit() or c.text in _ROMAN_LETTERS) or size <= 0:
        return False
    return baseline - t[3] > SUPERIOR_LIFT_EM * size and t[3] - t[1] < SUPERIOR_HEIGHT_EM * size


@lru_cache(maxsize=4096)
def _supfont(fontname: str) -> bool:
    """Is the font a superscript cut (by its name)? Asked for every glyph, decided per font."""
    return bool(_SUPFONT.search(fontname))


def _raised(chars: list[Char], bl: float, size: float) -> list[bool]:
    """Which glyphs of a line on baseline ``bl``, whose text is set at ``size``, are raised:
    clearly above the baseline and smaller, in a superscript font or high above it; a
    digit in a superscript font not below the baseline; a superscript digit; a superior
    figure. (One loop with the thresholds scaled once: it runs for every glyph.)"""
    lift, smaller, high = RAISED_EM * size, RAISED_SIZE_SHARE * size, RAISED_FULL_SIZE_EM * size
    drop = -SUPFONT_DROP_EM * size
    out: list[bool] = []
    for c in chars:
        rise = bl - c.baseline
        t = c.text
        if rise > lift and (c.size < smaller or _supfont(c.fontname) or rise > high):
            out.append(True)
        elif t.isdigit():
            out.append((rise > drop and _supfont(c.fontname)) or t in _SUP_DIGITS
                       or _superior_glyph(c, bl, size))
        elif t in _ROMAN_LETTERS:  # a roman counter's letter in its superior design
            out.append(_superior_glyph(c, bl, size))
        else:  # superscript digits are digits: only "" is in _SUP_DIGITS here
            out.append(t in _SUP_DIGITS)
    return out


#: Figures of one label touch: at most this many ems apart.
LABEL_FIGURE_GAP_EM: float = 0.1


def _mixed_figures(parts: list[str], grp: list[Char], chars: list[Char], i: int,
                   size: float) -> bool:
    """Do the plain digits the line opens with and the raised group after them spell one
    label? A font with superior designs of only some figures (its ToUnicode maps those to
    ⁴ ⁹, the others to plain 1 2) prints a note's label "19" as "1⁹": only where the line
    holds nothing but those digits before the group, the group is superscript code points
    touching the last digit, and a word follows without a space (an exponent, ``10⁴ km``,
    is followed by a space or an operator)."""
    head = "".join(parts)
    if not head or not (head.isascii() and head.isdigit()) or len(head) > 2:
        return False
    if not all(g.text in _SUP_DIGITS for g in grp) or i == 0:
        return False
    if grp[0].x0 - chars[i - 1].x1 > LABEL_FIGURE_GAP_EM * size:
        return False
    j = i + len(grp)
    return j < len(chars) and chars[j].text[:1].isalpha() \
        and chars[j].x0 - grp[-1].x1 <= LABEL_FIGURE_GAP_EM * size


_BASELINE, _UPRIGHT = attrgetter("baseline"), attrgetter("upright")
_COLOUR, _STRUCT_KEY = attrgetter("colour"), attrgetter("artifact", "struct")


def _round1(v: float) -> float:
    return round(v, 1)


def _merged(counts: Counter, key) -> Counter:  # noqa: ANN001
    """``counts`` with the values that ``key`` maps alike added together, in the order the
    values first appear: what counting ``key`` of every item would give."""
    out: Counter = Counter()
    for v, n in counts.items():
        out[key(v)] += n
    return out


def _struct_tag(key: tuple[bool, StructNode | None]) -> str | None:
    """:attr:`Char.tag` of a glyph with these (``artifact``, ``struct``)."""
    artifact, struct = key
    if artifact:
        return "Artifact"
    if struct is None:
        return None
    for t in reversed(struct.path):
        if t not in SILENT_TYPES:
            return t
    return struct.type


def _tag_vote(chars: list[Char]) -> str | None:
    """The structure type most of a line's glyphs belong to (:attr:`Char.tag`), or None.
    A glyph's tag follows from its ``artifact`` and ``struct``, which the glyphs of one
    text object share: they are counted, and each distinct pair is named once."""
    if not hasattr(chars[0], "tag"):
        return None
    if set(map(type, chars)) == {Char}:
        keys = list(map(_STRUCT_KEY, chars))
        if _uniform(keys):  # (an untagged PDF's lines, and most of a tagged one's)
            return _struct_tag(keys[0])
        return _merged(Counter(keys), _struct_tag).most_common(1)[0][0]
    return Counter(getattr(c, "tag", None) for c in chars).most_common(1)[0][0]


#: A type size is one the line is set in when its glyphs make at least this share of the
#: line's length: ctex sets a line's Latin words larger than its ideographs (Libertinus at
#: 11.55 pt beside Source Han at 10.5 pt), so which of the two has more glyphs changes from
#: line to line of one paragraph; an inline code word (Iosevka 9.5 pt) may be most glyphs.
LINE_SIZE_SHARE: float = 0.25


def _line_sizes(chars: list[Char]) -> tuple[float, ...]:
    """The sizes that set a fair share of the line's length (advances, not glyph counts:
    an ideograph is as long as two Latin letters)."""
    length: dict[float, float] = defaultdict(float)
    for c in chars:  # every glyph of every line: max(0.0, w) and _round1 written out
        w = c.x1 - c.x0
        length[round(c.size, 1)] += w if w > 0.0 else 0.0
    total = sum(length.values())
    return tuple(sorted(v for v, n in length.items() if total > 0 and n >= LINE_SIZE_SHARE * total))


def line_sizes(l: Line) -> tuple[float, ...]:
    """The sizes ``l`` is set in (:attr:`Line.sizes`, else its one size)."""
    return l.sizes or (l.size,)


def _ink_order(chars: list[Char]) -> list[Char]:
    """Glyphs in order of their boxes, except where a glyph's box starts before its
    neighbour's but all its ink lies right of that neighbour's box: xeCJK compresses a
    full-width bracket after a Latin letter, so the box of "（" starts 0.7 pt before the
    "t" of "install-win.bat" while the bracket is drawn 5 pt to its right ("…ba（t")."""
    tights = list(map(_TIGHT, chars))
    if None not in tights and not any(map(ge, map(_FIRST, tights), map(_X1, chars[1:]))):
        return chars  # no ink box starts right of the next glyph's end: nothing to swap
    for i in range(1, len(chars)):
        a, b = chars[i - 1], chars[i]
        if a.tight is not None and not a.text.isspace() and a.tight[0] >= b.x1 \
                and a.tight[2] > a.tight[0]:
            chars[i - 1], chars[i] = b, a
    return chars


#: Two glyphs overprint each other when their boxes share more than this share of the
#: narrower one's width (kerning and a bold face's overdraw share far less).
OVERPRINT_SHARE: float = 0.5


def _overprint_runs(chars: list[Char], by_x: list[Char]) -> list[list[Char]] | None:
    """The glyphs of a line in the order a reader reads them where one run of letters was
    drawn over another (MuPDF sets a description list's short term, ``0``, ``SYSTEM``, on
    the first glyphs of its description, "S如YST果EM设置了"): each run in drawing order,
    left to right within itself, the runs one after the other; None where no two letters
    (or digits, or ideographs) share most of their boxes. Accents, which a font draws
    over their letter, are no letters and stay to :func:`_compose_accents`. ``by_x``: the
    same glyphs in ``_BY_X0_SEQ`` order, which the line sorts them into anyway."""
    ink = [c for c in by_x if c.text.isalnum()]
    if not any(b.x0 < a.x1 - OVERPRINT_SHARE * min(a.x1 - a.x0, b.x1 - b.x0)
               and a.text != b.text and b.x1 - b.x0 > 0 and a.x1 - a.x0 > 0
               for a, b in zip(ink, ink[1:])):
        return None
    drawn = sorted(chars, key=attrgetter("seq"))
    runs: list[list[Char]] = [[]]
    right = None
    last: Char | None = None
    for c in drawn:
        if (right is not None and last is not None and c.text.isalnum()
                and c.x0 < right - OVERPRINT_SHARE * min(c.x1 - c.x0, last.x1 - last.x0)
                and runs[-1]):
            runs.append([])
            right = None
        runs[-1].append(c)
        if c.text.isalnum():
            right = c.x1 if right is None else max(right, c.x1)
            last = c
    if len(runs) < 2:
        return None
    # each run drawn over starts where the first one does (a tag and its description share
    # the item's left edge), in the same size: a logo's raised small letter kerned into
    # the one before ("LaTeX"), or a font with wrong advances, overlaps somewhere else
    heads = [next((c for c in run if c.text.isalnum()), None) for run in runs]
    first = heads[0]
    if first is None or any(h is None or abs(h.x0 - first.x0) > OVERPRINT_EDGE_EM * first.size
                            or abs(h.size - first.size) >= SIZE_TOLERANCE for h in heads[1:]):
        return None
    return [sorted(run, key=_BY_X0_SEQ) for run in runs]


#: A run drawn over another starts within this many ems of the other's first glyph.
OVERPRINT_EDGE_EM: float = 0.2


def _make_line(seg: _Seg, page: int, space_after: set[int]) -> Line:
    by_x = sorted(seg.chars, key=_BY_X0_SEQ)
    over = _overprint_runs(seg.chars, by_x)
    starts: set[int] = set()  # the glyphs opening an overprinted run: a space before them
    if over is None:
        chars = _compose_accents(_ink_order(by_x))
    else:
        chars = [c for run in over for c in run]
        starts = {id(run[0]) for run in over[1:]}
    if "E" in map(_TEXT, chars):
        _tex_logos(chars)
    # The votes below count each distinct value once per glyph and then merge what is
    # equal after rounding (or naming) in the order values first appear, which is the
    # order a per-glyph count meets them: most_common keeps that order among ties.
    # Most lines are set in one size and one font: then the vote is the one value, and
    # the counting is skipped (profiled: a tenth of the line builder's time).
    sizes = list(map(_SIZE, chars))
    one_size = _uniform(sizes)
    if one_size:
        size = round(sizes[0], 1)
        base_chars = chars  # every glyph is within rounding of the one size
    else:
        size = _merged(Counter(sizes), _round1).most_common(1)[0][0]
        base_chars = [c for c in chars if abs(c.size - size) < BASE_SIZE_TOLERANCE] or chars
    bl = sorted(map(_BASELINE, base_chars))[len(base_chars) // 2]
    names = list(map(_FONTNAME, chars))
    one_font = _uniform(names)
    if one_font:
        fontname, rep, fonts = names[0], base_chars[0], None
    else:
        fonts = Counter(map(_FONTNAME, base_chars))  # characters per font: a ligature counts
        for c in [c for c in base_chars if len(c.text) != 1]:  # as its letters, an empty
            fonts[c.fontname] += len(c.text) - 1  # glyph (none from the readers) as nothing
        fontname = fonts.most_common(1)[0][0]
        rep = next(c for c in base_chars if c.fontname == fontname)
    font = _traits(rep)
    mono_share = 1.0
    if font.mono and fonts is not None and len(fonts) > 1:
        # how much of a typewriter line is in such a face
        mono = {c.fontname for c in base_chars if _traits(c).mono}
        mono_share = sum(n for f, n in fonts.items() if f in mono) / max(1, sum(fonts.values()))
    tag = _tag_vote(chars)
    upright = sum(map(_UPRIGHT, chars)) / len(chars)
    colour = _commonest(list(map(_COLOUR, base_chars)))
    # raised glyphs: baseline clearly above the line's, smaller or in a superscript font
    raised = _raised(chars, bl, size)
    parts: list[str] = []
    sups: list[Sup] = []
    order: list[tuple[int, Char]] = []  # (offset in the text, glyph) of the glyphs kept
    length = 0
    prev: Char | None = None
    lead_label = None
    cjk_gaps: list[int] = []
    spread: float | None = None  # the line's usual gap between ideographs, once needed
    drawn = undrawn = typed = untyped = 0
    typed_runs: list[tuple[int, int]] = []
    i = 0
    n = len(chars)
    while i < n:
        c = chars[i]
        if raised[i]:
            j = i
            while j < n and raised[j] and (
                    j == i or chars[j].x0 - chars[j - 1].x1 < RAISED_GROUP_GAP_EM * size):
                j += 1
            grp = chars[i:j]
            labels = split_labels(grp)
            if labels and grp[0].text.isalpha() and i > 0 and \
                    grp[0].x0 < chars[i - 1].x1 - LETTER_TUCK_EM * size:
                labels = []  # a raised letter kerned into the one before (LaTeX's logo)
            if labels and len(labels) == 1 and _mixed_figures(parts, grp, chars, i, size):
                # a label opening the line whose figures the font maps partly to plain
                # digits, partly to superscript ones ("1⁹" for note 19): one label
                labels = [("".join(parts) + labels[0][0], chars[i - len("".join(parts)):j])]
                parts, order, length = [], [], 0
            if labels:
                for label, part in labels:
                    box = (min(g.x0 for g in part), min(g.top for g in part),
                           max(g.x1 for g in part), max(g.bottom for g in part))
                    if length == 0:
                        lead_label = label if lead_label is None else lead_label
                    else:
                        printed = "".join(g.text for g in part).strip()
                        sups.append(Sup(label, length, *box, size=part[0].size,
                                        printed=printed if printed[:1] in BRACKETS else ""))
                prev = grp[-1]
                i = j
                continue
        if prev is not None and parts and id(c) in starts:
            parts.append(" ")
            length += 1
        elif prev is not None and parts:
            why = _needs_space(prev, c, size, space_after)
            a, b = prev.text[-1], c.text[0]
            if CJK[a] != CJK[b] and between_scripts(a, b):
                # where Chinese meets Latin text: does the source type a space there?
                if why == _DRAWN:
                    typed += 1
                else:
                    untyped += 1
            if why == _CJK_GAP:
                if spread is None:
                    spread = _spread(chars, size)
                if spread and c.x0 - prev.x1 <= spread + CJK_SPACE_EM * size:
                    # a line whose ideographs justification pulled apart (the next word,
                    # a URL, did not fit): white no wider than theirs is that spreading
                    why = None
            if why:
                if why == _CJK_GAP:
                    if between_scripts(a, b):
                        cjk_gaps.append(length)
                elif a.isalnum() and b.isalnum():  # a space between words
                    if why == _DRAWN:
                        drawn += 1
                    else:
                        undrawn += 1
                if why == _DRAWN:
                    k = _typed_count(prev, c)
                    if k > 1:
                        typed_runs.append((length, k))
                parts.append(" ")
                length += 1
        order.append((length, c))
        parts.append(c.text)
        length += len(c.text)
        prev = c
        i += 1
    text = "".join(parts)
    lead = order[0][1] if order else None
    start = len(text) - len(text.lstrip())
    end = text.find(" ", start)
    end = len(text) if end < 0 else end
    word_glyphs = [c for off, c in order if start <= off < end]
    word = (min(map(_X0, word_glyphs)), max(map(_X1, word_glyphs))) if word_glyphs else None
    return Line(page, seg.x0, seg.top, seg.x1, seg.bottom, bl, size, fontname,
                is_bold(fontname) or font.weight >= BOLD_WEIGHT, colour, text,
                sups, lead_label, font=font,
                lead_font=_traits(lead) if lead is not None and lead.fontname != fontname else None,
                tag=tag, upright=upright,
                # a line in one face opens with no label in another face
                lead_run=None if one_font else _lead_run(order, text, size),
                cjk_gaps=cjk_gaps or None,
                drawn_spaces=drawn, undrawn_spaces=undrawn, typed_between=typed,
                untyped_between=untyped,
                sizes=_one_size(chars, sizes[0]) if one_size else _line_sizes(chars), word=word,
                italics=_italic_runs(order, text) if not one_font or _italic_first(order) else (),
                typed_runs=typed_runs or None, mono_share=mono_share)


def _uniform(values: list) -> bool:  # noqa: ANN001 - sizes, names, keys
    """Are all of ``values`` (at least one) equal? Then a vote over them is their one
    value, without counting."""
    return values.count(values[0]) == len(values)


def _commonest(values: list):  # noqa: ANN001, ANN202
    """The most common of ``values`` (at least one), the first met among ties, as
    ``Counter(values).most_common(1)`` names it."""
    if _uniform(values):
        return values[0]
    return Counter(values).most_common(1)[0][0]


def _italic_first(order: list[tuple[int, Char]]) -> bool:
    """Is the first glyph of ``order`` (spaces aside) italic? In a line of one font it
    decides :func:`_italic_runs` alone, which reads a font's slant off its first glyph."""
    first = next((c for _, c in order if not c.text.isspace()), None)
    return first is not None and bool(_traits(first).italic)


def _one_size(chars: list[Char], size: float) -> tuple[float, ...]:
    """:func:`_line_sizes` of a line whose glyphs are all of ``size``: that size when any
    glyph has a length, else none."""
    return (round(size, 1),) if any(c.x1 - c.x0 > 0.0 for c in chars) else ()


def _italic_runs(order: list[tuple[int, Char]], text: str) -> tuple[str, ...]:
    """The runs of ``text`` set in italic glyphs; a space between two italic glyphs stays
    inside the run, any other upright glyph ends it."""
    italic: dict[str, bool] = {}
    runs: list[str] = []
    start = end = -1
    for off, c in order:
        if c.text.isspace():
            continue
        it = italic.get(c.fontname)
        if it is None:
            it = italic[c.fontname] = bool(_traits(c).italic)
        if it and start >= 0 and not text[end:off].strip():
            end = off + len(c.text)
        elif it:
            if start >= 0:
                runs.append(text[start:end])
            start, end = off, off + len(c.text)
        elif start >= 0:
            runs.append(text[start:end])
            start = -1
    if start >= 0:
        runs.append(text[start:end])
    return tuple(runs)


#: a run-in label is short: at most this many characters ...
RUNIN_MAX_CHARS = 32
#: ... and followed on its line by at least this many of the running text
RUNIN_MIN_REST = 4
#: a CJK label stands apart from its text by a visible gap: this many ems wider than the
#: line's usual gap between ideographs (Chinese sets them edge to edge, and justification
#: widens every gap of a line alike; a label is followed by a space of a half or whole em)
RUNIN_CJK_GAP_EM = 0.3
_RUNIN_END = tuple(".:：。．")


def _lead_run(order: list[tuple[int, Char]], text: str, size: float) -> int | None:
    """The length of a run-in label that opens the line, or None.

    A run-in label (``Note``, ``注``, ``2.1.1 Modules.``, LaTeX's ``\\paragraph``) is set in
    a heavier weight or another family than the text that follows it on the same line,
    and stands apart from it as a unit of its own: it ends in a full stop or colon, or the
    text after it opens like a sentence (a capital; for CJK, after a visible gap). A bold
    word inside a sentence (``**GenAI** is``) is emphasis, not a label."""
    if len(order) < 2:
        return None
    f0 = order[0][1].fontname
    j = next((k for k, (_, c) in enumerate(order) if c.fontname != f0 and c.text.strip()), None)
    if j is None:
        return None
    head = text[:order[j][0]].rstrip()
    rest = text[order[j][0]:].strip()
    if not head or len(head) > RUNIN_MAX_CHARS or len(rest) < RUNIN_MIN_REST:
        return None
    script = is_cjk(rest[0])
    # (the faces of the rest, a loop over its glyphs, are counted last: every test here
    # only rules a label out, and the others are cheap)
    if is_cjk(head[-1]) != script:
        if _mixed_faces(order, j, script, size):
            return None
        # a Latin face next to a CJK one is the script changing, not the style: the label
        # is read by the faces of each script
        return _mixed_lead_run(order, text, size)
    if not is_cjk(rest[0]) and not rest[0].isalnum():
        return None
    t0, t1 = _traits(order[0][1]), _traits(order[j][1])
    if t0.mono or t1.mono:
        return None  # code
    if not is_cjk(head[-1]) and not re.search(r"[^\W\d_]{2}", head):
        return None  # one letter in another face: a symbol, a variable, a logo (R, 𝑥)
    # a label in capitals set in another slant than the title after it ("*PERSPECTIVE*
    # **Beyond software**", "*COMMUNITY* **The Release Manager**": a box's kind, then its
    # title, both bold) is set off by its slant, as a lighter label is by its weight
    slanted = t0.italic != t1.italic and bool(_CAPS_LABEL.match(head))
    if not ((t0.bold and not t1.bold) or t0.cls != t1.cls or slanted):
        return None
    prev = order[j - 1][1]
    if is_cjk(head[-1]) and is_cjk(rest[0]):
        apart = order[j][1].x0 - prev.x1 >= _usual_cjk_gap(order) + RUNIN_CJK_GAP_EM * size
    else:
        apart = rest[0].isupper() or rest[0].isdigit() or is_cjk(rest[0])
    if not (head.endswith(_RUNIN_END) or apart):
        return None
    if _mixed_faces(order, j, script, size):
        return None
    return len(head)


#: A label written in capitals: a word or a few ("NOTE", "BACK TO BASICS").
_CAPS_LABEL = re.compile(r"^[A-Z]{2,}(?: [A-Z]{2,}){0,3}$")


def _mixed_faces(order: list[tuple[int, Char]], j: int, script: bool, size: float) -> bool:
    """Does the rest of the line from glyph ``j`` mix more than two faces in its script
    (``script``: CJK or not)? A formula, a line of code, not running text (Latin words in
    their own face inside Chinese text are the script changing). The smaller pieces of a
    logo (LaTeX's raised A) are set within a sentence and say nothing of it."""
    faces = {c.fontname for _, c in order[j:] if c.text.strip() and _is_cjk_glyph(c) == script
             and c.size > size - SIZE_TOLERANCE}
    return len(faces) > 2


def piece_lead_run(head: Line, rest: Line) -> int | None:
    """The length of a run-in label that is the whole of ``head``, the first piece of a
    printed line, when the line's text goes on in ``rest`` after white wider than any word
    space (LaTeX's ``\\paragraph`` sets its title, then a quad: "**Rests**␣␣Music Glossary:
    rest."), or None. The pieces are read as :func:`_lead_run` reads one line: the label is
    short, set heavier than the text after it (or, in one script, in another class of face),
    and stands apart as a unit of its own, which the wide white already says; a Latin label
    is a word, not a letter or a symbol in its own face."""
    h, r = head.text.strip(), rest.text.strip()
    if (head.lead_run is not None or head.cells is not None or "grid" in (head.kind, rest.kind)
            or not h or len(h) > RUNIN_MAX_CHARS or len(r) < RUNIN_MIN_REST or head.font is None or rest.font is None
            or head.font.mono or rest.font.mono):
        return None
    if not is_cjk(h[-1]) and not re.search(r"[^\W\d_]{2}", h):
        return None
    if not (is_cjk(r[0]) or r[0].isupper() or r[0].isdigit() or h.endswith(_RUNIN_END)):
        return None  # the text after a Latin label opens like a sentence
    bolder = head.font.bold and not rest.font.bold
    if is_cjk(h[-1]) != is_cjk(r[0]):
        # a change of script changes the face anyway: only weight tells a label
        return len(head.text.rstrip()) if bolder else None
    return len(head.text.rstrip()) if bolder or head.font.cls != rest.font.cls else None


#: In a line that mixes scripts, a run-in label stands apart from its text by a gap at
#: least this many ems wider than every other change of script on the line (xeCJK and
#: Word space the scripts apart by a quarter em; a description list's label by a half).
RUNIN_MIXED_GAP_EM = 0.1


def _mixed_lead_run(order: list[tuple[int, Char]], text: str, size: float) -> int | None:
    """The length of a run-in label opening a line that mixes scripts, or None.

    Chinese text sets its Latin words in a face of their own (``TeX Catalogue 如果你…``,
    ``TeX 网上资源 https://…``), so a change of face at a change of script says nothing.
    The label is read against the faces of the text after it, script by script: it is
    the opening glyphs each set heavier or in another class (黑体 among 宋体) than the
    text of its script, up to the first glyph in the text's own face; and it stands apart
    by a gap wider than the line's other changes of script."""
    glyphs = [(i, c) for i, c in order if c.text.strip() and c.size > size - SIZE_TOLERANCE]
    for k in range(1, min(len(glyphs) - RUNIN_MIN_REST, RUNIN_MAX_CHARS) + 1):
        rest_faces: dict[bool, Counter] = {}
        for _, c in glyphs[k:]:
            t = _traits(c)
            if not t.mono:
                rest_faces.setdefault(_is_cjk_glyph(c), Counter())[(t.cls, t.bold)] += 1
        face = {cjk: cnt.most_common(1)[0][0] for cjk, cnt in rest_faces.items()}

        def emphatic(c: Char) -> bool:
            t = _traits(c)
            if t.mono:
                return False
            f = face.get(_is_cjk_glyph(c))
            return t.bold if f is None else (t.bold and not f[1]) or t.cls != f[0]

        if emphatic(glyphs[k][1]):
            continue
        if not all(emphatic(c) for _, c in glyphs[:k]):
            return None
        off, first = glyphs[k]
        head = text[:off].rstrip()
        if len(head) > RUNIN_MAX_CHARS or len(text[off:].strip()) < RUNIN_MIN_REST:
            return None
        if not is_cjk(head[-1]) and not re.search(r"[^\W\d_]{2}", head):
            return None
        gap = first.x0 - glyphs[k - 1][1].x1
        others = [b.x0 - a.x1 for (_, a), (_, b) in zip(glyphs[k:], glyphs[k + 1:])
                  if _is_cjk_glyph(a) != _is_cjk_glyph(b)]
        if not others or gap < max(others) + RUNIN_MIXED_GAP_EM * size:
            return None
        return len(head)
    return None


def _is_cjk_glyph(c: Char) -> bool:
    return bool(c.text) and is_cjk(c.text[0])


#: A line whose ideographs (which Chinese sets edge to edge) stand apart by this many ems
#: at the median was pulled apart by justification ...
SPREAD_LINE_EM: float = 0.5
#: ... judged on at least this many pairs of neighbouring ideographs.
SPREAD_MIN_PAIRS: int = 3


def _spread(chars: list[Char], size: float) -> float:
    """The median white between neighbouring ideographs of a line that justification
    pulled apart; 0 for a line set as usual."""
    gaps = sorted(b.x0 - a.x1 for a, b in zip(chars, chars[1:])
                  if a.text and b.text and IDEOGRAPH[a.text[-1]] and IDEOGRAPH[b.text[0]])
    if len(gaps) < SPREAD_MIN_PAIRS:
        return 0.0
    g = gaps[len(gaps) // 2]
    return g if g >= SPREAD_LINE_EM * size else 0.0


def _usual_cjk_gap(order: list[tuple[int, Char]]) -> float:
    """The median gap between neighbouring ideographs of a line (0 when it has none)."""
    gaps = sorted(b.x0 - a.x1 for (_, a), (_, b) in zip(order, order[1:])
                  if _is_cjk_glyph(a) and _is_cjk_glyph(b))
    return max(0.0, gaps[len(gaps) // 2]) if gaps else 0.0


#: A space the content stream draws counts unless the next glyph is drawn back over it
#: by more than this many ems.
DRAWN_SPACE_BACKSTEP_EM: float = 0.05
#: Without a drawn space, a gap wider than this many ems is a word space beside a CJK
#: glyph (which carries its own side bearing) ...
CJK_SPACE_EM: float = 0.2
#: ... and between Latin glyphs (a thin space is a sixth of an em, kerning much less).
LATIN_SPACE_EM: float = 0.13


#: why :func:`_needs_space` reads a space: a space glyph the content stream draws, a gap
#: between Latin glyphs, a gap beside a CJK glyph with no space drawn
_DRAWN, _LATIN_GAP, _CJK_GAP = "drawn", "latin gap", "cjk gap"


def _needs_space(a: Char, b: Char, size: float, space_after: set[int]) -> str | None:
    """Why a space stands between glyphs ``a`` and ``b`` (None: it does not)."""
    ca, cb = CJK[a.text[-1]], CJK[b.text[0]]
    if ca and cb:
        return None
    gap = b.x0 - a.x1
    if a.seq in space_after and gap > -DRAWN_SPACE_BACKSTEP_EM * size:
        return _DRAWN
    if ca or cb:
        return _CJK_GAP if gap > CJK_SPACE_EM * size else None
    return _LATIN_GAP if gap > LATIN_SPACE_EM * size else None


def between_scripts(a: str, b: str) -> bool:
    """Do ``a`` and ``b`` stand where a typesetter puts autospace: a Han character (or
    kana) on one side, a Latin letter, a digit or ``%`` on the other (W3C clreq 3.2)? Punctuation
    that Chinese and Latin text share (dashes, curly quotes) is neither."""
    return ((_AUTOSPACE_CJK(a) and _western(b)) or (_AUTOSPACE_CJK(b) and _western(a)))


def _western(c: str) -> bool:
    """A Latin letter, a digit, or a sign set with numbers (``60%``)."""
    return (c.isascii() and c.isalnum()) or c in "%‰"


def _AUTOSPACE_CJK(c: str) -> bool:  # noqa: N802 - a character class
    return IDEOGRAPH[c] or 0x3040 <= ord(c) <= 0x30FF or 0xAC00 <= ord(c) <= 0xD7AF


#: A document draws its word spaces when at least this share of the word spaces between
#: Latin letters are space glyphs in its content stream ...
DRAWN_SPACE_SHARE: float = 0.9
#: ... counted over at least this many of them (fewer tell nothing).
DRAWN_SPACE_MIN: int = 20


def drop_autospace(lines: list[Line]) -> tuple[bool, bool]:
    """In a document that draws its word spaces, the undrawn gap between a CJK glyph and a
    Latin letter or digit is autospace, the space the typesetter adds between scripts (W3C
    clreq 3.2; Word, LibreOffice, Typst and xeCJK all add one), not a space of the text:
    a space typed there is drawn like every other. Such gaps are taken out of the lines'
    text, so one source gives one text whichever typesetter set it and however wide its
    autospace is. A document that positions its words without drawing spaces (TeX) gives
    no such evidence, and keeps the gap rule.

    Returns (whether the spaces were dropped, whether a line break between Chinese and
    Latin text is autospace too): a space typed before a line break is not drawn, so a
    break there reads as the document's own habit, a space where its source mostly types
    one beside Latin words (``使用 AI 技术``) and none where it does not."""
    drawn = sum(l.drawn_spaces for l in lines)
    total = drawn + sum(l.undrawn_spaces for l in lines)
    if total < DRAWN_SPACE_MIN or drawn < DRAWN_SPACE_SHARE * total:
        return False, False
    for l in lines:
        if l.cjk_gaps:
            _remove_spaces(l, l.cjk_gaps)
            l.cjk_gaps = None
    typed = sum(l.typed_between for l in lines)
    return True, typed <= sum(l.untyped_between for l in lines)


def _remove_spaces(l: Line, offsets: list[int]) -> None:
    """Take the spaces at ``offsets`` out of ``l.text``, moving what indexes the text."""
    gone = set(offsets)
    l.text = "".join(ch for k, ch in enumerate(l.text) if k not in gone)

    def moved(k: int) -> int:
        return k - sum(1 for o in offsets if o < k)

    for sp in l.sups:
        sp.offset = moved(sp.offset)
    if l.lead_run is not None:
        l.lead_run = moved(l.lead_run)
