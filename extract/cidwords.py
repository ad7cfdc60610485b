"""Glyphs without a Unicode mapping, read back from the words they stand in.

A font whose ToUnicode map leaves out some of its glyphs (Word 2016 forgets its
ligatures: ``o(cid:415)ce``; a subset made by hand loses a letter) gives those glyphs no
character: dropped, they leave holes in words ("The o ce keeps a le"). The PDF still
carries what a reader uses to read them: the same glyph (one font, one code) stands in
many words, and the letters around it spell a word of the language once it is read as
the right letters. So each unmapped glyph of a page is read as the string — a letter or
one of the ligatures type designers draw — that turns the most of its words into words
(the page's own words, and the words of an English word list above its floor: a word the
list met barely is no evidence), when that reading is clearly the best:
at least :data:`MIN_WORDS` distinct words and :data:`MIN_SHARE` of them, and either
more than :data:`MARGIN` times the next reading's or every one of them where no other
reading does. What stays unread is dropped and reported, as
before (``cid_glyphs``); what is read is reported as ``cid_recovered``.

Everything is measured on the page's own glyphs; nothing names a producer.
"""

from __future__ import annotations

import re
from functools import lru_cache
from collections import Counter, defaultdict

from pariter.model import Warning

from .chars import Char
from .textjoin import SortedWords, cached_words

_CID = re.compile(r"^\(cid:\d+\)$")
#: What an unmapped glyph may be read as: a letter, or a ligature a Latin font draws
#: (standard f-ligatures, the discretionary and historical ones Word and InDesign set).
CANDIDATES: tuple[str, ...] = (
    tuple("abcdefghijklmnopqrstuvwxyz") + tuple("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    + ("ff", "fi", "fl", "ffi", "ffl", "ft", "fj", "fb", "fh", "fk", "st", "ct", "tt", "ti",
       "tf", "Th", "sp"))
#: A reading is taken when it makes at least this many words ...
MIN_WORDS: int = 2
#: ... at least this share of the words it was tried on ...
MIN_SHARE: float = 0.6
#: ... and more than this many times the words the next best reading makes.
MARGIN: float = 1.5
#: Glyphs further apart than this many ems (of the larger size) part two words.
WORD_GAP_EM: float = 0.2
#: ... and so do baselines further apart than this many ems.
BASELINE_EM: float = 0.3
#: Passes over the unread glyphs: a word with two unread glyphs is tried once the other
#: one is read.
MAX_PASSES: int = 3

_Key = tuple[str, str]  # (font name, "(cid:N)")


def _words(chars: list[Char]) -> list[list[Char]]:
    """The page's words in drawing order: glyphs that follow each other on one baseline
    with no space and no gap of a word space between them."""
    out: list[list[Char]] = []
    cur: list[Char] = []
    prev: Char | None = None
    for ch in chars:
        t = ch.text
        if not t or t.isspace():
            if cur:
                out.append(cur)
            cur, prev = [], None
            continue
        if prev is not None:
            em = max(prev.size, ch.size, 1.0)
            if (abs(ch.baseline - prev.baseline) > BASELINE_EM * em
                    or not -WORD_GAP_EM * em <= ch.x0 - prev.x1 <= WORD_GAP_EM * em):
                out.append(cur)
                cur = []
        cur.append(ch)
        prev = ch
    if cur:
        out.append(cur)
    return out


_PUNCT = ".,;:!?\"'()[]{}“”‘’«»–—-/"


@lru_cache(maxsize=1)
def _common_words() -> SortedWords:
    """The English word list's words counted more than its floor, the count of its rarest
    words. A word counted no more than that is one the list met barely ("erective"), and
    a reading that makes one is no evidence ("E?ective" read as the common "effective"
    only). Kept in the cache like the whole list's words (:func:`pariter.extract.
    textjoin.cached_words`): a document with unmapped glyphs (a third of those we
    measure on) would otherwise parse the list's counts, 0.17 s of CPU, for a few
    hundred look-ups."""
    return cached_words("common-words", _above_floor)


