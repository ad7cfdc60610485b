"""Joining printed lines back into running text.

Chinese lines join without a space, English lines with one. A hyphen at a line's end is
decided by the words, never by the break alone: it goes when the joined word is a word —
printed whole in this document, or in the English word list of a kept package
(pyspellchecker) — and stays when the document prints the compound with its hyphen
elsewhere (``proof-of-work``) or prints its first half only with a hyphen (``multi-domain``
keeps ``multi-`` + ``level``), or the halves are words and their join is none
(``peer-`` + ``to-peer``). A break no word list knows either way is a break.

A line that breaks inside a word with no hyphen at all is a property of the document, not
of one line: Word, WPS and LibreOffice apply Chinese line breaking to Latin text in a
Chinese paragraph and cut words anywhere (``avoide`` | ``d``, ``20`` | ``23``). Where a
document shows it does so (:func:`breaks_words`, measured on its own lines), each such break
is read as the more probable segmentation — the document's own usage first, then the word
frequencies of the kept word list (:func:`_one_word`); elsewhere only the unmistakable cases
are joined (:func:`_broken_word`).
"""

from __future__ import annotations

import math
import re
from collections import Counter

from .lines import between_scripts, is_cjk
# the word list has a module of its own: the spaCy helper reads it without the line builder
from .wordlist import (WORD_LIST, SortedWords, _dictionary, _frequencies,  # noqa: F401
                       _parse_word_list, _word_list_bytes, cached_words, is_word)

_HYPHENS = "-\u00ad\u2010"
#: A line whose last word is a URL of more than this many characters was broken
#: inside the URL, and the next line continues it without a space.
URL_MIN_CHARS = 12


def join(parts: list[str]) -> str:
    out = ""
    for p in parts:
        p = p.strip()
        if not p:
            continue
        out = join2(out, p) if out else p
    return out


class Lexicon(set):
    """A document's words (lower case, printed whole) and the hyphenated compounds it
    prints inside its lines (pairs of halves: ``("proof", "of")``)."""

    compounds: set[tuple[str, str]]
    solo: set[str]

    def __init__(self, words: set[str] | None = None) -> None:
        super().__init__(words or ())
        self.compounds = set()
        self.solo = set()  # words printed on their own, not as half of a compound
        self.inner: set[str] = set()  # words printed inside a line, never at its ends
        self.counts: Counter[str] = Counter()  # how often each word is printed inside a line
        self.pairs: Counter[tuple[str, str]] = Counter()  # two words printed "a b" inside a line
        #: the document breaks Latin words at line ends without a hyphen (:func:`breaks_words`)
        self.breaks_words = False
        #: a line break between Chinese and Latin text adds no space: the document's
        #: spaces there are the typesetter's autospace and its source types none
        #: (:func:`~.lines.drop_autospace`)
        self.autospace = False
        #: URLs the document gives whole: its link annotations' URIs and the URLs printed
        #: inside a line (:func:`_break_hyphen`)
        self.urls: set[str] = set()

    @property
    def prefixes(self) -> set[str]:
        """First halves this document prints only with a hyphen (``multi-`` of
        ``multi-domain``): its own spelling convention for that prefix."""
        return {a for a, _ in self.compounds if a not in self.solo}


_WORD = re.compile(r"[A-Za-z]+")
_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_COMPOUND = re.compile(r"([A-Za-z]+)[-\u2010]([A-Za-z]+)")
_SOLO = re.compile(r"(?<![-\u2010A-Za-z])[A-Za-z]+(?![-\u2010A-Za-z])")


def vocabulary(lines: list[str]) -> Lexicon:
    """Lower-case words printed whole in ``lines`` (not the halves of a line-end break),
    and the hyphenated compounds printed inside a line."""
    words = Lexicon()
    broken = False
    lower = str.lower
    for t in lines:
        toks = _WORD.findall(t)
        if not toks:
            broken = False
            continue
        start = 1 if broken else 0
        ends = t.rstrip()[-1:] in _HYPHENS
        stop = len(toks) - 1 if ends else len(toks)
        words.update(map(lower, toks[start:stop]))
        body = t.rstrip()[:-1] if ends else t
        for m in _COMPOUND.finditer(body):
            words.compounds.add((m.group(1).lower(), m.group(2).lower()))
        words.solo.update(map(lower, _SOLO.findall(t)))
        words.inner.update(map(lower, toks[1:-1]))
        # counted only where printed whole: not touching the line's ends, where the
        # fragments of a break stand (in Chinese text a line often holds one Latin word).
        # The stripped line has the same words; its first touches the start when the line
        # begins with a letter, its last the end when it ends with one
        line = t.strip()
        first = 1 if line[:1] in _LETTERS else 0
        last = len(toks) - 1 if line[-1:] in _LETTERS else len(toks)
        words.counts.update(map(lower, toks[first:last]))
        words.pairs.update((m.group(1).lower(), m.group(2).lower()) for m in _PAIR.finditer(line)
                           if 0 < m.start() and m.end() + len(m.group(2)) < len(line))
        broken = ends
        if "://" in line or "www." in line:
            # a URL at the line's end may go on on the next line: only inner ones are whole
            words.urls.update(url_key(m.group(0)) for m in _URL.finditer(line)
                              if m.end() < len(line))
    words.breaks_words = breaks_words(lines, words)
    return words


