"""Two numbered headings one right over the other, in a display size larger than the
text's, are headings: a section with no text of its own ("3 Calibration" over "4
Computing weights"). The next number of a scheme right after a numbered block is the
mark of a list, but a list's items are set in the text's type and carry text.

Fixtures: empty-section.tex (pdfLaTeX, no outline) and empty-section.fodt (LibreOffice
outline numbering, bookmarks off)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pariter.extract.document import extract_pdf

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize("name", ["empty-section-latex.pdf", "empty-section-lo.pdf"])
def test_a_section_without_text_is_a_heading(name: str) -> None:
    doc = extract_pdf(FIXTURES / name)
    assert [(h.level, h.number, h.text) for h in doc.headings] == [
        (1, "1", "Introduction"), (1, "2", "Measures"), (2, "2.1", "Concordance"),
        (2, "2.2", "Rank correlation"), (1, "3", "Calibration"), (1, "4", "Computing weights"),
        (2, "4.1", "Ties")]
