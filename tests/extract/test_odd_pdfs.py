"""Odd but valid PDFs: each test a property that a third-party PDF broke.

Found by extracting the ~900 PDFs of the TeX Live documentation (LaTeX, XeLaTeX, LuaLaTeX,
ConTeXt, dvipdfmx output): each file here is a hand-written PDF with the one trait that
crashed or misled the extractor, so the test fails without the fix.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pariter.extract import extract_pdf
from pariter.model import dumps
from pariter.pipeline import add_sentences

from ._pdf import write_pdf


def _tounicode(pairs: dict[int, str]) -> str:
    """A ToUnicode CMap stream mapping single-byte codes to UTF-16BE hex strings."""
    body = "\n".join(f"<{code:02X}> <{hexs}>" for code, hexs in pairs.items())
    cmap = ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
            "/CMapName /Odd def /CMapType 2 def\n"
            "1 begincodespacerange <00> <FF> endcodespacerange\n"
            f"{len(pairs)} beginbfchar\n{body}\nendbfchar\n"
            "endcmap CMapName currentdict /CMap defineresource pop end end")
    return f"<< /Length {len(cmap)} >>\nstream\n{cmap}\nendstream"


def _remapped(path: Path, reader: str, first_line: str, remap: dict[str, str]):  # noqa: ANN202
    """Extracts a Helvetica page whose ToUnicode maps each ASCII code to itself except the
    letters of ``remap`` (to the given UTF-16 hex); returns the document and its joined text."""
    font = ("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding "
            "/ToUnicode 7 0 R >>")
    content = (f"BT /F2 11 Tf 72 700 Td ({first_line}) Tj ET\n"
               "BT /F2 11 Tf 72 680 Td (A second line of plain text follows it here.) Tj ET")
    pairs = {c: f"{c:04X}" for c in range(0x20, 0x7F)}
    pairs.update({ord(k): v for k, v in remap.items()})
    pdf = write_pdf(path, [content], fonts="/F2 6 0 R", extra_objects=[font, _tounicode(pairs)])
    doc = extract_pdf(pdf, reader=reader)
    add_sentences(doc)
    return doc, " ".join(p.text for p in doc.paragraphs)


@pytest.mark.parametrize("reader", ["pdfium", "pdfplumber"])
def test_a_glyph_mapped_to_half_a_surrogate_pair_is_no_text(tmp_path: Path, reader: str) -> None:
    """Latin Modern's font table (lm-info.pdf) maps an unused slot to U+D800, half of a
    UTF-16 pair: no character, and a string holding it cannot be written as UTF-8. The
    glyph is dropped and reported; a whole pair (U+1F600 as D83D DE00) stays one character."""
    doc, text = _remapped(tmp_path / "surrogate.pdf", reader,
                          "The lone half X is not text, the pair Y is one.",
                          {"X": "D800", "Y": "D83DDE00"})
    assert "half  is" in text or "half is" in text, text
    assert not any("\ud800" <= c <= "\udfff" for c in text), text
    dumps(doc).encode("utf-8")  # what `pariter extract` writes
    if reader == "pdfium":  # pdfminer decodes the map itself and drops the half unsaid
        assert any(w.code == "lone_surrogates" for w in doc.warnings), doc.warnings
        assert "\U0001F600" in text, text


@pytest.mark.parametrize("reader", ["pdfium", "pdfplumber"])
def test_noncharacters_and_glyphs_mapped_to_nothing_are_reported(tmp_path: Path, reader: str) -> None:
    """XeTeX's nanicolle manual maps a glyph after each URL to U+FFFF, a noncharacter that
    pdfminer passed into the text unsaid; a ToUnicode entry may also give U+0000 or an
    empty string. Noncharacters (U+FFFE, U+FFFF, U+FDD0–FDEF) leave the text, glyphs mapped
    to no character are dropped, and each is counted in one warning per page, not per glyph."""
    doc, text = _remapped(tmp_path / "nonchar.pdf", reader,
                          "See http://example.org/XY and the ZZ mark, then Q here.",
                          {"X": "FFFF", "Y": "FDD0", "Z": "FFFE", "Q": "0000"})
    assert "example.org/" in text and "second line" in text, text
    out = dumps(doc)
    for bad in ("\uffff", "\ufffe", "\ufdd0", "\x00"):
        assert bad not in text and bad not in out, (bad, text)
    nonchar = [w for w in doc.warnings if w.code == "noncharacters"]
    # PDFium reads U+FFFF as "no map" and falls back to the font's encoding ("X"): three
    # noncharacters, pdfminer four, in one warning for the page
    assert len(nonchar) == 1 and nonchar[0].page == 1, doc.warnings
    count = {"pdfium": "3", "pdfplumber": "4"}[reader]
    assert nonchar[0].message.startswith(f"{count} noncharacter(s)"), nonchar
    assert "U+FFFE" in nonchar[0].message and "Helvetica" in nonchar[0].message, nonchar
    # the glyph mapped to U+0000: PDFium spells it (cid:0), pdfminer gives the character
    assert any(w.code == "cid_glyphs" and w.page == 1 for w in doc.warnings), doc.warnings


def _unmapped_cid_font(path: Path, flags: int) -> Path:
    """A page whose words "A" and "BC" are set in a composite (Identity-H) font with no
    ToUnicode map, as dvipdfmx writes Latin Modern when it cannot make one (texproposal):
    the codes are glyph numbers, not characters. ``flags``: the descriptor's /Flags."""
    font = ("<< /Type /Font /Subtype /Type0 /BaseFont /Odd-Identity-H /Encoding /Identity-H "
            "/DescendantFonts [7 0 R] >>")
    cid = ("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Odd /CIDToGIDMap /Identity "
           "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
           "/DW 600 /FontDescriptor 8 0 R >>")
    desc = (f"<< /Type /FontDescriptor /FontName /Odd /Flags {flags} /FontBBox [0 -200 1000 900] "
            "/ItalicAngle 0 /Ascent 900 /Descent -200 /CapHeight 700 /StemV 80 >>")
    content = ("BT /F1 11 Tf 72 700 Td (Write to ) Tj /F2 11 Tf <0041> Tj /F1 11 Tf ( the author, "
               "see ) Tj /F2 11 Tf <00420043> Tj /F1 11 Tf ( here.) Tj ET\n"
               "BT /F1 11 Tf 72 680 Td (A second line of plain text follows it here.) Tj ET")
    return write_pdf(path, [content], fonts="/F2 6 0 R", extra_objects=[font, cid, desc])


