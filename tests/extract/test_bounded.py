"""Work is bounded by the page, never by a number read from the file (issue 12)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from pariter.extract import extract_pdf
from pariter.extract.chars import Char
from pariter.extract.lines import PageTimeout, build_lines

from ._pdf import write_pdf


@pytest.mark.parametrize("reader", ["pdfium", "pdfplumber"])
def test_absurd_font_size_is_dropped_not_looped_over(tmp_path: Path, reader: str) -> None:
    """The 600-byte PDF of issue 12: one glyph at font size 10¹⁰ used to make the line
    builder walk billions of buckets. The glyph is dropped with a warning, the rest read."""
    ops = ("BT /F1 10000000000 Tf 72 700 Td (X) Tj ET\n"
           "BT /F1 12 Tf 72 650 Td (A line of ordinary text stays.) Tj ET")
    f = write_pdf(tmp_path / "huge.pdf", [ops])
    assert f.stat().st_size < 1000
    t = time.monotonic()
    doc = extract_pdf(f, reader=reader)
    assert time.monotonic() - t < 30  # hangs forever without the bound
    assert [p.text for p in doc.paragraphs] == ["A line of ordinary text stays."]
    assert any(w.code == "absurd_glyphs" for w in doc.warnings)


def _char(text: str, x0: float, baseline: float, size: float, seq: int) -> Char:
    return Char(text, x0, baseline - 0.8 * size, x0 + 0.5 * size, baseline + 0.2 * size,
                "Helvetica", size, None, True, baseline, seq)


def test_line_builder_bounded_by_its_segments() -> None:
    """Given a glyph of absurd size directly (no cleaning), the bucket search walks the
    buckets there are, not the 10¹⁰/6 the size asks for."""
    chars = [_char(c, 72 + 6 * i, 100, 12, i) for i, c in enumerate("hello")]
    chars.append(_char("X", 300, 200, 4e10, 99))
    t = time.monotonic()
    lines = build_lines(chars, 1)
    assert time.monotonic() - t < 10
    assert any(l.text.startswith("hello") for l in lines)


def test_line_builder_stops_at_its_deadline() -> None:
    chars = [_char("a", 72 + 6 * (i % 80), 100 + 14 * (i // 80), 12, i) for i in range(2000)]
    with pytest.raises(PageTimeout):
        build_lines(chars, 1, deadline=time.monotonic() - 1)


@pytest.mark.parametrize("where", ["first", "last"])
def test_an_absurd_glyph_with_actual_text_leaves_the_page_readable(tmp_path: Path, where: str) -> None:
    """A glyph placed beyond any page whose text is an /ActualText of two characters:
    PDFium reports the characters with one origin, the first as a glyph and the second as
    more of it. The dropped glyph must leave no trace, neither as the glyph the second
    character joins (none is kept before it on the page) nor in the list of glyphs whose
    width comes from their /ActualText (past the last glyph kept)."""
    far = "/Span <</ActualText (ab)>> BDC BT /F1 12 Tf 20000000 700 Td (X) Tj ET EMC"
    line = "BT /F1 12 Tf 72 650 Td (A line of ordinary text stays.) Tj ET"
    f = write_pdf(tmp_path / "far.pdf", [f"{far}\n{line}" if where == "first" else f"{line}\n{far}"])
    doc = extract_pdf(f, reader="pdfium")
    assert [p.text for p in doc.paragraphs] == ["A line of ordinary text stays."]
    assert [w.code for w in doc.warnings] == ["absurd_glyphs"]
