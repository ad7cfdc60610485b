"""A numbered document whose numbering stops at a depth: its deeper headings are
unnumbered, bold at the body's size, and a "Note" label in the same bold face repeats on
lines of its own. Printed without an outline by pdflatex (fixtures/unnumbered-level.tex,
secnumdepth 2) and by wkhtmltopdf (fixtures/unnumbered-level.html). The unnumbered level
names different things and heads running text: it is the level under the numbered
headings; the repeated label is not a heading."""

from __future__ import annotations

from pathlib import Path

import pytest

from pariter.extract import extract_pdf

FIX = Path(__file__).parent / "fixtures"
DEEPER = ["Upper reach", "Middle reach", "Lower reach", "Field sheets", "Photographs",
          "Willow and alder", "Reed beds"]


@pytest.mark.parametrize("name", ["unnumbered-level-latex.pdf", "unnumbered-level-wkhtml.pdf"])
def test_unnumbered_headings_under_numbered_ones_are_the_next_level(name: str) -> None:
    doc = extract_pdf(FIX / name, jobs=1)
    heads = [(h.number.rstrip(".") if h.number else None, h.text, h.level) for h in doc.headings]
    assert [t for n, t, _ in heads if n is None] == DEEPER
    assert {lv for n, _, lv in heads if n is None} == {3}
    assert [n for n, _, _ in heads if n] == ["1", "1.1", "1.2", "2", "2.1", "3"]
    # the label set in the deeper headings' face, three times: a paragraph each time
    assert [p.text for p in doc.paragraphs].count("Note") == 3