@pytest.mark.parametrize("reader", ["pdfium", "pdfplumber"])
def test_glyphs_without_a_unicode_map_are_reported_whether_kept_or_dropped(tmp_path: Path,
                                                                           reader: str) -> None:
    """PDFium reads a glyph its font maps to no character as its code, kept when the code
    is printable ASCII; pdfminer as ``(cid:N)``, dropped. Either way each page says how many
    such glyphs it has and in which fonts, so a wrong or missing letter is never silent."""
    doc = extract_pdf(_unmapped_cid_font(tmp_path / "nomap.pdf", 32), reader=reader)
    text = " ".join(p.text for p in doc.paragraphs)
    assert "second line" in text, text
    code = {"pdfium": "unmapped_glyphs", "pdfplumber": "cid_glyphs"}[reader]
    found = [w for w in doc.warnings if w.code == code]
    assert len(found) == 1 and found[0].page == 1, doc.warnings
    assert found[0].message.startswith("3 glyph(s)") and "Odd" in found[0].message, found


@pytest.mark.parametrize("reader", ["pdfium", "pdfplumber"])
def test_an_unmapped_glyph_of_a_symbol_font_is_not_the_letter_of_its_code(tmp_path: Path,
                                                                           reader: str) -> None:
    """marvosym's envelope is code 66 in a Symbolic font with no ToUnicode map (nanicolle's
    manual), cmsy's angle brackets 104 and 105: read as the ASCII of their codes they put
    "B", "h", "i" into the words. A font whose descriptor declares a symbol set gives no
    letters for its unmapped codes: the glyphs are reported and left out."""
    doc = extract_pdf(_unmapped_cid_font(tmp_path / "symbol.pdf", 4), reader=reader)
    text = " ".join(p.text for p in doc.paragraphs)
    assert "Write to the author, see here." in " ".join(text.split()), text
    assert not any(w.code == "unmapped_glyphs" for w in doc.warnings), doc.warnings
    dropped = [w for w in doc.warnings if w.code == "cid_glyphs"]
    assert len(dropped) == 1 and dropped[0].message.startswith("3 glyph(s)"), doc.warnings
    assert "Odd" in dropped[0].message, dropped


