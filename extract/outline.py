"""The PDF's outline (bookmarks): the author's own list of headings, where a PDF has one.

An outline entry names a heading, its level and (usually) the page and height it points
to. It is the best heading evidence there is — but only when it describes the document:
Word leaves hidden bookmarks (``OLE_LINK5``), and an excerpt keeps entries for pages it no
longer has. So entries are matched to the text first, and the outline is trusted only when
most of its entries that point into the document are found where they point.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path

from .hygiene import clean_string

#: An outline is trusted when at least this share of its entries pointing into the
#: document match a line where they point (hidden bookmarks and stale outlines don't).
TRUSTED_SHARE = 0.5
#: Texts this similar (after normalisation) are the same heading (a dropped accent, a
#: ligature, a spacing difference survive it; another heading does not).
SAME_TEXT = 0.9
#: ... but only texts of this many characters: short ones match by accident.
SAME_TEXT_MIN_CHARS = 4
#: Outline levels and entries read at most (guards against a looping or bloated outline;
#: real outlines nest a few levels and hold hundreds of entries).
MAX_OUTLINE_DEPTH = 16
MAX_OUTLINE_ENTRIES = 10_000


@dataclass(frozen=True, slots=True)
class OutlineEntry:
    """``page`` is 1-based (None without a destination in this file); ``top`` is the
    destination's distance from the page top in points (None when it gives none);
    ``level`` counts from 0 at the outline's top."""

    title: str
    level: int
    page: int | None
    top: float | None


def read_outline(path: str | Path) -> list[OutlineEntry]:
    """The outline of the PDF at ``path`` (empty when it has none or it cannot be read)."""
    try:
        import pypdfium2 as pdfium
    except ImportError:  # pragma: no cover - pypdfium2 comes with pdfplumber
        return []
    out: list[OutlineEntry] = []
    try:
        pdf = pdfium.PdfDocument(str(path))
    except Exception:  # the character reader reports an unreadable file; no outline here
        return []
    try:
        heights = {}
        for i, item in enumerate(pdf.get_toc(max_depth=MAX_OUTLINE_DEPTH)):
            if i >= MAX_OUTLINE_ENTRIES:
                break
            # cleaned as the text is (the pipeline's reader reports what it removed), so
            # that a title matches its heading
            title = clean_string(item.get_title() or "")[0].strip()
            if not title:
                continue
            dest = item.get_dest()
            page = top = None
            if dest is not None:
                idx = dest.get_index()
                if idx is not None and 0 <= idx < len(pdf):
                    page = idx + 1
                    if page not in heights:
                        # the page's size without loading the page (loading parses its
                        # whole content stream): the same number PdfPage.get_height() gives
                        heights[page] = pdf.get_page_size(idx)[1]
                    _, view = dest.get_view()
                    if len(view) >= 2 and view[1] is not None and view[1] > 0:
                        top = heights[page] - float(view[1])
            out.append(OutlineEntry(title, int(item.level), page, top))
    except Exception:  # a damaged outline is no evidence, not a failure
        return out
    finally:
        pdf.close()
    return out


@lru_cache(maxsize=4096)
def norm(text: str) -> str:
    """Casefolded NFKC without whitespace or a leading heading number."""
    from .headings import split_number

    t = unicodedata.normalize("NFKC", text).strip()
    _, rest = split_number(t)
    t = rest or t
    return re.sub(r"\s+", "", t).casefold()


def same_heading(a: str, b: str) -> bool:
    """Do a line and an outline entry name one heading? Each is compared without its
    leading number, and also whole against the other without its number: an outline may
    leave out the section number the page prints ("10.1.1 Appendix 1 - Definitions" over
    the entry "Appendix 1 - Definitions"), and what reads as a number at the start of the
    entry ("Appendix 1") is then part of the heading's text."""
    na, nb = norm(a), norm(b)
    if not na or not nb:
        return False
    ka, kb = _key(a), _key(b)
    return (_similar(na, nb) or (ka != na and _similar(na, kb))
            or (kb != nb and _similar(ka, nb)))


def _similar(na: str, nb: str) -> bool:
    if na == nb:
        return True
    if min(len(na), len(nb)) < SAME_TEXT_MIN_CHARS:
        return False
    sm = SequenceMatcher(None, na, nb, autojunk=False)
    # quick_ratio() bounds ratio() from above at a fraction of its cost: most pairs (an
    # entry against every candidate of its page) fail on it
    return sm.quick_ratio() >= SAME_TEXT and sm.ratio() >= SAME_TEXT


def _key(text: str) -> str:
    """A heading's text with its number, NFKC, casefolded, without white space."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).casefold()


def split_at_entries(blocks: list, entries: list[OutlineEntry]) -> list:
    """Blocks, with a line that an outline entry names where it stands made a block of its
    own: the author listed it as a heading, so no paragraph runs on into it or out of it
    (a heading at the top of a page, set in the body's type, that a sentence ending at the
    foot of the page before would otherwise run on into: LibreOffice's "8.1.1. Display
    options"). Named means the line's whole text, number included, is the entry's title
    (or the text after its number, for an outline that leaves numbers out), on the entry's
    page, at its destination's height when the entry gives one."""
    from .paragraphs import Block

    # each entry's title keyed once, by its page: (key, destination top)
    named: dict[int, list[tuple[str, float | None]]] = {}
    for e in entries:
        if e.page is not None:
            named.setdefault(e.page, []).append((_key(e.title), e.top))
    if not named:
        return blocks
    out = []
    for b in blocks:
        cut = [k for k, l in enumerate(b.lines) if len(b.lines) > 1 and l.page in named
               and _names(named[l.page], l)]
        if not cut:
            out.append(b)
            continue
        edges = sorted({0, len(b.lines)} | set(cut) | {k + 1 for k in cut})
        out += [Block(b.lines[i:j], b.why if i == 0 else "outline") for i, j in zip(edges, edges[1:])]
    return out


def _names(titles: list[tuple[str, float | None]], l) -> bool:  # noqa: ANN001 - a Line
    """Does one of a page's entries (title key, destination top) name line ``l``?"""
    from .headings import split_number

    keys = {_key(l.text)}
    number, rest = split_number(unicodedata.normalize("NFKC", l.text).strip())
    if number and rest:
        keys.add(_key(rest))
    return any(t in keys and (top is None or abs(top - l.top) <= ENTRY_REACH_EM * l.size)
               for t, top in titles)


#: An entry's destination lies at most this many ems of the line's size above or below it
#: (producers point at the heading's top, its baseline or a little above it).
ENTRY_REACH_EM: float = 3.0
