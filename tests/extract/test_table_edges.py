"""A table's ends read from its own geometry: a caption printed as its first row (one cell
spanning every column, above the header) is the table's caption, not a cell; the rows a
page break carries to the next page (at its top, on the columns of the table that ended
the page before) are the table's, not running text."""

from __future__ import annotations

from pathlib import Path

import pytest

from pariter.extract.document import extract_pdf

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize("name", [
    "caption-row-latex.pdf",     # pdflatex: \multicolumn{3}{|c|}{Table of services} over {|l|l|l|}
    "caption-row-chromium.pdf",  # caption-row.html (<td colspan=3>, border=1) by headless Chromium
])
def test_a_caption_printed_as_the_first_row_is_the_caption(name: str) -> None:
    doc = extract_pdf(FIXTURES / name)
    (table,) = doc.tables
    assert table.rows[0] == ["Service description", "Common name", "DNS service name"]
    assert len(table.rows) == 5
    caption = [p for p in doc.paragraphs if p.text == "Table of services"]
    assert [p.role for p in caption] == ["caption"]
    assert not any(h.text == "Table of services" for h in doc.headings)
    # the caption is read between the text before the table and the text after it
    texts = [p.text for p in doc.paragraphs]
    k = texts.index("Table of services")
    assert texts[k - 1].startswith("Below is a table") and texts[k + 1].startswith("Each user")


@pytest.mark.parametrize("name, last_page", [
    # table-split-*.html: a borderless two-column table of file names whose last row the
    # page break carries to the next page; printed by headless Chromium (the producer of
    # KiCad's English manual) and LibreOffice Writer/Web (its Chinese one)
    ("table-split-chromium.pdf", 2),
    ("table-split-lo.pdf", 3),
])
def test_the_rows_a_page_break_carries_over_stay_in_the_table(name: str, last_page: int) -> None:
    doc = extract_pdf(FIXTURES / name)
    carried = [t for t in doc.tables if t.page == last_page]
    assert [t.rows for t in carried] == [[["*.kicad_dru", "Design rules file, holding the "
                                           "custom rules of one board file."]]]
    texts = [p.text for p in doc.paragraphs]
    assert not any("kicad_" in t for t in texts)
    # the text after the table is text, whole
    assert any(t.startswith("Some files do not need") and t.endswith("next time.") for t in texts)
    assert any(t.startswith("When a project is kept") for t in texts)
