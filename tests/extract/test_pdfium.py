"""The PDFium character layer: the same glyphs as pdfplumber's reading, and the evidence
the PDF carries (font descriptors, render mode, tags, outline, links), on the corpus PDFs
and on small PDFs written here byte by byte.

Tests of files in ../shared skip when it is absent; ``PARITER_SHARED`` points them at it
from a checkout that is not beside it (a worktree)."""

from __future__ import annotations

import functools
import unicodedata
from pathlib import Path

import pytest

from pariter.extract.chars import PdfplumberSource
from pariter.extract.pdfium import PdfiumSource

from ._pdf import text_ops, write_pdf
from tests.helpers import SHARED

ROOT = Path(__file__).parents[2]
CORPUS = ROOT / "corpus" / "pdf"


def _pages(src) -> list:  # noqa: ANN001
    try:
        return list(src.pages())
    finally:
        src.close()


def _text(chars) -> str:  # noqa: ANN001
    return "".join(unicodedata.normalize("NFKC", c.text) for c in chars if not c.text.isspace())


def _shared(rel: str) -> Path:
    p = SHARED / rel
    if not p.exists():
        pytest.skip("../shared is absent")
    return p


# ------------------------------------------------------------------ same glyphs
@pytest.mark.parametrize("name", ["wic-consensus-en.pdf", "wic-consensus-zh-en.pdf",
                                  "wic-consensus-zh.pdf"])
def test_same_glyphs_and_boxes_as_pdfplumber(name: str) -> None:
    """Page by page the two readers give the same characters in the same order, and the
    same layout boxes and baselines: what the structure code is tuned on."""
    a = _pages(PdfiumSource(CORPUS / name, tables=False))
    b = _pages(PdfplumberSource(CORPUS / name, tables=False))
    assert len(a) == len(b)
    matched = close = 0
    for pa, pb in zip(a, b):
        assert (pa.width, pa.height) == pytest.approx((pb.width, pb.height), abs=0.01)
        assert _text(pa.chars) == _text(pb.chars), f"page {pa.number}"
        ga = [c for c in pa.chars if not c.text.isspace()]
        gb = [c for c in pb.chars if not c.text.isspace()]
        for c, d in zip(ga, gb):
            matched += 1
            close += (abs(c.x0 - d.x0) < 0.5 and abs(c.x1 - d.x1) < 0.5
                      and abs(c.baseline - d.baseline) < 0.5 and abs(c.size - d.size) < 0.05)
    assert close >= 0.97 * matched


def test_glyphs_in_drawing_order(tmp_path: Path) -> None:
    """The second half of a line drawn first stays first: ``seq`` is the content stream's
    order, which PDFium's own character index does not keep."""
    f = write_pdf(tmp_path / "o.pdf", [text_ops([(200, 100, 12, "world"), (72, 100, 12, "hello")])])
    chars = _pages(PdfiumSource(f))[0].chars
    assert "".join(c.text for c in sorted(chars, key=lambda c: c.seq)) == "worldhello"
    assert [c.seq for c in chars] == list(range(len(chars)))


def test_space_drawn_as_its_own_object_is_kept(tmp_path: Path) -> None:
    """Word draws a word space as a text object of its own, which PDFium leaves out of its
    text page (it has no ink): the reader puts it back, as pdfminer reads it."""
    ops = "BT /F1 10 Tf 72 700 Td (PE) Tj ET BT /F1 10 Tf 86.1 700 Td ( ) Tj ET " \
          "BT /F1 10 Tf 88.9 700 Td (30) Tj ET"
    f = write_pdf(tmp_path / "s.pdf", [ops])
    a = _pages(PdfiumSource(f))[0].chars
    b = _pages(PdfplumberSource(f))[0].chars
    assert "".join(c.text for c in a) == "".join(c.text for c in b) == "PE 30"


# ------------------------------------------------------------------ glyph evidence
def test_font_descriptor_evidence() -> None:
    """Weight from the descriptor's stem width, flags, italic angle: bold and italic are
    told apart without reading the font's name."""
    pages = _pages(PdfiumSource(CORPUS / "wic-consensus-en.pdf", tables=False))
    fonts = {c.font.base: c.font for p in pages for c in p.chars if c.font is not None}
    bold = fonts["LibertinusSerif-Bold"]
    regular = fonts["LibertinusSerif-Regular"]
    italic = fonts["LibertinusSerif-Italic"]
    assert bold.weight >= 600 > regular.weight
    assert italic.italic and not regular.italic
    assert regular.flags is not None and regular.serif
    assert bold.stem_v == pytest.approx(168.6, abs=1)  # as written in the file
    # pdfplumber cannot tell: the field says unknown, not "regular"
    assert all(c.font is None for c in _pages(PdfplumberSource(CORPUS / "wic-consensus-en.pdf",
                                                               tables=False))[0].chars)


