"""Cleaning the glyph stream before any layout: what was drawn is not always what is read.

Fake bold (the same glyph printed two or four times a fraction of a point apart), padding
glyphs painted white, glyphs outside the page, ``(cid:N)`` glyphs and fonts whose codes
were never mapped to Unicode all produce plausible-looking garbage if passed on. Each is
dropped here and reported as a :class:`~pariter.model.Warning` so that nothing is lost
silently.
"""

from __future__ import annotations

import math
from math import floor
import re
import unicodedata
from collections import Counter, defaultdict

from pariter.model import Warning

from .chars import Char

_CID = re.compile(r"^\(cid:\d+\)$")
#: a UTF-16 surrogate left in a glyph's text: a ToUnicode map (or a text dump) gave one half
#: of a pair, or a pair its reader did not join; no Unicode text may hold one
_SURROGATE = re.compile("[\ud800-\udfff]")
#: distinct Latin-1 characters a font must show before its text is taken for raw codes
_MOJIBAKE_DISTINCT = 3
#: ... and a font is reading raw codes when this many of its glyphs, and this share of
#: them, fall in U+0080–U+00FF.
MOJIBAKE_MIN_GLYPHS = 3
MOJIBAKE_SHARE: float = 0.4
#: A colour is white when every component is within this of full light (no ink in CMYK).
WHITE_MARGIN: float = 0.01
#: A glyph repeating an earlier one (same text and font) within this many points, at a
#: size within :data:`DUPLICATE_SIZE_PT`, is a copy drawn for a fake bold or a shadow.
DUPLICATE_TOL_PT: float = 1.0
DUPLICATE_SIZE_PT: float = 0.5
_ZERO_WIDTH = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"}
#: Unicode's noncharacters (U+FDD0–U+FDEF and the last two code points of each of the 17
#: planes): reserved for a program's own use and never text. A ToUnicode map that gives one
#: maps the glyph to nothing (XeTeX's URLs in nanicolle's manual end in two U+FFFF under
#: pdfminer; PDFium reads them as the map's first ligature, which its reader undoes);
#: left in, they reach the JSON and the TMX.
_NONCHAR = re.compile("[\ufdd0-\ufdef" + "".join(
    f"{chr(plane << 16 | 0xFFFE)}{chr(plane << 16 | 0xFFFF)}" for plane in range(17)) + "]")

#: Control characters that are not white space (C0 but tab, line feed, vertical tab, form
#: feed, carriage return; DEL; C1 but NEL): no text holds one, and XML 1.0 cannot (the TEI
#: and TMX exports). A ToUnicode map, a metadata string or an outline title may give one.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")


def clean_string(s: str) -> tuple[str, int]:
    """A string the PDF stores as text outside the page (its title, an outline entry, a
    link's URI) with what the text layer is cleaned of removed: noncharacters, control
    characters, halves of UTF-16 surrogate pairs (a whole pair becomes its character).
    Returns the string and how many characters were removed."""
    t = s
    if _SURROGATE.search(t):
        t = t.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "ignore")
    t = _CONTROL.sub("", _NONCHAR.sub("", t))
    # a surrogate pair is two code units of s and one character of t: count characters
    removed = len(s.encode("utf-16-le", "surrogatepass")) // 2 - len(t.encode("utf-16-le")) // 2
    return t, removed


def string_warning(what: str, removed: int) -> tuple[str, str]:
    """The (code, message) that reports ``removed`` characters taken out of ``what``."""
    return ("control_characters", f"{removed} noncharacter(s), control character(s) or half "
            f"surrogate(s) removed from {what}")


