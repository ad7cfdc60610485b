"""Subscripts and exponents belong to their line when a page is cut into table cells.

The unruled-table finder cuts each line at wide gaps; it took a line's glyphs from its
baseline within a point, so a subscript set lower (``r₁₁``, ``CO₂`` at 14 pt: two points)
was no part of any piece. Its place read as a cell gap, so the pieces no longer lined up
(a table read as text), or lined up as a table of fragments whose subscripts were lost
with the line (the GLPK manual's data-block syntax: 116 characters of one page). Within
half an em of the baseline a glyph is the line's; a raised note callout taken out of the
line stays out. Fixture: subscript-cells-latex.tex through pdflatex and LuaLaTeX."""

from __future__ import annotations

from pathlib import Path

import pytest

from pariter.extract.document import extract_pdf
from tests.helpers import lost_chars

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize("name", ["subscript-cells-latex.pdf", "subscript-cells-lualatex.pdf"])
def test_cells_keep_their_subscripts(name: str) -> None:
    doc = extract_pdf(FIXTURES / name)
    assert len(doc.tables) == 2
    records, gases = doc.tables
    assert records.rows[0] == ["[r11, r12, . . . , r1n]", "a11", "[r21, r22, . . . , r2n]", "a21"]
    assert len(records.rows) == 3
    assert [r[1] for r in gases.rows] == ["CO2", "CH4", "N2O", "SF6"]
    # nothing the page prints is lost
    assert not lost_chars(FIXTURES / name, doc)
