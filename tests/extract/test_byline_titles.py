"""A title over a byline ("by" and the authors' names, a line of subtitle at most between
them) names a document, not a section of one, even where a collection prints several and
its outline lists them: the sections under it are the headings, counted from the top.
A subsection titled "By Region" is set in a heading's face and is no byline.

Fixtures: byline-titles.mom, two documents collated by groff mom (``pdfmom
byline-titles.mom``, outline written by gropdf), and byline-titles.html, the same two
articles printed by wkhtmltopdf (no outline)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pariter.extract.document import extract_pdf
from pariter.extract.roles import _byline

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize("text,byline", [
    ("by", True), ("by Rosemary Winspeare", True), ("by Joe Chang and Brad Hegel Connors", True),
    ("by J. R. R. Tolkien", True), ("By default, the tool reads", False),
    ("By Monday the results", False), ("by reading the manual.", False)])
def test_bylines(text: str, byline: bool) -> None:
    assert _byline(text) is byline


@pytest.mark.parametrize("name,extra", [("byline-titles-mom.pdf", []),
                                        ("byline-titles-wkhtml.pdf", ["By Region"])])
def test_a_title_over_a_byline_heads_no_section(name: str, extra: list[str]) -> None:
    doc = extract_pdf(FIXTURES / name)
    heads = [h.text for h in doc.headings]
    assert heads == ["Where the Gauges Stand", "How the Readings Are Kept", "The Ponds Visited",
                     "What Was Found"] + extra
    assert {h.level for h in doc.headings} == {1}
