"""Front matter: the title, a cover page, contents pages, and the title region.

Title pages are set like headings (large, bold, centred) and are not sections: a reader
knows the first page's largest type for the title, a page with no running text for a
cover, a page of entries with page numbers for the contents, and everything on the first
page above the first paragraph of running text (authors, affiliations, an agency block, a
thesis's ``硕士研究生：…`` lines) for the title region.
"""

from __future__ import annotations

import re
import unicodedata

from . import headings as hd
from .lines import SIZE_TOLERANCE, Line
from .outline import OutlineEntry, same_heading
from .paragraphs import CENTRED_EM, EDGE_EM, FINAL, PARA_SPACE_EM, Block
from .styles import DocStyle, running_text
from .textjoin import join2

#: The title's type is at least this much larger than the body's.
TITLE_RATIO = 1.3
#: A title has at most this many lines in its largest size.
TITLE_LINES = 4
#: Title lines are set within this many points of the page's largest size ...
TITLE_SIZE_TOLERANCE: float = 0.5
#: ... and a line right after them at least this much larger than the body is part of
#: the title too (a report cover's subtitle).
SUBTITLE_RATIO: float = 1.6
#: A first page with fewer characters of body-size text than this is a cover.
COVER_BODY_CHARS = 200
#: Share of lines on a contents page that are entries or bare page numbers.
TOC_SHARE = 0.5
#: ... and at least this many of them.
TOC_MIN_LINES = 4
#: A lone body line ending a sentence is running text when it has this many characters.
SENTENCE_LINE_CHARS = 40
#: A line ending in a leader (dots spaced or not) before its page number.
_LEADER_END = re.compile(r"(?:[.·…]\s*){3,}$")
_TOC_TITLES = ("目录", "目次", "Contents", "TableofContents", "CONTENTS")


def contents_title(text: str) -> bool:
    """Does ``text`` name a table of contents (目录, Contents)? (Asked of most lines: the
    white space goes by str.split, which splits at exactly what ``\\s`` matches in a str
    pattern, Unicode's white space, at a fifth of a regex call's cost.)"""
    return "".join(text.split()) in _TOC_TITLES


def stands_apart(a: Line, b: Line, ds: DocStyle) -> bool:
    """Does line ``b`` stand under ``a`` farther than a title's next line would: by more
    than the text's leading scaled to the type (:meth:`DocStyle.text_leading`) and a
    paragraph's space? A title wraps on its leading; the pitch measured for so large a
    type is this very step, where nothing else is set in it."""
    return a.page == b.page and b.baseline - a.baseline > ds.text_leading(a) + PARA_SPACE_EM * a.size


def title_lines(lines: list[Line], ds: DocStyle,
                listed: set[int] | frozenset[int] = frozenset(),
                outline: "list[OutlineEntry]" = ()) -> tuple[set[int], str | None]:  # type: ignore[assignment]
    """Ids of the first page's title lines (its largest type) and the title they spell.
    A title's lines stand together: a line of the title's size after running text, a
    contents title or a contents entry (``listed``, :func:`listed_contents`) is a heading
    set in the title's size (an appendix printed from HTML: "Appendix A. History", its
    contents, then "1. The Very Beginning" in the same type). A line the ``outline`` lists
    on its page, after its first entry (which may name the document), is a heading."""
    if not lines:
        return set(), None
    # a contents title names the contents, not the document: a front page may carry the
    # title, the abstract and the contents (set larger than the title), and the title is
    # the largest type besides it
    first = [l for l in lines if l.page == lines[0].page
             and not contents_title(l.text)]
    if not first:
        return set(), None
    big = max(l.size for l in first)
    chosen = [l for l in first if l.size >= big - TITLE_SIZE_TOLERANCE]
    page = [l for l in lines if l.page == lines[0].page]
    start = next(i for i, l in enumerate(page) if l is chosen[0])
    running = {id(l) for l in page if running_line(l.text)} | {
        id(l) for l in running_text(page) if abs(l.size - ds.size) < SIZE_TOLERANCE}
    apart = next((i for i, l in enumerate(page) if i > start and (
        id(l) in running or contents_title(l.text) or id(l) in listed)), None)
    if apart is not None:
        kept = {id(l) for l in page[:apart]}
        chosen = [l for l in chosen if id(l) in kept]
        if len(chosen) >= 2 and page[apart - 1] is chosen[-1] and page[apart - 2] is chosen[-2] \
                and stands_apart(chosen[-2], chosen[-1], ds):
            # the title's last line in its type stands off from it by a paragraph's
            # space and opens the running text: the first section's heading, set in the
            # title's face (a README's "# Luavlna, version 0.1j" over "# Introduction")
            chosen = chosen[:-1]
    if big < TITLE_RATIO * ds.size and not _a_size_of_its_own(lines, chosen, big, ds):
        return set(), None
    if len(chosen) > TITLE_LINES:
        return set(), None
    if _chapter_number(chosen[0].text):
        return set(), None  # the file opens a chapter: the book's title is elsewhere
    if _numbering_goes_on(chosen[0], lines):
        return set(), None  # "1 Sites" over its text, "2 Methods" later: the first heading
    if heading_face(lines, page, chosen, running):
        return set(), None
    out = {id(l) for l in chosen}
    # a following line almost as large belongs to the title (report covers)
    idx = [i for i, l in enumerate(lines) if id(l) in out]
    nxt = idx[-1] + 1
    # ... set as the title is: under a centred title, a line flush with the text's left
    # edge is the first heading (a man page's "NAME" under its centred "SELECT")
    extent = _text_extent(lines)
    headings = [e.title for e in outline[1:] if e.page == first[0].page]
    if nxt < len(lines) and lines[nxt].page == first[0].page \
            and SUBTITLE_RATIO * ds.size <= lines[nxt].size < big \
            and not any(same_heading(lines[nxt].text, t) for t in headings) \
            and not (all(_centred(l, extent) for l in chosen)
                     and lines[nxt].x0 - extent[0] < CENTRED_EM * lines[nxt].size):
        chosen.append(lines[nxt])
        out.add(id(lines[nxt]))
    text = ""
    for l in sorted(chosen, key=lambda l: (l.top, l.x0)):
        text = join2(text, l.text)
    return out, text or None


