"""White between two glyphs of one monospace font that is a whole number of the font's
advance is spaces typed in code (verbatim keeps them: "{ c4        d e }"), not a gap
between two pieces of a row: the line stays one line and its paragraph one paragraph.
Fixtures: typed-spaces-latex.tex (pdflatex, \\verb) and typed-spaces.html (headless
Chromium, code with white-space: pre-wrap). Real case: lily.zh p6 "‘{ c4 / d e }’和："
(/work/realpairs5, skipped where absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pariter.extract.document import extract_pdf

FIXTURES = Path(__file__).parent / "fixtures"
LILY = Path("/work/realpairs5/pdf/lily.zh.pdf")


@pytest.mark.parametrize("name, opening", [
    ("typed-spaces-latex.pdf", "The input does not care how much white space stands between two "
                               "notes. These three are the same music: { c4 d e }, { c4 d e } and"),
    ("typed-spaces-chromium.pdf", "Spaces: { c4 d e } is the same music as { c4 d e } and")])
def test_spaces_typed_in_code_keep_the_line_whole(name: str, opening: str) -> None:
    doc = extract_pdf(FIXTURES / name)
    texts = [p.text for p in doc.paragraphs]
    assert len(texts) == 2 and texts[0].startswith(opening)
    assert texts[1].startswith("A second paragraph follows")


@pytest.mark.skipif(not LILY.exists(), reason="realpairs5 not on this machine")
def test_lily_inline_code_with_spaces() -> None:
    doc = extract_pdf(LILY)
    assert any("三个都是一样的效果：‘{ c4 d e }’，‘{ c4 d e }’和：" in p.text for p in doc.paragraphs)
