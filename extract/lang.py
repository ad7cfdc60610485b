"""Language of a unit from character classes: enough for Chinese versus English."""

from __future__ import annotations

import re


_IDEO = re.compile("[\u4e00-\u9fff\u3400-\u4dbf\U00020000-\U0002ffff\uf900-\ufaff]")
_LATIN = re.compile("[A-Za-z]")

#: An English word has about five letters where a Chinese one has one or two ideographs:
#: a text is Chinese when its ideographs times this reach its Latin letters ...
IDEOGRAPH_LETTERS = 3
#: ... and a unit printed in a Chinese stream stays Chinese unless its ideographs times
#: this fall short of its letters (an English note in a Chinese report has almost none).
FOREIGN_IDEOGRAPH_LETTERS = 10


def detect(text: str) -> str:
    """``zh`` when CJK ideographs carry the text, else ``en``.

    An English word has about five letters where a Chinese one has one or two ideographs,
    so ideographs win when they are at least a third as many as Latin letters."""
    return lang_of_weight(*detect_weight(text))


def lang_of_weight(ideo: int, latin: int) -> str:
    """:func:`detect`'s decision from a text's :func:`detect_weight` (a caller that needs
    the counts as well counts once)."""
    if ideo == 0 and latin == 0:
        return "und"
    return "zh" if ideo * IDEOGRAPH_LETTERS >= latin else "en"


def detect_weight(text: str) -> tuple[int, int]:
    """(ideographs, Latin letters) in ``text``."""
    return len(_IDEO.findall(text)), len(_LATIN.findall(text))


#: Punctuation only Chinese text is written with: the ideographic full stop and comma, the
#: enumeration comma (an English text, even one set in a CJK font, writes ". , ;").
CHINESE_PUNCTUATION = re.compile("[、。，；！？]")


def chinese_punctuation(text: str) -> int:
    """How many marks of :data:`CHINESE_PUNCTUATION` ``text`` holds."""
    return len(CHINESE_PUNCTUATION.findall(text))


def own_lang(text: str, stream: str) -> str:
    """The language of a unit printed in ``stream``: the stream's own unless the text is
    clearly another (an English note in a Chinese report has no or almost no ideographs;
    a Chinese line in an English stream is detected as Chinese)."""
    ideo, latin = detect_weight(text)  # counted once, for both questions
    d = lang_of_weight(ideo, latin)
    if d not in ("zh", "en") or d == stream:
        return stream
    if d == "en" and stream == "zh":
        return "en" if ideo == 0 or ideo * FOREIGN_IDEOGRAPH_LETTERS < latin else "zh"
    return d
