"""A note called from a heading ("1 Sites¹", "2.1 Grab samples⁴"): the heading stays a
heading without the callout in its text, and the callout is a marker of its note,
anchored to no paragraph (the heading holds it). A document without a title whose first
line is its first numbered heading ("1 Sites", then "2 Methods" in the same type) has
that line as a heading, not as its title.

Fixtures: head-note.tex (pdfLaTeX, ``\\section{Sites\\protect\\footnote{…}}``) and
head-note.fodt (LibreOffice Writer, a ``text:note`` inside ``text:h``, bookmarks off)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pariter.extract.document import extract_pdf

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize("name", ["head-note-latex.pdf", "head-note-lo.pdf"])
def test_callouts_in_headings(name: str) -> None:
    doc = extract_pdf(FIXTURES / name)
    assert [(h.number, h.text) for h in doc.headings] == [
        ("1", "Sites"), ("2", "Methods"), ("2.1", "Grab samples")]
    notes = {n.id: n.label for n in doc.footnotes}
    assert [(m.label, notes[m.footnote or ""], m.paragraph is None) for m in doc.markers] == [
        ("1", "1", True), ("2", "2", False), ("3", "3", False), ("4", "4", True)]
    assert doc.markers[0].box is not None and doc.markers[0].page == 1