#: The words and the Chinese counters of a chapter's or a part's number (``第七章``,
#: ``Chapter 3``, ``Part II``): a heading of a book, whose title stands elsewhere.
_CHAPTER = re.compile(r"^(?:第\s*[0-9一二三四五六七八九十百零〇]+\s*(?:章|篇|部分)"
                      r"|(?:Chapter|CHAPTER|Part|PART|Book|BOOK)\s+(?:[IVXLC]{1,6}|[0-9]{1,3})\b)")
#: The first page's largest type is a heading style, not the title's, when at least this
#: many lines after the page's running text are set in it (a title stands once).
TITLE_FACE_REPEATS: int = 2


def _numbering_goes_on(first: Line, lines: list[Line]) -> bool:
    """Does ``first`` open with a section number whose next value heads a later line in
    its type ("1 Sites", then "2 Methods")? A document without a title page opens with its
    first heading, and a title is not numbered in the sequence of the sections."""
    from pariter.ids import number_parts

    number, rest = hd.split_number(first.text)
    parts = number_parts(number)
    if not number or not rest or not parts or not parts[-1].isdigit():
        return False
    nxt = parts[:-1] + [f"{int(parts[-1]) + 1:02d}"]
    for l in lines:
        if l is first or abs(l.size - first.size) >= SIZE_TOLERANCE or l.bold != first.bold:
            continue
        n, r = hd.split_number(l.text)
        if n and r and number_parts(n) == nxt and hd.number_kind(n) == hd.number_kind(number):
            return True
    return False


def _chapter_number(text: str) -> bool:
    """Does the line open with a chapter's or a part's number?"""
    return bool(_CHAPTER.match(text.strip()))


def _face(l: Line) -> tuple:
    return (round(l.size * 2) / 2, l.fontname.split("+")[-1], l.colour)


def heading_face(lines: list[Line], page: list[Line], chosen: list[Line],
                 running: set[int]) -> bool:
    """Are the chosen lines the first of the document's headings rather than its title?
    So when running text (ids in ``running``) follows them right away, and their face
    heads the text again further on (at least :data:`TITLE_FACE_REPEATS` lines after
    that text, same size, font and colour): a note printed from Word without a title,
    "Pixmap" in Heading 1 over its paragraph, then "API Change: Links" in it. A title is
    set once, and stands apart from the text: over authors, a contents list (an appendix
    printed from HTML: "Appendix A. History", its contents, then "1. The Very Beginning"
    in the same type), or alone on a title page (KOMA sets its title in the face of its
    chapters)."""
    ids = [id(l) for l in page]
    last = max(ids.index(id(l)) for l in chosen if id(l) in ids) if chosen else None
    if last is None or last + 1 >= len(page) or id(page[last + 1]) not in running:
        return False
    faces = {_face(l) for l in chosen}
    later = set(ids[last + 1:]) | {id(l) for l in lines if l.page != page[0].page}
    # the title printed again over the text (page 2 of a report) is the title, no heading
    title = _squash("".join(l.text for l in chosen))
    # a title centred over the text where the lines of its face further on stand at the
    # text's left edge (an HTML page's centred h1.title, its sections' h1s flush left) is
    # set apart by its place: only lines of the face that are centred too repeat it
    extent = _text_extent(lines)
    centred = all(_centred(l, extent) for l in chosen)
    return sum(1 for l in lines if id(l) in later and _face(l) in faces
               and _squash(l.text) not in title
               and (not centred or _centred(l, extent))) >= TITLE_FACE_REPEATS