def test_render_mode_colour_rotation_and_hyphen(tmp_path: Path) -> None:
    ops = "\n".join([
        "BT /F1 12 Tf 3 Tr 72 700 Td (hidden) Tj ET",
        "BT /F1 12 Tf 0 Tr 1 0 0 rg 72 650 Td (red) Tj ET",
        "BT /F1 12 Tf 0 1 -1 0 300 400 Tm (turned) Tj ET",
        "BT /F1 12 Tf 72 600 Td (a multi-) Tj 0 -14 Td (ple word) Tj ET",
    ])
    f = write_pdf(tmp_path / "e.pdf", [ops])
    chars = _pages(PdfiumSource(f))[0].chars
    by = {}
    for c in chars:
        by.setdefault(c.text, c)
    assert by["h"].invisible and by["h"].render_mode == 3
    assert not by["r"].invisible and by["r"].colour == (1.0, 0.0, 0.0)
    turned = [c for c in chars if not c.upright]
    assert "".join(c.text for c in turned) == "turned"
    assert all(c.angle == pytest.approx(90) for c in turned)
    hyphens = [c for c in chars if c.text == "-"]
    assert len(hyphens) == 1 and hyphens[0].hyphen
    assert all(c.tight is not None and c.tight[0] <= c.tight[2] for c in chars)


def test_page_rotation_gives_pdfplumbers_coordinates(tmp_path: Path) -> None:
    """Boxes are on the page as displayed: a /Rotate 90 page is read turned, and both
    readers put each glyph at the same place."""
    ops = "BT /F1 12 Tf 0 1 -1 0 300 100 Tm (Upright after turning) Tj ET"
    f = write_pdf(tmp_path / "r.pdf", [ops], page_extra="/Rotate 90")
    a = _pages(PdfiumSource(f))[0]
    b = _pages(PdfplumberSource(f))[0]
    assert (a.width, a.height) == pytest.approx((792, 612))
    assert all(c.upright for c in a.chars)
    assert [round(c.x0, 1) for c in a.chars] == [round(c.x0, 1) for c in b.chars]
    assert [round(c.baseline, 1) for c in a.chars] == [round(c.baseline, 1) for c in b.chars]


# ------------------------------------------------------------------ tags, outline, links
@functools.lru_cache(maxsize=1)
def _report() -> tuple[PdfiumSource, list]:
    src = PdfiumSource(CORPUS / "wic-report-zh.pdf", tables=False)
    return src, _pages(src)


def test_tagged_pdf_structure_and_artifacts() -> None:
    """The corpus report is tagged: headings are H1/H2 elements, notes Note, running
    headers and page numbers artifacts set in the page margins."""
    src, pages = _report()
    assert src.info.tagged
    heads = [c for p in pages for c in p.chars if c.struct and c.struct.type in ("H1", "H2")]
    notes = [c for p in pages for c in p.chars if c.struct and c.struct.within("Note")]
    assert heads and notes
    art = [(p, c) for p in pages for c in p.chars if c.artifact]
    # page numbers and running heads in the margins; in the text only the contents'
    # leader dots
    assert art and all(c.top < 0.12 * p.height or c.bottom > 0.88 * p.height
                       or not c.text.isalnum() for p, c in art)
    # one element, one index: the glyphs of a heading share it
    first = heads[0].struct
    assert sum(1 for c in heads if c.struct is first) > 1


def test_outline_titles_and_positions() -> None:
    src, pages = _report()
    outline = src.info.outline
    assert len(outline) >= 10 and {o.level for o in outline} == {1, 2}
    for o in outline:
        t = o.target
        assert t is not None and 1 <= t.page <= len(pages)
        assert t.top is not None and 0 <= t.top <= pages[t.page - 1].height
        # the heading set at the target: glyphs of the title just below the target point
        line = "".join(c.text for c in pages[t.page - 1].chars
                       if t.top - 2 <= c.top <= t.top + 40)
        assert o.title[:4] in line


def test_links_internal_and_uri(tmp_path: Path) -> None:
    annots = ("/Annots [<< /Type /Annot /Subtype /Link /Rect [72 690 150 710] "
              "/Dest [6 0 R /XYZ 0 500 0] >> "
              "<< /Type /Annot /Subtype /Link /Rect [72 640 150 660] "
              "/A << /S /URI /URI (https://example.org/a) >> >>]")
    f = write_pdf(tmp_path / "l.pdf", [text_ops([(72, 90, 12, "see p. 2")]),
                                       text_ops([(72, 292, 12, "target")])],
                  page_extra=[annots, ""],
                  catalog_extra="/Outlines 8 0 R",
                  extra_objects=["<< /Type /Outlines /First 9 0 R /Last 9 0 R /Count 1 >>",
                                 "<< /Title (Second page) /Parent 8 0 R /Dest [6 0 R /XYZ 0 500 0] >>"])
    src = PdfiumSource(f)
    pages = _pages(src)
    inner, web = pages[0].links
    assert (inner.x0, inner.top, inner.x1, inner.bottom) == pytest.approx((72, 82, 150, 102))
    assert inner.target.page == 2 and inner.target.top == pytest.approx(292)
    assert web.uri == "https://example.org/a" and web.target is None
    (item,) = src.info.outline
    assert (item.title, item.level, item.target.page) == ("Second page", 1, 2)
    assert item.target.top == pytest.approx(292)


