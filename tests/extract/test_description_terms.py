"""A description list's term on a line of its own is no heading, though it is set bold
and recurs: it stands at the running text's left edge and the text it describes is
indented under it as a whole (a man page's ``.TP`` tags, LaTeX's ``description``). A
heading stands at the text's edge or left of it, and the text under it starts at that
edge (a man page's ``.SS`` subsections stand out left of their text).

Fixtures: terms.man (groff 1.22 ``-man -Tpdf``) and terms.tex (pdfLaTeX, a description
list whose items break after their terms)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pariter.extract.document import extract_pdf

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize("name, heads", [
    ("terms-groff-man.pdf", ["NAME", "SYNOPSIS", "DESCRIPTION", "Sites", "Options", "Files",
                             "SEE ALSO"]),
    ("terms-latex.pdf", ["Sites", "Options", "Files"]),
])
def test_description_terms_are_not_headings(name: str, heads: list[str]) -> None:
    doc = extract_pdf(FIXTURES / name)
    assert [h.text for h in doc.headings] == heads
    text = " ".join(p.text for p in doc.paragraphs)
    assert "record-depth" in text and "write-report" in text


@pytest.mark.parametrize("name, heads", [
    ("heading-over-quote-latex.pdf", ["Usage"]),
    ("heading-over-quote-lo.pdf", ["Sites", "Usage", "Reports"]),
])
def test_a_heading_over_a_quotation_is_a_heading(name: str, heads: list[str]) -> None:
    """A heading larger than the text over an indented quotation (an epigraph, a motto)
    is no term: terms are set in the text's size. Fixtures: heading-over-quote.tex
    (pdfLaTeX, ``quote``) and heading-over-quote.html (LibreOffice Writer, ``blockquote``,
    bookmarks off)."""
    doc = extract_pdf(FIXTURES / name)
    assert [h.text for h in doc.headings] == heads
