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


def test_contents_entries_are_contents_and_open_no_clauses(doc) -> None:  # noqa: ANN001
    assert doc.clauses == []
    entries = [p for p in doc.paragraphs if p.page == 1]
    assert entries and all(p.role == "contents" for p in entries)


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
    # a listing is one paragraph of role code, its numbered lines as printed
    lines = [t for p in doc.paragraphs if p.role == "code" for t in p.text.split("\n")]
    assert "3 License: GPL-2+" in lines and "License: GPL-2+" not in [h.text for h in doc.headings]
    assert not any(c.text.startswith("License") for c in doc.clauses)


def test_a_table_ruled_between_its_columns_but_open_at_its_sides_is_one_table(doc) -> None:  # noqa: ANN001
    # {l|l|l} under \hline: rules across and between the columns, none at the sides; the
    # outer columns are cells of the table, not paragraphs, and its words keep their spaces
    assert [t.rows for t in doc.tables] == [[
        ["kind", "letter", "what to do"], ["error", "E", "fix it before the upload"],
        ["warning", "W", "look at it again"], ["information", "I", "read it when there is time"]]]
    assert not any(p.text.startswith(("kind", "error E")) for p in doc.paragraphs)


def test_open_sides_close_only_rows_joined_by_a_column_rule() -> None:
    from pariter.extract.chars import open_sides

    rules = [(50.0, y, 300.0, y) for y in (100.0, 112.0, 124.0, 136.0)]
    column = [(150.0, 100.0, 150.0, 136.0)]
    assert sorted(open_sides(rules + column, 800.0)) == [(50.0, 100.0, 50.0, 136.0),
                                                         (300.0, 100.0, 300.0, 136.0)]
    assert open_sides(rules, 800.0) == []  # no column rule: rules over text, no table
    # rules a page's regions apart, a column rule between them: a page's frame, no table
    far = [(50.0, y, 300.0, y) for y in (100.0, 400.0, 700.0)]
    assert open_sides(far + [(150.0, 100.0, 150.0, 700.0)], 800.0) == []
    # a table closed at its sides already gets nothing more
    assert open_sides(rules + column + [(50.0, 100.0, 50.0, 136.0), (300.0, 100.0, 300.0, 136.0)],
                      800.0) == []
    # ... also where its side rules are drawn row by row, half a rule's width inside
    rows = [(x, y, x, y + 12.0) for x in (50.4, 299.6) for y in (100.0, 112.0, 124.0)]
    assert open_sides(rules + column + rows, 800.0) == []
