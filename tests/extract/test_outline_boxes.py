"""A manual typeset as documentation toolchains do (fixtures/manual-outline-boxes.tex, built
with pdflatex and hyperref): an outline, a contents page, note callouts set on the
baseline and linked to their notes, subsubsections in a bold face that the titles of
"Note" boxes share, and code listings with numbered lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from pariter.extract import extract_pdf

FIX = Path(__file__).parent / "fixtures" / "manual-outline-boxes.pdf"


@pytest.fixture(scope="module")
def doc():  # noqa: ANN201
    return extract_pdf(FIX)


def test_box_titles_in_a_heading_face_the_outline_leaves_out_are_no_headings(doc) -> None:  # noqa: ANN001
    # the outline lists 2 of the 8 blocks set in the subsubsections' bold face: the other 6
    # are the titles of note boxes, paragraphs of the text
    heads = [h.text for h in doc.headings]
    assert not {"Note", "Tip", "Warning"} & set(heads)
    assert "Fields of the source paragraph" in heads and "Warnings and errors" in heads
    assert [p.text for p in doc.paragraphs].count("Note") == 3


def test_contents_entries_are_front_matter_and_open_no_clauses(doc) -> None:  # noqa: ANN001
    assert doc.clauses == []
    entries = [p for p in doc.paragraphs if p.page == 1]
    assert entries and all(p.role == "front" for p in entries)


def test_baseline_callouts_under_a_link_to_their_note_are_markers(doc) -> None:  # noqa: ANN001
    notes = {f.id: f for f in doc.footnotes}
    assert sorted((m.label, m.page, notes[m.footnote].label) for m in doc.markers) == [
        ("1", 2, "1"), ("2", 2, "2"), ("3", 2, "3"), ("4", 3, "4")]
    paras = {p.id: p for p in doc.paragraphs}
    text = paras[next(m for m in doc.markers if m.label == "3").paragraph].text
    assert text.endswith("programs can read:")  # the label is out of the text
    m1 = next(m for m in doc.markers if m.label == "1")
    assert paras[m1.paragraph].text[:m1.offset].endswith("how the package is made.")


def test_code_listing_lines_are_no_headings_or_clauses(doc) -> None:  # noqa: ANN001
    texts = [p.text for p in doc.paragraphs]
    assert "3 License: GPL-2+" in texts and "License: GPL-2+" not in [h.text for h in doc.headings]
