"""A line of a Chinese column that runs past the column's edge (an overfull line: a Latin
word that would not break) is not joined to the next column's line beside it.

Fixture: ``columns-zh.md`` set by XeTeX in two columns (pandoc, ``classoption=twocolumn``,
Noto Sans CJK with Latin Modern): a line ending "…等模型。" stands 4.3 pt from the next
column's "130 个。…", nearer than a word space is wide at the Latin size.
"""

from __future__ import annotations

import re

from pariter.extract import extract_pdf

from tests.helpers import ROOT

FIX = ROOT / "tests" / "extract" / "fixtures"
SPACED = re.compile(r"[\u4e00-\u9fff，。；：、（）][ \t\n]+[\u4e00-\u9fff，。；：、（）]")


def test_an_overfull_line_is_not_joined_to_the_next_column() -> None:
    doc = extract_pdf(FIX / "columns-zh-xelatex.pdf", jobs=1)
    texts = [p.text for p in doc.paragraphs]
    assert not [t for t in texts if SPACED.search(t)]
    assert not [t for t in texts if "模型。 130" in t or "模型。130" in t]
    assert any("例如 GPT-4 和 Gemini 等模型。" in t for t in texts)
    assert len(doc.paragraphs) <= 12  # eight paragraphs and the odd piece, not 36 cut across