#: CJK Radicals Supplement code points that fonts map simplified ideographs to (Noto CJK
#: gives 见 as U+2EC5, 长 as U+2ED3 in Chromium's PDFs), with the unified ideograph each
#: stands for (Unicode's EquivalentUnifiedIdeograph.txt). NFKC covers only the Kangxi
#: radicals.
RADICALS_SUPPLEMENT = {
    0x2E81: "厂", 0x2E84: "乙", 0x2E85: "亻", 0x2E86: "冂", 0x2E87: "几", 0x2E89: "刂", 0x2E8A: "卜", 0x2E8B: "㔾",
    0x2E8C: "小", 0x2E8E: "兀", 0x2E8F: "尣", 0x2E90: "尢", 0x2E92: "巳", 0x2E93: "幺", 0x2E94: "彑", 0x2E95: "彐",
    0x2E96: "忄", 0x2E97: "㣺", 0x2E98: "扌", 0x2E99: "攵", 0x2E9B: "旡", 0x2E9D: "月", 0x2E9E: "歺", 0x2E9F: "母",
    0x2EA0: "民", 0x2EA1: "氵", 0x2EA2: "氺", 0x2EA3: "灬", 0x2EA4: "爫", 0x2EA6: "丬", 0x2EA7: "牜", 0x2EA8: "犭",
    0x2EA9: "王", 0x2EAA: "疋", 0x2EAB: "罒", 0x2EAC: "示", 0x2EAD: "礻", 0x2EB1: "网", 0x2EB2: "罒", 0x2EB3: "㓁",
    0x2EB6: "羊", 0x2EB7: "羊", 0x2EB9: "耂", 0x2EBA: "肀", 0x2EBE: "艹", 0x2EBF: "艹", 0x2EC0: "艹", 0x2EC1: "虎",
    0x2EC2: "衤", 0x2EC3: "覀", 0x2EC4: "西", 0x2EC5: "见", 0x2EC6: "角", 0x2EC8: "讠", 0x2EC9: "贝", 0x2ECA: "足",
    0x2ECB: "车", 0x2ECC: "辶", 0x2ECD: "辶", 0x2ECE: "辶", 0x2ECF: "阝", 0x2ED0: "钅", 0x2ED1: "長", 0x2ED2: "镸",
    0x2ED3: "长", 0x2ED4: "门", 0x2ED6: "阝", 0x2ED7: "雨", 0x2ED8: "青", 0x2ED9: "韦", 0x2EDA: "页", 0x2EDB: "风",
    0x2EDC: "飞", 0x2EDD: "食", 0x2EDF: "飠", 0x2EE0: "饣", 0x2EE2: "马", 0x2EE3: "骨", 0x2EE4: "鬼", 0x2EE5: "鱼",
    0x2EE6: "鸟", 0x2EE7: "卤", 0x2EE8: "麦", 0x2EE9: "黄", 0x2EEA: "黾", 0x2EEB: "斉", 0x2EEC: "齐", 0x2EED: "歯",
    0x2EEE: "齿", 0x2EEF: "竜", 0x2EF0: "龙", 0x2EF1: "龜", 0x2EF2: "亀", 0x2EF3: "龟",
}


def normalise_char(t: str) -> str:
    """Radical and compatibility code points to the unified ideographs they look like.

    NFKC would do this but also folds full-width punctuation (，：) to ASCII, which
    changes Chinese text; so only the offending blocks are normalised.
    """
    if len(t) != 1:
        return t
    o = ord(t)
    if o in RADICALS_SUPPLEMENT:
        return RADICALS_SUPPLEMENT[o]
    if 0x2E80 <= o <= 0x2FDF or 0xF900 <= o <= 0xFAFF or 0x2F800 <= o <= 0x2FA1F \
            or 0xFB00 <= o <= 0xFB06:
        n = unicodedata.normalize("NFKC", t)
        return n if n else t
    return t


def is_private_use(t: str) -> bool:
    return any(0xE000 <= ord(c) <= 0xF8FF or 0xF0000 <= ord(c) for c in t)


def _is_white(c: tuple[float, ...] | None) -> bool:
    if not c:
        return False
    if len(c) == 4:  # CMYK: white is no ink at all
        return all(v <= WHITE_MARGIN for v in c)
    return all(v >= 1 - WHITE_MARGIN for v in c)


#: a glyph this far inside its cell of the dedupe grid (share of the cell) has no copy
#: in a neighbouring cell: cells are four tolerances wide
_CELL_INNER = (0.25, 0.75)


