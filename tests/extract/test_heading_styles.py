"""Heading styles a document sets at the body's size: small capitals (known by the font's
name), a bold run-in label before a line's text, and headings above a page's contents."""

from __future__ import annotations

from pathlib import Path

from pariter.extract.document import extract_pdf
from pariter.extract.fonts import name_traits

from ._pdf import courier_pdf, courier_text, write_pdf

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


def test_a_manuals_headings_name_commands_and_open_on_lower_case_names(tmp_path: Path) -> None:
    """A LaTeX manual's numbered headings: one names a command (``2 The macro \\collect for
    labels``: a backslash before a word is no formula), and the text under another opens
    with the package's name in lower case (a sentence keeps its type size: text in body
    type does not continue a title set larger)."""
    body = ["We study the rules that public bodies follow when they publish the data.",
            "The registers of many bodies over five years are the evidence for this study."]

    def section(top: float, title: str, first: str) -> list[str]:
        return [courier_text(72, top, 16, title), courier_text(72, top + 25, 11, first)] + [
            courier_text(72, top + 38 + 13 * i, 11, t) for i, t in enumerate(body)]

    page1 = [courier_text(150, 60, 20, "nanicolle for labels")]
    page1 += section(120, "1 Structure of documents", "A document of the class has five parts.")
    page1 += section(250, "2 The macro \\collect for labels", "The syntax of the macro is simple.")
    page1 += section(380, "3 Change history", "nanicolle keeps a log of its changes since 2019,")
    doc = extract_pdf(courier_pdf(tmp_path / "manual.pdf", [page1]))
    heads = [(h.number, h.text) for h in doc.headings]
    assert heads == [("1", "Structure of documents"), ("2", "The macro \\collect for labels"),
                     ("3", "Change history")], heads


def test_an_outline_entry_over_text_that_opens_in_lower_case_is_a_heading(tmp_path: Path) -> None:
    """A heading set at the body's size over text that opens with a name in lower case
    (``2.1 Overleaf`` over ``fduthesis also provides …``) reads like a line running on; the
    outline lists it, and the author's list of headings decides."""
    lines = [courier_text(150, 50, 20, "The fduthesis manual"),
             courier_text(72, 90, 16, "1 Installation"),
             courier_text(72, 115, 11, "There are several ways to install the template."),
             courier_text(72, 150, 11, "1.1 Overleaf"),
             courier_text(72, 170, 11, "fduthesis also provides an Overleaf version, which you"),
             courier_text(72, 183, 11, "can edit online after logging in to your account there.")]
    courier = "<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>"
    pdf = write_pdf(tmp_path / "outlined.pdf", ["\n".join(lines)], fonts="/F2 6 0 R",
                    catalog_extra="/Outlines 7 0 R",
                    extra_objects=[courier,
                                   "<< /Type /Outlines /First 8 0 R /Last 8 0 R /Count 2 >>",
                                   "<< /Title (1 Installation) /Parent 7 0 R /First 9 0 R "
                                   "/Last 9 0 R /Count 1 /Dest [4 0 R /XYZ 72 710 0] >>",
                                   "<< /Title (1.1 Overleaf) /Parent 8 0 R "
                                   "/Dest [4 0 R /XYZ 72 650 0] >>"])
    doc = extract_pdf(pdf)
    heads = [(h.number, h.text, h.level) for h in doc.headings]
    assert heads == [("1", "Installation", 1), ("1.1", "Overleaf", 2)], heads


def test_a_line_the_outline_names_stands_alone_after_a_page_turn(tmp_path: Path) -> None:
    """A heading set in the body's type at the top of a page, after a page whose last line
    is full and ends a sentence, reads like the paragraph running on over the turn
    (LibreOffice's "8.1.1. Display options"). The outline names the line where it stands:
    it is a block of its own, and a heading."""
    full = ["This paragraph runs to the right margin in every line it has,",
            "so that nothing about its lines tells where it ends; the last",
            "of them ends with a full stop that happens to fill the line."]
    page1 = [courier_text(72, 100 + 13 * i, 11, t) for i, t in enumerate(full)]
    page2 = [courier_text(72, 60, 11, "2 Results"),
             courier_text(72, 73, 11, "The second section opens here and goes on for a line,"),
             courier_text(72, 86, 11, "then ends.")]
    courier = "<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>"
    pdf = write_pdf(tmp_path / "turn.pdf", ["\n".join(page1), "\n".join(page2)],
                    fonts="/F2 8 0 R", catalog_extra="/Outlines 9 0 R",
                    extra_objects=[courier,
                                   "<< /Type /Outlines /First 10 0 R /Last 10 0 R /Count 1 >>",
                                   "<< /Title (2 Results) /Parent 9 0 R "
                                   "/Dest [6 0 R /XYZ 72 740 0] >>"])
    doc = extract_pdf(pdf)
    assert [(h.number, h.text, h.page) for h in doc.headings] == [("2", "Results", 2)]
    assert doc.paragraphs[0].text.endswith("happens to fill the line.")


