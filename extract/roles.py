"""Which blocks are headings — every decision in one place, each with its evidence.

The evidence, strongest first, and what each decides:

1. **outline** — a trusted outline's entries (:mod:`.outline`) matched to blocks on the
   page they point to: those blocks are headings, at the outline's level.
2. **tags** — in a tagged PDF, blocks whose glyphs sit in ``H``/``H1``…``H6`` elements.
3. **numbering** — a short block opening with a heading number (``2.1``, ``三、``,
   ``（二）``, ``IV.``, ``第三章``) that *continues the document's numbering* (2 → 2.1 →
   2.2 → 3; a scheme restarts at 1 only under a new parent) and is not an item of a list
   (the next number of the same scheme does not follow right after it).
4. **style** — a short block set in one of the document's *heading styles*: a style
   confirmed by 1–3, or one that differs from the body (larger; or, at the body's size,
   heavier, slanted, in capitals, in another colour) and recurs at the head of blocks
   spread through the document. A style much larger than the body needs no recurrence.

A block that is no heading whatever its style is vetoed first, and the veto is the
reason recorded: it reads as a sentence (sentence punctuation, a list of names, a
formula), it is a paragraph (several lines in the body's style, or more than a heading's
worth of lines), it is a table cell, a figure label or a caption, rotated, on the cover or
a contents page, or a label with its value (``硕士研究生：张三``).

Levels come from the outline where it speaks, else from the numbering's depth and the
nesting of schemes (一、 > （一） > 1. > (1)), else from the rank of the styles.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from . import headings as hd
from .fonts import WEIGHT_STEP
from .lines import SAME_ROW_EM, Line, is_cjk
from .outline import TRUSTED_SHARE, OutlineEntry, same_heading
from .paragraphs import (BULLETS, CENTRED_EM, DASH_BULLETS, FINAL, FULL_EM, PARA_SPACE_EM, WORD_SPACE_EM, Block,
                         first_word_width, is_full)
from .styles import DISPLAY_RATIO, SIZE_TOLERANCE, DocStyle, Style, style_of, text_weight
from .textjoin import join2

#: A heading is at most this many lines (a title wrapped twice).
MAX_HEADING_LINES = 3
#: ... and at most this many characters (an ideograph counts two).
MAX_HEADING_CHARS = 240
#: Same-size styles must head this many blocks to be a heading style by style alone.
RECUR = 2
#: Under a trusted outline, a style of confirmed headings makes more blocks headings only
#: when the outline lists at least this share of the style's blocks: an outline lists a
#: document's headings, so a face whose blocks it mostly leaves out is shared by headings
#: and something else (the titles of note boxes set like the deepest headings).
OUTLINED_STYLE_SHARE: float = 0.5
#: Share of odd characters (neither letters, digits, spaces nor usual punctuation) above
#: which a line is a formula or code, not a heading.
ODD_SHARE = 0.08
#: Numbered blocks of one scheme this close (in blocks of running text between them) are
#: the items of a list, not headings.
LIST_GAP_BLOCKS = 1
#: Consecutive blocks of one heading style this close (in line pitches) are one heading
#: set over several lines ...
WRAP_STEPS = 1.7
#: ... when the first ends within this many ems of the column's edge (it did not fit).
WRAP_ROOM_EM = 8.0
#: Type smaller than the body by this much (points) is small type (notes, captions,
#: labels), not the body scaled by its producer.
SMALLER_TYPE_PT: float = 2 * SIZE_TOLERANCE
#: Type under this share of the body's size is fine print (a logo's tagline, a printer's
#: imprint): no text a reader takes as following what stands above it.
FINE_PRINT_SHARE: float = 0.5
#: A line ending in a full stop is a sentence, unless it is numbered and its title has at
#: most this many words (a heading's number may end in a stop; ``1. Introduction.``).
STOP_TITLE_WORDS: int = 3
#: An unnumbered block with this many commas is an enumeration, not a title.
ENUMERATION_COMMAS: int = 2
#: An unnumbered body-size block running to the margin with more characters than this
#: is a sentence, not a title.
FULL_LINE_CHARS: int = 20
#: A document numbers its headings when this many numbered headings were found.
NUMBERED_DOC_HEADINGS: int = 3
#: A scheme opens at one of its first values (a heading before it may have been missed);
#: letters far into the alphabet open none ("M. Gagné" is a name, not section M).
MAX_SCHEME_START: int = 2
#: A numbered heading may skip this many values of its scheme (one heading missed).
MAX_NUMBER_STEP: int = 2
#: Blocks between two numbered items of a list are short: at most this many lines each.
LIST_TEXT_LINES: int = 2
#: The distance of an outline entry to a candidate on another page: beyond any on a page.
_OTHER_PAGE = 1e6

#: Section names every kind of document uses (the conventions of scholarly and official
#: writing): set apart on a line of their own they are headings even on a title page.
STANDARD_NAMES = frozenset(re.sub(r"\s+", "", n).casefold() for n in (
    "Abstract", "Summary", "Executive Summary", "Introduction", "Background", "Conclusion",
    "Conclusions", "Discussion", "Results", "Methods", "References", "Bibliography",
    "Acknowledgements", "Acknowledgments", "Appendix", "Notes", "Endnotes", "Contents",
    "Table of Contents", "List of Tables", "List of Figures", "Preface", "Foreword", "Keywords",
    "摘要", "前言", "引言", "序言", "概述", "目录", "目次", "结论", "结语", "参考文献", "致谢",
    "附录", "注释", "尾注", "后记"))

_TOC_NAMES = frozenset(("目录", "目次", "contents", "tableofcontents", "listoftables",
                        "listoffigures", "表目录", "图目录", "插图目录", "表格目录"))
#: Signs of a formula or a line of code. A backslash only where it is no command name
#: (``\`` on its own, ``\{``): a manual's heading names its commands (``2 The macro
#: \collect for collection labels``), a line of code has their braces too.
_MATH = re.compile(r"[;=<>{}^|~]|\\(?![A-Za-z])")
#: Angle brackets that enclose names, no comparison: a type's parameters glued to its name
#: (``Result<T, E>``, ``Vec<String>``) or a header's or an element's name (``<stdio.h>``,
#: ``<title>``). Manuals name them in their headings; a formula compares with spaces or
#: figures around the sign (``a < b``, ``x<0``).
_NAMED_ANGLES = re.compile(r"(?<=[A-Za-z_])<(?:[A-Za-z_][\w']*(?:,\s*)?)+>|<[A-Za-z_][\w.\-/]*>")
#: An arrow standing as a word between words (``中文数字 => 阿拉伯数字``, ``Markdown -> HTML``,
#: ``A → B``): a title names a conversion or a direction so; a formula's or a program's
#: signs stand among figures and names, not between spaced words.
_WORD_ARROW = re.compile(r"(?<=\w)\s+(?:<=>|<->|<-->|==>|-->|=>|->|<-|[→←↔⇒⇐⇔⟶⟵])\s+(?=\w)")
#: Unicode categories of formulas and code rather than titles: math symbols, modifier and
#: other symbols, private-use glyphs (punctuation of every kind is usual in a title).
_ODD_CATEGORIES = frozenset(("Sm", "Sk", "So", "Co"))
#: Words in parentheses (a title's qualifier: the systems, the versions it covers).
_PARENTHESES = re.compile(r"[(（][^()（）]*[)）]")
_LABEL_VALUE = re.compile(r"^[^:：]{1,12}[:：]\s*\S")


@dataclass
class Decision:
    """Why a block is (or is not) a heading; ``source`` names the deciding evidence."""

    heading: bool
    source: str | None = None
    level: int | None = None
    reason: str = ""


@dataclass
class Candidate:
    index: int
    block: Block
    text: str
    number: str | None
    title: str
    style: Style
    veto: str | None = None
    decision: Decision = field(default_factory=lambda: Decision(False))

    @property
    def page(self) -> int:
        return self.block.lines[0].page


@dataclass
class Evidence:
    """What the PDF says about itself, and what earlier stages found."""

    outline: list[OutlineEntry] = field(default_factory=list)
    #: do heading tags (``H1``…) count (False: withheld, see ``document.WITHHOLDABLE``)
    tags: bool = True
    cover: set[int] = field(default_factory=set)  # ids of title lines
    cover_page: int | None = None  # a cover page: nothing on it is a heading
    toc_pages: set[int] = field(default_factory=set)
    before_toc: set[int] = field(default_factory=set)  # ids of lines above a contents title
    after_toc: set[int] = field(default_factory=set)  # ids of lines of text after the contents
    #: ids of the entries of a contents list printed without page numbers, wherever it stands
    listed: set[int] = field(default_factory=set)
    title_region: set[int] = field(default_factory=set)  # ids of blocks before the text
    #: ids of lines that are links out of the document as a whole (:mod:`.linked`)
    linked: set[int] = field(default_factory=set)


def block_text(b: Block) -> str:
    text = ""
    for l in b.lines:
        t = l.text.strip()
        if t:
            text = join2(text, t) if text else t
    return text


# ------------------------------------------------------------------------------ vetoes
def veto(c: Candidate, ds: DocStyle, ev: Evidence, blocks: list[Block]) -> str | None:
    """The reason the block cannot be a heading whatever the evidence, or None."""
    b, t = c.block, c.text
    first = b.lines[0]
    if not t:
        return "empty"
    # a contents page first: its entries line up in columns (titles, leaders, page numbers)
    # and read as a grid, but they are the contents, whatever their layout
    if first.page in ev.toc_pages and id(first) not in ev.before_toc and id(first) not in ev.after_toc:
        return None if _squash(t) in _TOC_NAMES else "contents page"
    if ev.listed and all(id(l) in ev.listed for l in b.lines):
        # the entries of a contents list without page numbers (a chapter's list of its
        # sections): they repeat the headings that follow, and are none themselves
        return "contents page"
    if any(l.kind in ("figure", "grid", "caption", "graphic") for l in b.lines):
        return f"{first.kind} line"
    if ev.linked and all(id(l) in ev.linked for l in b.lines) and _distinct(c.style, ds) in (None, "colour"):
        # a link out of the document, told from the text by its colour alone: it names
        # another document ("Node.js 19" in a list of earlier versions), heads no part of
        # this one (a title set larger or heavier may still be a link: a post's permalink)
        return "link"
    if min(l.upright for l in b.lines) < 0.5:
        return "rotated"
    if any(id(l) in ev.cover for l in b.lines):
        return "cover title"
    if ev.cover_page is not None and first.page == ev.cover_page:
        return "cover page"
    if len(b.lines) > MAX_HEADING_LINES or text_weight(t) > MAX_HEADING_CHARS:
        return "too long"
    if _over_byline(c, blocks, ds):
        return "title over a byline"
    boxed = ds.body is not None and ds.body.family != "mono"  # (typed throughout: no listings)
    if all(ds.is_listing(l) or ds.in_listing(l) or (boxed and l.code_box is not None)
           for l in b.lines):
        # (a line in the drawn box of a listing is the listing's, even in a heavier
        # typewriter face: a session's output set in bold or a highlighter's italic)
        return "code listing"  # (weak: an outline may list a command's name as a heading)
    if len(b.lines) > 1 and ds.is_body(first):
        return "paragraph"
    if t.endswith(("。", "；", "，", ",", ";", "：", ":")):
        return "sentence end"
    if t.endswith(".") and not t.endswith("..") \
            and (c.number is None or len(c.title.split()) > STOP_TITLE_WORDS
                 or c.title[:1].islower()):
        # a heading's number may end in a stop; its title does not (a short one may:
        # "1. Introduction.", but one in lower case is a list's item: "c) do not steal.")
        return "sentence end"
    if c.number is None and _CAPTION_LABEL.match(t):
        return "caption label"
    if c.number is not None and c.title and not (c.title[0].isalpha() or c.title[0] in "“\"'‘(（《【"
                                                 or _ENUMERATED_TITLE.match(c.title)):
        return "number in text"  # "0.02 , α" — a figure in running text, not a heading number
    if re.fullmatch(r"[\d\s.,/%-]+", t) and not re.fullmatch(r"\d{1,2}\s*/", t):
        return "figures only"
    if re.match(rf"[{BULLETS}{DASH_BULLETS}*]", t):
        return "bullet"
    bare_list = _PARENTHESES.sub("", t)
    if c.number is None and bare_list.count(",") + bare_list.count("，") >= ENUMERATION_COMMAS \
            and not t.endswith(("?", "？")):
        # (a question names a topic, whatever it lists: an FAQ's "Why no y, w, yu?"; a
        # title's words in parentheses qualify it: "apt-get (Debian, Ubuntu, Mint)")
        return "enumeration"
    bare = _WORD_ARROW.sub(" ", _NAMED_ANGLES.sub("", t))
    odd = sum(1 for ch in bare if unicodedata.category(ch) in _ODD_CATEGORIES)
    if odd > ODD_SHARE * len(t) or _MATH.search(bare):
        return "formula"
    if c.number is None and _LABEL_VALUE.match(t) and _squash(t.split("：")[0].split(":")[0]) \
            not in STANDARD_NAMES:
        return "label and value"
    if c.number and not c.title:
        return None  # an opener number ("02 /") over its title: assembly joins them
    nxt = _next_text(c, blocks, ds)
    if nxt is not None and not t.endswith(FINAL) and _continued_by(nxt) \
            and not _set_above(c, nxt, ds) and not (_ended_short(c, nxt, ds)
                                                    and not _flows_past(c, blocks, ds)):
        return "runs on"  # the next block finishes its sentence
    last = b.lines[-1]
    limit = DISPLAY_RATIO * ds.size if len(b.lines) == 1 else ds.size + SIZE_TOLERANCE
    if c.number is None and ds.body is not None and c.style.size < limit \
            and is_full(last, ds) and last.x1 >= _text_measure(last, ds) - FULL_EM * last.size \
            and len(t) > FULL_LINE_CHARS:
        # near body-size type to the margin: a sentence, not a title (a heading set a
        # little larger may well fill the last of its lines). The margin is the measure
        # the page's running text fills from the line's left edge, where it shows one: a
        # ragged page's lone short line (Qt, a browser) makes a column of its own width
        return "fills its line"
    return None


#: A title that opens with a step's own number before its words ("6.1 1. Create plugin
#: object": a Markdown heading "1. Create plugin object" numbered again by Sphinx) is a
#: title, not a figure of running text after a number ("0.02 , α").
_ENUMERATED_TITLE = re.compile(r"\d{1,2}[.)]\s+[^\W\d_]")


#: A caption's label: a table's or a figure's name and its number, then its title or a
#: stop (``Table 1 The main components``, ``表 7.5 停车区…``, ``Figure 2:``). Captions are
#: set apart like headings, often in a heading's face (LaTeX's bold caption label, a Word
#: style), but they name a table or a figure, never a part of the text.
_CAPTION_LABEL = re.compile(r"^(?:Table|Tab\.|Figure|Fig\.|Exhibit|Chart|表|图|圖|图表)\s*"
                            r"(?:[0-9]+(?:[-.．][0-9]+)*|[一二三四五六七八九十]+)(?:[.．:：]|\s|$)")


#: A byline: "by" and the authors' names (or "by" alone, the names on the line under it).
_BYLINE = re.compile(r"^(?:by|By|BY)(?:\s+(?P<names>.+))?$")
_NAME_JOINS = frozenset(("and", "&", "with", "und", "et"))
#: A title may have this many lines of subtitle between it and its byline.
SUBTITLE_LINES: int = 1


def _byline(t: str) -> bool:
    """Is ``t`` a byline: "by" with nothing after it, or with names (capitalised words,
    initials, joined by commas or "and")? "By default, …" and "By Monday the …" are the
    opening of sentences."""
    m = _BYLINE.match(t.strip())
    if not m:
        return False
    names = m.group("names")
    if names is None:
        return True
    words = [w for w in re.split(r"[\s,]+", names) if w]
    return 0 < len(words) <= 12 and not names.rstrip().endswith(tuple(f for f in FINAL if f != ".")) \
        and all(w in _NAME_JOINS or w[:1].isupper() for w in words)


def _over_byline(c: "Candidate", blocks: list[Block], ds: DocStyle) -> bool:
    """Does a byline follow ``c`` on its page, a line of subtitle at most between them? A
    title over "by" and its authors names a document — a collection prints several, each
    with its title block (groff mom's collated documents, an article's title in a
    report) — and heads no section of one: the convention every truth here follows for
    title and author lines."""
    page = c.block.lines[0].page
    subtitle = 0
    for b in blocks[c.index + 1:]:
        if not b.lines:
            continue
        if b.lines[0].page != page or b.lines[0].kind != "body":
            return False
        t = block_text(b)
        if _byline(t) and ds.body is not None and not style_of(b.lines[0]).heavier(ds.body):
            return True  # (a subsection "By Region" is set in a heading's face)
        for l in b.lines:  # (a subtitle and the byline under it may come as one block)
            if _byline(l.text) and ds.body is not None and not style_of(l).heavier(ds.body):
                return True
            subtitle += 1
            if subtitle > SUBTITLE_LINES or l.text.rstrip().endswith(FINAL):
                return False
    return False


def _next_text(c: "Candidate", blocks: list[Block], ds: DocStyle) -> Block | None:
    """The block of text that follows ``c``: grids, figures, captions and fine print (a
    logo's line of tiny capitals under its name) are passed over, so that text which runs
    on from the page before still shows a block above it opens no section."""
    fine = FINE_PRINT_SHARE * ds.size if ds.body is not None else 0.0
    for b in blocks[c.index + 1:]:
        if b.lines and b.lines[0].kind not in ("grid", "figure", "caption") \
                and max(l.size for l in b.lines) >= fine:
            return b
    return None


def _set_above(c: "Candidate", nxt: Block, ds: DocStyle) -> bool:
    """Is ``c`` a title set in larger type than the block after it? A sentence keeps its
    size, so that block opens the text under the title even when its first word is a
    name in lower case (``5 Change history`` over ``nanicolle …``, a manual page's
    ``NAME`` over ``ltximg - LaTeX environments …``). A drop cap, which a lower-case rest
    does continue, is a single letter: an unnumbered title needs a word
    (:data:`TITLE_MIN_LETTERS` letters), and text under it that does not start to its
    left."""
    if not (nxt.lines and c.style.size > style_of(nxt.lines[0]).size + SIZE_TOLERANCE):
        return False
    if c.number:
        return bool(c.title)
    # unnumbered: a word larger than the body too (a body-size label over smaller type is
    # a table's head cell or the command a sentence names over its listing), over text
    # that starts flush with it or indented (text that starts left of a large line, a
    # logo's or a masthead's, continues what came before)
    return sum(ch.isalpha() for ch in c.text) >= TITLE_MIN_LETTERS \
        and ds.body is not None and c.style.size > ds.size + SIZE_TOLERANCE \
        and nxt.lines[0].x0 >= c.block.lines[0].x0 - SIZE_TOLERANCE


#: An unnumbered line set above smaller text is a title, not a drop cap, from this many
#: letters on (a drop cap is one letter; the shortest title words have two: "Go", "目录").
TITLE_MIN_LETTERS: int = 2


def _ended_short(c: "Candidate", nxt: Block, ds: DocStyle) -> bool:
    """Did ``c``, set apart from the text, end its line where the text under it could have
    gone on? A sentence runs on into the next line only when its line is full: the next
    block's first word would not have fitted after it within the measure of the page's
    running text. A bold line far short of the measure over a list item in lower case
    ("Unix prerequisites" over "gcc and g++ …", the item on the next page) ended there."""
    if not nxt.lines or not _plain(nxt.lines[0], ds):
        return False
    la, lb = c.block.lines[-1], nxt.lines[0]
    if c.block.lines[0].x0 > lb.x0 + EDGE_ALIGN_EM * ds.size:
        return False  # (a line set in from the text under it, a display formula centred
        # between two parts of a sentence, is no heading ended short)
    if not (_distinct(c.style, ds) is not None or c.style.heavier(style_of(lb))):
        return False  # (heavier than the text under it: a CJK face's weight may set the
        # body's, Latin text in a lighter face runs beside it)
    space = 0.0 if is_cjk(la.text.rstrip()[-1:] or "a") else WORD_SPACE_EM * la.size
    word = first_word_width(lb) * la.size / max(lb.size, 1.0)
    return la.x1 + space + word < _text_measure(la, ds)


def _flows_past(c: "Candidate", blocks: list[Block], ds: DocStyle) -> bool:
    """Does the running text flow past ``c``: the block before it is text that ends no
    sentence, and the one after goes on in lower case? Then ``c`` stands between two parts
    of one sentence in the reading order (a centred title read after a column broken
    mid-sentence), and heads neither."""
    prev = next((b for b in reversed(blocks[:c.index]) if b.lines), None)
    return prev is not None and _plain(prev.lines[-1], ds) \
        and not block_text(prev).endswith(FINAL)


def _continued_by(b: Block) -> bool:
    t = b.lines[0].text.lstrip()
    return bool(t) and (t[0].islower() or t[0] in ",;，；、")


def _squash(t: str) -> str:
    return re.sub(r"\s+", "", t).casefold()


# ------------------------------------------------------------------------------ decide
def decide(blocks: list[Block], ds: DocStyle, ev: Evidence) -> list[Candidate]:
    """Decide every block; heading blocks get ``heading=True`` and ``reasons``."""
    cands = [_candidate(i, b) for i, b in enumerate(blocks)]
    _join_wrapped(cands, ds, ev.outline)
    for c in cands:
        if c.block.lines:
            c.veto = veto(c, ds, ev, blocks)
    live = [c for c in cands if c.block.lines]
    by_outline = _outline(live, ev.outline)
    for c in live:
        if c.veto is not None and c.veto not in _WEAK_VETOES:
            c.decision = Decision(False, reason=c.veto)
            continue
        if id(c) in by_outline:
            c.decision = Decision(True, "outline", by_outline[id(c)], "outline entry")
        elif c.veto is not None:
            c.decision = Decision(False, reason=c.veto)
        elif ev.tags and _tagged(c):
            c.decision = Decision(True, "tags", _tag_level(c), f"tag {c.block.lines[0].tag}")
    _tag_base(live)
    _numbering(live, ds, ev)
    _styles(live, ds, ev)
    for c, nxt in zip(live, live[1:]):
        if c.number and not c.title and c.veto is None and nxt.decision.heading \
                and nxt.number is None and c.page == nxt.page:
            # an opener's number on a line of its own ("02 /", "第三章") over its title
            c.decision = Decision(True, nxt.decision.source, nxt.decision.level, "number over its title")
    for c in live:
        b = c.block
        b.heading = c.decision.heading
        b.reasons = [c.decision.source or "", c.decision.reason]
        if b.heading:
            b.role = "heading"
            b.source, b.level = c.decision.source, c.decision.level
        elif c.veto == "caption label":
            for l in b.lines:  # a caption, set apart as one: its paragraph says so
                if l.kind == "body":
                    l.kind = "caption"
    return live


#: Vetoes an outline entry overrides (the author listed the block as a heading). "number in
#: text" among them: a title may open with a mark, not a letter (``3.14.2.2 <malloc.h>``, a
#: header file's name), where a figure in running text (``0.02 , α``) names no entry. "runs on"
#: among them: the text under a heading may open with a name set in lower case
#: (``2.1.4 Overleaf`` over ``fduthesis also provides …``), no continuation of the heading.
_WEAK_VETOES = frozenset(("enumeration", "label and value", "sentence end", "formula", "cover page", "link",
                          "paragraph", "runs on", "code listing", "caption label", "number in text"))


def _candidate(i: int, b: Block) -> Candidate:
    text = block_text(b)
    num, title = hd.split_number(text)
    return Candidate(i, b, text, num, title, style_of(b.lines[0]))


def _join_wrapped(cands: list[Candidate], ds: DocStyle, outline: list[OutlineEntry] = ()) -> None:  # type: ignore[assignment]
    """A heading set over several lines comes as consecutive blocks in one size and
    weight that are not the body's, close together, the later ones unnumbered and the
    earlier not ending a sentence: join them (before any veto judges a half). They wrap
    because the first did not fit, or the outline names them as one entry where they
    stand (groff's mom breaks "Schoenberg —" / "The Origins of …" where it likes)."""
    titles: dict[int, list[str]] = {}
    for e in outline:
        if e.page is not None:
            titles.setdefault(e.page, []).append(e.title)
    prev: Candidate | None = None
    for c in cands:
        if prev is not None and _wraps(prev, c, ds, titles):
            prev.block.lines.extend(c.block.lines)
            c.block.lines = []
            prev.text = block_text(prev.block)
            prev.number, prev.title = hd.split_number(prev.text)
            continue
        prev = c if c.block.lines else prev


def _wraps(a: Candidate, b: Candidate, ds: DocStyle,
           titles: dict[int, list[str]] | None = None) -> bool:
    if not a.block.lines or not b.block.lines or b.number is not None:
        return False
    if b.block.why == "language":
        return False  # a title and its translation, not one title over two lines
    la, lb = a.block.lines[-1], b.block.lines[0]
    if la.page != lb.page or ds.is_body(la) or a.text.endswith(FINAL):
        return False
    if any(l.kind != "body" for l in a.block.lines + b.block.lines):
        return False
    sa, sb = a.style, b.style
    if abs(sa.size - sb.size) >= SIZE_TOLERANCE or sa.weight != sb.weight \
            or len(a.block.lines) + len(b.block.lines) > MAX_HEADING_LINES:
        return False
    step = lb.baseline - la.baseline
    if not (0 < step <= WRAP_STEPS * ds.pitch(la) and lb.x0 < la.x1 and la.x0 < lb.x1):
        return False
    # a heading set flush left wraps on the leading the text is set on, scaled to its
    # size: a step wider by a paragraph's spacing parts two headings in one face (a
    # README's title over its first section, both h1); the pitch measured for a heading's
    # size is that very step, where no heading wraps (a centred opener, "Part I" over its
    # title, stands as far from it as it likes)
    tight = ds.body is None or la.size < ds.size + SIZE_TOLERANCE \
        or step <= ds.text_leading(la) + PARA_SPACE_EM * la.size
    # a heading wraps because it did not fit: its line runs close to the column's edge,
    # or the next line's first word would not have fitted after it within the measure of
    # the page's running text from the same left edge (a long word; a listing running
    # past the margin widens the column, not the measure), or both lines are centred on
    # one axis; two short lines flush left are two items
    lo, hi = ds.col(la)
    centred = (abs((la.x0 + la.x1) - (lb.x0 + lb.x1)) < CENTRED_EM * la.size
                and la.x0 > lo + CENTRED_EM * la.size)
    if centred or tight and la.x1 >= hi - WRAP_ROOM_EM * la.size:
        return True
    if tight and not (la.font is not None and la.font.mono) and _worded(a.title or a.text) \
            and _WORD.match(lb.text) \
            and la.x1 + WORD_SPACE_EM * la.size + first_word_width(lb) > _text_measure(la, ds):
        return True  # (a listing's lines break where their author broke them; a title's
        # lines hold words, not an index's numbers and letters)
    named = (titles or {}).get(la.page, [])
    whole = join2(a.text, b.text)
    return any(same_heading(whole, t) for t in named) \
        and not any(same_heading(a.text, t) or same_heading(b.text, t) for t in named)


def _text_measure(l: Line, ds: DocStyle) -> float:
    """The right edge of the widest line of running text (body type, no typewriter face)
    that starts where ``l`` starts on its page: how far a line there may run. Without
    :data:`MEASURE_MIN_LINES` such lines on the page, the column's edge."""
    tol = SAME_ROW_EM * l.size
    edges = [o.x1 for o in ds.lines if o.page == l.page and abs(o.x0 - l.x0) <= tol
             and ds.is_body(o) and not (o.font is not None and o.font.mono)]
    if not edges:
        return ds.col(l)[1]
    # running text fills its lines to the measure, ragged by a word at most: several
    # lines end near the widest (a list of short entries ends anywhere)
    far = max(edges)
    near = sum(1 for x in edges if x >= far - MEASURE_RAG_EM * l.size)
    return far if near >= MEASURE_MIN_LINES else ds.col(l)[1]


#: Lines of running text a page needs from a left edge, ending within
#: :data:`MEASURE_RAG_EM` ems of the widest, to show its measure there.
MEASURE_MIN_LINES: int = 3
MEASURE_RAG_EM: float = 2.0
#: The next line of a wrapped title opens with a word.
_WORD = re.compile(r"\s*[^\W\d_]")


def _worded(t: str) -> bool:
    """Does ``t`` read as a title's words: two words, one of four letters or more, or four
    ideographs (an index's numbers and letters, a formula's pieces, do not)?"""
    words = re.findall(r"[^\W\d_]+", t)
    return (len(words) >= 2 and any(len(w) >= 4 for w in words)) \
        or re.search(r"[\u3400-\u9fff]{4}", t) is not None


# ------------------------------------------------------------------------------ outline
def _outline(cands: list[Candidate], entries: list[OutlineEntry]) -> dict[int, int]:
    """Candidates matched by a trusted outline, with their levels (1-based)."""
    pointing = [e for e in entries if e.page is not None]
    if not pointing:
        return {}
    by_page: dict[int, list[Candidate]] = {}
    barred: dict[int, list[Candidate]] = {}  # blocks a strong veto keeps from heading
    for c in cands:
        if c.veto is None or c.veto in _WEAK_VETOES:
            by_page.setdefault(c.page, []).append(c)
        else:
            barred.setdefault(c.page, []).append(c)
    found: dict[int, int] = {}
    for e in pointing:
        best = None
        here = [c for c in by_page.get(e.page, []) if same_heading(c.text, e.title)]
        if not here and any(same_heading(c.text, e.title) for c in barred.get(e.page, [])):
            # the entry's text is printed where it points, as no heading (the document's
            # title on its first page): not a line of the same words on the next page
            continue
        for c in by_page.get(e.page, []) + by_page.get(e.page + 1, []):
            if id(c) in found or not same_heading(c.text, e.title):
                continue
            d = (abs(c.block.lines[0].top - e.top) if e.top is not None and c.page == e.page
                 else _OTHER_PAGE)
            if best is None or d < best[0]:
                best = (d, c)
        if best is not None:
            found[id(best[1])] = e.level
    if len(found) < TRUSTED_SHARE * len(pointing) or not found:
        return {}
    # levels count from the shallowest entry found in the text: an entry for the
    # document's title (a cover line, no heading) does not push every heading down
    base = min(found.values())
    return {k: v - base + 1 for k, v in found.items()}


# ------------------------------------------------------------------------------ tags
_HEADING_TAG = re.compile(r"^H([1-6])?$")


def _tagged(c: Candidate) -> bool:
    tag = c.block.lines[0].tag
    return bool(tag and _HEADING_TAG.match(tag))


def _tag_level(c: Candidate) -> int | None:
    m = _HEADING_TAG.match(c.block.lines[0].tag or "")
    return int(m.group(1)) if m and m.group(1) else None


def _tag_base(cands: list[Candidate]) -> None:
    """Tag levels count from the shallowest heading tag among the document's headings, as
    outline levels do: a page whose ``H1`` is its title (a cover line, no heading) and
    whose sections are ``H2`` (HTML printed by a browser) has its sections at level 1."""
    tagged = [lv for c in cands if c.decision.heading and (lv := _tag_level(c)) is not None]
    if not tagged or min(tagged) == 1:
        return
    base = min(tagged)
    for c in cands:
        if c.decision.source == "tags" and c.decision.level is not None:
            c.decision.level = c.decision.level - base + 1


# ------------------------------------------------------------------------------ numbering
def _family(number: str) -> tuple[str, int]:
    kind = hd.number_kind(number)
    depth = hd.dotted_depth(number)
    return (("dot" if depth >= 2 else kind), max(depth, 1))


#: A letter in parentheses, as numbers go: "(a)", "(B)".
_PAREN_LETTER = re.compile(r"[（(][A-Za-z][）)]")
#: Vetoes that say a block reads as running text (a numbered one: an item of a list).
_TEXT_VETOES = frozenset(("sentence end", "paragraph", "runs on", "fills its line", "too long"))


def _numbering(cands: list[Candidate], ds: DocStyle, ev: Evidence) -> None:
    """Numbered blocks that continue the document's numbering are headings."""
    numbered = [c for c in cands if c.number and c.title and c.veto is None
                and not c.decision.heading]
    confirmed = [c for c in cands if c.decision.heading and c.number]
    if not numbered:
        return
    order = sorted(numbered + confirmed, key=lambda c: c.index)
    # a list's other items read as text (they end sentences, run over lines) in the
    # text's type: they are no heading candidates, yet an item between them is one of them
    # (step "3." set in a file name's face between steps "2. …：" and "4. …："); a block
    # in a heading's type that reads as text is a heading mis-read, no item
    items = [c for c in cands if c.number and c.title and c.veto in _TEXT_VETOES
             and _distinct(c.style, ds) is None]
    listy = _list_items(sorted(order + items, key=lambda c: c.index), cands, ds,
                        {id(c) for c in items})
    seen: dict[tuple[str, ...], list[str]] = {}  # parent path -> child values seen
    last: dict[tuple[str, int], tuple[int, list[str]]] = {}  # family -> (index, parts)
    for c in order:
        parts = _parts(c.number)
        if not parts:
            continue
        fam = _family(c.number or "")
        ok = c.decision.heading or _continues(fam, parts, c, last, order)
        if c.decision.heading:
            pass
        elif id(c) in listy:
            c.decision = Decision(False, reason="list item")
            continue
        elif _PAREN_LETTER.fullmatch(c.number or "") and _distinct(c.style, ds) != "larger":
            # a letter in parentheses numbers the items of a list ("(a) A nested item.")
            # unless set in display type, as an author's lettered sections are
            c.decision = Decision(False, reason="list item")
            continue
        elif id(c.block) in ev.title_region and (_value(parts[-1]) not in (0, 1)
                                                  or _distinct(c.style, ds) is None
                                                  or not _goes_on(c, parts, fam, order, cands)):
            # affiliations "6 ELDA, Paris"; an author's initial "A. Maintainer" (a number
            # there is a heading's when its scheme goes on: "1 Introduction", then "2")
            c.decision = Decision(False, reason="title page")
            continue
        elif not ok:
            c.decision = Decision(False, reason="number out of sequence")
            continue
        elif ds.body is not None and c.style.size < ds.size - SMALLER_TYPE_PT \
                and _distinct(c.style, ds) is None:
            c.decision = Decision(False, reason="small type")  # labels, notes, figure text
            continue
        elif ds.is_body(c.block.lines[0]) and not _standalone(c, ds):
            c.decision = Decision(False, reason="runs on as text")
            continue
        else:
            c.decision = Decision(True, "numbering", None, f"continues numbering ({c.number})")
            if id(c.block) in ev.title_region:
                # the document's numbering opens here ("1 功能" under a README's title and
                # its badges): the text has begun, and what follows is no title page
                ev.title_region -= {id(o.block) for o in cands if o.index >= c.index}
        last[fam] = (c.index, parts)
        seen.setdefault(tuple(parts[:-1]), []).append(parts[-1])
    _lone_in_body_type(order, ds)


def _lone_in_body_type(order: list[Candidate], ds: DocStyle) -> None:
    """A number in the body's own type opens a heading only where the numbering goes on
    among the headings: a neighbour of its scheme (the value before or after it under the
    same parent), its parent or a subsection under it is a heading too. Set in the text's
    type and alone, it is an item of a list whose other items read as sentences (``5. 该字
    体的更多版本`` among items ending in 。) or that a word processor numbered twice
    (AbiWord's ``1.`` label over ``1.1. 使用 panic!``). Headings set apart by their type
    need no company: a document may have one numbered section."""
    heads = [c for c in order if c.decision.heading and c.number]
    for c in order:
        if c.decision.source != "numbering" or _distinct(c.style, ds) is not None:
            continue
        parts, fam = _parts(c.number), _family(c.number or "")
        v = _value(parts[-1]) if parts else None
        if v is None:
            continue
        if any(_kin(o, parts, fam, v, o.index > c.index) for o in heads if o is not c):
            continue
        if v in (0, 1) and _restarts(c, parts, fam, heads):
            continue
        c.decision = Decision(False, reason="lone number in body type")


def _restarts(c: Candidate, parts: list[str], fam: tuple[str, int], heads: list[Candidate]) -> bool:
    """Does ``c``, a first value, restart a scheme the headings ran through before, under
    a new parent ("a) Passwords" under "2. Installation", after "a)" and "b)" under "1.")?
    The scheme went on to the next value as headings, and a heading of a scheme that
    outranks it stands between (a dotted number outranks letters and brackets, not the
    plain numbers it nests under: "6.2" opens no new run of "1", "2", …)."""
    v = _value(parts[-1])
    rank = hd.RANK.get(fam[0], hd.UNRANKED)
    for o in heads:
        op = _parts(o.number)
        if o.index >= c.index or _family(o.number or "") != fam or not op \
                or op[:-1] != parts[:-1] or v is None or _value(op[-1]) != v + 1:
            continue
        for x in heads:
            if o.index < x.index < c.index:
                xf = _family(x.number or "")
                xr = hd.RANK.get(xf[0], hd.UNRANKED)
                if xf != fam and (xr < rank or (xf[0] == "dot" and rank > hd.RANK["arabic"])):
                    return True
    return False


def _kin(o: Candidate, parts: list[str], fam: tuple[str, int], v: int, after: bool) -> bool:
    """Is heading ``o`` a neighbour, the parent or a subsection of number ``parts``, in
    the order numbers go (``after``: ``o`` comes after it)? A "2 安装" pages before a
    table's row "1 an2cn" is no neighbour of it: numbers go up."""
    op = _parts(o.number)
    if not op:
        return False
    if op[:len(parts)] == parts and len(op) > len(parts):
        return after  # a subsection under it (1 → 1.1)
    if parts[:len(op)] == op and len(parts) > len(op):
        return not after  # its parent (1.1 under 1)
    ov = _value(op[-1])
    return _family(o.number or "") == fam and op[:-1] == parts[:-1] \
        and ov is not None and ov - v == (1 if after else -1)


def _goes_on(c: Candidate, parts: list[str], fam: tuple[str, int], order: list[Candidate],
             cands: list[Candidate]) -> bool:
    """May the numbering ``c`` opens go on: a later numbered block carries the next number
    of its scheme, or the next numbered block is no larger and no heavier (its first
    subsection: an excerpt's only "1、" over "（1）"; a clause), or none follows (a
    document's one section)? An author's initial "A. Maintainer", in italics, has no "B."
    after it, and the bold "1. Introduction" after it is no subsection of it."""
    v = _value(parts[-1])
    if v is None:
        return False
    for o in order:
        if o.index <= c.index:
            continue
        if _family(o.number or "") == fam:
            op = _parts(o.number)
            if op[:-1] == parts[:-1] and op and _value(op[-1]) == v + 1:
                return True
    # the next numbered block of any kind (a clause "1.1 The body shall …" is one)
    nxt = next((o for o in cands if o.index > c.index and o.number and o.block.lines), None)
    if nxt is None or _family(nxt.number or "") == fam:
        return True
    st, ot = c.style, nxt.style
    return ot.size <= st.size + SIZE_TOLERANCE and ot.weight <= st.weight


def _parts(number: str | None) -> list[str]:
    from pariter.ids import number_parts

    return number_parts(number)


def _value(tok: str) -> int | None:
    """A number token's value (``"03"`` → 3, ``"A"`` → 1)."""
    return int(tok) if tok.isdigit() else (ord(tok) - 64 if len(tok) == 1 and tok.isalpha() else None)


def _continues(fam: tuple[str, int], parts: list[str], c: Candidate,
               last: dict[tuple[str, int], tuple[int, list[str]]], order: list[Candidate]) -> bool:
    """Does number ``parts`` continue the numbering seen so far?

    The next value of its scheme continues it; so does a first value (0 or 1, A) —
    the scheme's start, or a restart under a new parent: for a dotted number its parent
    must have been seen, for another scheme a block of an outer scheme must have come
    since the scheme's last number."""
    v = _value(parts[-1])
    if v is None:
        return False
    prev = last.get(fam)
    if prev is not None:
        pi, pparts = prev
        if fam[0] == "dot":
            if pparts[:-1] == parts[:-1] and _value(pparts[-1]) == v - 1:
                return True
        elif _value(pparts[-1]) == v - 1:
            return True
    if prev is None and not any(o.decision.heading and o.number and o.index < c.index
                                and _family(o.number) == fam for o in order):
        # the scheme's first number: a document (or an excerpt) starts anywhere, and a
        # heading before it may have been missed — but letters far into the alphabet
        # open no scheme ("M. Gagné" is a title, not section M)
        return fam[0] != "alpha" or v <= MAX_SCHEME_START
    if v not in (0, 1):
        # a gap in a scheme: accept when it still goes up and nothing else explains it
        return prev is not None and _value(prev[1][-1]) is not None \
            and 0 < v - (_value(prev[1][-1]) or 0) <= MAX_NUMBER_STEP \
            and (fam[0] != "dot" or prev[1][:-1] == parts[:-1])
    if fam[0] == "dot":
        parent = parts[:-1]
        return any(_parts(o.number)[:len(parent)] == parent for o in order
                   if o.index < c.index and o.decision.heading)
    if prev is None:
        return True
    # a restart: an outer heading came since the scheme's last number
    return any(o.decision.heading and o.index > prev[0] and _outer(o, fam) for o in order
               if o.index < c.index)


def _outer(o: Candidate, fam: tuple[str, int]) -> bool:
    ofam = _family(o.number or "")
    if ofam == fam:
        return False
    rank = hd.RANK
    return rank.get(ofam[0], hd.UNRANKED) < rank.get(fam[0], hd.UNRANKED) or ofam[0] == "dot"


def _list_items(order: list[Candidate], cands: list[Candidate], ds: DocStyle,
                text_items: set[int] = frozenset()) -> set[int]:  # type: ignore[assignment]
    """Numbered blocks with the next number of their scheme right after them (at most
    :data:`LIST_GAP_BLOCKS` blocks of text between): items of a list, both of them.
    ``text_items``: ids of items read as text, which make a neighbour an item only when
    it is set in their size (a list's items share one; "4. This document" in display
    type after item "3. After the old …" opens a section)."""
    out: set[int] = set()
    pos = {id(c): k for k, c in enumerate(cands)}
    for a, b in zip(order, order[1:]):
        if a.decision.heading and b.decision.heading:
            continue
        if (id(a) in text_items or id(b) in text_items) \
                and abs(a.style.size - b.style.size) >= SIZE_TOLERANCE:
            continue
        if _family(a.number or "") != _family(b.number or ""):
            continue
        pa, pb = _parts(a.number), _parts(b.number)
        if not pa or not pb or pa[:-1] != pb[:-1]:
            continue
        va, vb = _value(pa[-1]), _value(pb[-1])
        if va is None or vb != va + 1:
            continue
        between = cands[pos[id(a)] + 1:pos[id(b)]]
        text = [x for x in between if x.block.lines and text_weight(x.text) > 0]
        face = _same_face(a.style, b.style, ds)
        if text and face and _distinct(a.style, ds) is not None \
                and all(_distinct(x.style, ds) is None for x in text):
            continue  # headings set apart from the text under them, with short sections
        if face and _distinct(a.style, ds) == "larger" \
                and all(_distinct(x.style, ds) != "larger" for x in text):
            continue  # display-size headings over sections of a line or none ("3
            # Calibration" over "4 Computing IPC weights"; "3.3. 添加 OmegaT 到 Dock" over
            # one step in italics): a list's items are set in the text's type
        if len(text) <= LIST_GAP_BLOCKS and all(len(x.block.lines) <= LIST_TEXT_LINES for x in text):
            for x in (a, b):
                if not x.decision.heading:
                    out.add(id(x))
    return out


def _same_face(a: Style, b: Style, ds: DocStyle) -> bool:
    """Are two blocks set alike as a reader compares headings: one size, standing out from
    the text in one way? The font a line is read in is its commonest glyphs': a title
    mixing scripts or code words ("2.1 使用 pip 安装" beside "2.2 从代码库安装") takes a
    Latin face's name and weight in one, the CJK face's in the other, in one style sheet's
    heading."""
    return a == b or (abs(a.size - b.size) < SIZE_TOLERANCE
                      and _distinct(a, ds) == _distinct(b, ds) == "larger")


def _standalone(c: Candidate, ds: DocStyle) -> bool:
    """A body-style numbered line is a heading only as a line of its own: one line that
    does not fill its column (or ends without running on)."""
    return len(c.block.lines) == 1 and not is_full(c.block.lines[0], ds)


# ------------------------------------------------------------------------------ styles
def _style_key(st: Style) -> tuple:
    return (st.size, st.weight, st.italic, st.caps, st.family, st.colour)


def _distinct(st: Style, ds: DocStyle) -> str | None:
    """How the style stands out from the body (None: it does not)."""
    b = ds.body
    if b is None:
        return None
    if st.size >= DISPLAY_RATIO * b.size:
        return "larger"
    if st.size < b.size - SMALLER_TYPE_PT and not (st.caps or st.weight > b.weight):
        return None  # smaller type: notes, captions, labels
    if st.weight >= b.weight + WEIGHT_STEP:
        return "heavier"
    if st.caps and not b.caps:
        return "capitals"
    if st.italic and not b.italic:
        return "italic"
    if st.colour != b.colour and st.colour is not None and b.colour is not None:
        return "colour"
    return None


def _set_apart(st: Style, ds: DocStyle) -> str | None:
    """How a style may set headings apart from the text (None: it cannot): as
    :func:`_distinct`, or a size up from the body short of display type ("a size up": an
    HTML h3 is 1.17 times the text, Calibre prints it 17 pt over 15 pt, in a Type 3 font
    whose weight no descriptor tells). A step as large as the one that makes type small
    (:data:`SMALLER_TYPE_PT`) is seen; like a heavier face, it makes headings only where
    it recurs at the head of blocks of running text."""
    how = _distinct(st, ds)
    if how is None and ds.body is not None and st.size >= ds.body.size + SMALLER_TYPE_PT:
        return "a size up"
    return how


def _styles(cands: list[Candidate], ds: DocStyle, ev: Evidence) -> None:
    """Blocks in one of the document's heading styles are headings."""
    # a style is confirmed by headings found on other evidence — unless it is the body's
    # own (a numbered heading may be set in running text's type)
    confirmed = {_style_key(c.style) for c in cands if c.decision.heading
                 and _distinct(c.style, ds) is not None}
    # a trusted outline lists the headings: style alone adds only what is set like them
    outlined = any(c.decision.source == "outline" for c in cands)
    numbered_doc = sum(1 for c in cands if c.decision.heading and c.number) >= NUMBERED_DOC_HEADINGS
    pool = [c for c in cands if not c.decision.heading and c.veto is None
            and c.decision.reason not in ("list item", "runs on as text")]
    groups: dict[tuple, list[Candidate]] = {}
    for c in pool:
        if _set_apart(c.style, ds) is None and _style_key(c.style) not in confirmed:
            continue
        groups.setdefault(_style_key(c.style), []).append(c)
    num_styles = [(c.style.size, c.style.weight) for c in cands if c.decision.heading and c.number]
    outline_styles = [(c.style.size, c.style.weight) for c in cands if c.decision.source == "outline"]
    # how the headings the document itself gives (outline, numbers, tags) end
    given_heads = [c for c in cands if c.decision.heading]
    given_ends = {_end_mark(c.title or c.text) for c in given_heads}
    listed = Counter(_style_key(c.style) for c in cands if c.decision.source == "outline")
    # the last block of running text (or of a table, a figure): a heading heads text, so
    # a block of a heading's face after it ("...end of sample article" over "—END—")
    # opens nothing
    last_text = max((c.index for c in cands if c.block.lines and not c.decision.heading and (
        ds_body_like(c) or c.block.lines[0].kind in ("grid", "figure", "graphic", "caption"))),
        default=None)
    for key, members in groups.items():
        under_level: int | None = None
        st = members[0].style
        how = _set_apart(st, ds)
        spread = _spread(members, cands)
        heads = _heads_other(members, cands)
        named = sum(1 for c in members if _squash(c.title or c.text) in STANDARD_NAMES)
        deeper = _unnumbered_level(members, spread, num_styles, heads_other=heads)
        if key in confirmed and outlined and \
                listed[key] < OUTLINED_STYLE_SHARE * (listed[key] + len(members) - named):
            # the outline lists a heading style's blocks; a style it lists a few of (6
            # subsubsections) but most of whose blocks it leaves out (300 "Note" and "Tip"
            # labels of boxes set in the same bold face) is that style's few headings only.
            # Standard section names (Contents, References) are not counted: outlines often
            # leave them out, and they are headings by their name
            why = ""
        elif key in confirmed:
            why = "style of confirmed headings"
        elif outlined and how in ("larger", "heavier", "a size up") and st.size >= ds.size + SIZE_TOLERANCE \
                and (under := _unnumbered_level(members, spread, outline_styles, deeper=True,
                                                heads_other=heads)):
            # an outline stops at a depth (AsciiDoc's toclevels, LaTeX's tocdepth) as
            # numbering does: a style set smaller than every heading it lists yet larger
            # than the text (not a box's "NOTE" label or a command's bold synopsis in the
            # text's size, not a figure's labels), whose blocks head text under titles of
            # their own, is the level under its last
            why = "level under the outline's"
            members = [c for c in members if id(c) in under]
            under_level = max(c.decision.level or 1 for c in cands if c.decision.source == "outline") + 1
        elif outlined:
            why = ""
        elif how == "larger" and st.size >= DISPLAY_RATIO * ds.size:
            why = f"{how} than the body"
        elif how is not None and len(spread) >= RECUR:
            why = f"recurring {how} style"
        else:
            why = ""
        for c in members:
            name = _squash(c.title or c.text) in STANDARD_NAMES
            if not why and not (name and how is not None):
                continue
            if id(c.block) in ev.title_region and not name and not (
                    (key in confirmed or len(spread) >= RECUR) and _opens_text(c, cands, ds)):
                c.decision = Decision(False, reason="title page")
                continue
            if how != "larger" and not name and key not in confirmed and id(c) not in spread \
                    and not (len(spread) >= HEAD_SHARE * len(members) and id(c) in heads):
                continue
            if numbered_doc and c.number is None and not name and key not in confirmed and not any(
                    abs(c.style.size - s) < SIZE_TOLERANCE and c.style.weight == w
                    for s, w in num_styles) and how != "larger" and id(c) not in deeper:
                continue  # a numbered document's unnumbered headings look like its numbered ones
            if last_text is not None and c.index > last_text and not name:
                c.decision = Decision(False, reason="no text under it")
                continue
            if not name and c.number is None and _a_term(c, cands, ds):
                c.decision = Decision(False, reason="description term")
                continue
            if not name and c.number is None and (_inset_title(c, cands, ds)
                                                  or _boxed_label(c, members, cands, ds)):
                c.decision = Decision(False, reason="title of an inset")
                continue
            # (display type that headings the document gives itself are set in is a
            # heading's face: a question set so heads its answer, a FAQ's)
            asks = key in confirmed and how == "larger"
            prose = None if name else _reads_as_text(c, cands, ds, given_ends | {"?"} if asks
                                                     else given_ends, len(given_heads))
            if prose is not None:
                # set in a heading's face, read as a sentence: emphasis (a CJK font's bold
                # is often the face of its headings), not a title
                c.decision = Decision(False, reason=prose)
                continue
            # a standard section name (Abstract, 目录, References) is a part of the whole
            # document: the top level, unless an outline says otherwise
            level = 1 if name and key not in confirmed else (
                under_level if why == "level under the outline's" else None)
            c.decision = Decision(True, "style", level, why or f"standard section name ({how})")
    _titles_with_colon(cands, ds, ev)


#: A style's blocks that head running text are titles, not labels, when at most this
#: share of them repeat another's text ("Note", "Warning", "Example" are labels).
REPEATED_TITLE_SHARE: float = 0.5


def _unnumbered_level(members: list[Candidate], spread: set[int],
                      num_styles: list[tuple[float, int]], deeper: bool = False,
                      heads_other: set[int] = frozenset()) -> set[int]:  # type: ignore[assignment]
    """The blocks of a style of unnumbered blocks that are the level under a numbered
    document's numbered headings (ids; empty: the style is none). Numbering often stops
    at a depth (LaTeX's secnumdepth, a word processor's outline numbering of two levels,
    a guideline's unnumbered sub-heads): the deeper headings are set no larger than the
    numbered ones, recur, most of the style's blocks head running text (not a run of
    signatures or a listing's lines in that face), and name different things. A label
    set in the same face (Note, Warning) repeats: it is left out, and a style mostly of
    repeated labels is no level. With ``deeper`` the styles given (``num_styles``) are
    those of the headings an outline lists, and the level under them is set smaller
    than every one. A block heads text as the style rule has it: running text under it,
    or, when most of the style's blocks head running text, text in another style
    (``heads_other``: a README's last section over a command line)."""
    if not num_styles or members[0].style.family == "mono" \
            or max(c.style.size for c in members) > max(s for s, _ in num_styles) + SIZE_TOLERANCE:
        return set()  # (a listing's face names no section)
    if deeper and max(c.style.size for c in members) > min(s for s, _ in num_styles) - SIZE_TOLERANCE:
        return set()  # (``deeper``: set smaller than every heading given)
    heads = [c for c in members if id(c) in spread]
    if len(heads) < HEAD_SHARE * len(members):
        return set()  # most blocks of the face head no text: signatures, a listing's lines
    heads = [c for c in members if id(c) in spread or id(c) in heads_other]
    texts = Counter(_squash(c.title or c.text) for c in heads)
    # a title names something: letters, not a lone mark ("…" between two examples)
    titles = {id(c) for c in heads if texts[_squash(c.title or c.text)] == 1
              and sum(ch.isalpha() for ch in c.title or c.text) >= 2}
    if len(titles) < RECUR or len(heads) - len(titles) > REPEATED_TITLE_SHARE * len(heads):
        return set()
    return titles


def _titles_with_colon(cands: list[Candidate], ds: DocStyle, ev: Evidence) -> None:
    """A "label and value" line (``Author: J. Smith``) set in display type larger than
    the body, in the face of headings the document has (by whatever evidence, none of
    them such a line), is a title with a colon (``API Change: Links``): the face says
    heading. So is one in display type over a paragraph of running text, the face met
    nowhere else ("Proposal: Using a fork repository to track upstream V8", a document's
    one h1 after its title): a label's value is what it gives, a title's text follows it.
    Title pages are left out: there labels and values are set large."""
    faces = {_style_key(c.style) for c in cands if c.decision.heading and c.veto is None
             and _distinct(c.style, ds) == "larger"}
    for c in cands:
        if c.veto == "label and value" and not c.decision.heading and c.number is None \
                and (_style_key(c.style) in faces and len(c.block.lines) == 1
                     or _opens_text(c, cands, ds)) \
                and all(_distinct(style_of(l), ds) == "larger" for l in c.block.lines) \
                and id(c.block) not in ev.title_region:
            c.decision = Decision(True, "style", None, "title with a colon in a heading face")


#: How many headings a document must give itself (outline, numbering, tags) before how
#: they end tells how its headings end (three: more than a title and one section).
GIVEN_HEADINGS: int = 3
#: A phrase starts inside a line of a paragraph when the text before it on its row runs
#: over at least this share of the column (a number or a label beside a title is short).
ROW_TEXT_SHARE: float = 0.5
#: Marks that end a sentence, and the closing quotes and brackets that may follow them.
_STOPS = "。！？；"  # (a Latin "!" may be a name's: "Yahoo! Mail")
_CLOSERS = "”’」』)）\"'"
#: Brackets a heading that opens closes too.
_OPENERS = {"（": "）", "(": ")", "【": "】", "「": "」", "《": "》"}


def _end_mark(t: str) -> str:
    """The sentence-ending mark ``t`` ends with (closing quotes and brackets skipped), in
    its class: "!" for ！ and !, "?" for ？ and ?, "." for 。; "" for none."""
    t = t.rstrip().rstrip(_CLOSERS)
    return {"！": "!", "!": "!", "？": "?", "?": "?", "。": "."}.get(t[-1:], "")


def _reads_as_text(c: Candidate, cands: list[Candidate], ds: DocStyle,
                    given_ends: set[str], given: int) -> str | None:
    """Why a block set in a heading's face, and decided a heading by that face alone, is
    read as running text instead (None: nothing says so). What a reader goes by:

    - it holds a full-width sentence end (or semicolon between clauses) with more text
      after it: two sentences are no title;
    - it ends as an exclamation or a question, and none of the headings the document
      gives itself (outline, numbering, tags; at least :data:`GIVEN_HEADINGS` of them, or
      it says nothing on how its headings end) ends so (a FAQ's questions are headings
      when its outline's are questions too);
    - it opens a bracket it does not close, or is one bracketed aside as a whole;
    - it starts on a line that text before it shares (emphasis inside a paragraph)."""
    t = c.text.strip()
    core = t.rstrip().rstrip(_CLOSERS)
    if re.search(rf"[{_STOPS}][{re.escape(_CLOSERS)}]*\s*\S", core[:-1] if core else core):
        return "sentences"
    end = _end_mark(t)
    if end in ("!", "?") and given >= GIVEN_HEADINGS and end not in given_ends:
        return "exclamation or question"
    for o, cl in _OPENERS.items():
        if t.count(o) > t.count(cl):
            return "open bracket"
        if t.startswith(o) and t.endswith(cl) and t.count(o) == 1:
            return "bracketed aside"
    first = c.block.lines[0]
    lo = ds.col(first)[0]
    if any(l.page == first.page and l.x1 <= first.x0 + SIZE_TOLERANCE
           and abs(l.baseline - first.baseline) < SAME_ROW_EM * first.size
           and abs(ds.col(l)[0] - lo) <= SIZE_TOLERANCE  # one text column (not a gutter)
           # running text over most of the column, not a number or a label beside a title
           and l.x1 - lo >= ROW_TEXT_SHARE * (ds.col(l)[1] - lo)
           for x in cands if x is not c for l in x.block.lines):
        return "inside a line"  # (the row of a paragraph it ends, or wraps past)
    return None


#: Lines stand at one left edge within this many ems.
EDGE_ALIGN_EM: float = 0.3
#: A line that is a sentence: words, then a full stop (or a question's, an exclamation's).
_SENTENCE = re.compile(r"\w.{8,}[.。！？!?]$")
#: A block is indented under a line when it starts this many ems right of it.
TERM_INDENT_EM: float = 1.0


def _a_term(c: Candidate, cands: list[Candidate], ds: DocStyle) -> bool:
    """Is ``c`` the term of a description list rather than a heading? A term stands at the
    left edge of the running text (lines of paragraphs run there on its page) and the
    block under it is indented as a whole, all its lines at one edge right of the term's,
    until something comes back out to the term's edge (a man page's ``.TP`` tags: "chem(1)"
    over "for chemical structure diagrams,"; a glossary). A heading stands at the text's
    edge or left of it, and the text under it starts at that edge (or a first line is
    indented and the next comes back): a man page's ``.SS`` subsection stands out left of
    the text it heads."""
    first = c.block.lines[0]
    if _distinct(c.style, ds) == "larger":
        return False  # a term is set in the text's size; a larger line over an indented
        # block is a heading over a quotation, an epigraph or a listing
    k = cands.index(c) + 1
    while k < len(cands) and not cands[k].block.lines:
        k += 1
    if k >= len(cands):
        return False
    nb = cands[k].block.lines
    if all(ds.is_listing(l) for l in nb):
        return False  # code set in from the text under a heading
    edge = nb[0].x0
    tol = EDGE_ALIGN_EM * first.size
    if nb[0].page != first.page or edge - first.x0 < TERM_INDENT_EM * first.size \
            or any(abs(l.x0 - edge) > tol for l in nb):
        return False
    if len(nb) == 1:
        # one indented line: a description, unless the line after is indented too (a
        # first-line indent on every paragraph)
        after = next((o.block.lines[0] for o in cands[k + 1:] if o.block.lines), None)
        if after is not None and after.page == first.page and after.x0 > first.x0 + tol:
            return False
    # the term's edge is the running text's: a paragraph's running lines stand there, on
    # its page or another (a page may hold only lists and terms); a paragraph of one line
    # counts when it is a sentence (short Chinese paragraphs), not a running head's
    # "NAME(1)"
    return any(o is not c and ds.is_body(o.block.lines[-1]) and (
        len(o.block.lines) >= 2 and all(abs(l.x0 - first.x0) <= tol for l in o.block.lines[1:])
        or len(o.block.lines) == 1 and abs(o.block.lines[0].x0 - first.x0) <= tol
        and _SENTENCE.search(o.text) is not None) for o in cands)


def _inset_title(c: Candidate, cands: list[Candidate], ds: DocStyle) -> bool:
    """Is ``c`` the title of an inset (a note, a tip, a sidebar) rather than of a section?
    An inset is a block set in from the running text as a whole, its title with it: the
    title stands right of the edge where the page's paragraphs run, and the text under it
    starts at the title's edge and keeps to it past its first line (DocBook's "Note"
    through FOP, an admonition box printed from HTML). A section's title stands at the
    text's edge or out from it; a paragraph's first-line indent comes back on its next
    line (a Chinese heading indented like the paragraphs under it)."""
    first = c.block.lines[0]
    tol = EDGE_ALIGN_EM * ds.size
    k = cands.index(c) + 1
    inside: list[tuple[Line, bool]] = []  # the inset's lines, and whether a block opens there
    for o in cands[k:]:
        for j, l in enumerate(o.block.lines):
            if l.page != first.page or l.x0 < first.x0 - tol:
                break
            inside.append((l, j == 0))
        else:
            continue
        break
    if not inside or abs(inside[0][0].x0 - first.x0) > tol:
        return False
    if not any(not opens and abs(l.x0 - first.x0) <= tol for l, opens in inside):
        return False  # no line past a first one keeps to the title's edge
    edge = first.x0 - TERM_INDENT_EM * ds.size
    # the running text's edge, left of the title in its column: a paragraph's lines past
    # its first, running on under the title (the column left of it in a two-column page
    # has an edge of its own)
    return any(len(o.block.lines) >= 2 and o is not c and o.block.lines[0].page == first.page
               and ds.is_body(o.block.lines[-1])
               and max(l.x1 for l in o.block.lines) > first.x0
               and all(l.x0 <= edge and abs(l.x0 - o.block.lines[1].x0) <= tol
                       for l in o.block.lines[1:]) for o in cands)


def _boxed_label(c: Candidate, members: list[Candidate], cands: list[Candidate],
                 ds: DocStyle) -> bool:
    """Is ``c`` the label of a note box rather than a section's title? A label repeats:
    its words ("Note", "Tip", "Warning") stand over many boxes in its face, where a
    section's title names what it heads; and the text under it is set in another face
    than the running text (dblatex sets a note's text in sans beside serif paragraphs),
    where a section's text is the document's own. A title repeated over running text
    ("Exercises" closing each chapter, a manual page's "DESCRIPTION") stays a title; a
    listing under a title says nothing of either."""
    key = _squash(c.title or c.text)
    if ds.body is None or sum(1 for m in members if _squash(m.title or m.text) == key) < RECUR:
        return False
    k = cands.index(c) + 1
    while k < len(cands) and not cands[k].block.lines:
        k += 1
    if k >= len(cands):
        return False
    first = cands[k].block.lines[0]
    if first.kind != "body" or first.page != c.page or ds.is_listing(first) or ds.in_listing(first):
        return False
    st = style_of(first)
    return ds.is_body(first) and st.family != ds.body.family and st.family != "mono"


def _opens_text(c: Candidate, cands: list[Candidate], ds: DocStyle) -> bool:
    """Is the block directly followed by a paragraph of running text?"""
    for o in cands[cands.index(c) + 1:]:
        if not o.block.lines:
            continue
        first = o.block.lines[0]
        return _plain(first, ds) and (len(o.block.lines) >= 2 or o.text.endswith(FINAL))
    return False


def _plain(l: Line, ds: DocStyle) -> bool:
    """Is ``l`` set as running text: the body's type, or type no reader tells from it (a
    Latin face one weight lighter than the CJK face the body is measured in, in a
    bilingual README: Qt sets AR PL's Kai at 500 beside DejaVu Sans at 400)?"""
    return l.kind == "body" and (ds.is_body(l) or (
        abs(l.size - ds.size) < SIZE_TOLERANCE and _distinct(style_of(l), ds) is None))


def _spread(members: list[Candidate], cands: list[Candidate]) -> set[int]:
    """Members followed by running text before the next member: the heads of blocks,
    not rows of a list or a table."""
    idx = {c.index for c in members}
    out: set[int] = set()
    by_index = {c.index: c for c in cands}
    for c in members:
        k = c.index + 1
        while k in by_index and not by_index[k].block.lines:
            k += 1
        nxt = by_index.get(k)
        if nxt is None:
            continue
        if k in idx:
            continue  # another of the same style right after: a list, a table
        if nxt.veto in ("paragraph", "too long", "sentence end") or (
                nxt.block.lines and ds_body_like(nxt) and nxt.veto != "code listing"):
            out.add(id(c))  # (a listing's lines are no running text: a heavier line
            # over them is another line of the session, its output or its comment)
    return out


#: A style most of whose blocks (this share) head running text is a heading style: its
#: other blocks head text that is no sentence (a manual page's ``SYNOPSIS`` over a
#: command line, ``ISSUES AND REPORTS`` over a URL) and are headings too, unless a block
#: of the style follows right after them (rows of a list or a table).
HEAD_SHARE: float = 0.5


def _heads_other(members: list[Candidate], cands: list[Candidate]) -> set[int]:
    """Members followed by a block of text in another style (not the rows of a list)."""
    idx = {c.index for c in members}
    by_index = {c.index: c for c in cands}
    out: set[int] = set()
    for c in members:
        k = c.index + 1
        while k in by_index and not by_index[k].block.lines:
            k += 1
        nxt = by_index.get(k)
        if nxt is not None and k not in idx and nxt.block.lines[0].kind == "body" \
                and not nxt.style.size >= c.style.size + SMALLER_TYPE_PT:
            # (a line in larger type after it is a heading of a higher rank, which ends
            # whatever a lesser heading would have opened: a table's head cell left
            # under its row, "System" of "Operating System", over the next section)
            out.add(id(c))
    return out


def ds_body_like(c: Candidate) -> bool:
    """Is the block running text (several lines, or a line ending a sentence)?"""
    return len(c.block.lines) >= 2 or c.text.endswith(FINAL)


# ------------------------------------------------------------------------------ levels
def assign_levels(cands: list[Candidate]) -> None:
    """Levels of the heading blocks: the outline's or tags' where given; otherwise the
    numbering's depth and the nesting of schemes, then the rank of styles; a style that
    an outline or tag level was seen with keeps that level."""
    heads = [c for c in cands if c.decision.heading]
    given: dict[tuple, int] = {}
    for c in heads:
        if c.decision.level is not None:
            given.setdefault(_style_key(c.style), c.decision.level)
    rest = [c for c in heads if c.decision.level is None]
    computed = hd.assign_levels([(c.number, False, c.style.size + c.style.weight / 1000)
                                 for c in rest])
    for c, lv in zip(rest, computed):
        c.decision.level = given.get(_style_key(c.style), lv) if not c.number else lv