def dedupe(chars: list[Char], tol: float = DUPLICATE_TOL_PT) -> list[Char]:
    """Drop glyphs that repeat an earlier glyph (same text and font) within ``tol`` points.

    Size is compared loosely (some generators vary it by 1e-13 between copies). Kept
    glyphs are hashed by text into cells 4 × ``tol`` points wide: a glyph is compared with
    those of its own text in its cell and, when it lies within ``tol`` of a side, the
    neighbouring cell; one look-up for a glyph in the middle of its cell (a page has few
    copies, and this runs for every glyph)."""
    grid: dict[tuple[str, int, int], list[Char]] = {}
    get = grid.get
    out: list[Char] = []
    keep = out.append
    cell = 4 * tol
    lo, hi = _CELL_INNER
    for ch in chars:
        t = ch.text
        if t.isspace():
            keep(ch)
            continue
        fx, fy = ch.x0 / cell, ch.top / cell
        gx, gy = floor(fx), floor(fy)
        key = (t, gx, gy)
        rx, ry = fx - gx, fy - gy
        if lo <= rx <= hi and lo <= ry <= hi:
            own = get(key)
            if own is None:
                grid[key] = [ch]
            elif _copy_of(own, ch, tol):
                continue
            else:
                own.append(ch)
            keep(ch)
            continue
        xs = (gx, gx - 1) if rx < lo else (gx, gx + 1) if rx > hi else (gx,)
        ys = (gy, gy - 1) if ry < lo else (gy, gy + 1) if ry > hi else (gy,)
        dup = False
        for cx in xs:  # loops, not any(): a generator costs more than the look-ups
            for cy in ys:
                cands = get((t, cx, cy))  # mostly none: no call then
                if cands is not None and _copy_of(cands, ch, tol):
                    dup = True
                    break
            if dup:
                break
        if dup:
            continue
        own = get(key)
        if own is None:
            grid[key] = [ch]
        else:
            own.append(ch)
        keep(ch)
    return out


def _copy_of(cands: list[Char] | None, ch: Char, tol: float) -> bool:
    """Is ``ch`` a copy of one of ``cands`` (kept glyphs of its text in one cell)?"""
    if not cands:
        return False
    for o in cands:
        if (abs(o.x0 - ch.x0) <= tol and abs(o.top - ch.top) <= tol
                and o.fontname == ch.fontname and abs(o.size - ch.size) < DUPLICATE_SIZE_PT):
            return True
    return False


#: A glyph past the page's right edge still belongs to the line it continues when it
#: starts at most this many ems after the glyph before it, on its baseline: an overfull
#: line (TeX sets a URL or a path it cannot break past the margin, and on a narrow page
#: past the edge) runs on in the same text; a word space is a third of an em, and text
#: placed off the page for other reasons (printer's marks, hidden strings) starts nowhere
#: near the end of a line of the page.
RUN_ON_GAP_EM = 1.0
#: ... and shares its baseline to this share of the type size
RUN_ON_BASELINE_EM = 0.1


def _runs_on(prev: Char, ch: Char, width: float, height: float) -> bool:
    """Does ``ch``, drawn past the page's right edge, continue the line of ``prev`` (the
    last glyph kept, in drawing order) on the page's height, upright and left to right?"""
    return (ch.x0 > width and 0 <= ch.top and ch.bottom <= height and prev.upright
            and ch.upright and prev.x1 > prev.x0 and ch.x0 >= prev.x0
            and abs(ch.baseline - prev.baseline) <= RUN_ON_BASELINE_EM * max(ch.size, 1.0)
            and ch.x0 - prev.x1 <= RUN_ON_GAP_EM * max(ch.size, 1.0))


#: A transparent glyph's shape is drawn when a drawn shape lies within its box grown by
#: this share of its size up and down (a glyph's outline stays within its em box; a panel
#: or a background behind the text reaches past it) and overlaps it across.
INK_MARGIN_EM: float = 0.25


def _outlined(ch: Char, ink: list[tuple[float, float, float, float]]) -> bool:
    """Is a glyph drawn fully transparent over its own outline? Skia (Chromium, Calibre,
    Electron apps) draws a glyph it cannot embed (a CJK face made bold by stroking, a font
    that forbids embedding) as a filled path and lays the same text over it with alpha 0
    so that it can be searched and copied: a reader sees the path, and the text is what it
    reads. Hidden text (alpha 0 over nothing, or over a panel larger than the line) is not
    seen and stays dropped."""
    m = INK_MARGIN_EM * max(ch.size, 1.0)
    top, bottom = ch.top - m, ch.bottom + m
    for x0, t, x1, b in ink:
        if t >= top and b <= bottom and x0 < ch.x1 and x1 > ch.x0 and b > t:
            return True
    return False


