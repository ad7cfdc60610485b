"""Text drawn fully transparent over its own glyph outlines is the text a reader sees;
transparent text over nothing (or over a panel) stays hidden.

Skia (Chromium's PDF back end, which Calibre's ebook-convert prints through) draws a CJK
face it must embolden itself as filled outlines and lays the same characters over them
with fill alpha 0, so that the text can be searched: the bold headings of a Chinese page
were lost with the hidden text. Fixtures: skia-bold.html printed by Calibre 6.13
(``ebook-convert skia-bold.html skia-bold-calibre.pdf``; Creator Chromium, Producer
Skia/PDF m102) and hidden-text.html printed by headless Chromium 156
(``chromium --headless --no-pdf-header-footer --print-to-pdf=hidden-text-chromium.pdf``),
whose CSS ``color: transparent`` paragraphs are alpha-0 text, one of them over a shaded
panel."""

from __future__ import annotations

from pathlib import Path

from pariter.extract.document import extract_pdf

FIXTURES = Path(__file__).parent / "fixtures"


def test_outlined_bold_headings_are_read() -> None:
    doc = extract_pdf(FIXTURES / "skia-bold-calibre.pdf")
    assert [h.text for h in doc.headings] == [
        "特性", "常见问题", "为什么没有 y, w, yu 几个声母？", "如何减少内存占用？", "拼音数据"]
    assert [h.level for h in doc.headings] == [1, 1, 2, 2, 1]
    # the Latin run of a heading (a real font, drawn as text) is no paragraph of its own
    assert not any(p.text == "y, w, yu" for p in doc.paragraphs)


def test_transparent_text_over_nothing_stays_hidden() -> None:
    doc = extract_pdf(FIXTURES / "hidden-text-chromium.pdf")
    texts = " ".join(p.text for p in doc.paragraphs)
    assert "printed in black and every reader sees it" in texts
    assert "Secret keywords" not in texts
    assert "Another hidden line" not in texts
    assert any(w.code == "invisible_text" for w in doc.warnings)
