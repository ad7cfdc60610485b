"""Numbered headings in display type over sections of one line ("2.2. Adding the program
to the dock" over one step in italics, then "2.3. Running the program"): two numbers of
one scheme with a line between them read as a list's items only when set in the text's
type; a list's items are not set larger than the text. The boxes' "Note" labels, set in
the face of the body-size "1.1.1." headings, stay out.

Fixtures: manual-heads.html (written for this test, after the layout of DocBook chapters
printed from HTML) printed by Chromium (``chromium --headless --no-pdf-header-footer
--print-to-pdf=manual-heads-chromium.pdf manual-heads.html``) and wkhtmltopdf
(``wkhtmltopdf -q manual-heads.html manual-heads-wkhtml.pdf``), heading tags withheld."""

from __future__ import annotations

from pathlib import Path

import pytest

from pariter.extract.document import extract_pdf

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize("name", ["manual-heads-chromium.pdf", "manual-heads-wkhtml.pdf"])
def test_numbered_headings_over_one_line_sections(name: str) -> None:
    doc = extract_pdf(FIXTURES / name, withhold=("outline", "tags"))
    assert [(h.number, h.text, h.level) for h in doc.headings] == [
        ("1.", "Before you start", 1), ("1.1.", "Checking the runtime", 2),
        ("1.1.1.", "Reading the version", 3), ("1.1.2.", "Getting a newer runtime", 3),
        ("2.", "Installing on a Mac", 1), ("2.1.", "Unpacking the archive", 2),
        ("2.2.", "Adding the program to the dock", 2), ("2.3.", "Running the program", 2),
        ("2.4.", "Services of the system", 2), ("3.", "Other systems", 1),
        ("3.1.", "Unpacking the archive", 2)]