def _above_floor(freq: dict[str, int]) -> list[str]:
    floor = min(freq.values(), default=0)
    return [w for w, n in freq.items() if n > floor]


def _bare(text: str) -> str:
    """A word without the punctuation around it, lower-cased."""
    return text.strip(_PUNCT).lower()


def recover(chars: list[Char], page: int, warnings: list[Warning]) -> None:
    """Give the unmapped glyphs of one page (``(cid:N)``) the text their words say, where
    the page's words say it clearly (see the module docstring); report what was read."""
    # every glyph of every page is asked: the plain prefix test first, the pattern only
    # for what starts like (cid:N)
    keys = {(c.fontname, c.text) for c in chars if c.text.startswith("(cid:") and _CID.match(c.text)}
    if not keys:
        return
    words = _words(chars)
    known_words = {_bare(w) for w in ("".join(c.text for c in wd) for wd in words
                                      if not any(_CID.match(c.text) for c in wd)) if len(w) > 1}
    common = _common_words()

    def known(w: str) -> bool:
        # a word in one of the shapes words are printed in: lower case, capitalised, or
        # all capitals (a capital inside a word in lower case is no reading of it)
        b = w.strip(_PUNCT)
        if not b or not b.isalpha() or not (b.islower() or b.isupper()
                                            or (b[0].isupper() and b[1:].islower())):
            return False
        b = b.lower()
        return b in known_words or b in common

    # the words each unread glyph stands in (a word counted once per glyph it holds)
    holding: dict[_Key, list[list[Char]]] = defaultdict(list)
    for wd in words:
        seen: set[_Key] = set()
        for c in wd:
            if _CID.match(c.text):
                k = (c.fontname, c.text)
                if k not in seen:
                    seen.add(k)
                    holding[k].append(wd)
    read: dict[_Key, str] = {}
    for _ in range(MAX_PASSES):
        progress = False
        for k in sorted(holding, key=lambda k: (-len(holding[k]), k)):
            if k in read:
                continue
            # words whose other unread glyphs are read already
            usable = [wd for wd in holding[k]
                      if all(not _CID.match(c.text) or (c.fontname, c.text) == k
                             or (c.fontname, c.text) in read for c in wd)]
            # each distinct word once (a repeated word is one piece of evidence); a word
            # of the glyph alone says nothing (a bullet, a symbol)
            forms = sorted({tuple(k if (c.fontname, c.text) == k
                                  else read.get((c.fontname, c.text), c.text) for c in wd)
                            for wd in usable if len(wd) > 1}, key=repr)
            if len(forms) < MIN_WORDS:
                continue
            scores: Counter[str] = Counter()
            for cand in CANDIDATES:
                for form in forms:
                    if known("".join(cand if t == k else t for t in form)):
                        scores[cand] += 1
            ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
            if not ranked:
                continue
            best, n = ranked[0]
            second = ranked[1][1] if len(ranked) > 1 else 0
            # clearly the best reading, or the only one that reads every word
            if n >= MIN_WORDS and n >= MIN_SHARE * len(forms) and (
                    n > MARGIN * second or (n == len(forms) and second < n)):
                read[k] = best
                progress = True
        if not progress:
            break
    if not read:
        return
    count: Counter[str] = Counter()
    for c in chars:
        k = (c.fontname, c.text)
        if k in read:
            c.text = read[k]
            c.unmapped = False
            count[c.fontname] += 1
    fonts = ", ".join(sorted({f.split("+", 1)[-1] for f in count}))
    shown = ", ".join(f"{code} → {t!r}" for (_, code), t in sorted(read.items())[:8])
    warnings.append(Warning("cid_recovered", f"{sum(count.values())} glyph(s) without a Unicode "
                            f"mapping read from the words they stand in ({shown}), in font(s) "
                            f"{fonts}", page))
