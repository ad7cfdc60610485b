"""A table set with horizontal rules only (booktabs; a style sheet's borders above and
below) whose first column is code set in a size of its own is found as a table: a column
of monospace is left out of the test that a table's columns share one type size
(fontspec's Scale=MatchLowercase; `code { font-size: 85% }`), and a justified cell cut at
the wider space after a full stop is one cell. Fixtures: booktabs-xelatex.tex (XeLaTeX,
booktabs, DejaVu Sans Mono scaled to the text's x-height, a p{} column) and booktabs.html
(headless Chromium, borders above and below, code at 85%). Real case: fduthesis-en's
table 1 (/work/realpairs2, skipped where absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pariter.extract.document import extract_pdf

FIXTURES = Path(__file__).parent / "fixtures"
FDU = Path("/work/realpairs2/pdf/fduthesis-en.pdf")


@pytest.mark.parametrize("name, third", [
    ("booktabs-xelatex.pdf", "Configuration parameters file for the class. Please do not modify it."),
    ("booktabs-chromium.pdf", "Configuration of the class.")])
def test_a_rules_only_table_with_a_code_column_is_a_table(name: str, third: str) -> None:
    doc = extract_pdf(FIXTURES / name)
    assert [t.rows for t in doc.tables] == [[
        ["File", "Purpose"], ["thesis.cls", "Document class for theses."],
        ["thesis-en.cls", "Document class for English theses."], ["thesis.def", third],
        ["logo.sty", "The university’s visual identity." if "latex" in name
         else "The university's visual identity."],
        ["README.md", "A brief introduction."]]]
    assert len(doc.paragraphs) == 3


@pytest.mark.skipif(not FDU.exists(), reason="realpairs2 not on this machine")
def test_fduthesis_components_table() -> None:
    doc = extract_pdf(FDU)
    table = [t for t in doc.tables if t.page == 4]
    assert len(table) == 1 and len(table[0].rows) == 13
    assert table[0].rows[3] == ["fduthesis.def",
                                "Configuration parameters file for fduthesis. Please do not modify it."]