def test_an_outline_entry_without_the_printed_section_number_names_its_heading(
        tmp_path: Path) -> None:
    """DBLaTeX's outline leaves out the section numbers its pages print, and the titles
    begin with a label that reads as a number ("Appendix 1 - Definitions" for the line
    "10.1.1 Appendix 1 - Definitions"). Numbered lines close together read as a list's
    items; the outline names them as headings."""
    lines = [courier_text(150, 50, 20, "The service contract"),
             courier_text(72, 90, 16, "10.1 Contract on operating the network"),
             courier_text(72, 115, 11, "The parties have agreed on the services below.")]
    apps = ["Appendix 1 - Definitions", "Appendix 2 - Customer obligations",
            "Appendix 3 - Vendor obligations"]
    for i, a in enumerate(apps):
        lines.append(courier_text(72, 150 + 45 * i, 11, f"10.1.{i + 1} {a}"))
        lines.append(courier_text(72, 165 + 45 * i, 11, "The terms of this appendix apply."))
    courier = "<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>"
    kids = [f"<< /Title ({a}) /Parent 8 0 R "
            + (f"/Next {10 + i} 0 R " if i < 2 else "") + (f"/Prev {8 + i} 0 R " if i else "")
            + f"/Dest [4 0 R /XYZ 72 {792 - 150 - 45 * i + 9} 0] >>" for i, a in enumerate(apps)]
    pdf = write_pdf(tmp_path / "appendices.pdf", ["\n".join(lines)], fonts="/F2 6 0 R",
                    catalog_extra="/Outlines 7 0 R",
                    extra_objects=[courier,
                                   "<< /Type /Outlines /First 8 0 R /Last 8 0 R /Count 4 >>",
                                   "<< /Title (Contract on operating the network) /Parent 7 0 R "
                                   "/First 9 0 R /Last 11 0 R /Count 3 "
                                   "/Dest [4 0 R /XYZ 72 710 0] >>"] + kids)
    doc = extract_pdf(pdf)
    heads = [(h.number, h.text, h.level) for h in doc.headings]
    assert heads == [("10.1", "Contract on operating the network", 1)] + [
        (f"10.1.{i + 1}", a, 2) for i, a in enumerate(apps)], heads


def test_a_numbered_title_that_opens_with_its_own_step_number_is_a_heading(
        tmp_path: Path) -> None:
    """Sphinx numbers a Markdown heading that is numbered already ("## 1. Download" becomes
    "2.1.1 1. Download"): a title after a number, not a figure in running text."""
    page1 = [courier_text(72, 90, 16, "1 Overview"),
             courier_text(72, 115, 11, "The tool shows the console of a page on the phone;"),
             courier_text(72, 128, 11, "it is a script that the page loads like any other one."),
             courier_text(72, 141, 11, "This guide says how to install it and how to use it.")]
    page2 = [courier_text(72, 90, 16, "2 Installation"),
             courier_text(72, 115, 11, "Two steps install the tool on a web page of yours.")]
    for i, step in enumerate(["Download", "Import"]):
        page2.append(courier_text(72, 150 + 60 * i, 13, f"2.{i + 1} {i + 1}. {step}"))
        page2.append(courier_text(72, 172 + 60 * i, 11, "This step takes a minute or two."))
    pdf = write_pdf(tmp_path / "steps.pdf", ["\n".join(page1), "\n".join(page2)],
                    fonts="/F2 8 0 R",
                    extra_objects=["<< /Type /Font /Subtype /Type1 /BaseFont /Courier "
                                   "/Encoding /WinAnsiEncoding >>"])
    heads = [(h.number, h.text) for h in extract_pdf(pdf).headings]
    assert heads[-3:] == [("2", "Installation"), ("2.1", "1. Download"), ("2.2", "2. Import")], heads
