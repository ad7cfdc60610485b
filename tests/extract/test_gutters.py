"""Column gutters are decided by the page: white the page's lines share parts columns,
however narrow it is in ems of the type beside it."""

from __future__ import annotations

from pathlib import Path

import pytest

from pariter.extract.document import extract_pdf

from ._pdf import write_pdf

FIXTURES = Path(__file__).parent / "fixtures"
#: a monospaced font: every glyph 0.6 em wide, so the test places each column's edge exactly
COURIER = "<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>"
WORDS = ("and the people spake against god and against moses wherefore have ye brought us "
         "up out of egypt to die in the wilderness for there is no bread neither is there "
         "any water and our soul loatheth this light bread and the lord sent fiery serpents "
         "among the people and they bit the people and much people of israel died").split()


def _column_lines(n: int, width: int, start: int) -> list[str]:
    """``n`` lines of at most ``width`` characters of running text (set ragged right)."""
    out, i = [], start
    for _ in range(n):
        words: list[str] = []
        while len(" ".join(words + [WORDS[i % len(WORDS)]])) <= width:
            words.append(WORDS[i % len(WORDS)])
            i += 1
        out.append(" ".join(words))
    out[0] = out[0][0].upper() + out[0][1:]  # each column opens a paragraph
    return out


def _three_columns(gutter: float, heading: str, heading_size: float) -> str:
    """A page of three 10 pt columns of 30 characters (180 pt) ``gutter`` points apart;
    the first column opens with ``heading`` set at ``heading_size`` on the baseline of
    the other columns' first lines."""
    body, width, pitch, top = 10, 30, 12, 100
    x = [20 + k * (width * 6 + gutter) for k in range(3)]
    ops = []

    def line(xx: float, y: float, size: float, text: str) -> None:
        esc = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        ops.append(f"BT /F2 {size} Tf {xx} {792 - y} Td ({esc}) Tj ET")

    line(150, top - 40, 20, "Readings in Numbers")  # the title, across the first gutter
    # the heading ends where the column does, a little short of the gutter
    line(x[0] + width * 6 - len(heading) * 0.6 * heading_size, top, heading_size, heading)
    for k, text in enumerate(_column_lines(18, width, 0)):
        line(x[0], top + 2 * pitch + k * pitch, body, text)
    for col in (1, 2):
        for k, text in enumerate(_column_lines(20, width, 40 * col)):
            line(x[col], top + k * pitch, body, text)
    return "\n".join(ops)


def test_a_heading_larger_than_the_text_stays_in_its_column(tmp_path: Path) -> None:
    """Three columns an em of the body apart (LuaLaTeX's multicol): a 14 pt heading at the
    top of the first column shares its baseline with the other columns' first lines, and
    the gutter is less than an em of the heading's size. The page's lines share the white
    of the gutter all the way down, so the heading is a line of its own: the document has
    that heading, with its own words only, and the columns' text is read column by column."""
    heading = "1 The Serpent"
    pdf = write_pdf(tmp_path / "multicol3.pdf", [_three_columns(10, heading, 14)],
                    fonts="/F2 6 0 R", extra_objects=[COURIER])
    doc = extract_pdf(pdf)
    assert [(h.number, h.text) for h in doc.headings] == [("1", "The Serpent")]
    first = _column_lines(20, 30, 40)[0].split()
    # the second column's first line opens a paragraph of its own column, after the first's
    texts = [" ".join(p.text.split()) for p in doc.paragraphs]
    assert any(t.startswith(" ".join(first)) for t in texts)


@pytest.mark.parametrize("name", ["gutter-multicol3.pdf", "gutter-multicol3-chromium.pdf"])
def test_headings_in_narrow_columns_by_two_producers(name: str) -> None:
    """LuaLaTeX's multicol and Chromium's CSS columns, three columns an em apart, justified,
    with section headings larger than the text. A heading's line shares baselines with
    the other columns' lines across a gutter narrower than an em of the heading (the page
    shares that white: a gutter), and a heading wrapped in its column is justified with
    word spaces wider than an em (no other line shares them: word spaces). Each heading
    comes out whole, with its own words only."""
    doc = extract_pdf(FIXTURES / name)
    assert [(h.number, h.text) for h in doc.headings] == [
        ("1", "The Day of Atonement"), ("2", "The Bronze Serpent"),
        ("3", "Measurements in the Field")]
    # the paragraph under a heading opens with its own first words, not another column's
    assert any(p.text.startswith("And when king Arad the Canaanite") for p in doc.paragraphs)


def _mark_space_page(rows_beside: bool) -> str:
    """A justified 60-character measure (Courier 10 pt: 360 pt from x 72): a paragraph, a
    short code block set in from the left, then a line whose only wide white (10 pt, an em)
    follows a colon, as TeX sets the space after one on a stretched line. ``rows_beside``:
    the rows above and below hold text on both sides of that white, as a form's do."""
    ops = []

    def line(x: float, y: float, text: str) -> None:
        ops.append(f"BT /F2 10 Tf {x} {792 - y} Td ({text}) Tj ET")

    para = _column_lines(4, 60, 0)
    for k, text in enumerate(para):  # justified: the first three fill the measure
        words = text.split()
        if k < 3:
            x = 72.0
            spare = 360 - 6 * len(" ".join(words))
            for i, w in enumerate(words):
                line(x, 100 + 12 * k, w)
                x += 6 * len(w) + 6 + spare / (len(words) - 1)
        else:
            line(72, 100 + 12 * k, text)
    for k, code in enumerate(("c4 c, r", "}", "[music]")):
        line(96, 160 + 12 * k, code)
    head, tail = "See also Notation Reference:", "Writing pitches, Writing rests"
    gap = 360 - 6 * (len(head) + len(tail))
    assert 9 <= gap <= 16
    if rows_beside:
        for y in (184, 208):
            line(72, y, "Name of it:")
            line(72 + 6 * len(head) + gap, y, "value of it")
    line(72, 196, head)
    line(72 + 6 * len(head) + gap, 196, tail)
    line(72, 220, "rests, Time signature, Clef.")
    return "\n".join(ops)


def _line_with(pdf: Path, word: str) -> str:
    from pariter.extract.lines import build_lines
    from pariter.extract.readers import open_source

    src = open_source(pdf)
    try:
        page = next(src.pages())
    finally:
        src.close()
    return next(l.text for l in build_lines(page.chars, 1) if word in l.text)


def test_a_wide_space_after_a_colon_on_a_justified_line_is_a_space(tmp_path: Path) -> None:
    """TeX's space factor widens the space after a colon or a full stop past the word-space
    rule on a stretched line: the line is one line (pandoc's LaTeX "See also Notation
    Reference: Writing pitches, …", read as two columns before)."""
    pdf = write_pdf(tmp_path / "markspace.pdf", [_mark_space_page(False)],
                    fonts="/F2 6 0 R", extra_objects=[COURIER])
    assert _line_with(pdf, "Reference:") == "See also Notation Reference: Writing pitches, Writing rests"


def test_the_same_white_shared_by_the_rows_around_it_parts_two_pieces(tmp_path: Path) -> None:
    """Rows above and below with text on both sides of the white: a form's columns, whatever
    mark ends the left piece."""
    pdf = write_pdf(tmp_path / "form.pdf", [_mark_space_page(True)],
                    fonts="/F2 6 0 R", extra_objects=[COURIER])
    assert _line_with(pdf, "Reference:") == "See also Notation Reference:"
