"""Regular expressions compiled once per character class, not once per occurrence.

Python compiles a pattern in Python code (``re._parser``, ``re._compiler``), and most of
that time goes to character classes outside Latin-1: for every class, ``[\\u3400-\\u9fff]``
or ``[A-ZÀ-ÖØ-ÞĀ-Ž]``, ``re._compiler._optimize_charset`` marks each of its characters in
a 65,536-entry map, one Python loop step per character (27,000 for the CJK block, twice
as many calls under ``re.I``), and then slices the map into 256 chunks. Our patterns
repeat a few such classes hundreds of times: the citation grammar
(:mod:`pariter.extract.citations`) builds its author patterns from a name that holds
two CJK and two upper-case classes, repeated per author and per shape, and compiled at
its import it took 0.35 s of CPU, two thirds of it in that one function (3,000 calls,
230 distinct classes).

:func:`compile_classes_once` puts a memo in front of that function: a character class
already optimised (the same items, under the same case folding) is answered from a
table. The function is pure — its result depends on its arguments alone — and its
callers only read what it returns, so every compiled pattern is the same as before:
equal as :class:`re.Pattern` objects, which compares their compiled code
(``tests/test_patterns.py``). The citation grammar's import drops to 0.12 s of CPU.

Like :func:`pariter.coldstart.start_fast`, which calls it, it changes how this process
works, not what it computes, so the command line installs it for its own processes;
a library user's process is left as it is unless it calls it too. Where the compiler
has no such function (another Python), nothing is installed and patterns compile as
ever.

Below the memo, :func:`compile_from_cache` keeps each pattern's compiled code between
processes, so that a process that imports the same modules again builds their patterns
without compiling them at all (see the notes there).
"""

from __future__ import annotations

from typing import Any, Callable

#: the compiler's own function, kept by the memo installed in front of it
_ORIGINAL: Callable[..., Any] | None = None


def _memoized(optimize: Callable[..., Any]) -> Callable[..., Any]:
    table: dict[tuple[Any, ...], tuple[tuple[Any, ...], Any]] = {}

    def optimize_charset(charset, iscased=None, fixup=None, fixes=None):  # noqa: ANN001, ANN202
        # the items (opcode, argument) are hashable; the folding functions and the table
        # of case fixes are the compiler's own module-level objects, named by identity
        key = (tuple(charset), iscased, fixup, id(fixes) if fixes is not None else None)
        try:
            hit = table.get(key)
        except TypeError:  # an item this compiler makes unhashable: no memo for it
            return optimize(charset, iscased, fixup, fixes)
        if hit is None:
            out, hascased = optimize(charset, iscased, fixup, fixes)
            hit = table[key] = (tuple(out), hascased)
        return list(hit[0]), hit[1]

    optimize_charset.__wrapped__ = optimize  # type: ignore[attr-defined]
    return optimize_charset


def compile_classes_once() -> bool:
    """Install the memo (once). True when it is in place."""
    global _ORIGINAL
    try:
        from re import _compiler
    except ImportError:  # pragma: no cover - a Python without re._compiler
        return False
    if _ORIGINAL is not None:
        return True
    optimize = getattr(_compiler, "_optimize_charset", None)
    if optimize is None:  # pragma: no cover - a compiler that works otherwise
        return False
    _ORIGINAL = optimize
    _compiler._optimize_charset = _memoized(optimize)
    return True


def compile_classes_each_time() -> None:
    """Remove the memo again (tests compare patterns compiled both ways)."""
    global _ORIGINAL
    if _ORIGINAL is not None:
        from re import _compiler

        _compiler._optimize_charset = _ORIGINAL
        _ORIGINAL = None


# -- compiled code kept between processes ------------------------------------------------------
#
# The memo above is per process: a cold ``pariter extract`` still parses and compiles
# every pattern it imports (188 in the main process, 127 in the spaCy helper: 0.10-0.12 s
# and 0.05 s of CPU, the main process's largest cost after its page work). What the
# compiler makes of a pattern is plain data, decided by the pattern's text and flags and
# by the Python that compiles it: the flags it ends with, its code (a list of integers),
# its groups. ``_sre.compile`` builds the pattern object from exactly these, and checks
# the code as it does (malformed code is an error, not a pattern). So the data is kept in
# a file in the cache (:func:`pariter.io.cache_dir`), named by everything the code depends
# on (the Python build, the engine's version and code word size), like the bytecode Python
# keeps of modules; a process reads it once (287 patterns: about 1 MB, 1 ms), builds a
# pattern it finds there without parsing or compiling, and adds what it compiled itself
# when it ends (:func:`save_compiled`). A damaged file (checksum) is ignored and made again.
#
# Not kept: patterns whose compiling warned (a FutureWarning of a possible nested set, a
# DeprecationWarning): served from the file they would no longer warn. re.DEBUG patterns
# (they print their code) and already-parsed ones (``re.Scanner``) go to the compiler as
# ever.

#: a file that would grow past this is written with only what the process writing it
#: used. The bound is for patterns that differ from run to run: spaCy joins its
#: emoticons from a set, in an order that changes with every process's string hashing,
#: so each helper adds one such pattern (3 KB); what one cold extract uses is 0.9 MB
MAX_BYTES = 3 << 20
_MAGIC = b"pariter-re 1\n"

