"""A title broken over two lines where its author chose (groff's mom, LaTeX's ``\\\\``
in a section title), short of the column's edge and flush left, is one heading when
the outline names the two lines as one entry on their page. Without the outline's word,
two short lines in a heading's face flush left may as well be two headings; with it,
the halves ("Messiaen to Stockhausen —" / "The Quest for Absolute Control") were two
headings, or none, and the entry matched nothing.

Fixture: broken-titles.tex (pdfLaTeX with hyperref's bookmarks; the bookmarks spell
the dash as a hyphen, the page prints an em dash)."""

from __future__ import annotations

from pathlib import Path

from pariter.extract.document import extract_pdf

FIXTURES = Path(__file__).parent / "fixtures"


def test_titles_broken_by_their_author_are_one_heading() -> None:
    doc = extract_pdf(FIXTURES / "broken-titles-latex.pdf")
    assert [(h.level, h.source, h.text) for h in doc.headings] == [
        (1, "outline", "Schoenberg — The Origins of Serial Pitch Organization"),
        (1, "outline", "Messiaen to Stockhausen — The Quest for Absolute Control"),
        (1, "outline", "John Cage — Leaving It All to Chance"),
        (1, "outline", "Beyond Cage — Catching the Midnight Train")]