def clean(chars: list[Char], width: float, height: float, page: int,
          warnings: list[Warning],
          ink: list[tuple[float, float, float, float]] | None = None) -> list[Char]:
    """The page's glyphs as a reader sees them, with problems reported in ``warnings``.
    ``ink``: boxes of the shapes drawn on the page (the reader's ``graphics``), which show
    the transparent glyphs drawn over their outlines (:func:`_outlined`)."""
    kept: list[Char] = []
    white = outside = absurd = lone = 0
    cid: Counter[str] = Counter()  # (cid:N) glyphs dropped, per font
    coded: Counter[str] = Counter()  # glyphs kept as the character of their code, per font
    replacement: Counter[str] = Counter()  # glyphs the map gives U+FFFD, per font
    nonchar: Counter[str] = Counter()  # noncharacters removed, per font
    nonchar_seen: set[str] = set()
    nothing: Counter[str] = Counter()  # glyphs mapped to no character, per font
    control: Counter[str] = Counter()  # control characters removed, per font
    # a glyph taller than twice the page, or placed nowhere: a number from a damaged file
    # (a font size of 10¹⁰), not text; later loops must not be sized by it
    tallest = 2.0 * max(width, height, 1.0)
    pua: Counter[str] = Counter()
    # by the colour object's identity: glyphs of one text object share theirs, and every
    # colour stays alive (its glyphs hold it) while this loop runs
    whites: dict[int, bool] = {}
    # ... which come one after another: the glyph before's colour is asked first
    last_col: object = whites
    w = False
    isfinite = math.isfinite
    for ch in chars:
        t = ch.text
        if not t or t == "\x00":
            # a ToUnicode entry that maps the code to nothing (an empty string, U+0000):
            # pdfminer passes it on as it is; PDFium spells it (cid:0)
            nothing[ch.fontname] += 1
            continue
        if not (0.0 <= ch.size <= tallest and isfinite(ch.x0 + ch.x1 + ch.top + ch.bottom
                                                       + ch.baseline)):
            absurd += 1
            continue
        if (ch.x1 < 0 or ch.x0 > width or ch.bottom < 0 or ch.top > height) \
                and not (kept and _runs_on(kept[-1], ch, width, height)):
            if not _CID.match(t) and t not in _ZERO_WIDTH:
                outside += 1
            elif t not in _ZERO_WIDTH:
                cid[ch.fontname] += 1
            continue
        col = ch.colour
        if col is not last_col:
            w = whites.get(id(col))  # type: ignore[assignment]
            if w is None:
                w = whites[id(col)] = _is_white(col)
            last_col = col
        hidden = w
        if w and ch.transparent and ink and _outlined(ch, ink):
            # seen as the outline under it: its colour is the outline's, not known here
            # (``w`` stays the colour's reading, kept for the glyphs after it)
            hidden = False
            ch.colour = None
        if len(t) == 1 and " " <= t < "\u2e80" and (t < "\x7f" or t > "\x9f"):
            # the common case: nothing to normalise or flag
            if t in _ZERO_WIDTH:
                continue
            if hidden:
                white += 1
                continue
            if ch.unmapped:
                coded[ch.fontname] += 1
            kept.append(ch)
            continue
        if len(t) == 1 and ("\u2fe0" <= t < "\ud800" or "\uff00" <= t < "\ufff0"):
            # Chinese text's common case (ideographs, kana, CJK and full-width punctuation):
            # no block below is normalised, reserved or private, so only the colour counts
            if hidden:
                white += 1
                continue
            kept.append(ch)
            continue
        if _CID.match(t):
            cid[ch.fontname] += 1
            continue
        if _SURROGATE.search(t):
            # a pair left as two halves becomes its character; a half alone is no character
            t = t.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "ignore")
            if not t:
                lone += 1
                continue
            ch.text = t
        if _NONCHAR.search(t):
            kept_text = _NONCHAR.sub("", t)
            nonchar[ch.fontname] += len(t) - len(kept_text)
            nonchar_seen.update(_NONCHAR.findall(t))
            if not kept_text:
                continue
            ch.text = t = kept_text
        if _CONTROL.search(t):
            kept_text = _CONTROL.sub("", t)
            control[ch.fontname] += len(t) - len(kept_text)
            if not kept_text:
                continue
            ch.text = t = kept_text
        if t in _ZERO_WIDTH:
            continue
        if hidden:
            white += 1
            continue
        n = normalise_char(t)
        if n != t:
            ch.text = n
        if is_private_use(n):
            pua[n] += 1
        elif n == "\ufffd":
            replacement[ch.fontname] += 1
        kept.append(ch)
    kept = dedupe(kept)
    kept = _drop_unmapped_fonts(kept, page, warnings)
    if cid:
        warnings.append(Warning("cid_glyphs", f"{sum(cid.values())} glyph(s) without a Unicode "
                                f"mapping ((cid:N)) dropped, in font(s) {_font_names(cid)}", page))
    if coded:
        # PDFium's reading of a glyph its font maps to no character: the code itself, kept
        # when it is printable ASCII (a simple font's code most likely means that letter)
        warnings.append(Warning("unmapped_glyphs", f"{sum(coded.values())} glyph(s) without a "
                                "Unicode mapping kept as the ASCII character of their code, which "
                                f"may not be the one printed, in font(s) {_font_names(coded)}", page))
    if replacement:
        warnings.append(Warning("unmapped_glyphs", f"{sum(replacement.values())} glyph(s) the "
                                "font maps to U+FFFD (an unknown character) kept as U+FFFD, in "
                                f"font(s) {_font_names(replacement)}", page))
    if nothing:
        warnings.append(Warning("cid_glyphs", f"{sum(nothing.values())} glyph(s) whose Unicode "
                                "map gives no character (empty or U+0000) dropped, in font(s) "
                                f"{_font_names(nothing)}", page))
    if lone:
        warnings.append(Warning("lone_surrogates", f"{lone} glyph(s) mapped to half a UTF-16 "
                                "surrogate pair (no character) dropped", page))
    if nonchar:
        seen = " ".join(f"U+{ord(c):04X}" for c in sorted(nonchar_seen))
        warnings.append(Warning("noncharacters", f"{sum(nonchar.values())} noncharacter(s) "
                                f"({seen}) removed from the text, in font(s) {_font_names(nonchar)}",
                                page))
    if control:
        warnings.append(Warning("control_characters", f"{sum(control.values())} control "
                                "character(s) removed from the text, in font(s) "
                                f"{_font_names(control)}", page))
    if pua:
        sample = "".join(f"U+{ord(c[0]):04X} " for c in list(pua)[:5]).strip()
        warnings.append(Warning("private_use", f"{sum(pua.values())} private-use character(s) "
                                f"kept as printed ({sample})", page))
    if white:
        warnings.append(Warning("invisible_text", f"{white} white (invisible) glyph(s) dropped",
                                page))
    if outside:
        warnings.append(Warning("invisible_text", f"{outside} glyph(s) outside the page dropped",
                                page))
    if absurd:
        warnings.append(Warning("absurd_glyphs", f"{absurd} glyph(s) of impossible size or "
                                "position dropped", page))
    return kept


