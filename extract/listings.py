"""Code listings: blocks of monospace lines, read as code, not as prose or a table.

A reader tells a listing from the text around it by what the page shows: its lines are
set in a typewriter face while the running text is not (:meth:`DocStyle.is_listing`),
often in a box of their own — a shaded or framed rectangle drawn behind them that holds
nothing else — and they align their columns and comments with typed spaces
(:func:`~pariter.extract.lines._listing_white`). Read as prose, a listing's first line ran
on from the sentence that introduces it ("… as its only argument $ app --config …"), its
lines became one paragraph each, and its aligned columns a table; a listing is no sentence
to translate, so it is kept as one paragraph of role ``code``, its lines and their
indentation as printed, which the aligner leaves out.

Evidence → decision:

- a font is monospace by its descriptor's FixedPitch flag, its name (``Courier``,
  ``…Mono``, TeX's ``cmtt``), or its glyphs: every letter as wide as every other
  (:func:`mark_fixed_pitch`, for subset fonts a producer renamed);
- a drawn box (a graphic's rectangle, or a frame drawn as rules: :func:`ruled_frames`)
  whose lines are all monospace is a code box
  (:func:`mark_code_boxes`), whatever producer drew it;
- a line is a line of code when it is a listing line (monospace, no ideograph, in a
  document whose body is not monospace) and either stands in a code box or, set in the
  typewriter face from its first glyph, has another such listing line next to it, one
  of the two with a space: a listing is a block, while a lone typewriter line between
  prose lines, or a long URL wrapped over lines of its own, is none;
- at a change from prose to code or back the paragraph ends (``code``); code lines in
  one box, or one above the other at the listing's leading, run on; a gap, another box,
  a page or column turn part two listings.

Everything here is a property of documents in general; nothing names a producer.
"""

from __future__ import annotations

import re
from dataclasses import replace
from statistics import median
from typing import Sequence

from .chars import FIXED_PITCH, RULE_THICKNESS, Char, FontInfo, Rule
from .fonts import name_traits
from .lines import Line
from .styles import DocStyle

#: A listing's lines follow at most this many of its own line pitches apart (a blank line
#: typed in the listing makes two; a paragraph's spacing around a box makes more).
LISTING_STEP_PITCHES: float = 1.35
#: A drawn box holds a line when the line's middle lies this many points inside it or less
#: outside (a box's padding is inside; rounding of the two boxes is less).
BOX_SLACK_PT: float = 1.0
#: A box narrower or lower than this many points is a rule or a mark, not a box of text.
BOX_MIN_PT: float = 4.0


#: A font sets its letters at one advance (a typewriter face) when at least this many
#: distinct Latin letters of it on the page ...
PITCH_MIN_GLYPHS: int = 8
#: ... among them a narrow one and a wide one of a proportional face, are as wide as each
#: other to this share of their advance (figures are left out: most faces set them at one
#: width, for tables).
PITCH_TOLERANCE: float = 0.02
_NARROW, _WIDE = frozenset("iljtfI"), frozenset("mwMW")


