"""Joining printed lines back into running text.

Chinese lines join without a space, English lines with one; a hyphen at a line end is
dropped when it only broke a word (``Wiki-`` + ``pedia``) and kept when the word is a
real compound (``well-`` + ``known``: both halves are words on their own, or the second
half starts with a capital or digit).
"""

from __future__ import annotations

import re

from .lines import is_cjk

_HYPHENS = "-\u00ad\u2010"
# short words that commonly stand before a hyphen in real compounds
_PREFIX_KEEP = {"well", "self", "non", "co", "pre", "post", "multi", "cross", "long", "short",
                "high", "low", "state", "so", "large", "small", "full", "part", "real", "end",
                "open", "fine", "user", "third", "first", "second", "two", "three", "one",
                "ever", "all", "half", "semi", "anti", "sub", "inter", "ex", "vice", "top",
                "mid", "sino", "euro", "rule", "data", "time", "world", "human", "machine",
                "domain", "task", "zero", "few", "man", "near", "best", "entity", "language"}


def join(parts: list[str]) -> str:
    out = ""
    for p in parts:
        p = p.strip()
        if not p:
            continue
        out = join2(out, p) if out else p
    return out


#: what follows a break inside one word: a bare suffix is never a word of a compound
_SUFFIX = re.compile(r"(?:s|es|ed|er|ers|est|ing|ings|ly|ity|ities|ous|ive|ives|al|ally|ance|"
                     r"ances|ence|ences|ency|ist|ists|ism|isms|ize|izes|ized|izing|ise|ised|"
                     r"ation|ations|tion|tions|sion|sions|ment|ments|ness|able|ably|ible|ibly|"
                     r"ful|less|ship|ships|ure|ures|ial|ical|ically|ic|ics|ory|ary|age|ages|"
                     r"ate|ated|ates|ating|ator|ators|ative|atives|ility|ibility|ability|"
                     r"ular|ology|ologies|ological|ant|ants|ent|ents|ward|wards)")


def vocabulary(lines: list[str]) -> set[str]:
    """Lower-case words printed whole in ``lines`` (not the halves of a line-end break)."""
    words: set[str] = set()
    broken = False
    for t in lines:
        toks = re.findall(r"[A-Za-z]+", t)
        if not toks:
            broken = False
            continue
        start = 1 if broken else 0
        ends = t.rstrip()[-1:] in _HYPHENS
        stop = len(toks) - 1 if ends else len(toks)
        words.update(w.lower() for w in toks[start:stop])
        broken = ends
    return words


def _compound(word: str, rest: str, words: set[str]) -> bool:
    """Is ``word-`` + ``rest`` a hyphenated compound, judged by the document's words?"""
    m = re.match(r"[A-Za-z]+", rest)
    second = m.group(0).lower() if m else ""
    if (word + second) in words or len(second) < 4 or _SUFFIX.fullmatch(second):
        return False
    return len(word) >= 3 and word in words


def join2(a: str, b: str, words: set[str] | None = None) -> str:
    """``a`` followed by the next printed line ``b``.

    ``words`` (the document's :func:`vocabulary`) lets a hyphen at the line end stay
    when it joins two words the document uses on their own (``privacy-`` +
    ``preserving``) and the joined form is not printed whole anywhere."""
    if not a:
        return b
    last, first = a[-1], b[0]
    if last == "\u00ad":
        return a[:-1] + b
    tail = a.rsplit(None, 1)[-1]
    bracketed = re.search(r"<(?:https?://|www\.)[^>\s]*$", a) is not None
    if bracketed or (("://" in tail or tail.startswith("www.")) and ">" not in tail
                     and not tail.endswith((".", ",", ";", ")")) and not _word_after_url(b)):
        # a URL broken across lines keeps every character and adds none (one in <…>
        # runs to its closing bracket whatever the break looks like)
        return a + b
    if last in _HYPHENS and len(a) >= 2 and a[-2].isalpha() and first.isalpha():
        m = re.search(r"([A-Za-z]+)[-\u2010]$", a)
        word = m.group(1).lower() if m else ""
        if first.islower() and word not in _PREFIX_KEEP:
            if words is not None and _compound(word, b, words):
                return a + b
            return a[:-1] + b
        return a + b
    if last in "-/\u2010" and first.isalnum() and not is_cjk(first):
        return a + b  # URLs and ranges broken after a slash or hyphen
    if is_cjk(last) or is_cjk(first):
        if (is_cjk(last) and is_cjk(first)) or _cjk_punct(last) or _cjk_punct(first):
            return a + b
        # CJK next to Latin: Chinese typesetting leaves a visual gap, not a character
        return a + b if (is_cjk(last) and not first.isalnum()) else a + " " + b
    if re.search(r"(https?://|www\.)\S*$", a) and not re.match(r"[A-Z]", first) \
            and len(a.rsplit(None, 1)[-1]) > 12 and last not in ".,;" and not _word_after_url(b):
        return a + b  # a URL broken across lines
    return a + " " + b


def _word_after_url(b: str) -> bool:
    """Does the next line open with prose rather than the rest of a URL: a word followed
    by a space that holds none of a URL's characters ("accessed 17 September")?"""
    m = re.match(r"([A-Za-z]+)(\s|$)", b)
    return bool(m) and len(m.group(1)) > 2 and b[:m.end(1)].islower()


def _cjk_punct(c: str) -> bool:
    o = ord(c)
    return 0x3000 <= o <= 0x303F or 0xFF00 <= o <= 0xFF65
