"""A line in a heading's face after the document's last running text heads nothing: a
heading opens a section, and an end mark ("… end of the field report", groff's mom
"...end of sample article") opens none, though it is set like the headings the
document's numbering or tags confirm.

Fixtures: end-mark.tex (pdfLaTeX: a bold \\Large line after the last section's text) and
end-mark.html (headless Chromium: a paragraph set like the ``h2`` headings)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pariter.extract.document import extract_pdf

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize("name", ["end-mark-latex.pdf", "end-mark-chromium.pdf"])
def test_an_end_mark_is_no_heading(name: str) -> None:
    doc = extract_pdf(FIXTURES / name)
    assert [h.text for h in doc.headings] == ["Sites", "Methods", "Changes"]
    assert "end of the field report" in doc.paragraphs[-1].text