@pytest.mark.parametrize("reader", ["pdfium", "pdfplumber"])
def test_control_characters_leave_the_text_with_a_warning(tmp_path: Path, reader: str) -> None:
    """A ToUnicode entry may give a control character (U+0007): no text holds one and XML
    (TEI, TMX) cannot. It leaves the text and the page says so; a tab stays white space."""
    doc, text = _remapped(tmp_path / "control.pdf", reader, "A bell X here and a tab Y there.",
                          {"X": "0007", "Y": "0009"})
    assert "\x07" not in dumps(doc) and "bell here" in " ".join(text.split()), text
    found = [w for w in doc.warnings if w.code == "control_characters"]
    assert len(found) == 1 and found[0].page == 1, doc.warnings
    assert found[0].message.startswith("1 control character(s)"), found


def test_title_outline_and_link_uris_are_cleaned_like_the_text(tmp_path: Path) -> None:
    """The document's title (metadata), its outline titles and its links' URIs are text
    the PDF stores outside the page: a noncharacter or a control character in them is
    removed as it is from the glyphs, and reported."""
    from pariter.extract.chars import PdfplumberSource
    from pariter.extract.outline import read_outline
    from pariter.extract.pdfium import PdfiumSource

    def utf16(text: str) -> str:
        return "<FEFF" + "".join(f"{ord(c):04X}" for c in text) + ">"

    title, entry = utf16("Odd\uffff ti\x07tle"), utf16("Intro\x07duc\uffffti\ufdd0on")
    content = "BT /F1 11 Tf 72 700 Td (A plain line of text under a link.) Tj ET"
    pdf = write_pdf(tmp_path / "strings.pdf", [content], extra_trailer="/Info 6 0 R",
                    catalog_extra="/Outlines 7 0 R", page_extra="/Annots [9 0 R]",
                    extra_objects=[f"<< /Title {title} >>",
                                   "<< /Type /Outlines /First 8 0 R /Last 8 0 R /Count 1 >>",
                                   f"<< /Title {entry} /Parent 7 0 R "
                                   "/Dest [4 0 R /XYZ 72 720 0] >>",
                                   "<< /Type /Annot /Subtype /Link /Rect [72 690 250 712] "
                                   "/A << /S /URI /URI (http://example.org/a\\007b) >> >>"])
    src = PdfiumSource(pdf)
    links = [l for pc in src.pages() for l in pc.links]
    problems = list(src.problems) + [p for pc in src.pages() for p in pc.problems]
    src.close()
    assert src.title == "Odd title", src.title
    # PDFium gives the control character as a space; the noncharacters are removed here
    assert [o.title for o in src.info.outline] == ["Intro duction"], src.info.outline
    assert [e.title for e in read_outline(pdf)] == ["Intro duction"]
    assert [l.uri for l in links] == ["http://example.org/ab"], links
    said = " ".join(m for code, m in problems if code == "control_characters")
    for what in ("title", "outline", "link URIs"):
        assert what in said, problems
    plumber = PdfplumberSource(pdf)
    plumber.close()
    assert plumber.title == "Odd title" and any("title" in m for _, m in plumber.problems)
    doc = extract_pdf(pdf)
    assert "\uffff" not in dumps(doc) and "\x07" not in dumps(doc)
    assert sum(w.code == "control_characters" for w in doc.warnings) >= 3, doc.warnings


