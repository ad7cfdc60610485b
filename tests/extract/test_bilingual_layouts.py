"""Bilingual documents as users bring them, printed by Chromium and by LibreOffice
(``fixtures/bilingual-layouts.py``, text written for the tests): Chinese and English side by
side in two columns, or a Chinese sentence then its English, line by line. Each language
is a stream of its own, no paragraph runs from one language into the other (not at a
column or page turn, not where a Chinese sentence filled its line), and a passage the
Chinese side left in English, printed twice in a row, is in each stream once."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pariter.extract.document import extract_pdf

FIXTURES = Path(__file__).parent / "fixtures"
IDEOGRAPHS = re.compile("[\u4e00-\u9fff]{2}")
ENGLISH = re.compile(r"[A-Za-z]{4,} [A-Za-z]{2,} [A-Za-z]{4,}")
KEPT = "Open Source Initiative approved licence"


def streams(name: str):
    doc = extract_pdf(FIXTURES / name)
    assert doc.langs == ["zh", "en"], f"{name}: not read as bilingual"
    zh = [p.text for p in doc.paragraphs if p.section.startswith("zh")]
    en = [p.text for p in doc.paragraphs if p.section.startswith("en")]
    return zh, en


def articles(texts: list[str], label: str) -> list[int]:
    """The article numbers found in a stream, in order."""
    pattern = re.compile(re.escape(label).replace(r"\{\}", r"\s*(\d+)\s*"))
    return [int(m.group(1)) for t in texts for m in pattern.finditer(t)]


@pytest.mark.parametrize("producer", ["chromium", "libreoffice"])
def test_side_by_side_columns_are_two_streams(producer: str) -> None:
    zh, en = streams(f"bilingual-cols-{producer}.pdf")
    # all 24 articles on both sides, as text (two columns of prose in two languages are
    # no table), each stream in its own language only
    assert articles(zh, "第{}条") == articles(en, "Article {}.") == list(range(1, 25))
    assert all(IDEOGRAPHS.search(t) and not ENGLISH.search(t) for t in zh), zh
    assert all(not IDEOGRAPHS.search(t) for t in en), en


@pytest.mark.parametrize("producer", ["chromium", "libreoffice"])
def test_line_by_line_text_is_two_streams(producer: str) -> None:
    zh, en = streams(f"bilingual-line-{producer}.pdf")
    mixed = [t for t in zh + en if IDEOGRAPHS.search(t) and ENGLISH.search(t)]
    assert not mixed  # (a Chinese sentence filling its line does not run on into English)
    assert articles(zh, "第{}条") == articles(en, "Article {}.") == list(range(1, 25))
    # the untranslated passage stands once in each stream
    assert sum(KEPT in t for t in zh) == 1 and sum(KEPT in t for t in en) == 1