def _text_extent(lines: list[Line]) -> tuple[float, float]:
    """The left and right edges of the document's text: the middle of its pages' leftmost
    and rightmost reaches (a short page's lines reach neither edge), listings left out (a
    listing may run past the margin)."""
    extents: dict[int, tuple[float, float]] = {}
    for l in lines:
        if l.font is not None and l.font.mono:
            continue
        lo, hi = extents.get(l.page, (l.x0, l.x1))
        extents[l.page] = (min(lo, l.x0), max(hi, l.x1))
    if not extents:
        return (min(l.x0 for l in lines), max(l.x1 for l in lines)) if lines else (0.0, 0.0)
    los = sorted(e[0] for e in extents.values())
    his = sorted(e[1] for e in extents.values())
    return los[len(los) // 2], his[len(his) // 2]


def _centred(l: Line, extent: tuple[float, float]) -> bool:
    """Is ``l`` centred over its page's text (``extent``: its leftmost and rightmost
    reach), away from the left edge?"""
    lo, hi = extent
    return abs((l.x0 + l.x1) - (lo + hi)) <= CENTRED_EM * l.size and l.x0 - lo >= CENTRED_EM * l.size


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text).casefold()


def _a_size_of_its_own(lines: list[Line], chosen: list[Line], big: float, ds: DocStyle) -> bool:
    """A title only a little larger than the body (groff's -ms sets it 2 points up) is
    still the title when it opens the document, centred, in a size no other line of the
    document is set in: headings recur in their sizes, a title stands once."""
    ids = {id(l) for l in chosen}
    if big < ds.size + SIZE_TOLERANCE or id(lines[0]) not in ids:
        return False
    if any(abs(o.size - big) < TITLE_SIZE_TOLERANCE for o in lines if id(o) not in ids):
        return False
    # centred over the page's text, away from its left edge
    page = [o for o in lines if o.page == lines[0].page and id(o) not in ids]
    if not page:
        return False
    lo, hi = min(o.x0 for o in page), max(o.x1 for o in page)
    return all(abs((l.x0 + l.x1) - (lo + hi)) <= CENTRED_EM * l.size
               and l.x0 - lo >= CENTRED_EM * l.size for l in chosen)


def cover_page(lines: list[Line], title: set[int], ds: DocStyle,
               printed: str | None = None) -> int | None:
    """The first page when it is a cover: a title and no running text. A first page that
    prints a page number past 1 (``printed``, the page's label) is none: the file starts
    inside a longer document (an excerpt), and a cover is its first leaf."""
    if not title or not lines:
        return None
    if printed is not None and printed.isdigit() and int(printed) > 1:
        return None
    page = lines[0].page
    body = sum(len(l.text) for l in lines if l.page == page and abs(l.size - ds.size) < SIZE_TOLERANCE)
    return page if body < COVER_BODY_CHARS else None


def toc_pages(lines: list[Line]) -> set[int]:
    """Pages of a table of contents: named so, or mostly entries ending in page numbers."""
    by_page: dict[int, list[Line]] = {}
    for l in lines:
        by_page.setdefault(l.page, []).append(l)
    out = set()
    for page, ls in by_page.items():
        toc = numbers = 0
        for l in ls:  # each line read once: an entry with its page number, or else one
            if hd.looks_like_toc(l.text):  # of the other entries _entry takes
                toc += 1
            elif _number_or_leader(l.text):
                numbers += 1
        named = any(contents_title(l.text) for l in ls)
        if named or toc + numbers >= max(TOC_MIN_LINES, TOC_SHARE * len(ls)):
            out.add(page)
    return out


#: A contents list printed without page numbers has at least this many entries ...
LISTED_MIN_ENTRIES = 2
#: ... each no longer than a heading (characters; a line of running text is longer).
LISTED_MAX_CHARS = 80


