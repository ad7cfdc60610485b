"""A note's callout set on a line of its own, after the paragraph it annotates.

DocBook through DBLaTeX (the Debian FAQ) prints some footnote marks alone on the line
under their paragraph; the mark is linked to its note, so it is a callout, and taking it
out of the text left a paragraph with no text at all. The callout belongs to the text it
follows: it anchors at that paragraph's end. Fixture: notes-lone-callout-latex.tex through
pdflatex (notes-lone-callout-latex.pdf) and LuaLaTeX (notes-lone-callout-lualatex.pdf),
hyperref linking the mark to its note."""

from __future__ import annotations

from pathlib import Path

import pytest

from pariter.extract.document import extract_pdf

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize("name", ["notes-lone-callout-latex.pdf", "notes-lone-callout-lualatex.pdf"])
def test_a_callout_alone_on_its_line_anchors_at_the_paragraph_before(name: str) -> None:
    doc = extract_pdf(FIXTURES / name)
    assert all(p.text.strip() for p in doc.paragraphs)
    [marker] = doc.markers
    [note] = doc.footnotes
    assert marker.footnote == note.id and note.text.startswith("When the development")
    para = {p.id: p for p in doc.paragraphs}[marker.paragraph]
    assert para.text.endswith("the boy next door who broke them.")
    assert marker.offset == len(para.text)