def mark_fixed_pitch(chars: Sequence[Char]) -> None:
    """Mark as fixed pitch (the descriptor's FixedPitch flag) the fonts of the page whose
    glyphs show it: every Latin letter as wide as every other — an ``i`` as an ``m``.
    A subset font renamed by its producer (``F3``, ``T1_0``) and without the flag says it
    only so; a proportional face never sets ``i`` and ``m`` alike. A font that sets Chinese
    on the page is left as it is: its Latin letters may fill half-width cells (宋体's do)
    without its text being code."""
    widths: dict[tuple[str, float], dict[str, float]] = {}
    cjk: set[str] = set()  # fonts that set Chinese: their Latin letters are half-width cells
    # (this runs for every glyph: the letters' table of the font and size of the glyph
    # before is kept, as glyphs come in runs of one font)
    name = size = seen = None
    for c in chars:
        t = c.text
        if len(t) == 1 and t.isascii() and t.isalpha() and c.upright:
            if c.fontname != name or c.size != size:
                name, size = c.fontname, c.size
                seen = widths.setdefault((name, round(size, 1)), {})
            if t not in seen:
                seen[t] = c.x1 - c.x0
        elif t and c.fontname not in cjk and _ideographs(t):
            cjk.add(c.fontname)
    _unflag_cjk(chars, cjk)
    fixed: set[str] = set()
    for (name, _), seen in widths.items():
        if (len(seen) < PITCH_MIN_GLYPHS or not (_NARROW & seen.keys()) or not (_WIDE & seen.keys())
                or name in cjk):
            continue
        ws = sorted(seen.values())
        mid = ws[len(ws) // 2]
        if mid > 0 and ws[-1] - ws[0] <= PITCH_TOLERANCE * mid:
            fixed.add(name)
    if not fixed:
        return
    made: dict[int, FontInfo] = {}
    for c in chars:
        if c.fontname in fixed and not (c.font is not None and c.font.fixed_pitch):
            key = id(c.font)
            if key not in made:
                made[key] = (FontInfo(c.fontname, flags=FIXED_PITCH) if c.font is None
                             else replace(c.font, flags=(c.font.flags or 0) | FIXED_PITCH))
            c.font = made[key]


def _unflag_cjk(chars: Sequence[Char], cjk: set[str]) -> None:
    """Clear the FixedPitch flag of the fonts that set Chinese on the page, unless their
    name says typewriter (``Noto Sans Mono CJK``): a CJK face sets every ideograph on one
    advance, and producers flag it fixed pitch for that (FOP's embedded 宋体 subsets), but a
    reader sees a book face, not typed text: the flag would make its running text code, or
    a document typed by hand."""
    if not cjk:
        return
    made: dict[int, FontInfo] = {}
    for c in chars:
        f = c.font
        if f is None or c.fontname not in cjk or not f.fixed_pitch or name_traits(c.fontname).mono:
            continue
        key = id(f)
        if key not in made:
            made[key] = replace(f, flags=(f.flags or 0) & ~FIXED_PITCH)
        c.font = made[key]


#: Rules this close (points) to a frame's side or end belong to it.
FRAME_SLACK_PT: float = 4.0
#: A frame's sides are drawn along at least this share of its height.
FRAME_SIDE_SHARE: float = 0.8


def _covered(spans: list[tuple[float, float]], lo: float, hi: float) -> float:
    """How much of lo..hi the spans cover."""
    total, reach = 0.0, lo
    for a, b in sorted(spans):
        a, b = max(a, reach), min(b, hi)
        if b > a:
            total += b - a
            reach = b
    return total


def ruled_frames(rules: Sequence[Rule]) -> list[tuple[float, float, float, float]]:
    """Rectangles drawn as rules (x0, top, x1, bottom): a top and a bottom rule over one
    span, and rules down both ends between them — a frame the ``listings`` package or a
    word processor's bordered paragraph draws piece by piece, not as one shape."""
    across = sorted((r for r in rules if r.horizontal), key=lambda r: (r.top, r.x0))
    down = [r for r in rules if r.x1 - r.x0 <= RULE_THICKNESS and r.bottom - r.top > 0]
    if len(across) < 2 or len(down) < 2:
        return []
    # a side's rule pieces joined (corners and segments drawn apart)
    out = []
    for i, top in enumerate(across):
        for bottom in across[i + 1:]:
            if bottom.top - top.top < BOX_MIN_PT:
                continue
            if abs(bottom.x0 - top.x0) > FRAME_SLACK_PT or abs(bottom.x1 - top.x1) > FRAME_SLACK_PT:
                continue
            x0, x1, y0, y1 = min(top.x0, bottom.x0), max(top.x1, bottom.x1), top.top, bottom.bottom
            sides = []
            for x in (x0, x1):
                spans = [(r.top, r.bottom) for r in down if abs(r.x0 - x) <= FRAME_SLACK_PT
                         and r.bottom > y0 - FRAME_SLACK_PT and r.top < y1 + FRAME_SLACK_PT]
                sides.append(_covered(spans, y0, y1) >= FRAME_SIDE_SHARE * (y1 - y0))
            if all(sides):
                out.append((x0, y0, x1, y1))
                break  # the nearest bottom rule closes the frame
    return out


def _ideographs(text: str) -> bool:
    if len(text) == 1:  # (most glyphs: no generator)
        return "\u3400" <= text <= "\u9fff" or "\uf900" <= text <= "\ufaff"
    return any("\u3400" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff" for c in text)


def mark_code_boxes(lines: Sequence[Line], graphics: Sequence[tuple[float, float, float, float]]
                    ) -> None:
    """Set ``code_box`` on the lines of each drawn box (``graphics``: x0, top, x1, bottom)
    that holds lines, every one of them monospace and none of them Chinese: the shaded or
    framed box of a code listing. The smallest box around a line names it (a listing's
    box inside a page's or a sidebar's background)."""
    boxes = sorted((g for g in graphics if g[2] - g[0] >= BOX_MIN_PT and g[3] - g[1] >= BOX_MIN_PT),
                   key=lambda g: ((g[2] - g[0]) * (g[3] - g[1]), g))
    held: dict[int, list[Line]] = {}
    for l in lines:
        xm, ym = (l.x0 + l.x1) / 2, (l.top + l.bottom) / 2
        for k, (x0, top, x1, bottom) in enumerate(boxes):
            if (x0 - BOX_SLACK_PT <= l.x0 and l.x1 <= x1 + BOX_SLACK_PT
                    and top - BOX_SLACK_PT <= ym <= bottom + BOX_SLACK_PT and x0 <= xm <= x1):
                held.setdefault(k, []).append(l)
                break
    for k, mine in held.items():
        if all(l.font is not None and l.font.mono and not _ideographs(l.text) for l in mine):
            for l in mine:
                l.code_box = k


def _listing_next(a: Line, b: Line, ds: DocStyle) -> bool:
    """Do listing lines ``a`` and ``b`` (in reading order) stand one under the other in one
    listing: the same box, or, with no box, the same page, ``b`` below ``a`` within the
    listing's leading and not beside it?"""
    if a.code_box is not None or b.code_box is not None:
        return a.page == b.page and a.code_box == b.code_box
    if a.page != b.page or b.top < a.top or b.x0 > a.x1 + a.size or a.x0 > b.x1 + a.size:
        return False  # (one under the other: a listing's lines share its left edge or indent)
    step = b.baseline - a.baseline
    return 0 < step <= LISTING_STEP_PITCHES * max(ds.pitch(a), a.size)


#: A line of a listing is set in a typewriter face but for this share of its characters
#: at most (its line number, a symbol from another font).
WHOLLY_MONO: float = 0.9
#: A listing's own line number opening a line (docstrip's, ``listings``' numbers= left),
#: set in another face.
_LINE_NUMBER = re.compile(r"\d{1,5}\s")


def typed_through(l: Line) -> bool:
    """Is the line set in its typewriter face from its first glyph, or from after the
    listing's own line number, and wholly but for a few characters (not a sentence that
    runs into a long URL set in one, nor one naming commands in one)?"""
    if l.mono_share < WHOLLY_MONO:
        return False  # a sentence naming commands or paths in a typewriter face
    return l.lead_font is None or l.lead_font.mono or bool(_LINE_NUMBER.match(l.text))


def is_code(l: Line, ds: DocStyle, before: Line | None, after: Line | None) -> bool:
    """Is ``l`` a line of code: a listing line in a code box, or with a listing line of its
    listing next to it (``before`` and ``after``: its neighbours in reading order)? Two
    lines without a space between them are no evidence of a listing: a long URL or path
    in a typewriter face wraps so, over lines of their own."""
    if not ds.is_listing(l):
        return False
    if l.code_box is not None:
        return True
    if not typed_through(l):
        return False
    return any(o is not None and ds.is_listing(o) and typed_through(o)
               and (" " in l.text.strip() or " " in o.text.strip())
               and (_listing_next(o, l, ds) if o is before else _listing_next(l, o, ds))
               for o in (before, after))


def listing_break(a: Line, b: Line, cur_lines: Sequence[Line], ds: DocStyle,
                  nxt: Line | None) -> tuple[bool, str | None]:
    """Whether the code test decides between ``a`` (the block's last line) and ``b``, and
    why ``b`` then starts a block (None: it runs on)."""
    before = cur_lines[-2] if len(cur_lines) >= 2 else None
    ca, cb = is_code(a, ds, before, b), is_code(b, ds, a, nxt)
    if not ca and not cb:
        return False, None
    if ca != cb:
        return True, "code"  # prose turns to code or back: a new paragraph
    return True, (None if _listing_next(a, b, ds) else "code")


def code_text(lines: Sequence[Line]) -> str:
    """A listing's text: its lines as printed, one per line, each indented by as many
    spaces as its start stands right of the listing's leftmost line, in the font's advance
    (a monospace line is as wide as its characters' count of advances)."""
    advances = [(l.x1 - l.x0) / len(t) for l in lines
                if len(t := _typed(l)) > 1 and len(t.strip()) == len(t)]
    adv = median(advances) if advances else None
    left = min(l.x0 for l in lines)
    out = []
    for l in lines:
        n = round((l.x0 - left) / adv) if adv else 0
        out.append(" " * max(0, n) + _typed(l).strip())
    return "\n".join(out)


def _typed(l: Line) -> str:
    """The line's text with its typed runs of spaces written out."""
    text = l.text
    for off, k in sorted(l.typed_runs or (), reverse=True):
        if text[off:off + 1] == " ":
            text = text[:off] + " " * k + text[off + 1:]
    return text
