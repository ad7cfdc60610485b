"""A front page that carries the title, the abstract and the contents (memoir's thesis
style): the contents' title may be set larger than the document's title, and it names the
contents, not the document. The page is a small PDF in Courier written here."""

from __future__ import annotations

from pathlib import Path

from pariter.extract import extract_pdf

from ._pdf import courier_pdf, courier_text


def test_a_contents_title_larger_than_the_title_is_a_heading_not_the_title(tmp_path: Path) -> None:
    front = [courier_text(150, 90, 17, "Rules and Open Data"),
             courier_text(150, 120, 12, "A Thesis for the Degree of Master"),
             courier_text(250, 170, 10, "Abstract"),
             courier_text(100, 190, 10, "This thesis studies how public bodies classify the data"),
             courier_text(100, 202, 10, "they hold, and how far their rules shape what is published."),
             courier_text(72, 260, 25, "Contents"),
             courier_text(72, 300, 11, "1 Introduction . . . . . . . . . . . . . . . . 2"),
             courier_text(90, 315, 11, "1.1 Background  . . . . . . . . . . . . . . . 2"),
             courier_text(90, 330, 11, "1.2 Questions . . . . . . . . . . . . . . . . 2"),
             courier_text(72, 345, 11, "2 Method . . . . . . . . . . . . . . . . . . . 3"),
             courier_text(90, 360, 11, "2.1 Data  . . . . . . . . . . . . . . . . . . 3"),
             courier_text(90, 375, 11, "2.2 Measures  . . . . . . . . . . . . . . . . 3")]
    body = ["We study the rules that public bodies follow when they publish the data they hold.",
            "The registers of many bodies over five years are the evidence for this study."]
    page2 = [courier_text(72, 90, 20, "1 Introduction")]
    page2 += [courier_text(72, 130 + 13 * i, 11, t) for i, t in enumerate(body)]
    page3 = [courier_text(72, 90, 20, "2 Method")]
    page3 += [courier_text(72, 130 + 13 * i, 11, t) for i, t in enumerate(body)]
    doc = extract_pdf(courier_pdf(tmp_path / "front.pdf", [front, page2, page3]))
    assert doc.title == "Rules and Open Data"
    assert [(h.page, h.text) for h in doc.headings if h.text == "Contents"] == [(1, "Contents")]


def test_a_centred_caption_wrapped_onto_a_second_line_is_one_paragraph(tmp_path: Path) -> None:
    # a chart (a filled box) over a centred two-line caption whose second line holds the
    # word that did not fit on the first: one caption, not a caption and a stray "body."
    body = ["Bodies that must state reasons for closing data score higher on completeness.",
            "The difference remains after controlling for the size of the body in question."]
    ops = [courier_text(72, 60, 14, "1 Results")]
    ops += [courier_text(72, 90 + 13 * i, 10, t) for i, t in enumerate(body)]
    ops.append("0.5 g 150 520 300 150 re f 0 g")  # the chart: y from 520 to 670 (PDF units)
    # the first line nearly fills the measure: the next word would not have fitted on it
    cap1 = "Figure 3.1. Distribution of the completeness of the registers by the type of the"
    ops.append(courier_text(306 - len(cap1) * 0.6 * 9 / 2, 292, 9, cap1))
    ops.append(courier_text(306 - 5 * 0.6 * 9 / 2, 303, 9, "body."))
    ops += [courier_text(72, 330 + 13 * i, 10, t) for i, t in enumerate(body)]
    doc = extract_pdf(courier_pdf(tmp_path / "caption.pdf", [ops]))
    caps = [p.text for p in doc.paragraphs if p.role == "caption"]
    assert caps == [cap1 + " body."], caps
    assert not any(p.text == "body." for p in doc.paragraphs)


def test_text_that_starts_under_the_contents_on_their_last_page_has_its_headings(tmp_path: Path) -> None:
    """The contents end part way down a page and the text starts under them (LaTeX's
    article class): the page is a contents page, but its first headings are headings, not
    entries; the entries above them stay out."""
    page1 = [courier_text(150, 60, 20, "Rules and Open Data"),
             courier_text(72, 90, 16, "Contents"),
             courier_text(72, 120, 11, "1 Introduction . . . . . . . . . . . . . . . . 1"),
             courier_text(90, 135, 11, "1.1 Background  . . . . . . . . . . . . . . . 1"),
             courier_text(72, 150, 11, "2 Method . . . . . . . . . . . . . . . . . . . 2"),
             courier_text(90, 165, 11, "2.1 Data  . . . . . . . . . . . . . . . . . . 2"),
             courier_text(72, 220, 16, "1 Introduction"),
             courier_text(72, 245, 11, "We study the rules that public bodies follow when they"),
             courier_text(72, 258, 11, "publish the data they hold, over five years of registers."),
             courier_text(72, 290, 13, "1.1 Background"),
             courier_text(72, 315, 11, "Earlier studies looked at one body at a time, and at one"),
             courier_text(72, 328, 11, "year; the registers of many bodies are the evidence here.")]
    page2 = [courier_text(72, 90, 16, "2 Method"),
             courier_text(72, 115, 11, "We read every register and count what each body published."),
             courier_text(90, 150, 13, "2.1 Data"),
             courier_text(72, 175, 11, "The registers come from the bodies' own sites, as printed.")]
    doc = extract_pdf(courier_pdf(tmp_path / "contents.pdf", [page1, page2]))
    heads = [(h.page, h.number, h.text) for h in doc.headings]
    assert heads == [(1, None, "Contents"), (1, "1", "Introduction"), (1, "1.1", "Background"),
                     (2, "2", "Method"), (2, "2.1", "Data")], heads

