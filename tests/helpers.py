"""What the tests share: the repository, its corpus and the optional ../shared data; and the
check that an extracted document lost none of the characters its PDF prints."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pariter.model import Document

ROOT = Path(__file__).resolve().parents[1]
from pariter.devdata import SHARED  # noqa: F401  (re-exported; one place decides where shared/ is)
CORPUS_PDF = ROOT / "corpus" / "pdf"
CORPUS_TRUTH = ROOT / "corpus" / "truth"


def lost_chars(pdf: Path, doc: Document) -> Counter[str]:
    """The characters PDFium reads from ``pdf``'s pages that ``doc`` holds nowhere (its
    paragraphs, headings and their numbers, running heads, table cells), counted, white
    space left out: a reader's check that extraction lost nothing the page prints, made
    without our own reading of the page."""
    import pypdfium2 as pdfium

    def chars(texts: Iterable[str]) -> Counter[str]:
        return Counter(c for t in texts for c in t if not c.isspace())

    pages = pdfium.PdfDocument(pdf)
    try:
        printed = chars(pages[i].get_textpage().get_text_range() for i in range(len(pages)))
    finally:
        pages.close()
    kept = chars([p.text for p in doc.paragraphs] + [h.text for h in doc.headings]
                 + [h.number or "" for h in doc.headings]
                 + [r.text for pg in doc.pages for r in pg.running]
                 + [c for t in doc.tables for row in t.rows for c in row])
    return printed - kept
