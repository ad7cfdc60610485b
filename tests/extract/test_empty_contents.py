"""A contents title over no entries (the list was left out) ends the contents at its title:
the headings and text after it are the document's. And a line under a table, apart from
its last row by more white than the table sets between rows, is no row of it: the
heading of the next section.

Fixtures, one text in two producers: table-heads.rst through pandoc's ms writer and
groff's own PDF driver (``pandoc -s -f rst -t ms table-heads.rst -o table-heads.ms;
groff -ms -Tpdf -ket table-heads.ms > table-heads-groff.pdf``: pandoc prints the
``contents`` directive's title and drops its list), and table-heads.html printed by
wkhtmltopdf (a "Table of Contents" line with no list after it)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pariter.extract.document import extract_pdf

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize("name", ["table-heads-groff.pdf", "table-heads-wkhtml.pdf"])
def test_a_contents_title_without_entries_vetoes_nothing(name: str) -> None:
    doc = extract_pdf(FIXTURES / name)
    assert doc.title == "Garden Watering Schedule"
    assert [(h.text, h.level) for h in doc.headings] == [
        ("Planning", 1), ("Beds", 2), ("Timing", 2), ("Sources", 2), ("Harvest", 1)]


@pytest.mark.parametrize("name", ["table-heads-groff.pdf", "table-heads-wkhtml.pdf"])
def test_the_heading_under_a_table_is_no_row(name: str) -> None:
    doc = extract_pdf(FIXTURES / name)
    assert [t.rows for t in doc.tables] == [[
        ["Bed", "Days", "Litres"], ["North", "Mon", "40"], ["South", "Tue", "35"],
        ["East", "Thu", "20"], ["West", "Sat", "25"]]]
