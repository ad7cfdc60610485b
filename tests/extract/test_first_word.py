"""A ragged line ended short of the next line's first word only if that word would have
fitted: its width is read from the glyphs as printed (the font's own widths), not guessed
from an average letter, and a quote opening a Latin word ("“Traditional”") opens that
word, not a pair of ideographs. Capitals ("WMW", "RGB") are far wider than an average
letter, and the guess cut a paragraph where the line before them ended two ems short.
Fixture: first-word-zh.html (20-em paragraphs) printed by headless Chromium and by
wkhtmltopdf. Real cases: gimp.zh p8 "…可以调整以 / RGB / 灰度" and gimp.en p3's
description of "Real-Time Previews of Transform Operations" (/work/realpairs5, skipped
where absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pariter.extract.document import extract_pdf

FIXTURES = Path(__file__).parent / "fixtures"
GIMP = Path("/work/realpairs5/pdf")


@pytest.mark.parametrize("name", ["first-word-zh-chromium.pdf", "first-word-zh-wkhtml.pdf"])
def test_a_line_before_a_wide_word_runs_on(name: str) -> None:
    doc = extract_pdf(FIXTURES / name)
    assert [p.text for p in doc.paragraphs] == [
        "颜色菜单中积累了多数的工具插件，可以 WMW 模式调整色彩，或者以索引模式调整调色板。"
        "现在使用色阶或者曲线所需要的步骤少了很多。",
        "变换工具现在可以实时预览变换的结果“Traditional”模式中只显示一个线框。"
        "以前只能看到线框，现在可以直接看到图像本身的变化。",
        "这一段只有一行。"]


@pytest.mark.skipif(not GIMP.exists(), reason="realpairs5 not on this machine")
def test_gimp_lines_before_capitals_and_quotes() -> None:
    zh = extract_pdf(GIMP / "gimp.zh.pdf")
    assert any("可以调整以 RGB / 灰度方式调整色彩" in p.text or "可以调整以RGB / 灰度方式调整色彩" in p.text
               for p in zh.paragraphs)
    en = extract_pdf(GIMP / "gimp.en.pdf")
    texts = [p.text for p in en.paragraphs]
    assert "Real-Time Previews of Transform Operations" in texts
    assert any(t.startswith("The transform tools (shear") and "“Traditional” mode." in t for t in texts)