def _listed_key(text: str) -> str:
    """A line's text as a contents entry and its heading are compared: NFKC, without white
    space, letter case aside (a heading may be set in capitals by its style)."""
    return "".join(unicodedata.normalize("NFKC", text).split()).casefold()  # as contents_title


def listed_contents(lines: list[Line]) -> set[int]:
    """Ids of the lines that are entries of a contents list printed without page numbers
    (a web page's list of its sections, a chapter's list of its own sections over its
    text): a run of consecutive lines each of which the document prints again further on,
    in the same order, as a line or as the run-in label opening a line, set apart from it
    (in another size or weight, or from another left edge: an entry is not its heading)
    and no smaller than it,
    with text (:func:`_prose`) between each repeat and the next: entries point to
    headings, each over text of its own. A block of lines printed twice (a form's labels
    on every page) repeats them line after line, and the row labels of tables set alike
    ("Top1", "Year-FE") repeat in the same place and type."""
    at: dict[str, list[int]] = {}
    for j, l in enumerate(lines):
        keys = {_listed_key(l.text)}
        if l.lead_run:
            keys.add(_listed_key(l.text[:l.lead_run]))
        for k in keys:
            if k:
                at.setdefault(k, []).append(j)

    def entry(i: int) -> bool:
        t = lines[i].text.strip()
        font = lines[i].font
        return (lines[i].kind == "body" and 0 < len(t) <= LISTED_MAX_CHARS and not running_line(t)
                and not (font is not None and font.mono)  # code repeats its lines
                and bool(re.search(r"[^\W\d_]", t)) and not t[0].islower()  # a title opens so
                and at.get(_listed_key(t), [0])[-1] > i + 1)

    # running lines among lines[:j], to ask whether text stands between two repeats
    prose = [0]
    for l in lines:
        prose.append(prose[-1] + _prose(l.text))
    out: set[int] = set()
    i = 0
    while i < len(lines):
        if not entry(i):
            i += 1
            continue
        end = i
        while end + 1 < len(lines) and entry(end + 1):
            end += 1
        # the run's entries, matched in order to repeats after the run, running text
        # between each repeat and the one before; a run whose order breaks ends there
        run, last = [], end
        for k in range(i, end + 1):
            # a heading is set no smaller than its entry: a line in display type repeated
            # later in the text's (a man page's title "SELECT" and its term "select") is
            # no entry pointing to it
            nxt = next((j for j in at[_listed_key(lines[k].text.strip())]
                        if j > last and (k == i or prose[j] > prose[last + 1])
                        and _set_apart(lines[k], lines[j])
                        and lines[j].size > lines[k].size - SIZE_TOLERANCE), None)
            if nxt is None:
                break
            run.append(k)
            last = nxt
        if len(run) >= LISTED_MIN_ENTRIES:
            out.update(id(lines[k]) for k in run)
        i = (run[-1] + 1) if len(run) >= LISTED_MIN_ENTRIES else i + 1
    return out


def _prose(text: str) -> bool:
    """A line of text: it ends a sentence, or is as long as a line of running text."""
    t = text.strip()
    return t.endswith(("。", "！", "？", ".", "!", "?")) or len(t) >= SENTENCE_LINE_CHARS


def _set_apart(entry: Line, heading: Line) -> bool:
    """Is ``heading`` set otherwise than ``entry``: in another size (by more than a
    line's own sizes vary) or weight, or from another left edge (by half an em)?"""
    return (abs(entry.size - heading.size) >= SIZE_TOLERANCE or entry.bold != heading.bold
            or abs(entry.x0 - heading.x0) >= EDGE_EM * entry.size)


def before_contents(lines: list[Line], pages: set[int]) -> set[int]:
    """Ids of the lines that come before the contents title on a contents page (in reading
    order): a short front page may carry the abstract, or the title, above its contents,
    and those are not entries."""
    out: set[int] = set()
    seen: dict[int, list[int]] = {}
    titled: set[int] = set()
    for l in lines:
        if l.page not in pages or l.page in titled:
            continue
        if contents_title(l.text):
            titled.add(l.page)
            out.update(seen.get(l.page, ()))
        else:
            seen.setdefault(l.page, []).append(id(l))
    return out