_PAIR = re.compile(r"(?<![A-Za-z])([A-Za-z]+) (?=([A-Za-z]+)(?![A-Za-z]))")

#: A document breaks words anywhere when at least this share of its line ends between two
#: letters are unmistakably inside a word (:func:`_broken_word`: halves no words, their
#: join one). Measured: 0 of 4,400 such line ends on 64 PDFs of 12 producers set with Latin
#: line breaking (23 shared, 22 devset, 6 real pairs, the Typst corpus, LibreOffice English);
#: 0.72 and 0.36 on the two LibreOffice documents with Chinese line breaking. A tenth sits
#: far from both.
WORD_BREAK_SHARE = 0.1
#: ... and at least this many, so that one odd line (a name the word list joins) never
#: decides for a whole document.
WORD_BREAK_MIN = 2


def breaks_words(lines: list[str], words: set[str]) -> bool:
    """Does this document break Latin words at line ends without a hyphen? Read from its
    consecutive lines, over the line ends that fall between two letters."""
    between = found = 0
    for a, b in zip(lines, lines[1:]):
        a, b = a.strip(), b.strip()
        if a[-1:].isascii() and a[-1:].isalpha() and b[:1].isascii() and b[:1].isalpha():
            between += 1
            found += _broken_word(a, b, words)
    return found >= WORD_BREAK_MIN and found >= WORD_BREAK_SHARE * between



def hyphen_stays(first: str, second: str, words: set[str] | None) -> bool:
    """Is ``first-`` at a line's end + ``second…`` a compound whose hyphen is printed?"""
    joined = first + second
    if words is not None and joined in words:
        return False  # the document prints the word whole
    if isinstance(words, Lexicon) and (first, second) in words.compounds:
        return True  # ... or prints the compound with its hyphen
    if isinstance(words, Lexicon) and first in words.prefixes and is_word(second, words):
        return True  # ... or hyphenates this prefix wherever it prints it (multi-domain)
    if joined in _dictionary():
        return False
    return is_word(first, words) and is_word(second, words)


def _capitals_whole(first: str, second: str, words: set[str] | None) -> bool:
    """Is ``FIRST-`` at a line's end + ``SECOND…``, both in capitals, a word in capitals
    the typesetter hyphenated (FOP breaks identifiers: ``PRET-`` / ``TY_NAME``)? The
    document prints the word whole elsewhere (``PRETTY_NAME``) and never the compound with
    its hyphen; a compound of capitals it prints so (``X-RAY``) or does not print whole
    (``A-Z``) keeps its hyphen."""
    if not (first.isupper() and second.isupper()) or not isinstance(words, Lexicon):
        return False
    if (first.lower(), second.lower()) in words.compounds:
        return False
    if (first + second).lower() in words:
        return True
    # a word of the language set in capitals (a licence's disclaimer: "SPE-" / "CIAL"), read
    # as its lower-case letters are: the word list decides, as for a word in lower case
    return min(len(first), len(second)) >= CAPITALS_PART and not hyphen_stays(
        first.lower(), second.lower(), words)


#: A capitals word broken at a hyphen is taken for one word only when both halves have at
#: least this many letters ("X-RAY", "A-Z" keep theirs).
CAPITALS_PART = 2


def _end(a: str) -> str:
    """The end of ``a`` that a pattern anchored at the end (``$``) without whitespace in
    it can match: the last token, with the whitespace before it (a ``[^\\w]`` there). A
    paragraph grows line by line; searching its whole text at every join made joining
    quadratic in the paragraph's length."""
    if not a or a[-1].isspace():
        return a  # ``$`` also matches before a final newline: no shortcut
    t = a.rsplit(None, 1)[-1]
    return a[len(a) - len(t) - 1:] if len(t) < len(a) else a


