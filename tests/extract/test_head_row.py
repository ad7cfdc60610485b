"""A table's head row that a page break left alone at the foot of a page is a row of that
table, not four paragraphs: it ends its page and the table the next page opens with has
its columns. One ruled row anywhere else is a box, not a table (admonitions, framed
notes). Fixtures: head-row-latex.tex (pdflatex, longtable with rules) and head-row.html
(headless Chromium, a bordered table without <thead>), both set so that only the first
row fits on page 1."""

from __future__ import annotations

from pathlib import Path

import pytest

from pariter.extract.document import extract_pdf

FIXTURES = Path(__file__).parent / "fixtures"
HEAD = ["Model", "Parameters", "R2", "RMSE"]


@pytest.mark.parametrize("name", ["head-row-latex.pdf", "head-row-chromium.pdf"])
def test_a_head_row_left_at_the_page_foot_stays_a_table_row(name: str) -> None:
    doc = extract_pdf(FIXTURES / name)
    assert [(t.page, t.rows) for t in doc.tables if t.page == 1] == [(1, [HEAD])]
    body = [t for t in doc.tables if t.page == 2]
    assert len(body) == 1 and body[0].rows[0][0] == "Linear" and len(body[0].rows) == 3
    assert not [p.text for p in doc.paragraphs if p.text in HEAD]
