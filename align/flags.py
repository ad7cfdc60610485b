"""Flags a translator acts on: one small, documented function per flag.

Every function takes the two texts of a link (either may be empty) and returns ``True``
when the flag applies; :func:`link_flags` runs them all in the order of
:data:`pariter.model.FLAGS`.  They look only at the texts and the score, never at the
document structure, so they can be unit-tested on strings and rerun on an alignment JSON.

Calibration of :data:`ZH_EN_CHAR_RATIO` (the expected number of English characters per
Chinese character, whitespace not counted): on the ten clauses of the bilingual
*Consensus on Developing Responsible Generative AI* (WIC 2023) the per-clause ratios are
4.04 3.55 3.90 3.85 3.48 3.19 3.73 3.03 3.72 2.95, median 3.63 (with spaces counted the
median is 4.06).  Sentence pairs spread much wider than clauses (a 1-2 bead, a terse
heading-like sentence "一是保证经济可持续性。" ↔ "Firstly, ensure economic sustainability."
is 3.5, "三是探索…" clauses run 2–6), so the band is multiplicative and wide: a pair is
flagged when the ratio is more than :data:`LENGTH_BAND` (×/÷ 2.2) away from the expected
value, i.e. outside [1.65, 8.0] English characters per Chinese one, and only when the
shorter side is long enough for a ratio to mean something.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation

__all__ = [
    "ZH_EN_CHAR_RATIO",
    "LENGTH_BAND",
    "expected_ratio",
    "numbers",
    "urls",
    "char_length",
    "omission",
    "addition",
    "number_mismatch",
    "url_mismatch",
    "untranslated",
    "length_ratio",
    "low_confidence",
    "wording_diff",
    "link_flags",
]

ZH_EN_CHAR_RATIO = 3.63
"""English non-space characters per Chinese non-space character (median, see module doc)."""

LENGTH_BAND = 2.2
"""A pair is flagged when observed/expected ratio is above this factor or below its inverse."""

MIN_CHARS = {"zh": 12, "en": 40}
"""Shorter texts than this (non-space characters) are never length-flagged: too noisy."""

MIN_CHARS_OTHER = 20
"""The same minimum for a language :data:`MIN_CHARS` does not list."""


def _nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def char_length(text: str) -> int:
    """Characters without whitespace (PDF extraction puts spaces into Chinese at random)."""
    return sum(1 for c in text if not c.isspace())


def expected_ratio(src_lang: str, tgt_lang: str) -> float:
    """Expected ``len(tgt) / len(src)`` in non-space characters for a language pair."""
    if src_lang == tgt_lang:
        return 1.0
    if (src_lang, tgt_lang) == ("zh", "en"):
        return ZH_EN_CHAR_RATIO
    if (src_lang, tgt_lang) == ("en", "zh"):
        return 1.0 / ZH_EN_CHAR_RATIO
    return 1.0


# -- numbers ----------------------------------------------------------------------------
_MULT_ZH = {"万亿": Decimal(10) ** 12, "千亿": Decimal(10) ** 11, "百亿": Decimal(10) ** 10,
            "亿": Decimal(10) ** 8, "千万": Decimal(10) ** 7, "百万": Decimal(10) ** 6,
            "万": Decimal(10) ** 4}
_MULT_EN = {"thousand": Decimal(10) ** 3, "million": Decimal(10) ** 6, "mn": Decimal(10) ** 6,
            "billion": Decimal(10) ** 9, "bn": Decimal(10) ** 9, "trillion": Decimal(10) ** 12}
_MONTHS = {m: i + 1 for i, m in enumerate(
    "january february march april may june july august september october november december".split())}
_MONTHS.update({m[:3]: v for m, v in list(_MONTHS.items())})
_MONTHS["sept"] = 9
_MONTHS.pop("may", None)  # "may" is far more often the verb; "May 2023" is caught below
_NUMBER = re.compile(
    r"(?<![A-Za-z0-9.])(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?P<suffix>\s*(?:%|％|percent\b|per cent\b|万亿|千亿|百亿|亿|千万|百万|万"
    r"|thousand\b|million\b|mn\b|billion\b|bn\b|trillion\b))?",
    re.IGNORECASE,
)
_MONTH_WORD = re.compile(
    r"\b(January|February|March|April|May(?=\s+\d)|June|July|August|September|October|November"
    r"|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?")
_ORDINAL = re.compile(r"(\d+)(?:st|nd|rd|th)\b", re.IGNORECASE)


PERCENT_SUFFIXES = ("%", "％", "percent", "per cent")
"""Suffixes (lower-cased, stripped) that make a number a percentage."""


def _canonical(value: Decimal) -> str:
    value = value.normalize()
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def numbers(text: str, ignore: Iterable[str] = ()) -> Counter[str]:
    """The multiset of numbers a text states, in a language-neutral canonical form.

    * digits in any width (``２０２３`` is ``2023``), thousands separators dropped
      (``1,000`` = ``1000``), decimals kept (``2.60`` = ``2.6``);
    * percentages become ``50%`` whether written ``50%``, ``50％``, ``50 percent`` or
      ``50 per cent``;
    * magnitude words multiply: ``2.6万亿`` and ``2.6 trillion`` are both
      ``2600000000000``; ``3亿`` = ``300 million``;
    * English month names count as their number (``November 2023`` ↔ ``2023年11月``),
      and ordinals as the number (``20th`` = ``20``);
    * Chinese numerals written in characters (一是, 二十国集团) are *not* counted: in the
      corpus they are enumerators ("firstly") far more often than quantities.

    ``ignore`` lists numbers not to count, such as a clause's own number (``05``): each
    is removed once, in canonical form (``05`` = ``5``).
    """
    t = _nfkc(text)
    t = _ORDINAL.sub(r"\1", t)
    found: Counter[str] = Counter()
    for m in _NUMBER.finditer(t):
        raw = m.group("num").replace(",", "")
        try:
            value = Decimal(raw)
        except InvalidOperation:  # pragma: no cover - the regex only admits numbers
            continue
        suffix = (m.group("suffix") or "").strip().lower()
        if suffix in PERCENT_SUFFIXES:
            found[_canonical(value) + "%"] += 1
            continue
        if suffix in _MULT_ZH:
            value *= _MULT_ZH[suffix]
        elif suffix in _MULT_EN:
            value *= _MULT_EN[suffix]
        found[_canonical(value)] += 1
    for m in _MONTH_WORD.finditer(t):
        word = m.group(1).lower()
        month = _MONTHS.get(word, 5 if word == "may" else None)
        if month:
            found[str(month)] += 1
    for value in ignore:
        try:
            key = _canonical(Decimal(_nfkc(value).replace(",", "")))
        except InvalidOperation:
            continue
        if found[key] > 0:
            found[key] -= 1
    return +found  # drop zero counts


# -- URLs -------------------------------------------------------------------------------
_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"'，。；、）》】]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+",
                  re.IGNORECASE)


URL_TRAILING = ".,;:!?)]>'\""
"""Punctuation that ends a sentence around a URL rather than belonging to it."""


def urls(text: str) -> set[str]:
    """URLs and e-mail addresses, normalised: scheme and ``www.`` dropped, host lower-cased,
    trailing punctuation and slash removed (so ``<https://x.org/a/>.`` = ``x.org/a``)."""
    out = set()
    for m in _URL.finditer(_nfkc(text)):
        u = m.group(0).rstrip(URL_TRAILING)
        u = re.sub(r"^https?://", "", u, flags=re.I)
        u = re.sub(r"^www\.", "", u, flags=re.I)
        host, slash, rest = u.partition("/")
        u = (host.lower() + slash + rest).rstrip("/")
        if u:
            out.add(u)
    return out


# -- the flags --------------------------------------------------------------------------
def omission(src_text: str, tgt_text: str) -> bool:
    """The source says something the target leaves out: source non-empty, target empty."""
    return bool(src_text.strip()) and not tgt_text.strip()


def addition(src_text: str, tgt_text: str) -> bool:
    """The target says something with no source: target non-empty, source empty."""
    return bool(tgt_text.strip()) and not src_text.strip()


def number_mismatch(src_text: str, tgt_text: str, ignore: Iterable[str] = ()) -> bool:
    """Both sides present and the multisets of :func:`numbers` differ (``ignore`` is
    removed from each side once: the clause number printed at the start of a clause)."""
    if not src_text.strip() or not tgt_text.strip():
        return False
    ignore = list(ignore)
    return numbers(src_text, ignore) != numbers(tgt_text, ignore)


def url_mismatch(src_text: str, tgt_text: str) -> bool:
    """Both sides present and their sets of normalised :func:`urls` differ."""
    if not src_text.strip() or not tgt_text.strip():
        return False
    return urls(src_text) != urls(tgt_text)


UNTRANSLATED_MIN_WORDS = 4
"""A copy needs this many lower-case words of Latin letters to count as untranslated prose
(the function words prose cannot do without): a label ("Note"), names ("Jean-Pierre Charras,
Jon Evans."), a table's column heads, a command line or a number are the same in both
languages by nature."""

#: A lower-case word of prose: letters only (inner apostrophes and hyphens, a bracket or quote
#: around, punctuation after), standing between spaces; "gentoo_0.9.12-1.dsc" or "-x" is none.
_LATIN_WORD = re.compile(r"(?<![^\s])[(\[\"'“‘]?[a-z]{2,}(?:['’-][A-Za-z]+)*[.,;:!?)\]\"'”’]*(?![^\s])")


def _same_text(text: str) -> str:
    """The text as a reader compares it: NFKC, case and white space ignored (extraction
    spaces the same print differently: "$ {DIR}/x.pretty." against "${DIR}/x.pretty .")."""
    return "".join(_nfkc(text).split()).lower()


def untranslated(src_text: str, tgt_text: str, src_lang: str, tgt_lang: str) -> bool:
    """The two languages differ and both sides print the same prose: a sentence the
    translation left in the original language (a manual translated in part), which a
    translator still has to translate and a translation memory should not learn."""
    if src_lang == tgt_lang or not src_text.strip() or not tgt_text.strip():
        return False
    return (_same_text(src_text) == _same_text(tgt_text)
            and len(_LATIN_WORD.findall(_nfkc(src_text))) >= UNTRANSLATED_MIN_WORDS)


def length_ratio(src_text: str, tgt_text: str, src_lang: str, tgt_lang: str,
                 band: float = LENGTH_BAND, expected: float | None = None,
                 min_chars: dict[str, int] | None = None) -> bool:
    """Both sides present and ``len(tgt)/len(src)`` (non-space characters) is more than
    ``band`` times off the expected ratio for the language pair, in either direction.

    Pairs whose shorter side is under ``min_chars`` for its language are never flagged.
    """
    a, b = char_length(src_text), char_length(tgt_text)
    if a == 0 or b == 0:
        return False
    mins = MIN_CHARS if min_chars is None else min_chars
    if a < mins.get(src_lang, 20) or b < mins.get(tgt_lang, 20):
        return False
    exp = expected_ratio(src_lang, tgt_lang) if expected is None else expected
    r = (b / a) / exp
    return r > band or r < 1.0 / band


def low_confidence(score: float, threshold: float) -> bool:
    """The calibrated confidence is below the configured threshold."""
    return score < threshold


def wording_diff(ops: Iterable[object] | None) -> bool:
    """A same-language pair whose wording diff has any non-``equal`` operation."""
    return ops is not None and any(getattr(op, "op", "equal") != "equal" for op in ops)


def link_flags(src_text: str, tgt_text: str, *, score: float, src_lang: str, tgt_lang: str,
               threshold: float, ignore_numbers: Iterable[str] = (), diff: list | None = None,
               band: float = LENGTH_BAND, expected: float | None = None,
               min_chars: dict[str, int] | None = None) -> list[str]:
    """Every applicable flag, in the order of :data:`pariter.model.FLAGS`."""
    out = []
    if omission(src_text, tgt_text):
        out.append("omission")
    if addition(src_text, tgt_text):
        out.append("addition")
    if number_mismatch(src_text, tgt_text, ignore_numbers):
        out.append("number_mismatch")
    if url_mismatch(src_text, tgt_text):
        out.append("url_mismatch")
    copy = untranslated(src_text, tgt_text, src_lang, tgt_lang)
    if copy:
        out.append("untranslated")
    if not copy and length_ratio(src_text, tgt_text, src_lang, tgt_lang, band, expected, min_chars):
        out.append("length_ratio")  # (a copy's length says nothing about a translation)
    if low_confidence(score, threshold):
        out.append("low_confidence")
    if wording_diff(diff):
        out.append("wording_diff")
    return out
