"""A label opening a line that no note takes is text.

A tiny number just left of a line, or a raised one opening it, is read as the line's
lead label, for the note it may open. A line that ends up in the running text keeps its
label as printed: a documented package's code listing numbers its lines in small type
beside the code (docstrip, ``ltxdoc``), and those numbers were dropped, seven of the
fourteen here (the ones set beside a single-digit gap). Fixture: listing-numbers.dtx
through pdflatex and LuaLaTeX."""

from __future__ import annotations

from pathlib import Path

import pytest

from pariter.extract.document import extract_pdf
from tests.helpers import lost_chars

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize("name", ["listing-numbers-pdflatex.pdf", "listing-numbers-lualatex.pdf"])
def test_a_listing_keeps_its_line_numbers(name: str) -> None:
    doc = extract_pdf(FIXTURES / name)
    # the listing is code (one paragraph per run of its lines), each line as printed
    lines = [t.strip() for p in doc.paragraphs for t in p.text.split("\n")]
    assert "4 \\mini@flagfalse}" in lines
    assert "7 \\mini@reset" in lines
    assert "12 \\ifmini@flag on\\else off\\fi}" in lines
    assert not lost_chars(FIXTURES / name, doc)