def test_boxes_are_cut_at_the_page_edge(tmp_path: Path) -> None:
    """A line of code set past the right margin (shared-mime-info's spec) and a label at
    the bottom of a tightly cropped figure (dvipdfm's transistor.pdf): the glyphs' boxes
    reach past the page, the units' boxes stop at its edges."""
    content = ("BT /F1 11 Tf 72 700 Td (A paragraph of plain text sits well inside the page.) Tj ET\n"
               "BT /F1 11 Tf 300 600 Td (<mime-type type=\\(text/x-diff\\)> runs past the edge) Tj ET\n"
               "BT /F1 11 Tf 72 1 Td (-12 V at the very bottom) Tj ET")
    doc = extract_pdf(write_pdf(tmp_path / "edge.pdf", [content]))
    w, h = doc.pages[0].width, doc.pages[0].height
    boxes = [b for u in (*doc.paragraphs, *doc.headings, *doc.footnotes) for b in u.boxes]
    assert any("mime-type" in p.text for p in doc.paragraphs), [p.text for p in doc.paragraphs]
    assert any("-12 V" in p.text for p in doc.paragraphs), [p.text for p in doc.paragraphs]
    for b in boxes:
        assert 0 <= b.x0 <= b.x1 <= w and 0 <= b.top <= b.bottom <= h, b


def test_a_bullet_on_a_line_of_its_own_labels_the_item_beside_it(tmp_path: Path) -> None:
    """dvipdfmx's manual sets a two-line item (a command and its arguments) in a raised box
    beside its bullet, so the bullet is a line of its own between the item's lines. A bullet
    is no text: no empty paragraph, and the item beside it is a list item."""
    body = [(72, 100 + 12 * k, "This is a line of the body text that runs across the column.")
            for k in range(4)]
    lines = [f"BT /F1 10 Tf {x} {792 - top} Td ({t}) Tj ET" for x, top, t in body]
    lines += ["BT /F1 10 Tf 82 {} Td (\\225) Tj ET".format(792 - 164),
              "BT /F1 10 Tf 93.8 {} Td (pdf:ann @name width [length] height) Tj ET".format(792 - 158),
              "BT /F1 10 Tf 93.8 {} Td ([length] depth [length] <<dict>>) Tj ET".format(792 - 170),
              "BT /F1 10 Tf 72 {} Td (A new paragraph of the body text follows the item here.) Tj ET"
              .format(792 - 200)]
    doc = extract_pdf(write_pdf(tmp_path / "bullet.pdf", ["\n".join(lines)]))
    assert all(p.text.strip() for p in doc.paragraphs), [(p.id, p.text) for p in doc.paragraphs]
    item = [p for p in doc.paragraphs if p.text.startswith("pdf:ann")]
    assert item and item[0].role == "list", [(p.role, p.text) for p in doc.paragraphs]


def test_triangular_dash_and_private_use_bullets_label_items_and_are_no_text(tmp_path: Path) -> None:
    """ConTeXt's LuaTeX manual sets its items with a triangular bullet (U+2023), LaTeX's
    second level with an en dash, Word with Symbol's private-use bullet (U+F0B7), often with
    no space drawn after it. Each opens a list item whose wrapped lines stay with it; the
    bullet is no text of the item, nor a sentence."""
    font = ("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding "
            "/ToUnicode 7 0 R >>")
    pairs = {c: f"{c:04X}" for c in range(0x20, 0x7F)}
    pairs.update({ord("#"): "2023", ord("~"): "F0B7"})
    rows = [(72, 100, "This is a line of the body text that runs across the column, as it does."),
            (72, 112, "The version is defined as follows, in four parts of their own:"),
            (72, 128, "#"), (82, 128, "The major version is the integer result of the version divided by"),
            (82, 140, "one hundred, so you may need to prefix its use with the command."),
            (72, 152, "#"), (82, 152, "The minor version is the two-digit result of the version."),
            (72, 164, "\\226 a wrapped object disappears from the global pool of objects."),
            (72, 176, "~Private-use bullet items come from a Symbol font in Word."),
            (72, 200, "A new paragraph of the body text follows the list here, and it ends.")]
    content = "\n".join(f"BT /F2 10 Tf {x} {792 - top} Td ({t}) Tj ET" for x, top, t in rows)
    pdf = write_pdf(tmp_path / "items.pdf", [content], fonts="/F2 6 0 R",
                    extra_objects=[font, _tounicode(pairs)])
    doc = extract_pdf(pdf)
    add_sentences(doc)
    texts = [(p.role, p.text) for p in doc.paragraphs]
    assert not any(b in t for _, t in texts for b in "\u2023\u2013\uf0b7"), texts
    items = [t for role, t in texts if role == "list"]
    assert [t.split()[:2] for t in items] == [["The", "major"], ["The", "minor"], ["a", "wrapped"],
                                              ["Private-use", "bullet"]], texts
    assert items[0].endswith("with the command."), items
    assert all(any(ch.isalnum() for ch in s.text) for s in doc.sentences), \
        [s.text for s in doc.sentences]


