"""A Chinese heading's subtitle is the English line set apart right under it that
translates it; a line under it that opens something else stays what it is: the next
heading (numbered for itself), a code listing, a list item."""

from __future__ import annotations

import pytest

from pariter.extract.assemble import _numbers_apart
from pariter.extract.document import extract_pdf
from tests.helpers import SHARED


def test_a_heading_line_numbered_for_itself_is_no_subtitle() -> None:
    assert _numbers_apart("10.1.1", "10.1")  # the next heading, a level down
    assert _numbers_apart("2", "1")
    assert _numbers_apart("1.1", None)
    assert not _numbers_apart("Chapter 1", "第一章")  # a bilingual heading repeats its number
    assert not _numbers_apart(None, "10.1")  # an unnumbered line may translate the heading
    assert not _numbers_apart("I.", "一、")


def test_a_code_listing_under_a_label_heading_is_text_not_its_subtitle() -> None:
    # elegantnote's Chinese manual: "示例" (example) over the listing it introduces, set in
    # a typewriter face: the listing is the example, not the heading's English name
    pdf = SHARED / "data" / "realpairs" / "pdf" / "elegantnote-cn.pdf"
    if not pdf.exists():
        pytest.skip("../shared is absent")
    doc = extract_pdf(pdf)
    assert not any("documentclass" in s.text for h in doc.headings for s in h.subtitles)
    assert any(p.text.startswith("\\documentclass") for p in doc.paragraphs)
