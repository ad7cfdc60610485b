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