def join2(a: str, b: str, words: set[str] | None = None) -> str:
    """``a`` followed by the next printed line ``b``.

    ``words`` (the document's :func:`vocabulary`) decides a hyphen at the line's end
    with the word list (:func:`hyphen_stays`)."""
    if not a:
        return b
    last, first = a[-1], b[0]
    if last == "\u00ad":
        return a[:-1] + b
    tail = a.rsplit(None, 1)[-1]
    end = _end(a)
    bracketed = re.search(r"<(?:https?://|www\.)[^>\s]*$", end) is not None
    url = ("://" in tail or tail.startswith("www.")) and ">" not in tail
    if url and last in _HYPHENS and _break_hyphen(tail, b, words):
        return a[:-1] + b
    if bracketed or (url and not tail.endswith((".", ",", ";", ")")) and not _word_after_url(b)) \
            or (url and tail.endswith(".") and _URL_REST.match(b)) \
            or (_SCHEME_END.search(tail) and b.startswith("//")):
        # a URL broken across lines keeps every character and adds none (one in <…>
        # runs to its closing bracket whatever the break looks like; one broken after a
        # dot goes on with the rest of a host name or a path, "http:" with "//")
        return a + b
    if last in _HYPHENS and len(a) >= 2 and a[-2].isalpha() and first.isalpha():
        m = re.search(r"([A-Za-z]+)[-\u2010]$", end)
        n = re.match(r"[A-Za-z]+", b)
        if first.islower() and m and n and not hyphen_stays(m.group(1).lower(),
                                                            n.group(0).lower(), words):
            return a[:-1] + b
        if m and n and _capitals_whole(m.group(1), n.group(0), words):
            return a[:-1] + b
        return a + b
    if last in "-/\u2010" and first.isalnum() and not is_cjk(first) \
            and not (url and _word_after_url(b)):
        return a + b  # URLs and ranges broken after a slash or hyphen (not a URL's end)
    scheme = _SCHEME_CUT.search(a)
    if scheme and re.match(r"(?:https?://|www\.)", scheme.group(1) + b):
        return a + b  # <h|ttps://…>: a URL in angle brackets has no space in it (RFC 3986, C)
    if getattr(words, "breaks_words", False) and _digits_broken(a, b):
        return a + b
    if is_cjk(last) or is_cjk(first):
        if (is_cjk(last) and is_cjk(first)) or _cjk_punct(last) or _cjk_punct(first):
            return a + b
        # CJK next to Latin: Chinese typesetting leaves a visual gap, not a character
        if (is_cjk(last) and not first.isalnum()) or (
                getattr(words, "autospace", False) and between_scripts(last, first)):
            return a + b
        return a + " " + b
    if _broken_word(a, b, words) or (getattr(words, "breaks_words", False)
                                     and _one_word(a, b, words)):
        return a + b
    if re.search(r"(https?://|www\.)\S*$", end) and not re.match(r"[A-Z]", first) \
            and len(a.rsplit(None, 1)[-1]) > URL_MIN_CHARS and last not in ".,;" \
            and not _word_after_url(b):
        return a + b  # a URL broken across lines
    return a + " " + b


#: tails this short are checked against the document's own words only
SHORT_TAIL = 2


def _broken_word(a: str, b: str, words: set[str] | None) -> bool:
    """Did the line break inside a word without a hyphen (CJK line breaking applied to
    Latin text, as Word, WPS and LibreOffice do in Chinese paragraphs: ``ethi`` | ``cs``)?

    Only when the words say so: the next line opens with a fragment that is no word, the
    two halves joined are a word, and the case runs on (``GENER`` | ``ATIVE``,
    ``I`` | ``ntelligence``), so a sentence, a name or an abbreviation never fuses."""
    # whole runs of letters (é counts: the word list is English, French fragments are
    # not its business)
    m = re.search(r"(?:^|[^\w])([A-Za-z]+)$", _end(a))
    n = re.match(r"([A-Za-z]+)(?![^\W\d_])", b)
    if not (m and n):
        return False
    head, tail = m.group(1), n.group(1)
    if not (tail.islower() or (head.isupper() and tail.isupper() and len(head) > 1)):
        return False
    joined, tail = (head + tail).lower(), tail.lower()
    # a word list holds every two-letter abbreviation (cs, ts): a short tail is a word
    # only when the document prints it as one inside a line (a line's first and last
    # tokens may be the very fragments in question)
    inner = getattr(words, "inner", None)
    printed = tail in inner if inner is not None else tail in _dictionary()
    if printed or (len(tail) > SHORT_TAIL and tail in _dictionary()):
        return False
    return (words is not None and joined in words) or joined in _dictionary()


#: ``<`` and the start of a URL's scheme at a line's end (``<h``, ``<http``, ``<https:/``):
#: at most one character short of ``https://``
_SCHEME_CUT = re.compile(r"<([A-Za-z:/.]{1,%d})$" % (len("https://") - 1))
_HEAD = re.compile(r"(?<![A-Za-z\u00c0-\u024f])[A-Za-z]+$")
_TAIL = re.compile(r"[A-Za-z]+(?![A-Za-z\u00c0-\u024f])")


