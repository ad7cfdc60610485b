"""The English word list that decides line-end hyphens: read without pyspellchecker's
SpellChecker, kept in the cache once made, and always the same words and counts."""

from __future__ import annotations

import pytest

from pariter.extract import textjoin


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    """A cache directory of our own and no word list loaded in this process."""
    monkeypatch.setenv("PARITER_CACHE", str(tmp_path / "cache"))
    textjoin._dictionary.cache_clear()
    textjoin._frequencies.cache_clear()
    yield tmp_path / "cache"
    textjoin._dictionary.cache_clear()
    textjoin._frequencies.cache_clear()


def test_the_words_and_counts_are_pyspellcheckers(fresh):
    from spellchecker import SpellChecker

    wf = SpellChecker(language="en").word_frequency
    freq, total = textjoin._frequencies()
    assert freq == dict(wf.dictionary) and total == wf.total_words
    words = textjoin._dictionary()
    assert frozenset(words) == frozenset(wf.dictionary) and len(words) == len(wf.dictionary)
    assert list(words) == sorted(words)  # asked by bisection: in order
    assert "hyphen" in words and "hyphne" not in words and "" not in words
    assert all(w in words for w in ("a", "zzz", "zymurgy")) == all(
        w in wf.dictionary for w in ("a", "zzz", "zymurgy"))


def test_the_cached_words_are_the_words_and_a_damaged_cache_is_made_again(fresh):
    words = textjoin._dictionary()
    [cached] = list(fresh.iterdir())
    textjoin._dictionary.cache_clear()
    textjoin._frequencies.cache_clear()
    assert list(textjoin._dictionary()) == list(words)
    assert textjoin._frequencies.cache_info().currsize == 0  # read from the cache, not the list
    text = cached.read_text(encoding="utf-8")
    assert "\nhyphen\n" in text
    cached.write_text(text.replace("\nhyphen\n", "\nhyphne\n"), encoding="utf-8")  # one word changed
    textjoin._dictionary.cache_clear()
    assert list(textjoin._dictionary()) == list(words)  # the hash line no longer matches: made again
    assert cached.read_text(encoding="utf-8") == text


def test_no_writable_cache_gives_the_same_words(fresh, tmp_path, monkeypatch):
    words = textjoin._dictionary()
    blocked = tmp_path / "a-file"
    blocked.write_text("not a directory")
    monkeypatch.setenv("PARITER_CACHE", str(blocked / "cache"))
    textjoin._dictionary.cache_clear()
    assert list(textjoin._dictionary()) == list(words)


def test_the_common_words_are_those_above_the_floor_and_cached(fresh):
    from pariter.extract import cidwords

    cidwords._common_words.cache_clear()
    try:
        freq, _ = textjoin._frequencies()
        floor = min(freq.values())
        common = cidwords._common_words()
        assert list(common) == sorted(w for w, n in freq.items() if n > floor)
        assert "effective" in common and "erective" not in common and "erective" in freq
        cidwords._common_words.cache_clear()
        textjoin._frequencies.cache_clear()
        assert list(cidwords._common_words()) == list(common)
        assert textjoin._frequencies.cache_info().currsize == 0  # read from the cache
    finally:
        cidwords._common_words.cache_clear()
