"""Reading order: recursive XY-cut over a page's lines.

A vertical gutter that no line crosses separates columns (read left to right); failing
that the widest horizontal gap separates bands (read top to bottom). Cutting the widest
gap first keeps a full-width title above two columns from fusing them, and sidebars
end up as their own column.
"""

from __future__ import annotations

from .lines import Line


def reading_order(lines: list[Line], min_gutter: float = 4.0) -> list[list[Line]]:
    """Leaf regions in reading order; each leaf's lines sorted top to bottom."""
    out: list[list[Line]] = []
    _cut(lines, min_gutter, out, 0)
    return out


def _single_band(lines: list[Line]) -> bool:
    top = min(l.top for l in lines)
    bottom = max(l.bottom for l in lines)
    h = max(l.bottom - l.top for l in lines)
    return bottom - top <= 1.3 * h


def _cut(lines: list[Line], gutter: float, out: list[list[Line]], depth: int) -> None:
    if len(lines) <= 1 or depth > 200:
        if lines:
            out.append(sorted(lines, key=lambda l: (l.baseline, l.x0)))
        return
    if _single_band(lines):
        out.append(sorted(lines, key=lambda l: l.x0))
        return
    cols = _merge_label_columns(_split(lines, lambda l: (l.x0, l.x1), gutter))
    if len(cols) > 1:
        for c in cols:
            _cut(c, gutter, out, depth + 1)
        return
    # horizontal: cut at every gap close to the widest one
    ivs = sorted(lines, key=lambda l: l.top)
    gaps = []
    reach = ivs[0].bottom
    for i in range(1, len(ivs)):
        g = ivs[i].top - reach
        if g > 0.5:
            gaps.append((g, i))
        reach = max(reach, ivs[i].bottom)
    if not gaps:
        out.append(sorted(lines, key=lambda l: (l.baseline, l.x0)))
        return
    widest = max(g for g, _ in gaps)
    cuts = [i for g, i in gaps if g >= 0.9 * widest]
    start = 0
    for i in cuts + [len(ivs)]:
        _cut(ivs[start:i], gutter, out, depth + 1)
        start = i


def _merge_label_columns(cols: list[list[Line]]) -> list[list[Line]]:
    """A narrow 'column' of labels (clause numbers, list numbers, hanging note labels)
    each on a baseline of the next column is part of that column, not a column."""
    out: list[list[Line]] = []
    i = 0
    while i < len(cols):
        c = cols[i]
        if i + 1 < len(cols):
            nxt = cols[i + 1]
            width = max(l.x1 for l in c) - min(l.x0 for l in c)
            size = max(l.size for l in c)
            if width <= 4 * size and all(any(abs(l.baseline - o.baseline) < 0.5 * l.size
                                             for o in nxt) for l in c):
                cols[i + 1] = c + nxt
                i += 1
                continue
        out.append(c)
        i += 1
    return out


def _split(lines: list[Line], span, gutter: float) -> list[list[Line]]:  # noqa: ANN001
    ivs = sorted(lines, key=lambda l: span(l)[0])
    groups: list[list[Line]] = [[ivs[0]]]
    reach = span(ivs[0])[1]
    for l in ivs[1:]:
        a, b = span(l)
        if a - reach >= gutter:
            groups.append([l])
        else:
            groups[-1].append(l)
        reach = max(reach, b)
    return groups


def merge_band_lines(leaf: list[Line], page_width: float) -> list[Line]:
    """Join pieces of one printed line split at a wide gap (``3``␣␣``Extracting Metadata``,
    a run-in label and its paragraph); pieces are ordered left to right already."""
    out: list[Line] = []
    for l in leaf:
        if out:
            p = out[-1]
            s = max(p.size, l.size)
            if (abs(p.baseline - l.baseline) <= 0.3 * s and l.x0 >= p.x1 - 1
                    and l.x0 - p.x1 <= 3.5 * s):
                off = len(p.text) + 1
                for sp in l.sups:
                    sp.offset += off
                p.sups.extend(l.sups)
                if p.x1 - p.x0 < l.x1 - l.x0 and l.size >= p.size - 0.3:
                    p.fontname, p.bold, p.colour, p.size = l.fontname, l.bold, l.colour, l.size
                p.text = p.text + " " + l.text
                p.x1 = max(p.x1, l.x1)
                p.top, p.bottom = min(p.top, l.top), max(p.bottom, l.bottom)
                continue
        out.append(l)
    return out
