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


def test_a_ruled_head_row_over_a_body_without_rules_is_read_with_its_table() -> None:
    """The report's abbreviation table (p. 5): its head row is ruled, its 28 rows are not.
    A lone ruled row must not hide the rows below it from the finder of unruled tables (the
    rows came out as 90 paragraphs)."""
    doc = extract_pdf(Path(__file__).parents[2] / "corpus" / "pdf" / "wic-report-zh.pdf")
    table = [t for t in doc.tables if t.page == 5]
    assert len(table) == 1 and len(table[0].rows) == 29
    assert table[0].rows[:2] == [["缩略语", "英文名称", "中文名称"], ["3D", "Three Dimensional", "三维"]]
    assert not [p for p in doc.paragraphs if p.page == 5 and p.text == "Artificial Intelligence"]