_COMPILE: Callable[..., Any] | None = None  # the compiler's own compile, while ours is in
_KEPT: dict[tuple[Any, int], tuple[Any, ...]] = {}  # read from the file
_NEW: dict[tuple[Any, int], tuple[Any, ...]] = {}  # compiled here, not in the file
_USED: set[tuple[Any, int]] = set()
_OWNER = 0  # the process that installed it: the only one that writes


def _cache_file() -> Any:
    import _sre
    import sys
    import zlib

    from pariter.io import cache_dir

    build = f"{sys.version}|{_sre.MAGIC}|{_sre.CODESIZE}|{sys.maxunicode}"
    return cache_dir() / f"re-{sys.implementation.cache_tag}-{zlib.crc32(build.encode()):08x}.bin"


def _read_kept() -> dict[tuple[Any, int], tuple[Any, ...]]:
    from pariter.keptfile import read_table

    return read_table(_cache_file(), _MAGIC)


def _cached_compile(compile_: Callable[..., Any]) -> Callable[..., Any]:
    import _sre
    from array import array

    from re import _compiler, _parser

    word = "I" if array("I").itemsize == _sre.CODESIZE else "L"
    debug = _compiler.SRE_FLAG_DEBUG

    def compile(p, flags=0):  # noqa: ANN001, ANN202 - re._compiler.compile's signature
        if type(p) not in (str, bytes) or flags & debug:  # subclasses as ever
            return compile_(p, flags)
        key = (p, int(flags))  # a RegexFlag when called directly: kept as the int it is
        hit = _KEPT.get(key) or _NEW.get(key)
        if hit is not None:
            _USED.add(key)
            final, code, groups, groupindex, indexgroup = hit
            return _sre.compile(p, final, array(word, code).tolist(), groups, dict(groupindex),
                                indexgroup)
        pattern = compile_(p, flags)  # the compiler's own, warnings and errors as ever
        try:
            _keep(key, p, flags, pattern)
        except Exception:  # noqa: BLE001 - keeping is a saving, never a new error
            pass
        return pattern

    def _keep(key, p, flags, pattern):  # noqa: ANN001, ANN202
        """Keep what ``_sre.compile`` is handed for ``pattern``, made again as
        ``re._compiler.compile`` makes it, and only if a pattern built from it equals the
        compiler's own (same text, flags, code and groups) and nothing warned."""
        import warnings

        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            tree = _parser.parse(p, flags)
            code = _compiler._code(tree, flags)
        if caught:
            return
        groupindex = dict(tree.state.groupdict)
        indexgroup = [None] * tree.state.groups
        for k, i in groupindex.items():
            indexgroup[i] = k
        final, groups = flags | tree.state.flags, tree.state.groups - 1
        again = _sre.compile(p, final, [int(c) for c in code], groups, dict(groupindex),
                             tuple(indexgroup))
        if again == pattern and again.groups == pattern.groups \
                and dict(again.groupindex) == dict(pattern.groupindex):
            _NEW[key] = (int(final), array(word, code).tobytes(), groups, groupindex,
                         tuple(indexgroup))
            _USED.add(key)

    compile.__wrapped__ = compile_  # type: ignore[attr-defined]
    return compile


def compile_from_cache() -> bool:
    """Install the kept code (once): patterns are built from it where it has them, and
    what is compiled anew is kept by :func:`save_compiled`. True when in place."""
    global _COMPILE, _KEPT, _OWNER
    try:
        from re import _compiler, _parser  # noqa: F401
        import _sre  # noqa: F401
    except ImportError:  # pragma: no cover - a Python without them
        return False
    if _COMPILE is not None:
        import os

        _OWNER = os.getpid()  # a forked process that asks writes what it adds itself
        return True
    if not all(hasattr(_compiler, n) for n in ("compile", "_code", "SRE_FLAG_DEBUG")):
        return False  # pragma: no cover - a compiler that works otherwise
    import os

    _KEPT = _read_kept()
    _NEW.clear()
    _USED.clear()
    _OWNER = os.getpid()
    _COMPILE = _compiler.compile
    _compiler.compile = _cached_compile(_COMPILE)
    return True


def save_compiled() -> None:
    """Add what this process compiled to the file (merged with what other processes added
    meanwhile; written whole and renamed over it). Only the process that installed the
    cache writes; a cache that cannot be written is no error."""
    import os

    from pariter.keptfile import write_table

    if _COMPILE is None or not _NEW or os.getpid() != _OWNER:
        return
    if not write_table(_cache_file(), _MAGIC, _NEW, _USED, MAX_BYTES):
        return  # unwritable, or an entry marshal cannot hold
    _KEPT.update(_NEW)
    _NEW.clear()


def compile_without_cache() -> None:
    """Remove the cached compile again (tests compare patterns compiled both ways)."""
    global _COMPILE
    if _COMPILE is not None:
        from re import _compiler

        _compiler.compile = _COMPILE
        _COMPILE = None
