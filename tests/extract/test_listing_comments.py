"""A code listing's comments in Chinese come in a proportional CJK face (the typewriter
face lacks the ideographs), yet they are part of the listing: they do not measure the
body, and none of them heads a section. Measured on prose, the body of a chapter-per-page
book is its prose's size, so each chapter's title (the same face every time) is a heading,
the first one too, not the document's title.

Fixtures: listing-comments-zh.html printed by wkhtmltopdf (code at 10.5 pt in DejaVu Sans
Mono, comments in the CJK fallback face) and the same text set by XeLaTeX
(listing-comments-zh.tex, ctexart, ``\\small`` verbatim): in both the comment lines
outweigh the prose."""

from __future__ import annotations

from pathlib import Path

import pytest

from pariter.extract.document import extract_pdf

FIXTURES = Path(__file__).parent / "fixtures"

TITLES = ["作用域规则", "资源获取即初始化", "所有权和移动", "借用"]


@pytest.mark.parametrize("name", ["listing-comments-zh-wkhtml.pdf", "listing-comments-zh-xelatex.pdf"])
def test_listing_comments_do_not_measure_the_body(name: str) -> None:
    doc = extract_pdf(FIXTURES / name)
    assert [h.text for h in doc.headings] == TITLES
    assert doc.title is None or doc.title not in TITLES


@pytest.mark.parametrize("name", ["typewritten-wkhtml.pdf", "typewritten-groff.pdf"])
def test_a_typewritten_document_has_no_listings_to_tell_apart(name: str) -> None:
    """Typed in a typewriter face throughout (typewritten.html via wkhtmltopdf,
    typewritten.ms via groff -ms -Tpdf in Courier), its headings in capitals at the text's
    size are headings: the face marks no listing where everything is set in it."""
    doc = extract_pdf(FIXTURES / name)
    assert [h.text for h in doc.headings] == ["THE FIRST MORNING", "THE SECOND MORNING", "THE LAST MORNING"]
