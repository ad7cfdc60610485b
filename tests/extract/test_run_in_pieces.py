"""A run-in heading (LaTeX's ``\\paragraph``) opens its paragraph's first line in bold, a
quad before the text in the body face: the quad parts the line into two pieces, which are
joined again as one line; the bold piece is the line's run-in label, a unit of its own."""

from __future__ import annotations

from pathlib import Path

import pytest

from pariter.extract.document import extract_pdf
from pariter.pipeline import add_sentences

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize("name,labels", [
    # pdflatex (Latin Modern) and xelatex ctexart: \paragraph{…} sets its title in bold,
    # then a quad, then the paragraph's text in the body face
    ("runin-paragraph.pdf", ["Pitches", "Rests", "Time signature"]),
    ("runin-paragraph-zh.pdf", ["音高", "休止符", "拍子记号"]),
])
def test_a_bold_run_in_heading_parted_by_a_quad_is_a_label(name: str, labels: list[str]) -> None:
    doc = extract_pdf(FIXTURES / name)
    got = [p.text[:p.label_end] for p in doc.paragraphs if p.label_end]
    assert got == labels
    add_sentences(doc)
    sentences = [s.text for s in doc.sentences]
    for label in labels:
        assert label in sentences  # a sentence of its own, split off its paragraph
    # the body's own paragraphs have no label
    assert not any(p.label_end for p in doc.paragraphs if p.text.startswith("LilyPond"))
