"""A note label whose figures the font prints partly plain, partly as superscript code
points: a face with superior designs of only some figures (its ToUnicode maps them to ³,
the others to plain 1) prints note 13 as "1³", both at its callout and at the note. The
page is a small PDF in Courier written here, its callout linked to the note."""

from __future__ import annotations

from pathlib import Path

from pariter.extract import extract_pdf

from ._pdf import COURIER_ADVANCE, courier_text, rule, write_pdf

SIZE = 11


def _page(tmp_path: Path, linked: bool) -> Path:
    lead = "The area is given in the table on the next page."
    ops = [courier_text(72, 100, SIZE, "Areas were measured on every plot in the study, and the"),
           courier_text(72, 114, SIZE, "values were checked twice against the survey of the year."),
           courier_text(72, 128, SIZE, lead + " 1\xb3"),
           courier_text(72, 142, SIZE, "The rest of the text follows on the line below the callout."),
           rule(72, 690, 250),
           courier_text(72, 705, 8, "1\xb3The survey itself is described in the appendix."),
           courier_text(72, 716, 8, "14 A second note keeps the numbering going on this page.")]
    x0 = 72 + COURIER_ADVANCE * SIZE * (len(lead) + 1)
    x1 = x0 + 2 * COURIER_ADVANCE * SIZE
    courier = "<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>"
    link = (f"<< /Type /Annot /Subtype /Link /Rect [{x0:.1f} {792 - 131:.1f} {x1:.1f} {792 - 119:.1f}] "
            "/Border [0 0 0] /Dest [4 0 R /XYZ 72 90 0] >>")
    return write_pdf(tmp_path / f"mixed-{linked}.pdf", ["\n".join(ops)], fonts="/F2 6 0 R",
                     extra_objects=[courier] + ([link] if linked else []),
                     page_extra="/Annots [7 0 R]" if linked else "")


def test_a_label_printed_half_plain_half_superscript_is_one_label(tmp_path: Path) -> None:
    doc = extract_pdf(_page(tmp_path, linked=True))
    assert [(f.label, f.text) for f in doc.footnotes][0] == (
        "13", "The survey itself is described in the appendix.")
    assert [(m.label, doc.footnotes[0].id == m.footnote) for m in doc.markers] == [("13", True)]
    text = next(p.text for p in doc.paragraphs if "next page" in p.text)
    assert text.endswith("the next page.") or "the next page. The rest" in text


def test_without_the_link_the_callout_is_not_read_as_13(tmp_path: Path) -> None:
    # the note's own label still reads as one number; nothing links the "1³" of the text
    doc = extract_pdf(_page(tmp_path, linked=False))
    assert doc.footnotes[0].label == "13"
    assert not any(m.label == "13" for m in doc.markers)
