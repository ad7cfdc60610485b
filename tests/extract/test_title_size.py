"""A title set only a little larger than the body (groff -ms: 2 points up), centred at the
top of the first page, in a size no other line has: the document's title, not a heading."""

from __future__ import annotations

from pathlib import Path

from pariter.extract import extract_pdf

from ._pdf import courier_pdf, courier_text

TEXT = ["And he heard the words of the sons of Laban, saying, Jacob hath taken away all",
        "that was our father's; and of that which was our father's hath he gotten all",
        "this glory. And Jacob beheld the countenance of Laban, and, behold, it was not",
        "toward him as before."]


def test_a_centred_first_line_in_a_size_of_its_own_is_the_title(tmp_path: Path) -> None:
    title = "Readings with Notes"
    ops = [courier_text(306 - len(title) * 0.6 * 12 / 2, 90, 12, title),
           courier_text(306 - 17 * 0.6 * 10 / 2, 120, 10, "King James Version")]
    for k, head in enumerate(["1. Jacob Leaves Laban", "2. Jacob and Esau"]):
        base = 160 + 100 * k
        ops.append(courier_text(72, base, 11, head))
        ops += [courier_text(72, base + 20 + 12 * i, 10, t) for i, t in enumerate(TEXT)]
    doc = extract_pdf(courier_pdf(tmp_path / "ms.pdf", [ops]))
    assert doc.title == title
    assert title not in [h.text for h in doc.headings]


def test_a_first_line_in_the_size_of_the_headings_is_a_heading(tmp_path: Path) -> None:
    # the same first line in the size the document's other headings share is a heading
    ops = [courier_text(72, 90, 11, "Readings with Notes")]
    for k, head in enumerate(["1. Jacob Leaves Laban", "2. Jacob and Esau"]):
        base = 130 + 100 * k
        ops.append(courier_text(72, base, 11, head))
        ops += [courier_text(72, base + 20 + 12 * i, 10, t) for i, t in enumerate(TEXT)]
    doc = extract_pdf(courier_pdf(tmp_path / "ms2.pdf", [ops]))
    assert doc.title != "Readings with Notes"
