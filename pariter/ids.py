"""Stable, readable unit ids, built from the numbers printed in the document.

An id is what a researcher writes in a footnote of their own, so it is made of what they
see on the page: ``zh.s06.c05.p1.s2`` — language, section 06, clause 05, paragraph 1,
sentence 2. Printed numbers in any of the usual systems (``06``, ``一、``, ``（三）``,
``III.``, ``第2章``, ``附录A``, ``2.3``) give the same token, so the Chinese and English
streams of one document get parallel ids. Every id is a valid XML NCName, so TEI can use
it as ``xml:id`` unchanged.
"""

from __future__ import annotations

import re
import unicodedata

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
_CIRCLED = {chr(0x2460 + i): i + 1 for i in range(20)}  # ① … ⑳
_SYMBOL_NAMES = {"*": "star", "†": "dagger", "‡": "ddagger", "§": "sect", "¶": "para",
                 "‖": "par", "#": "hash"}


def chinese_numeral(text: str) -> int | None:
    """Value of a Chinese numeral such as 十二 or 二十一; None if it is not one."""
    if not text or any(c not in _CN_DIGITS and c not in _CN_UNITS for c in text):
        return None
    total, digit = 0, None
    for c in text:
        if c in _CN_DIGITS:
            digit = _CN_DIGITS[c]
        else:
            total += (1 if digit is None else digit) * _CN_UNITS[c]
            digit = None
    return total + (digit or 0)


def roman_numeral(text: str) -> int | None:
    t = text.upper()
    if not t or any(c not in _ROMAN for c in t):
        return None
    total = 0
    for i, c in enumerate(t):
        v = _ROMAN[c]
        total += -v if i + 1 < len(t) and _ROMAN[t[i + 1]] > v else v
    return total


#: Roman numerals of one letter that no section number means (C is 100, M 1000): as a
#: number alone they are letters of an alphabetic scheme (``C.`` after ``B.``, ``(c)``).
_LETTER_NUMERALS = frozenset("CDLM")


def number_parts(number: str | None) -> list[str]:
    """The printed number split into tokens: ``"2.3"`` → ``["02", "03"]``, ``"（一）"`` →
    ``["01"]``, ``"附录A"`` → ``["A"]``; ``[]`` when nothing numeric is printed."""
    if not number:
        return []
    s = unicodedata.normalize("NFKC", number).strip()
    s = re.sub(r"^(第|附录|附件|Appendix|Annex|Chapter|Section|Part|Article|Art\.|Clause|Rule|"
               r"Schedule|Title|Book)\s*", "", s, flags=re.I)
    s = re.sub(r"\s*(章|节|条|部分|篇)$", "", s)
    s = s.strip(" ()[]【】、.．:：/,，")
    if not s:
        return []
    parts = [p for p in re.split(r"[.．]", s) if p]
    out: list[str] = []
    for p in parts:
        p = p.strip()
        if p.isdigit():
            out.append(f"{int(p):02d}")
        elif p in _CIRCLED:
            out.append(f"{_CIRCLED[p]:02d}")
        elif (v := chinese_numeral(p)) is not None:
            out.append(f"{v:02d}")
        elif (v := roman_numeral(p)) is not None and len(parts) == 1 \
                and p.upper() not in _LETTER_NUMERALS:
            out.append(f"{v:02d}")
        elif re.fullmatch(r"[A-Za-z]", p):
            out.append(p.upper())
        else:
            return []
    return out


def section_token(number: str | None, unnumbered_ordinal: int) -> str:
    """The last component of a section's number, or ``x<n>`` for the n-th unnumbered one."""
    parts = number_parts(number)
    return parts[-1] if parts else f"x{unnumbered_ordinal}"


def section_id(lang: str, path: list[str]) -> str:
    """``section_id("zh", ["06", "03"])`` → ``zh.s06.s03``."""
    return ".".join([lang] + [f"s{t}" for t in path]) if path else f"{lang}.front"


