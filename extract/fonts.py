"""What a font tells about the type it sets: weight, slant, capitals, family.

Headings differ from body text by weight, slant, capitals or family as often as by size,
and a PDF says so in two places: the font descriptor (``/FontWeight``, the ``ForceBold``,
``Italic``, ``SmallCap`` and ``FixedPitch`` flags, ``/ItalicAngle``) and, by convention,
the font's name (``TimesNewRomanPS-BoldMT``, TeX's ``CMBX12`` = Computer Modern Bold
eXtended, ``NimbusRomNo9L-Medi``, ``SimHei`` = 黑体). Descriptors are often missing or
default (many embedded subsets claim weight 400 for a bold cut), so the name is read too
and the heavier reading wins. Render mode 2 (fill then stroke) thickens a regular font
into a "fake bold"; Word does this for CJK fonts that have no bold cut.

Everything here is a property of fonts in general; nothing names a document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

#: Descriptor flag bits (PDF 32000-1, table 123), as PDFium reports them.
FLAG_FIXED_PITCH = 1 << 0
FLAG_SERIF = 1 << 1
FLAG_ITALIC = 1 << 6
FLAG_ALL_CAP = 1 << 16
FLAG_SMALL_CAP = 1 << 17
FLAG_FORCE_BOLD = 1 << 18

#: The weight classes of OpenType's usWeightClass, read from style words in font names.
#: Order matters: longer words first, so "SemiBold" is not read as "Bold".
_WEIGHT_WORDS: tuple[tuple[str, int], ...] = (
    ("extrablack", 950), ("ultrablack", 950), ("black", 900), ("heavy", 900),
    ("extrabold", 800), ("ultrabold", 800), ("semibold", 600), ("demibold", 600),
    ("demi", 600), ("bold", 700), ("medium", 500), ("medi", 500),
    ("extralight", 200), ("ultralight", 200), ("thin", 100), ("light", 300),
    ("book", 400), ("regular", 400), ("roman", 400),
)
#: The weight classes the decisions name: a plain (regular) face ...
REGULAR_WEIGHT: int = 400
#: ... the class from which a face reads as bold (600, semibold) ...
BOLD_WEIGHT: int = 600
#: ... and the class of a face called plainly bold (what ForceBold or a fake bold gives).
BOLD_FACE_WEIGHT: int = 700
#: One step of the weight scale (W0–W9 and TeX's bx map onto it).
WEIGHT_STEP: int = 100
#: The weight scale's ends; a descriptor's /FontWeight outside them is garbage.
WEIGHT_RANGE: tuple[int, int] = (100, 1000)
#: A descriptor's /ItalicAngle at least this many degrees from upright is a slanted face
#: (upright faces claim 0; an angle of a degree or two is a rounding of one).
ITALIC_ANGLE_MIN: float = 5
#: A subset tag (six capitals and ``+``, PDF 32000-1 §9.6.4) ends within this many characters.
SUBSET_TAG_CHARS: int = 8
_WEIGHT_RX = re.compile("|".join(w for w, _ in _WEIGHT_WORDS), re.I)
#: Short style suffixes after a separator: ``Arial-BoldMT``, ``Times-Bd``, ``Foo,Bold``,
#: ``HiraginoSans-W6`` (Japanese foundries number weights W0–W9).
_SUFFIX_BOLD = re.compile(r"[-,_](?:bd|b|bx|boldmt|bolditalic|bi)$|[-,_]w([0-9])$", re.I)
#: TeX's Computer Modern / Latin Modern / AMS names: weight and shape are letters in the
#: name (cmbx = bold extended, cmb = bold, cmssbx = sans bold extended, cmti = text
#: italic, cmsl = slanted, cmcsc = caps and small caps, cmtt = typewriter).
_TEX = re.compile(r"^(cm|lm|ec|tc|sf|eu)([a-z]*?)(\d+)$", re.I)
_ITALIC_RX = re.compile(r"italic|oblique|slant|kursiv|[-,_](?:it|i|ital|obl|bi|boldit)$", re.I)
#: small capitals by name: ``…SmallCaps``, ``…-SC``, or ``Caps`` ending the family's name
#: before its design size or style (Latin Modern's ``LMRomanCaps10-Regular``)
_SMALLCAP_RX = re.compile(r"smallcap|small-?caps|[-_]sc$|caps(?=\d|[-_,]|$)", re.I)
_MONO_RX = re.compile(r"mono|courier|consol|typewriter|menlo|inconsolata|sourcecode|firacode", re.I)
#: Latin sans-serif families by name; a sans heading over a serif body is a style of its own.
_SANS_RX = re.compile(r"sans|arial|helvetica|verdana|calibri|franklin|futura|gill|segoe|tahoma|"
                      r"univers|frutiger|myriad|roboto|lato|avenir|trebuchet|century ?gothic|"
                      r"optima|din|gotham|^cmss|^lmsans", re.I)
_STYLE_WORDS = re.compile(r"(?:ps)?(?:mt)?$|[-,_ ].*$", re.I)
#: Chinese, Japanese and Korean families: 黑体 (Hei, sans, heavy strokes) and its kin set
#: headings against a 宋体 (Song/Ming/Mincho, serif) body; 楷体 (Kai) and 仿宋 (FangSong)
#: are calligraphic body or emphasis faces. Classes, not weights: a Hei line at body size
#: in a Song document stands out the way a bold line does in a Latin one.
_CJK_FAMILIES: tuple[tuple[str, str], ...] = (
    ("hei", "hei"), ("黑", "hei"), ("yahei", "hei"),
    ("xiaobiaosong", "display"), ("小标宋", "display"), ("biaosong", "display"),
    ("fangsong", "fangsong"), ("仿宋", "fangsong"), ("kai", "kai"), ("楷", "kai"),
    ("song", "song"), ("宋", "song"), ("simsun", "song"), ("msung", "song"),
    ("ming", "song"), ("mincho", "song"),
)


@dataclass(frozen=True, slots=True)
class FontTraits:
    """What a font sets: ``weight`` on the 100–900 scale, and its shape and family class."""

    weight: int
    italic: bool
    smallcaps: bool
    mono: bool
    #: the family's name without style words (``timesnewroman``, ``simsun``, TeX ``cmr``)
    family: str
    #: a coarse class: serif, sans, mono, and the CJK classes song, hei, kai, fangsong,
    #: display (标宋, title faces)
    cls: str

    @property
    def bold(self) -> bool:
        return self.weight >= BOLD_WEIGHT


def base_name(fontname: str) -> str:
    """The font's name without a subset tag (``ABCDEF+``)."""
    return fontname.split("+", 1)[-1] if "+" in fontname[:SUBSET_TAG_CHARS] else fontname


