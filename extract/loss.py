"""Text lost between the page and the document: a page whose glyphs did not become text.

A damaged content stream, a font without a usable Unicode map, a layout that failed:
each may leave a page with far less text than it draws. Warnings name most of these causes
where they happen; this check is the net under them all. What each page draws is counted
as it is read (:func:`distinct_glyphs`); after extraction the characters every unit
(paragraph, heading, note, table, running header, marker) holds on that page are counted
too, and a page that kept less than :data:`KEPT_SHARE` of its glyphs is reported with both
numbers.
"""

from __future__ import annotations

from collections import Counter

from pariter.model import Document, Warning

from .chars import Char

#: a page that kept less than this share of the glyphs it draws is reported. Units drop
#: some glyphs by design — figure labels, duplicated (fake bold) glyphs are counted once
#: already — but not half of a page
KEPT_SHARE = 0.5
#: pages drawing fewer glyphs than this are not judged (a cover, a figure page): a few
#: labels more or less are no loss worth a warning
MIN_GLYPHS = 200


def distinct_glyphs(chars: list[Char]) -> int:
    """The distinct glyphs a page draws, whitespace aside (a glyph drawn twice at one
    place, fake bold, counts once)."""
    return len({(c.text, round(c.x0), round(c.top)) for c in chars if not c.text.isspace()})


def _count(text: str) -> int:
    """Characters other than whitespace: str.split() splits at exactly the characters
    str.isspace() calls whitespace, so what it leaves are the others."""
    return len("".join(text.split()))


def kept_per_page(doc: Document) -> Counter[int]:
    """Characters (whitespace aside) each page contributes to the document's units."""
    kept: Counter[int] = Counter()
    for p in doc.paragraphs:
        cuts = [(0, p.page)] + [(b.offset, b.page) for b in sorted(p.page_breaks, key=lambda b: b.offset)]
        for (start, page), (end, _) in zip(cuts, cuts[1:] + [(len(p.text), 0)]):
            kept[page] += _count(p.text[start:end])
    for h in doc.headings:
        kept[h.page] += _count((h.number or "") + h.text) + sum(_count(s.text) for s in h.subtitles)
    for f in doc.footnotes:
        kept[f.page] += _count(f.label + f.text)
    for t in doc.tables:
        kept[t.page] += sum(_count(c) for row in t.rows for c in row)
    for m in doc.markers:
        kept[m.page] += _count(m.label)
    for pg in doc.pages:
        kept[pg.number] += sum(_count(r.text) for r in pg.running)
    return kept


def report_loss(doc: Document, glyphs: dict[int, int]) -> None:
    """Add a ``text_loss`` warning for each page that kept too little of what it draws."""
    kept = kept_per_page(doc)
    for page in sorted(glyphs):
        n = glyphs[page]
        if n >= MIN_GLYPHS and kept[page] < KEPT_SHARE * n:
            doc.warnings.append(Warning(
                "text_loss", f"only {kept[page]} of the {n} characters the page draws are in "
                f"the text", page))