def _one_word(a: str, b: str, words: Lexicon) -> bool:
    """In a document that breaks words anywhere: is ``a``'s last run of letters and ``b``'s
    first one word rather than two (``avoide|d``, ``dam|age``, ``Open|AI``)?

    The document's own usage decides first: it prints the joined word inside its lines more
    often than the two words side by side (``forward`` against ``for ward``; ``may be``
    against ``maybe``). Otherwise the more probable segmentation under the word list's
    frequencies, an unknown word scored as Norvig's segmenter does (Beautiful Data, 2009,
    ch. 14): a probability falling tenfold with each letter, so that a long unknown word is
    less probable than two known ones and more probable than a known one plus a fragment.
    Letter case speaks before the frequencies: a capital abbreviation followed by two
    lower-case letters is two words (a plural ``API|s`` is still one)."""
    m, n = _HEAD.search(a), _TAIL.match(b)
    if not (m and n):
        return False
    head, tail = m.group(0).lower(), n.group(0).lower()
    joined = head + tail
    together, apart = words.counts[joined], words.pairs[(head, tail)]
    if together != apart:
        return together > apart
    if len(m.group(0)) > 1 and m.group(0).isupper() and n.group(0)[:2].islower():
        return False  # an abbreviation does not run on into a lower-case word (IBM watsonx)
    return _log_p(joined) > _log_p(head) + _log_p(tail)


#: Norvig's model of a word the list does not hold: probability UNKNOWN_WORD_MASS / total
#: words, divided by UNKNOWN_LETTER_FACTOR for each of its letters (Beautiful Data, ch. 14,
#: where both are 10): long unknown strings are rarely words.
UNKNOWN_WORD_MASS = 10
UNKNOWN_LETTER_FACTOR = 10


def _log_p(w: str) -> float:
    freq, total = _frequencies()
    f = freq.get(w)
    if f:
        return math.log(f / total)
    return math.log(UNKNOWN_WORD_MASS / total) - len(w) * math.log(UNKNOWN_LETTER_FACTOR)


def _digits_broken(a: str, b: str) -> bool:
    """A number cut at a line's end (``20`` | ``23``, ``3.`` | ``0``): two numbers side by
    side with only a space between them are rarer than a break inside one."""
    first = b[:1]
    return first.isdigit() and (a[-1].isdigit() or (a[-1] == "." and a[-2:-1].isdigit()))


#: the rest of a URL broken after a dot: a lower-case host name part that a path or another
#: part of the host name follows ("sourceforge.net/gallery", "org/tex-archive"); a word
#: after a sentence's full stop has neither, an abbreviation ("e.g.") a one-letter part
_URL_REST = re.compile(r"[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*(?:/|\.[a-z]{2,}\b)")
#: a URL's scheme ending a line, its "//" on the next
_SCHEME_END = re.compile(r"(?:^|[^A-Za-z])(?:https?|ftp):$")


_URL = re.compile(r"(?:https?://|ftp://|www\.)[^\s<>()\[\]{}\"'\u3000-\u303f\uff00-\uffef]+")
#: the next line's part of a URL broken at a line end
_URL_REST_CHARS = re.compile(r"[^\s<>()\[\]{}\"'\u3000-\u303f\uff00-\uffef]+")


def url_key(u: str) -> str:
    """A URL as compared: without its scheme and ``www.``, the punctuation a sentence puts
    after it, and a final slash."""
    u = re.sub(r"^(?:[a-z]+://)?(?:www\.)?", "", u.rstrip(".,;:!?"), flags=re.I)
    return u.rstrip("/")


def _break_hyphen(tail: str, b: str, words: set[str] | None) -> bool:
    """Is the hyphen ending ``tail``, a URL broken at a line's end, the typesetter's break
    mark rather than part of the URL? Some typesetters (DBLaTeX's URL breaking) hyphenate a
    URL where they break it, after a slash or a dot, and the URL itself has no hyphen there.
    Only the document can tell: a URL it gives whole elsewhere (a link annotation's URI,
    the same URL printed inside a line) reads on without the hyphen and not with it."""
    urls = getattr(words, "urls", None)
    m = _URL.search(tail)
    n = _URL_REST_CHARS.match(b)
    if not (urls and m and n) or m.end() != len(tail):
        return False
    head = m.group(0)[:-1]
    cut = url_key(head + n.group(0))
    kept = url_key(head + "-" + n.group(0))
    return any(u.startswith(cut) for u in urls) and not any(u.startswith(kept) for u in urls)


def _word_after_url(b: str) -> bool:
    """Does the next line open with prose rather than the rest of a URL: a word followed
    by a space that holds none of a URL's characters ("accessed 17 September")?"""
    m = re.match(r"([A-Za-z]+)(\s|$)", b)
    return bool(m) and len(m.group(1)) > 2 and b[:m.end(1)].islower()


def _cjk_punct(c: str) -> bool:
    o = ord(c)
    return 0x3000 <= o <= 0x303F or 0xFF00 <= o <= 0xFF65