# ------------------------------------------------------------------ drawings
def test_rules_graphics_and_ruled_table(tmp_path: Path) -> None:
    """A note separator is a horizontal rule; a grid of lines is a table found by
    pdfplumber's algorithm on PDFium's edges; a filled box is a graphic."""
    grid = []
    for i in range(4):  # 3 rows
        grid.append(f"72 {700 - 20 * i} m 372 {700 - 20 * i} l S")
    for x in (72, 222, 372):  # 2 columns
        grid.append(f"{x} 700 m {x} 640 l S")
    cells = [(80, 95, "Name"), (230, 95, "Value"), (80, 115, "alpha"), (230, 115, "1"),
             (80, 135, "beta"), (230, 135, "2")]
    ops = "\n".join(grid + ["72 200 m 200 200 l S", "0.5 g 400 300 100 80 re f",
                            text_ops([(x, t, 10, s) for x, t, s in cells])])
    f = write_pdf(tmp_path / "t.pdf", [ops])
    page = _pages(PdfiumSource(f))[0]
    assert any(r.horizontal and abs(r.top - 592) < 0.1 for r in page.rules)
    assert any(g == pytest.approx((400, 412, 500, 492)) for g in page.graphics)
    (table,) = page.tables
    assert table.rows == [["Name", "Value"], ["alpha", "1"], ["beta", "2"]]
    plumber = _pages(PdfplumberSource(f))[0]
    assert [t.rows for t in plumber.tables] == [table.rows]
    assert len(plumber.rules) == len(page.rules)


# ------------------------------------------------------------------ what PDFium reads better
def test_unmapped_glyphs_reported_not_dropped() -> None:
    """A glyph whose font maps no Unicode is flagged and counted, spelt (cid:N)."""
    page = _pages(PdfiumSource(_shared("pdfs/zh_pdfjs_issue12823_cid.pdf")))[0]
    bad = [c for c in page.chars if c.unmapped]
    assert bad and page.unmapped == len(bad)
    assert all(c.text.startswith("(cid:") for c in bad)


def test_actual_text_of_glyphs_pdfium_drops() -> None:
    """Math italics marked with an /ActualText PDFium cannot decode (outside the BMP)
    vanish from its text page; the reader restores them from the mark."""
    pdf = _shared("data/realpairs/pdf/sui-zh.pdf")
    a = _pages(PdfiumSource(pdf, tables=False))[14]
    assert "𝑚𝑎𝑝[𝑘𝑒𝑦]→𝑣𝑎𝑙𝑢𝑒" in "".join(c.text for c in a.chars if not c.text.isspace())
    assert any(code == "actual_text" for code, _ in a.problems)


def test_font_without_tounicode_decoded() -> None:
    """A GB-encoded font without a ToUnicode map: pdfminer reads Latin-1 mojibake, PDFium
    the Chinese text."""
    page = _pages(PdfiumSource(_shared("pdfs/zh_pdfjs_XiaoBiaoSong_no_tounicode.pdf")))[0]
    assert "关于红军作战的原则" in _text(page.chars)


def test_small_capitals_read_as_set_not_as_actual_text(tmp_path: Path) -> None:
    """Chromium sets CSS small capitals as capitals with the text as written in an
    /ActualText; PDFium reads the ActualText, pdfminer the capitals. Where the two differ
    in case only, the glyphs are given as set, so both readers agree."""
    ops = ("/Span << /ActualText (Introduction) >> BDC BT /F1 8 Tf 72 700 Td (INTRODUCTION) Tj "
           "ET EMC BT /F1 10 Tf 72 680 Td (Body text) Tj ET")
    f = write_pdf(tmp_path / "sc.pdf", [ops])
    page = _pages(PdfiumSource(f))[0]
    assert _text(page.chars) == _text(_pages(PdfplumberSource(f))[0].chars) == "INTRODUCTIONBodytext"
    assert any(code == "actual_text_case" for code, _ in page.problems)


