"""A label opening a line that no note takes is text.

A tiny number just left of a line, or a raised one opening it, is read as the line's
lead label, for the note it may open. A line that ends up in the running text keeps its
label as printed: a documented package's code listing numbers its lines in small type
beside the code (docstrip, ``ltxdoc``), and those numbers were dropped, seven of the
fourteen here (the ones set beside a single-digit gap). Fixture: listing-numbers.dtx
through pdflatex and LuaLaTeX."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from pariter.extract.document import extract_pdf

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize("name", ["listing-numbers-pdflatex.pdf", "listing-numbers-lualatex.pdf"])
def test_a_listing_keeps_its_line_numbers(name: str) -> None:
    doc = extract_pdf(FIXTURES / name)
    texts = [p.text for p in doc.paragraphs]
    # the listing is code (one paragraph per run of its lines), each line as printed
    lines = [t.strip() for p in doc.paragraphs for t in p.text.split("\n")]
    assert "4 \\mini@flagfalse}" in lines
    assert "7 \\mini@reset" in lines
    assert "12 \\ifmini@flag on\\else off\\fi}" in lines
    pdf = pdfium.PdfDocument(FIXTURES / name)
    printed = Counter(c for c in pdf[0].get_textpage().get_text_range() if not c.isspace())
    kept = Counter(c for t in texts + [h.text for h in doc.headings] + [(h.number or "") for h in doc.headings]
                   + [r.text for pg in doc.pages for r in pg.running] for c in t if not c.isspace())
    assert not printed - kept
