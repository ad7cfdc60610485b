"""The English word list (pyspellchecker's) that decides line-end hyphens and sentence ends.

Its own module, importing only the standard library and :mod:`pariter.io`, because two
kinds of process ask it: extraction (:mod:`.textjoin`, :mod:`.cidwords`) and ``pariter
extract``'s spaCy helper (:func:`pariter.align.segment._is_word`), which reads it while
the document is still being read. Reached through :mod:`.textjoin`, the helper imported
the line builder with it (:mod:`.lines`, :mod:`.chars`, :mod:`.gutters` and
:mod:`statistics`): 0.02-0.03 s of its CPU for a list it then read in 0.02 s.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from functools import lru_cache
from typing import Callable, Iterable, Iterator

#: pyspellchecker's English word list: ``{word: count}`` as JSON, gzipped, in its package
WORD_LIST = ("spellchecker", "resources/en.json.gz")


def _parse_word_list(raw: bytes) -> dict[str, int]:
    """The word counts of :data:`WORD_LIST`'s bytes, as pyspellchecker's loader reads them."""
    import gzip
    import json

    return json.loads(gzip.decompress(raw).decode("utf-8"))


@lru_cache(maxsize=1)
def _word_list_bytes() -> bytes:
    """The list's file, read through its package's loader as :func:`pkgutil.get_data`
    reads it, but without importing the package: pyspellchecker's ``__init__`` loads its
    ``SpellChecker`` (3 ms of CPU in every process that reads the list, for nothing)."""
    import importlib.util
    import os

    package, resource = WORD_LIST
    spec = importlib.util.find_spec(package)
    loader = spec.loader if spec is not None else None
    if spec is None or spec.origin is None or not hasattr(loader, "get_data"):
        # pragma: no cover - not installed, or a package loader that cannot read data files
        raise FileNotFoundError(f"{package}: {resource}")
    return loader.get_data(os.path.join(os.path.dirname(spec.origin), *resource.split("/")))


@lru_cache(maxsize=1)
def _frequencies() -> tuple[dict[str, int], int]:
    """pyspellchecker's English word frequencies and their total (a dependency; loaded once).

    Its case-insensitive dictionary, as ``SpellChecker(language="en")`` builds it
    (``WordFrequency.load_json``): words lower-cased, the counts of words that differ only
    in case summed. Read here rather than through a ``SpellChecker``, which also computes
    what spelling correction needs (the letters of all 160,000 words, the longest word):
    the same words and counts (a test compares them) in two thirds of the time."""
    data = _parse_word_list(_word_list_bytes())
    lowered = {w.lower(): n for w, n in data.items()}
    if len(lowered) != len(data):
        merged: Counter[str] = Counter()
        for w, n in data.items():
            merged[w.lower()] += n
        lowered = dict(merged)
    return lowered, sum(lowered.values())


#: a cached word set's file name: what it holds, and the hash of the list it was made from
_WORDS_FILE = "{name}-en-{key}.txt"


class SortedWords:
    """A sorted list of distinct words, asked for membership by bisection.

    Not a set: hashing the list's 160,572 words into one cost 0.02 s of CPU in every
    process that reads a document (a cold ``pariter extract``, each page reader that
    meets a line-end hyphen), twice what reading them takes, for the few hundred
    look-ups a document makes (798 for an 8-page paper); a look-up by bisection costs a
    microsecond or two."""

    __slots__ = ("_words",)

    def __init__(self, words: list[str]) -> None:
        self._words = words  # sorted, no repeats

    def __contains__(self, w: object) -> bool:
        words = self._words
        i = bisect_left(words, w)
        return i < len(words) and words[i] == w

    def __iter__(self) -> Iterator[str]:
        return iter(self._words)

    def __len__(self) -> int:
        return len(self._words)


@lru_cache(maxsize=1)
def _dictionary() -> SortedWords:
    """English words of pyspellchecker's frequency list (lower-cased, as it keeps them).

    Nearly every English document asks (a line end between two letters), and parsing
    the list's 2.5 MB of JSON is a tenth of a second of every cold ``pariter extract``.
    So the words are kept, once made, as plain text in :func:`pariter.io.cache_dir`,
    one a line, sorted: read back in a third of the time, and asked as they are read,
    in their order (:class:`SortedWords`). The file is named by the hash of the list it
    was made from (a new pyspellchecker makes a new file) and its first line is the hash
    of the rest (a damaged file is made again). Where the cache cannot be written the
    words come from the list each time; either way they are the same."""
    return cached_words("words", lambda freq: freq)


def cached_words(name: str, select: Callable[[dict[str, int]], Iterable[str]]) -> SortedWords:
    """The words ``select`` takes from :func:`_frequencies`, kept in the cache as
    :func:`_dictionary` explains, in a file called ``name`` (and the list's hash)."""
    import hashlib

    from pariter.io import atomic_write_text, cache_dir

    raw = _word_list_bytes()
    path = cache_dir() / _WORDS_FILE.format(name=name, key=hashlib.sha256(raw).hexdigest()[:16])
    try:
        check, _, body = path.read_text(encoding="utf-8").partition("\n")
        if check == hashlib.sha256(body.encode("utf-8")).hexdigest():
            return SortedWords(body.split("\n") if body else [])  # written sorted, below
    except (OSError, UnicodeDecodeError):
        pass
    words = sorted(set(select(_frequencies()[0])))
    body = "\n".join(words)
    try:
        atomic_write_text(path, hashlib.sha256(body.encode("utf-8")).hexdigest() + "\n" + body)
    except OSError:
        pass  # a read-only home: no cache, same words
    return SortedWords(words)


def is_word(w: str, words: set[str] | None) -> bool:
    return bool(w) and ((words is not None and w in words) or w in _dictionary())
