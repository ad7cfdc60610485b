"""A code listing right under a Chinese heading is the example the section opens with, not
the heading's English subtitle, even where the text itself is set in a fixed-pitch CJK face
(so that the typewriter face marks nothing for the paragraphs): typewriter lines without
ideographs are a listing.

Fixtures: code-under-zh-heads.html printed by wkhtmltopdf (text in Noto Sans Mono CJK, code
in DejaVu Sans Mono) and the same as an XSL-FO printed by Apache FOP (code-under-zh-heads.fo
with code-under-zh-heads.xconf: text in AR PL's fixed-pitch face, code in Courier), as FOP
printed realpairs9's xss README."""

from __future__ import annotations

from pathlib import Path

import pytest

from pariter.extract.document import extract_pdf

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize("name", ["code-under-zh-heads-wkhtml.pdf", "code-under-zh-heads-fop.pdf"])
def test_code_under_a_chinese_heading_is_no_subtitle(name: str) -> None:
    doc = extract_pdf(FIXTURES / name)
    assert [h.text for h in doc.headings] == ["安装", "在 Node.js 中使用", "在浏览器端使用", "授权协议"]
    assert all(not h.subtitles for h in doc.headings)
    assert any(p.text.startswith('var xss = require("xss");') for p in doc.paragraphs)
