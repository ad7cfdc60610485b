"""Figure regions: what lies between a figure caption and its source line.

Policy briefs and reports print figures as text: pillar names set large and bold, numbered
items (``1 Defend critical infrastructure``, ``1.1: …``), box labels. Read as running text
they look like headings, list items or notes. A region starts under a caption line
(``Figure 1.``, ``Exhibit 2:``, ``图 3``) and ends at the source/notes line under it in the
same horizontal band (``Source: …``, ``资料来源：…``); lines in it are marked ``figure`` and
are never headings or notes. Without a closing source line no region is assumed.
"""

from __future__ import annotations

import re

from .lines import Line

_CAPTION = re.compile(r"^(?:Figure|Fig\.|Exhibit|Chart|Graphic|图|图表)\s*[0-9A-Z一二三四五六七八九十]+"
                      r"(?:[.．:：\s-]|$)", re.I)
_SOURCE = re.compile(r"^(?:Sources?|Notes?|Data source|资料来源|数据来源|来源|注)\s*[:：]", re.I)


def mark_figures(lines: list[Line], body: float) -> int:
    """Mark (``kind = "figure"``) the lines inside figure regions; returns how many."""
    marked = 0
    caps = [l for l in lines if _CAPTION.match(l.text.strip())]
    for cap in caps:
        srcs = [l for l in lines if l.top > cap.bottom and _SOURCE.match(l.text.strip())
                and l.x0 < cap.x1 and l.x1 > cap.x0 and abs(l.x0 - cap.x0) < 3 * body]
        if not srcs:
            continue
        src = min(srcs, key=lambda l: l.top)
        x0, x1 = min(cap.x0, src.x0) - 20, max(cap.x1, src.x1) + 20
        for l in lines:
            if l is cap or l.kind == "figure":
                continue
            mid = (l.x0 + l.x1) / 2
            if cap.top <= l.top and l.bottom <= src.bottom + 0.5 and x0 <= mid <= x1:
                l.kind = "figure"
                marked += 1
    return marked
