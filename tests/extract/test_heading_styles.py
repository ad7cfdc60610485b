"""Heading styles a document sets at the body's size: small capitals (known by the font's
name), a bold run-in label before a line's text, and headings above a page's contents."""

from __future__ import annotations

from pathlib import Path

from pariter.extract.document import extract_pdf
from pariter.extract.fonts import name_traits

from ._pdf import write_pdf

#: Latin Modern's small capitals, by name (not embedded: the name is what is tested)
CAPS_FONT = "<< /Type /Font /Subtype /Type1 /BaseFont /LMRomanCaps10-Regular /Encoding /WinAnsiEncoding >>"
#: ... and its upright roman, the body's face (one family with the small capitals)
ROMAN = "<< /Type /Font /Subtype /Type1 /BaseFont /LMRoman10-Regular /Encoding /WinAnsiEncoding >>"
BOLD = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>"
TEXT = ("Over the past decade governments have adopted open data policies that differ in "
        "how they classify the data they hold and in how often they review each decision")


def _ops(items: list[tuple[str, float, float, str]]) -> str:
    out = []
    for font, size, top, text in items:
        esc = text.replace("(", "\\(").replace(")", "\\)")
        out.append(f"BT /{font} {size} Tf 72 {792 - top} Td ({esc}) Tj ET")
    return "\n".join(out)


def _para(top: float, n: int = 3) -> list[tuple[str, float, float, str]]:
    words = TEXT.split()
    return [("F5", 10, top + 12 * k, " ".join(words[(k * 7) % 20:(k * 7) % 20 + 11]))
            for k in range(n)]


def test_latin_modern_caps_is_small_capitals_by_name() -> None:
    """``Caps`` ends the family's name before its design size: small capitals."""
    assert name_traits("ORVXZS+LMRomanCaps10-Regular").smallcaps
    assert name_traits("LMRomanCaps10-Oblique").smallcaps
    assert not name_traits("Capsule-Regular").smallcaps


def test_small_capitals_at_body_size_are_a_heading_style_of_their_own(tmp_path: Path) -> None:
    """IEEEtran sets its section headings (``I. Introduction``) in small capitals at the
    body's size, right after an abstract set smaller, and lists one-line items in the
    body's type. The headings are headings (the caps face differs from the body); the
    items, in the body's own style, are not headings of the caps style."""
    items = [("F2", 20, 60, "Rules and the Quality of Open Data"),
             ("F1", 11, 90, "A. Author"),
             ("F4", 9, 120, "Abstract. This paper studies how public bodies classify data"),
             ("F4", 9, 131, "and relates the rules they follow to the quality of open data."),
             ("F3", 10, 160, "I. Introduction")]
    items += _para(178)
    items += [("F5", 10, 222, "The paper asks the following questions:"),
              ("F5", 10, 240, "1) Do classification rules affect completeness?"),
              ("F5", 10, 258, "2) Does the frequency of review affect timeliness?"),
              ("F5", 10, 276, "3) Do the rules interact with one another?"),
              ("F3", 10, 304, "II. Method")]
    items += _para(322)
    items += [("F3", 10, 370, "III. Results")]
    items += _para(388)
    pdf = write_pdf(tmp_path / "caps.pdf", [_ops(items)], fonts="/F2 6 0 R /F3 7 0 R /F4 8 0 R /F5 9 0 R",
                    extra_objects=[BOLD, CAPS_FONT, BOLD, ROMAN])
    doc = extract_pdf(pdf)
    assert [(h.number, h.text) for h in doc.headings] == [
        ("I.", "Introduction"), ("II.", "Method"), ("III.", "Results")]


def test_a_heading_above_the_contents_on_its_page_is_not_an_entry(tmp_path: Path) -> None:
    """A thesis's first page carries its abstract and, below it, the contents: what stands
    above the contents title is not contents (memoir and LibreOffice theses do this)."""
    page1 = [("F2", 20, 60, "Rules and the Quality of Open Data"),
             ("F2", 12, 110, "Abstract")] + _para(130, 5) + [
             ("F2", 12, 210, "Contents"),
             ("F5", 10, 232, "1 Introduction . . . . . . . . . . . . . . . . . 2"),
             ("F5", 10, 246, "2 Method . . . . . . . . . . . . . . . . . . . . 2"),
             ("F5", 10, 260, "3 Results . . . . . . . . . . . . . . . . . . . 2")]
    page2 = []
    for k, name in enumerate(("1 Introduction", "2 Method", "3 Results")):
        page2 += [("F2", 14, 80 + 120 * k, name)] + _para(100 + 120 * k, 4)
    pdf = write_pdf(tmp_path / "toc.pdf", [_ops(page1), _ops(page2)], fonts="/F2 6 0 R /F5 7 0 R",
                    extra_objects=[BOLD, ROMAN])
    doc = extract_pdf(pdf)
    heads = [(h.page, h.text) for h in doc.headings]
    assert (1, "Abstract") in heads
    assert [t for p, t in heads if p == 2] == ["Introduction", "Method", "Results"]


def test_a_line_opened_by_a_bold_label_is_set_in_its_texts_style(tmp_path: Path) -> None:
    """Regulations open each article with a bold label set a wide space before its text
    (``Article 1``, ``第一条``): the line's style is its text's, the wider piece's, so the
    articles are running text and the chapter headings after the first are headings."""
    items: list[tuple[str, float, float, str]] = [("F2", 20, 60, "Open Data Regulation"),
                                                  ("F2", 13, 100, "1 General Provisions")]
    top = 124.0
    for chapter in range(2):
        if chapter:
            items.append(("F2", 13, top + 6, "2 Catalogue and Classes"))
            top += 30
        for art in range(3):
            words = TEXT.split()
            items.append(("F2", 10, top, f"Article {3 * chapter + art + 1}"))
            items.append(("F5", 10, top, " ".join(words[:9])))  # moved right below
            items += [("F5", 10, top + 12 * k, " ".join(words[9 * k:9 * k + 11]))
                      for k in range(1, 3)]
            top += 44
    ops = _ops(items).split("\n")
    # the text after each label starts 60 pt in, a wide space after the bold label
    ops = [o.replace("72 ", "132 ", 1) if "/F5" in o and i and "/F2 10" in ops[i - 1] else o
           for i, o in enumerate(ops)]
    pdf = write_pdf(tmp_path / "articles.pdf", ["\n".join(ops)], fonts="/F2 6 0 R /F5 7 0 R",
                    extra_objects=[BOLD, ROMAN])
    doc = extract_pdf(pdf)
    assert [(h.number, h.text) for h in doc.headings] == [
        ("1", "General Provisions"), ("2", "Catalogue and Classes")]
