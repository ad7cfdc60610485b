"""A table found without rules takes whole lines or none.

A page's lines that line up in columns are read as a table, and the table takes the
lines it covers off the text. A line only part of which lines up (Texinfo's definition
lines: ``ColumnVector& insert (…)`` and ``ColumnVector& fill (…)`` align at the name,
``ColumnVector stack (…)`` under them does not) was taken with the rest and its
unaligned part lost. Fixture: texinfo-defs.texi through texi2pdf with pdfTeX
(texinfo-defs-pdftex.pdf) and with XeTeX (texinfo-defs-xetex.pdf, xdvipdfmx)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pariter.extract.document import extract_pdf
from tests.helpers import lost_chars

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize("name", ["texinfo-defs-pdftex.pdf", "texinfo-defs-xetex.pdf"])
def test_no_line_is_lost_to_a_table(name: str) -> None:
    doc = extract_pdf(FIXTURES / name)
    assert not lost_chars(FIXTURES / name, doc)
    texts = [p.text for p in doc.paragraphs] + [" ".join(r) for t in doc.tables for r in t.rows]
    assert any("ColumnVector stack (const ColumnVector &a) const" in t for t in texts)
    assert any("ComplexColumnVector operator + (const ColumnVector &a, const Complex &s)" in t
               for t in texts)
