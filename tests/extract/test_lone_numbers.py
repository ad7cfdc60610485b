"""A number in the body's own type opens a heading only where the numbering goes on
among the headings. Alone, it is the item of a list whose other items read as sentences
("5. 该字体的更多版本（可能会随时变动）" among items ending in 。), however well it
continues a numbering of its own.

Fixtures: lone-item-zh.html printed by wkhtmltopdf (lone-item-zh-wkhtml.pdf) and converted
by LibreOffice Writer (``soffice --headless --infilter="HTML (StarWriter)" --convert-to
pdf``; lone-item-zh-lo.pdf, which carries bookmarks for the three titles)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pariter.extract.document import extract_pdf

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize("name", ["lone-item-zh-wkhtml.pdf", "lone-item-zh-lo.pdf"])
def test_a_lone_body_type_number_is_a_list_item(name: str) -> None:
    doc = extract_pdf(FIXTURES / name)
    assert [h.text for h in doc.headings] == ["获取字体", "注意事项", "授权信息"]
    assert any(p.text.endswith("该字体的更多版本（可能会随时变动）") for p in doc.paragraphs)
