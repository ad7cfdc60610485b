"""A section title may open with a mark, not a letter: a header file's name in angle
brackets (``3.14.2.2 <malloc.h>`` in a C library's manual). Such a block looked like a figure
in running text (``0.02 , α``); the outline lists it, and an outline entry names a heading.
Fixtures: heads-mark-titles-latex.tex (pdflatex + hyperref), heads-mark-titles.fodt
(LibreOffice 7.4, bookmarks); build commands in each."""

from __future__ import annotations

from pathlib import Path

import pytest

from pariter.extract import extract_pdf

FIX = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize("name", ["heads-mark-titles-latex.pdf", "heads-mark-titles.pdf"])
def test_titles_opening_with_a_mark_are_headings_the_outline_lists(name: str) -> None:
    doc = extract_pdf(FIX / name)
    heads = [(h.number, h.text, h.level) for h in doc.headings]
    assert ("1.1.1", "<stdio.h>", heads[0][2] + 1) in heads
    assert [(n, t) for n, t, _ in heads if t.startswith("<")] == [
        ("1.1.1", "<stdio.h>"), ("1.1.2", "<malloc.h>"), ("1.2.1", "<math.h>")]
    assert not [p for p in doc.paragraphs if p.text.startswith("1.1.1")]
