"""How the texts of two units (sentences, notes) are put together: the one rule.

A link that holds several sentences shows them as one text: in its ``src_text`` and
``tgt_text``, in TMX, JSON Lines and TEI, in the review page after a merge, in corrections
and in what the refinement embeds. Whether a space goes at a seam is a property of the two
characters that meet there, not of the document's language: a Chinese document quotes
English sentences and references ("…computer systems." then "[5] S. Blake…"), an English
one quotes Chinese titles. A per-language joiner ("" for Chinese, " " for English) glued
Latin text on a Chinese side ("informationin", "working.The").

The rule, at a seam between the last character of the left text and the first of the right:

- no space where either character is CJK punctuation (``。，、；：「」《》（）`` and their
  full-width kin): full-width punctuation carries its own spacing, in Chinese and Japanese
  text alike (``。The`` as printed);
- no space between two CJK characters (Han, kana, bopomofo, full-width letters and digits):
  those scripts do not separate words or sentences with spaces;
- otherwise one space: Latin letters, digits, Latin punctuation, and a CJK character next to
  a Latin one (``数字中国 The``: an English text quoting Chinese, or Chinese text with a
  Latin word, where Chinese typography puts a space too, W3C clreq 3.2).

An empty text adds nothing (no doubled separator); white space already at a seam needs
no other. The review page applies the same rule in JavaScript from the same ranges
(:func:`page_rules`, ``pariter.export.flagrules.JOIN_JS``);
``tests/export/test_join_parity.py`` compares the two in a real browser.
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["CJK_PUNCTUATION", "CJK_TEXT", "separator", "join_texts", "page_rules"]

CJK_PUNCTUATION: tuple[tuple[int, int], ...] = (
    (0x3000, 0x303F),  # CJK symbols and punctuation: 　、。〃〈〉《》「」『』【】〔〕〜
    (0xFE10, 0xFE1F),  # vertical forms
    (0xFE30, 0xFE4F),  # CJK compatibility forms
    (0xFE50, 0xFE6F),  # small form variants
    (0xFF01, 0xFF0F),  # full-width ！＂＃＄％＆＇（）＊＋，－．／
    (0xFF1A, 0xFF20),  # full-width ：；＜＝＞？＠
    (0xFF3B, 0xFF40),  # full-width ［＼］＾＿｀
    (0xFF5B, 0xFF65),  # full-width ｛｜｝～, half-width ｡｢｣､･
    (0xFFE0, 0xFFEF),  # full-width ￠￡￥ and half-width forms
)
"""Code point ranges of punctuation set in a full em: no space on either side."""

CJK_TEXT: tuple[tuple[int, int], ...] = (
    (0x2E80, 0x2FDF),  # radicals, Kangxi radicals
    (0x3040, 0x30FF),  # hiragana, katakana
    (0x3100, 0x312F),  # bopomofo
    (0x31A0, 0x31FF),  # bopomofo extended, strokes, katakana extensions
    (0x3400, 0x4DBF),  # CJK extension A
    (0x4E00, 0x9FFF),  # CJK unified ideographs
    (0xF900, 0xFAFF),  # compatibility ideographs
    (0xFF10, 0xFF19),  # full-width digits
    (0xFF21, 0xFF3A),  # full-width Latin capitals
    (0xFF41, 0xFF5A),  # full-width Latin small letters
    (0xFF66, 0xFF9F),  # half-width katakana
    (0x20000, 0x3FFFF),  # supplementary ideographic planes
)
"""Code point ranges of characters of scripts written without spaces between words.
Hangul is not among them: Korean separates words and sentences with spaces."""


def _in(ch: str, ranges: tuple[tuple[int, int], ...]) -> bool:
    o = ord(ch)
    return any(lo <= o <= hi for lo, hi in ranges)


def separator(left: str, right: str) -> str:
    """What goes between ``left`` and ``right`` when they are shown as one text."""
    if not left or not right or left[-1].isspace() or right[0].isspace():
        return ""
    a, b = left[-1], right[0]
    if _in(a, CJK_PUNCTUATION) or _in(b, CJK_PUNCTUATION):
        return ""
    if _in(a, CJK_TEXT) and _in(b, CJK_TEXT):
        return ""
    return " "


def join_texts(parts: Iterable[str]) -> str:
    """Texts of consecutive units as one text, with :func:`separator` at each seam."""
    out = ""
    for part in parts:
        out += separator(out, part) + part
    return out


def page_rules() -> dict[str, list[list[int]]]:
    """The ranges :func:`separator` uses, as JSON data for the review page's script."""
    return {"punct": [list(r) for r in CJK_PUNCTUATION], "cjk": [list(r) for r in CJK_TEXT]}