def test_a_table_of_bullets_makes_no_paragraph(tmp_path: Path) -> None:
    """zhlipsum's manual marks the encodings each text supports with bullets in the cells
    of an unruled table: rows of bullets only ("• •", "•") are no text."""
    lines = [f"BT /F1 10 Tf 72 {792 - 100 - 12 * k} Td (This is a line of the body text that "
             "runs across the column, as body text does.) Tj ET" for k in range(4)]
    lines.append(f"BT /F1 7 Tf 440 {792 - 160} Td (utf8 gbk big5) Tj ET")
    for k, row in enumerate(["\\225 \\225", "\\225 \\225 \\225", "\\225", "\\225 \\225"]):
        lines.append(f"BT /F1 7 Tf 445 {792 - 170 - 9.5 * k} Td ({row}) Tj ET")
    lines.append(f"BT /F1 10 Tf 72 {792 - 230} Td (A new paragraph of the body text follows the "
                 "table here.) Tj ET")
    doc = extract_pdf(write_pdf(tmp_path / "bullets.pdf", ["\n".join(lines)]))
    bullets = "\u2022 "
    assert all(p.text.strip(bullets) for p in doc.paragraphs), [p.text for p in doc.paragraphs]
    assert any(p.text.startswith("A new paragraph") for p in doc.paragraphs)


def test_one_line_per_page_at_one_height_is_the_text_not_a_header(tmp_path: Path) -> None:
    """xespotcolor's test sheet prints one line at the top of each page: at one height, in
    one type, set apart from nothing. With nothing beyond it on its page the line is the
    page's text; taking it for a varying running header left nothing to extract."""
    texts = ["A spotcolor as background color.", "This is some more text.",
             "Text in blue background.", "And a fourth page of it."]
    pages = [f"BT /F1 10 Tf 92 {792 - 82} Td ({t}) Tj ET" for t in texts]
    doc = extract_pdf(write_pdf(tmp_path / "sheet.pdf", pages))
    got = " ".join(p.text for p in doc.paragraphs)
    assert all(t in got for t in texts), (got, [pg.running for pg in doc.pages])


def test_listings_outweighing_the_prose_do_not_set_the_body_size(tmp_path: Path) -> None:
    """A package manual's code listings, set smaller in a typewriter face, may carry more
    lines than its prose. The body is still the prose's size, so that notes set a little
    smaller than the prose, but larger than the listings, are read as notes (as in a
    XeTeX manual whose 8.5 pt listings outweighed its 10.9 pt prose and left every note
    of a page in the text)."""
    from ._pdf import courier_pdf, courier_text

    prose = [f"Prose line {i} of the manual explains how the package reads its input."
             for i in range(10)]
    ops = [f"BT /F1 11 Tf 72 {792 - 90 - 14 * i} Td ({t}) Tj ET" for i, t in enumerate(prose)]
    # the callout: raised small type right after the last word of the prose
    ops[-1] = ops[-1].replace(" Tj ET", " Tj 7 Tf 4 Ts (1) Tj 0 Ts ET")
    top = 90 + 14 * 10 + 12
    code = [f"\\\\command{{argument {i}}} % a line of the listing, number {i}" for i in range(24)]
    ops += [courier_text(90, top + 10 * i, 8.5, t) for i, t in enumerate(code)]
    note = top + 10 * 24 + 30
    ops.append(f"BT /F1 6 Tf 72 {792 - note + 3} Td (1) Tj /F1 9 Tf 4 -3 Td "
               "(This note explains how the input is read.) Tj ET")
    doc = extract_pdf(courier_pdf(tmp_path / "manual.pdf", [ops]))
    assert [(n.label, n.text) for n in doc.footnotes] == [
        ("1", "This note explains how the input is read.")]
    assert [(m.label, m.footnote) for m in doc.markers] == [("1", doc.footnotes[0].id)]
    assert not any("This note" in p.text for p in doc.paragraphs)
