"""Lines that are links out of the document: what a PDF's link annotations say of its text.

A link annotation marks the text under it as a reference to something elsewhere: a web
page, a file. A line that is such a link as a whole ("Node.js 19" in a list of earlier
versions, a URL on its own line) names another document; it heads no section of this
one. Browsers and word processors print links in a colour of their own, which a reader
takes for a link's, not a heading's, mark — where the annotations are there to say so.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from .chars import Link
from .lines import Line

#: A line is a link when link rectangles leading out of the document cover at least this
#: share of its width: all of its words, bar a list's number or a bullet before them.
LINK_COVER: float = 0.6


def linked_lines(lines: Iterable[Line], links: Mapping[int, list[Link]]) -> set[int]:
    """Ids of the lines that link rectangles with a URI cover (:data:`LINK_COVER`).

    A rectangle counts for a line when it holds the line's vertical centre; the covered
    width is the union of such rectangles' spans clipped to the line."""
    out: set[int] = set()
    for l in lines:
        here = links.get(l.page)
        if not here or l.x1 <= l.x0:
            continue
        cy = (l.top + l.bottom) / 2
        spans = sorted((max(k.x0, l.x0), min(k.x1, l.x1)) for k in here
                       if k.uri and k.top <= cy <= k.bottom and k.x1 > l.x0 and k.x0 < l.x1)
        covered, end = 0.0, l.x0
        for a, b in spans:
            a = max(a, end)
            if b > a:
                covered += b - a
                end = b
        if covered >= LINK_COVER * (l.x1 - l.x0):
            out.add(id(l))
    return out
