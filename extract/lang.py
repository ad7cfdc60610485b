"""Language of a unit from character classes: enough for Chinese versus English."""

from __future__ import annotations

from .lines import is_cjk_ideograph


def detect(text: str) -> str:
    """``zh`` when CJK ideographs carry the text, else ``en``.

    An English word has about five letters where a Chinese one has one or two ideographs,
    so ideographs win when they are at least a third as many as Latin letters."""
    ideo = latin = 0
    for c in text:
        if is_cjk_ideograph(c):
            ideo += 1
        elif c.isascii() and c.isalpha():
            latin += 1
    if ideo == 0 and latin == 0:
        return "und"
    return "zh" if ideo * 3 >= latin else "en"


def detect_weight(text: str) -> tuple[int, int]:
    """(ideographs, Latin letters) in ``text``."""
    ideo = latin = 0
    for c in text:
        if is_cjk_ideograph(c):
            ideo += 1
        elif c.isascii() and c.isalpha():
            latin += 1
    return ideo, latin
