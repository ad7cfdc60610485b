"""A README's title and its first section may share one face (Markdown's ``#`` for both,
"Wordfreq, version 0.3" over "Introduction"): the two lines stand a paragraph's space
apart, farther than a title's lines wrap on the text's leading scaled to their size, and
the second opens the running text. It is the first heading, not the title's second line.
Sections set a size up from the text without a heavier face (17 pt over 15 pt, as Calibre
prints an HTML h3 in a Type 3 font whose weight nothing tells) are headings where the
size recurs over paragraphs.

Fixtures: guide-heads.html (written for this test) printed by Chromium (``chromium
--headless --no-pdf-header-footer --print-to-pdf=guide-heads-chromium.pdf
guide-heads.html``), wkhtmltopdf (``wkhtmltopdf -q guide-heads.html
guide-heads-wkhtml.pdf``) and Qt 6 (``python3 qt-print.py guide-heads.html
guide-heads-qt.pdf``, which keeps its own h1 and sets the h3 below the text's size). The
browsers' heading tags are withheld: the type alone must tell."""

from __future__ import annotations

from pathlib import Path

import pytest

from pariter.extract.document import extract_pdf

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize("name", ["guide-heads-chromium.pdf", "guide-heads-wkhtml.pdf"])
def test_title_over_first_section_and_sections_a_size_up(name: str) -> None:
    doc = extract_pdf(FIXTURES / name, withhold=("outline", "tags"))
    assert doc.title == "Wordfreq, version 0.3, 2024-02-01"
    assert [(h.text, h.level) for h in doc.headings] == [
        ("Introduction", 1), ("Getting started", 2), ("Installing", 2), ("Links", 2)]


def test_qt_title_over_first_section() -> None:
    doc = extract_pdf(FIXTURES / "guide-heads-qt.pdf")
    assert [h.text for h in doc.headings][:1] == ["Introduction"]