def _font_names(fonts: Counter[str]) -> str:
    """The fonts a warning names, without their subset prefix ("ABCDEF+")."""
    return ", ".join(sorted({f.split("+")[-1] or "?" for f in fonts}))


def _drop_unmapped_fonts(chars: list[Char], page: int, warnings: list[Warning]) -> list[Char]:
    """Fonts without a ToUnicode map come out as Latin-1 mojibake ('Ä¿¡' for GB2312 codes).

    Real Latin text has a few accented letters among plain ASCII; a font whose glyphs are
    mostly in U+0080–U+00FF is reading raw multi-byte codes."""
    per_font: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    distinct: dict[str, set[str]] = defaultdict(set)
    for ch in chars:
        f = per_font[ch.fontname]
        f[0] += 1
        if 0x80 <= ord(ch.text[0]) <= 0xFF:
            f[1] += 1
            distinct[ch.fontname].add(ch.text[0])
    # raw two-byte codes read as Latin-1 spread over many code points; a few repeats of
    # one (the middle dots of "· · ·", the "·" between the parts of a name) are text
    bad = {name for name, (n, hi) in per_font.items()
           if hi >= MOJIBAKE_MIN_GLYPHS and hi >= MOJIBAKE_SHARE * n
           and len(distinct[name]) >= _MOJIBAKE_DISTINCT}
    if not bad:
        return chars
    dropped = sum(per_font[b][0] for b in bad)
    warnings.append(Warning("no_tounicode", f"{dropped} glyph(s) in font(s) without a Unicode "
                            f"map dropped ({', '.join(sorted(b.split('+')[-1] for b in bad))})",
                            page))
    return [c for c in chars if c.fontname not in bad]
