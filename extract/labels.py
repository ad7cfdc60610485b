"""Note labels as producers print them, and the numbers they stand for.

Notes are numbered 1 2 3, or ① ② ③ (Chinese publications, Word and WPS), or * † ‡. The
circled numbers come in several code points for one printed shape: U+2460 ① is the
standard one, and CJK fonts (Noto CJK, Source Han) map the same glyph to the dingbat
U+2780 ➀ in their ToUnicode, so a XeLaTeX or LibreOffice PDF may carry either. Labels are
compared, and given to the document model, in one form: the standard circled number.
"""

from __future__ import annotations

import re

#: the standard circled numbers ① … ⑳
CIRCLED = "".join(chr(0x2460 + i) for i in range(20))
#: circled-number variants fonts map the same shapes to: dingbat circled sans-serif digits
#: ➀ … ➉, negative circled ❶ … ❿ and ➊ … ➓, double-circled ⓵ … ⓾ (each 1 … 10)
_VARIANT_STARTS = (0x2780, 0x2776, 0x278A, 0x24F5)
CIRCLED_VARIANTS = "".join(chr(s + i) for s in _VARIANT_STARTS for i in range(10))
_TO_STANDARD = str.maketrans({chr(s + i): CIRCLED[i] for s in _VARIANT_STARTS for i in range(10)})
#: every character that prints a circled number
ANY_CIRCLED = CIRCLED + CIRCLED_VARIANTS


#: The combining enclosing circle (U+20DD): ``\textcircled`` in a font that has the glyph
#: draws it over the label, and the text layer carries it before or after the figure
#: (``⃝1``, ``1⃝``). The label is the figure it encloses, as the raised callout reads it.
ENCLOSING = "\u20dd"


#: Brackets a label may be printed in: ``[1]`` (Chinese papers' callouts and note lists,
#: Typst's "[1]" numbering), ``［1］``, ``〔1〕`` and ``【1】`` (the author's own marks in
#: Chinese Word and WPS documents). They are punctuation around the label, as the stop of
#: ``1.`` is: the label is the number inside.
BRACKETS = {"[": "]", "［": "］", "〔": "〕", "【": "】"}
#: a bracketed number, the number its group 1
BRACKETED_RE = ("[" + "".join(map(re.escape, BRACKETS)) + r"](\d{1,3})["
                + "".join(map(re.escape, BRACKETS.values())) + "]")


def unbracketed(label: str) -> str:
    """``label`` without the brackets it was printed in (``[1]`` → ``1``)."""
    if len(label) >= 3 and BRACKETS.get(label[0]) == label[-1] and label[1:-1].isdecimal():
        return label[1:-1]
    return label


def canonical(label: str) -> str:
    """``label`` with its circled numbers in the standard form (➀ → ①)."""
    return label.translate(_TO_STANDARD)


def number(label: str) -> int | None:
    """The number a label counts: 3 for ``3`` and ``③``; None for symbols (* †) and letters.

    ``str.isdigit`` is True for ① and ³ but ``int()`` refuses them: a label's number is read
    here only."""
    label = canonical(label)
    if label.isdecimal() and label.isascii():
        return int(label)
    if len(label) == 1 and label in CIRCLED:
        return CIRCLED.index(label) + 1
    return None


#: A unit after a quantity: a figure, perhaps a space, then a short unit symbol (38 km, 12 m,
#: 4 ft). Raised 2 or 3 there is the unit's power (km², m³), as in any measurement; a
#: callout after a measurement follows the punctuation that ends the phrase.
_UNIT_AFTER_NUMBER = re.compile(r"\d[\s\u00a0]?[A-Za-zμµ]{1,3}$")
#: the powers units of area and volume take
UNIT_POWERS = ("2", "3")


def unit_before(text: str) -> bool:
    """Does ``text`` end with a quantity's unit (``400 m``), where a raised 2 or 3 is a power?"""
    return _UNIT_AFTER_NUMBER.search(text) is not None


def power_and_label(raised: str, label: str, before: str) -> bool:
    """Is the raised group ``raised`` a unit's power glued to the callout ``label`` (``400 m²¹⁵``
    read as one group 215), ``before`` being the text it follows?"""
    return (len(raised) > len(label) and raised.endswith(label)
            and raised[:len(raised) - len(label)] in UNIT_POWERS and unit_before(before))


#: Roman counters as note labels (LibreOffice's 'i, ii, iii' numbering, Typst's "i", LaTeX's
#: \roman): i … xxxix, lower or upper case, one case per label. Letters that are also words
#: or variables (i, I, v, x), so a roman label is only believed where the page's sequence
#: of labels continues and its note or callout is printed (see the callers).
_ROMAN_LOWER = r"(?:x{1,3}(?:ix|iv|vi{0,3}|i{1,3})?|ix|iv|vi{0,3}|i{1,3})"
ROMAN_RE = _ROMAN_LOWER + "|" + _ROMAN_LOWER.upper()
#: the lower-case counters alone (LibreOffice's endnote numbering i, ii, iii)
ROMAN_LOWER_RE = _ROMAN_LOWER
_ROMAN_FULL = re.compile(rf"^(?:{ROMAN_RE})$")
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10}


def roman(label: str) -> int | None:
    """The number a roman label counts (4 for ``iv`` or ``IV``), or None."""
    if not label or not _ROMAN_FULL.match(label):
        return None
    vals = [_ROMAN_VALUES[c] for c in label.lower()]
    return sum(-v if i + 1 < len(vals) and v < vals[i + 1] else v for i, v in enumerate(vals))


def to_roman(n: int, upper: bool = False) -> str:
    """``n`` (1 … 39) as a roman label, in the case of the label it follows."""
    out = "x" * (n // 10) + ["", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"][n % 10]
    return out.upper() if upper else out