@lru_cache(maxsize=4096)
def name_traits(fontname: str) -> FontTraits:
    """Traits read from the font's name alone (the convention every foundry follows)."""
    name = base_name(fontname)
    weight = REGULAR_WEIGHT
    tex = _TEX.match(name)
    italic = bool(_ITALIC_RX.search(name))
    smallcaps = bool(_SMALLCAP_RX.search(name))
    mono = bool(_MONO_RX.search(name))
    if tex and tex.group(2):
        code = tex.group(2).lower()
        if code.startswith(("bx", "b")) or "bx" in code or code.endswith("b"):
            weight = BOLD_FACE_WEIGHT
        italic = italic or code.endswith(("ti", "sl", "it", "bxti", "bxsl")) or code in ("mi", "mmi")
        smallcaps = smallcaps or "csc" in code
        mono = mono or code.startswith("tt")
    else:
        words = [w.lower() for w in _WEIGHT_RX.findall(name)]
        if words:
            weight = max(dict(_WEIGHT_WORDS)[w] for w in words)
        m = _SUFFIX_BOLD.search(name)
        if m:
            if m.group(1) is not None:
                weight = max(weight, WEIGHT_STEP * int(m.group(1)) + WEIGHT_STEP)  # W0 = 100
            else:
                weight = max(weight, BOLD_FACE_WEIGHT)
    return FontTraits(weight, italic, smallcaps, mono, _family(name, tex), _class(name, mono))


def _family(name: str, tex: re.Match[str] | None) -> str:
    if tex:
        code = tex.group(2).lower()
        shape = "ss" if code.startswith("ss") else "tt" if code.startswith("tt") else "r"
        return tex.group(1).lower() + shape
    stem = _WEIGHT_RX.sub("", name)
    stem = _STYLE_WORDS.sub("", stem.split("-")[0].split(",")[0])
    return re.sub(r"[^0-9a-z\u4e00-\u9fff]+", "", stem.lower()) or name.lower()


def _class(name: str, mono: bool) -> str:
    if mono:
        return "mono"
    low = name.lower()
    for key, cls in _CJK_FAMILIES:
        if key in low:
            return cls
    return "sans" if _SANS_RX.search(name) else "serif"


def traits(fontname: str, weight: int | None = None, flags: int | None = None,
           render_mode: int | None = None, italic_angle: float | None = None) -> FontTraits:
    """Traits from the descriptor where it speaks, the name where it does not.

    A descriptor weight is believed when it is heavier than the name says (embedded
    subsets of bold cuts are often named plainly); a ``ForceBold`` flag or render mode 2
    (fill and stroke) make the type bold whatever the name says."""
    t = name_traits(fontname)
    w = t.weight
    if weight is not None and WEIGHT_RANGE[0] <= weight <= WEIGHT_RANGE[1] and weight > w:
        w = int(weight)
    it, sc, mono = t.italic, t.smallcaps, t.mono
    if flags:
        if flags & FLAG_FORCE_BOLD:
            w = max(w, BOLD_FACE_WEIGHT)
        it = it or bool(flags & FLAG_ITALIC)
        sc = sc or bool(flags & FLAG_SMALL_CAP)
        mono = mono or bool(flags & FLAG_FIXED_PITCH)
    if italic_angle is not None and abs(italic_angle) >= ITALIC_ANGLE_MIN:
        it = True
    if render_mode == 2:
        w = max(w, BOLD_FACE_WEIGHT)
    if (w, it, sc, mono) == (t.weight, t.italic, t.smallcaps, t.mono):
        return t
    return FontTraits(w, it, sc, mono, t.family, "mono" if mono else t.cls)
