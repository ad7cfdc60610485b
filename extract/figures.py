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

#: A source line under a caption starts within this many body ems of the caption.
SOURCE_INDENT_EMS: float = 3
#: The figure between a caption and its source spans their width and this many points more.
FIGURE_MARGIN_PT: float = 20
#: Boxes within this many points touch (a shape's stroke, rounding of coordinates) ...
TOUCH_PT: float = 0.5
#: ... and shapes within this many points of a region are part of it (a chart's bars,
#: axes and legend are drawn as separate shapes a hair apart).
GROW_PT: float = 2
#: A graphic ends above its caption within this many body ems ...
CAPTION_GAP_EMS: float = 3
#: ... and is less tall than this (points; taller is a page-sized background).
MAX_GRAPHIC_HEIGHT_PT: float = 2000

_CAPTION = re.compile(r"^(?:Figure|Fig\.|Exhibit|Chart|Graphic|图|图表)\s*[0-9A-Z一二三四五六七八九十]+"
                      r"(?:[.．:：\s-]|$)", re.I)
_SOURCE = re.compile(r"^(?:Sources?|Notes?|Data source|资料来源|数据来源|来源|注)\s*[:：]", re.I)


def mark_figures(lines: list[Line], body: float,
                 graphics: list[tuple[float, float, float, float]] = ()) -> int:  # type: ignore[assignment]
    """Mark (``kind = "figure"``) the lines inside figure regions; returns how many.

    A caption under its figure (papers: "Figure 2: …" below the graphic) bounds the
    region above it by the drawn shapes and images it sits under (``graphics``)."""
    marked = 0
    caps = [l for l in lines if _CAPTION.match(l.text.strip())]
    for cap in caps:
        srcs = [l for l in lines if l.top > cap.bottom and _SOURCE.match(l.text.strip())
                and l.x0 < cap.x1 and l.x1 > cap.x0 and abs(l.x0 - cap.x0) < SOURCE_INDENT_EMS * body]
        if not srcs:
            marked += _above(cap, lines, body, graphics)
            continue
        src = min(srcs, key=lambda l: l.top)
        x0, x1 = min(cap.x0, src.x0) - FIGURE_MARGIN_PT, max(cap.x1, src.x1) + FIGURE_MARGIN_PT
        for l in lines:
            if l is cap or l.kind == "figure":
                continue
            mid = (l.x0 + l.x1) / 2
            if cap.top <= l.top and l.bottom <= src.bottom + TOUCH_PT and x0 <= mid <= x1:
                l.kind = "figure"
                marked += 1
    return marked


def _above(cap: Line, lines: list[Line], body: float,
           graphics: list[tuple[float, float, float, float]]) -> int:
    """Mark the lines inside the graphic that ends right above caption ``cap``."""
    near = [g for g in graphics if cap.top - CAPTION_GAP_EMS * body <= g[3] <= cap.top + TOUCH_PT
            and g[0] < cap.x1 + body and g[2] > cap.x0 - body and g[3] - g[1] < MAX_GRAPHIC_HEIGHT_PT]
    if not near:
        return 0
    x0, top = min(g[0] for g in near), min(g[1] for g in near)
    x1, bottom = max(g[2] for g in near), max(g[3] for g in near)
    grown = True
    while grown:  # take in every shape touching the region (a chart's bars, axes, legend)
        grown = False
        for g in graphics:
            if (g[0] <= x1 + GROW_PT and g[2] >= x0 - GROW_PT and g[1] <= bottom + GROW_PT
                    and g[3] >= top - GROW_PT and g[3] <= cap.top + TOUCH_PT
                    and (g[0] < x0 or g[1] < top or g[2] > x1 or g[3] > bottom)):
                x0, top = min(x0, g[0]), min(top, g[1])
                x1, bottom = max(x1, g[2]), max(bottom, g[3])
                grown = True
    if bottom - top < body:
        return 0  # a rule over the caption, not a figure
    cap.kind = "caption"
    n = 0
    for l in lines:
        if l is cap or l.kind != "body":
            continue
        cx, cy = (l.x0 + l.x1) / 2, (l.top + l.bottom) / 2
        if x0 - GROW_PT <= cx <= x1 + GROW_PT and top - GROW_PT <= cy <= bottom + GROW_PT:
            l.kind = "graphic"
            n += 1
    return n
