"""A block that opens with a caption's label (``Table 1``, ``表 7.5``) is a caption, not a
heading, even when it is set in a heading's face: LaTeX's caption package with a bold font,
a Word or HTML caption style in bold. It names a table or a figure, never a part of the
text, so it opens no section. Fixtures: caption-headings-latex.tex (pdflatex, booktabs
tables, bold captions) and caption-headings.html (headless Chromium, bold <caption>s of
ruled tables among chapter headings in the same face)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pariter.extract.document import extract_pdf

FIXTURES = Path(__file__).parent / "fixtures"
LABEL = re.compile(r"^(?:Table|表)\s*\d")


@pytest.mark.parametrize("name, captions, heading", [
    ("caption-headings-latex.pdf", 3, "Changing the fonts"),
    ("caption-headings-chromium.pdf", 3, "服务设施"),
])
def test_bold_captions_are_captions_not_headings(name: str, captions: int, heading: str) -> None:
    doc = extract_pdf(FIXTURES / name)
    assert not [h.text for h in doc.headings if LABEL.match(h.text)]
    found = [p.text for p in doc.paragraphs if p.role == "caption" and LABEL.match(p.text)]
    assert len(found) == captions, found
    # the document's real headings in the same face stay headings
    assert heading in [h.text for h in doc.headings]