def test_type3_font_named_from_its_descriptor(tmp_path: Path) -> None:
    """A Type 3 font has no /BaseFont and PDFium ignores its descriptor; the name (which
    carries the weight: "…-Bold") is read as pdfminer reads it."""
    font = ("<< /Type /Font /Subtype /Type3 /FontBBox [0 0 1000 1000] "
            "/FontMatrix [0.001 0 0 0.001 0 0] /CharProcs << /A 7 0 R >> "
            "/Encoding << /Type /Encoding /Differences [65 /A] >> /FirstChar 65 /LastChar 65 "
            "/Widths [600] /FontDescriptor 8 0 R >>")
    glyph = "600 0 0 0 500 700 d1 0 0 500 700 re f"
    desc = ("<< /Type /FontDescriptor /FontName /AAAAAA+NotoSansCJKsc-Bold /Flags 4 "
            "/FontWeight 700 /ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 "
            "/StemV 150 /FontBBox [0 0 1000 1000] >>")
    f = write_pdf(tmp_path / "t3.pdf", ["BT /T3 12 Tf 72 700 Td (AAA) Tj ET"],
                  fonts="/T3 6 0 R",
                  extra_objects=[font, f"<< /Length {len(glyph)} >>\nstream\n{glyph}\nendstream", desc])
    page = _pages(PdfiumSource(f))[0]
    assert [c.text for c in page.chars] == ["A", "A", "A"]
    assert all(c.fontname == "AAAAAA+NotoSansCJKsc-Bold" for c in page.chars)


def test_glyph_mapped_to_a_noncharacter_is_no_text(tmp_path: Path) -> None:
    """xdvipdfmx maps the .notdef glyph hyperref draws after a link to U+FFFF. PDFium codes
    a ToUnicode entry of several characters as U+FFFF plus an index, so it reads that glyph
    as the map's first ligature ("…/nanicolleffi."); pdfminer reads U+FFFF. Both readers
    give U+FFFF (which the hygiene drops and reports) and the real ligature of the font."""
    cmap = ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /T def "
            "/CMapType 2 def 1 begincodespacerange <00> <FF> endcodespacerange "
            "4 beginbfchar <A0> <FFFF> <41> <006600660069> <2E> <002E> <6F> <006F> endbfchar endcmap "
            "CMapName currentdict /CMap defineresource pop end end")
    extra = ["<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding "
             "/ToUnicode 7 0 R >>", f"<< /Length {len(cmap)} >>\nstream\n{cmap}\nendstream"]
    ops = "BT /F1 10 Tf 72 700 Td (github.com/nanicolle) Tj /F2 10 Tf (\\240.oA) Tj /F1 10 Tf (ce) Tj ET"
    f = write_pdf(tmp_path / "ffff.pdf", [ops], extra_objects=extra, fonts="/F2 6 0 R")
    for src in (PdfiumSource(f), PdfplumberSource(f)):
        assert _text(_pages(src)[0].chars) == "github.com/nanicolle\uffff.office"


NANICOLLE = Path("/usr/share/doc/texlive-doc/xelatex/nanicolle/nanicolle-doc-en.pdf")


def test_symbol_font_without_a_descent_is_not_an_em_deep() -> None:
    """xdvipdfmx declares Descent 0 for CMSY10 and PDFium reads its /FontBBox instead
    (-0.96 em: the big delimiters); a line holding a ⟨ then reached into the next and the
    paragraph broke there. A glyph's box reaches half an em below its baseline at most.
    (The TeX Live manual is read where it is installed.)"""
    if not NANICOLLE.exists():
        pytest.skip("TeX Live's nanicolle manual is not installed")
    src = PdfiumSource(NANICOLLE, tables=False)
    try:
        page = next(iter(src.pages([1])))
    finally:
        src.close()
    angles = [c for c in page.chars if c.text == "⟨"]
    assert angles and all(c.bottom - c.baseline <= 0.5 * c.size + 0.01 for c in angles)


# ------------------------------------------------------------------ memory
def test_a_page_read_leaves_no_glyph_in_a_reference_cycle() -> None:
    """Extraction runs without the cyclic garbage collector (``cycle_collector_paused``),
    so what a page's reading makes must be freed by reference counting: the glyphs, rules
    and paths of a page read (the corpus report is tagged: its structure tree is walked
    too) are not in a cycle."""
    import gc

    from pariter.extract.chars import Char, PageChars, Rule

    gc.collect()
    gc.disable()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        pages = _pages(PdfiumSource(CORPUS / "wic-report-zh.pdf"))
        assert sum(len(p.chars) for p in pages) > 1000 and any(p.rules for p in pages)
        del pages
        gc.collect()
        cyclic = {type(o) for o in gc.garbage}
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        gc.enable()
    assert not cyclic & {Char, PageChars, Rule}


def test_collector_pause_restores_the_collector() -> None:
    import gc

    from pariter.extract.document import cycle_collector_paused

    assert gc.isenabled()
    with cycle_collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with cycle_collector_paused():
            pass
        assert not gc.isenabled()  # a caller's own pause stands
    finally:
        gc.enable()
