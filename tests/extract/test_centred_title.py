"""An HTML page's title and its sections' headings often share one face (Docutils sets
``h1.title`` and each section's ``h1`` alike); the title stands centred, the headings
flush left, and that place, not the face, makes it the title. Under a contents list,
a line set larger than the entries (the first section's heading at the page's foot, its
text overleaf) is no wrapped entry. A heading wraps before a long word where its line
ends far short of a column widened by a listing that runs past the margin.

Fixtures: centred-title.html printed by MuPDF (``mutool convert -o
centred-title-mupdf.pdf centred-title.html``, A5) and by wkhtmltopdf
(``wkhtmltopdf -s A5 centred-title.html centred-title-wkhtml.pdf``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pariter.extract.document import extract_pdf

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize("name", ["centred-title-mupdf.pdf", "centred-title-wkhtml.pdf"])
def test_the_centred_title_is_the_title_and_the_first_heading_is_found(name: str) -> None:
    doc = extract_pdf(FIXTURES / name)
    assert doc.title == "Plan for the Records Tool"
    assert [(h.number, h.text, h.level) for h in doc.headings] == [
        (None, "Contents", 1), ("1", "Introduction", 1), ("2", "Development Plan", 1),
        ("2.1", "Reading the Schedules of Internationalization", 2), ("2.2", "Storage", 2),
        ("3", "Repository", 1)]
