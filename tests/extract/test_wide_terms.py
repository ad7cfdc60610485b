"""A description list whose terms are narrower than its descriptions' indent (dd indented
5 em, terms of two or three glyphs) is read term, description, term, description: the
white right of the terms runs down the list like a column gutter, but no line on one side
stands beside a line on the other, so it is no gutter (reading order), and no row holds a
term and its description side by side, so it is no table (unruled tables). Fixture:
deflist-wide-zh.html printed by wkhtmltopdf and by headless Chromium."""

from __future__ import annotations

from pathlib import Path

import pytest

from pariter.extract.document import extract_pdf

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize("name", ["deflist-wide-zh-wkhtml.pdf", "deflist-wide-zh-chromium.pdf"])
def test_terms_and_descriptions_take_turns(name: str) -> None:
    doc = extract_pdf(FIXTURES / name)
    assert not doc.tables
    heads = ["2. 早期的版本", "0.54 版", "0.54 版于", "0.60 版", "当 0.60 版", "你可以认为",
             "0.99 版", "在 1997 年", "1.0 版", "1.0 版最终"]
    texts = [p.text for p in doc.paragraphs]
    assert len(texts) == len(heads) and all(t.startswith(h) for t, h in zip(texts, heads)), texts
