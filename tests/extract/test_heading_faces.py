"""Headings as the face and the layout of a page show them, on producers we had not tuned on
(realaudit2): a manual page's section names over a command line, large headings on a first
page that holds running text, a heading with a colon, a first heading that is no title, a
chapter opening an excerpt, ``a)`` sections, and a heading that names a file in typewriter."""

from __future__ import annotations

from pathlib import Path

from pariter.extract import extract_pdf

from ._pdf import write_pdf

#: /F1 Helvetica (from write_pdf), /F2 Helvetica-Bold, /F3 Courier
_FONTS = ["<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
          "<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>"]

TEXT = ["And he heard the words of the sons of Laban, saying, Jacob hath taken away all",
        "that was our father's; and of that which was our father's hath he gotten all",
        "this glory. And Jacob beheld the countenance of Laban, and, behold, it was not",
        "toward him as before."]


def _op(font: str, size: float, x: float, baseline: float, text: str) -> str:
    esc = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    return f"BT /{font} {size} Tf {x:.2f} {792 - baseline:.2f} Td ({esc}) Tj ET"


def _pdf(path: Path, pages: list[list[str]]) -> Path:
    n = len(pages)
    return write_pdf(path, ["\n".join(p) for p in pages],
                     fonts=f"/F2 {4 + 2 * n} 0 R /F3 {5 + 2 * n} 0 R", extra_objects=_FONTS)


#: another paragraph (a page's own text: the same lines at the same place on two pages
#: are a running header)
TEXT2 = ["Now Jacob went on his journey, and came into the land of the people of the east.",
         "And he looked, and behold a well in the field, and, lo, there were three flocks",
         "of sheep lying by it; for out of that well they watered the flocks."]


def _para(x: float, top: float, lines: list[str] = TEXT) -> list[str]:
    return [_op("F1", 10, x, top + 12 * i, t) for i, t in enumerate(lines)]


def _heads(doc) -> list[str]:
    return [h.text for h in doc.headings]


def test_manual_page_section_names_over_a_command_line_are_headings(tmp_path: Path) -> None:
    # groff's man macros: section names in bold capitals a point above the body, the
    # text under them indented; NAME's text and SYNOPSIS's command start in lower case
    ops: list[str] = []
    y = 80.0
    for name, text in [("NAME", ["grepit - search files for a pattern"]),
                       ("SYNOPSIS", ["grepit [options] pattern file"]),
                       ("DESCRIPTION", TEXT), ("OPTIONS", TEXT),
                       ("ISSUES AND REPORTS", ["Bug tracker: https://example.org/grepit/issues"]),
                       ("AUTHOR", TEXT[:1] + ["Jacob."])]:
        ops.append(_op("F2", 11, 72, y, name))
        ops += _para(108, y + 14, text)
        y += 14 + 12 * len(text) + 16
    doc = extract_pdf(_pdf(tmp_path / "man.pdf", [ops]))
    assert _heads(doc) == ["NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "ISSUES AND REPORTS",
                           "AUTHOR"]


def test_large_lines_after_the_first_pages_text_are_headings_not_the_title(tmp_path: Path) -> None:
    # an article printed from the web: its title, a paragraph, then its sections, all on
    # page 1 in type much larger than the body
    page1 = [_op("F1", 24, 72, 80, "Readings with Notes")] + _para(72, 120)
    page1 += [_op("F2", 16, 72, 200, "Description")] + _para(72, 224)
    page1 += [_op("F2", 16, 72, 300, "Biography")] + _para(72, 324)
    page2 = [_op("F2", 16, 72, 80, "Later Years")] + _para(72, 104, TEXT2)
    doc = extract_pdf(_pdf(tmp_path / "web.pdf", [page1, page2]))
    assert doc.title == "Readings with Notes"
    assert _heads(doc) == ["Description", "Biography", "Later Years"]


def test_a_first_line_in_the_face_of_later_headings_is_no_title(tmp_path: Path) -> None:
    # a note printed from Word without a title: Heading 1 opens the page, and recurs;
    # a heading with a colon set in it is a heading too (not a label and its value)
    page1 = [_op("F1", 16, 72, 80, "Pixmap")] + _para(72, 100)
    page1 += [_op("F1", 16, 72, 180, "API Change: Display List")] + _para(72, 200)
    page1 += [_op("F1", 16, 72, 280, "API Change: Links")] + _para(72, 300)
    page2 = [_op("F1", 16, 72, 80, "Configuration Changes")] + _para(72, 100, TEXT2)
    doc = extract_pdf(_pdf(tmp_path / "word.pdf", [page1, page2]))
    assert doc.title != "Pixmap"
    assert _heads(doc) == ["Pixmap", "API Change: Display List", "API Change: Links",
                           "Configuration Changes"]


def test_an_excerpt_opening_with_a_chapter_has_no_cover(tmp_path: Path) -> None:
    # one page taken out of a book (it prints page 251): its chapter heading is a
    # heading, not a title on a cover page
    ops = [_op("F2", 14, 200, 80, "Chapter 7 Credit Standing")]
    ops += [_op("F2", 12, 72, 110, "1. Rating History")] + _para(72, 130)
    ops += [_op("F2", 12, 72, 200, "2. Credit Lines")] + _para(72, 220)
    ops += [_op("F1", 10, 300, 760, "251")]
    doc = extract_pdf(_pdf(tmp_path / "excerpt.pdf", [ops]))
    assert [(h.number, h.text) for h in doc.headings] == [
        ("Chapter 7", "Credit Standing"), ("1.", "Rating History"), ("2.", "Credit Lines")]


def test_letters_with_a_parenthesis_number_sections(tmp_path: Path) -> None:
    # body-size lines of their own, "a)" then "b)", each over paragraphs: sections
    ops = [_op("F2", 10, 72, 80, "1. Files in the package")] + _para(72, 96)
    ops += [_op("F1", 10, 72, 160, "a) Meaning of the word")] + _para(72, 176)
    ops += [_op("F1", 10, 72, 240, "b) Rules")] + _para(72, 256)
    ops += [_op("F2", 10, 72, 320, "2. Installation")] + _para(72, 336)
    ops += [_op("F1", 10, 72, 400, "a) Passwords")] + _para(72, 416)
    doc = extract_pdf(_pdf(tmp_path / "alpha.pdf", [ops]))
    assert [(h.number, h.text) for h in doc.headings] == [
        ("1.", "Files in the package"), ("a)", "Meaning of the word"), ("b)", "Rules"),
        ("2.", "Installation"), ("a)", "Passwords")]


def test_a_heading_naming_a_file_in_typewriter_is_no_code_listing(tmp_path: Path) -> None:
    # "3. Using " in bold, then the file's name in Courier (most of the line's glyphs)
    ops = [_op("F2", 10, 72, 80, "1. Files")] + _para(72, 96)
    ops += [_op("F2", 10, 72, 160, "2. Installation")] + _para(72, 176)
    ops += [_op("F2", 10, 72, 240, "3. Using "), _op("F3", 10, 117, 240, "TrIOmacros.tex")]
    ops += _para(72, 256)
    doc = extract_pdf(_pdf(tmp_path / "tt.pdf", [ops]))
    assert [h.number for h in doc.headings] == ["1.", "2.", "3."]
    assert doc.headings[-1].text.replace(" ", "") == "UsingTrIOmacros.tex"
