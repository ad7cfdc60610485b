"""A table's last row that a page break carried alone to the top of the next page (and the
row left at the foot of the page before it) is a table row, not running matter: a bare
number among a row's cells ("Quadratic  3  0.968  0.27") is no page number when no other
page numbers its pages alike, and one ruled row that opens its page is kept as a table
where the previous page ends with a ruled table of the same columns. Fixtures:
tail-row-latex.tex (pdflatex, longtable with rules, no page numbers) and tail-row.html
(headless Chromium, bordered table, no header or footer), both set so that only the last
row goes to page 2."""

from __future__ import annotations

from pathlib import Path

import pytest

from pariter.extract.document import extract_pdf
from pariter.extract.lines import Line
from pariter.extract.running import find_running

FIXTURES = Path(__file__).parent / "fixtures"
ROWS = [["Model", "Parameters", "R2", "RMSE"], ["Linear", "2", "0.913", "0.42"],
        ["Quadratic", "3", "0.968", "0.27"]]


@pytest.mark.parametrize("name", ["tail-row-latex.pdf", "tail-row-chromium.pdf"])
def test_a_table_split_by_a_page_break_keeps_its_edge_rows(name: str) -> None:
    doc = extract_pdf(FIXTURES / name)
    assert not [r.text for pg in doc.pages for r in pg.running]
    assert [(t.page, t.rows) for t in doc.tables] == [
        (1, ROWS), (2, [["Power law", "2", "0.981", "0.19"]])]
    assert [p.page for p in doc.paragraphs] == [1, 2]


def _line(text: str, x0: float, baseline: float, page: int) -> Line:
    return Line(page, x0, baseline - 9, x0 + 6 * len(text), baseline + 2, baseline, 11, "Serif",
                False, None, text)


def test_folios_that_run_with_the_pages_stay_page_numbers() -> None:
    """Page numbers beside a header's varying words are still page numbers when they run
    with the pages (the numbering, not the row, is the evidence)."""
    pages = []
    for i in range(2):
        pages.append([_line(f"Chapter {i + 1} title {'ab' * i}", 60, 40, i + 1),
                      _line(str(i + 5), 500, 40, i + 1)]
                     + [_line("Running text of the body. " * 3, 60, 100 + 14 * k, i + 1) for k in range(30)])
    found = find_running(pages, [842.0] * 2, 11)
    assert [[(l.text, k) for l, k in f if k == "page_number"] for f in found] == [
        [("5", "page_number")], [("6", "page_number")]]
