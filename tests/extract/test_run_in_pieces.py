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


def _labelled(paragraphs: list[tuple[str, str]], lang: str = "en"):
    """A document of loose paragraphs, each (label, text) opening with that run-in label
    ("" for none), segmented the way every extracted document is."""
    from pariter.align.structure import build_document

    doc = build_document(lang, {lang: [{"number": "1", "heading": "Resources", "paragraphs": [
        f"{label} {text}" if label else text for label, text in paragraphs]}]})
    for p, (label, _) in zip(doc.paragraphs, paragraphs):
        p.label_end = len(label) or None
    add_sentences(doc)
    return [[s.text for s in doc.sentences if s.paragraph == p.id] for p in doc.paragraphs]


def test_a_description_lists_term_opens_its_items_first_sentence() -> None:
    """Terms of a description list (texlive's "TeX FAQ The TeX FAQ is…", "起步 如果你刚刚接触
    TeX，…") are read with the item's first sentence; a box's label, which repeats ("Note"
    over "Note"), a label that stands alone, one set off by a full stop and a numbered one
    ("Lemma 2.1 (…)") stay sentences of their own."""
    assert _labelled([("Getting started", "If you are new to TeX, see the web page. It is short."),
                      ("TeX FAQ", "The TeX FAQ is a compendium of answers."),
                      ("CTAN", "CTAN is the place to start looking.")]) == [
        ["Getting started If you are new to TeX, see the web page.", "It is short."],
        ["TeX FAQ The TeX FAQ is a compendium of answers."],
        ["CTAN CTAN is the place to start looking."]]
    assert _labelled([("起步", "如果你刚刚接触 TeX，这个网页提供了简短介绍。"),
                      ("提问", "如果你还是找不到答案，可以在网站上提问。")], "zh") == [
        ["起步 如果你刚刚接触 TeX，这个网页提供了简短介绍。"], ["提问 如果你还是找不到答案，可以在网站上提问。"]]
    assert _labelled([("Note", "You can also select the device."), ("Note", "A normal page needs it."),
                      ("", "Running text follows."), ("Remark", "Only one colour was added.")]) == [
        ["Note", "You can also select the device."], ["Note", "A normal page needs it."],
        ["Running text follows."], ["Remark", "Only one colour was added."]]
    assert _labelled([("Brief background.", "Sui is an evolution of FastPay."),
                      ("Protocol outline.", "Figure 1 illustrates the protocol.")]) == [
        ["Brief background.", "Sui is an evolution of FastPay."],
        ["Protocol outline.", "Figure 1 illustrates the protocol."]]
    assert _labelled([("Lemma 2.1 (Size Of Left Coset)", "Let H be a finite subgroup."),
                      ("Theorem 2.2 (Lagrange's Theorem)", "Let G be a finite group.")]) == [
        ["Lemma 2.1 (Size Of Left Coset)", "Let H be a finite subgroup."],
        ["Theorem 2.2 (Lagrange's Theorem)", "Let G be a finite group."]]
