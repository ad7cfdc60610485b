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


# -- compiled code kept between processes -------------------------------------------------------

import warnings  # noqa: E402

from pariter import patterns  # noqa: E402


@pytest.fixture
def cache(tmp_path, monkeypatch: pytest.MonkeyPatch):  # noqa: ANN001, ANN201
    """A fresh cache folder, the kept-code compile removed before and after."""
    monkeypatch.setenv("PARITER_CACHE", str(tmp_path / "cache"))
    patterns.compile_without_cache()
    yield tmp_path / "cache"
    patterns.compile_without_cache()


def test_patterns_built_from_kept_code_are_the_compilers(cache) -> None:  # noqa: ANN001
    every = _our_patterns() + EDGE_CASES + [(r"(?P<year>\d{4})-(?P<m>\d\d)|(x)", 0),
                                             (rb"(?P<k>[a-z]+)=(\d+)", re.I)]
    plain = [_compiler.compile(p, f) for p, f in every]
    assert patterns.compile_from_cache()
    first = [_compiler.compile(p, f) for p, f in every]  # compiled, and kept
    patterns.save_compiled()
    assert list(cache.glob("re-*.bin"))
    patterns.compile_without_cache()
    assert patterns.compile_from_cache()  # as a new process would: read from the file
    assert len(patterns._KEPT) == len(every)
    again = [_compiler.compile(p, f) for p, f in every]
    assert not patterns._NEW and len(patterns._USED) == len(every)  # all built, none compiled
    for (p, f), a, b, c in zip(every, plain, first, again):
        for x in (b, c):
            assert x == a, (p, f)  # text, flags and code
            assert (x.groups, x.groupindex, x.flags) == (a.groups, a.groupindex, a.flags)
    m = _compiler.compile(r"(?P<year>\d{4})-(?P<m>\d\d)|(x)", 0).search("on 2024-05")
    assert m is not None and m.group("year") == "2024" and m.lastgroup == "m"


def test_a_pattern_that_warns_warns_again_and_is_not_kept(cache) -> None:  # noqa: ANN001
    assert patterns.compile_from_cache()
    for _ in range(2):
        with pytest.warns(FutureWarning, match="nested set"):
            _compiler.compile("[[a]", 0)
        patterns.save_compiled()
        patterns.compile_without_cache()
        assert patterns.compile_from_cache()
        assert ("[[a]", 0) not in patterns._KEPT


def test_errors_stay_errors_and_debug_patterns_go_to_the_compiler(cache) -> None:  # noqa: ANN001
    assert patterns.compile_from_cache()
    with pytest.raises(re.error):
        _compiler.compile("(unclosed", 0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        _compiler.compile("a", re.DEBUG)  # prints its code, as ever
    assert ("(unclosed", 0) not in patterns._NEW and ("a", re.DEBUG) not in patterns._NEW


def test_a_damaged_file_is_ignored_and_made_again(cache) -> None:  # noqa: ANN001
    assert patterns.compile_from_cache()
    _compiler.compile(r"[\u3400-\u9fff]+x", 0)
    patterns.save_compiled()
    (path,) = cache.glob("re-*.bin")
    raw = bytearray(path.read_bytes())
    raw[-3] ^= 0xFF  # one byte of the body
    path.write_bytes(bytes(raw))
    patterns.compile_without_cache()
    assert patterns.compile_from_cache() and patterns._KEPT == {}
    assert _compiler.compile(r"[\u3400-\u9fff]+x", 0).match("中文x")
    patterns.save_compiled()
    patterns.compile_without_cache()
    assert patterns.compile_from_cache() and (r"[\u3400-\u9fff]+x", 0) in patterns._KEPT


def test_a_file_past_its_bound_keeps_what_the_writer_used(cache, monkeypatch) -> None:  # noqa: ANN001
    assert patterns.compile_from_cache()
    for k in range(30):
        _compiler.compile(f"old{k}[a-z]+", 0)
    patterns.save_compiled()
    patterns.compile_without_cache()
    assert patterns.compile_from_cache()
    _compiler.compile("old0[a-z]+", 0)  # used, from the file
    _compiler.compile("new[a-z]+", 0)  # compiled
    monkeypatch.setattr(patterns, "MAX_BYTES", 1)
    patterns.save_compiled()
    patterns.compile_without_cache()
    assert patterns.compile_from_cache()
    assert set(patterns._KEPT) == {("old0[a-z]+", 0), ("new[a-z]+", 0)}


def test_an_unwritable_cache_is_no_error(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("PARITER_CACHE", str(blocked / "cache"))
    patterns.compile_without_cache()
    try:
        assert patterns.compile_from_cache()
        assert _compiler.compile("unwritable[0-9]", 0).match("unwritable7")
        patterns.save_compiled()
    finally:
        patterns.compile_without_cache()
