"""An index's lines (leaders and page numbers) are no prose: set smaller and running to
more lines than the text, they must not measure the body. Measured on them, the body is
the index's size, a running header at the text's size reads as display type (a heading:
the ctex manual's "第 4 节 编译方式、编码与中文字库" over its p6) and a first page of
text set in the body's size reads as a cover.

Fixtures: index-heavy-zh.tex set by XeLaTeX (ctexart, fancyhdr header with the section's
title, a \\small index of leader lines) and index-heavy-zh.html printed by wkhtmltopdf
(its index in 9 pt against 11 pt text)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pariter.extract.document import extract_pdf
from pariter.extract.styles import _entry_line

FIXTURES = Path(__file__).parent / "fixtures"
TITLES = ["简介", "编译方式、编码与中文字库", "字体设置"]


@pytest.mark.parametrize("text,entry", [
    ("\\chaptermark . . . . . . . 2997", True), ("4554, 4555, 4557, 4558,", True),
    ("重构字体选项 AlternateFont。 . . . . . 71", True), ("This is a sentence... and more", False),
    ("Version 1.2 was released in 2019, after 3 years.", False)])
def test_entry_lines(text: str, entry: bool) -> None:
    assert _entry_line(text) is entry


@pytest.mark.parametrize("name", ["index-heavy-zh-xelatex.pdf", "index-heavy-zh-wkhtml.pdf"])
def test_an_index_does_not_measure_the_body(name: str) -> None:
    doc = extract_pdf(FIXTURES / name)
    heads = [h.text for h in doc.headings]
    assert heads[:3] == TITLES and all(h in TITLES + ["索引"] for h in heads)
    assert any(p.text.startswith("本手册说明中文排版宏集的用法") for p in doc.paragraphs)