def clause_id(top_section: str, number: str) -> str:
    """``clause_id("zh.s06", "05")`` → ``zh.s06.c05``; a dotted clause number keeps every
    part (``1.4.1`` → ``c01-04-01``) so that clauses of different parents differ."""
    parts = number_parts(number)
    if not parts:
        return f"{top_section}.c{_token(number)}"
    return f"{top_section}.c{'-'.join(parts)}"


def paragraph_id(container: str, n: int) -> str:
    return f"{container}.p{n}"


def sentence_id(paragraph: str, n: int) -> str:
    return f"{paragraph}.s{n}"


def heading_id(section: str) -> str:
    return f"{section}.h"


def footnote_id(lang: str, label: str) -> str:
    return f"{lang}.fn{label_token(label)}"


def marker_id(lang: str, n: int) -> str:
    return f"{lang}.m{n}"


def label_token(label: str) -> str:
    """A footnote label as an NCName-safe token: ``12``, ``star``, ``dagger2``."""
    s = unicodedata.normalize("NFKC", label).strip()
    if s in _CIRCLED:
        return str(_CIRCLED[s])
    if s.isdigit():
        return str(int(s))
    if s and all(c == s[0] for c in s) and s[0] in _SYMBOL_NAMES:
        name = _SYMBOL_NAMES[s[0]]
        return name if len(s) == 1 else f"{name}{len(s)}"
    return _token(s)


def _token(s: str) -> str:
    t = re.sub(r"[^A-Za-z0-9_-]+", "-", unicodedata.normalize("NFKC", s)).strip("-")
    return t or "x"


def dedupe(uid: str, taken: set[str]) -> str:
    """Make ``uid`` unique within ``taken`` by a ``-2``, ``-3`` … suffix, and record it."""
    out, n = uid, 1
    while out in taken:
        n += 1
        out = f"{uid}-{n}"
    taken.add(out)
    return out


def _ncname_char(c: str, first: bool) -> bool:
    """XML 1.0 (fifth edition) NameStartChar / NameChar without ':' (an NCName), limited
    to the Basic Multilingual Plane like the ``name`` pattern of our JSON Schemas."""
    o = ord(c)
    if c.isascii():
        return c.isalpha() or c == "_" or (not first and (c.isdigit() or c in "-."))
    if not first and (o == 0xB7 or 0x300 <= o <= 0x36F or 0x203F <= o <= 0x2040):
        return True
    return (0xC0 <= o <= 0xD6 or 0xD8 <= o <= 0xF6 or 0xF8 <= o <= 0x2FF
            or 0x370 <= o <= 0x37D or 0x37F <= o <= 0x1FFF or 0x200C <= o <= 0x200D
            or 0x2070 <= o <= 0x218F or 0x2C00 <= o <= 0x2FEF or 0x3001 <= o <= 0xD7FF
            or 0xF900 <= o <= 0xFDCF or 0xFDF0 <= o <= 0xFFFD)


def document_id(stem: str) -> str:
    """A document id made from a file name stem: ``报告 2023`` → ``报告-2023``.

    The name a user gave their file is what they recognise in a citation, so every
    character an XML id may hold is kept — Chinese included — after NFKC (full-width
    ``２０２３`` becomes ``2023``); any other run of characters becomes one ``-``. An id
    must not start with a digit, so ``2023年报告`` becomes ``d2023年报告``; a stem with
    nothing usable is ``doc``. The same name always gives the same id.
    """
    s = unicodedata.normalize("NFKC", stem)
    out: list[str] = []
    for c in s:
        if _ncname_char(c, first=False):
            out.append(c)
        elif out and out[-1] != "-":
            out.append("-")
    t = "".join(out).strip("-.")
    if not t:
        return "doc"
    return t if _ncname_char(t[0], first=True) else f"d{t}"
