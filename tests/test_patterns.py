"""pariter.patterns: with the character-class memo, every pattern compiles to the same code."""

from __future__ import annotations

import importlib
import pkgutil
import re
from re import _compiler

import pytest

import pariter.extract
from pariter.patterns import compile_classes_each_time, compile_classes_once


def _our_patterns() -> list[tuple[str | bytes, int]]:
    """Every compiled pattern our extraction and alignment modules keep at module level."""
    found: dict[tuple[str | bytes, int], None] = {}
    for package in ("pariter.extract", "pariter.align", "pariter.export"):
        pkg = importlib.import_module(package)
        for info in pkgutil.iter_modules(pkg.__path__):
            if info.name in ("bench",):
                continue
            mod = importlib.import_module(f"{package}.{info.name}")
            for value in vars(mod).values():
                if isinstance(value, re.Pattern):
                    found[(value.pattern, value.flags)] = None
    return list(found)


#: classes the compiler treats in its other ways: folded (re.I) outside Latin-1, negated,
#: with categories, beyond the BMP, bytes and locale-dependent bytes
EDGE_CASES: list[tuple[str | bytes, int]] = [
    (r"[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’-]*", re.I),
    (r"[^\u3400-\u9fff\s]+", 0),
    (r"[\u3400-\u9fff\U00020000-\U0002ffff]{2,4}", 0),
    (r"[\U00010400-\U0001044f]", re.I),
    (r"[İıſK]+[a-z]", re.I),
    (r"[\d\W_]", re.I),
    (rb"[a-z\x80-\xff]+", re.I),
    (rb"[a-z]+", re.I | re.L),
    (r"(?i:[a-zß])(?-i:[A-Z])", 0),
]


def _compiled(pattern: str | bytes, flags: int) -> re.Pattern:
    # the compiler itself, past re's own cache of patterns
    return _compiler.compile(pattern, flags)


def test_memo_compiles_the_same_code() -> None:
    patterns = _our_patterns() + EDGE_CASES
    assert len(patterns) > 100  # the citation grammar's alone are over fifty
    compile_classes_each_time()
    plain = [_compiled(p, f) for p, f in patterns]
    try:
        assert compile_classes_once()
        twice = [_compiled(p, f) for p, f in patterns] + [_compiled(p, f) for p, f in patterns]
    finally:
        compile_classes_each_time()
    for i, (p, f) in enumerate(patterns):
        # equal patterns: same source, flags and compiled code
        assert twice[i] == plain[i], (p, f)
        assert twice[i + len(patterns)] == plain[i], (p, f)


def test_memo_is_installed_once_and_removed() -> None:
    original = _compiler._optimize_charset
    try:
        assert compile_classes_once() and compile_classes_once()
        memo = _compiler._optimize_charset
        assert memo is not original and memo.__wrapped__ is original
    finally:
        compile_classes_each_time()
    assert _compiler._optimize_charset is original


@pytest.mark.parametrize("pattern, flags, text, found", [
    (r"[\u3400-\u9fff]{2,4}", re.I, "作者张三丰", "作者张三"),
    (r"[A-ZÀ-ÖØ-ÞĀ-Ž]\w+", 0, "see Émile", "Émile"),
    (r"[A-ZÀ-ÖØ-ÞĀ-Ž]\w+", re.I, "é see", "see"),
])
def test_memo_matches(pattern: str, flags: int, text: str, found: str) -> None:
    try:
        compile_classes_once()
        m = _compiled(pattern, flags).search(text)
    finally:
        compile_classes_each_time()
    assert m is not None and m.group(0) == found
