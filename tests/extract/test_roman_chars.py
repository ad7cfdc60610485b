"""Unicode gives the roman numerals a character each (Ⅰ–Ⅻ U+2160…, ⅰ–ⅻ U+2170…), which
CSS ``lower-roman`` lists and CJK typesetting print: ``ⅰ. 直接下载`` is numbered ⅰ.

Fixtures: roman-heads-zh.html printed by wkhtmltopdf (roman-heads-zh-wkhtml.pdf; the
numbers decide) and converted by LibreOffice Writer (roman-heads-zh-lo.pdf; its bookmarks
decide, the number is still read off the title)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pariter.extract import headings as hd
from pariter.extract.document import extract_pdf
from pariter.ids import number_parts

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize("text,number,title,kind", [
    ("ⅰ. 直接下载", "ⅰ.", "直接下载", "small roman"),
    ("ⅱ.从源代码生成", "ⅱ.", "从源代码生成", "small roman"),
    ("Ⅲ、总则", "Ⅲ、", "总则", "roman"),
    ("Ⅳ Results", "Ⅳ", "Results", "roman"),
    ("Ⅱ型糖尿病的治疗", None, "Ⅱ型糖尿病的治疗", "none"),  # a word, not a number
])
def test_roman_numeral_characters(text: str, number: str | None, title: str, kind: str) -> None:
    assert hd.split_number(text) == (number, title)
    assert hd.number_kind(number) == kind


def test_roman_numeral_characters_count() -> None:
    assert number_parts("ⅱ.") == ["02"] and number_parts("Ⅻ、") == ["12"]


@pytest.mark.parametrize("name", ["roman-heads-zh-wkhtml.pdf", "roman-heads-zh-lo.pdf"])
def test_headings_numbered_in_roman_characters(name: str) -> None:
    doc = extract_pdf(FIXTURES / name)
    heads = [(h.number, h.text) for h in doc.headings]
    assert heads == [(None, "补字计划"), (None, "获取字体"), ("ⅰ.", "直接下载"),
                     ("ⅱ.", "从源代码生成"), (None, "授权信息")]