def after_contents(lines: list[Line], pages: set[int], listed: set[int] | frozenset[int] = frozenset()) -> set[int]:
    """Ids of the lines that come after the last entry on a contents page (in reading
    order) when running text is among them: a document whose contents end part way down
    a page starts its text there (``1 简介`` under the contents' last entry), and its first
    headings are headings, not entries. Without running text after them, lines past the
    last entry are the wrapped end of an entry, still the contents.

    The entries of a contents printed without page numbers are the ``listed`` lines
    (:func:`listed_contents`); with no page numbers to say where it ends, it ends at its
    last entry before the first line of running text (prose after it may end a line in an
    ellipsis, which reads as an entry's leader)."""
    out: set[int] = set()
    by_page: dict[int, list[Line]] = {}
    for l in lines:
        if l.page in pages:
            by_page.setdefault(l.page, []).append(l)
    for ls in by_page.values():
        last = max((i for i, l in enumerate(ls) if _entry(l.text)), default=None)
        mine = [i for i, l in enumerate(ls) if id(l) in listed]
        if mine:
            text = next((i for i in range(mine[0], len(ls)) if running_line(ls[i].text)), len(ls))
            last = max(i for i in mine + ([last] if last is not None else []) if i < text) \
                if mine[0] < text else last
        if last is None:
            # a contents title over no entry at all (the list was left out: pandoc drops a
            # contents directive, a web page's navigation was not printed): the contents
            # end at their title, and running text after it is the text's
            last = next((i for i, l in enumerate(ls) if contents_title(l.text)), None)
            if last is None:
                continue
        rest = ls[last + 1:]
        if any(prose_line(l.text) for l in rest):
            out.update(id(l) for l in rest)
            continue
        # an entry wraps in its own type: a line past the last entry set larger than it
        # (by more than a line's sizes vary) opens the text, and what follows it with it
        # (the first heading at the foot of the contents page, its text overleaf)
        # (a title: two letters at least, not an index's letter group "F")
        big = next((k for k, l in enumerate(rest)
                    if l.size >= ls[last].size + SIZE_TOLERANCE
                    and sum(ch.isalpha() for ch in l.text) >= 2), None)
        if big is not None and not contents_title(ls[last].text):
            out.update(id(l) for l in rest[big:])
    return out


def _entry(text: str) -> bool:
    """A contents entry (a title with its page number, or with its leader where the layout
    set the page number apart) or a page number on its own."""
    return hd.looks_like_toc(text) or _number_or_leader(text)


#: a page number on its own, arabic or roman (asked of most lines: compiled once)
_PAGE_NUMBER = re.compile(r"\d{1,4}|[ivxlc]{1,6}")


def _number_or_leader(text: str) -> bool:
    """A page number on its own, or a title ending in a leader: the entries
    :func:`~.headings.looks_like_toc` does not see."""
    return bool(_PAGE_NUMBER.fullmatch(text.strip())) \
        or bool(_LEADER_END.search(text.strip()))


#: A Chinese sentence ending inside a line, with text after it: Chinese prose sets its
#: stops anywhere on a line (an English paragraph's lines end sentences at their ends often
#: enough; a contents entry may hold a question's "? " inside it).
_INNER_END = re.compile(r"[。！？](?=\s*[^\s。！？”’」』）)])")
#: A leader anywhere on the line: a contents entry's.
_LEADER_ANY = re.compile(r"(?:\.\s?){4,}|…{2,}|·{3,}")


def prose_line(text: str) -> bool:
    """A line of running text, or a long line inside a paragraph with a sentence ending
    within it (``…攻击的模块。主要用于…``): a contents entry holds no sentence's end."""
    if running_line(text):
        return True
    t = text.strip()
    return len(t) >= SENTENCE_LINE_CHARS and not _LEADER_ANY.search(t) and bool(_INNER_END.search(t))


def running_line(text: str) -> bool:
    """A line of running text: it ends a sentence and is long (entries end in numbers)."""
    t = text.strip()
    if _LEADER_END.search(t):
        return False  # a contents entry whose page number the layout set apart
    return t.endswith(FINAL) and len(t) >= SENTENCE_LINE_CHARS


def title_region(blocks: list[Block], ds: DocStyle) -> set[int]:
    """Ids of the blocks on the first page that come before its first paragraph of
    running text (two or more body-style lines, or a body line ending a sentence)."""
    out: set[int] = set()
    if not blocks or not blocks[0].lines:
        return out
    page = blocks[0].lines[0].page
    for b in blocks:
        if not b.lines:
            continue
        if b.lines[0].page != page:
            break
        if running_block(b, ds):
            break
        out.add(id(b))
    return out


def running_block(b: Block, ds: DocStyle) -> bool:
    """A paragraph of running text: two or more body-style lines, or a body line ending a
    sentence."""
    first = b.lines[0]
    return ds.is_body(first) and (len(b.lines) >= 2 or (
        first.text.rstrip().endswith(FINAL) and len(first.text) >= SENTENCE_LINE_CHARS))
